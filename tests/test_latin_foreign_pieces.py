"""Pieces of a Kazakh text that are not Kazakh words read the same in either script: a web address or an e-mail
stays in Latin letters when Kazakh in Latin script goes to Cyrillic (``24.kz`` is no count in either), and a capital
letter right after a number is a designation whatever its script (``4 D форматында``, ``11 А сыныбы``), not an
initial (``300 А. Байтұрсынов``). The sentences come from the 45 releases and KazNERD (issue 18's metamorphic test)."""

import pytest

import kaznlp
from kaznlp.script import to_cyrillic, web_addresses


@pytest.fixture(scope="module")
def nlp():
    return kaznlp.load()


# (Cyrillic, 2021 alphabet, 2018 alphabet, the facts: type, value, unit, qualifier, text; a name)
CASES = [
    (  # news_r146: the channel's web address is no count
        "Ұшақ 50 минут көлемінде көкте қалықтап жүрген, деп хабарлайды 24.kz телеарнасы.",
        "Ūşaq 50 minut kölemınde kökte qalyqtap jürgen, dep habarlaidy 24.kz telearnasy.",
        "Ushaq 50 mınýt kóleminde kókte qalyqtap júrgen, dep habarlaıdy 24.kz telearnasy.",
        [("duration", 50.0, "minute", None, ("50 минут", "50 minut", "50 mınýt"))],
        "web-address",
    ),
    (
        "Өтінімдер info@gov.kz поштасына және www.gov.kz/kk сайтына 15 қарашаға дейін 3 рет жіберіледі.",
        "Ötınımder info@gov.kz poştasyna jäne www.gov.kz/kk saityna 15 qaraşağa deiın 3 ret jıberıledı.",
        "Ótinimder info@gov.kz poshtasyna jáne www.gov.kz/kk saıtyna 15 qarashaǵa deıin 3 ret jiberiledi.",
        [
            ("date", "--11-15", None, None, ("15 қарашаға", "15 qaraşağa", "15 qarashaǵa")),
            ("count", 3.0, None, None, ("3", "3", "3")),
        ],
        "e-mail-and-url",
    ),
    (  # news_r63: a format
        "Науқастарға осы компьютерлік томография 4 D форматында болып есептеледі.",
        "Nauqastarğa osy kompiuterlık tomografiia 4 D formatynda bolyp esepteledı.",
        "Naýqastarǵa osy kompıýterlik tomografııa 4 D formatynda bolyp esepteledi.",
        [],
        "4D",
    ),
    (  # the same in Cyrillic letters, as the Latin text's 4 D comes to the rules
        "Науқастарға осы компьютерлік томография 4 Д форматында болып есептеледі.",
        "Nauqastarğa osy kompiuterlık tomografiia 4 D formatynda bolyp esepteledı.",
        "Naýqastarǵa osy kompıýterlik tomografııa 4 D formatynda bolyp esepteledi.",
        [],
        "4D-in-cyrillic-letters",
    ),
    (  # KazNERD valid: a 3D scanner, the number in words
        "Университетте үш Д сканер арқылы кез келген қиындықтағы сызбаны жасауға болады.",
        "Universitette üş D skaner arqyly kez kelgen qiyndyqtağy syzbany jasauğa bolady.",
        "Ýnıversıtette úsh D skaner arqyly kez kelgen qıyndyqtaǵy syzbany jasaýǵa bolady.",
        [],
        "3D-scanner",
    ),
    (  # a class
        "Мектептің 11 А сыныбында 25 оқушы оқиды.",
        "Mekteptıñ 11 A synybynda 25 oquşy oqidy.",
        "Mekteptiń 11 A synybynda 25 oqýshy oqıdy.",
        [("count", 25.0, None, None, ("25", "25", "25"))],
        "class-11A",
    ),
    (  # an initial is no designation: the number before it stays a count
        "Кітапханаға 300 А. Байтұрсынов шығармасы түсті.",
        "Kıtaphanağa 300 A. Baitūrsynov şyğarmasy tüstı.",
        "Kitaphanaǵa 300 A. Baıtursynov shyǵarmasy tústi.",
        [("count", 300.0, None, None, ("300", "300", "300"))],
        "initial",
    ),
]


@pytest.mark.parametrize("script", [0, 1, 2], ids=["Cyrillic", "2021", "2018"])
@pytest.mark.parametrize("case", CASES, ids=[c[4] for c in CASES])
def test_the_same_facts_in_either_script(nlp, case, script):
    text, expected = case[script], case[3]
    doc = nlp(text)
    assert doc.meta["language"] == "kk"
    assert doc.meta["script"] == ("Cyrl", "Latn", "Latn")[script]
    got = [(f.type, f.value, f.unit, f.qualifier, text[f.start : f.end]) for f in doc.facts]
    assert got == [(t, v, u, q, spans[script]) for t, v, u, q, spans in expected]


def test_web_addresses_and_e_mails_stay_in_latin_letters_one_for_one():
    text = "Tolyğyraq: https://akorda.kz/kk/news/1, www.gov.kz, Tengrinews.kz jäne info@gov.kz poştasy."
    cyr, cmap = to_cyrillic(text, "2021")
    assert cyr == "Толығырақ: https://akorda.kz/kk/news/1, www.gov.kz, Tengrinews.kz және info@gov.kz поштасы."
    for address in ("https://akorda.kz/kk/news/1", "www.gov.kz", "Tengrinews.kz", "info@gov.kz"):
        s = cyr.index(address)
        start = text.index(address)
        assert [cmap[k] for k in range(s, s + len(address))] == list(range(start, start + len(address)))
    assert to_cyrillic("24.kz telearnasy", "2018")[0] == "24.kz телеарнасы"
    assert to_cyrillic("24.kz telearnasy", "2017")[0] == "24.kz телеарнасы"
    assert to_cyrillic("Tengrinews.kz-ke jazady", "2021")[0] == "Tengrinews.kz-ке жазады"  # an ending is Kazakh


@pytest.mark.parametrize("text", ["jyly.Bul", "bar.Az", "t.b.", "1.5 mln"])
def test_words_at_a_missing_space_are_no_web_address(text):
    assert web_addresses(text) == []


def test_a_web_address_kept_in_latin_letters_does_not_make_a_short_latin_text_foreign(nlp):
    doc = nlp("Būl turaly www.gov.kz saitynda 5 ret jazyldy.")
    assert (doc.meta["language"], doc.meta["script_variant"]) == ("kk", "2021")
    assert [(f.type, f.value) for f in doc.facts] == [("count", 5.0)]
