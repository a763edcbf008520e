from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_topic_vocabulary(sender: AppConfig, **kwargs: Any) -> None:
    from twinning.directory.actions import sync_topics

    sync_topics()


class DirectoryConfig(AppConfig):
    name = "twinning.directory"
    label = "directory"
    verbose_name = _("Directory")

    def ready(self) -> None:
        # The vocabulary ships as data: every migrate brings the Topic table in line with it.
        post_migrate.connect(_sync_topic_vocabulary, sender=self)
