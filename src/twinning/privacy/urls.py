from django.urls import path

from twinning.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("my-data.json", views.download, name="download"),
    path("erasure/", views.request_erasure, name="request_erasure"),
    path("manage/", views.manage, name="manage"),
    path("users/<int:pk>/anonymise/", views.anonymise_user, name="anonymise_user"),
    path("people/<slug:slug>/", views.person, name="person"),
]
