"""The ``kaznlp`` command line.

Exit codes: 0 success; 2 usage error; 3 some inputs were skipped or unreadable (empty, binary, bad encoding,
not Kazakh), the others were processed; 4 no input could be processed.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import click

from .records import FACT_TYPES, LANGUAGES

EXIT_OK, EXIT_USAGE, EXIT_PARTIAL, EXIT_NOTHING = 0, 2, 3, 4


_LANG_HELP = ("kk (Kazakh, in Cyrillic, Latin or Arabic script), ky (Kyrgyz), ru (Russian), tt (Tatar), ba (Bashkir), "
              "uz (Uzbek), mn (Mongolian), en (English), other (none of these) or any (every document)")


class LanguageChoice(click.Choice):
    """``--lang`` of every command: a language code to keep (``kaznlp.records.LANGUAGES``, told apart by
    ``kaznlp.langid``) or ``any``."""

    name = "language"

    def __init__(self) -> None:
        super().__init__([*LANGUAGES, "any"])

    def convert(self, value, param, ctx):
        if value not in self.choices:
            self.fail(f"{value!r} is not a language kaznlp tells apart: use {_LANG_HELP}", param, ctx)
        return value


def _lang_option(default: str, skipped: str):
    return click.option(
        "--lang", type=LanguageChoice(), default=default, show_default=True,
        help=f"Keep documents in this language: {_LANG_HELP}; {skipped}. kk also keeps a document with a "
             "real Kazakh part (a bilingual post); only its Kazakh sentences give facts.",
    )  # fmt: skip


def _inputs(paths: tuple[str, ...]) -> Iterator[tuple[str, Path | None]]:
    """(doc id, path) for files, directories (``*.txt`` inside, sorted) and ``-`` for stdin."""
    for p in paths:
        if p == "-":
            yield "stdin", None
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*.txt")):
                yield f.stem, f
        else:
            yield path.stem, path


def _warn(msg: str) -> None:
    click.echo(f"kaznlp: {msg}", err=True)


def _parse_date(value: str | None):
    """``--doc-date`` as a ``datetime.date`` (parsed here, once; the records write it back as YYYY-MM-DD)."""
    from datetime import date

    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint="--doc-date") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kaznlp")
def main() -> None:
    """kaznlp: numeric facts and named entities from Kazakh press releases."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--records", type=click.Choice(["facts", "entities", "documents"]), default="facts", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("-o", "--output", default="-", help="Output file; '-' (default) for stdout.")
@click.option("--doc-date", default=None, help="Publication date YYYY-MM-DD; fills a missing year in dates.")
@click.option("--ner/--no-ner", default=None, help="Named entities (on by default for entities and documents).")
@_lang_option("kk", "the others are skipped with a message (and an error record with --records documents)")
def extract(paths, records, fmt, output, doc_date, ner, lang) -> None:
    """Extract facts, entities or whole document records from PATHS (files, directories, '-' for stdin)."""
    from .io import InputError, read_text
    from .langid import LANGUAGE_NAMES, identify, keeps
    from .pipeline import load
    from .records import record
    from .writers import write_records

    day = _parse_date(doc_date)
    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet needs an output file: use -o FILE")
    use_ner = ner if ner is not None else records in ("entities", "documents")
    try:
        nlp = load(ner=use_ner)
    except RuntimeError as exc:
        _warn(str(exc))
        sys.exit(EXIT_NOTHING)
    stats = {"ok": 0, "skipped": 0}

    def docs():
        for doc_id, path in _inputs(paths):
            name = str(path) if path else "<stdin>"
            try:
                if path is not None and not path.exists():
                    raise InputError("missing", f"{name}: no such file")
                text = read_text(path if path else "-")
            except InputError as exc:
                _warn(str(exc))
                stats["skipped"] += 1
                if records == "documents":
                    yield record("error", {"id": doc_id, "error": exc.kind, "message": str(exc)})
                continue
            except OSError as exc:
                _warn(f"{name}: {exc.strerror}")
                stats["skipped"] += 1
                continue
            found = identify(text)
            language = found.lang
            if not keeps(found, lang) or found.problem:
                what = "Kazakh" if lang == "kk" else lang
                why = (f"{LANGUAGE_NAMES[language]}, {found.confidence:.2f}" if language != "other"
                       else "no language kaznlp knows")  # fmt: skip
                if found.problem:
                    _warn(f"{name}: {found.problem}; skipped")
                else:
                    _warn(f"{name}: not {what} text ({language}: {why}); skipped (use --lang any to process it)")
                stats["skipped"] += 1
                if records == "documents":
                    message = found.problem or f"not {what}"
                    yield record("error", {"id": doc_id, "language": language, "error": "language",
                                           "message": message})  # fmt: skip
                continue
            doc = nlp(text, doc_date=day, doc_id=doc_id)
            stats["ok"] += 1
            if records == "facts":
                yield from doc.fact_records()
            elif records == "entities":
                yield from doc.entity_records()
            else:
                yield doc.to_record()

    kind = {"facts": "fact", "entities": "entity", "documents": "document"}[records]
    write_records(docs(), fmt, output, kind)
    if stats["ok"] == 0:
        sys.exit(EXIT_NOTHING)
    if stats["skipped"]:
        sys.exit(EXIT_PARTIAL)


@main.command()
@click.option("--gold", "gold_paths", multiple=True, required=True, help="Gold JSONL file or directory.")
@click.argument("paths", nargs=-1, required=True)
@click.option("--doc-date", default=None, help="Give the pipeline a document date (the gold never assumes one).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--errors", is_flag=True, help="List every miss, extra fact and unit/qualifier disagreement, in context (stderr)."
)
def evaluate(gold_paths, paths, doc_date, as_json, errors) -> None:
    """Score extracted facts of PATHS against gold facts (P/R/F1 per type, unit and qualifier accuracy)."""
    from .io import InputError, read_text
    from .pipeline import load
    from .scoring.facts import error_lines, load_gold, score

    day = _parse_date(doc_date)
    gold = load_gold(gold_paths)
    nlp = load()
    predicted = {}
    texts = {}
    for doc_id, path in _inputs(paths):
        if doc_id not in gold:
            continue
        try:
            text = read_text(path if path else "-")
        except InputError as exc:
            _warn(str(exc))
            continue
        texts[doc_id] = text
        predicted[doc_id] = list(nlp(text, doc_date=day, doc_id=doc_id).fact_records())
    if not predicted:
        _warn("no input is a gold document: give the texts the gold files are for")
        sys.exit(EXIT_NOTHING)
    s = score({d: gold[d] for d in predicted}, predicted)
    summary = s.summary()
    summary["documents"] = len(predicted)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        click.echo(f"documents: {len(predicted)}")
        click.echo(f"{'type':<12}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
        for r in s.table():
            click.echo(
                f"{r['type']:<12}{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}"
                f"{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}"
            )
        click.echo(f"unit accuracy: {summary['unit_accuracy']:.3f}")
        click.echo(f"qualifier accuracy: {summary['qualifier_accuracy']:.3f}")
        if summary["object_accuracy"] is not None:
            click.echo(f"object accuracy: {summary['object_accuracy']:.3f}")
    if errors and as_json:
        for e in s.errors:
            click.echo(json.dumps(e, ensure_ascii=False), err=True)
    elif errors:
        for line in error_lines(s, texts):
            click.echo(line, err=True)
    if not predicted:
        sys.exit(EXIT_NOTHING)


@main.command("train-ner")
@click.option("--valid", "valid_path", default="corpora/kaznerd/IOB2_valid.txt", show_default=True,
              help="KazNERD validation split: ~90% trains, ~10% selects the model (fixed seed).")  # fmt: skip
@click.option("--config", default="models/ner/config.cfg", show_default=True)
@click.option("-o", "--output", default="models/kk_kaznerd_ner", show_default=True)
@click.option("--work", default="build/ner", show_default=True, help="Corpus and checkpoints.")
@click.option("--max-steps", type=int, default=None, help="Override the config's training.max_steps.")
@click.option("--holdout/--no-holdout", default=True, show_default=True,
              help="Hold 10% out and keep the best step; --no-holdout trains on all of it and keeps the last "
                   "step: give it --max-steps, the step a held-out run chose (scaled to the data).")  # fmt: skip
def train_ner(valid_path, config, output, work, max_steps, holdout) -> None:
    """Train the Kazakh NER model on KazNERD (never on its test split) and write it to OUTPUT."""
    from .ner.train import train

    if "test" in Path(valid_path).name.lower():
        raise click.BadParameter("the KazNERD test split is for evaluation only", param_hint="--valid")
    if not holdout and not max_steps:
        raise click.UsageError("--no-holdout keeps the last step: give --max-steps, the step a held-out run chose")
    out = train(Path(valid_path), Path(config), Path(output), Path(work), max_steps, holdout)
    click.echo(f"model written to {out}")


@main.command("evaluate-ner")
@click.argument("iob2", type=click.Path(exists=True, dir_okay=False))
@click.option("--model", default=None, help="Model directory (default: the shipped model).")
@click.option("--tokens", type=click.Choice(["both", "gold", "kaznlp"]), default="both", show_default=True)
@click.option("--limit", type=int, default=None, help="Score the first N sentences only.")
@click.option("--json", "as_json", is_flag=True)
def evaluate_ner(iob2, model, tokens, limit, as_json) -> None:
    """Exact-match entity P/R/F1, overall and per class, of the NER model on an IOB2 file."""
    from .entities import model_path
    from .ner.model import load_model
    from .scoring.entities import score_model

    path = model or model_path()
    if path is None:
        _warn("no NER model installed: run `kaznlp train-ner` first")
        sys.exit(EXIT_NOTHING)
    nlp = load_model(path)
    results = [score_model(nlp, iob2, gold_tokens=(t == "gold"), limit=limit)
               for t in (["gold", "kaznlp"] if tokens == "both" else [tokens])]  # fmt: skip
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for r in results:
        o = r["overall"]
        click.echo(f"{iob2} — {r['sentences']} sentences, {r['tokenization']} tokens, "
                   f"{r['tokens_per_second']:,.0f} tokens/s")  # fmt: skip
        click.echo(f"{'class':<16}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}")
        for lab, s in sorted(r["per_class"].items()):
            click.echo(f"{lab:<16}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['support']:>9}")
        click.echo(f"{'overall':<16}{o['precision']:>8.3f}{o['recall']:>8.3f}{o['f1']:>8.3f}{o['support']:>9}\n")


@main.command("evaluate-langid")
@click.option("--corpora", "corpora_dir", default="corpora", show_default=True, help="The repository's corpora.")
@click.option("--compare", is_flag=True, help="Score the other identifiers that are installed too.")
@click.option("--errors", is_flag=True, help="List kaznlp's errors (stderr).")
@click.option("--json", "as_json", is_flag=True)
def evaluate_langid(corpora_dir, compare, errors, as_json) -> None:
    """Language identification on the labelled set (corpora/langid): the test split of the UD and KazNERD
    sentences, and the archive sample's 250 documents; per language precision and recall, mixed documents,
    speed."""
    from .scoring.langid import evaluate as score_langid
    from .scoring.langid import identifiers, load_items

    items = load_items(corpora_dir)
    parts = {"sentences": [i for i in items if i.split == "test" and i.source in ("ud", "kaznerd")],
             "archive": [i for i in items if i.source == "archive"],
             "probes": [i for i in items if i.source == "probe"]}  # fmt: skip
    found = identifiers() if compare else {"kaznlp": identifiers()["kaznlp"]}
    results = {name: {part: score_langid(sel, predict) for part, sel in parts.items() if sel}
               for name, (predict, _covers) in found.items()}  # fmt: skip
    if as_json:
        for r in results.values():
            for part in r.values():
                part.pop("errors", None) if not errors else None
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for name, r in results.items():
        click.echo(f"{name} ({found[name][1]})")
        for part, res in r.items():
            m = res["mixed"]
            mixed = f", mixed documents {m['correct']}/{m['documents']}" if m["documents"] else ""
            click.echo(f"  {part}: {res['items']} items, accuracy {res['accuracy']:.4f}{mixed}, "
                       f"{res['items_per_second']:,.0f} items/s")  # fmt: skip
            click.echo(f"  {'lang':<8}{'P':>8}{'R':>8}{'support':>9}")
            for lang, s in res["per_language"].items():
                click.echo(f"  {lang:<8}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['support']:>9}")
            if res["confusion"]:
                click.echo("  confused: " + ", ".join(f"{k} {v}" for k, v in res["confusion"].items()))
    if errors:
        for part, res in results["kaznlp"].items():
            for e in res["errors"]:
                click.echo(json.dumps({"part": part, **e}, ensure_ascii=False), err=True)


@main.command("train-langid")
@click.option("--corpora", "corpora_dir", default="corpora", show_default=True)
@click.option("-o", "--output", default="kaznlp/data/langid_model.tsv", show_default=True)
def train_langid(corpora_dir, output) -> None:
    """Train kaznlp's language model on the training split of corpora/langid (never the tune or test split,
    never the archive sample)."""
    from .scoring.langid import load_items, train

    n = train(load_items(corpora_dir), output)
    click.echo(f"{output}: {n} features")


def _parse_fields(values: tuple[str, ...]) -> dict[str, str]:
    fields = {}
    for v in values:
        key, sep, name = v.partition("=")
        if not sep or key not in ("id", "title", "text", "date", "url"):
            raise click.BadParameter(
                f"{v!r}: use KEY=NAME with KEY one of id, title, text, date, url", param_hint="--field"
            )
        fields[key] = name
    return fields


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, help="Output folder for shards and summary.json.")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes (local engine).")
@click.option("--resume", is_flag=True, help="Finish an interrupted run in the same folder.")
@_lang_option("any", "the others become error records")
@click.option("--ner/--no-ner", default=False, show_default=True, help="Named entities (slower).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, help="Dask scheduler address, tcp://HOST:PORT.")
@click.option("--shard-size", type=int, default=1000, show_default=True, help="Documents per shard.")
@click.option("--field", "fields", multiple=True, help="Field name in JSONL/CSV rows: text=body, id=guid …")
@click.option("--no-parquet", is_flag=True, help="Write JSON Lines shards only.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--count/--no-count", default=True, show_default=True,
              help="Count the documents first (one extra read of the inputs) for the ETA.")  # fmt: skip
def batch(inputs, outdir, workers, resume, lang, ner, engine, scheduler, shard_size, fields, no_parquet, quiet, count):
    """Process news archives (folders, .txt, .jsonl, .csv, .gz, .zip, .tar) into shards for indexing."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from .batch import BatchOptions, iter_documents, run

    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler tcp://HOST:PORT")
    opts = BatchOptions(
        workers=workers, resume=resume, lang=None if lang == "any" else lang, ner=ner, engine=engine,
        scheduler=scheduler, shard_size=shard_size, fields=_parse_fields(fields), parquet=not no_parquet,
    )  # fmt: skip
    console = Console(stderr=True)
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("[progress.data.speed]{task.fields[rate]}"), TimeElapsedColumn(),
               TextColumn("ETA"), TimeRemainingColumn()]  # fmt: skip
    total = sum(1 for _ in iter_documents(list(inputs), opts.fields)) if count and not quiet else None
    try:
        with Progress(*columns, console=console, disable=quiet, transient=False) as progress:
            task = progress.add_task("documents", total=total, rate="")
            started = time.perf_counter()
            done = [0]

            def tick(n: int) -> None:
                done[0] += n
                rate = done[0] / max(1e-9, time.perf_counter() - started)
                progress.update(task, advance=n, rate=f"{rate:,.1f} docs/s")

            summary = run(list(inputs), outdir, opts, on_progress=tick)
    except FileExistsError as exc:
        _warn(str(exc))
        sys.exit(EXIT_USAGE)
    console.print_json(json.dumps(summary, ensure_ascii=False))
    if summary["documents"] and summary["errors"] == summary["documents"]:
        sys.exit(EXIT_NOTHING)


@main.command()
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default="archive.sqlite", show_default=True)
def index(outdir, db):
    """Load a batch run's shards into SQLite with full-text search (FTS5)."""
    from .batch.index import build_index

    n = build_index(outdir, db)
    click.echo(f"{db}: {n['documents']} documents, {n['facts']} facts, {n['entities']} entities")


@main.command()
@click.argument("query", required=False)
@click.option("--db", default="archive.sqlite", show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--type", "type_", type=click.Choice(FACT_TYPES), default=None)
@click.option("--min", "min_value", type=float, default=None)
@click.option("--max", "max_value", type=float, default=None)
@click.option("--from", "date_from", default=None, help="Documents dated on or after YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, help="Documents dated on or before YYYY-MM-DD.")
@click.option("--entity", default=None, help="An entity named near the fact (base form or text).")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def search(query, db, type_, min_value, max_value, date_from, date_to, entity, limit, fmt):
    """Search indexed facts by words of their context, type, value range, date and entity."""
    from rich.console import Console
    from rich.table import Table

    from .batch.index import search as do_search

    rows = list(do_search(db, query, type_, min_value, max_value, date_from, date_to, entity, limit))
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} facts")
    for col in ("doc", "type", "text", "value", "unit", "qualifier", "object", "doc_date"):
        table.add_column(col)
    for r in rows:
        v = r["value"]
        value = r["value_edtf"] or ("" if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,}")
        cells = (r["doc"], r["type"], r["text"], value, r["unit"], r["qualifier"], r["object"], r["doc_date"])
        table.add_row(*("" if x is None else str(x) for x in cells))
    Console().print(table)


@main.group()
def export():
    """Export a batch run for other indexes."""


@export.command("es")
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", default="kaznlp-bulk.ndjson", show_default=True)
@click.option("--index", "index_name", default="kaznlp", show_default=True)
def export_es_cmd(outdir, output, index_name):
    """Elasticsearch/OpenSearch bulk NDJSON and its index mapping (OUTPUT.mapping.json)."""
    from .batch.index import export_es

    n = export_es(outdir, output, index_name)
    click.echo(f"{output}: {n['documents']} documents, {n['facts']} facts, {n['entities']} entities; "
               f"mapping in {output}.mapping.json")  # fmt: skip


if __name__ == "__main__":
    main()
