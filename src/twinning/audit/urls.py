from django.urls import path

from twinning.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_log, name="log"),
    path("organisations/<slug:slug>/", views.organisation_history, name="organisation"),
]
