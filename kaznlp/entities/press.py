"""The press-release layer over the merged entities (``entities-spec.md``): what KazNERD's television news leaves
out or reads otherwise.

- a place keeps its kind word (``Шымкент қаласында``, ``Сырдария өзені``, ``Абай даңғылы``: GPE, LOCATION,
  FACILITY), found after a model or rule entity or after capitalised words;
- a post keeps the body it belongs to (``Шымкент қаласының әкімі``), and the body stays as an entity of its own,
  nested (``inside``: POSITION);
- people written with initials (``Б. Усабеков``) or surname first (``Козлова Мария Александровна``);
- organisations in quotes with their legal form (``«Вадиса М» ЖШС``) and numbered schools (``№ 24 ЖББОМ``);
- the model's readings that a press release does not bear: an abbreviation as a place (``ЖББОМ``), a place as a
  person (``Бангкоктан``), a person running into a place (``Жошыбаев Әзербайжанның``), one capitalised word that
  opens a sentence as a person (``Декларацияны``).

Every word list is a table in ``kaznlp/data``; offsets are into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..data import rows, words
from ..morphology import LOWER_CLASS, NAME_SUFFIX, UPPER_CLASS, base_form, endings, stem_parts
from .base import Entity

_KINDS = sorted(rows("place_kinds.tsv"), key=lambda r: len(r[0]), reverse=True)
_KIND_SUFFIX = "(?:" + "|".join(endings("plural")) + ")?" + NAME_SUFFIX  # no derivation: облыстық is no облыс
_KIND_RE = re.compile(
    r"[ \t\u00a0]+(?P<kind>" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k, _, _ in _KINDS) + ")"
    rf"(?P<end>{_KIND_SUFFIX})(?!\w)"
)
_KIND_OF = {k: (nominative, label) for k, nominative, label in _KINDS}
_NAME_WORD = rf"{UPPER_CLASS}[\w-]*"
# a capitalised word right before a kind word: a place the model did not see (Сарыарқа ауданының, Арал теңізі);
# two words where the first is a direction (Солтүстік Қазақстан облысы)
_DIRECTIONS = "|".join(map(re.escape, words("directions.txt")))
_NAMED_KIND_RE = re.compile(
    rf"(?<![\w-])(?P<name>(?:(?:{_DIRECTIONS})[ \t]+)?{_NAME_WORD})(?={_KIND_RE.pattern})"
)
_GENITIVE = endings("genitive")
_POSITIONS = sorted({w.lower() for w in words("positions.txt")}, key=len, reverse=True)
_POSITION_WORD = "(?:" + "|".join(map(re.escape, _POSITIONS)) + f")(?:{NAME_SUFFIX})"
# a post after a body in the genitive, up to two nouns before it (басқарма басшысы, бас дәрігерінің орынбасары)
_POSITION_RE = re.compile(
    rf"[ \t]+(?P<pos>(?:{LOWER_CLASS}+[ \t]+){{0,2}}?{_POSITION_WORD}(?:[ \t]+{_POSITION_WORD})?)(?!\w)",
    re.IGNORECASE,
)
_SURNAME = "(?:" + "|".join(sorted(words("surname_endings.txt"), key=len, reverse=True)) + ")"
_PATRONYMIC = "(?:" + "|".join(sorted(words("patronymic_endings.txt"), key=len, reverse=True)) + ")"
_INITIAL_RE = re.compile(
    rf"(?<![\w.])(?:{UPPER_CLASS}\.[ \t]?){{1,2}}"
    rf"(?P<last>{UPPER_CLASS}{LOWER_CLASS}+{_SURNAME})(?P<case>{NAME_SUFFIX})(?!\w)"
)
_REVERSED_RE = re.compile(
    rf"(?<![\w-])(?P<last>{UPPER_CLASS}{LOWER_CLASS}+{_SURNAME})[ \t]+(?P<first>{UPPER_CLASS}{LOWER_CLASS}+)"
    rf"(?:[ \t]+(?P<patr>{UPPER_CLASS}{LOWER_CLASS}+{_PATRONYMIC}))?(?!\w)"
)
_LEGAL = "|".join(
    re.escape(f).replace(r"\ ", r"[ \t]+") for f in sorted(words("legal_forms.txt"), key=len, reverse=True)
)
_QUOTED_ORG_RE = re.compile(rf"[«\"][^«»\"\n]{{1,80}}[»\"][ \t]*(?:{_LEGAL})(?:-?\w+)?(?!\w)")
_INSTITUTIONS = "|".join(sorted(map(re.escape, words("institution_heads.txt")), key=len, reverse=True))
# № 24 ЖББОМ, №1 гимназия, № 9 қазақ лицейі, №2 облыстық аурухана
_SCHOOL_RE = re.compile(
    rf"№[ \t]?\d+[ \t]?(?:{UPPER_CLASS}{{2,}}(?:-?\w+)?|(?:{LOWER_CLASS}+[ \t-]){{0,2}}(?:{_INSTITUTIONS})\w*)(?!\w)"
)
_BODY_PARTS_RE = re.compile(
    r"[ \t]+(?:" + "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in words("body_parts.txt")) + r")\w*(?!\w)"
)
_QUOTED_LABELS = ("ORGANISATION", "FACILITY", "EVENT", "PROJECT", "LAW")
_ABBREVIATION_RE = re.compile(rf"{UPPER_CLASS}{{2,}}[ \t]+$")
_KNOWN_PLACES = frozenset(words("gazetteer_gpe.txt")) | frozenset(words("world_places.txt"))
_KNOWN_ABBREVIATIONS = frozenset(r[0] for r in rows("abbreviation_entities.tsv"))
_REGION_ABBREVIATION_END = tuple(words("region_abbreviation_end.txt"))  # СҚО, БҚО: … облысы
_RELATIVE = endings("rel")
_NOT_NAMES = frozenset(words("stop_words.txt")) | frozenset(words("sentence_openers.txt"))
_SENTENCE_END = ".!?»\n"


def _place_base(name: str, kind: str) -> str:
    nominative, _ = _KIND_OF[kind]
    return f"{base_form(name, 'GPE')} {nominative}"


def _kind_key(kind: str) -> str:
    return " ".join(kind.split()).lower()


def _starts_sentence(text: str, start: int) -> bool:
    i = start  # back over spaces and opening quotes, without copying the text before (a long text has much)
    while i > 0 and text[i - 1] in " \t\u00a0\"«":
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_END


@lru_cache(maxsize=65536)
def _known_place(word: str) -> bool:
    core = word.split("-")[0]
    stem_ = stem_parts(core)[0]
    if core in _KNOWN_PLACES or stem_ in _KNOWN_PLACES:
        return True
    return any(core.startswith(p) for p in _KNOWN_PLACES if len(p) > 4)  # Әзербайжанның, Бангкоктан


def _overlapping(e: Entity, others: Iterable[Entity]) -> list[Entity]:
    return [o for o in others if o.start < e.end and e.start < o.end]


class _Spans:
    """An ordered list of entities that some steps add to and take from, indexed by the blocks of text each
    touches: the ones near a span are found without a scan of them all (a long text has thousands), so that a
    step costs as much per entity on a long text as on a short one. :meth:`entities` gives the list, in order."""

    BLOCK = 256

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self.items: list[Entity | None] = []
        self.blocks: dict[int, list[int]] = {}
        for e in entities:
            self.append(e)

    def append(self, e: Entity) -> None:
        k = len(self.items)
        self.items.append(e)
        for b in range(e.start // self.BLOCK, e.end // self.BLOCK + 1):
            self.blocks.setdefault(b, []).append(k)

    def remove(self, keys: Iterable[int]) -> None:
        for k in keys:
            self.items[k] = None

    def near(self, start: int, end: int) -> list[int]:
        """The keys, in list order, of the entities that touch a block of ``start``-``end``: every one that
        overlaps the span or lies in it, and a few more."""
        found: set[int] = set()
        for b in range(start // self.BLOCK, end // self.BLOCK + 1):
            found.update(self.blocks.get(b, ()))
        return sorted(k for k in found if self.items[k] is not None)

    def overlapping(self, e: Entity) -> list[int]:
        """The keys of the entities that overlap ``e`` (:func:`_overlapping`)."""
        items = self.items
        return [k for k in self.near(e.start, e.end) if items[k].start < e.end and e.start < items[k].end]  # type: ignore[union-attr]

    def entities(self) -> list[Entity]:
        return [e for e in self.items if e is not None]


def apply(text: str, ents: list[Entity]) -> list[Entity]:
    """The press-release layer over the merged entities of ``text``."""
    out = [_place_not_person(e) for e in ents]
    out = [e for e in out if not _misread(text, e)]
    out = _joined_places(text, out)
    out = _add(out, _capital_places(text))
    out = _split_people_before_places(text, out)
    out = _with_kinds(text, out)
    out = _add(out, _people(text))
    out = _add(out, _organisations(text))
    out = [_widened(text, e) for e in out]
    out = _positions_with_bodies(text, out)
    out += _places_in_posts(text, out)
    out.sort(key=lambda x: (x.start, -x.end))
    return out


def _joined_places(text: str, ents: list[Entity]) -> list[Entity]:
    """``Оңтүстік Қазақстанда`` read as two places: one place, when the first word has no ending."""
    out: list[Entity] = []
    for e in sorted(ents, key=lambda x: (x.start, -x.end)):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == e.label == "GPE"
            and text[prev.end : e.start] == " "
            and " " not in prev.text
            and stem_parts(prev.text)[3] == ""
        ):
            span = text[prev.start : e.end]
            out[-1] = Entity("GPE", prev.start, e.end, span, e.source, f"{prev.text} {e.base or e.text}", dict(e.extra))
        else:
            out.append(e)
    return out


_CAPS_WORD_RE = re.compile(rf"(?<![\w-]){UPPER_CLASS}{{3,}}(?:-{UPPER_CLASS}+)?(?![\w-])")


def _capital_places(text: str) -> list[Entity]:
    """A place of the gazetteer written in capitals (a dateline: НҰР-СҰЛТАН, 19 қараша)."""
    out = []
    for m in _CAPS_WORD_RE.finditer(text):
        name = "-".join(p.capitalize() for p in m.group().split("-"))
        if name in _KNOWN_PLACES:
            out.append(Entity("GPE", m.start(), m.end(), m.group(), "rule", name))
    return out


def _places_in_posts(text: str, ents: list[Entity]) -> list[Entity]:
    """``Қазақстан Президенті``: the country of a post is an entity of its own, nested in it."""
    out = []
    places_at = {o.start for o in ents if o.label == "GPE"}
    for p in ents:
        if p.label != "POSITION" or " " not in p.text:
            continue
        first = p.text.split()[0]
        if _known_place(first) and p.start not in places_at:
            out.append(Entity("GPE", p.start, p.start + len(first), first, "rule", base_form(first, "GPE"),
                              {"inside": "POSITION"}))  # fmt: skip
    return out


def _place_not_person(e: Entity) -> Entity:
    """``Бангкоктан``, ``Әзербайжан`` read as a person: a place of the gazetteer is a place."""
    if e.source == "model" and e.label == "PERSON" and " " not in e.text.strip() and _known_place(e.text):
        return Entity("GPE", e.start, e.end, e.text, e.source, base_form(e.text, "GPE"), dict(e.extra))
    return e


def _misread(text: str, e: Entity) -> bool:
    """A model reading that press releases do not bear."""
    if e.source != "model":
        return False
    if e.label == "GPE" and e.text.isupper() and len(e.text) > 2:
        core = e.text.split("-")[0]
        return core not in _KNOWN_ABBREVIATIONS and not core.endswith(_REGION_ABBREVIATION_END)
    if e.label == "GPE" and " " not in e.text and e.text.lower().endswith(_RELATIVE) and not _known_place(e.text):
        return True  # Ішкі, Сыртқы: "inner", "outer", adjectives in -кі/-қы
    if e.label == "PERSON" and " " not in e.text.strip():
        surname = re.search(_SURNAME + "(?:" + NAME_SUFFIX + r")$", e.text) is not None
        return _starts_sentence(text, e.start) and not surname  # Декларацияны, Салонда
    return False


def _split_people_before_places(text: str, ents: list[Entity]) -> list[Entity]:
    """``Жошыбаев Әзербайжанның``: a person whose last word is a place ends before it."""
    out = []
    for e in ents:
        parts = e.text.split()
        if e.label == "PERSON" and len(parts) == 2 and _known_place(parts[1]):
            cut = e.start + len(parts[0])
            out.append(Entity("PERSON", e.start, cut, text[e.start : cut], e.source, parts[0]))
            s = e.start + e.text.index(parts[1], len(parts[0]))
            out.append(Entity("GPE", s, e.end, text[s : e.end], "rule", base_form(parts[1], "GPE")))
        else:
            out.append(e)
    return out


def _with_kinds(text: str, ents: list[Entity]) -> list[Entity]:
    """Places with their kind word: model and rule entities extended, and capitalised names before a kind word."""
    out = []
    for e in ents:
        m = _KIND_RE.match(text, e.end) if e.label in ("GPE", "LOCATION", "PERSON", "FACILITY") else None
        if m is None:
            out.append(e)
            continue
        kind = _kind_key(m.group("kind"))
        label = _KIND_OF[kind][1]
        extra = {k: v for k, v in e.extra.items() if k != "expansion"}
        out.append(Entity(label, e.start, m.end(), text[e.start : m.end()], e.source, _place_base(e.text, kind), extra))
    spans = _Spans(out)
    for m in _NAMED_KIND_RE.finditer(text):
        name = m.group("name")
        if name.split()[0].lower() in _NOT_NAMES:
            continue
        k = _KIND_RE.match(text, m.end())
        if k is None:
            continue
        kind = _kind_key(k.group("kind"))
        e = Entity(_KIND_OF[kind][1], m.start(), k.end(), text[m.start() : k.end()], "rule", _place_base(name, kind))
        near = [o for o in map(spans.items.__getitem__, spans.near(e.start, e.end)) if o is not None]
        if any((o.start, o.end) == (e.start, e.end) for o in near):
            continue  # the model's place, already with its kind word
        inner = spans.overlapping(e)
        if not inner:
            spans.append(e)
        else:  # a model entity inside the wider name gives way to it (Солтүстік [Қазақстан] облысы)
            if all(o.start >= e.start and o.end <= e.end and o.label in ("GPE", "LOCATION", "PERSON")
                   for o in map(spans.items.__getitem__, inner) if o is not None):  # fmt: skip
                spans.remove(inner)
                spans.append(e)
    return spans.entities()


def _people(text: str) -> list[Entity]:
    found = []
    for m in _INITIAL_RE.finditer(text):
        found.append(Entity("PERSON", m.start(), m.end(), m.group(), "rule", text[m.start() : m.end("last")]))
    for m in _REVERSED_RE.finditer(text):
        if m.group("first").lower() in _NOT_NAMES or _known_place(m.group("first")):
            continue
        found.append(Entity("PERSON", m.start(), m.end(), m.group(), "rule", m.group()))
    return found


def _organisations(text: str) -> list[Entity]:
    found = []
    for rx in (_QUOTED_ORG_RE, _SCHOOL_RE):
        for m in rx.finditer(text):
            found.append(Entity("ORGANISATION", m.start(), m.end(), m.group(), "rule", base_form(m.group(), "ORG")))
    return found


def _widened(text: str, e: Entity) -> Entity:
    """An organisation with what belongs to its name: the quotes around it («Жұмыспен қамту орталығы»), the
    abbreviations before it (ҚР ҚМ МКК Кедендік бақылау ұйымы), its press service (Ақорданың баспасөз қызметі)."""
    if e.label not in _QUOTED_LABELS:
        return e
    s, end = e.start, e.end
    if s > 0 and end < len(text) and text[s - 1] in "«\"" and text[end] in "»\"":
        s, end = s - 1, end + 1
    if e.label == "ORGANISATION":
        while (m := _ABBREVIATION_RE.search(text, max(0, s - 12), s)) and not text[m.start() - 1 : m.start()].isalnum():
            s = m.start()
        if e.text.endswith(_GENITIVE) and (m := _BODY_PARTS_RE.match(text, end)) is not None:
            end = m.end()
    if (s, end) == (e.start, e.end):
        return e
    span = text[s:end]
    return Entity(e.label, s, end, span, e.source, base_form(span, e.label), dict(e.extra))


def _add(ents: list[Entity], new: list[Entity]) -> list[Entity]:
    """New rule entities win over the model entities they cover (a wider reading of the same name); where they
    only cross one, the existing entity stays."""
    out = _Spans(ents)
    for n in new:
        inner = out.overlapping(n)
        if all(n.start <= out.items[k].start and out.items[k].end <= n.end for k in inner):  # type: ignore[union-attr]
            out.remove(inner)
            out.append(n)
    return out.entities()


def _positions_with_bodies(text: str, ents: list[Entity]) -> list[Entity]:
    """``Шымкент қаласының әкімі``: a body in the genitive right before a post belongs to the post; the body stays
    an entity of its own, nested."""
    out = _Spans(ents)
    for body in [e for e in ents if e.label in ("ORGANISATION", "GPE") and e.text.endswith(_GENITIVE)]:
        m = _POSITION_RE.match(text, body.end)
        if m is None:
            continue
        post = Entity("POSITION", body.start, m.end(), text[body.start : m.end()], "rule", text[body.start : m.end()])
        near = [(k, o) for k in out.near(body.start, m.end()) if (o := out.items[k]) is not None]
        covered = [(k, o) for k, o in near if o is not body and body.end <= o.start and o.end <= m.end()]
        covered_ents = [o for _, o in covered]
        crossing = [o for _, o in near if o.start < post.end and post.start < o.end and o is not body
                    and o not in covered_ents]  # fmt: skip
        if crossing:
            continue
        out.remove(k for k, o in near if o in covered_ents)
        body.extra["inside"] = "POSITION"
        out.append(post)
    return out.entities()
