from django.urls import path

from twinning.calls.views import applicant, coordinator, public, reviewer

app_name = "calls"
urlpatterns = [
    path("", public.call_list, name="list"),
    path("new/", coordinator.open_call, name="new"),
    path("applications/", applicant.my_applications, name="applications"),
    path("applications/<int:pk>/", applicant.application_detail, name="application"),
    path("applications/<int:pk>/invitation/", applicant.answer_invitation, name="invitation"),
    path("applications/<int:pk>/partner/", applicant.choose_partner, name="partner"),
    path("reviews/", reviewer.my_reviews, name="reviews"),
    path("reviews/<int:pk>/", reviewer.review_detail, name="review"),
    path("<slug:slug>/", public.call_detail, name="call"),
    path("<slug:slug>/apply/", applicant.apply, name="apply"),
    path("<slug:slug>/manage/", coordinator.manage, name="manage"),
    path("<slug:slug>/dates/", coordinator.reschedule, name="reschedule"),
    path("<slug:slug>/committee/", coordinator.committee, name="committee"),
    path("<slug:slug>/audit/", coordinator.audit_log, name="audit"),
]
