#!/usr/bin/env bash
# A trial, not the build: compile the fact rules (and numbers, sentences, morphology) with mypyc, unchanged, in a
# copy of the repository, and print bench_stages.py for the compiled copy and for this checkout, one after the
# other, twice. Needs the project's venv active; installs mypy and types-regex into it.
#
#     bash bench/mypyc_trial.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$root" archive HEAD | tar -x -C "$work"
pip install -q mypy types-regex
cd "$work"
python setup.py -q build_ext --inplace 2>/dev/null  # the tokenizer's C scanner, as in a normal install
mypyc kaznlp/numbers.py kaznlp/sentences.py kaznlp/lang/kk/morphology.py kaznlp/facts/*.py > mypyc.log 2>&1 \
  || { tail -20 mypyc.log; exit 1; }
for k in 1 2; do
  echo "== compiled by mypyc"; (cd "$work" && PYTHONPATH="$work" python bench/bench_stages.py | tail -6)
  echo "== pure Python (this checkout)"; (cd "$root" && python bench/bench_stages.py | tail -6)
done
