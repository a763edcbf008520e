"""People and affiliations stated by the five public seed pages (their organisations: seeds.py).

Facts only, in our own words.
"""

from __future__ import annotations

from twinning.demo.records import AffiliationRecord, PersonRecord, Role
from twinning.directory.enums import AffiliationKind

MEMBER = AffiliationKind.MEMBERSHIP
PARTNER = AffiliationKind.PARTNER

SEED_PEOPLE: tuple[PersonRecord, ...] = (
    PersonRecord(
        "dingping-ma",
        "Dingping Ma",
        roles=(Role("cres", "Secretary General"), Role("cres", "Senior Engineer")),
    ),
    PersonRecord(
        "siyu-ma", "Siyu Ma", roles=(Role("cres", "Director of the International Department"),)
    ),
    PersonRecord("shiqin-zhao", "Shiqin Zhao", roles=(Role("zhongfen"),)),
    PersonRecord("yi-zhang", "Yi Zhang", roles=(Role("undp"),)),
    PersonRecord("xiaofei-wang", "Xiaofei Wang"),
    PersonRecord(
        "xiaocun-ruan",
        "Xiaocun Ruan",
        roles=(
            Role("giz", "Key expert on sustainable urban planning, EC-LINK"),
            Role("ewuc"),
        ),
    ),
    PersonRecord("nancy-ning", "Nancy Ning", roles=(Role("iclei", "China Relations Officer"),)),
    PersonRecord("danuta-chodakowska", "Danuta Chodakowska"),
    PersonRecord("huang-liying", "Huang Liying"),
)

_ICLEI_PARTNERS = (
    "cbcsd",
    "cec",
    "csus",
    "climate-group-china",
    "tongji-caup",
    "eco-forum-global",
    "gfhs",
    "igca",
    "iues-cass",
    "sstec",
    "wri-beijing",
    "wwf-china",
)
_CRES_NETWORKS = ("cnie", "cango", "geidco", "brenet", "ccan", "china-europe-ngo-exchange")

SEED_AFFILIATIONS: tuple[AffiliationRecord, ...] = (
    *(AffiliationRecord(MEMBER, "cres", network) for network in _CRES_NETWORKS),
    *(
        AffiliationRecord(PARTNER, "iclei", partner, note="Chinese partner of ICLEI")
        for partner in _ICLEI_PARTNERS
    ),
    AffiliationRecord(MEMBER, "eco-canton", "china-zero-waste-alliance", note="founding member"),
    AffiliationRecord(
        MEMBER, "bundjugend-berlin", "bund-berlin", note="youth organisation of BUND Berlin"
    ),
    AffiliationRecord(
        PARTNER,
        "ekoenergy",
        "fanc",
        note="EKOenergy is run from the Finnish Association for Nature Conservation",
    ),
)
