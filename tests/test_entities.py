import kaznlp
from kaznlp.entities import EntityRecognizer, base_form, model_path
from kaznlp.entities.base import Entity
from kaznlp.entities.rules import find
from kaznlp.normalize import normalize


def test_seed_release_first_two_sentences(seed_text):
    doc = kaznlp.extract(seed_text, ner=True)
    s0, s1 = doc.sentence_spans[0], doc.sentence_spans[1]
    first = [(e.label, e.text, e.base) for e in doc.entities if s0[0] <= e.start and e.end <= s1[1]]
    assert ("POSITION", "Министр", "Министр") in first
    assert ("PERSON", "Дәурен Абаев", "Дәурен Абаев") in first
    assert (
        "ORGANISATION",
        "ҚР Ақпарат және коммуникациялар министрлігінің",
        "ҚР Ақпарат және коммуникациялар министрлігі",
    ) in first
    assert ("GPE", "Қазақстан", "Қазақстан") in first
    for e in doc.entities:
        assert seed_text[e.start : e.end] == e.text
        assert e.source in ("model", "rule")


def test_ranking_linked_to_its_source_and_subject(seed_text):
    doc = kaznlp.extract(seed_text, ner=True)
    (rank39,) = [f for f in doc.facts if f.type == "ranking" and f.value == 39]
    roles = {(x["role"], x["label"], x["base"]) for x in rank39.extra["entities"]}
    assert ("source", "ORGANISATION", "Дүниежүзілік экономикалық форум") in roles
    assert ("subject", "GPE", "Қазақстан") in roles
    assert rank39.indicator == "желілік дайындық"


def test_count_linked_to_the_body_it_describes():
    doc = kaznlp.extract("Қазақстан Республикасының Ақпарат министрлігі 3 мыңнан астам БАҚ-ты тіркеді.", ner=True)
    (fact,) = doc.facts
    subject = [x for x in fact.extra["entities"] if x["role"] == "subject"]
    assert [(x["label"], x["base"]) for x in subject] == [
        ("ORGANISATION", "Қазақстан Республикасының Ақпарат министрлігі")
    ]


def test_rules_for_titles_abbreviations_and_inflected_bodies():
    text = "«Цифрлық Қазақстан» мемлекеттік бағдарламасы мен БҰҰ-ның баяндамасы Алматы облысының әкімдігіне жіберілді."
    got = [(e.label, text[e.start : e.end], e.base, e.expansion) for e in find(text)]
    assert got == [
        ("PROJECT", "«Цифрлық Қазақстан» мемлекеттік бағдарламасы", "«Цифрлық Қазақстан» мемлекеттік бағдарламасы", None),
        ("ORGANISATION", "БҰҰ-ның", "БҰҰ", "Біріккен Ұлттар Ұйымы"),
        ("ORGANISATION", "Алматы облысының әкімдігіне", "Алматы облысының әкімдігі", None),
    ]


def test_base_forms():
    assert base_form("Қазақстанның", "GPE") == "Қазақстан"
    assert base_form("Абаевтың", "PERSON") == "Абаев"
    # a patronymic's last letter is its own, not a possessive: never the cut word Ыбрайханұл
    assert base_form("Нәлібаев Мақсұт Ыбрайханұлының", "PERSON") == "Нәлібаев Мақсұт Ыбрайханұлы"
    assert base_form("Асқар Ерланұлын", "PERSON") == "Асқар Ерланұлы"
    assert base_form("Айгүл Серікқызымен", "PERSON") == "Айгүл Серікқызы"
    assert base_form("Ақпарат министрлігінің", "ORGANISATION") == "Ақпарат министрлігі"
    assert base_form("БАҚ-қа", "MISCELLANEOUS") == "БАҚ"
    # dates, numbers and amounts are no names: their base is the text as written, never a cut word
    assert base_form("204 мың теңге", "MONEY") == "204 мың теңге"
    assert base_form("5 мың долларға", "MONEY") == "5 мың долларға"
    assert base_form("жыл сайын", "DATE") == "жыл сайын"
    assert base_form("2025 жылға дейін", "DATE") == "2025 жылға дейін"
    # names that end like a case form stay whole: a place of the gazetteers, a name with a number after a hyphen,
    # a whole stem of the exceptions table
    assert base_form("Қазақстан", "GPE") == "Қазақстан" and base_form("Өзбекстан", "GPE") == "Өзбекстан"
    assert base_form("Қазақстанның", "GPE") == "Қазақстан"
    assert base_form("COVID-19", "DISEASE") == "COVID-19" and base_form("ҚР-ның", "GPE") == "ҚР"
    assert base_form("Ақорда", "ORGANISATION") == "Ақорда" and base_form("Ақордада", "ORGANISATION") == "Ақорда"
    # the locative with -ғы ('in X') comes off whole: no ending left cut (Астанадақ)
    assert base_form("Астанадағы", "GPE") == "Астана" and base_form("Шымкенттегі", "GPE") == "Шымкент"
    assert base_form("Санкт-Петербургтегі", "GPE") == "Санкт-Петербург"
    assert base_form("Шымкент қаласындағы", "GPE") == base_form("Шымкент қаласында", "GPE")
    assert base_form("Денсаулық сақтау министрлігіндегі", "ORGANISATION") == "Денсаулық сақтау министрлігі"
    # the accusative after the possessive (-ы-н) leaves the possessive on a name that keeps it: no кубог, министрлік
    assert base_form("Дэвис кубогын", "EVENT") == "Дэвис кубогы"
    assert base_form("Australian Open-2017 додасын", "EVENT") == "Australian Open-2017 додасы"
    assert base_form("Ауыл шаруашылығы министрлігін", "ORGANISATION") == "Ауыл шаруашылығы министрлігі"
    assert base_form("Абайды", "PERSON") == "Абай"


def test_model_ships_in_the_package_and_loads_offline():
    path = model_path()
    assert path is not None and (path / "meta.json").exists()
    nlp = kaznlp.load(ner=True)
    doc = nlp("Астанада Президент Қасым-Жомарт Тоқаев кездесу өткізді.")
    assert any(e.label == "GPE" and e.text == "Астанада" for e in doc.entities)
    recs = list(doc.entity_records())
    assert all(set(r) >= {"doc", "label", "text", "start", "end", "source", "base"} for r in recs)


class _FixedModel(EntityRecognizer):
    """The merge under test, with the model's entities given instead of predicted."""

    def __init__(self, spans: list[tuple[str, str]]) -> None:
        super().__init__(nlp=None)
        self.spans = spans

    def model_entities(self, text, parsed=None):
        out = []
        for label, words in self.spans:
            s = text.index(words)
            out.append(Entity(label, s, s + len(words), words, "model", words))
        return out


def _merge(text: str, model_spans: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    return [(e.label, e.text, e.source) for e in _FixedModel(model_spans)(text, normalize(text)).entities]


def test_merge_order_strong_rules_then_model_then_other_rules():
    text = "Министр Дәурен Абаев Ақпарат министрлігінің отырысында Алматыда сөйледі."
    # the model mislabels the position and cuts the ministry short: the strong rules win there;
    # the model's PERSON stands, and the gazetteer fills the place the model missed
    got = _merge(text, [("PERSON", "Министр"), ("PERSON", "Дәурен Абаев"), ("ORGANISATION", "министрлігінің")])
    assert got == [
        ("POSITION", "Министр", "rule"),
        ("PERSON", "Дәурен Абаев", "model"),
        ("ORGANISATION", "Ақпарат министрлігінің", "rule"),
        ("GPE", "Алматыда", "rule"),
    ]


def test_a_wider_model_entity_of_the_same_label_stands_over_a_strong_rule():
    text = "Мемлекет басшысы Қасым-Жомарт Тоқаев сөз сөйледі."
    got = _merge(text, [("POSITION", "Мемлекет басшысы"), ("PERSON", "Қасым-Жомарт Тоқаев")])
    assert got == [("POSITION", "Мемлекет басшысы", "model"), ("PERSON", "Қасым-Жомарт Тоқаев", "model")]
    # without the model's wider reading the rule gives the position word alone
    assert _merge(text, [])[0] == ("POSITION", "басшысы", "rule")


def test_a_place_inside_an_event_name_is_kept_nested():
    text = "Қазақстан Тәуелсіздігінің 25 жылдығы қарсаңында Астана қаласында жиын өтті."
    event = "Қазақстан Тәуелсіздігінің 25 жылдығы"
    ents = _FixedModel([("EVENT", event), ("GPE", "Астана қаласында")])(text, normalize(text)).entities
    assert [(e.label, e.text, e.source, e.extra.get("inside")) for e in ents] == [
        ("EVENT", event, "model", None),
        ("GPE", "Қазақстан", "rule", "EVENT"),
        ("GPE", "Астана қаласында", "model", None),
    ]
    # the country an organisation's name opens with is an entity of its own, nested (the press releases' gold
    # nests it: Қазақстан Республикасы in … министрлігі, ҚР in ҚР АШМ); the body stays what a fact is about
    assert _merge("Қазақстан Ұлттық банкі хабарлады.", [("ORGANISATION", "Қазақстан Ұлттық банкі")]) == [
        ("ORGANISATION", "Қазақстан Ұлттық банкі", "model"),
        ("GPE", "Қазақстан", "rule"),
    ]


def test_with_ner_each_text_is_tokenised_once_and_the_document_built_once(seed_text, monkeypatch):
    import dataclasses

    import pytest

    from kaznlp import pipeline
    from kaznlp.ner import docs

    nlp = kaznlp.load(ner=True)
    calls = []
    real = pipeline.tokenize
    monkeypatch.setattr(pipeline, "tokenize", lambda t: calls.append(t) or real(t))
    monkeypatch.setattr(docs, "tokenize", lambda t: pytest.fail("the model's Doc tokenised the text again"))
    texts = [seed_text, "Астанада Президент Қасым-Жомарт Тоқаев 3 мың адаммен кездесті."]
    got = list(nlp.pipe(texts))
    assert len(calls) == 2
    one = nlp(texts[1])  # one by one too
    assert len(calls) == 3
    assert [(e.label, e.text) for e in one.entities] == [(e.label, e.text) for e in got[1].entities]
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.entities = []  # type: ignore[misc]
    # the batch's Parsed carries the prepared text and the model's Doc of it
    (parsed,) = nlp.parse_many([texts[1]])
    assert parsed.model_doc.text == texts[1] and len(calls) == 4
    assert nlp(texts[1], parsed=parsed).entities == one.entities and len(calls) == 4


def test_linking_gives_new_facts_and_leaves_the_given_ones_alone():
    from kaznlp.linking import link_facts

    doc = kaznlp.extract("Қазақстан Республикасының Ақпарат министрлігі 3 мыңнан астам БАҚ-ты тіркеді.", ner=True)
    bare = kaznlp.extract(doc.text)
    linked = link_facts(bare.facts, doc.entities, doc.sentence_spans, doc.text)
    assert "entities" not in bare.facts[0].extra
    assert linked[0].extra["entities"] == doc.facts[0].extra["entities"]
    assert linked[0] is not bare.facts[0] and link_facts(bare.facts, [], doc.sentence_spans, doc.text) is bare.facts


def test_trie_pattern_matches_as_the_longest_first_alternation():
    import re

    from kaznlp.entities.rules import trie_pattern

    names = ["Ала", "Алаш", "Алматы", "Астана", "Ақтау", "Ақтөбе", "Б"]
    text = "Алматыдан Ақтөбеге, Алашқа және Астананың Ақтауына, Алаға, Ақтауға, Ақ, Бға."
    plain = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(names, key=len, reverse=True))})(?=\w*)")
    trie = re.compile(rf"(?<!\w)(?:{trie_pattern(names)})(?=\w*)")
    assert trie_pattern(["Ала", "Алаш", "Алматы", "Б"]) == "(?:Ал(?:а(?:ш)?|маты)|Б)"
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group() for m in trie.finditer(text)] == ["Алматы", "Ақтөбе", "Алаш", "Астана", "Ақтау", "Ала", "Ақтау", "Б"]
