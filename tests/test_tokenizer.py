import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from kaznlp import tokenize


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
