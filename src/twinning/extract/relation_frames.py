"""Relation frames: a declarative table of "X works with A, B and C" constructions, seven languages.

Each `Frame` row is a language, a relation kind, the words that open the frame (ending where the
other ends begin, e.g. "collaboriamo con"), how the ends are read (`roles`) and an example
sentence with the pairs it must give (`tests/extract/test_relation_frames.py` runs every
example through the whole extractor). One reader (`frame_relations`) applies every row:

- `with`: the first end is the organisation named just before the frame in the same clause,
  else the page's own organisation (the "we"/"collaboriamo"/"本会" of an about-us page); the
  other ends are every organisation named after it and coordinated with the first ("con A, con
  B e con C", "A (Vicenza), B and C"), up to the end of the clause.
- `members`: as `with`, but the organisations listed are members of the first end ("our
  members include A, B and C", "parmi lesquels A, B et C").
- `visitors`: as `members`, the organisations listed visited the first end ("we welcomed a
  delegation from A", "recibimos la visita de una delegación de A").
- `zh-with`: Chinese "与A、B合作": the ends are between the nearest 与/和/同/跟 and the frame.
- `zh-of`: Chinese "为A之会员", "是A的成员单位": the ends are between 为/是/加入 and the frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from twinning.extract.cues import BARE_REFERENCE, SELF
from twinning.extract.records import Partnership
from twinning.extract.registry import Entry, Registry
from twinning.extract.relations import TWINNING_WORDS
from twinning.extract.text import find_dates


@dataclass(frozen=True)
class Frame:
    language: str
    kind: str  # "twinning", "partner", "membership" or "visit"
    pattern: str
    roles: str  # "with", "members", "visitors", "zh-with" or "zh-of"
    example: str
    # The pairs the example must give, "*" standing for the page's own organisation.
    expect: tuple[tuple[str, str], ...]

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compile(self.pattern)


@cache
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_GAP = r"[^.;:!?。；]{0,30}?"
FRAMES: tuple[Frame, ...] = (
    # ---- partner -------------------------------------------------------------------------
    Frame("en", "partner",
          r"\b(?:partnerships?|partnered|partners|cooperation|collaboration|co-?operat(?:es?|ed|ing)|collaborat(?:es?|ed|ing)|works?|worked|working|exchanges?|alliance|ties)\b" + _GAP + r"\b(?:with|alongside)\b",
          "with",
          "Since 2019 we have worked closely with the Lisbon Tide Society and the Qingdao Shore Watch Association.",
          (("*", "Lisbon Tide Society"), ("*", "Qingdao Shore Watch Association"))),
    Frame("en", "partner", r"\b(?:our|its) (?:main |key |international )?partners(?: include| are)?\s*:?", "with",
          "Our partners: the Aarhus Bicycle Society, the Kraków Cycling Network and the Harbin Winter Riders Association.",
          (("*", "Aarhus Bicycle Society"), ("*", "Kraków Cycling Network"), ("*", "Harbin Winter Riders Association"))),
    Frame("de", "partner",
          r"\b(?:arbeite\w*|kooperier\w*|\w*[Kk]ooperation\w*|Zusammenarbeit|\w*[Pp]artnerschaft\w*|Austausch\w*|verbunden|befreundet|gemeinsam)\b" + _GAP + r"\bmit\b",
          "with",
          "Seit 2018 arbeiten wir eng mit dem Umweltforum Graz und der Stiftung Blauer Fluss zusammen.",
          (("*", "Umweltforum Graz"), ("*", "Stiftung Blauer Fluss"))),
    Frame("de", "partner", r"\b(?:unsere|seine|ihre) (?:wichtigsten |internationalen )?Partner(?:organisationen)?(?: sind| gehören)?\s*:?", "with",
          "Unsere Partner sind der Verein Grünes Tal, die Stiftung Offene Höfe und das Umweltzentrum Kunming.",
          (("*", "Verein Grünes Tal"), ("*", "Stiftung Offene Höfe"), ("*", "Umweltzentrum Kunming"))),
    Frame("fr", "partner",
          r"\b(?:collabor\w+|coopér\w+|partenariats?|travaill\w+|partenaires?|liée?s?|échanges?)\b" + _GAP + r"\bavec\b",
          "with",
          "Depuis 2017, nous collaborons avec l'Association Rivières Vivantes et avec le Centre écologique de Wuhan.",
          (("*", "Association Rivières Vivantes"), ("*", "Centre écologique de Wuhan"))),
    Frame("fr", "partner", r"\b(?:nos|ses|leurs) (?:principaux |)partenaires(?: sont)?\s*:?", "with",
          "Nos partenaires sont l'Association Terre Commune, la Fondation Bleu Horizon et le Réseau Sols Vivants.",
          (("*", "Association Terre Commune"), ("*", "Fondation Bleu Horizon"), ("*", "Réseau Sols Vivants"))),
    Frame("nl", "partner",
          r"\b(?:werk\w*|samenwerk\w*|partnerschap\w*|verbonden|uitwisseling\w*)\b" + _GAP + r"\bmet\b",
          "with",
          "Wij werken samen met Stichting Groene Dijk en met de Vereniging Schone Lucht Utrecht.",
          (("*", "Stichting Groene Dijk"), ("*", "Vereniging Schone Lucht Utrecht"))),
    Frame("nl", "partner", r"\b(?:onze|haar|zijn) (?:belangrijkste |)partners(?: zijn)?\s*:?", "with",
          "Onze partners zijn Stichting Vrije Vogels, de Vereniging Natuurlijk Delft en het Milieucentrum Hangzhou.",
          (("*", "Stichting Vrije Vogels"), ("*", "Vereniging Natuurlijk Delft"), ("*", "Milieucentrum Hangzhou"))),
    Frame("it", "partner",
          r"\b(?:collabor\w+|cooper\w+|partenariat[oi]|lavor\w+|partner|legat[oaie]|scambi?)\b" + _GAP + r"\bcon\b",
          "with",
          "Collaboriamo con l'Associazione Fiume Pulito, con la Fondazione Mare Nostro e con il Centro Verde di Suzhou.",
          (("*", "Associazione Fiume Pulito"), ("*", "Fondazione Mare Nostro"), ("*", "Centro Verde di Suzhou"))),
    Frame("it", "partner", r"\b(?:i nostri|i suoi) (?:principali |)partner(?: sono)?\s*:?", "with",
          "I nostri partner sono l'Associazione Orti Urbani, la Fondazione Luce e la Rete Scuole Verdi.",
          (("*", "Associazione Orti Urbani"), ("*", "Fondazione Luce"), ("*", "Rete Scuole Verdi"))),
    Frame("es", "partner",
          r"\b(?:colabor\w+|cooper\w+|alianzas?|trabaj\w+|convenios?|acuerdos?|vinculad[oa]s?|intercambios?)\b" + _GAP + r"\bcon\b",
          "with",
          "Colaboramos con la Fundación Río Claro y con la Asociación Costa Limpia de Valencia.",
          (("*", "Fundación Río Claro"), ("*", "Asociación Costa Limpia de Valencia"))),
    Frame("es", "partner", r"\b(?:nuestros|sus) (?:principales |)(?:socios|aliados)(?: son)?\s*:?", "with",
          "Nuestros socios son la Fundación Tierra Fértil, la Asociación Agua Clara y la Red Bosques Vivos.",
          (("*", "Fundación Tierra Fértil"), ("*", "Asociación Agua Clara"), ("*", "Red Bosques Vivos"))),
    Frame("zh", "partner", r"(?:合作|建立[^，。；]{0,6}(?:伙伴|夥伴|合作)(?:关系|關係)|[结結]为[^，。；]{0,4}(?:伙伴|夥伴)|开展[^，。；]{0,16}(?:交流|合作)|開展[^，。；]{0,16}(?:交流|合作))", "zh-with",
          "青山自然保护协会成立于1998年。本会与成都河流保护协会、昆明湿地学会合作开展培训。",
          (("*", "成都河流保护协会"), ("*", "昆明湿地学会"))),
    # ---- membership ----------------------------------------------------------------------
    Frame("en", "membership", r"\b(?:(?:full |active |founding |affiliate )?members? of|joined|belongs? to|affiliated (?:to|with))\b", "with",
          "We are a registered charity and a member of the Coastal Trusts Alliance and the Urban Rivers Network.",
          (("*", "Coastal Trusts Alliance"), ("*", "Urban Rivers Network"))),
    Frame("en", "membership", r"\b(?:our|its|the network's|the association's) members (?:include|are)\s*:?", "members",
          "Our members include the Leith Food Society, the Govan Youth Network and the Dalian Elderly Care Association.",
          (("Leith Food Society", "*"), ("Govan Youth Network", "*"), ("Dalian Elderly Care Association", "*"))),
    Frame("de", "membership", r"\b(?:Mitglied\w*(?:\s+(?:sind|ist|waren|war|wurden?)\s+(?:wir|sie|er|es)(?:\s+\w+)?)?\s+(?:im|in der|in|des|der|bei|von)|angeschlossen\s+(?:ist\s+)?(?:dem|der))\b", "with",
          "Wir sind Mitglied im Dachverband Grüne Städte und im Netzwerk Saubere Flüsse.",
          (("*", "Dachverband Grüne Städte"), ("*", "Netzwerk Saubere Flüsse"))),
    Frame("de", "membership", r"\b(?:zu unseren|unsere) Mitglied\w*(?: gehören| zählen| sind)?\s*:?", "members",
          "Zu unseren Mitgliedern gehören der Verein Hafenkinder, die Stiftung Altes Dorf und das Jugendzentrum Nord.",
          (("Verein Hafenkinder", "*"), ("Stiftung Altes Dorf", "*"), ("Jugendzentrum Nord", "*"))),
    Frame("fr", "membership", r"\b(?:membres?|adhérente?s?)\s+(?:du|de la|de l'|des|de)|\badhère(?:nt)?\s+(?:à|au|aux)|\bfai(?:t|sons|saient) partie\s+(?:du|de la|de l'|des|de)", "with",
          "Nous sommes membres du Réseau Villes Douces et de la Fédération Terre Solidaire.",
          (("*", "Réseau Villes Douces"), ("*", "Fédération Terre Solidaire"))),
    Frame("fr", "membership", r"\b(?:parmi lesquel(?:le)?s|nos membres(?: sont)?|ses membres(?: sont)?)\s*:?", "members",
          "Le réseau compte douze membres, parmi lesquels l'Association Quartier Vert, la Ville de Roubaix et l'Association Faubourg Solidaire.",
          (("Association Quartier Vert", "*"), ("Ville de Roubaix", "*"), ("Association Faubourg Solidaire", "*"))),
    Frame("nl", "membership", r"\b(?:lid van|aangesloten bij|maakt deel uit van|maken deel uit van)\b", "with",
          "Wij zijn lid van het Platform Groene Steden en van de Vereniging Schone Rivieren.",
          (("*", "Platform Groene Steden"), ("*", "Vereniging Schone Rivieren"))),
    Frame("nl", "membership", r"\b(?:onze|haar) leden(?: zijn)?\s*:?", "members",
          "Onze leden zijn Stichting Buurtkracht, Vereniging Wijkgroen en Stichting Samen Koken.",
          (("Stichting Buurtkracht", "*"), ("Vereniging Wijkgroen", "*"), ("Stichting Samen Koken", "*"))),
    Frame("it", "membership", r"\b(?:membr[oi]|soci[oa]?|aderent[ei])\s+(?:del|della|dell'|dei|delle|di)|\baderisce\s+(?:a|al|alla|all')|\bfa(?:cciamo)? parte\s+(?:del|della|dell'|dei|delle|di)", "with",
          "Siamo soci della Rete Città Sostenibili, della Fondazione Aria Nuova e dell'Associazione Orti Urbani.",
          (("*", "Rete Città Sostenibili"), ("*", "Fondazione Aria Nuova"), ("*", "Associazione Orti Urbani"))),
    Frame("it", "membership", r"\b(?:tra i (?:nostri |suoi )?soci(?: figurano| ci sono)?|i nostri soci(?: sono)?)\s*:?", "members",
          "Tra i nostri soci figurano l'Associazione Borgo Vivo, la Cooperativa Il Ponte e la Fondazione Aria Nuova.",
          (("Associazione Borgo Vivo", "*"), ("Cooperativa Il Ponte", "*"), ("Fondazione Aria Nuova", "*"))),
    Frame("es", "membership", r"\b(?:miembros?|soci[oa]s?)\s+(?:de|del)\b|\bforma(?:mos|n)? parte\s+(?:de|del)\b|\bpertenece(?:mos|n)?\s+(?:a|al)\b", "with",
          "Formamos parte de la Red Ciudades Verdes y de la Plataforma Agua Justa.",
          (("*", "Red Ciudades Verdes"), ("*", "Plataforma Agua Justa"))),
    Frame("es", "membership", r"\b(?:entre (?:nuestros|sus) (?:miembros|socios)(?: figuran| están)?|nuestros miembros(?: son)?)\s*:?", "members",
          "Entre nuestros miembros figuran la Asociación Barrio Unido, la Red Sol Poniente y la Cooperativa Huerta Viva.",
          (("Asociación Barrio Unido", "*"), ("Red Sol Poniente", "*"), ("Cooperativa Huerta Viva", "*"))),
    Frame("zh", "membership", r"加入(?:了)?", "with",
          "青山自然保护协会成立于1998年。2015年，本会加入了中国湿地保护联盟。",
          (("*", "中国湿地保护联盟"),)),
    Frame("zh", "membership", r"(?:之|的)?(?:团体会员|團體會員|会员单位|會員單位|成员单位|成員單位|理事单位|會員|会员|成员|成員)", "zh-of",
          "青山自然保护协会成立于1998年。本会是广东湿地保护联盟的会员单位。",
          (("*", "广东湿地保护联盟"),)),
    Frame("zh", "partner", r"(?:合作伙伴|合作夥伴|合作机构|合作機構|合作单位|合作單位)(?:有|包括|包含|为|為)?[：:]", "with",
          "青山自然保护协会成立于1998年。主要合作伙伴有：成都河流保护协会、昆明湿地学会。",
          (("*", "成都河流保护协会"), ("*", "昆明湿地学会"))),
    Frame("zh", "membership", r"(?:成员单位|成員單位|会员单位|會員單位|团体会员|團體會員|会员|會員|成员|成員)(?:有|包括|包含)[：:]?", "members",
          "青山自然保护协会成立于1998年。本会主要成员单位有：成都河流保护协会、昆明湿地学会等。",
          (("成都河流保护协会", "*"), ("昆明湿地学会", "*"))),
    # ---- visits the page's own organisation hosted ----------------------------------------
    Frame("en", "visit", r"\b(?:hosted|welcomed|received)\b[^.;:]{0,50}?\b(?:from|of)\b", "visitors",
          "In May we welcomed a delegation from the Harbin Winter Riders Association.",
          (("Harbin Winter Riders Association", "*"),)),
    Frame("de", "visit", r"\b(?:empfing\w*|empfangen|begrüßt\w*)\b[^.;:]{0,50}?\b(?:aus|von|vom|des|der)\b", "visitors",
          "Im Mai empfingen wir eine Delegation der Stiftung Blauer Fluss aus Kunming.",
          (("Stiftung Blauer Fluss", "*"),)),
    Frame("fr", "visit", r"\b(?:accueilli\w*|reçu\w*|recevons|accueillons)\b[^.;:]{0,40}?\b(?:délégation|visite)\b[^.;:]{0,20}?\b(?:de|du|des)\b", "visitors",
          "En mai, nous avons accueilli une délégation du Centre écologique de Wuhan.",
          (("Centre écologique de Wuhan", "*"),)),
    Frame("nl", "visit", r"\b(?:ontvingen|ontving|verwelkomden|verwelkomde)\b[^.;:]{0,40}?\b(?:van|uit)\b", "visitors",
          "In mei ontvingen wij een delegatie van het Milieucentrum Hangzhou.",
          (("Milieucentrum Hangzhou", "*"),)),
    Frame("it", "visit", r"\b(?:accolto|ospitato|ricevuto|accogliamo|ospitiamo)\b[^.;:]{0,40}?\b(?:delegazione|visita)\b[^.;:]{0,20}?\b(?:del|della|dell'|di)", "visitors",
          "A maggio abbiamo accolto una delegazione del Centro Verde di Suzhou.",
          (("Centro Verde di Suzhou", "*"),)),
    Frame("es", "visit", r"\b(?:recib\w+|acog\w+)\b[^.;:]{0,40}?\b(?:delegación|visita)\b[^.;:]{0,30}?\b(?:de|del)\b", "visitors",
          "En mayo recibimos la visita de una delegación de la Asociación Costa Limpia de Valencia.",
          (("Asociación Costa Limpia de Valencia", "*"),)),
    # ---- twinning ------------------------------------------------------------------------
    Frame("en", "twinning", r"\b(?:twinned|twinning|tandems?|sister[- ](?:city|cities|organisations?))\b" + _GAP + r"\bwith\b", "with",
          "The Tay Rowing Society is twinned with the Harbin River Club and with the Lyon Aviron Association.",
          (("Tay Rowing Society", "Harbin River Club"), ("Tay Rowing Society", "Lyon Aviron Association"))),
    Frame("de", "twinning", r"\b(?:Städtepartnerschaft\w*|Partnerschaft\w*|Tandem\w*|verschwistert)\b" + _GAP + r"\bmit\b", "with",
          "Der Verein Brücke Ulm pflegt Tandems mit dem Jugendforum Wuxi und mit der Stiftung Donaukinder.",
          (("Verein Brücke Ulm", "Jugendforum Wuxi"), ("Verein Brücke Ulm", "Stiftung Donaukinder"))),
    Frame("fr", "twinning", r"\b(?:jumel\w+|pacte d'amitié)\b" + _GAP + r"\bavec\b", "with",
          "L'Association Loire Amitiés est jumelée avec le Comité d'amitié de Suzhou et avec l'Association Danube Ouvert.",
          (("Association Loire Amitiés", "Comité d'amitié de Suzhou"), ("Association Loire Amitiés", "Association Danube Ouvert"))),
    Frame("nl", "twinning", r"\b(?:stedenband\w*|koppel|zusterorganisatie\w*)\b" + _GAP + r"\bmet\b", "with",
          "Stichting Brug Leiden vormt een koppel met de Vereniging Oude Stad Xi'an.",
          (("Stichting Brug Leiden", "Vereniging Oude Stad Xi'an"),)),
    Frame("it", "twinning", r"\bgemell\w+\b" + _GAP + r"\bcon\b", "with",
          "L'Associazione Ponte Alpino è gemellata con l'Associazione Amici di Kunming e con il Comitato Danubio.",
          (("Associazione Ponte Alpino", "Associazione Amici di Kunming"), ("Associazione Ponte Alpino", "Comitato Danubio"))),
    Frame("es", "twinning", r"\bhermana\w+\b" + _GAP + r"\bcon\b", "with",
          "La Asociación Puente Andino está hermanada con la Asociación Amigos de Chengdu y con la Fundación Tajo.",
          (("Asociación Puente Andino", "Asociación Amigos de Chengdu"), ("Asociación Puente Andino", "Fundación Tajo"))),
    Frame("zh", "twinning", r"(?:结对|結對|结成对子|結成對子|结为友好|結為友好|缔结友好|締結友好)", "zh-with",
          "青山自然保护协会成立于1998年。本会与里昂青年交流协会、都灵社区网络结对。",
          (("*", "里昂青年交流协会"), ("*", "都灵社区网络"))),
)  # fmt: skip


@cache
def frames_for(language: str | None) -> tuple[Frame, ...]:
    """The rows of one language; English rows serve a language without its own (and None)."""
    own = tuple(frame for frame in FRAMES if frame.language == language)
    return own or tuple(frame for frame in FRAMES if frame.language == "en")


KIND_ORDER = ("twinning", "membership", "visit", "partner")


# What may stand between two coordinated ends: separators, "and", prepositions, articles, a
# bracketed place or year, a short place phrase ("in Indonesia", "en Chine").
COORDINATOR = re.compile(
    r"[,、，/]|\b(?:and|as well as|along with|et|ainsi qu(?:e|')|und|sowie|e|ed|y|en|o|or|oder|ou)\b"
    r"|[和及与]|以及",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(
    r"[;:.!?。；：]|\b(?:which|who|whom|whose|where|while|but|because|qui|dont|où|mais|welche\w*|"
    r"wo|aber|weil|während|cui|dove|ma|perché|donde|cual|pero|porque|waar|maar|omdat|that|with whom|"
    r"avec lequel|avec laquelle|con (?:la )?cual|con cui|mit dem wir|met wie)\b|但|并|並|其中",
    re.IGNORECASE,
)
BRACKETS = re.compile(r"\([^()]{0,60}\)|（[^（）]{0,30}）")
FIRST_GAP_LIMIT = 60
NEXT_GAP_LIMIT = 70
ZH_WITH = re.compile(r"[与和同跟與]")
ZH_OF = re.compile(r"(?:为|為|是|加入了?|成为|成為)")


# Words a coordinated list may carry between two ends besides names: articles, prepositions,
# place words; more than two other lower-case words mean the clause has moved on.
FUNCTION_WORDS = frozenset(
    ("with", "also", "from", "well", "along", "avec", "ainsi", "dans", "aussi", "sowie", "auch",
     "della", "dello", "delle", "degli", "anche", "desde", "también", "city", "town", "ville",
     "stadt", "città", "ciudad", "province", "provincia", "provinz", "provincie")
)  # fmt: skip
# ", and with the", "et avec l'", "und mit der": the list goes on, however long the first item.
REPEATED = re.compile(
    r"(?:,|\b(?:and|et|und|e|ed|y|en|sowie|as well as|ainsi_qu'?))\s*"
    r"(?:(?:also|aussi|auch|anche|también|ook)\s+)?(?:with|avec|mit|con|met)\s+(?:[\w'’]+\s*)?$",
    re.IGNORECASE,
)
PREPOSITION = re.compile(
    r"\s*(?:(?:will|shall|is to|wird|va|zal|sarà|va a)\s+)?(?:(?:work|arbeiten|travailler|werken|lavorare|trabajar)\s+)?"
    r"(?:with|avec|mit|met|con)\b",
    re.IGNORECASE,
)


def _coordinated(gap: str, first: bool, frames: tuple[Frame, ...]) -> bool:
    """Whether `gap` (the text between two ends, or between the frame and its first end) keeps
    them in one list."""
    gap = _gap_text(gap)
    if CLAUSE_BREAK.search(gap.replace("ainsi_qu", "")):
        return False
    if not first and len(gap) <= 2 * NEXT_GAP_LIMIT and REPEATED.search(gap):
        return True  # "with A on litter bins and signage, and with B"
    if len(gap) > (FIRST_GAP_LIMIT if first else NEXT_GAP_LIMIT):
        return False
    if not first and not COORDINATOR.search(gap.replace("ainsi_qu", "and")):
        return False
    if any(frame.compiled.search(gap) for frame in frames):
        return False
    words = re.findall(r"[a-zà-ÿß]{4,}", gap.replace("ainsi_qu", ""))
    return sum(1 for word in words if word not in FUNCTION_WORDS) <= 2


def _gap_text(gap: str) -> str:
    return BRACKETS.sub(" ", gap.replace("ainsi qu", "ainsi_qu"))


def _chain(
    sentence: str,
    position: int,
    mentions: list[tuple[int, int, Entry]],
    frames: tuple[Frame, ...],
) -> tuple[list[tuple[Entry, int]], int]:
    """The organisations named after `position` and coordinated with the first of them, with
    their positions; and where the list stops (an end followed by "with" starts a new pair)."""
    chained: list[tuple[Entry, int]] = []
    last = position
    for start, end, entry in mentions:
        if start < position:
            continue
        if not _coordinated(sentence[last:start], not chained, frames):
            break
        if chained and PREPOSITION.match(sentence, end):
            # "A with B, C with D": C opens the next pair.
            return chained, start
        if all(entry is not other for other, _at in chained):
            chained.append((entry, start))
        last = end
    return chained, -1


def _nearest_year(sentence: str, position: int) -> int | None:
    dated = [(abs(start - position), int(value[:4])) for start, value in find_dates(sentence)]
    years = [
        (abs(m.start() - position), int(m.group(1)))
        for m in re.finditer(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])", sentence)
    ]
    candidates = dated or years
    return min(candidates)[1] if candidates else None


def _mentions(
    sentence: str, registry: Registry, main: Entry | None
) -> list[tuple[int, int, Entry]]:
    """Registry mentions, plus the page's own organisation where the sentence says "we" or
    names it by its bare kind, unless that kind only describes the name after it
    ("l'association belge Maisons unies")."""
    found = list(registry.mentions(sentence))
    if main is not None:
        taken = [(start, end) for start, end, _entry in found]
        for pattern in (SELF, BARE_REFERENCE):
            for match in pattern.finditer(sentence):
                if any(s <= match.start() < e for s, e in taken):
                    continue
                if pattern is BARE_REFERENCE and any(
                    0 <= s - match.end() <= 25
                    and not re.search(r"[,;:，、]", sentence[match.end() : s])
                    for s, _e in taken
                ):
                    continue
                found.append((match.start(), match.end(), main))
    return sorted(found, key=lambda item: item[0])


def _subject(
    sentence: str, before: list[tuple[int, int, Entry]], main: Entry | None, cue_start: int
) -> Entry | None:
    """The organisation named last before the frame in its clause, else the page's own."""
    clause_start = max((m.end() for m in re.finditer(r"[;；]", sentence[:cue_start])), default=0)
    named = [entry for start, _end, entry in before if start >= clause_start]
    return named[-1] if named else main


def _zh_subject(
    sentence: str, mentions: list[tuple[int, int, Entry]], main: Entry | None, at: int
) -> Entry | None:
    """Chinese: the organisation named before `at` in its comma clause, else the sentence's
    topic (its first organisation), else the page's own."""
    clause_start = max((m.end() for m in re.finditer(r"[，,；;]", sentence[:at])), default=0)
    named = [entry for start, end, entry in mentions if clause_start <= start and end <= at]
    if named:
        return named[-1]
    # The topic: the first organisation of the sentence, unless a verb or 与 already governs it.
    for start, _end, entry in mentions:
        if start >= at:
            break
        lead = sentence[
            max((m.end() for m in re.finditer(r"[，,；;]", sentence[:start])), default=0) : start
        ]
        return main if re.search(r"[为是与和同跟入]", lead) else entry
    return main


def _ends(
    frame: Frame,
    match: re.Match[str],
    sentence: str,
    mentions: list[tuple[int, int, Entry]],
    main: Entry | None,
    objects_so_far: dict[int, Entry],
) -> list[tuple[Entry, Entry, int]]:
    """(first end, other end, position of the other) of every pair the frame states.
    `objects_so_far` maps an end already read as another end's partner to that first end."""
    frames = frames_for(frame.language)
    if frame.roles in ("with", "members", "visitors"):
        before = [m for m in mentions if m[1] <= match.start()]
        subject = _subject(sentence, before, main, match.start())
        if subject is not None and id(subject) in objects_so_far:
            # "collabora con A ed è socia di B": the sentence's subject, not A.
            subject = objects_so_far[id(subject)]
        if subject is None:
            return []
        pairs: list[tuple[Entry, Entry, int]] = []
        position = match.end()
        while True:
            chained, stop = _chain(sentence, position, mentions, frames)
            if chained and chained[0][0] is subject:
                break  # "member of our family": the page speaking of itself, not of a list.
            pairs.extend((subject, other, at) for other, at in chained if other is not subject)
            if stop < 0:
                break
            following = [m for m in mentions if m[0] == stop]
            subject = following[0][2]
            hit = PREPOSITION.match(sentence, following[0][1])
            position = hit.end() if hit else following[0][1]
        if frame.roles in ("members", "visitors"):
            pairs = [(other, first, at) for first, other, at in pairs]
        return pairs
    # Chinese: the ends sit between the opening word (与, 为) and the frame.
    opener = ZH_WITH if frame.roles == "zh-with" else ZH_OF
    window_start = max(0, match.start() - 60)
    inside = [(s, e) for s, e, _entry in mentions]
    openers = [
        m
        for m in opener.finditer(sentence, window_start, match.start())
        if not any(s <= m.start() < e for s, e in inside)
    ]
    if not openers:
        return []
    pairs = _zh_pairs_of_pairs(sentence, mentions, match.start())
    if pairs:
        return pairs
    open_at = openers[-1]
    if re.search(r"分别\s*$", sentence[: open_at.start()]):
        return []  # "A、B分别与C、D结对": the respectively pass pairs them.
    objects = [m for m in mentions if m[0] >= open_at.end() and m[1] <= match.start()]
    if not objects:
        return []
    subject = _zh_subject(sentence, mentions, main, open_at.start())
    if subject is None:
        return []
    return [(subject, entry, start) for start, _end, entry in objects if entry is not subject]


def _kind(
    frame: Frame,
    first: Entry,
    other: Entry,
    sentence: str,
    named: list[tuple[int, int]],
    document_kind: str,
) -> str:
    """A partner frame states a twinning when the sentence says twinning outside the names, or
    when a twinning page pairs a Chinese organisation with a foreign one (`relations._pair_kind`)."""
    if frame.kind != "partner":
        return frame.kind
    masked = "".join(
        " " if any(s <= i < e for s, e in named) else c for i, c in enumerate(sentence)
    )
    countries = {first.organisation.country, other.organisation.country}
    if TWINNING_WORDS.search(masked) or (
        document_kind == "twinning" and "CN" in countries and len(countries - {None}) == 2
    ):
        return "twinning"
    return "partner"


def _frame_word(text: str, match: re.Match[str]) -> bool:
    """A single word of the frame itself taken for a name ("Partners", a section heading)."""
    return " " not in text.strip() and text.lower() in match.group(0).lower().split()


def _zh_pairs_of_pairs(
    sentence: str, mentions: list[tuple[int, int, Entry]], cue_start: int
) -> list[tuple[Entry, Entry, int]]:
    """ "A与德国B、C与西班牙D分别结成对子": each 与 joins the names on either side of it, when
    the clause holds two or more such joins separated by 、 or 和."""
    clause_start = max(
        (m.end() for m in re.finditer(r"[，,；;：:]", sentence[:cue_start])), default=0
    )
    inside = [m for m in mentions if m[0] >= clause_start and m[1] <= cue_start]
    pairs: list[tuple[Entry, Entry, int]] = []
    for left, right in zip(inside, inside[1:], strict=False):
        between = sentence[left[1] : right[0]]
        if (
            re.fullmatch(r"\s*[与和同跟與]\s*[\u4e00-\u9fff]{0,6}?", between)
            and left[2] is not right[2]
        ):
            pairs.append((left[2], right[2], right[0]))
    return pairs if len(pairs) >= 2 else []


def frame_relations(
    sentence: str,
    registry: Registry,
    main: Entry | None,
    language: str | None,
    source: str | None,
    document_kind: str = "partner",
) -> list[Partnership]:
    """Every pair the frames of the sentence's language state, with the year nearest each end;
    `document_kind` is `relations.document_kind` of the page."""
    found: list[Partnership] = []
    mentions = _mentions(sentence, registry, main)
    if len({id(entry) for _s, _e, entry in mentions} | ({id(main)} if main else set())) < 2:
        return found
    named = [(s, e) for s, e, _entry in registry.mentions(sentence)]
    objects_so_far: dict[int, Entry] = {}
    if re.search(r"\brespectively\b|\brispettivamente\b|\brespectivamente\b|\bjeweils\b", sentence):
        return found
    # Frames in the order the sentence states them; at one place the most specific kind first.
    matches = sorted(
        (
            (match, frame)
            for frame in frames_for(language)
            for match in frame.compiled.finditer(sentence)
        ),
        key=lambda item: (item[0].start(), KIND_ORDER.index(item[1].kind)),
    )
    by_pair: dict[frozenset[int], int] = {}
    for match, frame in matches:
        # A frame word inside a name ("Comité de Jumelage", "Partnerschaftsverein") states nothing.
        if any(
            s < match.end() and match.start() < e and not _frame_word(sentence[s:e], match)
            for s, e in named
        ):
            continue
        usable = [m for m in mentions if not _frame_word(sentence[m[0] : m[1]], match)]
        for first, other, at in _ends(frame, match, sentence, usable, main, objects_so_far):
            objects_so_far.setdefault(id(other), first)
            kind = _kind(frame, first, other, sentence, named, document_kind)
            key = frozenset((id(first), id(other)))
            if key in by_pair:
                known = found[by_pair[key]]
                if KIND_ORDER.index(kind) < KIND_ORDER.index(known.kind):
                    known.kind = kind  # "Partnerschaft … Städtepartnerschaft mit": a twinning
                continue
            by_pair[key] = len(found)
            found.append(
                Partnership(
                    first.organisation.name,
                    other.organisation.name,
                    kind,
                    [],
                    _nearest_year(sentence, at),
                    sentence,
                    source,
                )
            )
    return found


def drop_coordinated(
    partnerships: list[Partnership], framed: list[Partnership]
) -> list[Partnership]:
    """Without the pairs another pass read, in a sentence the frames read, between two ends the
    frames pair otherwise ("与A、B结对" pairs the subject with A and with B, not A with B; "A与B、
    C与D结成对子" pairs A with B and C with D, not A with D)."""
    ends = {name for pair in framed for name in (pair.a, pair.b)}
    framed_pairs = {frozenset((pair.a, pair.b)) for pair in framed}
    evidence = {pair.evidence for pair in framed}
    return [
        pair
        for pair in partnerships
        if pair.evidence not in evidence
        or frozenset((pair.a, pair.b)) in framed_pairs
        or not (pair.a in ends and pair.b in ends)
    ]
