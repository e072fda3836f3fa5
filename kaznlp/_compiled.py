"""The modules that ``pip install`` compiles with mypyc, and the switch back to their Python sources.

The facts pipeline's hot modules (:data:`MODULES`) are compiled at install time (``setup.py``); their ``.py``
files stay the definition and run unchanged where nothing was compiled. ``python bench/bench_compiled.py --each``
measures what compiling each one buys. The sources also run instead of compiled modules

- when ``KAZNLP_PURE=1`` is set (at run time: this process; at install time: compile nothing), and
- when a source has changed since it was compiled (an editable install after an edit), with a warning: an edit is
  never silently ignored, and ``pip install -e .`` compiles it again.

Mixing is never done: either every module below runs compiled, or every one runs from source. This module must
not import any of them, and it imports little: it runs at every ``import kaznlp``.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
import zlib
from pathlib import Path

__all__ = ["MODULES", "GROUP", "OPT_LEVEL", "MANIFEST", "source_hashes", "setup"]

# What compiling each buys, by bench/bench_compiled.py (README, Speed): alone, none makes the facts pipeline more
# than 9% faster; together they make it 1.5-1.7 times faster than from source, as calls between compiled modules
# skip the interpreter. Every one pays for itself: without morphology, the least useful, the pipeline is 2-3%
# slower on KazNERD news (0% on the archive sample) for 7% of the C; without morphology, units and count, 2-7%.
MODULES = (
    "kaznlp.normalize",
    "kaznlp.tokenizer",
    "kaznlp.sentences",
    "kaznlp.numbers",
    "kaznlp.morphology",
    "kaznlp.facts.base",
    "kaznlp.facts.units",
    "kaznlp.facts.qualifiers",
    "kaznlp.facts.objects",
    "kaznlp.facts.negatives",
    "kaznlp.facts.count",
    "kaznlp.facts.percentage",
    "kaznlp.facts.money",
    "kaznlp.facts.quantity",
    "kaznlp.facts.duration",
    "kaznlp.facts.date",
    "kaznlp.facts.ranking",
    "kaznlp.facts.extractor",
    "kaznlp.script",
    "kaznlp.langid",
)
GROUP = "kaznlp__mypyc"  # mypyc's shared library of the compiled modules (a top-level module, as mypyc makes it)
# the C compiler's -O for them: -O1 compiles in half the CPU time of -O3 (12-15 s against 25 s for the 18 modules
# on this project's machine) and runs the facts pipeline as fast, within the bench's noise of 1-2%
OPT_LEVEL = "1"
MANIFEST = "_compiled.json"  # written by setup.py beside this file: a checksum of each source it compiled
_PACKAGE = Path(__file__).resolve().parent


def source_path(module: str) -> Path:
    """The ``.py`` file of a module of :data:`MODULES`."""
    return _PACKAGE.parent.joinpath(*module.split(".")).with_suffix(".py")


def source_hashes() -> dict[str, str]:
    """CRC-32 of the source of each module of :data:`MODULES`: enough to tell an edited file (and zlib imports in a
    tenth of the time of hashlib)."""
    return {m: format(zlib.crc32(source_path(m).read_bytes()), "08x") for m in MODULES}


def _extension(module: str) -> Path | None:
    src = source_path(module)
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        p = src.with_name(src.stem + suffix)
        if p.exists():
            return p
    return None


def stale(manifest: dict[str, str], hashes: dict[str, str]) -> list[str]:
    """Modules whose source is not the one that was compiled."""
    return [m for m in MODULES if manifest.get(m) != hashes.get(m)]


class _SourceFinder:
    """Imports the modules of :data:`MODULES` from their ``.py`` files, ahead of any compiled extension. (A meta
    path finder needs nothing but ``find_spec``; the base class in ``importlib.abc`` would cost more import time
    than the rest of this module.)"""

    def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
        if name in MODULES:
            return importlib.util.spec_from_file_location(name, source_path(name))
        return None


def setup() -> str:
    """Decide, once per process and before any of :data:`MODULES` is imported, whether they run compiled.

    Returns ``"compiled"``, or ``"source"`` with the reason: ``"source: not compiled"``, ``"source: KAZNLP_PURE"``
    or ``"source: changed since compiled"``.
    """
    built = [_extension(m) is not None for m in MODULES]
    if not any(built):
        return "source: not compiled"
    if os.environ.get("KAZNLP_PURE", "") not in ("", "0"):
        reason = "source: KAZNLP_PURE"
    else:
        try:
            manifest = json.loads((_PACKAGE / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = {}
        complete = all(built) and importlib.util.find_spec(GROUP) is not None
        changed = stale(manifest, source_hashes()) if complete else list(MODULES)
        if not changed:
            return "compiled"
        reason = "source: changed since compiled"
        warnings.warn(
            f"kaznlp: {', '.join(changed[:3])}{' ...' if len(changed) > 3 else ''} changed since it was compiled "
            "(or the build is incomplete); running every compiled module from its source, which is slower. "
            "Compile again with `pip install -e .`, or build without compiling: `KAZNLP_PURE=1 pip install -e .`",
            RuntimeWarning,
            stacklevel=3,
        )
    if not any(isinstance(f, _SourceFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())
    return reason
