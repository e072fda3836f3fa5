"""kaznlp: numeric facts and named entities from Kazakh press releases."""

from . import writers
from .document import Document, Entity, Span
from .facts import FACT_TYPES, Fact
from .normalize import normalize
from .numbers import parse_number
from .pipeline import Pipeline, extract, load
from .sentences import split_sentences
from .tokenizer import tokenize

__version__ = "0.1.0"
__all__ = [
    "Document",
    "Entity",
    "FACT_TYPES",
    "Fact",
    "Pipeline",
    "Span",
    "extract",
    "load",
    "normalize",
    "parse_number",
    "split_sentences",
    "tokenize",
    "writers",
]
