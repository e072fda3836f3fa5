"""The compiled parts of kaznlp; everything else is in pyproject.toml.

- Two small C helpers: the tokenizer's scanner (``kaznlp/_tokenscan.c``) and the fact extractor's number anchors
  (``kaznlp/_number_anchors.c``).
- The rules' hot modules (``kaznlp._compiled.MODULES``), compiled by mypyc from their unchanged ``.py`` files,
  with a manifest of the sources it compiled (``kaznlp/_compiled.json``), so that an edited source runs from
  source until it is compiled again.

Both are optional: without a C compiler, or with ``KAZNLP_PURE=1``, kaznlp runs the same code as plain Python
(same records, slower). ``KAZNLP_PURE=1 pip install -e .`` is the build for working on the rules.
"""

import importlib.util
import json
import os
import sys
from pathlib import Path

from setuptools import Extension, setup

ROOT = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("_kaznlp_compiled", ROOT / "kaznlp" / "_compiled.py")
compiled = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compiled)

ext_modules = [
    Extension("kaznlp._tokenscan", ["kaznlp/_tokenscan.c"], optional=True),
    Extension("kaznlp._number_anchors", ["kaznlp/_number_anchors.c"], optional=True),
]
manifest = ROOT / "kaznlp" / compiled.MANIFEST
pure = os.environ.get("KAZNLP_PURE", "") not in ("", "0")
if not pure:
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("kaznlp: mypyc is not installed; the rules run as plain Python", file=sys.stderr)
        pure = True
mypyc_exts = []
if not pure:
    manifest.write_text(json.dumps(compiled.source_hashes(), indent=1) + "\n", encoding="utf-8")
    paths = [str(compiled.source_path(m).relative_to(ROOT)) for m in compiled.MODULES]
    try:
        mypyc_exts = mypycify(paths, opt_level="3", group_name="kaznlp")
    except (Exception, SystemExit) as exc:  # mypy refused the code: build the sources alone, say why
        print(f"kaznlp: mypyc could not compile the rules ({exc}); they run as plain Python", file=sys.stderr)
        pure = True
if pure:
    # an in-place build (editable install) may hold modules compiled before: they would shadow the sources
    manifest.unlink(missing_ok=True)
    for m in compiled.MODULES:
        src = compiled.source_path(m)
        for old in src.parent.glob(f"{src.stem}.*.so"):
            old.unlink()
    for old in ROOT.glob(f"{compiled.GROUP}.*.so"):
        old.unlink()
for ext in mypyc_exts:
    ext.optional = True  # no C compiler: the sources run
    ext_modules.append(ext)

setup(ext_modules=ext_modules)
