"""Programmes, pairs, activities, events, the delegation visit and the report from the seed pages."""

from __future__ import annotations

import datetime

from twinning.demo.records import (
    ActivityRecord,
    DataSet,
    DocumentRecord,
    EventRecord,
    PairRecord,
    Participant,
    ProgrammeRecord,
    VisitRecord,
)
from twinning.demo.seed_people import SEED_AFFILIATIONS, SEED_PEOPLE
from twinning.demo.seeds import SEED_ORGANISATIONS
from twinning.programmes.enums import ActivityKind, ProgrammeKind

TWINNING = "eu-china-twinning"
EC_LINK = "ec-link"

SEED_PROGRAMMES: tuple[ProgrammeRecord, ...] = (
    # The pages show the pairs but do not name their programme; this name is ours.
    ProgrammeRecord(
        TWINNING,
        "EU–China NGO Twinning Programme",
        ProgrammeKind.TWINNING,
        name_zh="中欧社会组织结对交流项目",
        description="Pairs a European and a Chinese civil-society organisation working on the same issue for a year of staff exchanges, joint work and a shared report.",
        description_zh="项目将关注相同议题的一家欧洲社会组织和一家中国社会组织结成对子，开展为期一年的人员互访、共同工作并撰写联合报告。",
        start_year=2016,
        topics=("climate", "energy", "water", "waste", "urbanisation", "education"),
        cohorts=(2016, 2017, 2018, 2019),
    ),
    ProgrammeRecord(
        EC_LINK,
        "Europe-China Eco Cities Link",
        ProgrammeKind.CITY_TO_CITY,
        acronym="EC-LINK",
        name_zh="中欧生态城市合作项目",
        funder="European Union",
        organisers=("giz",),
        description="An EU-funded project within the EU-China Partnership on Sustainable Urbanisation (signed in May 2012). It helps Chinese cities take up energy- and resource-efficient measures by drawing on European cities: eco-city toolboxes, a knowledge platform, city-to-city activities, training for officials and technical advice on urban projects.",
        description_zh="中欧生态城市合作项目由欧盟资助，是2012年5月签署的中欧城镇化伙伴关系的重要组成部分，通过生态城市工具包、知识平台、城市间交流、培训和技术咨询，帮助中国城市借鉴欧洲经验，推行节能和资源高效利用措施。",
        topics=(
            "urbanisation",
            "green-buildings",
            "transport",
            "low-carbon",
            "water",
            "waste",
            "finance",
        ),
    ),
)

# Cohort years are assumed: the partner list page states no year (2017), nor does the
# Eco Canton – Zero Waste Europe page (2018).
SEED_PAIRS: tuple[PairRecord, ...] = (
    PairRecord(
        TWINNING,
        2017,
        "esssp",
        "afcdud",
        ("urbanisation", "climate", "waste", "low-carbon"),
        "How technology can make cities more resilient to climate change, with a look at integrated waste management and at measuring CO2 emissions in large European and Chinese cities.",
        "探讨技术如何提升城市应对气候变化的韧性，重点关注中欧大城市的综合废弃物管理和二氧化碳排放监测。",
    ),
    PairRecord(
        TWINNING,
        2017,
        "cres",
        "ekoenergy",
        ("energy", "climate", "low-carbon"),
        "Telling consumers about green electricity choices and about ecolabelled power for carbon accounting, corporate responsibility and marketing.",
        "向消费者介绍绿色电力选择，以及生态标签电力在碳核算、企业社会责任和市场推广中的用途。",
    ),
    PairRecord(
        TWINNING,
        2017,
        "cqgvl",
        "legambiente",
        ("water", "agriculture", "energy", "education"),
        "Two themes worked through in joint activities: protecting watersheds, and greener logistics, in China and the EU.",
        "围绕中欧流域保护和绿色物流两个议题开展共同活动。",
    ),
    PairRecord(
        TWINNING,
        2017,
        "blueribbon",
        "focus",
        ("energy", "climate", "low-carbon", "water"),
        "Environmental justice and environmental conflicts, energy efficiency, renewable energy and the Sustainable Development Goals.",
    ),
    PairRecord(
        TWINNING,
        2017,
        "cycan",
        "bundjugend-berlin",
        ("water", "urbanisation", "climate", "education"),
        "Young people's view of climate change, polluted air and water, urban growth and international trade agreements.",
    ),
    PairRecord(
        TWINNING,
        2018,
        "eco-canton",
        "zero-waste-europe",
        ("waste", "climate", "air-quality"),
        "Waste as the visible end of wider problems: working on waste also means working on climate, food waste, air pollution and plastics.",
        "垃圾只是冰山一角：解决垃圾问题也意味着应对气候变化、食物浪费、空气污染和塑料污染。",
    ),
)

SEED_ACTIVITIES: tuple[ActivityRecord, ...] = (
    ActivityRecord(
        EC_LINK,
        ActivityKind.LAB,
        "Inter-city lab: green buildings",
        2017,
        ("green-buildings",),
        name_zh="城市实验室：绿色建筑",
        place="Chinese pilot cities",
        country="CN",
    ),
    ActivityRecord(
        EC_LINK,
        ActivityKind.LAB,
        "Inter-city lab: green transport",
        2017,
        ("transport",),
        name_zh="城市实验室：绿色交通",
        place="Chinese pilot cities",
        country="CN",
    ),
    ActivityRecord(
        EC_LINK,
        ActivityKind.LAB,
        "Inter-city lab: low-carbon urban planning",
        2017,
        ("low-carbon", "urbanisation"),
        name_zh="城市实验室：低碳城市规划",
        place="Chinese pilot cities",
        country="CN",
    ),
    ActivityRecord(
        EC_LINK,
        ActivityKind.LAB,
        "Inter-city lab: sustainable water management",
        2017,
        ("water",),
        name_zh="城市实验室：可持续水管理",
        place="Chinese pilot cities",
        country="CN",
    ),
    ActivityRecord(
        EC_LINK,
        ActivityKind.LAB,
        "Inter-city lab: solid waste management",
        2017,
        ("waste",),
        name_zh="城市实验室：固体废弃物管理",
        place="Chinese pilot cities",
        country="CN",
    ),
    ActivityRecord(
        EC_LINK,
        ActivityKind.TRAINING,
        "Green building training for small cities",
        2018,
        ("green-buildings", "energy-efficiency"),
        name_zh="小城市绿色建筑培训",
        description="Promotion policy and low-cost, high-efficiency techniques.",
        place="small Chinese cities",
        country="CN",
    ),
    ActivityRecord(
        EC_LINK,
        ActivityKind.WORKSHOP,
        "Pilot city cooperation on water management and flood prevention",
        2018,
        ("water", "climate"),
        name_zh="试点城市水管理与防洪合作",
        description="Chinese pilot cities working with European cities.",
        place="Chinese pilot cities",
        country="CN",
    ),
    ActivityRecord(
        EC_LINK,
        ActivityKind.TRAINING,
        "Training on municipal green finance",
        2018,
        ("finance",),
        name_zh="城市绿色金融培训",
        country="CN",
    ),
)


def _forum(
    name: str,
    year: int,
    place: str,
    organisers: tuple[str, ...],
    topics: tuple[str, ...],
    name_zh: str = "",
) -> EventRecord:
    """A forum ICLEI contributed to: ICLEI takes part, the page gives only the year."""
    return EventRecord(
        name,
        year,
        place=place,
        country="CN",
        organisers=organisers,
        participants=("iclei",),
        topics=topics,
        name_zh=name_zh,
    )


SEED_EVENTS: tuple[EventRecord, ...] = (
    EventRecord(
        "EU-China Partnership on Sustainable Urbanisation signed",
        2012,
        5,
        organisers=("european-commission",),
        topics=("urbanisation",),
        name_zh="中欧城镇化伙伴关系签署",
        description="The European Commission and China's government agree to work together on sustainable urbanisation; EC-LINK is part of it.",
    ),
    EventRecord(
        "Energy-safe Cities East Asia Expert Symposium",
        2014,
        10,
        place="Beijing",
        country="CN",
        organisers=("iclei",),
        topics=("renewable-energy", "urbanisation", "energy"),
        description="First meeting of ICLEI's East Asian programme on energy-safe cities: experts and eleven local governments of China, Japan, Korea and Mongolia on how city energy systems could run on 100% renewables by 2030.",
    ),
    EventRecord(
        "EcoProcura China 2014",
        2014,
        10,
        place="Beijing",
        country="CN",
        organisers=("iclei",),
        topics=("consumption",),
        description="International symposium on municipal green procurement: national and local governments compare green public procurement practice with experts of China, Japan, Korea, Malaysia, the Netherlands and Switzerland.",
    ),
    _forum(
        "21st Century Forum on Forestry and Environmental Protection",
        2001,
        "Beijing",
        ("cppcc",),
        ("biodiversity", "environment"),
    ),
    _forum(
        "UN-Habitat – ICLEI Nanning International Conference on Sustainable Urban Development",
        2005,
        "Nanning",
        ("un-habitat", "iclei"),
        ("urbanisation",),
    ),
    _forum(
        "World Urban Forum",
        2008,
        "Nanjing",
        ("un-habitat",),
        ("urbanisation",),
        name_zh="世界城市论坛",
    ),
    _forum(
        "Annual Meeting of the New Champions",
        2008,
        "Tianjin",
        ("wef",),
        ("sdgs",),
        name_zh="夏季达沃斯论坛",
    ),
    _forum(
        "Annual Meeting of the New Champions",
        2010,
        "Tianjin",
        ("wef",),
        ("sdgs",),
        name_zh="夏季达沃斯论坛",
    ),
    *(
        _forum(
            f"Eco-Forum Global {year}",
            year,
            "Guiyang",
            ("eco-forum-global",),
            ("environment", "sdgs"),
            name_zh=f"生态文明贵阳国际论坛{year}年会",
        )
        for year in (2010, 2011, 2012, 2013)
    ),
    *(
        _forum(
            f"{edition} China (Tianjin Binhai) International Eco-City Forum and Expo",
            year,
            "Tianjin",
            (),
            ("urbanisation", "green-buildings"),
        )
        for edition, year in (("2nd", 2011), ("3rd", 2012), ("4th", 2013), ("5th", 2014))
    ),
    _forum(
        "Conference on Urban Development and Planning",
        2013,
        "Zhuhai",
        ("csus",),
        ("urbanisation",),
        name_zh="城市发展与规划大会",
    ),
    _forum(
        "Conference on Urban Development and Planning",
        2014,
        "Tianjin",
        ("csus",),
        ("urbanisation",),
        name_zh="城市发展与规划大会",
    ),
)

SEED_VISITS: tuple[VisitRecord, ...] = (
    VisitRecord(
        datetime.date(2023, 11, 28),
        "brrc",
        ("cres", "zhongfen", "undp"),
        participants=(
            Participant(
                "dingping-ma", "cres", "Secretary General and Senior Engineer", is_leader=True
            ),
            Participant("siyu-ma", "cres", "Director of the International Department"),
            Participant("shiqin-zhao", "zhongfen", "Delegate"),
            Participant("yi-zhang", "undp", "Delegate"),
            Participant("xiaofei-wang", None, "Delegate"),
        ),
        topics=("renewable-energy", "energy-efficiency", "low-carbon"),
        summary="A CRES delegation met the centre to explore joint work: seminars on green energy and technology that bring research and industry together, and cooperative research in Southeast Asia. CRES also described how it built up its international work and its seminars with local and international partners.",
        follow_ups="Joint seminars on green energy and technology; Southeast Asian research projects; wider dissemination of the centre's Belt and Road results.",
    ),
)

SEED_DOCUMENTS: tuple[DocumentRecord, ...] = (
    DocumentRecord(
        "Twinning report: Eco Canton and Zero Waste Europe",
        "Report on the twinning exchange between Eco Canton (Guangzhou) and Zero Waste Europe (Brussels) on waste management, "
        "written by Danuta Chodakowska and Huang Liying. The full text is published on the programme's pages.",
        summary="The two partners' report on their zero-waste exchange.",
        organisations=("eco-canton", "zero-waste-europe"),
        people=("danuta-chodakowska", "huang-liying"),
        topics=("waste",),
        programme=TWINNING,
        cohort_year=2018,
    ),
)

SEEDS = DataSet(
    is_sample=False,
    organisations=SEED_ORGANISATIONS,
    people=SEED_PEOPLE,
    affiliations=SEED_AFFILIATIONS,
    programmes=SEED_PROGRAMMES,
    pairs=SEED_PAIRS,
    activities=SEED_ACTIVITIES,
    events=SEED_EVENTS,
    visits=SEED_VISITS,
    documents=SEED_DOCUMENTS,
)
