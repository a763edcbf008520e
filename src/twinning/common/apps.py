from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "twinning.common"
    label = "common"
