"""Kazakh in Latin script gives the facts and entities of the same text in Cyrillic, at the mapped offsets.

The Cyrillic corpora go to Latin script through turkicnlp (an independent transliterator, a dev dependency: the
2021 alphabet) and, from that, to the 2018, 2017 and informal ASCII variants (``tests/metamorphic.py``). Here:
every corpus's facts in the 2021 alphabet (the seed, the 45 releases, the held-out documents and 30 documents of
KazNERD sentences; each corpus on its own as well as pooled), with entities on the seed, the 8 blind releases and the
held-out documents; the 2018 and 2017 variants on the same documents as the 2021 facts. ``bench/metamorphic.py`` runs all of it
(the figures in the README).
"""

import metamorphic  # tests/metamorphic.py: turkicnlp, a dev dependency
import pytest

import kaznlp


@pytest.fixture(scope="module")
def nlp_ner():
    return kaznlp.load(ner=True)


def _rate(r, kind):
    m, miss, extra = r["totals"][kind]
    return m / (m + miss + extra), (m, miss, extra)


def test_every_corpus_in_the_2021_alphabet_gives_the_same_facts():
    r = metamorphic.run(kaznlp.load(), "2021", kaznerd_docs=30, entities=False)
    rate, counts = _rate(r, "facts")
    assert r["scripts"] == ["('Latn', '2021')"]
    assert rate >= 0.99, (counts, r["disagreements"][:5])
    _every_corpus_passes(r)


def _every_corpus_passes(r):
    """issue 18: the same facts on >= 99% of facts in every corpus, not only pooled (the 45 releases were at 0.987
    while web addresses and 4 D were transliterated)"""
    assert set(r["by_corpus"]) == {"press", "releases", "releases-blind", "heldout", "kaznerd_valid"}
    low = {c: (round(rates["facts"], 4), r["by_corpus"][c]["facts"]) for c, rates in r["corpus_rates"].items()}
    assert all(rate >= 0.99 for rate, _ in low.values()), low


def test_the_releases_in_the_2021_alphabet_give_the_same_entities(nlp_ner):
    r = metamorphic.run(nlp_ner, "2021", kaznerd_docs=0, entities=True, folders=("press", "releases-blind", "heldout"))
    facts, fcounts = _rate(r, "facts")
    ents, ecounts = _rate(r, "entities")
    assert facts >= 0.99, fcounts
    # English names stay Latin in a Cyrillic text but are transliterated with the rest of a Latin one, and the
    # letters the alphabet does not tell apart (ц э ь һ) change what the NER model sees: most of what is left
    assert ents >= 0.93, ecounts


@pytest.mark.parametrize("variant", ["2018", "2017"])
def test_the_other_variants_give_the_same_facts(variant):
    r = metamorphic.run(kaznlp.load(), variant, kaznerd_docs=30, entities=False)
    rate, counts = _rate(r, "facts")
    assert r["scripts"] == [f"('Latn', '{variant}')"]
    assert rate >= 0.99, (counts, r["disagreements"][:5])
    _every_corpus_passes(r)
