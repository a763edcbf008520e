from django.urls import include, path, re_path

from twinning.programmes import figure_views, map_views, views

app_name = "programmes"
urlpatterns = [
    path("", views.programme_list, name="list"),
    path("figures/", figure_views.figures, name="figures"),
    re_path(
        r"^figures/(?P<name>[a-z-]+)\.(?P<format>csv|svg)$",
        figure_views.figure_download,
        name="figure_download",
    ),
    path("network/", views.network, name="network"),
    path("map/", map_views.network_map_page, name="map"),
    path("graph/", map_views.cooperation_graph_page, name="graph"),
    path("events/", views.event_list, name="events"),
    path("events.ics", views.events_calendar, name="events_calendar"),
    path("events/<slug:slug>.ics", views.event_calendar, name="event_calendar"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("pairs/<int:pk>/", views.pair_detail, name="pair"),
    # the pairing app's pages keep their names and paths here (ADR 0025)
    path("", include("twinning.pairing.urls")),
    path("<slug:slug>/", views.programme_detail, name="programme"),
    path("<slug:slug>/<int:year>/", views.cohort_detail, name="cohort"),
]
