"""Organisation names in German, French, Dutch, Italian and Spanish running text.

A name is a run of capitalised words joined by the small words of these languages (de la,
della, van de, für…) that carries an organisation word: one that opens the name
(`Associazione Ponte Verde`, `Stichting Groen`, `Comité de Jumelage de Montpellier`) or a
German compound that ends in one (`Umweltforum`, `Naturschutzring`), with a legal form
(`e.V.`, `vzw`, `APS`) kept. Leading articles and elisions (`Das`, `L'`, `la`) are dropped.
"""

from __future__ import annotations

import re

from twinning.extract.gazetteer import resolve_place
from twinning.extract.registry import Entry, Registry
from twinning.extract.text import name_key

# Words that open an organisation's name in these languages (lower case).
HEAD_WORDS = {
    "association", "associazione", "asociación", "asociacion", "associació", "associação",
    "fondation", "fondazione", "fundación", "fundacion", "fundació", "fundação", "stichting",
    "vereniging", "verein", "verband", "comité", "comitato", "comisión", "società", "sociedad",
    "société", "université", "università", "universidad", "universiteit", "universität",
    "institut", "istituto", "instituto", "instituut", "centre", "centro", "centrum", "zentrum",
    "réseau", "rete", "red", "netwerk", "netzwerk", "ville", "commune", "comune", "città",
    "ayuntamiento", "gemeente", "stadt", "gemeinde", "mairie", "coopérative", "cooperativa",
    "federazione", "fédération", "federación", "federatie", "unione", "unión", "collectif",
    "club", "groupe", "gruppo", "grupo", "ligue", "lega", "liga", "consorzio", "consorcio",
    "agence", "agenzia", "agencia", "ministère", "ministero", "ministerio", "ministerie",
    "conseil", "consiglio", "consejo", "raad", "amicale", "maison", "casa", "huis", "haus",
    "organisation", "organizzazione", "organización", "organisatie", "vzw", "asbl",
    "gesellschaft", "stiftung", "bund", "initiative", "iniciativa", "iniziativa", "provincia",
    "province", "provincie", "région", "regione", "región", "landkreis", "kreis", "diputación",
    "generalitat", "genossenschaft", "akademie", "académie", "accademia", "academia",
    "hochschule", "escuela", "école", "scuola", "school", "alliance", "alleanza", "alianza",
    "plateforme", "piattaforma", "plataforma", "platform", "plattform", "observatoire",
    "osservatorio", "observatorio",
    # schools, choirs, services: the partners of school and city twinnings
    "gymnasium", "realschule", "gesamtschule", "grundschule", "hauptschule", "mittelschule",
    "berufskolleg", "berufsschule", "volkshochschule", "lycée", "collège", "liceo", "colegio",
    "escola", "universidade", "szkoła", "feuerwehr", "caritasverband", "circolo",
    "coordinamento", "confcooperative", "orchestra", "orkest", "orchester", "chor", "coro",
    "chœur", "choir", "muziekschool", "basisschool", "hogeschool", "werkstatt", "büro", "bureau",
    "cité",
}  # fmt: skip
CATEGORY_WORDS = {"verein", "stiftung", "verband", "stichting", "vereniging", "gesellschaft"}
# Compounds ending in an organisation word, by language ("Umweltforum", "Naturschutzring",
# "Milieuvereniging"); Dutch "-ring" words are no such thing (verklaring, regering).
COMPOUND_ENDINGS = {
    "de": ("verein", "verband", "gesellschaft", "stiftung", "netzwerk", "zentrum", "institut",
           "forum", "ring", "bund", "initiative", "kreis", "akademie", "hochschule",
           "universität", "bündnis", "genossenschaft", "komitee", "beirat", "schule",
           "gymnasium", "kolleg", "werkstatt", "büro", "verbund", "kulturkreis"),
    "nl": ("vereniging", "stichting", "platform", "werkgroep", "netwerk", "centrum",
           "instituut", "federatie", "coöperatie", "bond", "school", "centrale", "huis"),
}  # fmt: skip
LEGAL_FORMS = re.compile(
    r"^\s*,?\s*(e\.\s?V\.|gGmbH|GmbH|gUG|e\.G\.|asbl|ASBL|a\.s\.b\.l\.|vzw|VZW|v\.z\.w\.|APS|"
    r"ONLUS|Onlus|ODV|OdV|ETS|A\.C\.|S\.L\.|S\.A\.|SRL|Srl|B\.V\.|N\.V\.)(?![\w])"
)
CONNECTOR_WORDS = {
    "de", "du", "des", "la", "le", "les", "di", "del", "della", "dello", "delle", "dei", "degli",
    "per", "pour", "para", "por", "van", "voor", "von", "für", "zur", "zum", "der", "den", "het",
    "und", "et", "e", "y", "i", "en", "and", "of", "for", "the", "da", "do", "dos", "das", "al",
    "au", "aux", "à", "a", "sur", "sul", "sulla", "il", "lo", "gli", "el", "los", "las",
}  # fmt: skip
# Connectors after which a second organisation may start ("A et l'Association B").
JOINERS = {"und", "et", "e", "y", "i", "en", "and"}
LEADING_WORDS = {
    "das", "die", "der", "dem", "den", "des", "le", "la", "les", "el", "los", "las", "il", "lo",
    "gli", "de", "het", "een", "ein", "eine", "einem", "einer", "un", "une", "una", "uno",
    "unser", "unsere", "notre", "nostra", "nuestra", "onze", "seit", "sinds", "depuis", "dal",
    "desde", "since", "im", "in", "en", "nel", "nella", "au", "à", "a", "bei", "mit", "von",
    "con", "avec", "met", "van", "diese", "this", "our",
}  # fmt: skip
ELISION = re.compile(r"^(?:[lLdD]|[dD]ell|[aA]ll|[nN]ell|[sS]ull|[dD]all|[qQ]u)['’]")
# "Kassel–Yangzhou" (a dash with no space) is one word of a name; "A – B" is two names.
# "Nr. 3", "No. 9": a school's number is one word of its name ("Mittelschule Nr. 3 Xiaogan").
TOKEN = re.compile(
    r"(?:Nr|No|N°)\.?[ \t]?\d+\b|[\w'’\-]+(?:[–—][\w'’\-]+)*(?:\.[\w'’\-]+)*|[^\w\s]"
)


def _bare(token: str) -> str:
    return ELISION.sub("", token).strip(".'’")


def _capitalised(token: str) -> bool:
    bare = _bare(token)
    return bool(bare) and bare[0].isupper()


# German genitives of head words ("eine Delegation des Vereins X" is the Verein X).
GENITIVES = {
    "vereins": "Verein", "verbandes": "Verband", "verbands": "Verband", "instituts": "Institut",
    "zentrums": "Zentrum", "netzwerks": "Netzwerk", "netzwerkes": "Netzwerk", "bundes": "Bund",
    "komitees": "Komitee", "forums": "Forum",
}  # fmt: skip


def is_head(word: str, language: str | None = None) -> bool:
    """Whether a (capitalised) word makes a run an organisation's name; compounds count in
    `language` (German and Dutch only)."""
    lowered = _bare(word).lower()
    if lowered in HEAD_WORDS or lowered in GENITIVES:
        return True
    return any(
        lowered.endswith(ending) and len(lowered) >= len(ending) + 3
        for ending in COMPOUND_ENDINGS.get(language or "", ())
    )


def _runs(sentence: str, language: str | None = None) -> list[tuple[int, int, list[str]]]:
    """(start, end, tokens) of capitalised runs joined by connector words ("en" joins in
    Dutch, but means "in" in French and Spanish)."""
    connectors = CONNECTOR_WORDS - {"en"} if language in ("fr", "es") else CONNECTOR_WORDS
    tokens = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(sentence)]
    runs: list[tuple[int, int, list[str]]] = []
    index = 0
    while index < len(tokens):
        start, end, token = tokens[index]
        if not _capitalised(token) or not re.match(r"[\w'’]", token):
            index += 1
            continue
        run = [token]
        run_end = end
        probe = index + 1
        while probe < len(tokens):
            pending: list[str] = []
            look = probe
            while look < len(tokens) and tokens[look][2].lower() in connectors:
                pending.append(tokens[look][2])
                look += 1
            if (
                look < len(tokens)
                and _capitalised(tokens[look][2])
                and re.match(r"[\w'’]", tokens[look][2])
            ):
                gap = sentence[tokens[probe - 1][1] : tokens[look][0]]
                if "\n" in gap or re.search(r"[,;:()\[\]|/·•–—]", gap) or len(pending) > 3:
                    break
                # "… Kunming den Verein Grüne Brücke": a head word after a small word opens
                # another name.
                if pending and _bare(tokens[look][2]).lower() in HEAD_WORDS | set(GENITIVES):
                    break
                run.extend(pending)
                run.append(tokens[look][2])
                run_end = tokens[look][1]
                probe = look + 1
            else:
                break
        runs.append((start, run_end, run))
        index = probe
    return runs


def _trim(tokens: list[str]) -> list[str]:
    """Drop leading articles and the sentence words before the organisation word."""
    while tokens and (tokens[0].lower() in LEADING_WORDS or tokens[0].lower() in CONNECTOR_WORDS):
        tokens = tokens[1:]
    if tokens and ELISION.match(tokens[0]):
        tokens = [_bare(tokens[0])] + tokens[1:] if _bare(tokens[0]) else tokens[1:]
    while tokens and tokens[-1].lower() in CONNECTOR_WORDS:
        tokens = tokens[:-1]
    return tokens


def _split_joined(tokens: list[str], language: str | None) -> list[list[str]]:
    """ "Comité X et l'Association Y": two names when each side carries its own head word."""
    for position, token in enumerate(tokens):
        if token.lower() in JOINERS and 0 < position < len(tokens) - 1:
            left, right = _trim(tokens[:position]), _trim(tokens[position + 1 :])
            if any(is_head(t, language) for t in left) and any(is_head(t, language) for t in right):
                return [left, *_split_joined(right, language)]
    return [tokens]


# French, Italian and Spanish names go on in lower case after their head word ("Institut
# bruxellois de l'économie sociale", "Associazione per l'amicizia con l'estero di Yantai"):
# the run ends at punctuation or at a word that starts the rest of the sentence.
LOWER_TAIL_LANGUAGES = {"fr", "it", "es"}
TAIL_STOP = {
    "a", "est", "sont", "ont", "été", "qui", "que", "dont", "et", "en", "dans", "sur", "par",
    "se", "s", "il", "elle", "ce", "cette", "ces", "son", "sa", "ses", "leur", "avec", "aux",
    "au", "ha", "è", "sono", "hanno", "che", "e", "nel", "nella", "es", "fue", "han",
    "y", "el", "los", "las", "un", "una", "une", "lo", "la", "le", "les", "si", "ne",
    "organise", "organisa", "signé", "firmato", "firmó", "fondé", "fondée", "fondata",
    "fondato", "fundada", "fundado", "depuis", "dal", "desde", "dès", "entre", "tra", "fra",
    "pour", "per", "para", "como", "comme", "come", "vers", "verso", "hacia", "à",
}  # fmt: skip
TAIL_LINKS = {"de", "des", "du", "d", "l", "di", "del", "della", "dello", "delle", "dei", "degli",
              "per", "pour", "para", "por", "con", "avec"}  # fmt: skip
LOWER_WORD = re.compile(
    r"\s+((?:[dlDL]|dell|all|nell|dall|sull)['’])?([a-zà-ÿ][\w\-]*|[A-ZÀ-Ý][\w\-]*)"
)


def lower_tail(sentence: str, end: int) -> str:
    """The lower-case words that continue a head-first name ending at `end` ("" if none)."""
    tail = ""
    position = end
    pending = ""
    for _ in range(8):
        match = LOWER_WORD.match(sentence, position)
        if not match:
            break
        word = match.group(2)
        lowered = word.lower()
        if word[0].isupper():
            # A capitalised word closes the name ("… de Shenzhen a signé", "… du Cangshan",
            # "… de l’Anjou"), a place or not.
            return tail + pending + match.group(0)

        if lowered in TAIL_LINKS and not match.group(1):
            pending += match.group(0)
            position = match.end()
            continue
        if lowered in TAIL_STOP or len(word) < 3:
            break
        tail += pending + match.group(0)
        pending = ""
        position = match.end()
    return tail


def names_in_sentence(sentence: str, language: str | None = None) -> list[tuple[int, str]]:
    """(position, name) of every organisation name in one sentence of `language`."""
    found: list[tuple[int, str]] = []
    for start, end, tokens in _runs(sentence, language):
        for part in _split_joined(tokens, language):
            part = _trim(part)
            heads = [i for i, token in enumerate(part) if is_head(token, language)]
            legal = LEGAL_FORMS.match(sentence[end:])
            if not heads and legal and part and sentence[:end].endswith(part[-1]):
                # "Elbe-Brücken Dresden e.V.": a legal form makes a run a name, head word or not.
                if len(part) <= 5 and all(
                    _capitalised(t) or t.lower() in CONNECTOR_WORDS for t in part
                ):
                    found.append(
                        (sentence.find(part[0], start), f"{' '.join(part)} {legal.group(1)}")
                    )
                continue
            if not heads:
                continue
            # Sentence words before a head-first name ("Seit Verein X" never; "Partnerschaft").
            first = heads[0]
            if first > 0 and _bare(part[first]).lower() not in HEAD_WORDS:
                # A German compound keeps only the adjectives right before it.
                keep = first
                while (
                    keep > 0
                    and re.search(r"(?:e|en|er|es)$", part[keep - 1])
                    and part[keep - 1].lower() not in CONNECTOR_WORDS | LEADING_WORDS
                ):
                    keep -= 1
                part = part[keep:]
            elif first > 0:
                before = part[:first]
                if not all(
                    re.search(r"(?:e|en|er|es|ische?[nrs]?|aise?|ana|ano|ola|ole|se)$", t.lower())
                    for t in before
                    if t.lower() not in CONNECTOR_WORDS
                ):
                    part = part[first:]
            # "des Hangzhouer Zentrums für …": the head word's genitive is the name's nominative.
            genitive = next((i for i, t in enumerate(part) if t.lower() in GENITIVES), None)
            if genitive is not None and genitive <= 1:
                part = [*part[:genitive], GENITIVES[part[genitive].lower()], *part[genitive + 1 :]]
            name = " ".join(part)
            name = re.sub(r"\s+([.,])", r"\1", name).replace(" - ", "-")
            if resolve_place(name):
                continue
            if legal and sentence[:end].endswith(part[-1]):
                name = f"{name} {legal.group(1)}"
            elif (
                language in LOWER_TAIL_LANGUAGES
                and sentence[:end].endswith(part[-1])
                and len(part) == 1
                and _bare(part[0]).lower() in HEAD_WORDS
            ):
                name = (name + lower_tail(sentence, end)).strip()
            if len(name.split()) == 1 and _bare(part[0]).lower() in HEAD_WORDS:
                continue
            # "der Verein Partnerschaftskomitee Memmingen e.V.": a bare category word before a
            # compound that heads the name itself describes it.
            words = name.split()
            if (
                len(words) >= 3
                and _bare(words[0]).lower() in CATEGORY_WORDS
                and _bare(words[1]).lower() not in HEAD_WORDS
                and is_head(words[1], language)
            ):
                name = " ".join(words[1:])
                part = part[1:]
            found.append((sentence.find(part[0], start), name))
    return found


def register_european(
    sentence: str, registry: Registry, language: str | None = None
) -> list[Entry]:
    """Register the organisations named in `sentence`; a shorter form of a known name (its
    head word dropped, or its trailing place) becomes a mention of that name."""
    entries: list[Entry] = []
    for _position, name in names_in_sentence(sentence, language):
        known = _known_longer(name, registry)
        if known is not None:
            registry.refer(known, name)
            entries.append(known)
            continue
        entry = registry.add(name, evidence=sentence)
        tokens = name.split()
        if len(tokens) >= 3 and _bare(tokens[0]).lower() in HEAD_WORDS:
            # "Verein Grüne Wege Chengdu" is also written "Grüne Wege Chengdu".
            registry.refer(entry, " ".join(tokens[1:]))
        entries.append(entry)
    return entries


def merge_legal_form_variants(registry: Registry) -> None:
    """ "Nachbarschaftsforum Nordhessen" and "Nachbarschaftsforum Nordhessen e.V." are one
    organisation: the form without the legal form folds into the one with it."""
    by_key = {name_key(entry.organisation.name): entry for entry in registry.entries}
    for entry in list(registry.entries):
        name = entry.organisation.name
        legal = re.search(r"\s+(\S+)$", name)
        if legal is None or not LEGAL_FORMS.match(legal.group(0)):
            continue
        shorter = by_key.get(name_key(name[: legal.start()]))
        if shorter is not None and shorter is not entry and shorter in registry.entries:
            registry.absorb(entry, shorter)


def _known_longer(name: str, registry: Registry) -> Entry | None:
    key = name_key(name)
    if registry.find(name):
        return registry.find(name)
    for entry in registry.entries:
        known = name_key(entry.organisation.name)
        if known.startswith(key + " ") and len(key.split()) >= 2:
            return entry
    return None
