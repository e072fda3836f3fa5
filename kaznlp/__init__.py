"""kaznlp: numeric facts and named entities from Kazakh press releases."""

from . import _compiled

COMPILED = _compiled.setup()  # before any compiled module is imported: "compiled", or "source: <why>"

from . import writers  # noqa: E402
from .document import Document, Entity, Span  # noqa: E402
from .facts import FACT_TYPES, Fact  # noqa: E402
from .normalize import normalize  # noqa: E402
from .numbers import parse_number  # noqa: E402
from .pipeline import Pipeline, extract, load  # noqa: E402
from .sentences import split_sentences  # noqa: E402
from .tokenizer import tokenize  # noqa: E402

__version__ = "0.1.0"
__all__ = [
    "COMPILED",
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
