"""The stanza adapter, on stanza Documents built offline from CoNLL-U (when stanza is installed) and on objects of
the same shape (always): nothing is downloaded."""

from types import SimpleNamespace as NS

import pytest

from kaznlp.backends.stanza import StanzaEntityRecognizer, entities_from_stanza, tokens_from_stanza

TEXT = "Министр Дәурен Абаев Астанада сөйледі."


def _fake_doc():
    words = [("Министр", "министр", "NOUN", 0, 7), ("Дәурен", "Дәурен", "PROPN", 8, 14), ("Абаев", "Абаев", "PROPN", 15, 20),
             ("Астанада", "Астана", "PROPN", 21, 29), ("сөйледі", "сөйле", "VERB", 30, 37), (".", ".", "PUNCT", 37, 38)]  # fmt: skip
    tokens = [NS(start_char=s, end_char=e, words=[NS(text=t, lemma=lem, upos=u)]) for t, lem, u, s, e in words]
    ents = [NS(type="POSITION", start_char=0, end_char=7), NS(type="PERSON", start_char=8, end_char=20),
            NS(type="GPE", start_char=21, end_char=29)]  # fmt: skip
    return NS(sentences=[NS(tokens=tokens)], ents=ents)


def test_adapter_reads_entities_and_tokens():
    sdoc = _fake_doc()
    ents = entities_from_stanza(sdoc, TEXT)
    assert [(e.label, e.text, e.base, e.source) for e in ents] == [
        ("POSITION", "Министр", "Министр", "model"),
        ("PERSON", "Дәурен Абаев", "Дәурен Абаев", "model"),
        ("GPE", "Астанада", "Астана", "model"),
    ]
    toks = tokens_from_stanza(sdoc)
    assert toks[3] == {"text": "Астанада", "lemma": "Астана", "upos": "PROPN", "start": 21, "end": 29}


def test_adapter_on_a_real_stanza_document_from_conllu():
    conll = pytest.importorskip("stanza.utils.conll")
    text = "Абаев Астанада сөйледі ."
    rows = [("1", "Абаев", "Абаев", "PROPN", "start_char=0|end_char=5|ner=S-PERSON"),
            ("2", "Астанада", "Астана", "PROPN", "start_char=6|end_char=14|ner=S-GPE"),
            ("3", "сөйледі", "сөйле", "VERB", "start_char=15|end_char=22|ner=O"),
            ("4", ".", ".", "PUNCT", "start_char=23|end_char=24|ner=O")]  # fmt: skip
    conllu = "\n".join("\t".join([i, w, lem, u, "_", "_", "_", "_", "_", misc]) for i, w, lem, u, misc in rows) + "\n\n"
    sdoc = conll.CoNLL.conll2doc(input_str=conllu)
    sdoc.text = text
    sdoc.build_ents()
    assert [(e.label, e.text) for e in entities_from_stanza(sdoc, text)] == [("PERSON", "Абаев"), ("GPE", "Астанада")]


def test_missing_stanza_or_models_give_a_clear_message():
    try:
        import stanza  # noqa: F401
    except ImportError:
        with pytest.raises(RuntimeError, match=r"pip install 'kaznlp\[stanza\]'"):
            StanzaEntityRecognizer.load()
    else:
        with pytest.raises(RuntimeError, match="stanza.download"):
            StanzaEntityRecognizer.load(dir="/nonexistent-stanza-models")


def test_the_backend_is_found_by_name_through_the_registry():
    import importlib.util

    from kaznlp.entities import EntityRecognizer

    if importlib.util.find_spec("stanza") is None:
        with pytest.raises(RuntimeError, match=r"pip install 'kaznlp\[stanza\]'"):
            EntityRecognizer.load(backend="stanza")
    from kaznlp.entities.base import _BACKENDS

    assert _BACKENDS["stanza"] == StanzaEntityRecognizer.load
    with pytest.raises(ValueError, match="unknown NER backend 'flair'; use one of spacy, stanza"):
        EntityRecognizer.load(backend="flair")
