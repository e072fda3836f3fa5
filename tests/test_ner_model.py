"""The parts of the NER model that kaznlp owns: IOB2 tags in the training corpus, their decoding into entities,
and the stem that the model sees as each token's NORM."""

import pytest
import spacy

from kaznlp.lang.kk import language  # noqa: F401 - registers kk and the kk_tags_to_ents component
from kaznlp.ner.components import tags_to_spans
from kaznlp.ner.corpus import to_doc, to_sentence


def test_iob2_tags_decode_as_seqeval_does():
    tags = ["O", "I-GPE", "I-GPE", "B-PERSON", "I-PERSON", "I-ORGANISATION", "O", "B-DATE", "B-DATE"]
    assert tags_to_spans(tags) == [
        (1, 3, "GPE"),
        (3, 5, "PERSON"),
        (5, 6, "ORGANISATION"),
        (7, 8, "DATE"),
        (8, 9, "DATE"),
    ]
    assert tags_to_spans(["B-GPE"]) == [(0, 1, "GPE")]
    assert tags_to_spans([]) == [] and tags_to_spans(["O", "O"]) == []


def test_training_docs_carry_iob2_tags_on_both_tokenizations():
    nlp = spacy.blank("kk")
    pairs = [
        ("ҚР", "B-GPE"),
        ("Президенті", "B-POSITION"),
        ("Қасым-Жомарт", "B-PERSON"),
        ("Тоқаев", "I-PERSON"),
        ("4", "B-PERCENTAGE"),
        (",", "I-PERCENTAGE"),
        ("5", "I-PERCENTAGE"),
        ("%-ке", "I-PERCENTAGE"),
        ("өсті", "O"),
        (".", "O"),
    ]
    sent = to_sentence(pairs)
    assert sent.text == "ҚР Президенті Қасым-Жомарт Тоқаев 4,5%-ке өсті."
    gold = to_doc(nlp, sent, gold_tokens=True)
    assert [t.tag_ for t in gold] == [t for _, t in pairs]
    own = to_doc(nlp, sent)
    assert [(t.text, t.tag_) for t in own][4:] == [
        ("4,5", "B-PERCENTAGE"),
        ("%-ке", "I-PERCENTAGE"),
        ("өсті", "O"),
        (".", "O"),
    ]


def test_tags_to_ents_sets_entities_and_clears_the_tags():
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_tags_to_ents", name="ner")
    doc = nlp.make_doc("Министр Дәурен Абаев Астанада болды.")
    for tok, tag in zip(doc, ["B-POSITION", "B-PERSON", "I-PERSON", "B-GPE", "O", "O"]):
        tok.tag_ = tag
    doc = nlp.get_pipe("ner")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Министр", "POSITION"),
        ("Дәурен Абаев", "PERSON"),
        ("Астанада", "GPE"),
    ]
    assert all(t.tag_ == "" for t in doc)


def test_norm_is_the_lowercased_stem_so_case_forms_share_a_feature():
    nlp = spacy.blank("kk")
    doc = nlp("Абаевтың ҚР Ақпарат министрлігінің АҚШ-тың 73%-ға")
    assert [t.norm_ for t in doc] == ["абаев", "қр", "ақпарат", "министрлік", "ақш", "73", "%-ға"]
    # a token changed by normalisation (a Latin homoglyph) gets the stem of its normalised form
    assert spacy.blank("kk")("Aстанада")[0].norm_ == "астана"


def test_twin_sentences_stay_on_one_side_of_the_dev_split():
    from kaznlp.ner.train import split_dev, twin_key

    def sent(text: str) -> list[tuple[str, str]]:
        return [(w, "O") for w in text.split()]

    twins = [sent("20 арнайы техника пайдаланылуда ."), sent("Жиырма арнайы техника пайдаланылуда .")]
    assert twin_key(twins[0]) == twin_key(twins[1]) == "арнайы техника пайдаланылуда ."
    others = [sent(f"Сөйлем {k} туралы {w} .") for k, w in enumerate("абвгдежзийклмнопрстуфхцчшщ")]
    for seed in range(5):
        dev, train = split_dev(twins + others, seed=seed)
        assert len(dev) + len(train) == 28 and len(dev) >= 3
        assert (twins[0] in dev) == (twins[1] in dev)


def test_without_holdout_every_sentence_trains_and_dev_is_still_written(tmp_path):
    from spacy.tokens import DocBin

    from kaznlp.ner.train import build_corpus

    valid = tmp_path / "valid.txt"
    valid.write_text(
        "".join(f"Сөйлем {w}{v} O\nАстанада B-GPE\nөтті O\n. O\n\n" for w in "абвгдеж" for v in "әіқұү"),
        encoding="utf-8",
    )
    sizes = {}
    for holdout in (True, False):
        train, dev = build_corpus(valid, tmp_path / str(holdout), holdout=holdout, press_share=0)
        sizes[holdout] = (len(DocBin().from_disk(train)), len(DocBin().from_disk(dev)))
    dev_n = sizes[True][1]
    assert 3 <= dev_n < 35 and sizes[False][1] == dev_n
    # each training sentence is given twice (kaznlp tokens and gold tokens)
    assert sizes[True][0] == 2 * (35 - dev_n) and sizes[False][0] == 2 * 35
    # with press-release copies, the same dev and more training documents, the same ones on every run
    a = build_corpus(valid, tmp_path / "p1", press_share=1.0)
    b = build_corpus(valid, tmp_path / "p2", press_share=1.0)
    assert len(DocBin().from_disk(a[1])) == dev_n
    assert len(DocBin().from_disk(a[0])) == 3 * (35 - dev_n)
    assert a[0].read_bytes() == b[0].read_bytes()
    assert (tmp_path / "p1" / "dev-press.iob2").read_text(encoding="utf-8").count("АСТАНАДА B-GPE") == dev_n


def test_press_variants_keep_their_entities_on_the_words():
    from kaznlp.ner.corpus import to_sentence
    from kaznlp.ner.train import press_variants, run_into, upper_sentence, without_final_punct

    s = to_sentence([("Шымкентте", "B-GPE"), ("зауыт", "O"), ("ашылды", "O"), (".", "O")])
    t = to_sentence([("Ержан", "B-PERSON"), ("Әлиев", "I-PERSON"), ("келді", "O"), ("!", "O")])
    head = upper_sentence(without_final_punct(s))
    assert head.text == "ШЫМКЕНТТЕ ЗАУЫТ АШЫЛДЫ" and [head.text[a:b] for a, b, _ in head.entities] == ["ШЫМКЕНТТЕ"]
    both = run_into(head, t)
    assert both.text == "ШЫМКЕНТТЕ ЗАУЫТ АШЫЛДЫ Ержан Әлиев келді!"
    assert [(both.text[a:b], lab) for a, b, lab in both.entities] == [("ШЫМКЕНТТЕ", "GPE"), ("Ержан Әлиев", "PERSON")]
    assert all(both.text[a:b] and not both.text[a:b].isspace() for a, b in both.tokens)
    kinds = press_variants([s, t] * 50, share=1.0)
    assert len(kinds) == 100 and press_variants([s, t] * 50, share=1.0) == kinds
    assert press_variants([s, t] * 50, share=0.0) == []
    for v in kinds:  # every copy: the entities are the same words, as written or in capitals
        assert {v.text[a:b].lower() for a, b, _ in v.entities} <= {"шымкентте", "ержан әлиев"}


def test_the_frozen_split_is_used_only_for_its_own_valid_file(tmp_path):
    import hashlib

    from kaznlp.ner.corpus import read_iob2
    from kaznlp.ner.train import read_split

    valid = tmp_path / "valid.txt"
    valid.write_text("".join(f"Сөз{k} O\n\n" for k in range(4)), encoding="utf-8")
    pairs = list(read_iob2(valid))
    digest = hashlib.sha256(valid.read_bytes()).hexdigest()
    split = tmp_path / "split.txt"
    split.write_text(f"# sha256 {digest}\ndev 2\ntrain 0\ntrain 3\ntrain 1\n", encoding="utf-8")
    dev, train = read_split(split, valid, pairs)
    assert dev == [pairs[2]] and train == [pairs[0], pairs[3], pairs[1]]
    split.write_text("# sha256 0000\ndev 2\ntrain 0\ntrain 3\ntrain 1\n", encoding="utf-8")
    assert read_split(split, valid, pairs) is None
    split.write_text(f"# sha256 {digest}\ndev 2\ntrain 0\n", encoding="utf-8")
    assert read_split(split, valid, pairs) is None


def test_a_model_trained_without_holdout_carries_no_dev_scores(tmp_path):
    import json

    from kaznlp.ner.train import write_meta

    for holdout in (True, False):
        (tmp_path / "meta.json").write_text(json.dumps({"lang": "kk", "performance": {"ents_f": 1.0}}))
        write_meta(tmp_path, holdout=holdout)
        meta = json.loads((tmp_path / "meta.json").read_text())
        assert ("performance" in meta) == holdout
        assert ("all of KazNERD IOB2_valid" in meta["description"]) != holdout
        assert meta["license"].startswith("CC BY 4.0")


def test_fine_tuning_starts_every_component_from_the_given_model(tmp_path):
    from pathlib import Path

    from kaznlp.entities import model_path
    from kaznlp.ner.train import sourced_config

    shipped = model_path()
    if shipped is None:
        pytest.skip("no model installed")
    root = Path(__file__).resolve().parent.parent
    cfg_path = sourced_config(root / "models" / "ner" / "config.cfg", Path(shipped), tmp_path / "config.cfg")
    cfg = spacy.util.load_config(cfg_path)
    assert all(cfg["components"][name] == {"source": str(Path(shipped).resolve())} for name in cfg["nlp"]["pipeline"])
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
    model = spacy.load(shipped)
    for name in ("tok2vec", "ner_tagger"):
        assert nlp.get_pipe(name).model.to_bytes() == model.get_pipe(name).model.to_bytes()


def test_an_i_tag_that_continues_nothing_is_decoded_again_by_viterbi():
    import numpy

    from kaznlp.ner.components import constrained_tags, iob_transitions

    labels = ("B-GPE", "B-PERSON", "I-GPE", "I-PERSON", "O")
    allowed, first = iob_transitions(labels)
    # token by token: O, I-GPE, I-GPE — invalid; the best valid reading makes the second token B-GPE
    scores = numpy.array(
        [[0.1, 0.0, 0.0, 0.0, 0.9], [0.3, 0.0, 0.6, 0.0, 0.1], [0.0, 0.0, 0.9, 0.0, 0.1]], dtype="float32"
    )
    assert [labels[k] for k in constrained_tags(scores, allowed, first)] == ["O", "B-GPE", "I-GPE"]
    # I-PERSON after B-GPE is invalid too: here reading the first token as B-PERSON costs least
    scores = numpy.array([[0.6, 0.4, 0.0, 0.0, 0.0], [0.0, 0.0, 0.2, 0.8, 0.0]], dtype="float32")
    assert [labels[k] for k in constrained_tags(scores, allowed, first)] == ["B-PERSON", "I-PERSON"]
    # a valid sequence is each token's own best tag
    scores = numpy.array([[0.2, 0.7, 0.0, 0.0, 0.1], [0.0, 0.0, 0.0, 0.6, 0.4]], dtype="float32")
    assert [labels[k] for k in constrained_tags(scores, allowed, first)] == ["B-PERSON", "I-PERSON"]


def test_viterbi_runs_only_around_an_invalid_transition_and_finds_the_same_path():
    import numpy

    from kaznlp.ner import components
    from kaznlp.ner.components import constrained_tags, iob_transitions

    labels = ("B-GPE", "B-PERSON", "I-GPE", "I-PERSON", "O")
    allowed, first = iob_transitions(labels)
    sure_o = [0.01, 0.01, 0.01, 0.01, 0.96]
    # forty sure O's, then O I-GPE I-GPE (invalid), forty more: only the three-token stretch is decoded again
    scores = numpy.array([sure_o] * 40 + [[0.1, 0.0, 0.0, 0.0, 0.9], [0.3, 0.0, 0.6, 0.0, 0.1],
                                          [0.0, 0.0, 0.9, 0.0, 0.1]] + [sure_o] * 40, dtype="float32")  # fmt: skip
    seen = []
    real = components._viterbi
    components._viterbi = lambda logp, a, f: seen.append(len(logp)) or real(logp, a, f)
    try:
        tags = [labels[k] for k in constrained_tags(scores, allowed, first)]
    finally:
        components._viterbi = real
    assert tags[39:44] == ["O", "O", "B-GPE", "I-GPE", "O"] and tags.count("O") == 81
    assert seen == [2]  # the O before I-GPE is sure enough that no valid path changes it

    # on any scores the result is a best valid path: the Viterbi path over the whole document scores the same
    rng = numpy.random.default_rng(7)
    for _ in range(3000):
        n = int(rng.integers(1, 14))
        s = rng.dirichlet(numpy.ones(5) * rng.choice([0.1, 0.5, 2.0]), size=n).astype("float32")
        logp = numpy.log(numpy.maximum(s, 1e-12))
        got, best = constrained_tags(s, allowed, first), real(logp, allowed, first)
        assert first[got[0]] and allowed[got[:-1], got[1:]].all()
        assert logp[numpy.arange(n), got].sum() == pytest.approx(logp[numpy.arange(n), best].sum(), abs=1e-5)


def test_the_models_vocab_computes_only_the_attributes_it_reads():
    from spacy import attrs

    from kaznlp.entities import model_path
    from kaznlp.ner.model import load_model

    nlp = load_model(model_path())
    assert {attrs.NAMES[a] for a in nlp.vocab.lex_attr_getters} == {"NORM", "LOWER", "PREFIX", "SUFFIX", "SHAPE"}
    text = "Шымкент қаласында «Standard Steel KZ» ЖШС директоры Асқар Жұмабаев ҚР Президенті Тоқаевпен кездесті."
    with nlp.memory_zone():  # its end forgets the word forms, so that the next parse makes them again
        trimmed = [(e.text, e.label_) for e in nlp(text).ents]
    nlp.vocab.lex_attr_getters = dict(spacy.blank("kk").vocab.lex_attr_getters)  # all of spaCy's 23
    with nlp.memory_zone():
        doc = nlp(text)
        assert doc[0].is_title and [(e.text, e.label_) for e in doc.ents] == trimmed
    assert ("Асқар Жұмабаев", "PERSON") in trimmed


def test_a_decimal_split_into_three_tokens_is_one_entity():
    from spacy.tokens import Doc

    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_tags_to_ents", name="ner")
    words = ["23", ",", "7", "миллиард", "теңгені", ",", "1", ",", "5", "%-ке", "өсті"]
    spaces = [False, False, True, True, False, True, False, False, False, True, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    tags = ["B-CARDINAL", "O", "B-MONEY", "I-MONEY", "I-MONEY", "O", "B-PERCENTAGE", "O", "O", "O", "O"]
    for tok, tag in zip(doc, tags):
        tok.tag_ = tag
    doc = nlp.get_pipe("ner")(doc)
    assert doc.text == "23,7 миллиард теңгені, 1,5%-ке өсті"
    # the right part's class wins; where the right part has none, the left part's class spans the number
    assert [(e.text, e.label_) for e in doc.ents] == [("23,7 миллиард теңгені", "MONEY"), ("1,5", "PERCENTAGE")]


def test_the_model_loads_without_the_spacy_language_adapter():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from kaznlp.entities import model_path\n"
        "from kaznlp.ner.model import KazakhNER, load_model\n"
        "nlp = load_model(model_path())\n"
        "assert type(nlp) is KazakhNER and nlp.pipe_names == ['tok2vec', 'ner_tagger', 'ner']\n"
        "assert [e.label_ for e in nlp('Астанада Президент Тоқаев сөйледі.').ents][:1] == ['GPE']\n"
        "print(sorted(m for m in sys.modules if m == 'kaznlp.lang' or m.startswith('kaznlp.lang.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_doc_from_the_pipelines_tokens_is_the_kk_tokenizers_doc():
    from kaznlp.ner.docs import doc_from_tokens
    from kaznlp.pipeline import prepare

    nlp = spacy.blank("kk")
    # homoglyphs, a zero-width space, NFD, typographic quotes and dashes, line breaks and double spaces
    text = "Aстанада  «Цифрлық\u200b Қазақстан» — 4,5%-ке\nа\u0306сті.\r\n\n“Жаңа” бағдарлама  "
    p = prepare(text)
    built = doc_from_tokens(nlp.vocab, text, p.tokens.words, p.token_starts, p.token_ends)
    made = nlp(text)
    assert built.text == made.text == text
    assert [(t.text, t.whitespace_, t.norm_) for t in built] == [(t.text, t.whitespace_, t.norm_) for t in made]
    assert made[0].norm_ == "астана" and "«" in [t.text for t in made]


def test_the_shipped_split_covers_kaznerd_valid():
    from pathlib import Path

    from kaznlp.ner.corpus import read_iob2
    from kaznlp.ner.train import read_split

    root = Path(__file__).resolve().parent.parent
    valid = root / "corpora" / "kaznerd" / "IOB2_valid.txt"
    if not valid.exists():
        pytest.skip("KazNERD is not in this checkout")
    dev, train = read_split(root / "models" / "ner" / "split.txt", valid, list(read_iob2(valid)))
    assert (len(dev), len(train)) == (1117, 10050)
