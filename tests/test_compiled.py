"""The modules compiled by mypyc at install give the records of their Python sources, and an edited source runs from
source (with a warning) instead of being silently ignored."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

import kaznlp
from kaznlp import _compiled

needs_compiled = pytest.mark.skipif(
    kaznlp.COMPILED != "compiled" and not os.environ.get("CI"), reason=f"not compiled ({kaznlp.COMPILED})"
)

# every record of the bundled corpora and the first KazNERD validation sentences, as JSON
_DUMP = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import kaznlp
    root = Path(sys.argv[1])
    texts = [p.read_text(encoding="utf-8") for d in ("press", "heldout") for p in sorted((root / "corpora" / d).glob("*.txt"))]
    lines = (root / "corpora" / "kaznerd" / "IOB2_valid.txt").read_text(encoding="utf-8").splitlines()[:30000]
    texts.append(" ".join(line.rsplit(" ", 1)[0] for line in lines if line.strip()))
    out = [kaznlp.COMPILED, kaznlp.facts.extractor.__file__]
    for doc in map(kaznlp.extract, texts):
        out.append([doc.token_starts, doc.token_ends, doc.sentence_spans, [f.to_dict() for f in doc.facts]])
    print(json.dumps(out, ensure_ascii=False))
    """
)


def _dump(root, **env) -> list:
    run = subprocess.run(
        [sys.executable, "-c", _DUMP, str(root)], capture_output=True, text=True, env={**os.environ, **env}, check=True
    )
    return json.loads(run.stdout)


@needs_compiled
def test_the_modules_are_compiled():
    assert kaznlp.COMPILED == "compiled", "pip install -e . did not compile kaznlp._compiled.MODULES with mypyc"
    assert kaznlp.facts.extractor.__file__.endswith(".so")


@needs_compiled
def test_compiled_modules_give_the_records_of_their_sources(root):
    compiled, source = _dump(root, KAZNLP_PURE="0"), _dump(root, KAZNLP_PURE="1")
    assert compiled[:2] != source[:2]  # the two runs did run different code
    assert compiled[0] == "compiled" and source[0] == "source: KAZNLP_PURE"
    assert source[1].endswith("extractor.py")
    assert len(compiled) > 10 and sum(len(d[3]) for d in compiled[2:]) > 300
    assert compiled[2:] == source[2:]


@needs_compiled
def test_a_source_changed_since_it_was_compiled_runs_from_source_with_a_warning(tmp_path):
    manifest = json.loads((_compiled._PACKAGE / _compiled.MANIFEST).read_text(encoding="utf-8"))
    edited = _compiled.MODULES[-1]
    manifest[edited] = "0" * 8  # as if its source had been edited after the build
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import importlib.util, sys, warnings
        spec = importlib.util.spec_from_file_location("probe", {str(_compiled.__file__)!r})
        probe = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(probe)
        probe.MANIFEST = {str(tmp_path / "manifest.json")!r}
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            print(probe.setup())
        print(caught[0].category.__name__, {edited!r} in str(caught[0].message))
        import kaznlp.facts.extractor, kaznlp.numbers
        print(kaznlp.facts.extractor.__file__.endswith(".py"), kaznlp.numbers.__file__.endswith(".py"))
        print(len(kaznlp.extract("Жұмыссыздық деңгейі 4,8%-ға төмендеді.").facts))
        """
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split("\n")[:4] == ["source: changed since compiled", "RuntimeWarning True", "True True", "1"]


def test_stale_lists_the_modules_whose_source_is_not_the_compiled_one():
    hashes = {m: f"h{k}" for k, m in enumerate(_compiled.MODULES)}
    assert _compiled.stale(dict(hashes), hashes) == []
    assert _compiled.stale({**hashes, "kaznlp.numbers": "old"}, hashes) == ["kaznlp.numbers"]
    assert _compiled.stale({}, hashes) == list(_compiled.MODULES)
