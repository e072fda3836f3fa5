"""The ``kaznlp`` command line.

Exit codes, the same for every command (README, "Exit codes"): 0 success; 1 the command failed (an output that
cannot be written, a scheduler out of reach); 2 usage error; 3 some inputs were skipped or became error records
(empty, binary, bad encoding, not Kazakh, unreadable, too large), the others were processed; 4 nothing to work
on (no input could be processed, no shards). Every error is one line on stderr, ``kaznlp COMMAND: what happened;
what to do``; no traceback (``KAZNLP_DEBUG=1`` shows one for an internal error).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import click

from .entities import PIECE_CHARS
from .errors import KaznlpError, UsageError
from .io import MAX_INPUT_BYTES
from .records import FACT_TYPES, LANGUAGES

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2, 3, 4
LIMITS = (
    f"Limits: a document (a file, or a row of an archive) may be up to {MAX_INPUT_BYTES:,} bytes "
    f"({MAX_INPUT_BYTES // 2**20} MiB), for extract and batch alike; a larger one is skipped with a message "
    "(extract) or becomes an error record too_large (batch), and is never read whole. "
    f"With NER a text is read in pieces of at most {PIECE_CHARS:,} characters, cut between sentences."
)


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


def _inputs(paths: tuple[str, ...]) -> Iterator[tuple[str, Path | None, Exception | None]]:
    """(doc id, path, error) for files, directories (``*.txt`` inside, sorted) and ``-`` for stdin; ``error``:
    what keeps a path from being read (a folder without texts, a link loop inside a folder)."""
    from .io import InputError, walk

    for p in paths:
        if p == "-":
            yield "stdin", None, None
            continue
        path = Path(p)
        if path.is_dir():
            found = False
            for f, err in walk(path, (".txt",)):
                found = True
                yield f.stem, f, err
            if not found:
                yield path.name, path, InputError("empty", f"{path}: a folder without .txt files; give texts")
        else:
            yield path.stem, path, None


def _warn(msg: str, command: str | None = None) -> None:
    click.echo(f"kaznlp{' ' + command if command else ''}: {msg}", err=True)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _fail(command: str, message: str, code: int) -> None:
    click.echo(f"{command}: {_one_line(message)}", err=True)
    sys.exit(code)


class _Main(click.Group):
    """The ``kaznlp`` group: every error a user can meet is one line on stderr and an exit code (module doc)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[override]
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        argv = list(sys.argv[1:] if args is None else args)
        name = next((a for a in argv if a in self.commands), None)
        command = f"kaznlp {name}" if name else "kaznlp"
        try:
            rv = super().main(argv, prog_name, complete_var, False, **extra)
        except click.UsageError as e:
            path = " ".join(["kaznlp", *e.ctx.command_path.split()[1:]]) if e.ctx is not None else command
            _fail(path, f"{e.format_message()} (see `{path} --help`)", EXIT_USAGE)
        except click.ClickException as e:
            _fail(command, e.format_message(), e.exit_code)
        except click.Abort:
            _fail(command, "interrupted; a batch run finishes with --resume", EXIT_FAILED)
        except KaznlpError as e:
            _fail(command, str(e), e.exit_code)
        except OSError as e:
            if e.errno == errno.EPIPE:  # the reader went away (`| head`): nothing to say, nothing more to write
                with contextlib.suppress(OSError, ValueError):
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                sys.exit(EXIT_FAILED)
            if os.environ.get("KAZNLP_DEBUG"):
                raise
            where = f" {e.filename}" if e.filename else ""
            _fail(command, f"cannot read or write{where} ({e.strerror or e}); check the path and free space",
                  EXIT_FAILED)  # fmt: skip
        except Exception as e:  # noqa: BLE001 - no traceback for users; KAZNLP_DEBUG=1 shows it
            if os.environ.get("KAZNLP_DEBUG"):
                raise
            _fail(command, f"internal error ({type(e).__name__}: {e}); please report it with the command that "
                           "gave it (KAZNLP_DEBUG=1 shows the traceback)", EXIT_FAILED)  # fmt: skip
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


def _output_file(output: str, option: str = "-o") -> None:
    """A usage error, before any work, for an output file that cannot be created."""
    if output == "-":
        return
    p = Path(output)
    if p.is_dir():
        raise UsageError(f"{option} {output} is a folder; give a file name")
    if not p.parent.is_dir():
        raise UsageError(f"{option} {output}: no folder {p.parent}; create it or write elsewhere")


def _parse_date(value: str | None):
    """``--doc-date`` as a ``datetime.date`` (parsed here, once; the records write it back as YYYY-MM-DD)."""
    from datetime import date

    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD", param_hint="--doc-date") from None


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kaznlp")
def main() -> None:
    """kaznlp: numeric facts and named entities from Kazakh press releases."""


@main.command(epilog=LIMITS)
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

    def _warn_extract(msg: str) -> None:
        _warn(msg, "extract")

    day = _parse_date(doc_date)
    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet needs an output file: use -o FILE")
    _output_file(output)
    use_ner = ner if ner is not None else records in ("entities", "documents")
    try:
        nlp = load(ner=use_ner)
    except RuntimeError as exc:
        _warn_extract(str(exc))
        sys.exit(EXIT_NOTHING)
    stats = {"ok": 0, "skipped": 0}

    def skipped(doc_id: str, kind: str, message: str, **more):
        _warn_extract(message)
        stats["skipped"] += 1
        if records == "documents":
            yield record("error", {"id": doc_id, **more, "error": kind, "message": message})

    def docs():
        for doc_id, path, err in _inputs(paths):
            name = str(path) if path else "<stdin>"
            notes: list[str] = []
            try:
                if err is not None:
                    raise err
                text = read_text(path if path else "-", notes)
            except InputError as exc:
                yield from skipped(doc_id, exc.kind, str(exc))
                continue
            for note in notes:
                _warn_extract(note)
            found = identify(text)
            language = found.lang
            if not keeps(found, lang) or found.problem:
                what = "Kazakh" if lang == "kk" else lang
                why = (f"{LANGUAGE_NAMES[language]}, {found.confidence:.2f}" if language != "other"
                       else "no language kaznlp knows")  # fmt: skip
                if found.problem:
                    _warn_extract(f"{name}: {found.problem}; skipped")
                else:
                    _warn_extract(
                        f"{name}: not {what} text ({language}: {why}); skipped (use --lang any to process it)"
                    )
                stats["skipped"] += 1
                if records == "documents":
                    message = found.problem or f"not {what}"
                    yield record("error", {"id": doc_id, "language": language, "error": "language",
                                           "message": message})  # fmt: skip
                continue
            try:
                with nlp.memory_zone():  # the model's vocabulary does not grow with every file read
                    doc = nlp(text, doc_date=day, doc_id=doc_id)
            except Exception as exc:  # noqa: BLE001 - one bad document never stops the others
                msg = f"{name}: the extractor failed ({type(exc).__name__}: {_one_line(exc)}); please report it"
                yield from skipped(doc_id, "extractor", msg)
                continue
            stats["ok"] += 1
            if records == "facts":
                yield from doc.fact_records()
            elif records == "entities":
                yield from doc.entity_records()
            else:
                yield doc.to_record()

    kind = {"facts": "fact", "entities": "entity", "documents": "document"}[records]
    try:
        write_records(docs(), fmt, output, kind)
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        where = "stdout" if output == "-" else output
        raise KaznlpError(f"cannot write {where} ({exc.strerror or exc}); free space or choose another -o") from None
    if stats["ok"] == 0:
        _warn_extract("no input could be processed")
        sys.exit(EXIT_NOTHING)
    if stats["skipped"]:
        sys.exit(EXIT_PARTIAL)


@main.command()
@click.option("--gold", "gold_paths", multiple=True, required=True, type=click.Path(exists=True),
              help="Gold JSONL file or directory.")  # fmt: skip
@click.argument("paths", nargs=-1, required=True)
@click.option("--doc-date", default=None, help="Give the pipeline a document date (the gold never assumes one).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--errors", is_flag=True, help="List every miss, extra fact and unit/qualifier disagreement, in context (stderr)."
)
def evaluate(gold_paths, paths, doc_date, as_json, errors) -> None:
    """Score extracted facts of PATHS against gold facts (P/R/F1 per type, unit and qualifier accuracy)."""
    from .pipeline import load
    from .scoring.facts import error_lines, load_gold, score

    day = _parse_date(doc_date)
    try:
        gold = load_gold(gold_paths)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"--gold: cannot read the gold facts ({type(exc).__name__}: {exc}); give JSON Lines "
                         "files of fact records, each with its doc") from None  # fmt: skip
    nlp = load()
    texts, unread = _gold_texts(paths, gold, "evaluate")
    predicted = {d: list(nlp(t, doc_date=day, doc_id=d).fact_records()) for d, t in texts.items()}
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
    if unread:
        sys.exit(EXIT_PARTIAL)


@main.command("train-ner")
@click.option("--valid", "valid_path", default="corpora/kaznerd/IOB2_valid.txt", show_default=True,
              help="KazNERD validation split: ~90% trains, ~10% selects the model (fixed seed).")  # fmt: skip
@click.option("--config", default="models/ner/config.cfg", show_default=True)
@click.option("-o", "--output", default="build/kk_kaznerd_ner", show_default=True,
              help="Model folder; the shipped model (models/kk_kaznerd_ner) is replaced only with --overwrite.")
@click.option("--overwrite", is_flag=True, help="Replace the model folder OUTPUT if it exists.")
@click.option("--work", default="build/ner", show_default=True, help="Corpus and checkpoints.")
@click.option("--max-steps", type=int, default=None, help="Override the config's training.max_steps.")
@click.option("--holdout/--no-holdout", default=True, show_default=True,
              help="Hold 10% out and keep the best step; --no-holdout trains on all of it and keeps the last "
                   "step: give it --max-steps, the step a held-out run chose (scaled to the data).")  # fmt: skip
@click.option("--press-variants", "press_share", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Share of the training sentences also given as press releases write them (ALL CAPS, headlines "
                   "without final punctuation, a headline run into the next sentence; seeded); 0, the shipped "
                   "model's: none (models/ner/selection_log.md, sixth round).")  # fmt: skip
@click.option("--split", "split_file", default="models/ner/split.txt", show_default=True,
              help="The frozen held-out split (sentence numbers); used when it is for the --valid file (sha256), "
                   "else the twin-aware seeded split is made afresh.")  # fmt: skip
@click.option("--gold-entities", "gold_paths", multiple=True, type=click.Path(exists=True),
              help="Entity gold of press releases and news (corpora/gold-entities*): their texts' sentences train "
                   "too, tagged where the gold decides (kaznlp/ner/press_corpus.py).")  # fmt: skip
@click.option("--gold-texts", "gold_text_paths", multiple=True, type=click.Path(exists=True),
              help="The texts that --gold-entities is for (folders or files).")
@click.option("--gold-copies", type=click.IntRange(1, 10), default=1, show_default=True,
              help="How many times each gold sentence is given.")
@click.option("--gold-neutral", is_flag=True,
              help="Leave unlabelled the tokens where the spec and KazNERD write a name differently (quotes at its "
                   "edges, a place's kind word); the press rules add them back.")  # fmt: skip
@click.option("--unscored", "unscored_path", default="models/ner/press_unscored.tsv", show_default=True,
              help="Spans of KazNERD's other classes in the gold texts (missing labels); written by --teacher.")
@click.option("--teacher", default=None,
              help="Write --unscored afresh from what this model finds in the gold texts (else it is read).")
@click.option("--init-model", type=click.Path(exists=True, file_okay=False), default=None,
              help="Start from this trained model's weights (fine-tuning) instead of random ones.")
@click.option("--learn-rate", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Override the config's learning rate (training.optimizer.learn_rate).")
def train_ner(valid_path, config, output, work, max_steps, holdout, overwrite, press_share, split_file,
              gold_paths, gold_text_paths, gold_copies, gold_neutral, unscored_path, teacher, init_model,
              learn_rate) -> None:  # fmt: skip
    """Train the Kazakh NER model on KazNERD (never on its test split) and write it to OUTPUT."""
    from .ner.train import train

    if "test" in Path(valid_path).name.lower():
        raise click.BadParameter("the KazNERD test split is for evaluation only", param_hint="--valid")
    if not holdout and not max_steps:
        raise click.UsageError("--no-holdout keeps the last step: give --max-steps, the step a held-out run chose")
    valid, cfg = _checkout_file(valid_path, "--valid"), _checkout_file(config, "--config")
    out = Path(output)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        if not overwrite:
            raise UsageError(f"-o {output} exists; give a new folder, or --overwrite to replace the model in it")
        if not (out / "meta.json").exists() and not (out / "config.cfg").exists():
            raise UsageError(f"-o {output} is not a model folder (no meta.json): it is not replaced; give another")
    try:
        split = _checkout_file(split_file, "--split")
    except UsageError:
        split = None
    gold_texts, unscored = _training_gold(gold_paths, gold_text_paths, unscored_path, teacher)
    out = train(valid, cfg, out, Path(work), max_steps, holdout, press_share, split, gold_texts, unscored, gold_copies,
                gold_neutral, None if init_model is None else Path(init_model), learn_rate)  # fmt: skip
    click.echo(f"model written to {out}")


def _training_gold(gold_paths, text_paths, unscored_path: str, teacher: str | None):
    """(texts with entity gold, the other classes' spans in them) for ``train-ner``; ([], {}) without gold."""
    if not gold_paths:
        return [], {}
    if not text_paths:
        raise click.UsageError("--gold-entities needs --gold-texts, the folders of the texts it is for")
    from .ner.press_corpus import GoldText, read_unscored, teacher_spans, write_unscored
    from .scoring.facts import load_gold

    gold = load_gold(gold_paths)
    texts, _ = _gold_texts(text_paths, gold, "train-ner")
    gold_texts = [GoldText(d, texts[d], gold[d]) for d in sorted(texts)]
    path = Path(unscored_path)
    if teacher:
        from .ner.model import load_model

        write_unscored(path, teacher_spans(load_model(teacher), gold_texts), teacher)
    elif not path.is_file():
        raise click.UsageError(f"--unscored {unscored_path}: no such file; write it with --teacher MODEL")
    return gold_texts, read_unscored(path)


def _checkout_file(value: str, option: str) -> Path:
    """A file option: as given, or (a relative default run from another folder) in kaznlp's checkout."""
    p = Path(value)
    if p.exists():
        return p
    in_checkout = Path(__file__).resolve().parent.parent / value
    if not p.is_absolute() and in_checkout.exists():
        return in_checkout
    raise UsageError(f"{option} {value}: no such file; run from the kaznlp checkout or give {option} PATH")


@main.command("evaluate-ner")
@click.argument("paths", nargs=-1, required=True)
@click.option("--gold", "gold_paths", multiple=True,
              help="Entity gold JSONL file or directory (corpora/gold-entities): PATHS are then the texts, run "
                   "through the whole NER pipeline (model and rules).")  # fmt: skip
@click.option("--model", default=None, help="Model directory (default: the shipped model).")
@click.option("--tokens", type=click.Choice(["both", "gold", "kaznlp"]), default="both", show_default=True,
              help="On an IOB2 file: score on its gold tokens, kaznlp's tokens, or both.")  # fmt: skip
@click.option("--limit", type=int, default=None, help="On an IOB2 file: score the first N sentences only.")
@click.option("--json", "as_json", is_flag=True)
@click.option("--errors", is_flag=True, help="With --gold: list every miss and extra (exact match), in context.")
def evaluate_ner(paths, gold_paths, model, tokens, limit, as_json, errors) -> None:
    """Entity P/R/F1, overall and per class: of the NER model on an IOB2 file (exact match), or, with --gold, of
    the whole NER pipeline on press-release texts (exact and lenient: same class, overlapping spans)."""
    if gold_paths:
        _evaluate_ner_gold(paths, gold_paths, model, as_json, errors)
        return
    if len(paths) != 1 or not Path(paths[0]).is_file():
        raise click.UsageError("give one IOB2 file, or --gold DIR and the texts it is for")
    iob2 = paths[0]
    from .entities import model_path
    from .ner.model import load_model
    from .scoring.entities import score_model

    path = model or model_path()
    if path is None:
        _warn("no NER model installed: run `kaznlp train-ner` first", "evaluate-ner")
        sys.exit(EXIT_NOTHING)
    try:
        nlp = load_model(path)
    except (OSError, ValueError) as exc:
        why = _one_line(exc)
        raise UsageError(f"--model {path}: not a model folder ({why}); give one `kaznlp train-ner` wrote") from None
    results = [score_model(nlp, iob2, gold_tokens=(t == "gold"), limit=limit)
               for t in (["gold", "kaznlp"] if tokens == "both" else [tokens])]  # fmt: skip
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for r in results:
        o = r["overall"]
        click.echo(f"{iob2} — {r['sentences']} sentences, {r['tokenization']} tokens, "
                   f"{r['tokens_per_second']:,.0f} tokens/s")  # fmt: skip
        _class_table(r["per_class"], o)


def _class_table(per_class: dict, overall: dict) -> None:
    click.echo(f"{'class':<16}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}")
    for lab, s in per_class.items():
        click.echo(f"{lab:<16}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['support']:>9}")
    o = overall
    click.echo(f"{'overall':<16}{o['precision']:>8.3f}{o['recall']:>8.3f}{o['f1']:>8.3f}{o['support']:>9}\n")


def _gold_texts(paths, gold: dict, command: str) -> tuple[dict[str, str], int]:
    """The texts among PATHS that gold documents are for, and how many of those could not be read; exits with
    a message when none is."""
    from .io import InputError, read_text

    texts, unread = {}, 0
    for doc_id, path, err in _inputs(paths):
        if doc_id not in gold:
            continue
        try:
            if err is not None:
                raise err
            texts[doc_id] = read_text(path if path else "-")
        except InputError as exc:
            _warn(str(exc), command)
            unread += 1
    if not texts:
        _warn("no input is a gold document: give the texts the gold files are for", command)
        sys.exit(EXIT_NOTHING)
    return texts, unread


def _evaluate_ner_gold(paths, gold_paths, model, as_json, errors) -> None:
    from .pipeline import load
    from .scoring.entities import score_documents
    from .scoring.facts import load_gold

    gold = load_gold(gold_paths)
    nlp = load(ner=True, model=model)
    texts, _ = _gold_texts(paths, gold, "evaluate-ner")
    predicted = {d: list(nlp(t, doc_id=d).entity_records()) for d, t in texts.items()}
    res = score_documents({d: gold[d] for d in predicted}, predicted)
    if as_json:
        click.echo(json.dumps({k: v for k, v in res.items() if k != "errors"}, ensure_ascii=False, indent=2))
    else:
        click.echo(f"documents: {res['documents']}")
        for mode in ("exact", "lenient"):
            click.echo(f"{mode} match")
            _class_table(res[mode]["per_class"], res[mode]["overall"])
    if errors:
        for e in res["errors"]:
            rec = e.get("gold") or e.get("predicted")
            kind = "MISSED" if e["error"] == "missed" else "EXTRA"
            t = texts[e["doc"]]
            ctx = " ".join(
                f"{t[max(0, rec['start'] - 50) : rec['start']]}[{rec['text']}]{t[rec['end'] : rec['end'] + 50]}".split()
            )
            click.echo(f"{kind:<7} {e['doc']}  {rec['label']:<13} {ctx}", err=True)


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


@main.command(epilog=LIMITS)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", required=True, help="Output folder for shards and summary.json.")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes (local engine).")  # fmt: skip
@click.option("--resume", is_flag=True, help="Finish an interrupted run in the same folder.")
@_lang_option("any", "the others become error records")
@click.option("--ner/--no-ner", default=False, show_default=True, help="Named entities (slower).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, help="Dask scheduler address, tcp://HOST:PORT.")
@click.option("--shard-size", type=click.IntRange(1), default=1000, show_default=True, help="Documents per shard.")
@click.option("--field", "fields", multiple=True, help="Field name in JSONL/CSV rows: text=body, id=guid …")
@click.option("--no-parquet", is_flag=True, help="Write JSON Lines shards only.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--count/--no-count", default=True, show_default=True,
              help="Count the documents first (one extra read of the inputs) for the ETA.")  # fmt: skip
def batch(inputs, outdir, workers, resume, lang, ner, engine, scheduler, shard_size, fields, no_parquet, quiet, count):
    """Process news archives (folders, .txt, .jsonl, .csv, .gz, .zip, .tar) into shards for indexing.

    Every input document gets one document record, or an error record that says why it could not be processed;
    a file named here with another name is read as one text. Exit 3 when some documents are error records."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    # one BLAS thread per process (unless set): each worker is a process of its own, and the NER model's small
    # matrix products gain nothing from a second thread; two workers with two BLAS threads each make four busy
    # threads on two cores, spinning in wait. Set before numpy is first imported (kaznlp.batch imports it); forked
    # workers inherit it.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
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
    with Progress(*columns, console=console, disable=quiet, transient=False) as progress:
        task = progress.add_task("documents", total=total, rate="")
        started = time.perf_counter()
        done = [0]

        def tick(n: int) -> None:
            done[0] += n
            rate = done[0] / max(1e-9, time.perf_counter() - started)
            progress.update(task, advance=n, rate=f"{rate:,.1f} docs/s")

        summary = run(list(inputs), outdir, opts, on_progress=tick)
    console.print_json(json.dumps(summary, ensure_ascii=False))
    n, errs = summary["documents"], summary["errors"]
    if not n:
        _warn("no documents in the inputs; give folders of .txt files, or .jsonl, .csv and archives of them", "batch")
        sys.exit(EXIT_NOTHING)
    if errs:
        kinds = ", ".join(f"{k} {v}" for k, v in summary["errors_by_kind"].items())
        _warn(f"{errs} of {n} documents are error records ({kinds}); each says why in its message", "batch")
        sys.exit(EXIT_NOTHING if errs == n else EXIT_PARTIAL)


@main.command()
@click.argument("outdir", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default="archive.sqlite", show_default=True)
def index(outdir, db):
    """Load a batch run's shards into SQLite with full-text search (FTS5)."""
    from .batch.index import build_index

    n = build_index(outdir, db)
    click.echo(f"{db}: {n['documents']} documents, {n['facts']} facts, {n['entities']} entities")
    if n["damaged"]:
        _warn(f"{len(n['damaged'])} damaged shard(s) left out ({', '.join(n['damaged'])}); run the batch "
              "again into a new folder to index them", "index")  # fmt: skip
    if n["replaced"]:
        _warn(f"{n['replaced']} document(s) had the id of an earlier one and replaced it; run the batch again "
              "(ids are unique in a run now)", "index")  # fmt: skip
    if n["damaged"] or n["replaced"]:
        sys.exit(EXIT_PARTIAL)


@main.command()
@click.argument("query", required=False)
@click.option("--db", default="archive.sqlite", show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--type", "type_", type=click.Choice(FACT_TYPES), default=None)
@click.option("--min", "min_value", type=float, default=None)
@click.option("--max", "max_value", type=float, default=None)
@click.option("--from", "date_from", default=None, help="Documents dated on or after YYYY-MM-DD.")
@click.option("--to", "date_to", default=None, help="Documents dated on or before YYYY-MM-DD.")
@click.option("--entity", default=None, help="An entity named near the fact (base form or text).")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True)
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

    _output_file(output)
    n = export_es(outdir, output, index_name)
    click.echo(f"{output}: {n['documents']} documents, {n['facts']} facts, {n['entities']} entities; "
               f"mapping in {output}.mapping.json")  # fmt: skip


def _read_inputs(paths, lang, stats, command: str):
    """(doc id, name, text) of each input that can be processed, as ``extract`` reads them; the others are
    skipped with a message on stderr (``kaznlp COMMAND: ...``) and counted in ``stats``."""
    from .io import InputError, read_text
    from .langid import identify, keeps

    for doc_id, path, err in _inputs(paths):
        name = str(path) if path else "<stdin>"
        try:
            if err is not None:
                raise err
            if path is not None and not path.exists():
                raise InputError("missing", f"{name}: no such file")
            text = read_text(path if path else "-")
        except InputError as exc:
            _warn(str(exc), command)
            stats["skipped"] += 1
            continue
        except OSError as exc:
            _warn(f"{name}: {exc.strerror}", command)
            stats["skipped"] += 1
            continue
        found = identify(text)
        if not keeps(found, lang) or found.problem:
            why = found.problem or f"not {'Kazakh' if lang == 'kk' else lang} text ({found.lang})"
            _warn(f"{name}: {why}; skipped (use --lang any to process it)", command)
            stats["skipped"] += 1
            continue
        yield doc_id, found.lang, text


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", default="-", show_default=True,
              help="HTML file, '-' for stdout: one page for all documents. A folder (an existing one, or a name "
                   "ending in /): one page per document, DOC.html.")  # fmt: skip
@click.option("--doc-date", default=None, help="Publication date YYYY-MM-DD; fills a missing year in dates.")
@click.option("--ner/--no-ner", default=True, show_default=True, help="Named entities.")
@_lang_option("kk", "the others are skipped with a message")
@click.option("--title", default=None, help="Title of the page (default: the document's id).")
def render(paths, output, doc_date, ner, lang, title) -> None:
    """Render PATHS as HTML: the text with every fact and entity highlighted (value, unit, qualifier, object and
    linked entities on hover), a table of facts and a list of entities. The page needs no network to open.
    Exit codes as for extract."""
    import re

    from .pipeline import load
    from .web.render import render_page

    day = _parse_date(doc_date)
    try:
        nlp = load(ner=ner)
    except RuntimeError as exc:
        _warn(str(exc), "render")
        sys.exit(EXIT_NOTHING)
    stats = {"ok": 0, "skipped": 0}
    recs = []
    for doc_id, language, text in _read_inputs(paths, lang, stats, "render"):
        try:
            doc = nlp(text, doc_date=day, doc_id=doc_id)
        except Exception as exc:  # noqa: BLE001 - one bad document never stops the others (as in extract)
            msg = f"{doc_id}: the extractor failed ({type(exc).__name__}: {_one_line(exc)}); please report it"
            _warn(msg, "render")
            stats["skipped"] += 1
            continue
        doc.meta["language"] = language
        recs.append(doc.to_record())
        stats["ok"] += 1
    if not recs:
        sys.exit(EXIT_NOTHING)
    from . import __version__

    generated = f"kaznlp {__version__}" + (", with named entities" if ner else ", facts only")
    folder = output != "-" and (output.endswith(("/", "\\")) or Path(output).is_dir())
    if folder:
        out = Path(output)
        out.mkdir(parents=True, exist_ok=True)
        used: set[str] = set()
        for rec in recs:
            stem = re.sub(r"[^\w.-]+", "_", rec["id"] or "document").strip("._") or "document"
            name, k = stem, 1
            while name in used:
                k += 1
                name = f"{stem}-{k}"
            used.add(name)
            page = render_page([rec], title=title or rec["id"] or "kaznlp", ner=ner, generated=generated)
            (out / f"{name}.html").write_text(page, encoding="utf-8")
            click.echo(str(out / f"{name}.html"))
    else:
        default = recs[0]["id"] if len(recs) == 1 else f"kaznlp: {len(recs)} documents"
        page = render_page(recs, title=title or default or "kaznlp", ner=ner, generated=generated)
        if output == "-":
            click.echo(page, nl=False)
        else:
            Path(output).write_text(page, encoding="utf-8")
    if stats["skipped"]:
        sys.exit(EXIT_PARTIAL)


def _size(value: str) -> int:
    """Bytes from 1048576, 500KB, 1MB, 1MiB (KB and MB are taken as KiB and MiB)."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?)(?:i?B)?\s*", value, re.IGNORECASE)
    if not m:
        raise click.BadParameter(f"{value!r} is not a size (1048576, 500KB, 2MiB)", param_hint="--max-upload")
    return int(float(m.group(1)) * 1024 ** " KMG".index(m.group(2).upper() or " "))


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; loopback by default (only this machine can reach it).")  # fmt: skip
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--db", type=click.Path(exists=True, dir_okay=False), default=None,
              help="An index built by kaznlp index: the search page (opened read-only).")  # fmt: skip
@click.option("--ner/--no-ner", default=True, show_default=True, help="Named entities on the extract page.")
@click.option("--max-upload", default="1MiB", show_default=True, help="Largest request body; larger ones get 413.")
@click.option("--threads", type=int, default=2, show_default=True, help="Extractions run at once (worker threads).")
def serve(host, port, db, ner, max_upload, threads) -> None:
    """A local web application: paste or upload a release and see its facts and entities, search an index, and a
    JSON API (POST /api/extract, GET /api/search). Needs the web extra: pip install 'kaznlp[web]'."""
    import ipaddress
    import os

    limit = _size(max_upload)
    # one BLAS thread per extraction (unless set): requests run side by side in --threads worker threads, and on a
    # busy machine a multi-threaded matrix product is slower, not faster. Set before numpy is first imported.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        import uvicorn

        from .web.app import check_index, create_app
    except ImportError as exc:
        _warn(f"kaznlp serve needs the web extra ({exc.name} is missing): pip install 'kaznlp[web]'")
        sys.exit(EXIT_USAGE)
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        _warn(f"listening on {host}: anyone who can reach this machine on port {port} can use this server")
    # on loopback, answer only to loopback names: another web site cannot reach the API through DNS rebinding
    allowed = sorted({"127.0.0.1", "localhost", host}) if loopback and ":" not in host else None
    from .pipeline import load

    try:
        if db is not None:
            check_index(db)
    except ValueError as exc:
        _warn(str(exc))
        sys.exit(EXIT_USAGE)
    try:
        nlp = load(ner=ner)  # here, so that a missing model is a message, not a failed start-up
    except RuntimeError as exc:
        _warn(str(exc))
        sys.exit(EXIT_NOTHING)
    try:
        app = create_app(db=db, ner=ner, max_upload=limit, pipeline=nlp, threads=threads, allowed_hosts=allowed)
    except ValueError as exc:
        _warn(str(exc))
        sys.exit(EXIT_USAGE)
    shown = f"[{host}]" if ":" in host else host
    _warn(f"serving on http://{shown}:{port}/ (Ctrl+C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, proxy_headers=False)


if __name__ == "__main__":
    main()
