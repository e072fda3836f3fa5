"""What a number counts or measures: the head noun after it (``29 млн. астам мемлекеттік қызмет`` → ``қызмет``),
or the noun before ``саны``/``үлесі`` (``абоненттер саны 1 млн. 204 мың`` → ``абонент``)."""

from __future__ import annotations

from ..data import rows, words
from ..lang.kk.morphology import looks_adjectival, looks_verbal, stem, stem_parts

_MODIFIERS = frozenset(words("modifiers.txt"))
_STOPPERS = {r[0]: r[1] for r in rows("verbs.tsv")}
_COMPOUNDS = {tuple(c.split()): c for c in words("compound_nouns.txt")}
_MEASURE_NOUNS = ("саны", "үлесі", "көлемі", "мөлшері", "басы")
_ACC_LIKE = ("ды", "ді", "ты", "ті")
_ACCUSATIVE = ("н", "ны", "ні", "ын", "ін")


def _izafet_head(word: str) -> bool:
    """A possessive noun that heads a compound (рұқсат құжаты, сайлау учаскесінің), not an accusative object."""
    _, _, poss, case = stem_parts(word)
    return bool(poss) and case not in _ACCUSATIVE
_MAX_WORDS = 4


def _is_word(w: str) -> bool:
    return w[:1].isalpha()


def _common(word: str) -> str:
    """Lower-case a capitalised word (sentence-initial); keep acronyms (БАҚ) as written."""
    return word if word.isupper() or not word[:1].isupper() else word[:1].lower() + word[1:]


def object_before(lower: list[str], words_: list[str], i: int) -> str | None:
    """``X-лар саны NUMBER`` → stem of X."""
    if i >= 2 and lower[i - 1] in _MEASURE_NOUNS and _is_word(words_[i - 2]):
        return _common(stem(words_[i - 2]))
    return None


def object_after(lower: list[str], words_: list[str], j: int, n: int) -> str | None:
    """The head noun of the phrase after a number, from token ``j`` (exclusive end ``n``)."""
    end = min(n, j + _MAX_WORDS)
    k = j
    while k < end:
        w, lw = words_[k], lower[k]
        if not _is_word(w) or lw in _STOPPERS or (looks_verbal(lw) and not looks_adjectival(lw)):
            return None
        nxt = lower[k + 1] if k + 1 < n else ""
        nxt_is_word = k + 1 < n and _is_word(words_[k + 1]) and nxt not in _STOPPERS
        modifier = lw in _MODIFIERS or looks_adjectival(lw) and not w.isupper()
        if lw.endswith(_ACC_LIKE) and not w.isupper():
            # кабельді магистраль (a modifier) vs мемқызметті интерацияланған (the head, accusative)
            modifier = nxt_is_word and not looks_adjectival(nxt) and not looks_verbal(nxt)
        if modifier and nxt_is_word and k + 1 < end:
            k += 1
            continue
        head = stem(w)
        # izafet: рұқсат құжаты → құжат
        if (
            nxt_is_word
            and w == stem(w)
            and _izafet_head(nxt)
            and not looks_adjectival(nxt)
            and not (k + 2 >= n or words_[k + 2] in ".!?")
            and not looks_verbal(nxt)
            and nxt not in _STOPPERS
            and nxt not in _MEASURE_NOUNS
        ):
            head = stem(words_[k + 1])
        elif k > j:
            for pair in ((stem(lower[k - 1]), head.lower()), (lower[k - 1], head.lower())):
                if pair in _COMPOUNDS:
                    return _COMPOUNDS[pair]
        return _common(head)
    return None
