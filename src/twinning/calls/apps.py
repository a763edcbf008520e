from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "twinning.calls"
    label = "calls"
    verbose_name = _("Calls and applications")

    def ready(self) -> None:
        """Calls sit above programmes and pairing, which never import them (ADR 0025): calls
        listens to their signal and registers its chart, its pool source and its veto on
        releasing a submitted tandem's pin with them."""
        from twinning.calls.actions.pool import pool_single_applicants
        from twinning.calls.figures import applications_per_call
        from twinning.calls.receivers import keep_submitted_tandems, record_accepted_pairs
        from twinning.pairing.signals import pairs_accepted
        from twinning.pairing.sources import PoolSource, register_pool_source
        from twinning.pairing.vetoes import register_release_veto
        from twinning.programmes.figure_views import register_chart

        pairs_accepted.connect(record_accepted_pairs, dispatch_uid="calls-record-accepted-pairs")
        register_release_veto("submitted-tandems", keep_submitted_tandems)
        register_chart(
            "applications-per-call", applications_per_call, before="exchanges-per-direction"
        )
        register_pool_source(
            PoolSource(
                key="applicants",
                label=_("Add the single applicants of this cohort's calls"),
                fill=pool_single_applicants,
            )
        )
