import io
import json
import subprocess
import sys

import pandas as pd
import pytest
from click.testing import CliRunner

from kaznlp.cli import EXIT_NOTHING, EXIT_PARTIAL, main

SENTENCE = "Бүгінде олар 29 млн. астам мемлекеттік қызмет көрсетті."


@pytest.fixture
def runner():
    return CliRunner()


def test_extract_jsonl_gives_exact_records(runner, tmp_path):
    f = tmp_path / "release.txt"
    f.write_text(SENTENCE, encoding="utf-8")
    res = runner.invoke(main, ["extract", str(f)])
    assert res.exit_code == 0, res.output
    (rec,) = [json.loads(line) for line in res.stdout.splitlines()]
    assert {k: rec[k] for k in ("doc", "type", "text", "start", "end", "value", "unit", "qualifier", "object")} == {
        "doc": "release", "type": "count", "text": "29 млн. астам", "start": 13, "end": 26,
        "value": 29000000, "unit": None, "qualifier": "more_than", "object": "қызмет",
    }  # fmt: skip


def test_extract_directory_csv_and_parquet(runner, root, tmp_path, seed_path):
    seed = seed_path
    out = tmp_path / "facts.parquet"
    res = runner.invoke(main, ["extract", str(seed), "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0, res.output
    df = pd.read_parquet(out)
    assert len(df) == 34 and df["value"].dtype == "float64"
    assert df.loc[df["type"] == "date", "value_edtf"].tolist()[0] == "199X"
    res = runner.invoke(main, ["extract", str(seed), "--format", "csv"])
    assert res.exit_code == 0 and res.stdout.splitlines()[0].startswith("doc,type,text,start,end,value,value_edtf")
    res = runner.invoke(main, ["extract", str(root / "corpora" / "releases"), "--format", "csv"])
    assert res.exit_code == 0 and len(pd.read_csv(io.StringIO(res.stdout))["doc"].unique()) == 37


def test_stdin_and_doc_date(runner):
    res = runner.invoke(main, ["extract", "-", "--doc-date", "2016-11-25"], input="1 қазандағы жағдай бойынша.")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["value"] == "2016-10-01"
    bad = runner.invoke(main, ["extract", "-", "--doc-date", "25.11.2016"], input="x")
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_bad_inputs_get_messages_not_tracebacks(runner, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "cp1251.txt").write_bytes(
        SENTENCE.replace("ә", "а").encode("utf-8").decode("utf-8").encode("cp1251", "replace")
    )
    (tmp_path / "utf16.txt").write_bytes(SENTENCE.encode("utf-16"))
    (tmp_path / "russian.txt").write_text("В Казахстане оказано более 29 млн государственных услуг.", encoding="utf-8")
    res = runner.invoke(main, ["extract", str(tmp_path), "--records", "documents", "--no-ner"])
    assert res.exit_code == EXIT_PARTIAL, res.output
    assert "Traceback" not in res.output
    recs = {r["id"]: r for r in map(json.loads, res.stdout.splitlines())}
    assert recs["empty"]["error"] == "empty"
    assert recs["binary"]["error"] == "binary"
    assert recs["russian"]["error"] == "language"
    assert [f["value"] for f in recs["utf16"]["facts"]] == [29000000]
    assert [f["value"] for f in recs["cp1251"]["facts"]] == [29000000]
    only_bad = runner.invoke(main, ["extract", str(tmp_path / "empty.txt")])
    assert only_bad.exit_code == EXIT_NOTHING and "empty input" in only_bad.output


def test_every_command_takes_one_lang_vocabulary(runner, tmp_path):
    (tmp_path / "kazakh.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "russian.txt").write_text("В Казахстане оказано более 29 млн государственных услуг.", encoding="utf-8")
    for command in ("extract", "batch"):
        help_text = runner.invoke(main, [command, "--help"]).output
        assert "--lang [kk|ky|ru|tt|ba|uz|mn|en|other|any]" in help_text, help_text
        bad = runner.invoke(main, [command, str(tmp_path), "-o", str(tmp_path / "out"), "--lang", "de"])
        assert bad.exit_code == 2 and "'de' is not a language kaznlp tells apart" in bad.output, bad.output
    ru = runner.invoke(main, ["extract", str(tmp_path), "--lang", "ru", "--records", "documents", "--no-ner"])
    assert ru.exit_code == EXIT_PARTIAL and "kazakh.txt: not ru text (kk: Kazakh, 0.99); skipped" in ru.output, ru.output
    recs = {r["id"]: r for r in map(json.loads, ru.stdout.splitlines())}
    assert recs["kazakh"]["error"] == "language" and "error" not in recs["russian"]
    both = runner.invoke(main, ["extract", str(tmp_path), "--lang", "any", "--records", "documents", "--no-ner"])
    assert both.exit_code == 0 and all("error" not in json.loads(r) for r in both.stdout.splitlines())
    for lang, errors in (("any", 0), ("kk", 1), ("ru", 1), ("other", 2)):
        out = tmp_path / f"batch-{lang}"
        res = runner.invoke(main, ["batch", str(tmp_path / "kazakh.txt"), str(tmp_path / "russian.txt"), "-o", str(out),
                                   "--lang", lang, "--quiet", "--no-parquet"])  # fmt: skip
        assert res.exit_code == {0: 0, 1: EXIT_PARTIAL, 2: EXIT_NOTHING}[errors], res.output
        assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["errors"] == errors


def test_cp1251_kazakh_letters_survive(tmp_path):
    from kaznlp.io import read_text

    p = tmp_path / "a.txt"
    p.write_bytes("Қазақстан 73%-ға жетті, бәрі жақсы.".encode("cp1251", "replace"))
    assert read_text(p).startswith("?аза?стан 73%")  # cp1251 has no Kazakh letters: they were lost on writing


def test_fifty_megabyte_single_line_runs_in_bounded_time(tmp_path):
    dense = "Бүгінде 29 млн. астам мемлекеттік қызмет көрсетілді және 73%-ға жетті " * 60_000
    plain = "Тәуелсіздік жылдары біздің халық тұрақты дамуымен мақтана алады " * 850_000
    line = (dense + plain).encode()[: 50 * 1024 * 1024]
    p = tmp_path / "huge.txt"
    p.write_bytes(line.decode("utf-8", "ignore").encode())
    proc = subprocess.run(
        [sys.executable, "-m", "kaznlp.cli", "extract", str(p), "-o", str(tmp_path / "out.jsonl")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert sum(1 for _ in open(tmp_path / "out.jsonl", encoding="utf-8")) == 120_000


def test_evaluate_prints_scores(runner, root):
    res = runner.invoke(main, ["evaluate", "--gold", str(root / "corpora" / "gold"), str(root / "corpora" / "press")])
    assert res.exit_code == 0
    assert "overall" in res.stdout and "unit accuracy: 1.000" in res.stdout


def test_train_ner_refuses_the_test_split_and_a_refit_without_a_step_count(runner, root, tmp_path):
    valid = root / "corpora" / "kaznerd" / "IOB2_valid.txt"
    work = ["-o", str(tmp_path / "m"), "--work", str(tmp_path / "w")]
    test_split = runner.invoke(main, ["train-ner", "--valid", str(root / "corpora/kaznerd/IOB2_test.txt"), *work])
    assert test_split.exit_code == 2 and "evaluation only" in test_split.output
    refit = runner.invoke(main, ["train-ner", "--valid", str(valid), "--no-holdout", *work])
    assert refit.exit_code == 2 and "--max-steps" in refit.output
    assert not (tmp_path / "w").exists()


def test_evaluate_errors_lists_misses_and_extras_in_context(tmp_path):
    from click.testing import CliRunner

    from kaznlp.cli import main

    text = "Балабақша 140 орынға арналған. Мектепке 3 есе көп қаражат бөлінді, 2 млн теңге."
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    rows = [
        {"doc": "d", "type": "count", "text": "140 орынға", "start": 10, "end": 20, "value": 140, "unit": None,
         "qualifier": None},
        {"doc": "d", "type": "money", "text": "2 млн теңге", "start": 67, "end": 78, "value": 3000000, "unit": "KZT",
         "qualifier": None},  # a wrong value: one miss and one extra

    ]
    (gold / "d.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    res = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), str(tmp_path / "d.txt"), "--errors"])
    assert res.exit_code == 0
    lines = [ln for ln in res.output.splitlines() if ln.startswith(("MISSED", "EXTRA"))]
    assert lines == [
        "MISSED    d  money 3000000 (KZT)  ша 140 орынға арналған. Мектепке 3 есе көп қаражат бөлінді, [2 млн теңге].",
        "EXTRA     d  money 2000000 (KZT)  ша 140 орынға арналған. Мектепке 3 есе көп қаражат бөлінді, [2 млн теңге].",
    ]


def test_evaluate_ner_scores_press_gold_exact_and_lenient(tmp_path):
    from click.testing import CliRunner

    from kaznlp.cli import main

    text = "Министр Дәурен Абаев Астана қаласында болды."
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    rows = [
        {"doc": "d", "label": "POSITION", "text": "Министр", "start": 0, "end": 7},
        {"doc": "d", "label": "PERSON", "text": "Дәурен Абаев", "start": 8, "end": 20},
        {"doc": "d", "label": "GPE", "text": "Астана", "start": 21, "end": 27},  # a span without its kind word
    ]
    (gold / "d.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    res = CliRunner().invoke(main, ["evaluate-ner", "--gold", str(gold), str(tmp_path / "d.txt"), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["documents"] == 1
    # kaznlp gives the place with its kind word (entities-spec), "Астана қаласында": a lenient match, not an exact one
    assert {lab: s["f1"] for lab, s in out["exact"]["per_class"].items()} == {"PERSON": 1.0, "POSITION": 1.0, "GPE": 0.0}
    assert out["lenient"]["overall"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 3}
