"""Press-release gold as training sentences for the NER tagger: tagged where the gold decides, missing elsewhere."""

from __future__ import annotations

import spacy
from click.testing import CliRunner

from kaznlp.cli import main
from kaznlp.ner.press_corpus import GoldText, outer_mentions, press_docs, read_unscored, write_unscored

TEXT = "Шиелі ауданының әкімі Қ. Ермекбаев 2024 жылы «Нұрлы жол» бағдарламасы туралы айтты. Министрлік мәлімдеді."


def _mention(snippet: str, label: str, **extra) -> dict:
    i = TEXT.index(snippet)
    return {"start": i, "end": i + len(snippet), "label": label, **extra}


GOLD = [
    _mention("Шиелі ауданының әкімі", "POSITION"),
    _mention("Шиелі ауданының", "GPE", inside="POSITION"),
    _mention("Қ. Ермекбаев", "PERSON"),
    _mention("«Нұрлы жол» бағдарламасы", "PROJECT"),
    _mention("Министрлік", "ORGANISATION", optional=True),
]
DATE = TEXT.index("2024 жылы")


def test_outer_mentions_leave_the_body_inside_a_post_to_the_rules():
    outer, optional = outer_mentions(GOLD)
    assert [TEXT[s:e] for s, e, _ in outer] == ["Шиелі ауданының әкімі", "Қ. Ермекбаев", "«Нұрлы жол» бағдарламасы"]
    assert [TEXT[s:e] for s, e, _ in optional] == ["Министрлік"]


def test_sentences_are_tagged_where_the_gold_decides_and_missing_where_it_is_silent():
    docs = press_docs(spacy.blank("kk"), [GoldText("d", TEXT, GOLD)], {"d": [(DATE, DATE + 9, "DATE")]})
    assert [[(t.text, t.tag_) for t in d] for d in docs] == [
        [("Шиелі", "B-POSITION"), ("ауданының", "I-POSITION"), ("әкімі", "I-POSITION"),
         ("Қ", "B-PERSON"), (".", "I-PERSON"), ("Ермекбаев", "I-PERSON"),
         ("2024", ""), ("жылы", ""),  # a date: not the gold's business, so no label either way
         ("«", "B-PROJECT"), ("Нұрлы", "I-PROJECT"), ("жол", "I-PROJECT"), ("»", "I-PROJECT"),
         ("бағдарламасы", "I-PROJECT"), ("туралы", "O"), ("айтты", "O"), (".", "O")],
        [("Министрлік", ""), ("мәлімдеді", "O"), (".", "O")],  # optional in the gold: no label
    ]  # fmt: skip


def test_a_mention_across_a_sentence_end_is_missing_in_both_sentences():
    text = "Шымкент\nқаласында жаңа зауыт ашылды."  # every line break ends a sentence
    gold = [{"start": 0, "end": 17, "label": "GPE"}]
    docs = press_docs(spacy.blank("kk"), [GoldText("d", text, gold)], {})
    tags = [t.tag_ for d in docs for t in d]
    assert [d.text for d in docs] == ["Шымкент", "қаласында жаңа зауыт ашылды."]
    assert tags == ["", "", "O", "O", "O", "O"]


def test_missing_tags_are_skipped_by_the_tagger_loss():
    from spacy.training import Example

    doc = press_docs(spacy.blank("kk"), [GoldText("d", TEXT, GOLD)], {"d": [(DATE, DATE + 9, "DATE")]})[0]
    aligned = Example(spacy.blank("kk").make_doc(TEXT[: len(doc.text)]), doc).get_aligned("TAG", as_string=True)
    assert aligned[6:8] == ["", ""] and aligned[5] == "I-PERSON"  # spaCy's tagger turns "" into a missing value


def test_unscored_spans_round_trip_through_their_file(tmp_path):
    path = tmp_path / "unscored.tsv"
    write_unscored(path, [("d", DATE, DATE + 9, "DATE", "2024 жылы"), ("d", 0, 2, "CARDINAL", 'a\t"b')], "a model")
    assert read_unscored(path) == {"d": [(DATE, DATE + 9, "DATE"), (0, 2, "CARDINAL")]}
    assert path.read_text(encoding="utf-8").startswith("# spans of KazNERD's other classes")


def test_train_ner_wants_the_texts_of_its_gold(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "d.jsonl").write_text('{"doc": "d", "start": 0, "end": 5, "label": "GPE"}\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["train-ner", "--gold-entities", str(gold), "-o", str(tmp_path / "m")])
    assert res.exit_code == 2 and "--gold-texts" in res.output


def test_neutral_tagging_leaves_out_what_the_spec_and_kaznerd_write_differently():
    text = "Шиелі ауданында «Нұрлы жол» бағдарламасы және «Астана Опера» театры жұмыс істейді."

    def m(snippet: str, label: str) -> dict:
        i = text.index(snippet)
        return {"start": i, "end": i + len(snippet), "label": label}

    gold = [m("Шиелі ауданында", "GPE"), m("«Нұрлы жол» бағдарламасы", "PROJECT"), m("«Астана Опера»", "ORGANISATION")]
    [doc] = press_docs(spacy.blank("kk"), [GoldText("d", text, gold)], {}, neutral=True)
    assert [(t.text, t.tag_) for t in doc][:12] == [
        ("Шиелі", "B-GPE"), ("ауданында", ""),  # the kind word: inside by the spec, either way in KazNERD
        ("«", ""), ("Нұрлы", "B-PROJECT"), ("жол", "I-PROJECT"), ("»", "I-PROJECT"), ("бағдарламасы", "I-PROJECT"),
        ("және", "O"), ("«", ""), ("Астана", "B-ORGANISATION"), ("Опера", "I-ORGANISATION"), ("»", ""),
    ]  # fmt: skip
