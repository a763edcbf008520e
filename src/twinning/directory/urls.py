from django.urls import path, re_path

from twinning.directory import identifier_views, views

app_name = "directory"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    re_path(r"^export\.(?P<format>csv|json)$", views.organisation_export, name="export"),
    path("<slug:slug>/", views.organisation_detail, name="organisation"),
    path(
        "<slug:slug>/identifiers/",
        identifier_views.organisation_identifiers,
        name="identifiers",
    ),
]
