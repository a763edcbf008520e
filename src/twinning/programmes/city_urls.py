from django.urls import path

from twinning.programmes import city_views

app_name = "cities"
urlpatterns = [
    path("", city_views.city_list, name="list"),
    path("<slug:slug>/", city_views.city_detail, name="city"),
]
