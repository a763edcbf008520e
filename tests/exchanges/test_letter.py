import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from twinning.exchanges import actions
from twinning.exchanges.letter import invitation_letter

pytestmark = pytest.mark.django_db


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_invitation_letter_reads_back_in_english_and_chinese(client, placement, fellow):
    client.force_login(fellow)
    response = client.get(reverse("exchanges:letter", args=[placement.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    for expected in (
        "Letter of invitation",
        "Host: Chengdu Green Home",
        "Contact: Wang Fang, Programme director <fang@example.org>",
        "Léa Martin",
        "05 August 2030 to 10 September 2030",
        "邀请函",
        "接待机构：成都绿色家园",
        "2030年8月5日至2030年9月10日",
        "里昂零废弃",
    ):
        assert expected in text, expected


def test_a_chinese_fellow_name_in_the_english_text_is_set_in_the_cjk_font(pair, host_staff):
    host_staff.display_name = "王伟"
    host_staff.save()
    placement = actions.plan_placement(
        pair=pair,
        fellow=host_staff,
        home=pair.organisation_b,
        planned_start=datetime.date(2030, 10, 10),
        planned_end=datetime.date(2030, 11, 1),
        host_contact_name="Léa Martin",
        work_plan="Door-to-door sorting.",
        actor=host_staff,
    )
    text = _text(invitation_letter(placement)).replace("\n", " ")
    assert "Zero Waste Lyon invites 王伟 of Chengdu Green Home" in text
