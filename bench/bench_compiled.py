"""What compiling each module with mypyc buys: the facts pipeline (normalise, tokenize, sentences, facts:
``kaznlp.load()``) with different sets of compiled modules and mypyc options, each against every module from
source, in one run.

    python bench/bench_compiled.py                    # the shipped set (kaznlp._compiled.MODULES), all 18, none
    python bench/bench_compiled.py --each --opts O1   # + each module alone, and all but each, at -O1
    python bench/bench_compiled.py --no-default --set a=numbers,facts.extractor --set b=all:O3,multi
    python bench/bench_compiled.py --texts archive    # the archive sample instead of the KazNERD-built documents

Every set is built (mypyc, then the C compiler) in a copy of the package under ``build/bench_compiled/<set>/``
whose ``_compiled.MODULES`` is that set; a copy is reused while its sources and options are the same. The build's
two parts are timed (mypy and mypyc generating C; the C compiler, also in CPU seconds) and the lines of C counted.
Then each set runs the pipeline in its own process; the processes take turns, every one once per round
(``--rounds``), so that a slow phase of this shared machine falls on every set alike; each process times its own
CPU seconds, and its best round counts. Every process checks that its records (tokens, sentences, facts) are those
of the all-source process.

Needs mypy (``pip install mypy==2.4.1``, the version pinned in pyproject.toml) and a C compiler.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench_compiled"
sys.path.insert(0, str(ROOT))
from kaznlp import _compiled  # noqa: E402 - only its names, nothing compiled is imported

# every module mypyc can compile among the pipeline's modules: the candidates, the list the build compiles
CANDIDATES = _compiled.MODULES

# the build of one set, run in its copy of the package: mypyc as setup.py runs it, with the options given
_BUILD = r"""
import json, resource, sys, time
from setuptools import Extension, setup
cfg = json.loads(sys.argv[1])
sys.argv[1:] = ["build_ext", "--inplace", "-q"] + (["-j", str(cfg["jobs"])] if cfg["jobs"] > 1 else [])
exts = [Extension("kaznlp._tokenscan", ["kaznlp/_tokenscan.c"]),
        Extension("kaznlp._number_anchors", ["kaznlp/_number_anchors.c"])]
t0 = time.perf_counter()
if cfg["modules"]:
    from mypyc.build import mypycify
    paths = [m.replace(".", "/") + ".py" for m in cfg["modules"]]
    separate = cfg["separate"]
    if separate == "split":  # two shared libraries: the text modules, and the facts
        facts = [p for p in paths if p.startswith("kaznlp/facts/")]
        separate = [([p for p in paths if p not in facts], "kaznlp_text"), (facts, "kaznlp_facts")]
    exts += mypycify(paths, opt_level=cfg["opt_level"], debug_level=cfg["debug_level"], multi_file=cfg["multi_file"],
                     separate=separate, group_name=None if separate else cfg["group"])
t1 = time.perf_counter()
setup(name="kaznlp-bench", ext_modules=exts, packages=[])
t2, cc = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"mypyc_s": t1 - t0, "cc_s": t2 - t1, "cc_cpu_s": cc.ru_utime + cc.ru_stime}, open("build-times.json", "w"))
"""

# a process that runs the pipeline over the texts once per line read on stdin, printing the CPU seconds it took (its
# own, not the machine's: another job on a shared machine slows the clock less than the wall clock)
_WORKER = r"""
import hashlib, json, sys, time
variant, bench_dir, texts_path = sys.argv[1:4]
sys.path.insert(0, variant)
import kaznlp
assert kaznlp.__file__.startswith(variant), kaznlp.__file__
texts = json.load(open(texts_path, encoding="utf-8"))
nlp = kaznlp.load()
h = hashlib.sha256()
n_tokens = 0
for t in texts:
    d = nlp(t)
    n_tokens += len(d)
    h.update(json.dumps([d.token_starts, d.token_ends, d.sentence_spans, list(d.fact_records())],
                        ensure_ascii=False, sort_keys=True).encode())
so = sorted(m for m, mod in list(sys.modules.items()) if m.startswith("kaznlp.") and "._" not in m and "__" not in m
            and (getattr(mod, "__file__", None) or "").endswith(".so"))
print(json.dumps({"compiled": kaznlp.COMPILED, "digest": h.hexdigest(), "tokens": n_tokens, "so": so}), flush=True)
for line in sys.stdin:
    t0 = time.process_time()
    for t in texts:
        nlp(t)
    print(time.process_time() - t0, flush=True)
"""

# the baseline of bench_pipeline.py: spaCy's blank("xx") tokenizer
_BASELINE = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])  # spaCy may import kaznlp (its entry points): the uncompiled copy
import spacy
texts = json.load(open(sys.argv[3], encoding="utf-8"))
xx = spacy.blank("xx")
print(json.dumps({"compiled": "spaCy", "digest": None, "tokens": sum(len(xx.tokenizer(t)) for t in texts), "so": []}),
      flush=True)
for line in sys.stdin:
    t0 = time.process_time()
    for t in texts:
        xx.tokenizer(t)
    print(time.process_time() - t0, flush=True)
"""


def short(module: str) -> str:
    return module.removeprefix("kaznlp.").removeprefix("lang.kk.")


def sources_key(cfg: dict) -> str:
    h = hashlib.sha256(json.dumps(cfg, sort_keys=True).encode())
    for p in sorted((ROOT / "kaznlp").rglob("*")):
        if p.suffix in (".py", ".c", ".pyi", ".tsv", ".txt") and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(ROOT)).encode() + p.read_bytes())
    h.update((ROOT / "pyproject.toml").read_bytes())
    h.update(Path(__file__).read_bytes())  # how a copy is made and built
    return h.hexdigest()[:16]


def build(name: str, cfg: dict, log) -> dict:
    """The copy of the package for one set, built (or reused); its build times and C lines."""
    dest = OUT / name
    key = sources_key(cfg)
    info_path = dest / "build-info.json"
    if info_path.exists():
        info = json.loads(info_path.read_text())
        if info.get("key") == key:
            return info
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    shutil.copytree(
        ROOT / "kaznlp",
        dest / "kaznlp",
        ignore=shutil.ignore_patterns("*.so", "__pycache__", "_compiled.json", "examples"),
    )
    shutil.copytree(ROOT / "kaznlp" / "facts" / "examples", dest / "kaznlp" / "facts" / "examples")
    # mypy's settings from pyproject.toml; no site-packages, as in pip's isolated build environment
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    settings["no_site_packages"] = True
    (dest / "mypy.ini").write_text("[mypy]\n" + "".join(f"{k} = {v}\n" for k, v in settings.items()))
    # this copy compiles exactly this set: its _compiled.MODULES, and the manifest setup.py writes
    comp = dest / "kaznlp" / "_compiled.py"
    text = comp.read_text(encoding="utf-8")
    mods = "".join(f'    "{m}",\n' for m in cfg["modules"])
    text, n = re.subn(r"^MODULES = \(\n.*?^\)\n", f"MODULES = (\n{mods})\n", text, count=1, flags=re.M | re.S)
    assert n == 1, "kaznlp/_compiled.py: MODULES = (...) not found"
    if cfg["separate"]:  # not one shared library named GROUP: _compiled asks for a module that exists instead
        text = re.sub(r"^GROUP = .*$", 'GROUP = "kaznlp"', text, count=1, flags=re.M)
    comp.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("_bench_compiled_copy", comp)  # the copy's own checksums
    copy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(copy)
    (dest / "kaznlp" / _compiled.MANIFEST).write_text(json.dumps(copy.source_hashes()), encoding="utf-8")
    log(f"building {name}: {len(cfg['modules'])} modules ...")
    t0, r0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run(
        [sys.executable, "-c", _BUILD, json.dumps(cfg)], cwd=dest, capture_output=True, text=True, env=os.environ
    )
    wall, r1 = time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode:
        sys.exit(f"build of {name} failed:\n{run.stdout[-3000:]}\n{run.stderr[-3000:]}")
    times = json.loads((dest / "build-times.json").read_text())
    from mypyc.common import RUNTIME_C_FILES  # noqa: PLC0415 - the runtime copied in multi-file mode: not counted

    runtime = {Path(f).name for f in RUNTIME_C_FILES}
    c_files = [p for p in (dest / "build").rglob("*.c") if p.name not in runtime] if cfg["modules"] else []
    c_lines = sum(len(p.read_bytes().splitlines()) for p in c_files)
    cpu = r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime  # the whole build: mypy, mypyc and the C compiler
    info = {"key": key, "wall_s": wall, "c_lines": c_lines, "cpu_s": cpu, **times}
    info_path.write_text(json.dumps(info))
    mypyc_s, cc_s = times["mypyc_s"], times["cc_s"]
    log(f"  {wall:.0f} s (mypy and mypyc {mypyc_s:.0f} s, C compiler {cc_s:.0f} s using {times['cc_cpu_s']:.0f} s of "
        f"CPU), {c_lines:,} lines of C")
    return info


def load_texts(which: str, max_docs: int, archive: Path) -> list[str]:
    texts: list[str] = []
    if which in ("corpora", "both"):
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_pipeline import load_texts as corpora_texts  # noqa: PLC0415

        texts += corpora_texts(max_docs)
    if which in ("archive", "both"):
        import csv

        with open(archive, encoding="utf-8", newline="") as f:
            texts += [row["text"] for row in csv.DictReader(f)]
    return texts


class Worker:
    def __init__(self, name: str, program: str, variant: Path, texts_path: Path, env: dict) -> None:
        self.name = name
        self.proc = subprocess.Popen(
            [sys.executable, "-c", program, str(variant), str(ROOT / "bench"), str(texts_path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=variant, env=env,
        )
        line = self.proc.stdout.readline()
        if not line:
            sys.exit(f"{name}: the worker failed to start")
        self.info = json.loads(line)
        self.times: list[float] = []

    def run(self) -> float:
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        t = float(self.proc.stdout.readline())
        self.times.append(t)
        return t

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def parse_set(spec: str, default_opts: str = "") -> tuple[str, tuple[str, ...], dict]:
    """``NAME=MODS[:OPTIONS]``: MODS is ``all`` (the candidates), ``shipped`` (kaznlp._compiled.MODULES) or modules
    by comma (``numbers,facts.extractor``, ``all-facts.units`` for all but one); OPTIONS by comma: ``O2`` (the C
    compiler's -O), ``g0`` (its -g), ``multi`` (mypyc's multi_file), ``separate`` (one extension per module),
    ``split`` (two extensions: the text modules and the facts, compiled in parallel with ``j2``),
    ``j2`` (two C compiler jobs)."""
    name, _, rest = spec.partition("=")
    mods_spec, _, opt_spec = rest.partition(":")
    opt_spec = opt_spec or default_opts
    if mods_spec == "all":
        mods = CANDIDATES
    elif mods_spec == "shipped":
        mods = tuple(_compiled.MODULES)
    elif mods_spec.startswith("all-"):
        drop = {m if m.startswith("kaznlp.") else f"kaznlp.{m}" for m in mods_spec[4:].split(",")}
        drop |= {m for m in CANDIDATES if short(m) in {short(d) for d in drop}}
        mods = tuple(m for m in CANDIDATES if m not in drop)
    else:
        mods = tuple(m if m.startswith("kaznlp.") else f"kaznlp.{m}" for m in mods_spec.split(",") if m)
    unknown = [m for m in mods if m not in CANDIDATES]
    if unknown:
        sys.exit(f"--set {spec}: not a candidate: {', '.join(unknown)}")
    opts = {"opt_level": _compiled.OPT_LEVEL, "debug_level": "1", "multi_file": False, "separate": False, "jobs": 1}
    for o in filter(None, opt_spec.split(",")):
        if o[0] == "O":
            opts["opt_level"] = o[1:]
        elif o[0] == "g":
            opts["debug_level"] = o[1:]
        elif o[0] == "j":
            opts["jobs"] = int(o[1:])
        elif o == "multi":
            opts["multi_file"] = True
        elif o in ("separate", "split"):
            opts["separate"] = True if o == "separate" else o
        else:
            sys.exit(f"--set {spec}: unknown option {o}")
    return name, mods, opts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--each", action="store_true", help="each candidate alone, and all candidates but each")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=MODS[:OPTS]", help=parse_set.__doc__)
    ap.add_argument("--no-default", action="store_true", help="only the sets given (and none, the reference)")
    ap.add_argument("--opts", default="", help="OPTIONS of the sets that name none (default: as setup.py)")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--texts", choices=["corpora", "archive", "both"], default="corpora")
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--archive", type=Path, help="the archive sample (CSV, column text) of --texts archive",
                    default=ROOT.parent / "shared" / "corpora" / "archive-sample" / "news-1-250.csv")  # fmt: skip
    ap.add_argument("--build-only", action="store_true")
    args = ap.parse_args()

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    specs = [] if args.no_default else ["shipped=shipped", "all18=all"]
    specs += args.set
    if args.each:
        specs += [f"only-{short(m)}={m}" for m in CANDIDATES] + [f"all-but-{short(m)}=all-{m}" for m in CANDIDATES]
    sets: dict[str, tuple[tuple[str, ...], dict]] = {"none": parse_set("none=")[1:]}
    for spec in specs:
        name, mods, opts = parse_set(spec, args.opts)
        sets[name] = (mods, opts)
    group = _compiled.GROUP.removesuffix("__mypyc")
    builds = {
        name: build(name, {**opts, "modules": list(mods), "group": group}, log) for name, (mods, opts) in sets.items()
    }
    if args.build_only:
        return 0

    texts = load_texts(args.texts, args.docs, args.archive)
    texts_path = OUT / "texts.json"
    texts_path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "KAZNLP_PURE"}
    workers = [Worker("spaCy blank('xx') tokenizer", _BASELINE, OUT / "none", texts_path, env)]
    for name, (mods, _) in sets.items():
        w = Worker(name, _WORKER, OUT / name, texts_path, env)
        want = "compiled" if mods else "source: not compiled"
        if w.info["compiled"] != want or len(w.info["so"]) != len(mods):
            sys.exit(f"{name}: runs {w.info['compiled']} with {w.info['so']}; expected {want} with {len(mods)} modules")
        workers.append(w)
    ref = workers[1]
    for w in workers[2:]:
        if w.info["digest"] != ref.info["digest"]:
            sys.exit(f"{w.name}: records differ from those of the sources")
    log(f"{len(texts)} documents, {ref.info['tokens']:,} tokens; records equal in every set; {args.rounds} rounds")
    for _ in range(args.rounds):
        for w in workers:
            w.run()
    for w in workers:
        w.close()

    rate = {w.name: w.info["tokens"] / min(w.times) for w in workers}  # each row's own tokens, as bench_pipeline.py
    base, pure = rate[workers[0].name], rate["none"]
    top = "all18" if "all18" in rate else "shipped" if "shipped" in rate else None
    print(f"{len(texts)} documents, {ref.info['tokens']:,} tokens; best of {args.rounds} interleaved rounds")
    print("build: wall seconds, CPU seconds of the C compiler; tok/s of the facts pipeline; ratios to spaCy's blank "
          f"tokenizer, to no module compiled{', to ' + top if top else ''}; spread: median / best round")
    print(f"{'set':<26} {'mods':>4} {'opts':<8} {'build':>5} {'cc cpu':>6} {'C lines':>7} {'tok/s':>9} {'/xx':>5}"
          f" {'/none':>6} {('/' + top) if top else '':>7} {'spread':>6}")
    for w in workers:
        mods, opts = sets.get(w.name, ((), {}))
        b = builds.get(w.name, {})
        o = (f"O{opts['opt_level']}" + ("" if opts["debug_level"] == "1" else f"g{opts['debug_level']}")
             + ("m" if opts["multi_file"] else "") + {False: "", True: "s", "split": "2g"}[opts["separate"]]
             + ("" if opts["jobs"] == 1 else f"j{opts['jobs']}")) if mods else ""  # fmt: skip
        r = rate[w.name]
        vs_top = f"{r / rate[top]:7.3f}" if top else ""
        print(
            f"{w.name:<26} {len(mods):>4} {o:<8} {b.get('wall_s', 0):>5.0f} {b.get('cc_cpu_s', 0):>6.0f} "
            f"{b.get('c_lines', 0):>7,} {r:>9,.0f} {r / base:>5.2f} {r / pure:>6.3f} {vs_top} "
            f"{statistics.median(w.times) / min(w.times):>6.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
