"""Load the demo data set through the actions, in one transaction, as often as you like.

Every record is looked up by its natural key first (an organisation's name, a pair's cohort
and partners, an event's name and start…) and only created when missing, so a second load
creates nothing and a load after the data set grows adds only what is new.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TextIO

from django.contrib.auth import get_user_model
from django.db import models, transaction

from twinning.accounts.actions import create_coordinator
from twinning.demo.actions import describe_document
from twinning.demo.data import DATA_SETS
from twinning.demo.records import (
    ActivityRecord,
    AffiliationRecord,
    CityPairRecord,
    DataSet,
    DocumentRecord,
    EventRecord,
    Org,
    PairRecord,
    PersonRecord,
    ProgrammeRecord,
    VisitRecord,
)
from twinning.directory.actions import (
    affiliate,
    appoint,
    approve_staff_membership,
    claim_staff_membership,
    create_organisation,
    create_person,
    locate_city,
    place_organisations,
    sync_topics,
)
from twinning.directory.models import (
    Affiliation,
    City,
    Organisation,
    Person,
    Position,
    StaffMembership,
)
from twinning.library.actions import add_document, cite
from twinning.library.enums import SourceMethod
from twinning.library.models import Document
from twinning.programmes.actions import (
    add_activity,
    create_programme,
    form_pair,
    open_cohort,
    record_event,
    record_visit,
)
from twinning.programmes.city_actions import add_pilot_city, pair_cities, place_programme_records
from twinning.programmes.models import (
    Activity,
    CityPair,
    Cohort,
    Event,
    Pair,
    Programme,
    Visit,
    date_from_parts,
)

SEED_NOTE = "demo data: public programme pages"
SAMPLE_NOTE = "demo data: invented sample record"
# Demo people are shown publicly; the consent on record says where that permission comes from.
DEMO_CONSENT = "demo data set (public programme pages and invented sample people)"
DEMO_PASSWORD = "twinning-demo"
COORDINATOR_USERNAME = "coordinator"
APPLICANT_USERNAME = "applicant"
APPLICANT_ORGANISATION = "eco-canton"


@transaction.atomic
def load_demo(*, stdout: TextIO | None = None) -> dict[str, int]:
    """Load the demo data and accounts; returns how many demo records of each kind exist, and how many were new."""
    sync_topics()
    loader = _Loader(stdout)
    for data in DATA_SETS:
        loader.load(data)
    coordinator = loader.ensure_accounts()
    for data in DATA_SETS:
        loader.cities(data, actor=coordinator)
    counts = loader.counts()
    # Calls sit above the directory and programmes this loader builds on.
    from twinning.calls.actions.pool import pool_single_applicants
    from twinning.calls.demo import load_calls_demo
    from twinning.calls.enums import CallStatus
    from twinning.programmes.models import Cohort

    counts.update(load_calls_demo())
    for cohort in Cohort.objects.filter(calls__status=CallStatus.OPEN).distinct():
        counts["organisations to pair"] = pool_single_applicants(cohort=cohort, actor=None)
    from twinning.exchanges.demo import load_exchanges_demo

    counts.update(load_exchanges_demo())
    return counts


class _Loader:
    def __init__(self, stdout: TextIO | None) -> None:
        self.stdout = stdout
        self.organisations: dict[str, Organisation] = {}
        self.people: dict[str, Person] = {}
        self.programmes: dict[str, Programme] = {}
        self.seen: dict[str, set[int]] = defaultdict(set)
        self.created = 0
        self.is_sample = False

    # --- bookkeeping -------------------------------------------------------------------

    def _say(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message + "\n")

    def _keep(self, kind: str, record: models.Model, *, created: bool) -> None:
        self.seen[kind].add(record.pk)
        if created:
            self.created += 1
            method = SourceMethod.SAMPLE if self.is_sample else SourceMethod.IMPORT
            cite(record, method=method, note=SAMPLE_NOTE if self.is_sample else SEED_NOTE)

    def counts(self) -> dict[str, int]:
        countries = {o.country for o in self.organisations.values() if o.country}
        kinds = (
            "organisations",
            "people",
            "positions",
            "affiliations",
            "programmes",
            "cohorts",
            "pairs",
            "activities",
            "events",
            "visits",
            "documents",
            "city pairs",
        )
        result = {kind: len(self.seen[kind]) for kind in kinds}
        result["cities"] = City.objects.count()
        result["countries"] = len(countries)
        result["created"] = self.created
        return result

    # --- records ------------------------------------------------------------------------

    def load(self, data: DataSet) -> None:
        self.is_sample = data.is_sample
        self._say(f"Loading {'sample' if data.is_sample else 'seed'} records…")
        for organisation in data.organisations:
            self.organisation(organisation)
        for person in data.people:
            self.person(person)
        for affiliation in data.affiliations:
            self.affiliation(affiliation)
        for programme in data.programmes:
            self.programme(programme)
        for pair in data.pairs:
            self.pair(pair)
        for activity in data.activities:
            self.activity(activity)
        for event in data.events:
            self.event(event)
        for visit in data.visits:
            self.visit(visit)
        for document in data.documents:
            self.document(document)

    def organisation(self, record: Org) -> Organisation:
        organisation = Organisation.objects.filter(name=record.name).first()
        created = organisation is None
        if organisation is None:
            fields: dict[str, Any] = {
                "name_zh": record.name_zh,
                "acronym": record.acronym,
                "other_names": list(record.other_names),
                "country": record.country,
                "province": record.province,
                "city": record.city,
                "founded": record.founded,
                "type": record.type,
                "description": record.description,
                "description_zh": record.description_zh,
                "exchange_interests": record.exchange_interests,
                "website": record.website,
            }
            organisation = create_organisation(
                name=record.name, topics=record.topics, is_sample=self.is_sample, **fields
            )
        self.organisations[record.key] = organisation
        self._keep("organisations", organisation, created=created)
        return organisation

    def person(self, record: PersonRecord) -> Person:
        person = Person.objects.filter(name=record.name).first()
        created = person is None
        if person is None:
            person = create_person(
                name=record.name,
                name_zh=record.name_zh,
                is_sample=self.is_sample,
                consent_source=DEMO_CONSENT,
            )
        self.people[record.key] = person
        self._keep("people", person, created=created)
        for role in record.roles:
            organisation = self.organisations[role.organisation]
            existed = Position.objects.filter(
                person=person, organisation=organisation, title=role.title
            ).exists()
            position = appoint(
                person=person, organisation=organisation, title=role.title, title_zh=role.title_zh
            )
            self._keep("positions", position, created=not existed)
        return person

    def affiliation(self, record: AffiliationRecord) -> None:
        organisation, other = (
            self.organisations[record.organisation],
            self.organisations[record.other],
        )
        existed = Affiliation.objects.filter(
            kind=record.kind, organisation=organisation, other=other
        ).exists()
        affiliation = affiliate(
            kind=record.kind,
            organisation=organisation,
            other=other,
            start_year=record.start_year,
            note=record.note,
        )
        self._keep("affiliations", affiliation, created=not existed)

    def programme(self, record: ProgrammeRecord) -> None:
        programme = Programme.objects.filter(name=record.name).first()
        created = programme is None
        if programme is None:
            programme = create_programme(
                name=record.name,
                organisers=[self.organisations[key] for key in record.organisers],
                topics=record.topics,
                kind=record.kind,
                name_zh=record.name_zh,
                acronym=record.acronym,
                description=record.description,
                description_zh=record.description_zh,
                funder=record.funder,
                start_year=record.start_year,
                end_year=record.end_year,
            )
        self.programmes[record.key] = programme
        self._keep("programmes", programme, created=created)
        for year in record.cohorts:
            self.cohort(programme, year)

    def cohort(self, programme: Programme, year: int) -> Cohort:
        existed = Cohort.objects.filter(programme=programme, year=year).exists()
        cohort = open_cohort(programme=programme, year=year)
        self._keep("cohorts", cohort, created=not existed)
        return cohort

    def pair(self, record: PairRecord) -> None:
        cohort = self.cohort(self.programmes[record.programme], record.year)
        a, b = self.organisations[record.organisation_a], self.organisations[record.organisation_b]
        pair = Pair.objects.filter(cohort=cohort, organisation_a=a, organisation_b=b).first()
        created = pair is None
        if pair is None:
            pair = form_pair(
                cohort=cohort,
                organisation_a=a,
                organisation_b=b,
                topics=record.topics,
                focus=record.focus,
                focus_zh=record.focus_zh,
                status=record.status,
            )
        self._keep("pairs", pair, created=created)

    def activity(self, record: ActivityRecord) -> None:
        programme = self.programmes[record.programme]
        activity = Activity.objects.filter(
            programme=programme, name=record.name, year=record.year
        ).first()
        created = activity is None
        if activity is None:
            activity = add_activity(
                programme=programme,
                kind=record.kind,
                name=record.name,
                topics=record.topics,
                year=record.year,
                name_zh=record.name_zh,
                place=record.place,
                description=record.description,
                country=record.country,
            )
        elif record.country and not activity.country:
            # Demo databases loaded before activities knew their country get it now.
            activity.country = record.country
            activity.save(update_fields=["country"])
        self._keep("activities", activity, created=created)

    def event(self, record: EventRecord) -> None:
        start, precision = date_from_parts(record.year, record.month, record.day)
        event = Event.objects.filter(name=record.name, start=start).first()
        created = event is None
        if event is None:
            event = record_event(
                name=record.name,
                start=start,
                start_precision=precision,
                end=record.end,
                organisers=[self.organisations[key] for key in record.organisers],
                participants=[self.organisations[key] for key in record.participants],
                topics=record.topics,
                place=record.place,
                country=record.country,
                description=record.description,
                name_zh=record.name_zh,
                programme=self.programmes[record.programme] if record.programme else None,
            )
        self._keep("events", event, created=created)

    def visit(self, record: VisitRecord) -> None:
        host = self.organisations[record.host]
        visit = Visit.objects.filter(date=record.date, host=host).first()
        created = visit is None
        if visit is None:
            participants = [
                (
                    self.people[p.person],
                    self.organisations[p.organisation] if p.organisation else None,
                    p.role,
                    p.is_leader,
                )
                for p in record.participants
            ]
            visit = record_visit(
                date=record.date,
                host=host,
                visitors=[self.organisations[key] for key in record.visitors],
                participants=participants,
                topics=record.topics,
                summary=record.summary,
                follow_ups=record.follow_ups,
            )
        self._keep("visits", visit, created=created)

    def document(self, record: DocumentRecord) -> None:
        document = Document.objects.filter(title=record.title).first()
        created = document is None
        if document is None:
            programme = self.programmes[record.programme] if record.programme else None
            cohort = (
                self.cohort(programme, record.cohort_year)
                if programme and record.cohort_year
                else None
            )
            document = add_document(
                title=record.title,
                text=record.text,
                kind=record.kind,
                language=record.language,
                published=record.published,
                summary=record.summary,
                programme=programme,
                cohort=cohort,
            )
            describe_document(
                document=document,
                organisations=[self.organisations[key] for key in record.organisations],
                people=[self.people[key] for key in record.people],
                topics=record.topics,
            )
        self._keep("documents", document, created=created)

    # --- cities -------------------------------------------------------------------------

    def cities(self, data: DataSet, *, actor: Any) -> None:
        """Tie free-text places to city records, then the data set's pilot cities and city pairs."""
        self.is_sample = data.is_sample
        place_organisations()
        place_programme_records()
        for pilot in data.pilot_cities:
            city = locate_city(name=pilot.city, country=pilot.country)
            if city is None:
                raise ValueError(f"The gazetteer has no {pilot.city} ({pilot.country}).")
            add_pilot_city(actor=actor, programme=self.programmes[pilot.programme], city=city)
        for record in data.city_pairs:
            self.city_pair(record, actor=actor)

    def city_pair(self, record: CityPairRecord, *, actor: Any) -> None:
        cities = [
            locate_city(name=name, country=country)
            for name, country in (record.city_a, record.city_b)
        ]
        if cities[0] is None or cities[1] is None:
            raise ValueError(f"The gazetteer lacks a city of {record.city_a} – {record.city_b}.")
        programme = self.programmes[record.programme]
        pair = CityPair.objects.filter(
            programme=programme, city_a__in=cities, city_b__in=cities
        ).first()
        created = pair is None
        if pair is None:
            pair = pair_cities(
                actor=actor,
                city_a=cities[0],
                city_b=cities[1],
                programme=programme,
                topics=record.topics,
                start_year=record.start_year,
                end_year=record.end_year,
                description=record.description,
                description_zh=record.description_zh,
                is_sample=self.is_sample,
            )
        self._keep("city pairs", pair, created=created)

    # --- accounts -----------------------------------------------------------------------

    def ensure_accounts(self) -> Any:
        """The demo coordinator, and an applicant who speaks for Eco Canton; returns the coordinator."""
        users = get_user_model().objects
        coordinator = users.filter(username=COORDINATOR_USERNAME).first()
        if coordinator is None:
            coordinator = create_coordinator(
                username=COORDINATOR_USERNAME,
                email="coordinator@example.org",
                password=DEMO_PASSWORD,
            )
        applicant = users.filter(username=APPLICANT_USERNAME).first()
        if applicant is None:
            applicant = users.create_user(
                username=APPLICANT_USERNAME, email="applicant@example.org", password=DEMO_PASSWORD
            )
        organisation = self.organisations[APPLICANT_ORGANISATION]
        membership = StaffMembership.objects.filter(
            user=applicant, organisation=organisation
        ).first()
        if membership is None:
            membership = claim_staff_membership(
                user=applicant, organisation=organisation, role="Programme officer"
            )
        if not membership.is_approved:
            approve_staff_membership(membership=membership)
        return coordinator
