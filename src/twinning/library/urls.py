from django.urls import path

from twinning.library import views

app_name = "library"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("search/", views.search, name="search"),
    path("upload/", views.document_upload, name="upload"),
    path("similar/<str:kind>/<slug:reference>/", views.similar, name="similar"),
    path("<slug:slug>/", views.document_detail, name="document"),
]
