"""Entries written before audit records named every organisation they concern are back-filled
by the migration: both ends of a pair (pair and exchange entries), a visit's host and visitors,
an organisation's own entries."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import CohortFactory, OrganisationFactory
from twinning.audit.models import AuditRecord
from twinning.directory.actions import update_organisation
from twinning.exchanges.actions import describe_joint_project
from twinning.programmes.actions import form_pair, record_visit

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = ("audit", "0001_audit_record")


def test_the_migration_back_fills_every_organisation_an_entry_concerns(coordinator):
    lyon = OrganisationFactory(name="Zero Waste Lyon", slug="zero-waste-lyon")
    chengdu = OrganisationFactory(name="Chengdu Green Home", slug="chengdu-green-home")
    solo = OrganisationFactory(name="Solo", slug="solo", founded=1990)
    third = OrganisationFactory(name="Third", slug="third")
    pair = form_pair(
        cohort=CohortFactory(), organisation_a=lyon, organisation_b=chengdu, actor=coordinator
    )
    describe_joint_project(pair=pair, title="Compost", goals="Two pilots", actor=coordinator)
    record_visit(
        date=datetime.date(2030, 9, 1), host=chengdu, visitors=[lyon, third], actor=coordinator
    )
    update_organisation(organisation=solo, actor=coordinator, founded=1999)
    before = list(AuditRecord.objects.order_by("pk").values_list("pk", "organisation_id"))

    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE])  # the concerns table is gone; entries keep one organisation
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert list(AuditRecord.objects.order_by("pk").values_list("pk", "organisation_id")) == before
    concerned = {
        entry.record_type.model: sorted(entry.organisations.values_list("slug", flat=True))
        for entry in AuditRecord.objects.select_related("record_type")
    }
    assert concerned == {
        "pair": ["chengdu-green-home", "zero-waste-lyon"],
        "jointproject": ["chengdu-green-home", "zero-waste-lyon"],
        "visit": ["chengdu-green-home", "third", "zero-waste-lyon"],
        "organisation": ["solo"],
    }
    assert AuditRecord.organisations.through.objects.count() == 8
