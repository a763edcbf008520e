"""Chinese people: "秘书长马丁平", "理事长：杨秀英女士", "院长刘建平教授", "主席让-吕克·贝尔纳",
"赵婷婷（项目官员）", bylines "（记者 许晴）" / "（编辑：刘洋　审核：周静）", simplified and
traditional script. A name is a surname of `ZH_SURNAMES` and one or two characters, or a
transliterated name with "·"."""

from __future__ import annotations

import re
from collections.abc import Callable

from twinning.extract.chinese import short_reference
from twinning.extract.registry import Registry

ZH_ROLES = "|".join(
    sorted(
        set(
            [
                "项目总监",
                "项目经理",
                "总监",
                "副秘书长",
                "秘书长",
                "常务副理事长",
                "副理事长",
                "常务理事",
                "理事长",
                "副会长",
                "会长",
                "副主任",
                "主任",
                "副院长",
                "院长",
                "副主席",
                "主席",
                "总干事",
                "副总干事",
                "执行主任",
                "创始人",
                "负责人",
                "总经理",
                "董事长",
                "项目官员",
                "项目主管",
                "教授",
                "研究员",
                "所长",
                "市长",
                "副市长",
                "局长",
                "副局长",
                "处长",
                "部长",
                "策展人",
                "总领事",
                "领事",
                "文化领事",
                "志愿者代表",
                "秘書長",
                "副秘書長",
                "理事長",
                "副理事長",
                "常務理事",
                "總幹事",
                "會長",
                "副會長",
                "董事長",
                "執行長",
                "主任委員",
            ]
        ),
        key=len,
        reverse=True,
    )
)
# Bylines and credits: the role is followed by a space or a colon, then the name.
ZH_CREDITS = "责任编辑|編輯|编辑|审核|審核|记者|記者|通讯员|通訊員|摄影|攝影|撰稿|联系人|聯絡人"
ZH_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
    "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘"
    "祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟"
    "艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞"
    "姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    # traditional forms
    "陳張劉楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸鄒賀顧龔錢嚴湯溫莊聶魯詹歐關蘭劉鄺"
)
# What may follow a name: an honorific, a verb of the report, punctuation, the end.
AFTER = (
    r"(?=女士|先生|博士|教授|一行|分别|分別|热情|熱情|全程|致辞|致辭|致|陪同|参加|參加|出席|会见|會見|"
    r"主持|率团|率領|率|应邀|應邀|接待|介绍|介紹|发表|發表|表示|指出|认为|說|说|[，,、。；;和与與及等在带帶陪的\s(（）)]|$)"
)
HAN = r"[\u4e00-\u9fff]"
NATIVE = r"[" + ZH_SURNAMES + r"]" + HAN + r"{1,2}?"
FOREIGN = HAN + r"{1,6}(?:[-‐]" + HAN + r"{1,4})?·" + HAN + r"{1,8}?"
ZH_ROLE_NAME = re.compile(
    r"(?P<role>" + ZH_ROLES + r")(?:为|為|是)?(?P<name>" + NATIVE + r")" + AFTER
)
# "理事长：杨秀英女士", "（记者 许晴）", "（编辑：刘洋　审核：周静）".
ZH_ROLE_COLON = re.compile(
    r"(?P<role>"
    + ZH_ROLES
    + r"|"
    + ZH_CREDITS
    + r")(?:\s*[:：]\s*|[\s\u3000]+)(?P<name>["
    + ZH_SURNAMES
    + r"]"
    + HAN
    + r"{1,2}?)(?=女士|先生|博士|教授|(?!"
    + HAN
    + r"))"
)
ZH_FOREIGN_NAME = re.compile(
    r"(?P<role>" + ZH_ROLES + r")(?:为|為|是)?(?P<name>" + FOREIGN + r")" + AFTER
)
# "经济学院的玛丽·杜邦教授": a transliterated name with an honorific after it.
ZH_FOREIGN_TITLED = re.compile(
    r"(?<=[的、，和与及])(?P<name>" + FOREIGN + r")(?P<role>教授|女士|先生|博士)"
)
# "赵婷婷（项目官员）", "孙晓燕（项目主管）".
ZH_NAME_BRACKET = re.compile(
    r"(?P<name>[" + ZH_SURNAMES + r"]" + HAN + r"{1,2})[（(](?P<role>" + ZH_ROLES + r")[）)]"
)
ZH_NAME_ROLE = re.compile(r"(?P<name>" + NATIVE + r")(?P<role>" + ZH_ROLES + r")")
# A "name" ending in one of these is a unit of an organisation ("项目部", "办公室").
NOT_LAST = set("部处室会院局所组科团队")
PATTERNS = (
    ZH_FOREIGN_NAME,
    ZH_FOREIGN_TITLED,
    ZH_ROLE_COLON,
    ZH_NAME_BRACKET,
    ZH_ROLE_NAME,
    ZH_NAME_ROLE,
)


def chinese_people(
    sentence: str,
    registry: Registry,
    fallback: str | None,
    add: Callable[[str, str | None, str | None, str], None],
) -> None:
    """Calls `add(name, role, organisation, sentence)` for each Chinese name in `sentence`."""
    for pattern in PATTERNS:
        for match in pattern.finditer(sentence):
            name = match.group("name")
            if pattern is ZH_FOREIGN_TITLED:
                # "协会主席卡门·加西亚女士": the name starts after the last role or "的".
                name = re.split(r"(?:" + ZH_ROLES + r"|的)", name)[-1]
                if "·" not in name or name.startswith("·"):
                    continue
            if name[-1] in NOT_LAST:
                continue
            prefix = sentence[: match.start()]
            before = registry.mentions(prefix)
            adjacent = bool(before) and before[-1][1] == len(prefix)
            # A name right after a Han character must follow a full name ("兰州大学张敏教授").
            han_before = bool(prefix) and "\u4e00" <= prefix[-1] <= "\u9fff"
            if pattern is ZH_NAME_ROLE and han_before and not adjacent:
                continue
            if any(name in entry.organisation.name for entry in registry.entries) or any(
                role.startswith(name) for role in ZH_ROLES.split("|")
            ):
                continue
            role: str | None = match.group("role")
            if pattern is ZH_FOREIGN_TITLED:
                role = None
            if pattern is ZH_ROLE_COLON and re.fullmatch(ZH_CREDITS, role or ""):
                add(name, role, None, sentence)
                continue
            referred = short_reference(prefix, registry)
            if referred is not None:
                organisation: str | None = referred.organisation.name
            elif before:
                organisation = before[-1][2].organisation.name
            else:
                organisation = fallback
            add(name, role, organisation, sentence)
