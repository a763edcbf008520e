"""Every organisation an audit record concerns, so a pair's, an event's or a visit's changes
show in the history of each organisation involved; existing records are back-filled."""

from collections import defaultdict
from typing import Any

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def concern_every_organisation(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Back-fill: the record's own organisation, both ends of a pair (for pair records and for
    exchange records, whose pair the exchanges log names), an event's organisers, a visit's
    host and visitors, as they stand now."""
    AuditRecord = apps.get_model("audit", "AuditRecord")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Concern = AuditRecord.organisations.through
    concerned: dict[int, set[int]] = defaultdict(set)
    rows = AuditRecord.objects.exclude(organisation=None).values_list("pk", "organisation_id")
    for pk, organisation_id in rows.iterator():
        concerned[pk].add(organisation_id)

    def records_of(app_label: str, model: str, organisations_by_id: dict[Any, set[int]]) -> None:
        kind = ContentType.objects.filter(app_label=app_label, model=model).first()
        if kind is None or not organisations_by_id:
            return
        rows = AuditRecord.objects.filter(record_type=kind).values_list("pk", "record_id")
        for pk, record_id in rows.iterator():
            concerned[pk].update(organisations_by_id.get(record_id, ()))

    Pair = apps.get_model("programmes", "Pair")
    ends: dict[Any, set[int]] = defaultdict(set)
    for pk, first, second in Pair.objects.values_list(
        "pk", "organisation_a_id", "organisation_b_id"
    ):
        ends[pk].update((first, second))
    records_of("programmes", "pair", ends)

    Event = apps.get_model("programmes", "Event")
    organisers: dict[Any, set[int]] = defaultdict(set)
    for event_id, organisation_id in Event.organisers.through.objects.values_list(
        "event_id", "organisation_id"
    ):
        organisers[event_id].add(organisation_id)
    records_of("programmes", "event", organisers)

    Visit = apps.get_model("programmes", "Visit")
    involved: dict[Any, set[int]] = defaultdict(set)
    for pk, host_id in Visit.objects.values_list("pk", "host_id"):
        involved[pk].add(host_id)
    for visit_id, organisation_id in Visit.visitors.through.objects.values_list(
        "visit_id", "organisation_id"
    ):
        involved[visit_id].add(organisation_id)
    records_of("programmes", "visit", involved)

    ExchangeLogEntry = apps.get_model("exchanges", "ExchangeLogEntry")
    by_subject: dict[str, dict[Any, set[int]]] = defaultdict(lambda: defaultdict(set))
    entries = ExchangeLogEntry.objects.exclude(pair=None).values_list(
        "subject_type", "subject_id", "pair__organisation_a_id", "pair__organisation_b_id"
    )
    for subject_type, subject_id, first, second in entries.iterator():
        by_subject[subject_type][subject_id].update((first, second))
    for subject_type, pairs_by_subject in by_subject.items():
        records_of("exchanges", subject_type, pairs_by_subject)

    Concern.objects.bulk_create(
        [
            Concern(auditrecord_id=pk, organisation_id=organisation_id)
            for pk, organisations in concerned.items()
            for organisation_id in sorted(organisations)
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_audit_record"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("directory", "0003_person_consent"),
        ("exchanges", "0004_message_templates_and_bulk_messages"),
        ("programmes", "0002_pairing_pool_constraints_runs"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditrecord",
            name="organisations",
            field=models.ManyToManyField(
                blank=True,
                help_text="Every organisation in whose history this change shows: both ends of a pair, an event's organisers, a visit's host and visitors; `organisation` is the first of them.",
                related_name="concerning_audit_records",
                to="directory.organisation",
                verbose_name="organisations concerned",
            ),
        ),
        migrations.RunPython(concern_every_organisation, migrations.RunPython.noop),
    ]
