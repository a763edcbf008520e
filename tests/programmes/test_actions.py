import datetime

import pytest

from tests.factories import CohortFactory, OrganisationFactory, PersonFactory
from twinning.programmes.actions import (
    ProgrammeError,
    form_pair,
    open_cohort,
    record_event,
    record_visit,
    set_pair_status,
)
from twinning.programmes.enums import DatePrecision, PairStatus
from twinning.programmes.models import Event, Pair, Visit, date_from_parts

pytestmark = pytest.mark.django_db


def test_form_pair_keeps_topics_and_refuses_a_second_pair_for_the_same_organisation():
    cohort = CohortFactory()
    a, b, c = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    pair = form_pair(cohort=cohort, organisation_a=a, organisation_b=b, topics=["waste", "climate"])
    assert sorted(pair.topics.values_list("slug", flat=True)) == ["climate", "waste"]
    with pytest.raises(ProgrammeError, match="already paired"):
        form_pair(cohort=cohort, organisation_a=c, organisation_b=b)
    assert Pair.objects.count() == 1


def test_form_pair_refuses_self_pairs_and_unknown_topics_without_writing():
    cohort = CohortFactory()
    a, b = OrganisationFactory(), OrganisationFactory()
    with pytest.raises(ProgrammeError):
        form_pair(cohort=cohort, organisation_a=a, organisation_b=a)
    with pytest.raises(ValueError, match="Unknown topic"):
        form_pair(cohort=cohort, organisation_a=a, organisation_b=b, topics=["not-a-topic"])
    assert Pair.objects.count() == 0


def test_withdrawn_pair_frees_its_organisations():
    cohort = CohortFactory()
    a, b, c = OrganisationFactory(), OrganisationFactory(), OrganisationFactory()
    set_pair_status(
        pair=form_pair(cohort=cohort, organisation_a=a, organisation_b=b),
        status=PairStatus.WITHDRAWN,
    )
    assert form_pair(cohort=cohort, organisation_a=a, organisation_b=c).organisation_b == c


def test_open_cohort_is_idempotent():
    cohort = CohortFactory(year=2017)
    assert open_cohort(programme=cohort.programme, year=2017) == cohort


def test_event_keeps_the_precision_of_its_date():
    start, precision = date_from_parts(2014, 10)
    event = record_event(
        name="EcoProcura China 2014", start=start, start_precision=precision, place="Beijing"
    )
    assert (event.start_iso, event.start_precision) == ("2014-10", DatePrecision.MONTH)
    assert (
        record_event(
            name="World Urban Forum",
            start=date_from_parts(2008)[0],
            start_precision=DatePrecision.YEAR,
        ).start_iso
        == "2008"
    )
    assert Event.objects.count() == 2


def test_visit_records_participants_and_refuses_a_host_visiting_itself():
    host, visitor = (
        OrganisationFactory(name="AIT Research Center"),
        OrganisationFactory(name="CRES"),
    )
    leader = PersonFactory(name="Dingping Ma")
    visit = record_visit(
        date=datetime.date(2023, 11, 28),
        host=host,
        visitors=[visitor],
        participants=[(leader, visitor, "Secretary General", True)],
    )
    assert [(p.person.name, p.role, p.is_leader) for p in visit.participants.all()] == [
        ("Dingping Ma", "Secretary General", True)
    ]
    with pytest.raises(ProgrammeError):
        record_visit(date=datetime.date(2023, 11, 28), host=host, visitors=[host])
    assert Visit.objects.count() == 1
