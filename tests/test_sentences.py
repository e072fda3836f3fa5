from kaznlp import split_sentences


def sents(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_no_break_inside_numbers_abbreviations_or_quotes():
    text = (
        "Абоненттер саны 1 млн. 204 мың құрады. Бүгінде 29 млн. астам қызмет көрсетілді. "
        "«Бірінші сөйлем. Екінші сөйлем», - деді ол. Д. Абаев Астана қ. Әкімдігіне барды."
    )
    assert sents(text) == [
        "Абоненттер саны 1 млн. 204 мың құрады.",
        "Бүгінде 29 млн. астам қызмет көрсетілді.",
        "«Бірінші сөйлем. Екінші сөйлем», - деді ол.",
        "Д. Абаев Астана қ. Әкімдігіне барды.",
    ]


def test_breaks_at_real_ends_digits_and_lines():
    text = "Магистраль салынды. 1999 жылы желі цифрлық болды! Неге?\nТақырып жолы\nКелесі сөйлем."
    assert sents(text) == [
        "Магистраль салынды.",
        "1999 жылы желі цифрлық болды!",
        "Неге?",
        "Тақырып жолы",
        "Келесі сөйлем.",
    ]


def test_seed_release_sentence_count(seed_text):
    assert len(split_sentences(seed_text)) == 37


def test_a_dash_opens_a_reply_unless_the_speaker_follows_in_lower_case():
    text = "Сен келесің бе? - деді ол. - Иә, келемін. Жарайды! – Жақсы."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Сен келесің бе? - деді ол.",
        "- Иә, келемін.",
        "Жарайды!",
        "– Жақсы.",
    ]


def test_the_quote_regions_of_the_split_each_lie_in_one_sentence(seed_text):
    from kaznlp.sentences import split_sentences_and_quotes

    text = "Ол «Жаңа. Сөз» деді. «Цифрлық Қазақстан» бағдарламасы басталды.\n«Ашық тырнақша"
    spans, quotes = split_sentences_and_quotes(text)
    assert spans == split_sentences(text)
    assert [text[s:e] for s, e in quotes] == ["«Жаңа. Сөз»", "«Цифрлық Қазақстан»"]
    for t in (text, seed_text):
        spans, quotes = split_sentences_and_quotes(t)
        assert all(any(s <= a and b <= e for s, e in spans) for a, b in quotes)


def test_no_break_after_initials_of_two_letters_or_two_initials():
    # these two cut the sentence (and a training sentence's PERSON) after the initials before
    text = "Театр Дж. Вердидің операсын қойды. Министр Б.Б. Атамқұловтың сөзін тыңдады. Оны ҚР. Үкіметі қолдады."
    assert sents(text) == [
        "Театр Дж. Вердидің операсын қойды.",
        "Министр Б.Б. Атамқұловтың сөзін тыңдады.",
        "Оны ҚР.",  # not initials: a sentence may end after an abbreviation in capitals
        "Үкіметі қолдады.",
    ]


def test_quote_marks_are_found_in_order():
    import importlib
    import random
    import re

    sentences = importlib.import_module("kaznlp.sentences")
    rng = random.Random(0)
    for _ in range(3000):
        text = "".join(rng.choice("«»а \n") for _ in range(rng.randint(0, 12)))
        assert sentences._quote_marks(text) == [m.start() for m in re.finditer("[«»]", text)]
    assert sentences._quote_regions("«Нұр Отан» және «Ақ жол»\n«ашық") == [(0, 10), (16, 24)]
