"""The compiled parts of kaznlp; everything else is in pyproject.toml.

- Four small C helpers: the tokenizer's scanner (``kaznlp/_tokenscan.c``), the fact extractor's number anchors
  (``kaznlp/_number_anchors.c``), normalisation's common case (``kaznlp/_normscan.c``) and the per-sentence scans
  of language identification (``kaznlp/_langscan.c``).
- The modules of ``kaznlp._compiled.MODULES``, compiled by mypyc from their unchanged ``.py`` files, with a
  manifest of the sources it compiled (``kaznlp/_compiled.json``), so that an edited source runs from source until
  it is compiled again. ``python bench/bench_compiled.py --each`` measures what each module buys.

Both are optional: without a C compiler, or with ``KAZNLP_PURE=1``, kaznlp runs the same code as plain Python
(same records, slower). ``KAZNLP_PURE=1 pip install -e .`` is the build for working on those modules.

mypyc runs once, when the extensions are built (``build_ext``), not in the metadata steps that pip runs first; the
C compiler builds the extensions in parallel, one job per core.
"""

import importlib.util
import json
import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("_kaznlp_compiled", ROOT / "kaznlp" / "_compiled.py")
compiled = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compiled)

C_HELPERS = [
    Extension("kaznlp._tokenscan", ["kaznlp/_tokenscan.c"], optional=True),
    Extension("kaznlp._number_anchors", ["kaznlp/_number_anchors.c"], optional=True),
    Extension("kaznlp._normscan", ["kaznlp/_normscan.c"], optional=True),
    # its floats must be Python's, operation for operation: no a*b+c fused into one rounding
    Extension("kaznlp._langscan", ["kaznlp/_langscan.c"], optional=True, extra_compile_args=["-ffp-contract=off"]),
]
MANIFEST = ROOT / "kaznlp" / compiled.MANIFEST
PURE = os.environ.get("KAZNLP_PURE", "") not in ("", "0")


def mypyc_extensions() -> list[Extension]:
    """The extensions of :data:`kaznlp._compiled.MODULES` made by mypyc, or none (the sources run) with the reason."""
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("kaznlp: mypyc is not installed; every module runs as plain Python", file=sys.stderr)
        return []
    paths = [str(compiled.source_path(m).relative_to(ROOT)) for m in compiled.MODULES]
    try:
        exts = mypycify(paths, opt_level=compiled.OPT_LEVEL, group_name=compiled.GROUP.removesuffix("__mypyc"))
    except (Exception, SystemExit) as exc:  # mypy refused the code: build the rest, say why
        print(f"kaznlp: mypyc could not compile the modules ({exc}); they run as plain Python", file=sys.stderr)
        # and modules compiled by an earlier build must not run in place of the sources that failed
        remove_stale_extensions({e.name for e in C_HELPERS})
        MANIFEST.unlink(missing_ok=True)
        return []
    for ext in exts:
        ext.optional = True  # no C compiler: the sources run
    return exts


# the commands that build extensions; the others (egg_info, dist_info, sdist: pip's metadata steps) only ask
# build_ext for its list of sources, which mypyc need not write
BUILDS = {"build", "build_ext", "bdist_wheel", "editable_wheel", "develop", "install", "bdist_egg"}


class BuildExt(build_ext):
    """``build_ext`` that runs mypyc first (only when extensions are built), and builds them in parallel."""

    def finalize_options(self) -> None:
        if not PURE and BUILDS & set(self.distribution.commands):
            self.distribution.ext_modules = [*C_HELPERS, *mypyc_extensions()]
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1
        super().finalize_options()


def remove_stale_extensions(keep: set[str]) -> None:
    """An in-place build (an editable install) may hold modules compiled before that this build does not compile
    (``KAZNLP_PURE=1``, or a module no longer in MODULES): they would shadow their sources."""
    for so in [*ROOT.joinpath("kaznlp").rglob("*.so"), *ROOT.glob("*__mypyc.*.so")]:
        rel = so.relative_to(ROOT)
        if ".".join([*rel.parts[:-1], rel.name.split(".")[0]]) not in keep:
            so.unlink()


remove_stale_extensions({e.name for e in C_HELPERS} | (set() if PURE else {*compiled.MODULES, compiled.GROUP}))
if PURE:
    MANIFEST.unlink(missing_ok=True)
else:
    # before build_py copies it into the wheel: a checksum of each source that build_ext compiles
    MANIFEST.write_text(json.dumps(compiled.source_hashes(), indent=1) + "\n", encoding="utf-8")

setup(ext_modules=list(C_HELPERS), cmdclass={"build_ext": BuildExt})
