"""Privacy commands: a person's data, anonymising an account, consent, retention."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from twinning.cli import setup_django


def register(subcommands: argparse._SubParsersAction) -> None:
    data = subcommands.add_parser(
        "personal-data", help="print everything stored about one account as JSON"
    )
    data.add_argument("user", help="username or e-mail address")
    data.add_argument("--output", "-o", help="file to write (default: standard output)")
    data.set_defaults(handler=run_personal_data)

    anonymise = subcommands.add_parser(
        "anonymise-user",
        help="remove who an account holder was; roles, reviews and audit entries stay, anonymised",
    )
    anonymise.add_argument("user", help="username or e-mail address")
    anonymise.set_defaults(handler=run_anonymise_user)

    consent = subcommands.add_parser(
        "record-consent", help="record that a directory person agreed to be shown publicly"
    )
    consent.add_argument("person", help="the person's slug")
    consent.add_argument("--source", help="how the consent was given, e.g. 'e-mail of 3 Nov 2026'")
    consent.add_argument("--withdraw", action="store_true", help="withdraw the consent instead")
    consent.set_defaults(handler=run_record_consent)

    retention = subcommands.add_parser(
        "apply-retention",
        help="delete unsuccessful applications older than the retention period",
    )
    retention.add_argument(
        "--days", type=int, help="retention period in days (default: $TWINNING_RETENTION_DAYS)"
    )
    retention.add_argument(
        "--dry-run", action="store_true", help="only count what would be deleted"
    )
    retention.set_defaults(handler=run_apply_retention)


def _user(identifier: str) -> Any:
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    user = get_user_model().objects.filter(Q(username=identifier) | Q(email=identifier)).first()
    if user is None:
        print(f"error: no account {identifier!r}", file=sys.stderr)
    return user


def run_personal_data(args: argparse.Namespace) -> int:
    setup_django()
    from twinning.privacy.actions import personal_data

    user = _user(args.user)
    if user is None:
        return 2
    text = json.dumps(personal_data(actor=None, user=user), ensure_ascii=False, indent=1) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    return 0


def run_anonymise_user(args: argparse.Namespace) -> int:
    setup_django()
    from twinning.privacy.access import PrivacyRefused
    from twinning.privacy.actions import anonymise_user

    user = _user(args.user)
    if user is None:
        return 2
    try:
        anonymise_user(actor=None, user=user)
    except PrivacyRefused as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Anonymised the account; it is now {user.username}.")
    return 0


def run_record_consent(args: argparse.Namespace) -> int:
    setup_django()
    from twinning.directory.models import Person
    from twinning.privacy.access import PrivacyRefused
    from twinning.privacy.actions import record_consent, withdraw_consent

    person = Person.objects.filter(slug=args.person).first()
    if person is None:
        print(f"error: no person {args.person!r}", file=sys.stderr)
        return 2
    try:
        if args.withdraw:
            withdraw_consent(actor=None, person=person)
        else:
            record_consent(actor=None, person=person, source=args.source or "")
    except PrivacyRefused as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"{person.name}: consent {'withdrawn' if args.withdraw else 'recorded'}.")
    return 0


def run_apply_retention(args: argparse.Namespace) -> int:
    setup_django()
    from twinning.privacy.access import PrivacyRefused
    from twinning.privacy.actions import apply_retention

    try:
        count = apply_retention(actor=None, days=args.days, dry_run=args.dry_run)
    except PrivacyRefused as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    verb = "would be deleted" if args.dry_run else "deleted"
    print(f"{count} unsuccessful application(s) {verb}.")
    return 0
