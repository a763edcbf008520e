"""Invented programmes, twinning pairs, activities, people and affiliations for the demo."""

from __future__ import annotations

from twinning.demo.records import (
    ActivityRecord,
    AffiliationRecord,
    PairRecord,
    PersonRecord,
    ProgrammeRecord,
    Role,
)
from twinning.demo.seed_programmes import TWINNING
from twinning.directory.enums import AffiliationKind
from twinning.programmes.enums import ActivityKind, PairStatus, ProgrammeKind

GREEN_CITIES = "green-cities-dialogue"
ALUMNI = "twinning-alumni-exchange"

SAMPLE_PROGRAMMES: tuple[ProgrammeRecord, ...] = (
    ProgrammeRecord(
        GREEN_CITIES,
        "Green Cities Dialogue Europe–China",
        ProgrammeKind.CITY_TO_CITY,
        acronym="GCD",
        name_zh="中欧绿色城市对话",
        description="A city-to-city exchange in which practitioners from European and Chinese cities meet in inter-city labs on one theme at a time, then test what they learnt in a pilot back home. Trainings and an online library of cases support the labs.",
        description_zh="中欧绿色城市对话是城市间交流项目：来自中欧城市的实践者围绕同一主题参加城市实验室，回到本地后开展试点。项目同时提供培训和在线案例库。",
        start_year=2019,
        end_year=2022,
        organisers=("lyon-eco-building", "chengdu-low-carbon", "rotterdam-delta-water"),
        topics=("urbanisation", "water", "transport", "green-buildings", "waste", "finance"),
    ),
    ProgrammeRecord(
        ALUMNI,
        "Twinning Alumni Exchange",
        ProgrammeKind.NETWORK,
        name_zh="结对交流校友计划",
        description="The network programme for former twinning partners: an annual meeting, webinars, mentoring for new pairs and small grants for joint follow-up projects.",
        description_zh="面向历届结对伙伴的网络项目，包括年会、线上研讨、新结对伙伴辅导和后续合作项目小额资助。",
        start_year=2019,
        organisers=("twinning-alumni-network",),
        topics=("civil-society", "sdgs"),
    ),
)


def _pair(
    year: int,
    a: str,
    b: str,
    topics: tuple[str, ...],
    focus: str,
    focus_zh: str = "",
    status: str = PairStatus.COMPLETED,
) -> PairRecord:
    return PairRecord(TWINNING, year, a, b, topics, focus, focus_zh, status)


SAMPLE_PAIRS: tuple[PairRecord, ...] = (
    # 2016
    _pair(
        2016,
        "yunnan-wetlands",
        "friends-middle-danube",
        ("biodiversity", "water", "education"),
        "Citizen monitoring of lakes and floodplains, and how to turn volunteer data into restoration plans.",
        "公民参与湖泊与河漫滩监测，以及如何把志愿者数据转化为生态修复计划。",
    ),
    _pair(
        2016,
        "hangzhou-green-commute",
        "copenhagen-cycling-culture",
        ("transport", "urbanisation", "air-quality"),
        "Safe cycling infrastructure and campaigns that get commuters out of cars.",
        "安全的骑行基础设施，以及鼓励通勤者少开车的宣传活动。",
    ),
    _pair(
        2016,
        "shenzhen-zero-waste",
        "circular-neighbourhoods-amsterdam",
        ("waste", "circular-economy", "civil-society"),
        "Food-waste sorting, community composting and repair cafés in high-rise neighbourhoods.",
        "高层住宅社区的厨余分类、社区堆肥和维修咖啡馆。",
    ),
    _pair(
        2016,
        "beijing-green-building",
        "lyon-eco-building",
        ("green-buildings", "energy-efficiency"),
        "Deep energy renovation of residential blocks and training for the building trades.",
    ),
    _pair(
        2016,
        "gansu-dryland-farming",
        "romanian-rural-energy",
        ("agriculture", "renewable-energy", "climate"),
        "Farming and energy in dry rural areas: water-saving methods and small renewable systems for farms.",
    ),
    _pair(
        2016,
        "tianjin-coastal-volunteers",
        "costa-viva-barcelona",
        ("oceans", "waste", "youth"),
        "Beach clean-ups as a source of data on marine litter and a way to train young volunteers.",
        "把净滩活动作为海洋垃圾数据来源和青年志愿者培养途径。",
    ),
    _pair(
        2016,
        "nanjing-environmental-law",
        "leeds-environmental-justice",
        ("environmental-justice", "air-quality", "civil-society"),
        "Legal help for communities living with pollution and the right to environmental information.",
    ),
    _pair(
        2016,
        "harbin-cold-climate-energy",
        "tallinn-smart-energy",
        ("energy-efficiency", "green-buildings", "air-quality"),
        "Heating and insulation in cold-climate apartment blocks, from measurement to renovation.",
    ),
    # 2017 (the seed pairs are in seed_programmes.py)
    _pair(
        2017,
        "xian-clean-air",
        "breathe-warsaw",
        ("air-quality", "health"),
        "Low-cost sensor networks run by citizens and how to use their data to push for clean heating.",
        "公民运营的低成本空气监测网络，以及如何利用数据推动清洁取暖。",
    ),
    _pair(
        2017,
        "wuhan-lakes-watch",
        "slovak-wetlands",
        ("water", "biodiversity"),
        "Protecting urban lakes and small wetlands from infilling and pollution.",
    ),
    _pair(
        2017,
        "changsha-women-environment",
        "vienna-women-climate",
        ("gender", "climate", "health"),
        "Women's leadership in local environmental action and gender in climate plans.",
        "女性在地方环境行动中的领导力，以及气候规划中的性别视角。",
    ),
    # 2018
    _pair(
        2018,
        "chengdu-low-carbon",
        "ghent-climate-neighbourhoods",
        ("low-carbon", "climate", "civil-society"),
        "Street-level climate projects and how to count the emissions they save.",
        "街区层面的气候项目及其减排量的测算方法。",
    ),
    _pair(
        2018,
        "xiamen-marine-education",
        "learning-outdoors-dublin",
        ("education", "oceans", "youth"),
        "Teaching outside the classroom: coast, park and garden lessons for primary schools.",
    ),
    _pair(
        2018,
        "qingdao-circular-economy",
        "circular-neighbourhoods-amsterdam",
        ("circular-economy", "waste", "csr"),
        "Matching industrial by-products with new users and the role of companies in a circular city.",
    ),
    _pair(
        2018,
        "beihai-mangrove",
        "aegean-marine-litter",
        ("oceans", "biodiversity"),
        "Working with fishing communities on healthy coasts: mangrove restoration and litter from nets.",
        "与渔民社区合作守护海岸：红树林修复与渔网垃圾回收。",
    ),
    _pair(
        2018,
        "guizhou-rural-solar",
        "freiburg-energy-cooperative",
        ("renewable-energy", "civil-society"),
        "Community ownership of renewable energy and training local technicians.",
        "社区共有的可再生能源以及本地技术员培训。",
    ),
    _pair(
        2018,
        "shanghai-youth-sustainability",
        "helsinki-youth-climate",
        ("youth", "climate", "sdgs"),
        "How young people can take part in city climate plans.",
    ),
    _pair(
        2018,
        "dongguan-workers-health",
        "fair-supply-berlin",
        ("labour-rights", "csr", "health"),
        "Chemical safety for factory workers and what brands can do about it in their supply chains.",
    ),
    _pair(
        2018,
        "gansu-dryland-farming",
        "bologna-food-commons",
        ("agriculture", "consumption", "waste"),
        "From field to canteen: short food chains and cutting food waste.",
    ),
    # 2019
    _pair(
        2019,
        "zhengzhou-green-finance",
        "milan-sustainable-finance",
        ("finance", "low-carbon"),
        "Measuring how banks lend to green and fossil projects, and training those who read the numbers.",
        "衡量银行对绿色项目与化石能源项目的贷款情况，并培训解读数据的人员。",
    ),
    _pair(
        2019,
        "qinghai-grassland",
        "swedish-forest-commons",
        ("biodiversity", "climate"),
        "Indigenous and local knowledge in managing grasslands and forests under a changing climate.",
    ),
    _pair(
        2019,
        "hong-kong-urban-farming",
        "lisbon-urban-gardens",
        ("agriculture", "urbanisation", "education"),
        "Growing food on city land: allotments, rooftops and school gardens.",
        "在城市土地上种植食物：社区菜园、屋顶农场和校园菜园。",
    ),
    _pair(
        2019,
        "hefei-energy-saving",
        "tallinn-smart-energy",
        ("energy-efficiency", "low-carbon"),
        "Helping households and building managers save energy with simple checks and meter data.",
    ),
    _pair(
        2019,
        "inner-mongolia-desert",
        "slovak-wetlands",
        ("biodiversity", "climate", "water"),
        "Keeping water in dry landscapes: native planting and small retention works.",
        status=PairStatus.WITHDRAWN,
    ),
    _pair(
        2019,
        "hangzhou-green-commute",
        "prague-mobility-forum",
        ("transport", "urbanisation", "air-quality"),
        "Temporary street experiments — school streets, pop-up lanes — and how to evaluate them.",
        "临时街道实验（如学校街道、临时自行车道）及其评估方法。",
    ),
    _pair(
        2019,
        "shenzhen-zero-waste",
        "vilnius-zero-waste-schools",
        ("waste", "education"),
        "Zero-waste schools: canteen audits, composting and pupil eco-teams.",
    ),
    _pair(
        2019,
        "wuhan-lakes-watch",
        "rotterdam-delta-water",
        ("water", "climate", "urbanisation"),
        "Sponge-city ideas seen from the street: water squares, lakes as flood buffers and citizen monitoring.",
        "从街区视角看海绵城市：水广场、湖泊调蓄和公民监测。",
    ),
)

SAMPLE_ACTIVITIES: tuple[ActivityRecord, ...] = (
    ActivityRecord(
        GREEN_CITIES,
        ActivityKind.LAB,
        "Inter-city lab: district heating retrofits",
        2019,
        ("energy-efficiency", "green-buildings"),
        name_zh="城市实验室：集中供热改造",
        place="Harbin",
    ),
    ActivityRecord(
        GREEN_CITIES,
        ActivityKind.LAB,
        "Inter-city lab: sponge cities and water squares",
        2019,
        ("water", "climate", "urbanisation"),
        name_zh="城市实验室：海绵城市与水广场",
        place="Wuhan",
    ),
    ActivityRecord(
        GREEN_CITIES,
        ActivityKind.TRAINING,
        "Online training: low-energy renovation of residential blocks",
        2020,
        ("green-buildings", "energy-efficiency"),
        name_zh="线上培训：住宅楼低能耗改造",
        place="Online",
    ),
    ActivityRecord(
        GREEN_CITIES,
        ActivityKind.LAB,
        "Inter-city lab: cycling streets",
        2021,
        ("transport", "urbanisation"),
        name_zh="城市实验室：骑行街道",
        place="Hangzhou",
    ),
    ActivityRecord(
        GREEN_CITIES,
        ActivityKind.WORKSHOP,
        "Workshop: community composting in high-rise districts",
        2021,
        ("waste", "circular-economy"),
        name_zh="工作坊：高层住宅区社区堆肥",
        place="Shenzhen",
    ),
    ActivityRecord(
        GREEN_CITIES,
        ActivityKind.SEMINAR,
        "Seminar: financing city climate plans",
        2022,
        ("finance", "low-carbon"),
        name_zh="研讨会：城市气候规划融资",
        place="Zhengzhou",
    ),
    ActivityRecord(
        ALUMNI,
        ActivityKind.CONFERENCE,
        "Alumni meeting",
        2019,
        ("civil-society",),
        name_zh="校友年会",
        place="Brussels",
    ),
    ActivityRecord(
        ALUMNI,
        ActivityKind.SEMINAR,
        "Webinar series: keeping exchanges going online",
        2020,
        ("civil-society",),
        name_zh="线上研讨系列：疫情期间如何继续交流",
        place="Online",
    ),
    ActivityRecord(
        ALUMNI,
        ActivityKind.SEMINAR,
        "Webinar: youth voices in climate policy",
        2021,
        ("youth", "climate"),
        name_zh="线上研讨：气候政策中的青年声音",
        place="Online",
    ),
    ActivityRecord(
        ALUMNI,
        ActivityKind.CONFERENCE,
        "Alumni meeting",
        2022,
        ("civil-society", "low-carbon"),
        name_zh="校友年会",
        place="Chengdu",
    ),
    ActivityRecord(
        ALUMNI,
        ActivityKind.WORKSHOP,
        "Follow-up project clinic",
        2023,
        ("civil-society",),
        name_zh="后续项目辅导会",
        place="Berlin",
        description="Alumni pairs present follow-up project ideas and get advice before the small-grant deadline.",
    ),
)


def _person(
    key: str, name: str, organisation: str, title: str, name_zh: str = "", title_zh: str = ""
) -> PersonRecord:
    return PersonRecord(key, name, name_zh, (Role(organisation, title, title_zh),))


SAMPLE_PEOPLE: tuple[PersonRecord, ...] = (
    PersonRecord(
        "li-mingyue",
        "Li Mingyue",
        "李明月",
        (
            Role("yunnan-wetlands", "Director", "主任"),
            Role("yangtze-ngo-network", "Board member", "理事"),
        ),
    ),
    _person("zhao-hai", "Zhao Hai", "yunnan-wetlands", "Field coordinator", "赵海", "野外协调员"),
    _person("sun-wei", "Sun Wei", "hangzhou-green-commute", "Secretary General", "孙伟", "秘书长"),
    _person(
        "he-jing", "He Jing", "wuhan-lakes-watch", "Founder and director", "何静", "创始人兼主任"
    ),
    _person(
        "chen-xiaolan",
        "Chen Xiaolan",
        "shenzhen-zero-waste",
        "Executive director",
        "陈晓兰",
        "执行主任",
    ),
    _person(
        "wang-jun", "Wang Jun", "qingdao-circular-economy", "Secretary General", "王军", "秘书长"
    ),
    _person("liu-fang", "Liu Fang", "xian-clean-air", "Programme manager", "刘芳", "项目经理"),
    _person("zhou-yan", "Zhou Yan", "changsha-women-environment", "Coordinator", "周燕", "协调人"),
    _person(
        "guo-peng",
        "Guo Peng",
        "beijing-green-building",
        "Deputy Secretary General",
        "郭鹏",
        "副秘书长",
    ),
    _person(
        "yang-lei", "Yang Lei", "nanjing-environmental-law", "Staff lawyer", "杨磊", "专职律师"
    ),
    _person(
        "tang-xue", "Tang Xue", "shanghai-youth-sustainability", "Co-founder", "唐雪", "联合创始人"
    ),
    _person("ma-lin", "Ma Lin", "zhengzhou-green-finance", "Research director", "马琳", "研究主任"),
    _person("wu-tao", "Wu Tao", "guizhou-rural-solar", "Director", "吴涛", "主任"),
    _person(
        "huang-qiong", "Huang Qiong", "beihai-mangrove", "Programme officer", "黄琼", "项目官员"
    ),
    _person("lam-ka-wai", "Lam Ka-wai", "hong-kong-urban-farming", "Convenor", "林嘉慧", "召集人"),
    _person("katrin-albers", "Katrin Albers", "freiburg-energy-cooperative", "Board member"),
    _person("jonas-weber", "Jonas Weber", "freiburg-energy-cooperative", "Project manager"),
    _person(
        "maartje-de-vries", "Maartje de Vries", "circular-neighbourhoods-amsterdam", "Director"
    ),
    _person("zsofia-kovacs", "Zsófia Kovács", "friends-middle-danube", "Programme coordinator"),
    _person("marta-puig", "Marta Puig", "costa-viva-barcelona", "President"),
    _person("agnieszka-nowicka", "Agnieszka Nowicka", "breathe-warsaw", "President"),
    _person("tomasz-wrona", "Tomasz Wrona", "breathe-warsaw", "Sensor network coordinator"),
    _person("jana-horakova", "Jana Horáková", "prague-mobility-forum", "Coordinator"),
    _person(
        "mette-lindholm",
        "Mette Lindholm",
        "copenhagen-cycling-culture",
        "Head of international relations",
    ),
    _person("claire-rousseau", "Claire Rousseau", "lyon-eco-building", "Cluster manager"),
    _person("eleni-papadaki", "Eleni Papadaki", "aegean-marine-litter", "Coordinator"),
    _person("giulia-ferrari", "Giulia Ferrari", "bologna-food-commons", "President"),
    _person("sarah-okafor", "Sarah Okafor", "leeds-environmental-justice", "Community organiser"),
    _person("elisabeth-huber", "Elisabeth Huber", "vienna-women-climate", "Chair"),
    _person("hannah-brandt", "Hannah Brandt", "fair-supply-berlin", "Researcher"),
    _person("pieter-van-dam", "Pieter van Dam", "rotterdam-delta-water", "Head of training"),
    _person("aino-virtanen", "Aino Virtanen", "helsinki-youth-climate", "Chair"),
    _person(
        "ruta-kazlauskaite", "Rūta Kazlauskaitė", "vilnius-zero-waste-schools", "Programme lead"
    ),
    _person("bram-claes", "Bram Claes", "twinning-alumni-network", "Network coordinator"),
)

_MEMBER = AffiliationKind.MEMBERSHIP
_PARTNER = AffiliationKind.PARTNER

SAMPLE_AFFILIATIONS: tuple[AffiliationRecord, ...] = (
    *(
        AffiliationRecord(_MEMBER, member, "yangtze-ngo-network", start_year=2014)
        for member in (
            "wuhan-lakes-watch",
            "yunnan-wetlands",
            "changsha-women-environment",
            "chengdu-low-carbon",
            "hefei-energy-saving",
        )
    ),
    AffiliationRecord(
        _MEMBER, "shanghai-youth-sustainability", "yangtze-ngo-network", start_year=2017
    ),
    *(
        AffiliationRecord(_MEMBER, alumnus, "twinning-alumni-network", start_year=2019)
        for alumnus in (
            "friends-middle-danube",
            "copenhagen-cycling-culture",
            "shenzhen-zero-waste",
            "circular-neighbourhoods-amsterdam",
            "breathe-warsaw",
            "xian-clean-air",
            "nanjing-environmental-law",
            "leeds-environmental-justice",
            "chengdu-low-carbon",
        )
    ),
    AffiliationRecord(
        _PARTNER,
        "lyon-eco-building",
        "beijing-green-building",
        start_year=2017,
        note="continued after their 2016 twinning",
    ),
    AffiliationRecord(
        _PARTNER,
        "copenhagen-cycling-culture",
        "prague-mobility-forum",
        start_year=2015,
        note="joint study tours",
    ),
    AffiliationRecord(
        _PARTNER,
        "xian-clean-air",
        "breathe-warsaw",
        start_year=2018,
        note="shared sensor calibration method",
    ),
)
