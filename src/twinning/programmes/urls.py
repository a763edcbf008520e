from django.urls import path

from twinning.programmes import views

app_name = "programmes"
urlpatterns = [
    path("", views.programme_list, name="list"),
    path("events/", views.event_list, name="events"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("pairs/<int:pk>/", views.pair_detail, name="pair"),
    path("<slug:slug>/", views.programme_detail, name="programme"),
    path("<slug:slug>/<int:year>/", views.cohort_detail, name="cohort"),
]
