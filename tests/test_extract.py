import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kaznlp
from kaznlp.scoring.facts import load_gold, score


def test_seed_release_first_facts_exact(seed_text):
    recs = list(kaznlp.extract(seed_text).fact_records())
    first = [
        {k: r[k] for k in ("type", "text", "start", "end", "value", "unit", "qualifier", "object")} for r in recs[:5]
    ]
    assert first == [
        {"type": "duration", "text": "9 айдың", "start": 68, "end": 75, "value": 9, "unit": "month", "qualifier": None, "object": None},
        {"type": "duration", "text": "25 жылдығы", "start": 160, "end": 170, "value": 25, "unit": "year", "qualifier": None, "object": None},
        {"type": "duration", "text": "ширек ғасырының", "start": 328, "end": 343, "value": 25, "unit": "year", "qualifier": None, "object": None},
        {"type": "date", "text": "90-шы жылдардың", "start": 744, "end": 759, "value": "199X", "unit": None, "qualifier": None, "object": None},
        {"type": "quantity", "text": "12,5 мың шақырымнан астам", "start": 809, "end": 834, "value": 12500, "unit": "km", "qualifier": "more_than", "object": "магистраль"},
    ]  # fmt: skip
    ranks = [(r["value"], r["indicator"]) for r in recs if r["type"] == "ranking"]
    assert ranks == [
        (39, "желілік дайындық"),
        (41, "Интернетті пайдаланушылар тығыздығы"),
        (38, "АКТ саласындағы заңнаманың даму деңгейі"),
        (33, "Электрондық үкімет"),
    ]


def _scores(root, folder):
    gold = load_gold([root / "corpora" / "gold"])
    pred = {}
    for p in sorted((root / "corpora" / folder).glob("*.txt")):
        pred[p.stem] = list(kaznlp.extract(p.read_text(encoding="utf-8")).fact_records())
    return score({d: gold[d] for d in pred}, pred).summary()


def test_seed_release_meets_the_bar(root):
    s = _scores(root, "press")
    assert s["f1"] >= 0.95 and s["unit_accuracy"] >= 0.95 and s["qualifier_accuracy"] >= 0.95


def test_held_out_kaznerd_sentences_meet_the_bar(root):
    s = _scores(root, "heldout")
    assert s["matched"] >= 80
    assert s["f1"] >= 0.93 and s["unit_accuracy"] >= 0.95 and s["qualifier_accuracy"] >= 0.95


def test_doc_date_fills_a_missing_year():
    doc = kaznlp.extract("1 қазандағы жағдай бойынша абоненттер саны өсті.", doc_date="2016-11-25")
    (fact,) = doc.facts
    assert (fact.value, fact.extra["year_from"]) == ("2016-10-01", "doc_date")
    assert kaznlp.extract("1 қазандағы жағдай бойынша").facts[0].value == "--10-01"


def test_offsets_point_into_the_original_after_normalisation():
    text = "Жоба\u00a0бойынша 1\u00a0млн.\u00a0204 мың абонент, кемінде 65\u200b% қызмет, и\u0306 12,5 мың шақырым."
    doc = kaznlp.extract(text)
    assert [(f.type, f.value) for f in doc.facts] == [("count", 1204000), ("percentage", 65), ("quantity", 12500)]
    for f in doc.facts:
        assert text[f.start : f.end] == f.text
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text


FRAGMENTS = [
    "29 млн. астам", "қызмет", "73%-ға", "1 қазандағы", "\u00a0", "\u200b", "«бір терезе»", "12,5 мың шақырым",
    "үш", "жүз", "бірінші орын", ". ", "\n", "и\u0306", "Қaзaқ", "кемінде", "2017 жылы", "5-7 пайыз", "₸", "-",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=25).map(" ".join))
def test_every_fact_and_token_offset_holds_on_random_text(text):
    doc = kaznlp.extract(text)
    for f in doc.facts:
        assert text[f.start : f.end] == f.text
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text


def test_pipe_in_parallel_gives_the_same_records(seed_text):
    nlp = kaznlp.load()
    texts = [seed_text, "Жобаға 1,2 млрд теңге бөлінді.", ""]
    serial = [list(d.fact_records()) for d in nlp.pipe(texts)]
    parallel = [list(d.fact_records()) for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert serial == parallel and len(serial[0]) == 34


def test_documents_and_facts_survive_pickling(seed_text):
    # how records travel to and from worker processes, compiled or not
    import pickle

    doc = kaznlp.extract(seed_text)
    back = pickle.loads(pickle.dumps(doc))
    assert back.facts == doc.facts and len(back.facts) == 34
    assert [f.to_dict() for f in back.facts] == [f.to_dict() for f in doc.facts]


def test_the_ner_backend_is_named_by_its_model():
    assert kaznlp.Pipeline().backend == "spacy"
    assert kaznlp.Pipeline(backend="rules").backend == "spacy"  # the old name still works
    assert kaznlp.load(backend="rules") is kaznlp.load(backend="spacy")
    with pytest.raises(ValueError, match="use 'spacy' .* or 'stanza'"):
        kaznlp.Pipeline(ner=True, backend="crf")


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([*"IVXLCІХСivxlcіхсᲃıİ5-'ᲂ \n", "орын", "ОРЫН", "Орн", "ᲂрын", "XV ", "орнына"]),
                max_size=12).map("".join))  # fmt: skip
def test_roman_places_are_the_patterns_matches_at_token_starts(text):
    """Tried only at tokens of Roman letters alone (the C helper), the case-blind pattern finds what it finds in
    the whole text at token starts."""
    import importlib

    from kaznlp.tokenizer import tokenize

    extractor = importlib.import_module("kaznlp.facts.extractor")
    tokens = tokenize(text)
    assert extractor._roman_places(text, tokens.words, tokens.starts) == extractor._roman_places_here(text, tokens.starts)
    assert extractor._roman_places("XV орынға шықты", ["XV", "орынға", "шықты"], [0, 3, 10]) == [0]


def test_the_roman_letters_that_the_pattern_matches_are_all_tried():
    import importlib
    import re

    extractor = importlib.import_module("kaznlp.facts.extractor")
    letter = re.compile(rf"[{extractor.ROMAN_LETTERS}]", re.IGNORECASE)
    tried = set(extractor._roman_chars())
    assert all(c in tried for c in map(chr, range(0x110000)) if letter.fullmatch(c))
