"""Document records as HTML: the text with every fact and entity highlighted, a table of facts, a list of entities.

The renderer works on records (``Document.to_record()``, or rows of an index read back with
:func:`kaznlp.records.from_row`), so the page shows exactly what the JSON says. Facts are ``<mark class="f
f-TYPE">`` elements, entities ``<span class="e e-LABEL">``; each carries its offsets and, in a tooltip shown on
hover or focus, its value, unit, qualifier, object, indicator and linked entities (for an entity: its label, base
form, expansion, the name it sits inside, and its source). Overlapping spans nest; where two cross, the entity is
split at the fact's edge (facts stay whole), and any other crossing span is closed and opened again: the pieces
after the first carry the class ``cont``. Every piece of text is escaped (Jinja2's autoescape in the templates,
:func:`html.escape` here): a release that contains ``<script>`` shows it as text.

A page from :func:`render_page` with ``standalone=True`` holds its CSS and its few lines of JavaScript, and a
Content-Security-Policy that lets it load nothing: it opens without a network or a server.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from markupsafe import Markup

from ..records import FACT_TYPES

__all__ = [
    "QUALIFIERS", "format_number", "format_value", "highlight", "environment", "document_context", "render_page",
    "static_text", "fact_anchor",
]  # fmt: skip

QUALIFIERS = {
    "more_than": "more than",
    "at_least": "at least",
    "less_than": "less than",
    "at_most": "at most",
    "approximately": "approximately",
}
# entity labels with a colour of their own in kaznlp.css; the rest share one
ENTITY_COLOURS = (
    "PERSON", "ORGANISATION", "GPE", "LOCATION", "POSITION", "PROJECT", "LAW", "EVENT", "FACILITY", "NORP",
    "PRODUCT", "ART", "DISEASE",
)  # fmt: skip
_CLASS_SAFE = re.compile(r"[^A-Za-z0-9_-]")


def _css_name(s: str) -> str:
    return _CLASS_SAFE.sub("_", s)


def fact_class(fact_type: str) -> str:
    return "f-" + (fact_type if fact_type in FACT_TYPES else "other")


def entity_class(label: str) -> str:
    return "e-" + (label if label in ENTITY_COLOURS else "other")


# ---------------------------------------------------------------- values
def format_number(v: Any) -> str:
    """A number for people: thousands apart by a space, a decimal comma (``29 000 000``, ``12,5``)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e16:
        v = int(v)
    s = f"{v:,}" if isinstance(v, int) else f"{v:,.10g}"
    return s.replace(",", " ").replace(".", ",")


def format_value(rec: Mapping[str, Any]) -> str:
    """A fact's value as the page shows it: the number (or EDTF date), the upper bound of a range, the unit."""
    v, vmax, unit = rec.get("value"), rec.get("value_max"), rec.get("unit")
    if v is None and vmax is None:
        return "—"
    s = format_number(v) if v is not None else "…"
    if vmax is not None:
        s += "–" + format_number(vmax)
    if unit:
        s += " " + str(unit)
    return s


def fact_anchor(prefix: str, start: int, end: int) -> str:
    """The id of a fact's mark: stable across pages (search results link to it)."""
    return f"{prefix}fact-{start}-{end}"


# ---------------------------------------------------------------- highlighting
class _Ann(NamedTuple):
    start: int
    end: int
    rank: int  # 0 fact, 1 entity: a fact is outside an entity of the same extent
    key: tuple[str, int]  # ("f", i) or ("e", j): the pieces of one span share it


_esc = html.escape  # quote=True: & < > " ' all escaped, in text and in attribute values alike; faster than Markup's


def _row(name: str, value: Any) -> str:
    return f'<span class="row"><b>{_esc(name)}</b> {_esc(str(value))}</span>'


def _fact_tip(f: Mapping[str, Any]) -> str:
    rows = [f'<span class="tip-h">{_esc(str(f.get("type", "")))}</span>']
    rows.append(f'<span class="row"><b>value</b> <span class="tip-value">{_esc(format_value(f))}</span></span>')
    if f.get("qualifier"):
        rows.append(_row("qualifier", QUALIFIERS.get(f["qualifier"], f["qualifier"])))
    if f.get("object"):
        rows.append(_row("object", f["object"]))
    if f.get("indicator"):
        rows.append(_row("indicator", f["indicator"]))
    if f.get("partial") == "no_year":
        rows.append(_row("date", "no year"))
    if f.get("year_from") == "doc_date":
        rows.append(_row("year", "from the document date"))
    for link in f.get("entities") or ():
        base = link.get("base")
        what = f"{link.get('text', '')} ({link.get('label', '')})" + (f" → {base}" if base and base != link.get("text")
                                                                       else "")  # fmt: skip
        rows.append(_row(link.get("role", "entity"), what))
    return '<span class="tip" role="tooltip">' + "".join(rows) + "</span>"


def _entity_tip(e: Mapping[str, Any]) -> str:
    rows = [f'<span class="tip-h">{_esc(str(e.get("label", "")))}</span>']
    if e.get("base"):
        rows.append(_row("base", e["base"]))
    if e.get("expansion"):
        rows.append(_row("expansion", e["expansion"]))
    if e.get("inside"):
        rows.append(_row("inside", e["inside"]))
    rows.append(_row("source", e.get("source") or "?"))
    return '<span class="tip" role="tooltip">' + "".join(rows) + "</span>"


def _open_fact(f: Mapping[str, Any], i: int, prefix: str, first: bool) -> str:
    cls = f"f {fact_class(str(f.get('type')))}" + ("" if first else " cont")
    if not first:
        return f'<mark class="{cls}" data-fact="{i}">'
    attrs = {
        "id": fact_anchor(prefix, f["start"], f["end"]),
        "data-fact": str(i),
        "data-type": f.get("type", ""),
        "data-value": json.dumps(f.get("value"), ensure_ascii=False),
        "data-start": str(f["start"]),
        "data-end": str(f["end"]),
    }
    if f.get("value_max") is not None:
        attrs["data-value-max"] = json.dumps(f["value_max"], ensure_ascii=False)
    a = "".join(f' {k}="{_esc(str(v))}"' for k, v in attrs.items())
    return f'<mark class="{cls}"{a} tabindex="0">{_fact_tip(f)}'


def _open_entity(e: Mapping[str, Any], j: int, first: bool) -> str:
    label = str(e.get("label", ""))
    cls = f"e {entity_class(label)}" + ("" if first else " cont")
    if not first:
        return f'<span class="{cls}" data-entity="{j}">'
    return (f'<span class="{cls}" data-entity="{j}" data-label="{_esc(label)}" data-start="{e["start"]}" '
            f'data-end="{e["end"]}" tabindex="0">{_entity_tip(e)}')  # fmt: skip


def _split_entities(
    facts: Sequence[Mapping[str, Any]], entities: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int, int]]:
    """(start, end, entity index) pieces: an entity that crosses a fact is cut at the fact's edge."""
    order = sorted(range(len(facts)), key=lambda i: facts[i]["start"])
    starts = [facts[i]["start"] for i in order]
    longest = max((f["end"] - f["start"] for f in facts), default=0)
    pieces = []
    for j, e in enumerate(entities):
        s, t = e["start"], e["end"]
        cuts = set()
        for k in range(bisect_left(starts, s - longest), bisect_left(starts, t)):
            fs, fe = facts[order[k]]["start"], facts[order[k]]["end"]
            if fs < s < fe < t:
                cuts.add(fe)
            elif s < fs < t < fe:
                cuts.add(fs)
        edges = [s, *sorted(cuts), t]
        pieces += [(a, b, j) for a, b in zip(edges, edges[1:])]
    return pieces


def highlight(
    text: str,
    facts: Sequence[Mapping[str, Any]] = (),
    entities: Sequence[Mapping[str, Any]] = (),
    prefix: str = "",
) -> Markup:
    """``text`` as HTML with each fact (records with ``start``, ``end``, ``type``, ``value`` ...) and entity
    (``label``, ...) marked; ``prefix`` keeps element ids apart where a page holds many documents."""
    anns = [_Ann(f["start"], f["end"], 0, ("f", i)) for i, f in enumerate(facts) if f["end"] > f["start"]]
    anns += [_Ann(s, t, 1, ("e", j)) for s, t, j in _split_entities(facts, entities) if t > s]
    anns.sort(key=lambda a: (a.start, -a.end, a.rank))
    bounds = sorted({0, len(text), *(a.start for a in anns), *(a.end for a in anns)})
    out: list[str] = []
    stack: list[_Ann] = []
    active: list[_Ann] = []
    opened: set[tuple[str, int]] = set()
    k = 0
    for b, nxt in zip(bounds, bounds[1:]):
        active = [a for a in active if a.end > b]
        while k < len(anns) and anns[k].start <= b:
            if anns[k].end > b:
                active.append(anns[k])
            k += 1
        active.sort(key=lambda a: (a.start, -a.end, a.rank))
        same = 0
        while same < len(stack) and same < len(active) and stack[same] is active[same]:
            same += 1
        for a in reversed(stack[same:]):
            out.append("</mark>" if a.rank == 0 else "</span>")
        del stack[same:]
        for a in active[same:]:
            first = a.key not in opened
            opened.add(a.key)
            kind, i = a.key
            out.append(_open_fact(facts[i], i, prefix, first) if kind == "f" else _open_entity(entities[i], i, first))
            stack.append(a)
        out.append(_esc(text[b:nxt]))
    for a in reversed(stack):
        out.append("</mark>" if a.rank == 0 else "</span>")
    return Markup("".join(out))


# ---------------------------------------------------------------- pages
@cache
def static_text(name: str) -> str:
    """A file of the package's ``static`` folder (CSS, JavaScript)."""
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


@cache
def environment():
    """The Jinja2 environment of kaznlp's templates: autoescape on for every template."""
    from jinja2 import Environment, PackageLoader

    env = Environment(
        loader=PackageLoader("kaznlp.web", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters.update(
        number=format_number,
        value=format_value,
        qualifier=lambda q: QUALIFIERS.get(q, q) if q else "",
        fact_class=fact_class,
        entity_class=entity_class,
        css_name=_css_name,
    )
    env.globals.update(FACT_TYPES=FACT_TYPES, QUALIFIERS=QUALIFIERS, fact_anchor=fact_anchor)
    return env


def _legend(facts: Iterable[Mapping[str, Any]], entities: Iterable[Mapping[str, Any]]) -> dict[str, list]:
    ft = Counter(str(f.get("type")) for f in facts)
    el = Counter(str(e.get("label")) for e in entities)
    return {
        "facts": [(t, ft[t]) for t in FACT_TYPES if ft[t]] + [(t, n) for t, n in ft.items() if t not in FACT_TYPES],
        "entities": sorted(el.items(), key=lambda x: (-x[1], x[0])),
    }


def document_context(rec: Mapping[str, Any], k: int = 0, ner: bool = True) -> dict[str, Any]:
    """What the templates need of one document record: its fields, the highlighted text, the legend; ``ner``:
    entities were asked for."""
    facts = sorted(rec.get("facts") or (), key=lambda f: (f["start"], f["end"]))
    entities = sorted(rec.get("entities") or (), key=lambda e: (e["start"], -e["end"]))
    prefix = f"d{k}-"
    return {
        "id": rec.get("id"),
        "title": rec.get("title"),
        "url": rec.get("url"),
        "doc_date": rec.get("doc_date"),
        "language": rec.get("language"),
        "n_tokens": rec.get("n_tokens"),
        "prefix": prefix,
        "facts": facts,
        "entities": entities,
        "legend": _legend(facts, entities),
        "markup": highlight(rec.get("text") or "", facts, entities, prefix),
        "ner": ner,
    }


def render_page(
    docs: Iterable[Mapping[str, Any]],
    title: str = "kaznlp",
    standalone: bool = True,
    ner: bool = True,
    **context: Any,
) -> str:
    """A whole HTML page of document records. ``standalone``: CSS and JavaScript inline, a Content-Security-Policy
    that loads nothing (``kaznlp render``); else the page of ``kaznlp serve``, which links its static files."""
    css, js = static_text("kaznlp.css"), static_text("kaznlp.js")
    page = {
        "title": title,
        "docs": [document_context(d, k, ner) for k, d in enumerate(docs)],
        "standalone": standalone,
        "css": Markup(css),
        "js": Markup(js),
        "css_hash": _csp_hash(css),
        "js_hash": _csp_hash(js),
        **context,
    }
    return environment().get_template("render.html").render(page)
