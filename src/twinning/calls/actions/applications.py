"""Applicants' changes: start, edit, invite a tandem partner, confirm, propose, submit, withdraw."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.calls import notifications
from twinning.calls.actions.base import CallError, EditConflict, audit, require_open
from twinning.calls.eligibility import application_problems, organisation_problems
from twinning.calls.enums import ApplicationKind, ApplicationStatus, AuditVerb, PartnerStatus
from twinning.calls.models import Answer, Application, Call, answer_version, same_text
from twinning.directory.models import Organisation

ACTIVE_STATUSES = (ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED)


def _require_draft(application: Application) -> None:
    require_open(application.call)
    if application.status != ApplicationStatus.DRAFT:
        raise CallError(
            _("Only a draft can be changed; this application is %(status)s.")
            % {"status": application.get_status_display()}
        )


def _check_partner(application: Application, partner: Organisation) -> None:
    call = application.call
    if partner.pk == application.organisation_id:
        raise CallError(_("An organisation cannot be its own tandem partner."))
    problems = organisation_problems(call, partner)
    side = call.side_of(partner)
    if side is not None and side == application.side:
        problems.append(
            _("%(partner)s is on the same side as you (%(side)s); a tandem joins both sides.")
            % {"partner": partner.name, "side": call.side_label(side)}
        )
    taken = Application.objects.filter(call=call, status__in=ACTIVE_STATUSES).exclude(
        pk=application.pk
    )
    if taken.filter(
        Q(organisation=partner)
        | Q(partner=partner, partner_status__in=[PartnerStatus.INVITED, PartnerStatus.CONFIRMED])
    ).exists():
        problems.append(
            _("%(partner)s already takes part in another application to this call.")
            % {"partner": partner.name}
        )
    if problems:
        raise CallError(problems)


@transaction.atomic
def start_application(
    *,
    call: Call,
    organisation: Organisation,
    actor: Any,
    kind: str = ApplicationKind.SINGLE,
    partner: Organisation | None = None,
) -> Application:
    """A draft application of `organisation`; a tandem also invites `partner`, who must confirm."""
    require_open(call)
    problems = organisation_problems(call, organisation)
    side = call.side_of(organisation)
    if problems or side is None:  # no side is one of the problems
        raise CallError(problems)
    if Application.objects.filter(call=call, organisation=organisation).exists():
        raise CallError(
            _("%(name)s has already applied to this call.") % {"name": organisation.name}
        )
    if Application.objects.filter(
        call=call,
        partner=organisation,
        status__in=ACTIVE_STATUSES,
        partner_status__in=[PartnerStatus.INVITED, PartnerStatus.CONFIRMED],
    ).exists():
        raise CallError(
            _(
                "%(name)s is already invited as a tandem partner in this call; answer that invitation instead."
            )
            % {"name": organisation.name}
        )
    application = Application(
        call=call,
        organisation=organisation,
        side=side,
        kind=ApplicationKind.SINGLE,
        created_by=actor,
    )
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # a second start of the same application raced this one
        raise CallError(
            _("%(name)s has already applied to this call.") % {"name": organisation.name}
        ) from None
    audit(
        call=call,
        actor=actor,
        verb=AuditVerb.CREATED,
        subject=application,
        changes={"organisation": organisation.slug, "kind": kind},
    )
    if kind == ApplicationKind.TANDEM:
        if partner is None:
            raise CallError(_("A tandem application needs a partner organisation."))
        invite_partner(application=application, partner=partner, actor=actor)
    return application


def _lock(application: Application) -> None:
    """Re-read the application under a row lock, so a change builds on what is stored now."""
    application.refresh_from_db(from_queryset=Application.objects.select_for_update())


def _save_answers(
    application: Application, actor: Any, answers: Mapping[str, str], based_on: Mapping[str, str]
) -> list[str]:
    """Write only the answers given, one row each; refuse all when one was changed meanwhile."""
    known = {question.key: question for question in application.call.questions.all()}
    unknown = set(answers) - set(known)
    if unknown:
        raise CallError(_("Unknown question(s): %(keys)s.") % {"keys": ", ".join(sorted(unknown))})
    stored = {
        str(answer.question_id): answer
        for answer in Answer.objects.filter(
            application=application, question_id__in=[int(key) for key in answers]
        )
    }
    conflicts = []
    for key, text in answers.items():
        current = stored[key].text if key in stored else ""
        expected = based_on.get(key)
        if (
            expected is not None
            and expected != answer_version(current)
            and not same_text(text, current)
        ):
            conflicts.append(known[key])
    if conflicts:
        raise EditConflict(
            [
                _(
                    "Someone else changed the answer to “%(question)s” while you were editing it. "
                    "Your text is kept in the form: compare it with the saved answer, then save again."
                )
                % {"question": question.display_text}
                for question in conflicts
            ],
            questions=[question.key for question in conflicts],
        )
    editor = actor if getattr(actor, "is_authenticated", False) else None
    changed = []
    for key, text in answers.items():
        answer = stored.get(key)
        if answer is None:
            if not text:
                continue
            Answer.objects.create(
                application=application, question=known[key], text=text, updated_by=editor
            )
        elif not same_text(answer.text, text):
            answer.text, answer.updated_by = text, editor
            answer.save(update_fields=["text", "updated_by", "updated_at"])
        else:
            continue
        changed.append(key)
    return sorted(changed, key=int)


@transaction.atomic
def save_application(
    *,
    application: Application,
    actor: Any,
    answers: Mapping[str, str] | None = None,
    staff_is_permanent: bool | None = None,
    based_on: Mapping[str, str] | None = None,
) -> Application:
    """Save the answers given (others stay as stored) and the declaration; unknown keys are refused.

    `based_on` maps a question key to the `answer_version` the editor started from: when that
    answer was changed by someone else since, nothing is saved and `EditConflict` names it.
    """
    _lock(application)
    _require_draft(application)
    changes: dict[str, Any] = {}
    if answers:
        changed = _save_answers(
            application, actor, {key: str(value) for key, value in answers.items()}, based_on or {}
        )
        if changed:
            changes["answers"] = changed
    if staff_is_permanent is not None and staff_is_permanent != application.staff_is_permanent:
        changes["staff_is_permanent"] = staff_is_permanent
        application.staff_is_permanent = staff_is_permanent
    if changes:
        application.save(update_fields=["staff_is_permanent", "updated_at"])
        audit(
            call=application.call,
            actor=actor,
            verb=AuditVerb.UPDATED,
            subject=application,
            changes=changes,
        )
    return application


@transaction.atomic
def invite_partner(*, application: Application, partner: Organisation, actor: Any) -> Application:
    """Make the draft a tandem with `partner` and e-mail the partner's staff an invitation."""
    _lock(application)
    _require_draft(application)
    _check_partner(application, partner)
    application.kind = ApplicationKind.TANDEM
    application.partner = partner
    application.partner_status = PartnerStatus.INVITED
    application.proposed_partner = None
    application.save()
    audit(
        call=application.call,
        actor=actor,
        verb=AuditVerb.INVITED,
        subject=application,
        changes={"partner": partner.slug},
    )
    notifications.notify_partner_invited(application)
    return application


def _answer(application: Application, actor: Any, status: str, verb: str) -> Application:
    _lock(application)
    require_open(application.call)
    if (
        application.partner is None
        or application.partner_status != PartnerStatus.INVITED
        or application.status != ApplicationStatus.DRAFT
    ):
        raise CallError(_("There is no open tandem invitation on this application."))
    application.partner_status = status
    application.save()
    audit(
        call=application.call,
        actor=actor,
        verb=verb,
        subject=application,
        changes={"partner": application.partner.slug, "partner_status": status},
    )
    notifications.notify_partner_answered(application)
    return application


@transaction.atomic
def confirm_tandem(*, application: Application, actor: Any) -> Application:
    """The invited partner agrees to apply together."""
    return _answer(application, actor, PartnerStatus.CONFIRMED, AuditVerb.CONFIRMED)


@transaction.atomic
def decline_tandem(*, application: Application, actor: Any) -> Application:
    """The invited partner refuses; the application stays a draft and may invite someone else."""
    return _answer(application, actor, PartnerStatus.DECLINED, AuditVerb.DECLINED)


@transaction.atomic
def propose_partner(
    *, application: Application, partner: Organisation | None, actor: Any
) -> Application:
    """A single applicant suggests a partner to the committee (it decides; nobody is invited)."""
    _lock(application)
    _require_draft(application)
    if application.is_tandem and application.partner_status != PartnerStatus.DECLINED:
        raise CallError(_("A tandem application already has its partner."))
    if partner is not None and application.call.side_of(partner) in (None, application.side):
        raise CallError(_("A proposed partner must be on the other side of the call."))
    application.kind = ApplicationKind.SINGLE
    application.partner = None
    application.partner_status = PartnerStatus.NONE
    application.proposed_partner = partner
    application.save()
    audit(
        call=application.call,
        actor=actor,
        verb=AuditVerb.UPDATED,
        subject=application,
        changes={"proposed_partner": partner.slug if partner else None},
    )
    return application


@transaction.atomic
def submit_application(*, application: Application, actor: Any) -> Application:
    """Submit after checking eligibility and completeness; refusal lists every reason at once."""
    _lock(application)
    _require_draft(application)
    problems = application_problems(application)
    if problems:
        raise CallError(problems)
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = timezone.now()
    application.save()
    audit(call=application.call, actor=actor, verb=AuditVerb.SUBMITTED, subject=application)
    notifications.notify_submitted(application)
    return application


@transaction.atomic
def withdraw_application(*, application: Application, actor: Any) -> Application:
    """Withdraw a draft or submitted application before the deadline."""
    _lock(application)
    require_open(application.call)
    if application.status not in ACTIVE_STATUSES:
        raise CallError(_("This application can no longer be withdrawn."))
    application.status = ApplicationStatus.WITHDRAWN
    application.save()
    audit(call=application.call, actor=actor, verb=AuditVerb.WITHDRAWN, subject=application)
    return application
