"""A small Kazakh morphology: inflection patterns and a suffix stripper for noun stems.

Kazakh hangs derivation, plural, possessive and case endings on a stem in that order. The patterns below
accept those endings after a known stem (a unit, a month, a number word); :func:`stem` strips them from a noun.
The endings themselves live in ``kaznlp/data`` tables.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ...data import rows, words

_DERIV = r"(?:лық|лік|дық|дік|тық|тік|лығ|ліг|дығ|діг|тығ|тіг|дай|дей|тай|тей)?"
_PLURAL = r"(?:лар|лер|дар|дер|тар|тер)?"
_POSS = r"(?:ы|і|сы|сі|ын|ін|мыз|міз|ымыз|іміз)?"
_CASE = (
    r"(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|на|не|а|е|ны|ні|ды|ді|ты|ті|н|да|де|та|те|нда|нде|"
    r"дан|ден|тан|тен|нан|нен|ннан|ннен|мен|бен|пен)?"
)
_REL = r"(?:ғы|гі|қы|кі|дағы|дегі|тағы|тегі|ндағы|ндегі)?"
#: Endings that may follow a stem, in order (``шақырым|нан``, ``ай|дың``, ``жыл|дар|дың``).
INFLECTION = _DERIV + _PLURAL + _POSS + _CASE + _REL
INFLECTION_RE = regex.compile(INFLECTION + r"\Z")

_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_VOICELESS = frozenset("кқпстфхцчшщв")  # a final в (Абаев) takes voiceless endings: Абаевтың
_VOICED_FINAL = {"г": "к", "ғ": "қ", "б": "п"}
_ENDINGS: dict[str, list[tuple[str, str]]] = {"case": [], "poss": [], "plural": []}
for _ending, _layer, _after in rows("noun_endings.tsv"):
    _ENDINGS[_layer].append((_ending, _after))
for _endings in _ENDINGS.values():
    _endings.sort(key=lambda r: len(r[0]), reverse=True)


_ADJ = tuple(words("adjective_suffixes.txt"))
_VERB_ENDINGS = tuple(words("verb_endings.txt"))
# whole stems that end like an inflected form: the listed exceptions and every unit word (доллар, гектар, апта)
_KEEP = frozenset(words("stem_exceptions.txt")) | frozenset(r[0] for r in rows("units.tsv") if r[0].isalpha())
_ALTERNATIONS = {r[0]: r[1] for r in rows("stem_alternations.tsv")}


def _sound_class(c: str) -> str:
    if c in _VOWELS:
        return "vowel"
    if c in "мнң":
        return "nasal"
    return "voiceless" if c in _VOICELESS else "voiced"


def _fits(stem_: str, after: str) -> bool:
    """Whether an ending that asks for ``after`` may follow a stem that ends like ``stem_``."""
    if after == "any":
        return True
    cls = _sound_class(stem_[-1:].lower())
    allowed = after.split(",")
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
        for ending, after in _ENDINGS[layer]:
            if not lw.endswith(ending) or len(lw) - len(ending) < min_len:
                continue
            rest = lw[: -len(ending)]
            if not _fits(rest, after) or (layer == "poss" and ending in ("ы", "і") and rest.endswith("ш")):
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
    return w, found["plural"], found["poss"], found["case"]


def stem(word: str) -> str:
    """The noun stem: ``мекендерде`` → ``мекен``, ``құжаты`` → ``құжат``, ``бағытты`` → ``бағыт``."""
    return stem_parts(word)[0]


# word -> answer, for the two tests below: they run at every word near a number, and a lookup is quicker than
# trying each ending; cleared when large
_ADJECTIVAL: dict[str, bool] = {}
_VERBAL: dict[str, bool] = {}
_CACHE_SIZE = 65536


def _ends_like(cache: dict[str, bool], word: str, endings: tuple[str, ...]) -> bool:
    v = cache.get(word)
    if v is None:
        w = word.lower()
        v = len(w) > 4 and w.endswith(endings)
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        cache[word] = v
    return v


def looks_adjectival(word: str) -> bool:
    """Endings of adjectives and participles (``мемлекеттік``, ``көрсетілген``)."""
    return _ends_like(_ADJECTIVAL, word, _ADJ)


def looks_verbal(word: str) -> bool:
    """Endings of finite verbs and converbs (``тіркелді``, ``жүргізілуде``)."""
    return _ends_like(_VERBAL, word, _VERB_ENDINGS)
