from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "twinning.common"
    label = "common"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from twinning.common.cache import data_changed

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(data_changed, dispatch_uid=f"twinning-cache-{signal!r}")
