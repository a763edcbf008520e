from django.urls import path

from twinning.library import views

app_name = "library"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("<slug:slug>/", views.document_detail, name="document"),
]
