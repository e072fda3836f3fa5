import os

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kaznlp import tokenize
from kaznlp.facts import extractor
from kaznlp.facts.extractor import anchors, anchors_by_lookup
from kaznlp.tokenizer import FAST, tokenize_by_pattern


def test_kazakh_tokens():
    text = "ҚР Ақпарат министрлігінің 73%-ға жетті, БАҚ-қа 1 млн. 204 мың т.б. 12,5 мың кВт·сағ 530-ын 90-шы 3G"
    assert tokenize(text).words == [
        "ҚР", "Ақпарат", "министрлігінің", "73", "%-ға", "жетті", ",", "БАҚ-қа", "1", "млн.", "204", "мың",
        "т.б.", "12,5", "мың", "кВт·сағ", "530-ын", "90-шы", "3G",
    ]  # fmt: skip


def test_dates_urls_and_sentence_final_periods():
    text = "Бұйрық 15.11.2016 шықты: https://gov.kz/kk. Барлығы 2017."
    assert tokenize(text).words == [
        "Бұйрық",
        "15.11.2016",
        "шықты",
        ":",
        "https://gov.kz/kk",
        ".",
        "Барлығы",
        "2017",
        ".",
    ]


def test_offsets_on_real_text(seed_text):
    t = tokenize(seed_text)
    assert len(t) == 752
    for w, s, e in zip(t.words, t.starts, t.ends):
        assert seed_text[s:e] == w


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_offsets_on_random_text(text):
    t = tokenize(text)
    last = 0
    for w, s, e in zip(t.words, t.starts, t.ends):
        assert text[s:e] == w and s >= last and w.strip() == w and w
        last = e
    assert "".join(text.split()) == "".join(t.words)  # nothing but whitespace is dropped


def test_spacy_blank_kk_uses_the_kazakh_tokenizer_and_keeps_the_text():
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_sentencizer")
    text = "Министр  73%-ға жетті деді. Бүгінде 1 млн. 204 мың абонент бар.\n"
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc][:6] == ["Министр", " ", "73", "%-ға", "жетті", "деді"]
    assert [s.text for s in doc.sents] == ["Министр  73%-ға жетті деді.", "Бүгінде 1 млн. 204 мың абонент бар.\n"]
    assert doc[2].like_num and doc[10].like_num and not doc[4].like_num
    assert nlp.vocab["және"].is_stop


needs_scanner = pytest.mark.skipif(not FAST and not os.environ.get("CI"), reason="C scanner not built (no compiler)")


@needs_scanner
def test_the_c_scanner_is_built():
    assert FAST, "kaznlp._tokenscan did not build: pip install -e . needs a C compiler"
    assert extractor._c_anchors is not None, "kaznlp._number_anchors did not build"


@needs_scanner
def test_c_scanner_gives_the_patterns_tokens_on_the_corpora(root):
    texts = [p.read_text(encoding="utf-8") for d in ("press", "heldout") for p in (root / "corpora" / d).glob("*.txt")]
    kaznerd = (root / "corpora" / "kaznerd" / "IOB2_valid.txt").read_text(encoding="utf-8")
    texts.append(" ".join(line.rsplit(" ", 1)[0] for line in kaznerd.splitlines()[:40000] if line.strip()))
    for text in texts:
        assert tokenize(text) == tokenize_by_pattern(text)


# the characters where the scanner's shapes end and the pattern's other alternatives begin
_TRICKY = st.sampled_from(
    list("аәқжмнтгбКҚAbz09_²½.,:;!?%+-@/·'’«»()\"\n\t \u00a0\u2009")
    + ["млн.", "т.б.", "ж.", "кВт·сағ", "Мбит/с", "тг.", "http://", "www.", "a@b.kz", "%-ға", "-ын", "...", "?!"]
    + ["т", "б", "з", "с", "млн", "жж", "www", "http", "2024", "12", ". ", ", ", "- ", "+ ", ".»", ".\"", "-«"]
)


@needs_scanner
@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_TRICKY, max_size=30).map("".join)))
def test_c_scanner_gives_the_patterns_tokens_on_random_text(text):
    assert tokenize(text) == tokenize_by_pattern(text)


@needs_scanner
def test_c_scanner_classifies_every_latin_and_cyrillic_character_as_the_pattern_does():
    # the scanner reads the classes of code points below 0x500 from a table; every one of them, in and around words
    for c in map(chr, range(0x600)):
        text = f"а{c}б {c}1 7{c} ә-{c}і {c}"
        assert tokenize(text) == tokenize_by_pattern(text), hex(ord(c))


# number words and their look-alikes, cased and inflected, and characters outside the C helper's table
_ANCHOR_TRICKY = st.sampled_from(
    ["бір", "Бір", "БІР", "екі", "Екіншісі", "он", "Он", "онға", "отыз", "мың", "млн", "жарты", "ширек", "үш"]
    + ["бала", "оның", "жол", "Ол", "a", "İki", "İ", "ǅx", "σς", "2016", "5-ші", "²", "١٢", "ab", "ОН"]
)


@needs_scanner
@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_ANCHOR_TRICKY, max_size=20).map(" ".join)))
def test_c_anchors_are_the_lookup_anchors_on_random_text(text):
    words = tokenize(text).words
    assert anchors(words) == anchors_by_lookup(words)


@needs_scanner
def test_c_anchors_are_the_lookup_anchors_on_the_corpora(root):
    for p in [*(root / "corpora" / "press").glob("*.txt"), *(root / "corpora" / "heldout").glob("*.txt")]:
        words = tokenize(p.read_text(encoding="utf-8")).words
        assert anchors(words) == anchors_by_lookup(words)
        assert len(anchors(words)) > 0


def test_whitespace_is_every_space_character():
    import sys

    from kaznlp.tokenizer import WHITESPACE

    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) == WHITESPACE
