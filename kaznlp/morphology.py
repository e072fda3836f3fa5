"""Kazakh morphology and orthography: the one home of letter classes, endings and abbreviations.

Everything here is built from tables in ``kaznlp/data``: ``letters.tsv`` (letter classes, look-alike letters),
``endings.tsv`` (every ending, its layer and the sounds it may follow), ``abbreviations.tsv``, and the word lists
of the stemmer. Kazakh hangs derivation, plural, possessive and case endings on a stem in that order; the patterns
below accept those endings after a known stem (a unit, a month, a number word, a name), and :func:`stem` strips
them from a noun. Other modules ask this one and carry no endings or letter classes of their own.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .data import rows, words

# --- letters ---------------------------------------------------------------------------------------------------
_LETTERS: dict[str, tuple[str, ...]] = {r[0]: r[1:] for r in rows("letters.tsv")}


def _both_cases(s: str) -> str:
    return s + s.upper()


#: Cyrillic letters Kazakh shares with Russian, and the nine of its own (lower case)
CYRILLIC_COMMON = _LETTERS["cyrillic_common"][0]
KAZAKH_SPECIFIC = _LETTERS["kazakh_specific"][0]
#: every letter of the Kazakh Cyrillic alphabet, lower and upper case
KAZAKH_LOWER = CYRILLIC_COMMON + KAZAKH_SPECIFIC
KAZAKH_UPPER = KAZAKH_LOWER.upper()
#: regex character classes: a capital or a lower-case letter of Kazakh (Cyrillic) or Latin text
UPPER_CLASS = "[" + KAZAKH_UPPER + "A-Z]"
LOWER_CLASS = "[" + KAZAKH_LOWER + "a-z]"
#: an initial before a name, with its dot: a capital letter, or the letters of one sound (``initials.txt``: Дж.)
INITIAL = "(?:" + "|".join(map(regex.escape, words("initials.txt"))) + rf"|{UPPER_CLASS})\."
#: a letter that only Kazakh writes, either case (``[әғқ…ӘҒҚ…]``), and the basic Cyrillic alphabet
KAZAKH_SPECIFIC_CLASS = "[" + _both_cases(KAZAKH_SPECIFIC) + "]"
CYRILLIC_COMMON_CLASS = "[" + _both_cases(CYRILLIC_COMMON) + "]"
_VOWELS = frozenset(_LETTERS["vowel"][0])
_NASALS = frozenset(_LETTERS["nasal"][0])
_VOICELESS = frozenset(_LETTERS["voiceless"][0])
_VOICED_FINAL = dict(zip(*_LETTERS["voiced_final"]))  # г → к: the stem's own letter before a vowel
_POSS3 = ("ы", "і")  # the end of the third person's possessive (-ы, -і, -сы, -сі)
#: Latin look-alike letters and the Cyrillic letter each stands for (``a`` → ``а``, ``i`` → ``і``)
LATIN_LOOKALIKES: dict[str, str] = dict(zip(*_LETTERS["latin_lookalike"]))
#: letters replaced by the Kazakh one wherever they stand (the dotless ``ı`` for ``і``)
REPLACED_EVERYWHERE: dict[str, str] = dict(zip(*_LETTERS["replaced_everywhere"]))
#: letters that a Windows-1251 reading gives where KZ-1048 has Kazakh letters: a KZ-1048 text read as cp1251
KZ1048_SIGNS = frozenset(_LETTERS["kz1048_sign"][0])

# --- endings ---------------------------------------------------------------------------------------------------
CASES = ("genitive", "dative", "accusative", "locative", "ablative", "instrumental")
_BY_LAYER: dict[str, list[str]] = {}
_STRIP: dict[str, list[tuple[str, str]]] = {"case": [], "poss": [], "plural": []}
for _row in rows("endings.tsv"):
    _ending, _layer, _after = _row[:3]
    _BY_LAYER.setdefault(_layer, []).append(_ending)
    if len(_row) > 3 and _row[3] == "strip":
        _STRIP["case" if _layer in CASES else _layer].append((_ending, _after))
for _endings in _STRIP.values():
    _endings.sort(key=lambda r: len(r[0]), reverse=True)
_LAYER_OF: dict[str, set[str]] = {}
for _layer, _endings_ in _BY_LAYER.items():
    for _ending in _endings_:
        _LAYER_OF.setdefault(_ending, set()).add(_layer)


def endings(*layers: str) -> tuple[str, ...]:
    """Endings of the given layers, longest first: ``endings("ablative")`` → ``('ннан', …, 'дан', 'нан', …)``;
    ``"case"`` stands for the six cases."""
    names = [c for la in layers for c in (CASES if la == "case" else (la,))]
    return tuple(sorted({e for la in names for e in _BY_LAYER.get(la, ())}, key=lambda e: (-len(e), e)))


def is_ending(rest: str, *layers: str) -> bool:
    """True when ``rest`` is exactly one ending of one of ``layers`` (``"case"``: any case)."""
    names = {c for la in layers for c in (CASES if la == "case" else (la,))}
    return bool(_LAYER_OF.get(rest, set()) & names)


def _group(*layers: str) -> str:
    return "(?:" + "|".join(endings(*layers)) + ")?"


#: the past tense -ды/-ді/-ты/-ті (also written like the accusative: жетті, бағытты)
PAST = endings("past")
#: the accusative endings that are not also the past tense (н, ны, ын …)
ACCUSATIVE = tuple(e for e in endings("accusative") if e not in PAST)
#: Endings that may follow a stem, in order: derivation or approximative, plural, possessive, case, relative,
#: the predicate's person (``шақырым|нан``, ``ай|дың``, ``жыл|дар|дың``, ``қазан|да|ғы``, ``жас|та|мыз``).
INFLECTION = (
    _group("deriv", "approx") + _group("plural") + _group("poss") + _group("case") + _group("rel") + _group("person")
)
INFLECTION_RE = regex.compile(INFLECTION + r"\Z")
#: Endings a number may carry: a collective or approximative ending, possessive, case, a particle
#: (``мыңнан``, ``бесеуі``, ``2-еуі``, ``170-тейі``, ``100-деген``, ``3-ақ``).
NUMBER_SUFFIX = (
    _group("collective", "approx") + _group("poss") + _group("case", "approx", "many") + _group("particle")
)
#: Endings of a proper name: possessive, case, relative; no derivation (``Қытайлықтар`` is a people, not a place).
NAME_SUFFIX = _group("poss") + _group("case") + _group("rel")
#: Endings of a place's kind word after its name (``Шиелі ауданында``, ``облыстарында``): the compound's possessive
#: is always there; without it the word is no kind word of a name (``Өмірзақов облыста``: "in the region").
KIND_SUFFIX = _group("plural") + "(?:" + "|".join(endings("poss")) + ")" + _group("case") + _group("rel")
#: An ordinal ending on a digit or a number word, and what may follow it (``90-шы``, ``2019-ыншы``).
ORDINAL_SUFFIX_RE = regex.compile("(?:" + "|".join(endings("ordinal")) + r")\p{L}*\Z")


def is_plural(rest: str) -> bool:
    """True when the endings ``rest`` start with a plural (``дардың`` after жыл: the nineties)."""
    return rest.startswith(endings("plural"))


def _sound_class(c: str) -> str:
    if c in _VOWELS:
        return "vowel"
    if c in _NASALS:
        return "nasal"
    return "voiceless" if c in _VOICELESS else "voiced"


def _fits(stem_: str, after: str) -> bool:
    """Whether an ending that asks for ``after`` may follow a stem that ends like ``stem_``."""
    if after == "any":
        return True
    cls = _sound_class(stem_[-1:].lower())
    allowed = after.split(",")
    if "poss" in allowed and stem_.lower().endswith(_POSS3):
        return True  # -на, -нда, -нан after the possessive: үйі|не, ауданы|нда
    return cls in allowed or ("consonant" in allowed and cls != "vowel")


def is_inflection(rest: str, stem_: str = "") -> bool:
    """True when ``rest`` is a sequence of inflectional endings (or empty) that may follow ``stem_``
    (``ай|дың`` yes, ``ай|та`` no: after й the locative is -да)."""
    if INFLECTION_RE.match(rest) is None:
        return False
    if rest and stem_:
        first, cls = rest[0], _sound_class(stem_[-1:].lower())
        if first in "тқк" and cls != "voiceless" or first in "дғг" and cls == "voiceless":
            return False
    return True


# --- stems -----------------------------------------------------------------------------------------------------
_PARTICIPLE = tuple(words("participle_endings.txt"))
_ADJ = tuple(words("adjective_suffixes.txt")) + _PARTICIPLE
_VERB_ENDINGS = tuple(words("verb_endings.txt"))
# whole stems that end like an inflected form: the listed exceptions and every unit word (доллар, гектар, апта)
_KEEP = frozenset(words("stem_exceptions.txt")) | frozenset(r[0] for r in rows("units.tsv") if r[0].isalpha())
_ALTERNATIONS = {r[0]: r[1] for r in rows("stem_alternations.tsv")}
_AGENT_END = "ш"  # -шы/-ші (жұмысшы): the agent ending, whose ы/і is no possessive
#: patronymics that end in the possessive's letter (Ахметұлы, Серікқызы): that letter is part of the name
_PATRONYMIC_POSS = tuple(e for e in words("patronymic_endings.txt") if e.endswith(_POSS3))


@lru_cache(maxsize=65536)
def stem_parts(word: str, min_len: int = 2) -> tuple[str, str, str, str]:
    """(stem, plural, possessive, case): one ending of each layer, stripped from the end of the word where the
    stem's last sound allows it: ``учаскесінің`` → (``учаске``, '', ``сі``, ``нің``)."""
    if not word.isalpha():
        head = word.split("-")[0]
        return (head if head.isupper() else word), "", "", ""
    if word.isupper():
        return word, "", "", ""
    w, lw = word, word.lower()
    found = {"case": "", "poss": "", "plural": ""}
    for layer in ("case", "poss", "plural"):
        if lw in _KEEP:
            break
        for ending, after in _STRIP[layer]:
            if not lw.endswith(ending) or len(lw) - len(ending) < min_len:
                continue
            rest = lw[: -len(ending)]
            if not _fits(rest, after) or (layer == "poss" and len(ending) == 1 and rest.endswith(_AGENT_END)):
                continue  # жұмысшы, сурдоаудармашы: the agent ending -шы is part of the stem
            w, lw = w[: -len(ending)], rest
            found[layer] = ending
            if ending[0] in _VOWELS and lw[-1:] in _VOICED_FINAL:
                # a stem-final к/қ/п is voiced before a vowel: министрлігі → министрлік
                w = w[:-1] + _VOICED_FINAL[lw[-1]]
                lw = w.lower()
            break
    if (found["poss"] or found["case"]) and lw in _ALTERNATIONS:
        w = (w[0] if w[:1].isupper() else "") + _ALTERNATIONS[lw][1 if w[:1].isupper() else 0 :]  # халқы → халық
    if w[:1].isupper() and not found["plural"] and (found["poss"] or found["case"]):
        for e in _PATRONYMIC_POSS:  # Ыбрайханұлының: the name Ыбрайханұлы and -ның, not Ыбрайханұл-ы-ның
            whole = lw + e[-1]
            if whole.endswith(e) and len(whole) > len(e) + 1 and word.lower().startswith(whole):
                return word[: len(whole)], "", "", word[len(whole) :]
    return w, found["plural"], found["poss"], found["case"]


def stem(word: str) -> str:
    """The noun stem: ``мекендерде`` → ``мекен``, ``құжаты`` → ``құжат``, ``бағытты`` → ``бағыт``."""
    return stem_parts(word)[0]


#: entity labels whose base form also drops the possessive (a place or person is no one's: Қазақстаны → Қазақстан)
_BASE_STRIP_POSSESSIVE = ("GPE", "PERSON", "LOCATION", "NORP")
#: the places of the gazetteers (nominative): Kazakhstan's (``gazetteer_gpe.txt``) and the world's
#: (``world_countries.txt``, ``world_places.txt``); whole words, though some end like a case form (Қазақстан)
GPE_NAMES: frozenset[str] = frozenset(
    w for table in ("gazetteer_gpe.txt", "world_countries.txt", "world_places.txt") for w in words(table)
)
#: continents and world regions that are no state (``world_locations.txt``): LOCATION
LOCATION_NAMES: frozenset[str] = frozenset(words("world_locations.txt"))
#: every place of the gazetteers
PLACE_NAMES: frozenset[str] = GPE_NAMES | LOCATION_NAMES


#: the locative with -ғы/-гі ('in X', 'of X': Астанадағы, Шымкенттегі, қаласындағы), longest first
IN_PLACE_ENDINGS: tuple[str, ...] = tuple(
    sorted((loc + ("ғы" if loc.endswith("а") else "гі") for loc in endings("locative")), key=len, reverse=True)
)

#: entity labels that are no names (dates, numbers, amounts): their base form is the text as written, never a cut
#: word (``жыл сайын``, ``2025 жылға дейін``)
_AS_WRITTEN = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENTAGE", "QUANTITY", "CONTACT", "ADAGE"})


#: the accusative after a consonant (-ын/-ін) is the possessive -ы/-і and the accusative -н after it (кубогын,
#: министрлігін): a name that keeps its possessive keeps the vowel
_POSSESSED_ACCUSATIVE = frozenset(e for e in endings("accusative") if len(e) == 2 and e.endswith("н"))


def base_form(text: str, label: str) -> str:
    """The nominative of an entity: the case ending of its last word removed (``Қазақстанның`` → ``Қазақстан``,
    ``министрлігінің`` → ``министрлігі``); for dates, numbers and amounts the text as written."""
    if label in _AS_WRITTEN:
        return text
    head, sep, last = text.rpartition(" ")
    core, hy, tail = last.partition("-")
    if hy and core.isupper() and tail.isalpha() and tail.islower():  # БАҚ-қа, ҚР-ның; COVID-19 stays whole
        return head + sep + core
    if last in PLACE_NAMES:
        return text
    if last.endswith(IN_PLACE_ENDINGS) and last.replace("-", "").isalpha():  # Астанадағы → Астана
        x = next(x for x in IN_PLACE_ENDINGS if last.endswith(x))
        if len(last) - len(x) >= 2:
            core = last[: -len(x)]
            if x[0] == "н" and label in _BASE_STRIP_POSSESSIVE and core not in PLACE_NAMES:
                core = stem_parts(core)[0]
            return head + sep + core
    stem_, plural, poss, case = stem_parts(last, 3)  # a stem of two letters is a cut word: күні is no кү-ні
    if label in _BASE_STRIP_POSSESSIVE:
        return head + sep + stem_ + plural if (poss or case) else text
    if case in _POSSESSED_ACCUSATIVE and not poss:  # кубогын: the possessive кубогы, then the accusative -н
        case = case[1:]
    return head + sep + (last[: len(last) - len(case)] if case else last)


# word -> answer, for the two tests below: they run at every word near a number, and a lookup is quicker than
# trying each ending; cleared when large
_ADJECTIVAL: dict[str, bool] = {}
_VERBAL: dict[str, bool] = {}
_CACHE_SIZE = 65536


def _ends_like(cache: dict[str, bool], word: str, endings_: tuple[str, ...]) -> bool:
    v = cache.get(word)
    if v is None:
        w = word.lower()
        v = len(w) > 4 and w.endswith(endings_)
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[word] = v
    return v


def looks_adjectival(word: str) -> bool:
    """Endings of adjectives and participles (``мемлекеттік``, ``көрсетілген``)."""
    return _ends_like(_ADJECTIVAL, word, _ADJ)


def looks_participial(word: str) -> bool:
    """Endings of participles (``өткен``, ``құрылған``, ``атқаратын``): a verb before a noun."""
    return len(word) > 4 and word.lower().endswith(_PARTICIPLE)


def looks_verbal(word: str) -> bool:
    """Endings of finite verbs and converbs (``тіркелді``, ``жүргізілуде``)."""
    return _ends_like(_VERBAL, word, _VERB_ENDINGS)


# --- abbreviations ---------------------------------------------------------------------------------------------
_ABBR_ROWS = rows("abbreviations.tsv")
#: abbreviation → expansion (``ҚР`` → ``Қазақстан Республикасы``, ``млн.`` → ``миллион``)
ABBREVIATIONS: dict[str, str] = {r[0]: r[1] for r in _ABBR_ROWS}
#: abbreviations that end in a period which is no sentence end when more of the sentence follows
PERIOD_ABBREVIATIONS: frozenset[str] = frozenset(r[0] for r in _ABBR_ROWS if r[2] != "acronym")
#: abbreviations after which a capitalised name goes on with the sentence (Астана қ. Әкімдігі)
BEFORE_NAME_ABBREVIATIONS: frozenset[str] = frozenset(r[0] for r in _ABBR_ROWS if r[2] == "before_name")
#: abbreviations that close a list (т.б. "and others") and so may end a sentence before a digit
LIST_END_ABBREVIATIONS: frozenset[str] = frozenset(r[0] for r in _ABBR_ROWS if r[2] == "list_end")
