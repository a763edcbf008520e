"""What the audit writer costs an action: the name and organisations of the record come from
what the action already read (foreign-key ids, rows re-read under its lock), so a write adds
the entry and its "concerns" rows and nothing else."""

import pytest
from django.contrib.contenttypes.models import ContentType

from tests.factories import CohortFactory, OrganisationFactory, UserFactory
from twinning.audit.log import organisations_of, record
from twinning.audit.models import AuditRecord
from twinning.directory.actions import approve_staff_membership
from twinning.directory.models import StaffMembership
from twinning.programmes.actions import form_pair, set_pair_status
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(coordinator):
    made = form_pair(
        cohort=CohortFactory(),
        organisation_a=OrganisationFactory(name="Lyon Waste"),
        organisation_b=OrganisationFactory(name="Chengdu Homes"),
        actor=coordinator,
    )
    ContentType.objects.get_for_model(Pair)  # the content-type cache is warm in a server
    return Pair.objects.get(pk=made.pk)  # as a view would load it: no partner rows


def test_the_organisations_of_a_record_cost_no_query(pair, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert organisations_of(pair) == [pair.organisation_a_id, pair.organisation_b_id]


def test_the_writer_adds_the_entry_and_its_concerns_only(pair, django_assert_num_queries):
    loaded = Pair.objects.select_related("organisation_a", "organisation_b").get(pk=pair.pk)
    with django_assert_num_queries(2):  # INSERT the entry, INSERT its two concerns
        entry = record(actor=None, verb="updated", record=loaded, changes={"focus": ["a", "b"]})
    assert entry.record_label == "Lyon Waste – Chengdu Homes"


def test_changing_a_pairs_status(pair, coordinator, django_assert_num_queries):
    # savepoint; the pair re-read under its lock with both partners; UPDATE; two search-index
    # requests (the pair, its organisations); the entry; its concerns; release. Before, the
    # writer read each partner on its own (two SELECTs, no lock) and wrote no concerns.
    with django_assert_num_queries(8):
        set_pair_status(pair=pair, status="completed", actor=coordinator)
    entry = AuditRecord.objects.get(verb="updated")
    assert entry.record_label == "Lyon Waste – Chengdu Homes"
    assert entry.changes == {"status": ["active", "completed"]}
    assert entry.organisations.count() == 2


def test_granting_a_role(coordinator, django_assert_num_queries):
    organisation = OrganisationFactory(name="Blue River")
    claim = StaffMembership.objects.create(
        user=UserFactory(username="claimant"), organisation=organisation
    )
    ContentType.objects.get_for_model(StaffMembership)
    claim = StaffMembership.objects.get(pk=claim.pk)
    # savepoint; the claim re-read under its lock with user and organisation; UPDATE; the
    # entry; its concern; release. Before: the organisation and the user read one by one.
    with django_assert_num_queries(6):
        approve_staff_membership(membership=claim, actor=coordinator)
    entry = AuditRecord.objects.get(verb="granted")
    assert entry.record_label == "claimant @ Blue River"
    assert entry.organisation == organisation
    # a second approval (a stale page, a double click) grants nothing more
    with django_assert_num_queries(3):  # savepoint, the locked re-read, release
        approve_staff_membership(membership=claim, actor=coordinator)
    assert AuditRecord.objects.filter(verb="granted").count() == 1
