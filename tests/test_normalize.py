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


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ақңүaeiо x\u00a0\u200b\u0306\u00ad«»“”—-1.,"), max_size=60))
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
