from kaznlp import split_sentences
from kaznlp.langid import detect_language, sentence_languages


def test_documents():
    assert detect_language("Бүгінде олар 29 млн. астам мемлекеттік қызмет көрсетті және бұл туралы айтты.") == "kk"
    assert detect_language("В Казахстане оказано более 29 миллионов государственных услуг, что и было сказано.") == "ru"
    assert detect_language("The ministry delivered 29 million public services.") == "other"
    assert detect_language("12 345 678") == "other"


def test_sentences_of_a_mixed_text():
    text = ("Министрлік бүгін жаңа бағдарлама туралы хабарлады және оны талқылады. "
            "По данным министерства, было оказано более миллиона услуг населению страны.")  # fmt: skip
    assert sentence_languages(text, split_sentences(text)) == ["kk", "ru"]
