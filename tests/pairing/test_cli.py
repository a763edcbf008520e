"""`twinning pair-cohort` and `twinning accept-pairing`: the same actions as the pairing page,
as a named coordinator; refusals exit 2 and change nothing."""

import json

import pytest

from tests.calls.factories import chinese, european, make_call, staff_of, submitted
from twinning.cli import main
from twinning.common.models import Job
from twinning.pairing.models import PairingRun, PoolMember
from twinning.programmes.models import Pair

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_setup(monkeypatch):
    monkeypatch.setattr("twinning.cli.calls.setup_django", lambda: None)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_coordinator_pairs_a_cohort_and_accepts_part_of_the_proposal(capsys, cohort, coordinator):
    slug, year = cohort.programme.slug, str(cohort.year)
    code, out, err = run(capsys, "pair-cohort", slug, year, "--as", "coord", "--json")
    assert (code, err) == (0, "")
    found = json.loads(out)
    run_row = PairingRun.objects.get()
    assert found["run"] == run_row.pk and found["status"] == "succeeded"
    assert {(p["a_name"], p["b_name"]) for p in found["pairs"]} == {
        ("Zero Waste Brussels", "Canton Recycling Hub"),
        ("Solar Schools Finland", "Chongqing Clean Power"),
        ("River Watch Slovenia", "Yunnan Lake Keepers"),
    }
    assert run_row.job.created_by == coordinator and Pair.objects.count() == 0
    first = found["pairs"][0]
    code, out, err = run(
        capsys,
        "accept-pairing",
        slug,
        year,
        str(run_row.pk),
        "--reason",
        "Committee of 3 June.",
        "--pair",
        f"{first['a']}:{first['b']}",
        "--as",
        "coord",
        "--json",
    )
    assert (code, err) == (0, "")
    pair = Pair.objects.get()
    assert json.loads(out) == {
        "run": run_row.pk,
        "formed": [{"pair": pair.pk, "a": first["a"], "b": first["b"]}],
    }
    run_row.refresh_from_db()
    assert (run_row.accepted_by, run_row.acceptance_reason) == (coordinator, "Committee of 3 June.")


def test_applicants_are_pooled_first_with_their_tandem_pinned(capsys, coordinator):
    call = make_call()
    lyon, chengdu = european(name="Lyon Waste"), chinese(name="Chengdu Homes")
    submitted(
        call, lyon, staff_of(lyon), kind="tandem", partner=chengdu, partner_user=staff_of(chengdu)
    )
    cohort = call.cohort
    code, out, _err = run(
        capsys,
        "pair-cohort",
        cohort.programme.slug,
        str(cohort.year),
        "--applicants",
        "--as",
        "coord",
    )
    assert code == 0
    assert set(PoolMember.objects.values_list("organisation__name", "side")) == {
        ("Lyon Waste", "A"),
        ("Chengdu Homes", "B"),
    }
    assert out.splitlines()[0] == f"run {PairingRun.objects.get().pk}: 1 pairs, 0 unmatched"
    assert "Lyon Waste – Chengdu Homes (pinned)" in out


def test_refusals_exit_2_with_one_line_and_change_nothing(capsys, cohort, coordinator, member):
    slug, year = cohort.programme.slug, str(cohort.year)
    code, _out, err = run(capsys, "pair-cohort", slug, year, "--as", member.username)
    assert (
        code == 2
        and err
        == f"twinning: error: {member.username!r} is not an active coordinator (staff) account\n"
    )
    code, _out, err = run(capsys, "pair-cohort", slug, "1999", "--as", "coord")
    assert code == 2 and err == f"twinning: error: no cohort 1999 of programme {slug!r}\n"
    assert (PairingRun.objects.count(), Job.objects.count()) == (0, 0)
    run(capsys, "pair-cohort", slug, year, "--as", "coord")
    run_id = str(PairingRun.objects.get().pk)
    code, _out, err = run(
        capsys, "accept-pairing", slug, year, run_id, "--reason", " ", "--as", "coord"
    )
    assert code == 2 and err == "twinning: error: Say why the committee accepts these pairs.\n"
    code, _out, err = run(
        capsys,
        "accept-pairing",
        slug,
        year,
        run_id,
        "--reason",
        "x",
        "--pair",
        "1;2",
        "--as",
        "coord",
    )
    assert code == 2 and err == "twinning: error: --pair '1;2': write two organisation ids as A:B\n"
    code, _out, err = run(
        capsys,
        "accept-pairing",
        slug,
        year,
        run_id,
        "--reason",
        "x",
        "--pair",
        "1:2",
        "--as",
        "coord",
    )
    assert code == 2 and err == "twinning: error: Only proposed pairs can be accepted.\n"
    assert Pair.objects.count() == 0 and not PairingRun.objects.get().is_accepted
