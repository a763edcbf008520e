from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "twinning.calls"
    label = "calls"
    verbose_name = _("Calls and applications")

    def ready(self) -> None:
        from twinning.calls.receivers import record_accepted_pairs
        from twinning.pairing.signals import pairs_accepted

        pairs_accepted.connect(record_accepted_pairs, dispatch_uid="calls-record-accepted-pairs")
