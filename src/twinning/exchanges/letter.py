"""The bilingual (English and Chinese) invitation letter a fellow shows for a visa, as a PDF.

reportlab's built-in CID font STSong-Light sets the Chinese text without any font file on the
machine (ADR 0013); Latin text uses Helvetica. The letter is rebuilt from the record each time.
"""

from __future__ import annotations

import io
import textwrap

from django.utils import timezone
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from twinning.directory.models import Organisation
from twinning.exchanges.models import Placement

CHINESE_FONT = "STSong-Light"
LATIN_FONT = "Helvetica"
LATIN_BOLD = "Helvetica-Bold"
MARGIN = 20 * mm
LINE = 5.2 * mm

pdfmetrics.registerFont(UnicodeCIDFont(CHINESE_FONT))


def _address(organisation: Organisation) -> str:
    parts = [organisation.city, organisation.province, organisation.country_name]
    return ", ".join(part for part in parts if part)


def _english(placement: Placement) -> list[tuple[str, str]]:
    host, home = placement.host, placement.home
    contact = placement.host_contact_name + (
        f", {placement.host_contact_role}" if placement.host_contact_role else ""
    )
    return [
        (LATIN_BOLD, "Letter of invitation"),
        (LATIN_FONT, ""),
        (LATIN_FONT, f"Host: {host.name}"),
        (LATIN_FONT, f"Address: {_address(host)}"),
        (
            LATIN_FONT,
            f"Contact: {contact}"
            + (f" <{placement.host_contact_email}>" if placement.host_contact_email else ""),
        ),
        (LATIN_FONT, ""),
        (
            LATIN_FONT,
            f"{host.name} invites {placement.fellow}"
            + (f", {placement.fellow_role}" if placement.fellow_role else "")
            + f" of {home.name} ({_address(home)}), for a staff exchange in {placement.city} "
            f"from {placement.planned_start:%d %B %Y} to {placement.planned_end:%d %B %Y}, "
            f"within the {placement.pair.cohort.programme.name} ({placement.pair.cohort.year}).",
        ),
        (LATIN_FONT, f"Work plan: {placement.work_plan}"),
        (
            LATIN_FONT,
            "The host organisation will receive the fellow and support the work plan during the stay.",
        ),
    ]


def _chinese(placement: Placement) -> list[tuple[str, str]]:
    host, home = placement.host, placement.home
    programme = placement.pair.cohort.programme
    start, end = placement.planned_start, placement.planned_end
    return [
        (CHINESE_FONT, "邀请函"),
        (CHINESE_FONT, ""),
        (CHINESE_FONT, f"接待机构：{host.name_zh or host.name}"),
        (CHINESE_FONT, f"地址：{_address(host)}"),
        (
            CHINESE_FONT,
            f"联系人：{placement.host_contact_name} {placement.host_contact_role}".rstrip(),
        ),
        (CHINESE_FONT, ""),
        (
            CHINESE_FONT,
            f"{host.name_zh or host.name}诚邀{home.name_zh or home.name}的{placement.fellow}"
            f"于{start.year}年{start.month}月{start.day}日至{end.year}年{end.month}月{end.day}日"
            f"在{placement.city}参加{programme.name_zh or programme.name}（{placement.pair.cohort.year}年）的工作人员交流。",
        ),
        (CHINESE_FONT, "接待机构将在交流期间接待该人员并支持其工作计划。"),
    ]


def _has_chinese(text: str) -> bool:
    return any(
        "\u2e80" <= character <= "\u9fff" or "\uff00" <= character <= "\uffef" for character in text
    )


def _wrap(font: str, text: str, size: float, width: float) -> list[str]:
    """Break a line to the page width; Chinese has no spaces, so it is cut by measured width."""
    if not text:
        return [""]
    if font != CHINESE_FONT:
        average = pdfmetrics.stringWidth("n", font, size)
        return textwrap.wrap(text, width=max(20, int(width / average))) or [""]
    lines, current = [], ""
    for character in text:
        if pdfmetrics.stringWidth(current + character, font, size) > width:
            lines.append(current)
            current = character
        else:
            current += character
    return [*lines, current]


def invitation_letter(placement: Placement) -> bytes:
    """The letter as PDF bytes: English first, then Chinese, both with the host's details."""
    buffer = io.BytesIO()
    width, height = A4
    canvas = Canvas(buffer, pagesize=A4, invariant=True)
    canvas.setTitle(f"Invitation letter / 邀请函: {placement.fellow}")
    canvas.setAuthor(placement.host.name)
    y = height - MARGIN
    canvas.setFont(LATIN_FONT, 9)
    canvas.drawRightString(width - MARGIN, y, timezone.localdate().isoformat())
    y -= 2 * LINE
    for section in (_english(placement), _chinese(placement)):
        for font, text in section:
            # A Chinese name inside an English line needs the CJK font, which also has Latin letters.
            font = CHINESE_FONT if font != LATIN_BOLD and _has_chinese(text) else font
            size = 14 if text in ("Letter of invitation", "邀请函") else 10.5
            for line in _wrap(font, text, size, width - 2 * MARGIN):
                if y < MARGIN:
                    canvas.showPage()
                    y = height - MARGIN
                canvas.setFont(font, size)
                canvas.drawString(MARGIN, y, line)
                y -= LINE
        y -= 2 * LINE
    canvas.setFont(LATIN_FONT, 10.5)
    canvas.drawString(MARGIN, y, f"{placement.host_contact_name}, {placement.host.name}")
    canvas.save()
    return buffer.getvalue()
