"""Run this checkout's fact examples (kaznlp/facts/examples/*.jsonl) against the rules of another revision.

    python bench/examples_against.py 806597c            # the examples added since that revision
    python bench/examples_against.py 806597c --all      # every example

Shows which examples an older revision fails: each error class fixed since then should have examples that fail
there and pass here (``python -m pytest tests/test_fact_examples.py`` runs them here). The revision's ``kaznlp/``
is exported with ``git archive`` into a temporary folder and run from source (``KAZNLP_PURE=1``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "kaznlp" / "facts" / "examples"

_RUN = """
import json, sys
import kaznlp
for line in sys.stdin:
    ex = json.loads(line)
    recs = list(kaznlp.extract(ex["text"]).fact_records())
    got = [{k: r.get(k) for k in exp} for r, exp in zip(recs, ex["facts"])]
    print(json.dumps(len(recs) == len(ex["facts"]) and got == ex["facts"]))
"""


def examples(rev: str, everything: bool) -> list[tuple[str, dict]]:
    out = []
    for p in sorted(EXAMPLES.glob("*.jsonl")):
        lines = [ln for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
        old = 0
        if not everything:
            shown = subprocess.run(["git", "show", f"{rev}:kaznlp/facts/examples/{p.name}"], cwd=ROOT,
                                   capture_output=True, text=True)  # fmt: skip
            old = len([ln for ln in shown.stdout.splitlines() if ln.strip()]) if shown.returncode == 0 else 0
        out += [(p.stem, json.loads(ln)) for ln in lines[old:]]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rev")
    ap.add_argument("--all", action="store_true", help="every example, not only those added since REV")
    args = ap.parse_args()
    cases = examples(args.rev, args.all)
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", args.rev, "kaznlp"], cwd=ROOT, capture_output=True, check=True)
        subprocess.run(["tar", "x", "-C", tmp], input=archive.stdout, check=True)
        env = dict(os.environ, PYTHONPATH=tmp, KAZNLP_PURE="1")
        stdin = "".join(json.dumps(ex, ensure_ascii=False) + "\n" for _, ex in cases)
        res = subprocess.run([sys.executable, "-c", _RUN], input=stdin, capture_output=True, text=True, env=env,
                             cwd=tmp, check=True)  # fmt: skip
    passed = [json.loads(x) for x in res.stdout.split()]
    for (dim, ex), ok in zip(cases, passed):
        print(f"{'pass' if ok else 'FAIL'}  {dim:<11} {ex['text']}")
    print(f"at {args.rev}: {sum(passed)} of {len(cases)} examples pass, {len(cases) - sum(passed)} fail")
    return 0


if __name__ == "__main__":
    sys.exit(main())
