"""What a number counts or measures: the head noun after it (``29 млн. астам мемлекеттік қызмет`` → ``қызмет``),
or the noun before ``саны``/``үлесі`` (``абоненттер саны 1 млн. 204 мың`` → ``абонент``)."""

from __future__ import annotations

from ..data import rows, words
from ..morphology import ACCUSATIVE, PAST, endings, looks_adjectival, looks_verbal, stem, stem_parts

_MODIFIERS = frozenset(words("modifiers.txt"))
_STOPPERS = {r[0]: r[1] for r in rows("verbs.tsv")}
_COMPOUNDS = {tuple(r[0].split()): r[1] for r in rows("compound_nouns.tsv")}
_MEASURE_NOUNS = words("measure_nouns.txt")
_ACC_LIKE = PAST
_ACCUSATIVE = ACCUSATIVE
_PASSIVE_OR_WITH = endings("passive_or_with")  # салынды (was built) or дарынды (talented)
_MAX_WORDS = 4
_MAX_CHAIN = 3


def _is_word(w: str) -> bool:
    return w[:1].isalpha()


def _common(word: str) -> str:
    """Lower-case a capitalised word (sentence-initial); keep acronyms (БАҚ) as written."""
    return word if word.isupper() or not word[:1].isupper() else word[:1].lower() + word[1:]


def _izafet_head(word: str) -> bool:
    """A possessive noun that heads a compound (рұқсат құжаты, сайлау учаскесінің), not an accusative object."""
    _, _, poss, case = stem_parts(word)
    return bool(poss) and case not in _ACCUSATIVE and not looks_adjectival(word)


def _compound(first: str, head: str) -> str | None:
    for pair in ((stem(first.lower()), head.lower()), (first.lower(), head.lower())):
        if pair in _COMPOUNDS:
            return _COMPOUNDS[pair]
    return None


def object_before(lower: list[str], words_: list[str], i: int) -> str | None:
    """``X-лар саны NUMBER`` → stem of X (not when X is a participle: ``жатқызылғандардың саны``)."""
    if i >= 2 and lower[i - 1] in _MEASURE_NOUNS and _is_word(words_[i - 2]):
        noun = stem(words_[i - 2])
        if i >= 3 and (c := _compound(lower[i - 3], noun)):
            return c  # ірі қара саны
        if not looks_adjectival(noun):
            return _common(noun)
    return None


def object_after(lower: list[str], words_: list[str], j: int, n: int) -> str | None:
    """The head noun of the phrase after a number, from token ``j`` (exclusive end ``n``)."""
    end = min(n, j + _MAX_WORDS)
    k = j
    while k < end:
        w, lw = words_[k], lower[k]
        if not _is_word(w) or lw in _STOPPERS:
            return None
        nxt = lower[k + 1] if k + 1 < n else ""
        nxt_is_word = k + 1 < n and _is_word(words_[k + 1]) and nxt not in _STOPPERS
        if looks_verbal(lw) and not (lw.endswith(_PASSIVE_OR_WITH) and nxt_is_word):
            return None  # қысқарады, тіркелді: the verb; дарынды бала goes on below
        if lw.endswith(_ACC_LIKE) and not w.isupper():
            # кабельді магистраль, дарынды бала: a modifier; мемқызметті интерацияланған: the head
            modifier = nxt_is_word and not looks_adjectival(nxt) and not looks_verbal(nxt)
        else:
            modifier = lw in _MODIFIERS or looks_adjectival(lw) and not w.isupper()
        if modifier and nxt_is_word and k + 1 < end:
            k += 1
            continue
        head = stem(w)
        if w == head:
            # izafet: рұқсат құжаты → құжат; бастауыш сынып оқушысы → оқушы; оқу орнының → оқу орны
            for m in range(k + 1, min(n, k + 1 + _MAX_CHAIN)):
                wm = words_[m]
                if not _is_word(wm) or lower[m] in _STOPPERS or looks_verbal(lower[m]):
                    break
                if m + 1 < n and words_[m + 1] in ".!?" or m + 1 >= n:
                    break  # a sentence-final word is the verb: кәсіпкер хабарласты.
                if _izafet_head(wm):
                    head = stem(wm)
                    return _compound(lower[m - 1], head) or _common(head)
                if stem(wm) != wm:
                    break
        if k > j and (c := _compound(lower[k - 1], head)):
            return c
        return _common(head)
    return None
