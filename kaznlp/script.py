"""Which script a text is written in, and Kazakh in Latin script back to Cyrillic with an offset map.

Kazakh is written in Cyrillic (what kaznlp's rules read), in Latin script (four variants: the 2021 alphabet with
``ä ğ ı ñ ö ş ū ü``, the 2018 one with acute accents ``á ǵ ń ó ú ý``, the 2017 one with apostrophes, and informal
ASCII with ``sh ch zh``) and in Arabic script (tote jazu, by Kazakh media in China). :func:`detect_script` counts the
letters of each script and, for Latin text, finds the variant from the letters that only one variant writes;
:func:`to_cyrillic` transliterates Latin-script Kazakh to Cyrillic and returns, for every Cyrillic character, the
offset of the Latin character it came from, so that records found in the Cyrillic text point into the original.

Web addresses and e-mails (``24.kz``, ``www.gov.kz``, ``https://…``, ``info@gov.kz``) are not Kazakh words: they
stay in Latin letters, as a Cyrillic text writes them.

The letters live in ``kaznlp/data/translit_latin.tsv`` and ``kaznlp/data/script_letters.tsv``, the top-level
domains in ``kaznlp/data/web_domains.txt``.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .data import rows, words
from .morphology import LATIN_LOOKALIKES, REPLACED_EVERYWHERE
from .tokenizer import EMAIL_PATTERN, URL_PATTERN

__all__ = ["LATIN_LETTERS", "LATIN_VARIANTS", "ScriptGuess", "detect_script", "main_script", "mixed_script_words",
           "script_and_letters", "to_cyrillic", "web_addresses"]

LATIN_VARIANTS = ("2021", "2018", "2017", "ascii")
# letters normalisation writes for another script's (the Cyrillic і for the dotless ı): of either script
_NEUTRAL = frozenset(REPLACED_EVERYWHERE.values())
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_LATIN_WORD = re.compile(r"[^\W\d_]+")
_BACK_TO_LATIN = {v: k for k, v in LATIN_LOOKALIKES.items() if v not in _NEUTRAL}


def _unrepair(text: str) -> str:
    """Latin words that normalisation took for Cyrillic ones with Latin look-alikes: a Latin word with the dotless
    ı (which becomes Cyrillic і) and otherwise only letters that look alike (``aı`` → ``аі``) is Latin again."""
    if not any(c in text for c in _NEUTRAL):
        return text

    def back(m: re.Match[str]) -> str:
        w = m.group()
        if any(c in _NEUTRAL for c in w) and all(c in _NEUTRAL or c in _BACK_TO_LATIN for c in w):
            return "".join(_BACK_TO_LATIN.get(c, c) for c in w)
        return w

    return _CYRILLIC_WORD.sub(back, text)


@cache
def _letters() -> dict[tuple[str, str], str]:
    return {(kind, name): letters for kind, name, letters in rows("script_letters.tsv")}


def letters(kind: str, name: str) -> str:
    """A row of ``script_letters.tsv``: the letters of one ``kind`` (``cyrillic_only``, ``latin_variant`` …)."""
    return _letters().get((kind, name), "")


@cache
def letter_rows(kind: str) -> tuple[tuple[str, str], ...]:
    """(name, letters) of every row of one kind (found once per kind: language id asks for every sentence)."""
    return tuple((name, s) for (k, name), s in _letters().items() if k == kind)


@dataclass(frozen=True)
class _Table:
    entries: dict[str, tuple[str, str, str]]  # latin → (plain, after a vowel, at a word's start)
    longest: int
    vowels: frozenset[str]
    case: dict[str, str]  # capitals whose lower case is another letter's
    fold: dict[int, str]  # Cyrillic letters the variant does not tell apart → as they come back
    foreign: frozenset[str]  # letters of no Kazakh word: a word with one stays as it is
    final: tuple[tuple[str, str], ...]  # word endings put back (as they come back, as written)


@cache
def _table(variant: str) -> _Table:
    entries: dict[str, tuple[str, str, str]] = {}
    vowels: frozenset[str] = frozenset()
    case: dict[str, str] = {}
    fold: dict[int, str] = {}
    foreign: frozenset[str] = frozenset()
    final: list[tuple[str, str]] = []
    for row in rows("translit_latin.tsv"):
        if row[0] not in (variant, "*"):
            continue
        if row[1] == "#vowels":
            vowels = frozenset(row[2])
        elif row[1] == "#case":
            case[row[2]] = row[3]
        elif row[1] == "#final":
            final.append((row[2], row[3]))
        elif row[1] == "#foreign":
            foreign = frozenset(row[2])
        elif row[1] == "#fold":
            fold[ord(row[2])] = row[3] if len(row) > 3 else ""
        else:
            plain = row[2]
            after = row[3] if len(row) > 3 and row[3] else plain
            start = row[4] if len(row) > 4 and row[4] else plain
            entries[row[1]] = (plain, after, start)
    if not entries:
        raise ValueError(f"no Latin variant {variant!r}: use one of {', '.join(LATIN_VARIANTS)}")
    return _Table(entries, max(map(len, entries)), vowels, case, fold, foreign, tuple(final))


# letters, other languages, and endings, which are not words
_NOT_WORDS = ("letters.tsv", "script_letters.tsv", "translit_latin.tsv", "langid_model.tsv", "language_markers.tsv",
              "endings.tsv", "verb_endings.txt", "adjective_suffixes.txt", "participle_endings.txt",
              "surname_endings.txt", "stem_alternations.tsv")


@cache
def _table_words() -> frozenset[str]:
    """Every Cyrillic word of kaznlp's tables."""
    from importlib import resources

    found: set[str] = set()
    for f in resources.files("kaznlp.data").iterdir():
        if f.name.endswith((".tsv", ".txt")) and f.name not in _NOT_WORDS:
            found.update(_CYRILLIC_WORD.findall(f.read_text(encoding="utf-8").lower()))
    return frozenset(found)


@cache
def _lexicon(variant: str) -> dict[str, str]:
    """The words of kaznlp's tables that the variant cannot write exactly, by their folded form (not where the
    folded form is itself a word of the tables)."""
    fold = _table(variant).fold
    words = _table_words()
    found: dict[str, str] = {}
    for w in sorted(words):
        folded = w.translate(fold)
        # a one-letter word only where a letter became two (ц/га as ts/ga), not и or й for a lone I
        if folded != w and len(folded) > 1 and folded not in words:
            found.setdefault(folded, w)
    return found


def _restore(out: list[str], cmap: array, variant: str) -> tuple[list[str], array]:
    """Words of kaznlp's tables written back with the letters the variant lost (see ``_lexicon``): a whole word
    of any length, or the start of a longer one from three letters on."""
    lexicon = _lexicon(variant)
    if not lexicon:
        return out, cmap
    fold = _table(variant).fold
    text = "".join(out)
    longest = max(map(len, lexicon))
    new_text: list[str] = []
    new_map = array("q")
    last = 0
    for m in _CYRILLIC_WORD.finditer(text):
        word = m.group()
        low = word.lower()
        folded = []
        pos = []  # for each folded character, the index in the word it comes from
        for k, c in enumerate(low):
            r = fold.get(ord(c), c)
            folded.append(r)
            pos.extend([k] * len(r))
        f = "".join(folded)
        hit = None
        for n in range(min(len(f), longest), 2, -1) if f not in lexicon else [len(f)]:
            if f[:n] in lexicon and (n == len(f) or n >= 3):
                hit = n
                break
        if hit is None:
            continue
        target = lexicon[f[:hit]]
        cut = pos[hit] if hit < len(pos) else len(word)
        if low[:cut] == target or (len(low) > 2 and low in _table_words()):
            continue
        if word[:cut].isupper() and cut > 1:
            target = target.upper()
        elif word[:1].isupper():
            target = target[:1].upper() + target[1:]
        s = m.start()
        new_text.append(text[last:s])
        new_map.extend(cmap[last:s])
        src = cmap[s : s + cut]
        new_text.append(target)
        new_map.extend(src[min(j * cut // len(target), cut - 1)] for j in range(len(target)))
        last = s + cut
    if last == 0:
        return out, cmap
    new_text.append(text[last:])
    new_map.extend(cmap[last:])
    return ["".join(new_text)], new_map


_DOMAINS = frozenset(words("web_domains.txt"))
# a URL, an e-mail, or a bare domain: names joined by dots that end in a top-level domain (24.kz, Tengrinews.kz,
# gov.kz/kk), not glued to a word before it; a path after it belongs to it, a hyphenated ending (24.kz-ke) does not
_WEB_RE = re.compile(
    rf"{URL_PATTERN}|{EMAIL_PATTERN}"
    r"|(?<![\w@.-])(?:[^\W_]+(?:-[^\W_]+)*\.)+(?P<tld>[^\W\d_]{2,})(?!\w)"
    r"(?:/[^\s«»\"<>]*[^\s«»\"<>.,;:!?)])?"
)


def web_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the web addresses and e-mails in ``text``: a URL (``https://…``, ``www.…``), an e-mail, or a
    bare domain ending in a top-level domain of ``web_domains.txt`` (``24.kz``; the domain in lower case, or the
    whole address in capitals: ``bar.Az`` at a missing space is two words)."""
    found = []
    for m in _WEB_RE.finditer(text):
        tld = m.group("tld")
        if tld is not None and not (tld.lower() in _DOMAINS and (tld.islower() or m.group().isupper())):
            continue
        found.append(m.span())
    return found


def _script_of(c: str) -> str | None:
    o = ord(c)
    if 0x0400 <= o <= 0x04FF:
        return "Cyrl"
    if c.isascii() and c.isalpha() or 0x00C0 <= o <= 0x024F or 0x1E00 <= o <= 0x1EFF:
        return "Latn"
    if 0x0600 <= o <= 0x06FF or 0xFB50 <= o <= 0xFEFF:
        return "Arab" if c.isalpha() or unicodedata.category(c) == "Lm" else None
    return None


@dataclass(frozen=True, slots=True)
class ScriptGuess:
    """The script of most of a text's letters (``Cyrl``, ``Latn``, ``Arab``, ``none``) with the letters counted,
    and the Latin alphabet variant (``2021``, ``2018``, ``2017``, ``ascii``) where it is Latin."""

    script: str
    letters: int
    counts: dict[str, int]
    variant: str | None = None


_SCRIPT_RES = {
    "Cyrl": re.compile(r"[\u0400-\u04ff]"),
    "Latn": re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"),
    "Arab": re.compile(r"[\u0600-\u06ff\ufb50-\ufeff]"),
}


_OTHER_LETTER_RE = re.compile(r"[^\W\d_\u0400-\u04ffA-Za-z\u00c0-\u024f\u1e00-\u1eff\u0600-\u06ff\ufb50-\ufeff]")
_ARABIC_MARK_RE = re.compile(r"[\u0600-\u061f\u0640\u064b-\u065f\u066a-\u066d\u06d4\u06dd-\u06ed]")


# The C helper (kaznlp/_langscan.c) counts the letters of each script in one pass, as :func:`_count_here` does;
# None: built without a C compiler (the same counts, slower)
_script_counts: Callable[[str, str], tuple[int, int, int, int]] | None
_main_counts: Callable[[str], tuple[int, int, int]] | None
try:
    from ._langscan import main_counts as _main_counts
    from ._langscan import script_counts as _script_counts
except ImportError:
    _script_counts = _main_counts = None
_NEUTRAL_CHARS = "".join(sorted(_NEUTRAL))


def _count(text: str) -> dict[str, int]:
    """Letters of each script: Cyrillic (less the neutral letters), Latin, Arabic (less its marks; the hamza of
    tote jazu counts as a letter) and other letters; by the C helper where it was built."""
    if _script_counts is not None:
        cyr, lat, arab, other = _script_counts(text, _NEUTRAL_CHARS)
        return {"Cyrl": cyr, "Latn": lat, "Arab": arab, "other": other}
    return _count_here(text)


def _count_here(text: str) -> dict[str, int]:
    """:func:`_count`'s definition, by regex (C speed; the script of most of the text is counted as the length
    less what is left when its letters are taken out, the others by their few matches); the hamza of tote jazu
    counts as an Arabic letter, Arabic punctuation and marks do not."""
    n_neutral = sum(text.count(c) for c in _NEUTRAL)
    # most texts (a sentence of a Cyrillic document) are ASCII and U+0400-U+04FF alone: counted by bytes, the
    # same counts (no letter of another script or range there); told by the UTF-8 length: each of those Cyrillic
    # characters is two bytes with a lead D0-D3, any other non-ASCII character adds a byte not counted
    data = text.encode("utf-8", "surrogatepass")
    cyrillic = len(data.translate(None, _NOT_CYRILLIC_LEAD))
    if len(data) == len(text) + cyrillic:
        latin = len(data.translate(None, _NOT_ASCII_LETTER))
        return {"Cyrl": cyrillic - n_neutral, "Latn": latin, "Arab": 0, "other": 0}
    counts = {}
    for k, r in _SCRIPT_RES.items():
        rest = r.sub("", text)
        counts[k] = len(text) - len(rest)
    counts["Cyrl"] -= n_neutral
    if counts["Arab"]:
        counts["Arab"] -= len(_ARABIC_MARK_RE.findall(text))
    counts["other"] = len(_OTHER_LETTER_RE.findall(text))
    return counts


@cache
def _apostrophe_letters() -> frozenset[str]:
    """The letters the 2017 alphabet writes with an apostrophe (a' g' i' n' o' s' u' y' c'), from its table."""
    return frozenset(k[0] for k in _table("2017").entries if len(k) == 2 and k[1] == "'")


def latin_variant(text: str) -> str:
    """The Kazakh Latin variant whose own letters ``text`` holds most (``ascii`` when none)."""
    low = text.lower()
    best, best_n = "ascii", 0
    for name, marks in letter_rows("latin_variant"):
        if name == "2017":  # an apostrophe after a letter of the 2017 digraphs (a' g' i' n' o' s' u' y' c'), not
            # the English 's (Kazakhstan's)
            apostrophe = _apostrophe_letters()
            n = sum(
                1
                for k in range(1, len(low))
                if low[k] == "'" and low[k - 1] in apostrophe
                and not (low[k + 1 : k + 2] == "s" and not low[k + 2 : k + 3].isalpha())
            )
        else:
            n = sum(low.count(m) for m in marks)
        if n > best_n:
            best, best_n = name, n
    return best


_NOT_ASCII_LETTER = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_NOT_CYRILLIC_LEAD = bytes(b for b in range(256) if not 0xD0 <= b <= 0xD3)  # U+0400-U+04FF in UTF-8
_NOT_ARABIC_LEAD = bytes(b for b in range(256) if not 0xD8 <= b <= 0xDB)  # U+0600-U+06FF


def main_script(text: str) -> str:
    """``Cyrl``, ``Latn`` or ``Arab``: the script with most characters, by counts of the UTF-8 text's lead bytes
    (:func:`_main_counts_here`; C speed, the pipeline asks it of every text); ``Cyrl`` on a tie or no letters."""
    latin, cyrillic, arabic = (_main_counts or _main_counts_here)(text)
    if latin > cyrillic and latin >= arabic:
        return "Latn"
    return "Arab" if arabic > cyrillic else "Cyrl"


def _main_counts_here(text: str) -> tuple[int, int, int]:
    """:func:`main_script`'s counts by bytes (the C helper's definition): ASCII letters, Cyrillic (U+0400-U+04FF)
    and Arabic (U+0600-U+06FF, counted only where a lead byte D8 or D9 is there) characters."""
    data = text.encode("utf-8", "surrogatepass")
    latin = len(data.translate(None, _NOT_ASCII_LETTER))
    arabic = len(data.translate(None, _NOT_ARABIC_LEAD)) if data.find(b"\xd8") >= 0 or data.find(b"\xd9") >= 0 else 0
    return latin, len(data.translate(None, _NOT_CYRILLIC_LEAD)), arabic


def detect_script(text: str) -> ScriptGuess:
    """The script of most of ``text``'s letters (``none`` where it has none of Cyrillic, Latin or Arabic), the
    letters counted, and for Latin text the Kazakh alphabet variant (:func:`latin_variant`)."""
    counts = _count(text)
    script, total = _script_of_counts(counts["Cyrl"], counts["Latn"], counts["Arab"], counts["other"])
    return ScriptGuess(script, total, counts, latin_variant(text) if script == "Latn" else None)


def script_and_letters(text: str) -> tuple[str, int]:
    """:func:`detect_script`'s script and letters, without the counts or the variant (language id asks this of
    every sentence it reads)."""
    if _script_counts is not None:
        return _script_of_counts(*_script_counts(text, _NEUTRAL_CHARS))
    counts = _count_here(text)
    return _script_of_counts(counts["Cyrl"], counts["Latn"], counts["Arab"], counts["other"])


def _script_of_counts(cyr: int, lat: int, arab: int, other: int) -> tuple[str, int]:
    """The script of the most letters (the first of Cyrillic, Latin and Arabic on a tie; ``none`` without any
    of them) and the letters counted."""
    total = cyr + lat + arab + other
    if total == 0:
        return "none", 0
    if max(cyr, lat, arab) == 0:
        return "none", total
    return "Cyrl" if cyr >= lat and cyr >= arab else "Latn" if lat >= arab else "Arab", total


#: the Latin letters that language identification tells a Latin word by, and that make a word mixed with Cyrillic
#: ones: A-Z, a-z and U+00C0-U+024F (not the rarer U+1E00-U+1EFF that the script counts take)
LATIN_LETTERS = "".join(map(chr, [*range(65, 91), *range(97, 123), *range(0xC0, 0x250)]))
_LATIN_CLASS = "[" + re.escape(LATIN_LETTERS) + "]"
_MIXED_RE = re.compile(rf"[\u0400-\u04ff]{_LATIN_CLASS}|{_LATIN_CLASS}[\u0400-\u04ff]")


def mixed_script_words(text: str, limit: int = 5) -> list[str]:
    """Words that mix Latin and Cyrillic letters (normalisation repairs look-alike letters inside Cyrillic words
    first, so what is left here is really mixed), up to ``limit``."""
    if not _MIXED_RE.search(text):
        return []
    out: list[str] = []
    word: list[str] = []
    for c in text + " ":
        if c.isalpha() or c == "'" and word:
            word.append(c)
            continue
        if word:
            scripts = {_script_of(x) for x in word if x != "'" and x not in _NEUTRAL}
            if {"Cyrl", "Latn"} <= scripts:
                out.append("".join(word))
                if len(out) >= limit:
                    break
            word = []
    return out


def to_cyrillic(text: str, variant: str) -> tuple[str, array]:
    """Kazakh in Latin script (``variant``) to Cyrillic. Returns the Cyrillic text and its character map: the
    offset in ``text`` of each Cyrillic character, plus ``len(text)`` at the end. Characters that are not Latin
    letters (digits, punctuation, Cyrillic), words with a letter no Kazakh word of the variant writes and web
    addresses and e-mails (:func:`web_addresses`) are kept as they are."""
    table = _table(variant)
    entries, longest, vowels = table.entries, table.longest, table.vowels
    text = _unrepair(text)  # one character for one: the offsets stay
    out: list[str] = []
    cmap = array("q")
    low = "".join(table.case.get(c) or c.lower()[:1] for c in text)  # one character for one (İ is i, not i̇)
    n = len(text)
    keep = bytearray(n)  # 1: a character of a foreign word or a web address, copied as it is
    if "." in text or "@" in text:
        for a, b in web_addresses(text):
            keep[a:b] = b"\x01" * (b - a)
    if table.foreign:
        for m in _LATIN_WORD.finditer(low):
            if any(ch in table.foreign for ch in m.group()):
                keep[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    i = 0
    while i < n:
        c = low[i]
        hit = None
        if keep[i]:
            out.append(text[i])
            cmap.append(i)
            i += 1
            continue
        if c.isalpha() or c == "'":
            for k in range(min(longest, n - i), 0, -1):
                chunk = low[i : i + k]
                if chunk in entries:
                    hit = chunk
                    break
        if hit is None or (hit == "'" and not (i > 0 and low[i - 1].isalpha())):
            out.append(text[i])
            cmap.append(i)
            i += 1
            continue
        plain, after, start = entries[hit]
        prev = low[i - 1] if i > 0 else " "
        at_start = not prev.isalpha() and prev != "'"
        # an apostrophe (2017) is a vowel's only after one: a' o' u' i' are vowels, s' g' n' c' are not
        after_vowel = prev in vowels and (prev != "'" or (i > 1 and low[i - 2] in vowels))
        cyr = start if at_start else after if after_vowel else plain
        src = text[i : i + len(hit)]
        if src[0].isupper():
            # a capital: the whole word upper case when its next letter is too (ALL-CAPS), else the first letter
            nxt = text[i + len(hit)] if i + len(hit) < n else ""
            whole = (len(src) > 1 and src[1:].isupper()) or nxt.isupper()
            cyr = cyr.upper() if whole else cyr[:1].upper() + cyr[1:]
        for ch in cyr:
            out.append(ch)
            cmap.append(i)
        i += len(hit)
    out, cmap = _restore(out, cmap, variant)
    if table.final:
        out = [_finals("".join(out), table.final)]
    cmap.append(n)
    return "".join(out), cmap


def _finals(text: str, final: tuple[tuple[str, str], ...]) -> str:
    """Word endings put back (one letter for one: the offsets stay), in words of four letters or more."""

    def fix(m: re.Match[str]) -> str:
        w = m.group()
        low = w.lower()
        for plain, written in final:
            if len(w) >= 4 and low.endswith(plain):
                end = written if w[-1].islower() else written.upper()
                return w[: -len(plain)] + end
        return w

    return _CYRILLIC_WORD.sub(fix, text)
