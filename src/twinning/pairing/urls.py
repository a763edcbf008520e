"""The pairing pages, included by `programmes.urls` so their names (`programmes:pairing`, …)
and paths stay as pages, tests and docs know them (ADR 0025)."""

from django.urls import path

from twinning.pairing import views

urlpatterns = [
    path("suggestions/<slug:slug>/", views.suggestions, name="suggestions"),
    path("<slug:slug>/<int:year>/pairing/", views.cohort_pairing, name="pairing"),
    path(
        "<slug:slug>/<int:year>/pairing/change/",
        views.cohort_pairing_change,
        name="pairing_change",
    ),
    path(
        "<slug:slug>/<int:year>/pairing/<int:run>/accept/",
        views.cohort_pairing_accept,
        name="pairing_accept",
    ),
]
