from django.urls import path

from twinning.exchanges import (
    feed_views,
    message_views,
    project_views,
    start,
    views,
    visit_views,
    workshop_views,
)

app_name = "exchanges"
urlpatterns = [
    path("", start.my_page, name="mine"),
    path("dashboard/", start.dashboard, name="dashboard"),
    path("messages/", message_views.messages_page, name="messages"),
    path("messages/templates/<slug:key>/", message_views.edit_template, name="template"),
    path("pairs/<int:pk>/", views.pair_exchanges, name="pair"),
    path("pairs/<int:pk>/placements/new/", views.plan, name="plan"),
    path("pairs/<int:pk>/reports/new/", views.request_report, name="request_report"),
    path("pairs/<int:pk>/project/", project_views.edit_project, name="project"),
    path("pairs/<int:pk>/milestones/", project_views.add_milestone, name="add_milestone"),
    path("pairs/<int:pk>/alumni/", project_views.record_alumni, name="record_alumni"),
    path("pairs/<int:pk>/follow-ups/", project_views.add_follow_up, name="add_follow_up"),
    path("milestones/<int:pk>/<slug:step>/", project_views.milestone_step, name="milestone_step"),
    path("follow-ups/<int:pk>/", project_views.follow_up_detail, name="follow_up"),
    path("alumni/", project_views.alumni_network, name="alumni"),
    path("workshops/<int:pk>/", workshop_views.workshop_detail, name="workshop"),
    path("workshops/<int:pk>/register/", workshop_views.register, name="register"),
    path("workshops/<int:pk>/attendance/", workshop_views.attendance, name="attendance"),
    path(
        "programmes/<slug:slug>/<int:year>/workshops/",
        workshop_views.cohort_workshops,
        name="workshops",
    ),
    path(
        "programmes/<slug:slug>/<int:year>/workshops/new/",
        workshop_views.schedule,
        name="schedule_workshop",
    ),
    path("visits/", visit_views.visit_list, name="visits"),
    path("visits/<int:pk>/", visit_views.visit_detail, name="visit"),
    path("visits/<int:pk>.ics", visit_views.visit_calendar, name="visit_calendar"),
    path("placements/<int:pk>/", views.placement_detail, name="placement"),
    path("placements/<int:pk>/letter.pdf", views.placement_letter, name="letter"),
    path("placements/<int:pk>/<slug:step>/", views.placement_step, name="placement_step"),
    path("reports/<int:pk>/", views.report_detail, name="report"),
    path("reports/<int:pk>/file/", views.report_file, name="report_file"),
    path("reports/<int:pk>/<slug:step>/", views.report_review, name="report_review"),
    path("calendar/renew/", feed_views.renew_token, name="renew_token"),
    path("calendar/revoke/", feed_views.revoke_token, name="revoke_token"),
    path("calendar/<str:token>.ics", feed_views.personal_calendar, name="personal_calendar"),
    path("programmes/<slug:slug>.ics", feed_views.programme_calendar, name="programme_calendar"),
    path(
        "programmes/<slug:slug>/<int:year>.ics", feed_views.cohort_calendar, name="cohort_calendar"
    ),
]
