"""The press-release layer over the NER model (kaznlp/entities/press.py): each class of error that press releases
showed, with real-looking sentences in and exact entities out (entities-spec.md)."""

import pytest

import kaznlp

pytest.importorskip("spacy")

CASES = [
    # an abbreviation of a kind of school is no place; numbered schools are organisations
    ("Бұл сайысқа № 24 ЖББОМ және №1 гимназия оқушылары қатысты.",
     [("ORGANISATION", "№ 24 ЖББОМ", "№ 24 ЖББОМ", None), ("ORGANISATION", "№1 гимназия", "№1 гимназия", None)]),
    # a place read as a person
    ("Ұшақтар Алматы және Бангкоктан Астанаға ұшады.",
     [("GPE", "Алматы", "Алматы", None), ("GPE", "Бангкоктан", "Бангкок", None), ("GPE", "Астанаға", "Астана", None)]),
    # a capitalised common word opening a sentence read as a person
    ("Декларацияны электрондық үлгіде толтыруға болады.", []),
    # a surname running into a place
    ("Бұл туралы Жошыбаев Әзербайжанның өкілдерімен кездесуде айтты.",
     [("PERSON", "Жошыбаев", "Жошыбаев", None), ("GPE", "Әзербайжанның", "Әзербайжан", None)]),
    # an adjective in -кі read as a place, and a postposition inside an organisation's name
    ("Ішкі рейстер бойынша әуе компаниясы жұмыс істейді.", []),
    # a post keeps its body, and the body is an entity of its own, nested; the place keeps its kind word
    ("Шымкент қаласының әкімі Мұрат Әйтенов нысанды аралады.",
     [("POSITION", "Шымкент қаласының әкімі", "Шымкент қаласының әкімі", None),
      ("GPE", "Шымкент қаласының", "Шымкент қаласы", "POSITION"), ("PERSON", "Мұрат Әйтенов", "Мұрат Әйтенов", None)]),
    # a person with an initial; an organisation in quotes with its legal form
    ("Сот Б. Усабеков пен «Вадиса М» ЖШС директорына үкім шығарды.",
     [("PERSON", "Б. Усабеков", "Б. Усабеков", None), ("ORGANISATION", "«Вадиса М» ЖШС", "«Вадиса М» ЖШС", None)]),
    # a river and an avenue with their kind words
    ("Сырдария өзені бойымен жұмыс жүргізілді, Абай даңғылы жабылды.",
     [("LOCATION", "Сырдария өзені", "Сырдария өзені", None), ("FACILITY", "Абай даңғылы", "Абай даңғылы", None)]),
    # base forms of what is no name: the text as written, never a cut word
    ("Жол жыл сайын жөнделеді, 2025 жылға дейін аяқталады.",
     [("DATE", "жыл сайын", "жыл сайын", None), ("DATE", "2025 жылға дейін", "2025 жылға дейін", None)]),
    # a press service is part of its body's name
    ("Ақорданың баспасөз қызметі хабарлады.",
     [("ORGANISATION", "Ақорданың баспасөз қызметі", "Ақорданың баспасөз қызметі", None)]),
    # surname, first name, patronymic
    ("Козлова Мария Александровна байқауға қатысты.",
     [("PERSON", "Козлова Мария Александровна", "Козлова Мария Александровна", None)]),
    # a programme in quotes keeps its quotes and kind word
    ("«Еңбек» мемлекеттік бағдарламасының жұмысы жалғасады.",
     [("PROJECT", "«Еңбек» мемлекеттік бағдарламасының", "«Еңбек» мемлекеттік бағдарламасы", None)]),
    # a dateline in capitals
    ("НҰР-СҰЛТАН, 19 қараша. Жаңа ереже күшіне енді.",
     [("GPE", "НҰР-СҰЛТАН", "Нұр-Сұлтан", None), ("DATE", "19 қараша", "19 қараша", None)]),
]


@pytest.fixture(scope="module")
def nlp():
    try:
        return kaznlp.load(ner=True)
    except RuntimeError as exc:  # no model installed
        pytest.skip(str(exc))


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:30] for c in CASES])
def test_press_release_entities(nlp, text, expected):
    doc = nlp(text)
    got = [(e["label"], e["text"], e["base"], e.get("inside")) for e in doc.entity_records()]
    assert got == expected
    for e in doc.entity_records():
        assert text[e["start"] : e["end"]] == e["text"]
