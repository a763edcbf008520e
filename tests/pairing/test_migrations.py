"""A database from before the pairing app (programmes at 0008, rows in the pool, constraints
and runs) migrates forward with every row intact and its content types moved (ADR 0025)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import CohortFactory, OrganisationFactory, UserFactory
from twinning.common.jobs import create_job
from twinning.pairing.models import PairingConstraint, PairingRun, PoolMember

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = ("programmes", "0008_pairing_run_decision_record")


def leaves(executor):
    return executor.loader.graph.leaf_nodes()


def test_the_pool_constraints_and_runs_keep_their_rows_when_they_move_to_pairing():
    cohort = CohortFactory()
    lyon, dalian = OrganisationFactory(name="Lyon Waste"), OrganisationFactory(country="CN")
    chair = UserFactory(username="chair", is_staff=True)
    job = create_job(kind="pairing", title="Pairing")
    content_type = ContentType.objects.get(app_label="pairing", model="poolmember")

    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])  # back to the database as programmes left it
    try:
        executor.loader.build_graph()
        assert ("pairing", "0001_initial") not in executor.loader.applied_migrations
        old = executor.loader.project_state(
            [node for node in leaves(executor) if node[0] not in ("programmes", "pairing")]
            + [BEFORE]
        ).apps
        assert ("pairing", "poolmember") not in old.all_models
        OldPoolMember = old.get_model("programmes", "PoolMember")
        OldConstraint = old.get_model("programmes", "PairingConstraint")
        OldRun = old.get_model("programmes", "PairingRun")
        member = OldPoolMember.objects.create(
            cohort_id=cohort.pk, organisation_id=lyon.pk, side="A"
        )
        OldPoolMember.objects.create(cohort_id=cohort.pk, organisation_id=dalian.pk, side="B")
        constraint = OldConstraint.objects.create(
            cohort_id=cohort.pk,
            organisation_a_id=lyon.pk,
            organisation_b_id=dalian.pk,
            kind="pinned",
            reason="submitted tandem",
        )
        run = OldRun.objects.create(
            cohort_id=cohort.pk,
            job_id=job.pk,
            result={"pairs": [{"a": lyon.pk, "b": dalian.pk, "score": 0.7}]},
            is_accepted=True,
            accepted_by_id=chair.pk,
            acceptance_reason="Both asked.",
            accepted_pairs=[[lyon.pk, dalian.pk]],
        )
        assert ContentType.objects.get(pk=content_type.pk).app_label == "programmes"
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(leaves(executor))

    assert list(
        PoolMember.objects.order_by("pk").values_list("pk", "cohort_id", "organisation_id", "side")
    ) == [(member.pk, cohort.pk, lyon.pk, "A"), (member.pk + 1, cohort.pk, dalian.pk, "B")]
    assert PoolMember.objects.get(pk=member.pk).added_by is None  # provenance unknown before
    moved = PairingConstraint.objects.get()
    assert (moved.pk, moved.kind, moved.reason) == (constraint.pk, "pinned", "submitted tandem")
    moved_run = PairingRun.objects.get()
    assert (moved_run.pk, moved_run.job_id, moved_run.accepted_by_id) == (run.pk, job.pk, chair.pk)
    assert moved_run.proposal.keys() == {(lyon.pk, dalian.pk)}
    assert moved_run.accepted_pairs == [[lyon.pk, dalian.pk]]
    assert cohort.pool.count() == 2 and cohort.pairing_runs.get() == moved_run
    assert ContentType.objects.get(pk=content_type.pk).app_label == "pairing"
