"""Loading the shipped NER pipeline for inference."""

from __future__ import annotations

from pathlib import Path


def load_model(path: str | Path, **kwargs):
    """``spacy.load`` with matrix products through numpy's BLAS (OpenBLAS) instead of thinc's default, BLIS:
    the same weights and, measured by ``bench/bench_ner.py``, about a quarter faster on this project's CPUs.
    Scores are unchanged on KazNERD dev (the products differ only in the last bits of a float)."""
    import spacy
    from thinc.api import use_ops

    from ..lang.kk import language  # noqa: F401 - registers the kk language, its tokenizer and the NER layers

    with use_ops("numpy", use_blis=False):
        return spacy.load(path, **kwargs)
