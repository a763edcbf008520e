"""The declarative table of cues: founding years and relations in seven languages.

Each `Cue` is one row: its language, the kind of fact it states, the words that state it (a
regular expression, case-insensitive), how the two ends are found (`roles`), and an example
sentence with the fact it must give; `tests/extract/test_cues.py` runs every example through
the whole extractor. One matcher (`twinning.extract.matcher`) reads the table; adding a
language or a phrasing is adding rows here, not a pass.

English founding years in running text are read by `attributes.py` (its registrar and
place rules); the table adds the weak English "since 1977 we". Roles: `forward` — the first end is named before the cue (or is the page's own organisation:
"we", "wir", "nous", "l'associazione"), the second after it; two names before and none after
are the two ends ("A and B signed a memorandum"). `visit` — the visitor is the one after the
delegation word (or before the cue), the host the one after the cue (or the page's own).
`hosted` — the host before (or the page's own), the visitor after. `founded` — the year of
the organisation named before the cue (else after it, else the page's own). `before` — both
named before the cue, as Chinese writes a membership (`A是B的团体会员`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Cue:
    language: str
    kind: str  # "founded", "twinning", "partner", "membership" or "visit"
    pattern: str
    roles: str  # "forward", "visit", "hosted" or "founded"
    example: str
    # What the example must give: (organisation, year) for founding, (a, b, year) otherwise.
    expect: tuple[str, ...] | tuple[str, str, int | None] | tuple[str, int]
    # A weak founding cue ("since 1977") counts only for the page's own organisation in a
    # sentence that states no relation.
    weak: bool = False

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compile(self.pattern)


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_ = Cue  # rows below
CUES: tuple[Cue, ...] = (
    # ---- founding ------------------------------------------------------------------------
    Cue("en", "founded", r"\bsince\b", "founded",
        "Since 1985 we have supported families in the coastal towns.", ("*", 1985), weak=True),
    Cue("de", "founded", r"\b(?:gegründet|gründete[nt]?|gegr\.|ins Leben gerufen|entstand|besteht seit|Gründung|Gründungsjahr|seit (?:seiner|ihrer|der) Gründung)\b", "founded",
        "Der Verein Grüne Brücke Kassel wurde 1991 von Eltern gegründet.", ("Verein Grüne Brücke Kassel", 1991)),
    Cue("de", "founded", r"\bseit\b", "founded",
        "Seit 1983 setzen wir uns für saubere Flüsse ein.", ("*", 1983), weak=True),
    Cue("fr", "founded", r"\b(?:fondée?s?|créée?s?|constituée?s?|existe depuis|née?|depuis sa (?:création|fondation)|a vu le jour)\b(?:\s+en)?", "founded",
        "L'Association Les Jardins du Rhône a été fondée en 1989 à Lyon.", ("Association Les Jardins du Rhône", 1989)),
    Cue("fr", "founded", r"\bdepuis\b", "founded",
        "Depuis 1979, nous accompagnons les familles du quartier.", ("*", 1979), weak=True),
    Cue("nl", "founded", r"\b(?:opgericht|opgerichte|oprichting|bestaat sinds|ontstaan|ontstond|gesticht|sinds de oprichting)\b", "founded",
        "De Stichting Blauwe Rivier werd in 1996 opgericht in Arnhem.", ("Stichting Blauwe Rivier", 1996)),
    Cue("nl", "founded", r"\bsinds\b", "founded",
        "Sinds 1974 zetten wij ons in voor schoon water.", ("*", 1974), weak=True),
    Cue("it", "founded", r"\b(?:fondat[oa]|costituit[oa](?:si)?|nat[oa]|istituit[oa]|nasce|(?:dalla|sin dalla) sua fondazione)\b(?:\s+nel)?", "founded",
        "L'Associazione Terra Viva è stata fondata nel 1997 a Torino.", ("Associazione Terra Viva", 1997)),
    Cue("it", "founded", r"\bdal\b", "founded",
        "Dal 1982 ci occupiamo di educazione ambientale.", ("*", 1982), weak=True),
    Cue("es", "founded", r"\b(?:fundad[oa]|fundación|cread[oa]|constituid[oa]|se constituyó|se fundó|se creó|nació|nace)\b(?:\s+en)?", "founded",
        "La Fundación Mar Abierto fue fundada en 2001 en Cádiz.", ("Fundación Mar Abierto", 2001)),
    Cue("es", "founded", r"\bdesde\b", "founded",
        "Desde 1986 trabajamos por los ríos de Andalucía.", ("*", 1986), weak=True),
    Cue("zh", "founded", r"(?:成立|始建|创立|创建|组建|注册成立)", "founded",
        "青山自然保护协会始建于1998年，总部位于成都。", ("青山自然保护协会", 1998)),
    # ---- twinning ------------------------------------------------------------------------
    Cue("en", "twinning", r"\b(?:twinned|twinning|twin (?:city|town)|sister[- ]city)\b", "forward",
        "The Harbour Society is twinned with the Ningbo Coastal Association since 2012.",
        ("Harbour Society", "Ningbo Coastal Association", 2012)),
    Cue("de", "twinning", r"\b(?:Städtepartnerschaft|Partnerstadt|Partnerschaftsvertrag|Partnerstädte|Tandem)\w*", "forward",
        "Seit 2011 verbindet die Stadt Kassel eine Städtepartnerschaft mit der Stadt Kunming.",
        ("Stadt Kassel", "Stadt Kunming", 2011)),
    Cue("fr", "twinning", r"\b(?:jumel(?:age|ée?s?)|ville jumelle|villes jumelles)\b", "forward",
        "Depuis 2008, la Ville de Nantes est jumelée avec la Ville de Wuhan.",
        ("Ville de Nantes", "Ville de Wuhan", 2008)),
    Cue("nl", "twinning", r"\b(?:stedenband|zusterstad|jumelage|partnerstad)\w*", "forward",
        "In 2003 sloot de Gemeente Delft een stedenband met de Gemeente Jinan.",
        ("Gemeente Delft", "Gemeente Jinan", 2003)),
    Cue("it", "twinning", r"\b(?:gemellaggio|gemellat[oaie]|città gemell\w+)\b", "forward",
        "Nel 2014 il Comune di Lucca ha firmato un gemellaggio con il Comune di Xi'an.",
        ("Comune di Lucca", "Comune di Xi'an", 2014)),
    Cue("es", "twinning", r"\b(?:hermanamiento|hermanad[oa]s?|ciudad hermana)\b", "forward",
        "En 2010 el Ayuntamiento de Málaga firmó un hermanamiento con el Ayuntamiento de Hangzhou.",
        ("Ayuntamiento de Málaga", "Ayuntamiento de Hangzhou", 2010)),
    Cue("zh", "twinning", r"(?:友好城市|姐妹城市|结对|缔结友好)", "forward",
        "2016年，青山自然保护协会与绿桥协会结对。", ("青山自然保护协会", "绿桥协会", 2016)),
    # ---- partnership and memoranda -------------------------------------------------------
    Cue("en", "partner", r"\b(?:memorandum of understanding|memorandum|MoU|partnership agreement|cooperation agreement)\b", "forward",
        "In 2019 the Harbour Society signed a memorandum of understanding with the Ningbo Coastal Association.",
        ("Harbour Society", "Ningbo Coastal Association", 2019)),
    Cue("de", "partner", r"\b(?:Partnerschaft|Kooperation|Zusammenarbeit|Kooperationsvereinbarung|Absichtserklärung|Partnerorganisation|Partner)\b", "forward",
        "Seit 2015 besteht eine Partnerschaft zwischen dem Verein Grüne Brücke Kassel und dem Verein Blauer Himmel Kunming.",
        ("Verein Grüne Brücke Kassel", "Verein Blauer Himmel Kunming", 2015)),
    Cue("fr", "partner", r"\b(?:partenariat|convention|protocole d'accord|accord de coopération|coopération|mémorandum|partenaire)\b", "forward",
        "En 2018, l'Association Les Jardins du Rhône a signé une convention avec l'Association Verte de Chengdu.",
        ("Association Les Jardins du Rhône", "Association Verte de Chengdu", 2018)),
    Cue("nl", "partner", r"\b(?:partner(?:schap)?|samenwerking(?:sovereenkomst)?|intentieverklaring|convenant)\b", "forward",
        "Sinds 2017 is de Stichting Blauwe Rivier partner van de Vereniging Schone Lucht Wuhan.",
        ("Stichting Blauwe Rivier", "Vereniging Schone Lucht Wuhan", 2017)),
    Cue("it", "partner", r"\b(?:partenariato|accordo|protocollo d'intesa|convenzione|collaborazione|partner)\b", "forward",
        "Nel 2020 l'Associazione Terra Viva ha firmato un protocollo d'intesa con l'Università di Chongqing.",
        ("Associazione Terra Viva", "Università di Chongqing", 2020)),
    Cue("es", "partner", r"\b(?:memorando|convenio|acuerdo|alianza|colaboración|socio)\b", "forward",
        "En 2021 la Fundación Mar Abierto firmó un convenio con la Universidad de Xiamen.",
        ("Fundación Mar Abierto", "Universidad de Xiamen", 2021)),
    Cue("zh", "partner", r"(?:合作备忘录|备忘录|合作协议|伙伴关系|结为[^，。]{0,4}伙伴|建立合作)", "forward",
        "2018年，青山自然保护协会与绿桥协会签署合作备忘录。", ("青山自然保护协会", "绿桥协会", 2018)),
    # ---- membership ----------------------------------------------------------------------
    Cue("en", "membership", r"\b(?:(?:is|are|became|become|as) an? (?:full |active |founding )?member of|joined)\b", "forward",
        "In 2016 the Harbour Society joined the Coastal Rescue Alliance.",
        ("Harbour Society", "Coastal Rescue Alliance", 2016)),
    Cue("de", "membership", r"\b(?:Mitglied|Mitgliedsorganisation)\b", "forward",
        "Der Verein Grüne Brücke Kassel ist Mitglied im Deutschen Naturschutzbund.",
        ("Verein Grüne Brücke Kassel", "Deutschen Naturschutzbund", None)),
    Cue("fr", "membership", r"\b(?:membre|adhérente?|adhère)\b", "forward",
        "L'Association Les Jardins du Rhône est membre du Réseau Action Climat.",
        ("Association Les Jardins du Rhône", "Réseau Action Climat", None)),
    Cue("nl", "membership", r"\b(?:lid van|aangesloten bij|lidorganisatie)\b", "forward",
        "De Stichting Blauwe Rivier is lid van de Vereniging Natuurmonumenten.",
        ("Stichting Blauwe Rivier", "Vereniging Natuurmonumenten", None)),
    Cue("it", "membership", r"\b(?:membro|socio|aderisce|aderente)\b", "forward",
        "L'Associazione Terra Viva è socio della Federazione Nazionale Pro Natura.",
        ("Associazione Terra Viva", "Federazione Nazionale Pro Natura", None)),
    Cue("es", "membership", r"\b(?:miembro|socio de|forma parte de)\b", "forward",
        "La Fundación Mar Abierto es miembro de la Red Española de Fundaciones.",
        ("Fundación Mar Abierto", "Red Española de Fundaciones", None)),
    Cue("zh", "membership", r"(?:会员单位|团体会员|成员单位)", "before",
        "青山自然保护协会是中国野生动物保护协会的团体会员。", ("青山自然保护协会", "中国野生动物保护协会", None)),
    # ---- visits --------------------------------------------------------------------------
    Cue("en", "visit", r"\b(?:visited|paid a visit to|study visit to)\b", "visit",
        "In May 2022 a delegation of the Ningbo Coastal Association visited the Harbour Society.",
        ("Ningbo Coastal Association", "Harbour Society", 2022)),
    Cue("de", "visit", r"\b(?:besuchte|besuchten|besucht|zu Besuch|Besuch bei)\b", "visit",
        "Im Juni 2019 besuchte eine Delegation des Vereins Blauer Himmel Kunming den Verein Grüne Brücke Kassel.",
        ("Verein Blauer Himmel Kunming", "Verein Grüne Brücke Kassel", 2019)),
    Cue("de", "visit", r"\b(?:empfing|empfingen|begrüßte|begrüßten)\b", "hosted",
        "Im Juni 2019 empfing der Verein Grüne Brücke Kassel eine Delegation des Vereins Blauer Himmel Kunming.",
        ("Verein Blauer Himmel Kunming", "Verein Grüne Brücke Kassel", 2019)),
    Cue("fr", "visit", r"\b(?:a visité|ont visité|visité|en visite|s'est rendue?)\b", "visit",
        "En avril 2019, une délégation de l'Association Verte de Chengdu a visité l'Association Les Jardins du Rhône.",
        ("Association Verte de Chengdu", "Association Les Jardins du Rhône", 2019)),
    Cue("fr", "visit", r"\b(?:a accueilli|ont accueilli|accueille)\b", "hosted",
        "En avril 2019, l'Association Les Jardins du Rhône a accueilli une délégation de l'Association Verte de Chengdu.",
        ("Association Verte de Chengdu", "Association Les Jardins du Rhône", 2019)),
    Cue("nl", "visit", r"\b(?:bezoek aan|bezocht|bezochten|op bezoek)\b", "visit",
        "In 2018 bracht een delegatie van de Vereniging Schone Lucht Wuhan een bezoek aan de Stichting Blauwe Rivier.",
        ("Vereniging Schone Lucht Wuhan", "Stichting Blauwe Rivier", 2018)),
    Cue("it", "visit", r"\b(?:ha visitato|hanno visitato|in visita|visita)\b", "visit",
        "Nel 2019 una delegazione dell'Università di Chongqing ha visitato l'Associazione Terra Viva.",
        ("Università di Chongqing", "Associazione Terra Viva", 2019)),
    Cue("it", "visit", r"\b(?:ha accolto|hanno accolto|ha ospitato)\b", "hosted",
        "Nel 2019 l'Associazione Terra Viva ha accolto una delegazione dell'Università di Chongqing.",
        ("Università di Chongqing", "Associazione Terra Viva", 2019)),
    Cue("es", "visit", r"\b(?:visitó|visitaron|visita a|de visita)\b", "visit",
        "En 2022 una delegación de la Universidad de Xiamen visitó la Fundación Mar Abierto.",
        ("Universidad de Xiamen", "Fundación Mar Abierto", 2022)),
    Cue("es", "visit", r"\b(?:recibió|recibieron|acogió)\b", "hosted",
        "En 2022 la Fundación Mar Abierto recibió una delegación de la Universidad de Xiamen.",
        ("Universidad de Xiamen", "Fundación Mar Abierto", 2022)),
    Cue("zh", "visit", r"(?:访问了|访问|考察了|考察|来访|拜访)", "visit",
        "2019年5月，绿桥协会代表团访问了青山自然保护协会。", ("绿桥协会", "青山自然保护协会", 2019)),
)  # fmt: skip

# Words that introduce a delegation: its organisation is the visitor.
DELEGATION = re.compile(
    r"\b(?:delegation|delegates|Delegation|délégation|delegatie|delegazione|delegación)\b|代表团",
    re.IGNORECASE,
)
# The page speaking of itself: its own organisation.
SELF = re.compile(
    r"\b(?:we|us|our|wir|uns|unser\w*|nous|notre|nos|noi|nostr[aoie]|ci|nosotros|nuestr[ao]s?|"
    r"wij|ons|onze|\w{2,}(?:amos|emos|imos|iamo))\b|我们|我們|本会|本會|本中心|我会|我會|我中心|我校|本校",
    re.IGNORECASE,
)
# "l'associazione", "de stichting", "der Verein", "la fundación", 中心: the page's own.
BARE_REFERENCE = re.compile(
    r"(?:\b(?:l'|la |le |il |de |het |der |die |das |dem |den |el |lo |the ))"
    r"(?:association|associazione|asociación|stichting|vereniging|verein|stiftung|fondation|"
    r"fondazione|fundación|comité|comitato|società|centre|centro|zentrum|organisation|"
    r"organisatie|network|netzwerk|réseau|rete|red|society|trust|foundation)\b"
    r"|(?<![\u4e00-\u9fff])(?:中心|协会|基金会|学会|联盟)(?=代表团|是|与|于|在|的|和|将|已|先后|始建|成立)",
)


def cues_for(language: str | None) -> tuple[Cue, ...]:
    """The rows of one language; English rows serve every language without its own."""
    if language is None:
        return CUES
    return tuple(cue for cue in CUES if cue.language == language)
