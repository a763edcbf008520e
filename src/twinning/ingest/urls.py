from django.urls import path

from twinning.ingest import views

app_name = "ingest"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("queue/", views.queue, name="queue"),
    path("queue/review/", views.review_bulk, name="review_bulk"),
    path("candidates/<int:pk>/", views.candidate_detail, name="candidate"),
]
