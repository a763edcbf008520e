"""Invented people (with their roles) and affiliations between the demo's sample organisations."""

from __future__ import annotations

from twinning.demo.records import AffiliationRecord, PersonRecord, Role
from twinning.directory.enums import AffiliationKind


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
