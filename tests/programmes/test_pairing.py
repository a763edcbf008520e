import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.factories import CohortFactory, OrganisationFactory
from twinning.common.models import Job, JobStatus
from twinning.directory.actions import approve_staff_membership, claim_staff_membership
from twinning.pairing.actions import (
    PairingError,
    accept_pairing_run,
    add_to_pool,
    constrain_pair,
    start_pairing_run,
)
from twinning.pairing.engine import compute_pairing
from twinning.pairing.enums import ConstraintKind
from twinning.pairing.models import PairingConstraint, PairingRun
from twinning.pairing.suggestions import suggest_partners
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db


def names(proposal):
    by_id = proposal.names
    return {(by_id[str(p.a)], by_id[str(p.b)]) for p in proposal.pairs}


def test_pool_sides_follow_the_region():
    organisation = OrganisationFactory(country="CN")
    cohort = CohortFactory()
    assert add_to_pool(cohort=cohort, organisation=organisation, actor=None).side == "B"


def test_pairing_follows_the_exchange_topic_with_reasons_in_both_languages(cohort):
    result = compute_pairing(cohort)
    assert names(result) == {
        ("Zero Waste Brussels", "Canton Recycling Hub"),
        ("Solar Schools Finland", "Chongqing Clean Power"),
        ("River Watch Slovenia", "Yunnan Lake Keepers"),
    }
    first = result.pairs[0]
    assert first.reasons["en"] and first.reasons["zh"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in " ".join(first.reasons["zh"]))
    assert len(first.alternatives_a) == 2


def test_pins_and_forbidden_pairs_are_respected(cohort):
    a = cohort.pool.get(organisation__name="Zero Waste Brussels").organisation
    b_waste = cohort.pool.get(organisation__name="Canton Recycling Hub").organisation
    b_water = cohort.pool.get(organisation__name="Yunnan Lake Keepers").organisation
    constrain_pair(
        cohort=cohort,
        organisation_a=a,
        organisation_b=b_waste,
        kind=ConstraintKind.FORBIDDEN,
        actor=None,
    )
    assert ("Zero Waste Brussels", "Canton Recycling Hub") not in names(compute_pairing(cohort))
    constrain_pair(
        cohort=cohort,
        organisation_a=a,
        organisation_b=b_water,
        kind=ConstraintKind.PINNED,
        actor=None,
    )
    result = compute_pairing(cohort)
    assert ("Zero Waste Brussels", "Yunnan Lake Keepers") in names(result)
    assert next(p for p in result.pairs if p.a == a.pk).fixed is True


def test_constraints_need_both_organisations_on_their_sides(cohort):
    outsider = OrganisationFactory(country="CN")
    a = cohort.pool.filter(side="A").first().organisation
    with pytest.raises(PairingError, match="pool"):
        constrain_pair(
            cohort=cohort,
            organisation_a=a,
            organisation_b=outsider,
            kind=ConstraintKind.PINNED,
            actor=None,
        )
    assert PairingConstraint.objects.count() == 0


def test_a_run_is_a_job_and_accepting_it_forms_pairs_once(
    cohort, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run = start_pairing_run(cohort=cohort, user=coordinator, maximise_weakest=True)
    run.refresh_from_db()
    assert run.job.status == JobStatus.SUCCEEDED and len(run.result["pairs"]) == 3
    formed = accept_pairing_run(run=run, user=coordinator, reason="  Committee of 3 June.  ")
    assert len(formed) == 3 and Pair.objects.filter(cohort=cohort).count() == 3
    run.refresh_from_db()
    assert (run.accepted_by, run.acceptance_reason) == (coordinator, "Committee of 3 June.")
    assert run.accepted_at is not None
    assert run.accepted_pairs == sorted([p["a"], p["b"]] for p in run.result["pairs"])
    with pytest.raises(PairingError, match="already been accepted"):
        accept_pairing_run(run=run, user=coordinator, reason="again")
    assert Pair.objects.count() == 3


def finished_run(cohort, coordinator, capture):
    with capture(execute=True):
        run = start_pairing_run(cohort=cohort, user=coordinator)
    run.refresh_from_db()
    return run


def test_accepting_needs_a_coordinator_and_reasons_and_changes_nothing_otherwise(
    cohort, coordinator, member, django_capture_on_commit_callbacks
):
    run = finished_run(cohort, coordinator, django_capture_on_commit_callbacks)
    with pytest.raises(PermissionDenied):
        accept_pairing_run(run=run, user=member, reason="I like them.")
    with pytest.raises(PairingError, match="Say why"):
        accept_pairing_run(run=run, user=coordinator, reason="   ")
    with pytest.raises(PairingError, match="too long"):
        accept_pairing_run(run=run, user=coordinator, reason="x" * 2001)
    with pytest.raises(PairingError, match="at least one"):
        accept_pairing_run(run=run, user=coordinator, reason="None of them.", pairs=[])
    outsider = OrganisationFactory()
    with pytest.raises(PairingError, match="Only proposed pairs"):
        accept_pairing_run(
            run=run, user=coordinator, reason="Mine.", pairs=[(outsider.pk, outsider.pk)]
        )
    run.refresh_from_db()
    assert Pair.objects.count() == 0
    assert (run.is_accepted, run.accepted_by, run.acceptance_reason) == (False, None, "")


def test_accepting_goes_through_a_confirm_step_that_records_the_chosen_pairs(
    cohort, coordinator, coordinator_client, django_capture_on_commit_callbacks
):
    run = finished_run(cohort, coordinator, django_capture_on_commit_callbacks)
    slug, year = cohort.programme.slug, cohort.year
    change = reverse("programmes:pairing_change", args=[slug, year])
    confirm = reverse("programmes:pairing_accept", args=[slug, year, run.pk])
    response = coordinator_client.post(change, {"action": "accept", "run": run.pk})
    assert response.status_code == 302 and response.url == confirm
    assert Pair.objects.count() == 0  # nothing formed before the confirmation
    page = coordinator_client.get(confirm).content.decode()
    values = sorted(f"{p['a']}:{p['b']}" for p in run.result["pairs"])
    assert page.count('name="pair"') == 3 and page.count(" checked") == 3
    refused = coordinator_client.post(confirm, {"pair": values, "reason": ""})
    assert refused.status_code == 400 and Pair.objects.count() == 0
    assert "Say why the committee accepts these pairs." in refused.content.decode()
    assert refused.content.decode().count(" checked") == 3  # the ticks survive the refusal
    done = coordinator_client.post(confirm, {"pair": values[:2], "reason": "Two of three."})
    assert done.status_code == 302 and Pair.objects.filter(cohort=cohort).count() == 2
    run.refresh_from_db()
    assert run.accepted_pairs == [[int(n) for n in v.split(":")] for v in values[:2]]
    assert (run.accepted_by, run.acceptance_reason) == (coordinator, "Two of three.")
    page = coordinator_client.get(reverse("programmes:pairing", args=[slug, year])).content
    assert b"Accepted by coord on " in page and b"2 pairs: Two of three." in page
    assert coordinator_client.get(confirm).status_code == 302  # accepted: back to the tool


def test_a_malformed_pair_on_the_confirm_step_is_refused(
    cohort, coordinator, coordinator_client, django_capture_on_commit_callbacks
):
    run = finished_run(cohort, coordinator, django_capture_on_commit_callbacks)
    confirm = reverse(
        "programmes:pairing_accept", args=[cohort.programme.slug, cohort.year, run.pk]
    )
    response = coordinator_client.post(confirm, {"pair": ["1;2"], "reason": "Fine."})
    assert response.status_code == 400 and Pair.objects.count() == 0


def test_the_confirm_step_is_for_coordinators_only(
    cohort, coordinator, member_client, django_capture_on_commit_callbacks
):
    run = finished_run(cohort, coordinator, django_capture_on_commit_callbacks)
    confirm = reverse(
        "programmes:pairing_accept", args=[cohort.programme.slug, cohort.year, run.pk]
    )
    pair = run.result["pairs"][0]
    assert member_client.get(confirm).status_code == 403
    response = member_client.post(confirm, {"pair": [f"{pair['a']}:{pair['b']}"], "reason": "x"})
    assert response.status_code == 403 and Pair.objects.count() == 0


def test_empty_side_is_refused_without_creating_a_job():
    cohort = CohortFactory()
    add_to_pool(cohort=cohort, organisation=OrganisationFactory(country="DE"), actor=None)
    with pytest.raises(PairingError, match="both sides"):
        start_pairing_run(cohort=cohort, user=None)
    assert Job.objects.count() == 0 and PairingRun.objects.count() == 0


def test_suggested_partners_come_from_the_other_side_with_reasons(cohort, coordinator):
    brussels = cohort.pool.get(organisation__name="Zero Waste Brussels").organisation
    found = suggest_partners(brussels, user=coordinator, limit=2)
    assert found[0].organisation.name == "Canton Recycling Hub"
    assert all(item.organisation.country == "CN" for item in found)
    assert found[0].reasons


def test_suggestions_are_only_for_coordinators_and_the_organisations_staff(
    cohort, client, member, member_client, coordinator_client
):
    brussels = cohort.pool.get(organisation__name="Zero Waste Brussels").organisation
    url = reverse("programmes:suggestions", args=[brussels.slug])
    assert client.get(url).status_code == 403
    assert member_client.get(url).status_code == 403
    approve_staff_membership(membership=claim_staff_membership(user=member, organisation=brussels))
    assert b"Canton Recycling Hub" in member_client.get(url).content
    assert coordinator_client.get(url).status_code == 200


def test_pairing_pages_are_for_coordinators_only_and_change_nothing_otherwise(
    cohort, member_client, coordinator_client, django_capture_on_commit_callbacks
):
    url = reverse("programmes:pairing", args=[cohort.programme.slug, cohort.year])
    change = reverse("programmes:pairing_change", args=[cohort.programme.slug, cohort.year])
    assert member_client.get(url).status_code == 403
    assert member_client.post(change, {"action": "run"}).status_code == 403
    assert PairingRun.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(change, {"action": "run"})
    page = coordinator_client.get(url).content.decode()
    assert "Proposed pairs" in page and "Canton Recycling Hub" in page
    run = PairingRun.objects.get()
    confirm = reverse(
        "programmes:pairing_accept", args=[cohort.programme.slug, cohort.year, run.pk]
    )
    values = [f"{p['a']}:{p['b']}" for p in run.result["pairs"]]
    assert member_client.post(confirm, {"pair": values, "reason": "x"}).status_code == 403
    coordinator_client.post(confirm, {"pair": values, "reason": "As proposed."})
    assert Pair.objects.filter(cohort=cohort).count() == 3


def test_a_refusal_reaches_a_chinese_reader_in_chinese(coordinator_client):
    cohort = CohortFactory(year=2022)
    url = f"/zh-hans/programmes/{cohort.programme.slug}/2022/pairing/change/"
    response = coordinator_client.post(url, {"action": "run"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "配对前，待配对名单的两方都需要有组织。"
    ]
    assert PairingRun.objects.count() == 0


def test_the_confirm_step_renders_in_chinese(
    cohort, coordinator, coordinator_client, django_capture_on_commit_callbacks
):
    run = finished_run(cohort, coordinator, django_capture_on_commit_callbacks)
    page = coordinator_client.get(
        f"/zh-hans/programmes/{cohort.programme.slug}/{cohort.year}/pairing/{run.pk}/accept/"
    ).content.decode()
    assert "确认并建立结对" in page and "委员会接受这些结对的理由" in page
