import importlib
from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from kaznlp import normalize


def test_homoglyphs_nbsp_quotes_and_dashes_are_repaired():
    original = "Қaзaқстaн\u00a0бiр “жоба” — 73\u2009%"
    n = normalize(original)
    assert n.text == "Қазақстан бір «жоба» - 73 %"
    assert n.char_map is None  # one character for one: offsets are unchanged


def test_homoglyphs_at_the_start_and_end_of_a_word():
    assert normalize("aлма мен алмa, Xалық").text == "алма мен алма, Халық"


def test_latin_words_and_mixed_acronyms_stay():
    n = normalize("«OTAU TV» PR-Стратегиясын Wi-Fi")
    assert n.text == "«OTAU TV» PR-Стратегиясын Wi-Fi"


def test_nfc_and_zero_width_keep_a_map_back_to_the_original():
    original = "жаңа и\u0306 x\u200by 5\u00ad0"
    n = normalize(original)
    assert n.text == "жаңа й xy 50"
    s = n.text.index("й")
    assert n.to_original(s, s + 1) == (5, 7)
    s = n.text.index("xy")
    assert original[slice(*n.to_original(s, s + 2))] == "x\u200by"


def test_a_headline_glued_to_the_next_one_is_parted_and_maps_back():
    # real run-in headlines of a news digest (archive sample): the body of one, the headline of the next
    original = "өнеркәсіп орындарын араладыОңтүстік Қазақстан облысында 574,2 млрд. теңгені құрады\u00adОтырар"
    n = normalize(original)
    assert n.text == "өнеркәсіп орындарын аралады Оңтүстік Қазақстан облысында 574,2 млрд. теңгені құрады Отырар"
    s = n.text.index("Оңтүстік")
    assert original[slice(*n.to_original(s, s + 8))] == "Оңтүстік"
    s = n.text.index("аралады")
    assert original[slice(*n.to_original(s, s + 7))] == "аралады"
    s = n.text.index("Отырар")
    assert original[slice(*n.to_original(s, s + 6))] == "Отырар"


def test_names_in_camel_case_stay_whole():
    for text in ("ҚазАқпарат хабарлайды", "«ҚазМұнайГаз» ҰК АҚ", "айКөмек қосымшасы", "iPhone мен eGov", "Рахмет-Ата"):
        assert normalize(text).text == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ақңүaeiоҚ x\u00a0\u200b\u0306\u00ad«»“”—-1.,"), max_size=60))
def test_every_normalised_span_maps_inside_the_original(text):
    n = normalize(text)
    for i in range(len(n.text) + 1):
        for j in range(i, min(len(n.text), i + 4) + 1):
            s, e = n.to_original(i, j)
            assert 0 <= s <= e <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ақ a\u200b\u0306\u00ad«“—1."), max_size=40))
def test_spans_map_back_in_one_call_as_one_by_one(text):
    n = normalize(text)
    spans = [(i, j) for i in range(len(n.text) + 1) for j in range(i, min(len(n.text), i + 3) + 1)]
    starts, ends = n.to_original_spans([s for s, _ in spans], [e for _, e in spans])
    assert list(zip(starts, ends)) == [n.to_original(s, e) for s, e in spans]


_HARD = st.lists(
    st.sampled_from(list("ab қаз.,") + ["\u00ad", "\u200b", "\u200d", "\ufeff", "\u0301", "\u0308", "\u0327",
                                       "\u1100", "\u1161", "\u212b", "\u00e9", "\uf900", "\u0344", "\u0b47",
                                       "\u0b3e", "\u0485", "a\u0301", "Xа", "рo"]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_HARD, st.sampled_from([1, 2, 3, 7, 2048]))
def test_the_fast_zero_width_and_nfc_path_is_the_per_cluster_loop(text, chunk):
    """The spans in NFC lose their zero-width characters by a regex, and only the rest goes through the loop per
    character cluster: the same text and map as that loop over the whole text, whatever the span length."""
    mod = importlib.import_module("kaznlp.normalize")  # the module: ``kaznlp.normalize`` is the function
    out: list[str] = []
    cmap = array("q")
    mod._clusters(text, 0, len(text), out, cmap)
    cmap.append(len(text))
    old = mod._CHUNK
    try:
        mod._CHUNK = chunk
        got, got_map = mod._slow_path(text)
    finally:
        mod._CHUNK = old
    assert got == "".join(out)
    assert list(got_map) == list(cmap)


def _both_ways(text: str) -> None:
    """The C helper's text and map (kaznlp/_normscan.c) are those of the steps in Python."""
    mod = importlib.import_module("kaznlp.normalize")
    assert mod._fast is not None, "kaznlp._normscan did not build: pip install -e . needs a C compiler"
    fast, slow = mod.normalize_characters(text), mod._normalize_characters_here(text)
    assert fast.text == slow.text
    assert (None if fast.char_map is None else list(fast.char_map)) == (
        None if slow.char_map is None else list(slow.char_map)
    )


_WEB_ALPHABET = st.sampled_from(
    [*"абвгдежзиклмнопрстуфхшыәғқңөұүһіАӘҒҚ", *"aceiopxyhACEHIKMOPTXYbdfgBDFZ", "\u00ad", "\u200b", "\u200d",
     "\ufeff", "\u00a0", "\u2009", "\t", "\r", "\u2013", "\u201c", "\u2019", "ı", " ", ".", "«", "»", "-", "1", "é",
     "ß", "ӷ", "\u0483", "\u0485", "\u0301", "😀", "\U00010780", "\U0001e030", "\u04ff", "\u0500", "ǅ"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(_WEB_ALPHABET, max_size=16).map("".join))
def test_the_c_helper_normalises_as_the_python_steps_on_random_text(text):
    _both_ways(text)


def test_the_c_helper_normalises_as_the_python_steps_on_web_text():
    # look-alikes, soft hyphens and no-break spaces in words of every shape, a soft hyphen before a mark (kept)
    for text in ["Біз\u00a0oсы жерде Алматыдa тұрамыз", "қа\u00adзақ\u00adстан\u2009–\u2009Қазaқстан",
                 "Xабар 24 тeлеарнасы, iPhone, eGov және СOVID-19", "a\u00ad\u0301б", "жоқ\u00ad", "Ѐxo éxo"]:
        _both_ways(text)
    mod = importlib.import_module("kaznlp.normalize")
    assert mod.normalize_characters("Алматыдa\u00a0тұр\u00adамыз").text == "Алматыда тұрамыз"


def test_the_c_helper_normalises_as_the_python_steps_on_the_corpora():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "corpora"
    texts = [p.read_text(encoding="utf-8") for d in ("press", "releases", "releases-blind")
             for p in sorted((root / d).glob("*.txt"))]  # fmt: skip
    assert len(texts) > 40
    for text in texts:
        _both_ways(text)
        _both_ways(text.replace(" ", "\u00a0").replace("а", "a"))  # web text: no-break spaces, look-alikes


_CASE_ALPHABET = st.sampled_from([*"абвқәіАБВҚӘІxXǅ\u1c82 -'\n", "\u0500", "😀"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_CASE_ALPHABET, max_size=20).map("".join))
def test_case_steps_are_the_patterns_matches(text):
    """The C helper's upper-case letters between lower-case ones (kaznlp/_normscan.c) are _CASE_STEP_RE's."""
    mod = importlib.import_module("kaznlp.normalize")
    assert mod._case_steps(text) == [m.start() for m in mod._CASE_STEP_RE.finditer(text)]
    assert normalize("Министрліктің баспасөз қызметіАстана қаласында").text.endswith("қызметі Астана қаласында")
