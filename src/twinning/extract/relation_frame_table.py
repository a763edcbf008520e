"""The table of relation frames (ADR 0033): one `Frame` row per language, kind and phrasing,
each with an example sentence and the pairs it must give (`tests/extract/test_relation_frames.py`
runs every example through the whole extractor). `relation_frames.frame_relations` reads them;
its docstring says what each `roles` value means."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Frame:
    language: str
    kind: str  # "twinning", "partner", "membership" or "visit"
    pattern: str
    roles: str  # "with", "members", "visitors", "delegation", "to-us", "zh-with" or "zh-of"
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
          r"\b(?:partnerships?|partnered|partners|friendships?|cooperation|collaboration|co-?operat(?:es?|ed|ing)|collaborat(?:es?|ed|ing)|works?|worked|working|exchanges?|alliance|ties)\b" + _GAP + r"\b(?:with|alongside)\b",
          "with",
          "Since 2019 we have worked closely with the Lisbon Tide Society and the Qingdao Shore Watch Association.",
          (("*", "Lisbon Tide Society"), ("*", "Qingdao Shore Watch Association"))),
    Frame("en", "partner", r"\b(?:our|its) (?:main |key |international )?partners(?: include| are)?\s*:?", "with",
          "Our partners: the Aarhus Bicycle Society, the Kraków Cycling Network and the Harbin Winter Riders Association.",
          (("*", "Aarhus Bicycle Society"), ("*", "Kraków Cycling Network"), ("*", "Harbin Winter Riders Association"))),
    Frame("de", "partner",
          r"\b(?:arbeite\w*|kooperier\w*|\w*[Ff]reundschaft\w*|verbindet uns|\w*[Kk]ooperation\w*|Zusammenarbeit|\w*[Pp]artnerschaft\w*|Austausch\w*|verbunden|befreundet|gemeinsam)\b" + _GAP + r"\bmit\b",
          "with",
          "Seit 2018 arbeiten wir eng mit dem Umweltforum Graz und der Stiftung Blauer Fluss zusammen.",
          (("*", "Umweltforum Graz"), ("*", "Stiftung Blauer Fluss"))),
    Frame("de", "partner", r"\b(?:unsere|seine|ihre) (?:wichtigsten |internationalen )?Partner(?:organisationen)?(?: sind| gehören)?\s*:?", "with",
          "Unsere Partner sind der Verein Grünes Tal, die Stiftung Offene Höfe und das Umweltzentrum Kunming.",
          (("*", "Verein Grünes Tal"), ("*", "Stiftung Offene Höfe"), ("*", "Umweltzentrum Kunming"))),
    Frame("fr", "partner",
          r"\b(?:collabor\w+|coopér\w+|partenariats?|travaill\w+|partenaires?|liée?s?|échanges?|amitiés?)\b" + _GAP + r"\bavec\b",
          "with",
          "Depuis 2017, nous collaborons avec l'Association Rivières Vivantes et avec le Centre écologique de Wuhan.",
          (("*", "Association Rivières Vivantes"), ("*", "Centre écologique de Wuhan"))),
    Frame("fr", "partner", r"\b(?:nos|ses|leurs) (?:principaux |)partenaires(?: sont)?\s*:?", "with",
          "Nos partenaires sont l'Association Terre Commune, la Fondation Bleu Horizon et le Réseau Sols Vivants.",
          (("*", "Association Terre Commune"), ("*", "Fondation Bleu Horizon"), ("*", "Réseau Sols Vivants"))),
    Frame("nl", "partner",
          r"\b(?:werk\w*|samenwerk\w*|partnerschap\w*|verbonden|uitwisseling\w*|vriendschap\w*|verbindt ons)\b" + _GAP + r"\bmet\b",
          "with",
          "Wij werken samen met Stichting Groene Dijk en met de Vereniging Schone Lucht Utrecht.",
          (("*", "Stichting Groene Dijk"), ("*", "Vereniging Schone Lucht Utrecht"))),
    Frame("nl", "partner", r"\b(?:onze|haar|zijn) (?:belangrijkste |)partners(?: zijn)?\s*:?", "with",
          "Onze partners zijn Stichting Vrije Vogels, de Vereniging Natuurlijk Delft en het Milieucentrum Hangzhou.",
          (("*", "Stichting Vrije Vogels"), ("*", "Vereniging Natuurlijk Delft"), ("*", "Milieucentrum Hangzhou"))),
    Frame("it", "partner",
          r"\b(?:collabor\w+|cooper\w+|partenariat[oi]|lavor\w+|partner|legat[oaie]|scambi?|amicizi[ae])\b" + _GAP + r"\bcon\b",
          "with",
          "Collaboriamo con l'Associazione Fiume Pulito, con la Fondazione Mare Nostro e con il Centro Verde di Suzhou.",
          (("*", "Associazione Fiume Pulito"), ("*", "Fondazione Mare Nostro"), ("*", "Centro Verde di Suzhou"))),
    Frame("it", "partner", r"\b(?:i nostri|i suoi) (?:principali |)partner(?: sono)?\s*:?", "with",
          "I nostri partner sono l'Associazione Orti Urbani, la Fondazione Luce e la Rete Scuole Verdi.",
          (("*", "Associazione Orti Urbani"), ("*", "Fondazione Luce"), ("*", "Rete Scuole Verdi"))),
    Frame("es", "partner",
          r"\b(?:colabor\w+|cooper\w+|alianzas?|trabaj\w+|convenios?|acuerdos?|vinculad[oa]s?|intercambios?|amistad(?:es)?)\b" + _GAP + r"\bcon\b",
          "with",
          "Colaboramos con la Fundación Río Claro y con la Asociación Costa Limpia de Valencia.",
          (("*", "Fundación Río Claro"), ("*", "Asociación Costa Limpia de Valencia"))),
    Frame("es", "partner", r"\b(?:nuestros|sus) (?:principales |)(?:socios|aliados)(?: son)?\s*:?", "with",
          "Nuestros socios son la Fundación Tierra Fértil, la Asociación Agua Clara y la Red Bosques Vivos.",
          (("*", "Fundación Tierra Fértil"), ("*", "Asociación Agua Clara"), ("*", "Red Bosques Vivos"))),
    Frame("zh", "partner", r"(?:合作|建立[^，。；]{0,6}(?:伙伴|夥伴|合作)(?:关系|關係)|[结結]为[^，。；]{0,4}(?:伙伴|夥伴)|开展[^，。；]{0,16}(?:交流|合作)|開展[^，。；]{0,16}(?:交流|合作))", "zh-with",
          "青山自然保护协会成立于1998年。本会与成都河流保护协会、昆明湿地学会合作开展培训。",
          (("*", "成都河流保护协会"), ("*", "昆明湿地学会"))),
    # "a partnership agreement ties us to A": the page's own organisation and A.
    Frame("en", "partner", r"\b(?:ties|tied|links|linked|binds|bound|connects|connected) us\b" + _GAP + r"\b(?:to|with)\b", "with",
          "A partnership agreement has tied us since 2016 to the Leith Food Society; it also links us to the Govan Youth Network.",
          (("*", "Leith Food Society"), ("*", "Govan Youth Network"))),
    Frame("fr", "partner", r"\bnous (?:lie|lient|unit|unissent|rattache)\b" + _GAP + r"(?:\b(?:à|au|aux|avec)\b|\bà l')", "with",
          "Une convention de partenariat nous lie depuis 2016 à l'Association Rivières Vivantes.",
          (("*", "Association Rivières Vivantes"),)),
    Frame("it", "partner", r"\bci (?:lega|legano|unisce|uniscono)\b" + _GAP + r"\b(?:a|al|alla|all'|ai|alle|con)", "with",
          "Un accordo di collaborazione ci lega dal 2014 alla Fondazione Mare Nostro.",
          (("*", "Fondazione Mare Nostro"),)),
    Frame("es", "partner", r"\bnos (?:une|unen|vincula|vinculan)\b" + _GAP + r"\b(?:a|al|con)\b", "with",
          "Un convenio de colaboración nos une desde 2013 a la Fundación Río Claro.",
          (("*", "Fundación Río Claro"),)),
    # ---- membership ----------------------------------------------------------------------
    # "A nous a rejoints", "A hat sich uns angeschlossen": A is a member of the page's own.
    Frame("en", "membership", r"\bjoined (?:us|our (?:network|association|alliance|federation|platform|coalition))\b", "to-us",
          "Last spring the Dalian Elderly Care Association joined our network.",
          (("Dalian Elderly Care Association", "*"),)),
    Frame("de", "membership", r"\b(?:hat|haben) sich uns\b|\b(?:ist|sind) uns\b" + _GAP + r"\bbeigetreten\b|\b(?:ist|sind) (?:unserem|unserer) (?:Netzwerk|Verband|Verein|Bündnis|Dachverband|Arbeitskreis|Plattform)\b" + _GAP + r"\bbeigetreten\b", "to-us",
          "Der Verein Hafenkinder hat sich uns im Jahr 2021 angeschlossen.",
          (("Verein Hafenkinder", "*"),)),
    Frame("fr", "membership", r"\bnous (?:a|ont) rejoint\w*|\b(?:a|ont) rejoint (?:notre|nos) (?:réseau|association|fédération|collectif|plateforme)\b", "to-us",
          "L'Association Quartier Vert nous a rejoints en 2023.",
          (("Association Quartier Vert", "*"),)),
    Frame("nl", "membership", r"\bzich\b" + _GAP + r"\bbij (?:ons|onze (?:stichting|vereniging|netwerk|platform|koepel))\b(?: aan(?:gesloten)?)?", "to-us",
          "Stichting Buurtkracht heeft zich in 2022 bij ons aangesloten.",
          (("Stichting Buurtkracht", "*"),)),
    Frame("it", "membership", r"\b(?:si (?:è|sono) unit[oaie] a noi|ci (?:ha|hanno) raggiunt[oiae]|(?:è|sono) entrat[oaie] (?:a far parte )?(?:della nostra|nella nostra|del nostro|nel nostro) (?:rete|associazione|network|coordinamento))\b", "to-us",
          "Nel 2022 la Cooperativa Il Ponte è entrata nella nostra rete.",
          (("Cooperativa Il Ponte", "*"),)),
    Frame("es", "membership", r"\bse (?:unió|unieron|ha unido|han unido|sumó|sumaron|ha sumado|han sumado|incorporó|incorporaron|ha incorporado) a (?:nosotros|nuestra (?:red|asociación|plataforma|federación)|nuestro (?:colectivo|proyecto))\b", "to-us",
          "En 2020 la Red Sol Poniente se unió a nuestra red.",
          (("Red Sol Poniente", "*"),)),
    # "Fördermitglieder sind A, B und C", "sono soci fondatori A e B": members of the page's own.
    Frame("de", "membership", r"\b(?:Förder|Gründungs|Voll|Ehren)?[Mm]itglieder (?:sind|waren)\b(?: (?:außerdem|ferner|unter anderem|u\. ?a\.))?(?!\s+(?:wir|sie|es)\b)", "members",
          "Gründungsmitglieder waren der Verein Hafenkinder, die Stiftung Altes Dorf und das Jugendzentrum Nord.",
          (("Verein Hafenkinder", "*"), ("Stiftung Altes Dorf", "*"), ("Jugendzentrum Nord", "*"))),
    Frame("it", "membership", r"\bsono (?:inoltre |anche )?soci(?: sostenitori| fondatori| ordinari| onorari)?\b(?!\s+(?:del|della|dell'|dei|delle|di)\b)", "members",
          "Sono inoltre soci sostenitori la Fondazione Aria Nuova e la Cooperativa Il Ponte.",
          (("Fondazione Aria Nuova", "*"), ("Cooperativa Il Ponte", "*"))),
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
    Frame("zh", "visit", r"(?:代表团|代表團|访问团|訪問團)?(?:一行)?(?:[\d一二三四五六七八九十]+人)?(?:来访|來訪|到访|到訪)(?:我会|我會|本会|本會|我校|本校|我中心|本中心)?", "to-us",
          "青山自然保护协会成立于1998年。2023年6月，里昂青年交流协会代表团来访我会。",
          (("里昂青年交流协会", "*"),)),
    # ---- a delegation met before goes on visiting (the visitor is the last visit's) ----------
    Frame("en", "visit", r"\b(?:the|this) delegation (?:also |then |later |further )?(?:visited|toured|went on to|called on)\b", "delegation",
          "A delegation from the Harbin Winter Riders Association visited the Harbour Society. The delegation also visited the Lisbon Tide Society and the Tay Rowing Society.",
          (("Harbin Winter Riders Association", "Lisbon Tide Society"), ("Harbin Winter Riders Association", "Tay Rowing Society"))),
    Frame("de", "visit", r"\bdie Delegation\b[^.;:]{0,30}?\b(?:besuchte|besichtigte|besuchten)\b|\b(?:besuchte|besichtigte) die Delegation\b(?:\s+(?:auch|außerdem|noch))?", "delegation",
          "Eine Delegation der Stiftung Blauer Fluss besuchte den Verein Grüne Brücke Kassel. Danach besuchte die Delegation das Umweltforum Graz.",
          (("Stiftung Blauer Fluss", "Umweltforum Graz"),)),
    Frame("fr", "visit", r"\bla délégation\b[^.;:]{0,30}?\b(?:a visité|a rencontré|s'est rendue (?:à|au|chez))", "delegation",
          "Une délégation du Centre écologique de Wuhan a visité l'Association Les Jardins du Rhône. La délégation a ensuite visité l'Association Rivières Vivantes.",
          (("Centre écologique de Wuhan", "Association Rivières Vivantes"),)),
    Frame("nl", "visit", r"\bde delegatie\b[^.;:]{0,30}?\b(?:bezocht|bracht een bezoek aan)\b|\bbezocht de delegatie\b(?:\s+(?:ook|nog))?", "delegation",
          "Een delegatie van het Milieucentrum Hangzhou bezocht Stichting Blauwe Rivier. Daarna bezocht de delegatie de Vereniging Schone Lucht Utrecht.",
          (("Milieucentrum Hangzhou", "Vereniging Schone Lucht Utrecht"),)),
    Frame("it", "visit", r"\bla delegazione\b[^.;:]{0,30}?\b(?:ha visitato|ha incontrato)\b", "delegation",
          "Una delegazione del Centro Verde di Suzhou ha visitato l'Associazione Terra Viva. La delegazione ha poi visitato la Fondazione Mare Nostro.",
          (("Centro Verde di Suzhou", "Fondazione Mare Nostro"),)),
    Frame("es", "visit", r"\bla delegación\b[^.;:]{0,30}?\b(?:visitó|se reunió con)\b", "delegation",
          "Una delegación de la Asociación Costa Limpia de Valencia visitó la Fundación Mar Abierto. Después la delegación visitó la Fundación Río Claro.",
          (("Asociación Costa Limpia de Valencia", "Fundación Río Claro"),)),
    Frame("zh", "visit", r"代表团[^，。；,;]{0,12}?(?:参观了?|走访了?|考察了?|拜访了?)", "delegation",
          "2024年5月，里昂青年交流协会代表团访问了青山自然保护协会。当天下午，代表团还参观了成都河流保护协会和昆明湿地学会。",
          (("里昂青年交流协会", "成都河流保护协会"), ("里昂青年交流协会", "昆明湿地学会"))),
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
    Frame("zh", "twinning", r"(?:结对|結對|[结結][成为為]對子|[结結][成为為]对子|[结結][为為]友好|[缔締][结結]友好|[结結][为為][姊姐]妹|[缔締][结結][姊姐]妹)", "zh-with",
          "青山自然保护协会成立于1998年。本会与里昂青年交流协会、都灵社区网络结对。",
          (("*", "里昂青年交流协会"), ("*", "都灵社区网络"))),
)  # fmt: skip


@cache
def frames_for(language: str | None) -> tuple[Frame, ...]:
    """The rows of one language; English rows serve a language without its own (and None)."""
    own = tuple(frame for frame in FRAMES if frame.language == language)
    return own or tuple(frame for frame in FRAMES if frame.language == "en")


KIND_ORDER = ("twinning", "membership", "visit", "partner")
