"""Reproducible training of the Kazakh NER pipeline on KazNERD's validation split.

The validation split is shuffled with a fixed seed; about 90% trains and 10% is held out for early stopping and
model selection. KazNERD often gives a sentence twice, once with digits and once with number words (``20 арнайы
техника`` / ``Жиырма арнайы техника``); such twins stay on the same side of the split, or the held-out score
would reward memorising them (a random sentence split leaves a third of dev with a twin in train and scores
about 7 points too high). KazNERD's test split is never read here. Each training sentence is given twice:
tokenised by kaznlp's own tokenizer (what the model meets at run time) and on KazNERD's gold tokens, so that the
model does well on both; the dev set is kaznlp-tokenised.

Press releases are not television news: their headlines are often in ALL CAPS, have no final full stop, and in
scraped text run straight into the body. ``press_variants`` adds copies of a seeded share of the training
sentences written that way (on kaznlp's tokens, with the same entities); the dev split stays as KazNERD wrote it,
and ``dev-press.iob2`` is the dev split in ALL CAPS without final punctuation, to measure what the copies buy.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
from pathlib import Path

from ..numbers import word_value
from .corpus import Sentence, read_iob2, to_doc, to_sentence
from .press_corpus import GoldText, press_docs

DEV_SHARE = 0.1
SEED = 0
# of the training sentences, the share given one press-release copy (split over four kinds); 0 for the shipped
# model: 0.5 and 0.2 were tried and cost 1.3 and 0.6 points on plain dev (models/ner/selection_log.md)
PRESS_SHARE = 0.0
_FINAL = frozenset(".!?…")


def twin_key(sent: list[tuple[str, str]]) -> str:
    """The sentence without its numbers, lowercased: twins that differ only in how numbers are written match."""
    return " ".join(w.lower() for w, _ in sent if not (w[0].isdigit() or word_value(w.lower()) is not None))


def split_dev(
    pairs: list[list[tuple[str, str]]], seed: int = SEED
) -> tuple[list[list[tuple[str, str]]], list[list[tuple[str, str]]]]:
    """(dev, train): groups of twin sentences shuffled with ``seed``; whole groups go to dev until it holds
    ``DEV_SHARE`` of the sentences."""
    groups: dict[str, list[list[tuple[str, str]]]] = {}
    for p in pairs:
        groups.setdefault(twin_key(p), []).append(p)
    order = list(groups.values())
    random.Random(seed).shuffle(order)
    dev: list[list[tuple[str, str]]] = []
    train: list[list[tuple[str, str]]] = []
    for g in order:
        (dev if len(dev) < len(pairs) * DEV_SHARE else train).extend(g)
    return dev, train


def _upper(text: str) -> str:
    """ALL CAPS, letter for letter (a letter whose capital is longer, as ``ß``, stays): offsets keep."""
    return "".join(u if len(u := c.upper()) == 1 else c for c in text)


def upper_sentence(s: Sentence) -> Sentence:
    return Sentence(_upper(s.text), list(s.tokens), list(s.entities))


def without_final_punct(s: Sentence) -> Sentence:
    """The sentence without its final ``.``, ``!``, ``?`` or ``…`` tokens (those outside every entity)."""
    n = len(s.tokens)
    while n > 1 and s.text[s.tokens[n - 1][0] : s.tokens[n - 1][1]] in _FINAL:
        if any(e > s.tokens[n - 1][0] for _, e, _ in s.entities):
            break
        n -= 1
    end = s.tokens[n - 1][1]
    return Sentence(s.text[:end], s.tokens[:n], [x for x in s.entities if x[1] <= end])


def run_into(head: Sentence, body: Sentence) -> Sentence:
    """``head`` and ``body`` as one text, a space between, as a scraped headline runs into the release."""
    k = len(head.text) + 1
    return Sentence(
        head.text + " " + body.text,
        head.tokens + [(a + k, b + k) for a, b in body.tokens],
        head.entities + [(a + k, b + k, label) for a, b, label in body.entities],
    )


def press_variants(sents: list[Sentence], share: float = PRESS_SHARE, seed: int = SEED) -> list[Sentence]:
    """Copies of a seeded ``share`` of ``sents`` as press releases write them, a quarter of them each kind:
    ALL CAPS; an ALL-CAPS headline (no final punctuation); the sentence without its final punctuation; a
    headline (ALL CAPS or as written, no final punctuation) run into the next sentence. Entities keep their
    class and span (``entities-spec.md``: a headline has the entities of the same words in normal case)."""
    rng = random.Random(seed)
    out: list[Sentence] = []
    for i, s in enumerate(sents):
        r = rng.random()
        if r >= share:
            continue
        kind = int(4 * r / share)
        if kind == 0:
            out.append(upper_sentence(s))
        elif kind == 1:
            out.append(upper_sentence(without_final_punct(s)))
        elif kind == 2:
            out.append(without_final_punct(s))
        else:
            head = without_final_punct(s)
            if rng.random() < 0.5:
                head = upper_sentence(head)
            out.append(run_into(head, sents[(i + 1) % len(sents)]))
    return out


def _write_iob2(path: Path, pairs: list[list[tuple[str, str]]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for sent in pairs:
            f.writelines(f"{w} {t}\n" for w, t in sent)
            f.write("\n")


def press_dev(pairs: list[list[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
    """The dev sentences as headlines: ALL CAPS, final punctuation (outside entities) dropped."""
    out = []
    for sent in pairs:
        sent = [(_upper(w), t) for w, t in sent]
        while len(sent) > 1 and sent[-1][0] in _FINAL and sent[-1][1] == "O":
            sent = sent[:-1]
        out.append(sent)
    return out


def read_split(
    path: Path, valid_path: Path, pairs: list[list[tuple[str, str]]]
) -> tuple[list[list[tuple[str, str]]], list[list[tuple[str, str]]]] | None:
    """(dev, train) as a split file lists them (``models/ner/split.txt``: the frozen twin-aware split), or None
    when the file is for another version of the validation data (its sha256 differs) or does not cover it."""
    if not path.is_file():
        return None
    digest = hashlib.sha256(valid_path.read_bytes()).hexdigest()
    dev: list[list[tuple[str, str]]] = []
    train: list[list[tuple[str, str]]] = []
    seen: set[int] = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                if "sha256" in line and digest not in line:
                    return None
                continue
            side, num = line.split()[0], int(line.split()[1])
            if num >= len(pairs) or num in seen:
                return None
            seen.add(num)
            (dev if side == "dev" else train).append(pairs[num])
    return (dev, train) if len(seen) == len(pairs) else None


def build_corpus(
    valid_path: Path,
    out_dir: Path,
    seed: int = SEED,
    both_tokenizations: bool = True,
    holdout: bool = True,
    press_share: float = PRESS_SHARE,
    split_file: Path | None = None,
    gold_texts: list[GoldText] | None = None,
    unscored: dict[str, list[tuple[int, int, str]]] | None = None,
    gold_copies: int = 1,
    gold_neutral: bool = False,
) -> tuple[Path, Path]:
    """``train.spacy`` and ``dev.spacy`` (and ``dev.iob2``, ``dev-press.iob2``) in ``out_dir``; without
    ``holdout`` the dev part trains too (``dev.spacy`` then measures fit, not generalisation). ``press_share``
    of the training sentences get a press-release copy (``press_variants``; 0: none). ``split_file``, when it
    is for this validation file, fixes the split (``read_split``); otherwise ``split_dev`` makes it. Each sentence
    of ``gold_texts`` (press releases and news with hand-checked entities) trains too, ``gold_copies`` times,
    tagged where the gold decides (:func:`kaznlp.ner.press_corpus.press_docs`; ``unscored``: the other classes'
    spans, missing labels)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("kk")
    pairs = list(read_iob2(valid_path))
    fixed = read_split(split_file, valid_path, pairs) if split_file is not None else None
    dev_pairs, train_pairs = fixed or split_dev(pairs, seed)
    if not holdout:
        train_pairs = train_pairs + dev_pairs
    out_dir.mkdir(parents=True, exist_ok=True)
    _write_iob2(out_dir / "dev.iob2", dev_pairs)  # for `kaznlp evaluate-ner` on the dev split
    _write_iob2(out_dir / "dev-press.iob2", press_dev(dev_pairs))
    train_sents = [to_sentence(p) for p in train_pairs]
    variants = press_variants(train_sents, press_share, seed) if press_share > 0 else []
    paths = []
    for name, part in (("train", train_sents), ("dev", map(to_sentence, dev_pairs))):
        db = DocBin(store_user_data=False)
        for s in part:
            db.add(to_doc(nlp, s))
            if name == "train" and both_tokenizations:
                db.add(to_doc(nlp, s, gold_tokens=True))
        if name == "train":
            for s in variants:
                db.add(to_doc(nlp, s))
            for doc in press_docs(nlp, gold_texts or [], unscored or {}, gold_neutral) * gold_copies:
                db.add(doc)
        p = out_dir / f"{name}.spacy"
        db.to_disk(p)
        paths.append(p)
    return paths[0], paths[1]


def train(
    valid_path: Path,
    config: Path,
    output: Path,
    work: Path,
    max_steps: int | None = None,
    holdout: bool = True,
    press_share: float = PRESS_SHARE,
    split_file: Path | None = None,
    gold_texts: list[GoldText] | None = None,
    unscored: dict[str, list[tuple[int, int, str]]] | None = None,
    gold_copies: int = 1,
    gold_neutral: bool = False,
    init_model: Path | None = None,
    learn_rate: float | None = None,
) -> Path:
    """Train and copy the model to ``output``; returns it. With ``holdout`` (the default) the model is the step
    that scored best on the held-out 10%; without it, every sentence of ``valid_path`` trains and the model is the
    last step, so ``max_steps`` should be the step a held-out run of the same config chose (scaled to the data).
    ``init_model``: every component starts from that trained model (fine-tuning) instead of random weights;
    ``learn_rate`` overrides the config's."""
    from spacy.cli.train import train as spacy_train

    train_path, dev_path = build_corpus(
        valid_path, work / "corpus", holdout=holdout, press_share=press_share, split_file=split_file,
        gold_texts=gold_texts, unscored=unscored, gold_copies=gold_copies, gold_neutral=gold_neutral,
    )  # fmt: skip
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    if max_steps:
        overrides["training.max_steps"] = max_steps
    if learn_rate is not None:
        overrides["training.optimizer.learn_rate"] = learn_rate
    if init_model is not None:
        config = sourced_config(config, init_model, work / "config.cfg")
    spacy_train(config, work / "training", overrides=overrides)
    chosen = work / "training" / ("model-best" if holdout else "model-last")
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(chosen, output)
    write_meta(output, holdout, press_share, sorted({t.doc for t in gold_texts or []}), gold_copies, init_model)
    return output


def sourced_config(config: Path, init_model: Path, out: Path) -> Path:
    """``config`` with each of its components taken from ``init_model`` (spaCy's ``source``), written to ``out``:
    training then goes on from that model's weights."""
    from spacy.util import load_config

    cfg = load_config(config)
    for name in cfg["nlp"]["pipeline"]:
        cfg["components"][name] = {"source": str(init_model.resolve())}
    out.parent.mkdir(parents=True, exist_ok=True)
    cfg.to_disk(out)
    return out


META = {
    "name": "kaznerd_ner",
    "version": "0.3.0",
    "description": "Kazakh NER (25 KazNERD classes): an IOB2 tagger over a CNN tok2vec, trained by kaznlp on "
    "{data}. See models/MODEL_CARD.md.",
    "author": "kaznlp",
    "license": "CC BY 4.0 (training data: KazNERD)",
}


def write_meta(
    model_dir: Path,
    holdout: bool = True,
    press_share: float = PRESS_SHARE,
    gold_docs: list[str] = (),  # type: ignore[assignment]
    copies: int = 1,
    init_model: Path | None = None,
) -> None:
    """Name, version, description and licence in the model's ``meta.json``."""
    path = model_dir / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta.update(META)
    meta["description"] = META["description"].format(
        data="KazNERD IOB2_valid (about 90%; the rest, twins kept together, for model selection)"
        if holdout
        else "all of KazNERD IOB2_valid (its configuration chosen by a run that held 10% out)"
    )
    if press_share > 0:
        copies = f"press-release copies of {press_share:.0%} of the sentences and "
        meta["description"] = meta["description"].replace("trained by kaznlp on ", "trained by kaznlp on " + copies)
    if gold_docs:
        meta["description"] = meta["description"].replace(
            ". See", f", and the sentences of {len(gold_docs)} press releases and news items with hand-checked "
            f"entities (corpora/gold-entities*; each given {copies} time(s)). See",
        )
        meta["license"] = META["license"] + "; press texts: see corpora/releases/README-sources.md"
    if init_model is not None:
        meta["description"] = meta["description"].replace(
            ". See", f"; fine-tuned (train-ner --init-model) from the KazNERD-only model {init_model.name}. See", 1
        )
    if not holdout:
        meta.pop("performance", None)  # spaCy's dev scores of a model that trained on dev: fit, not accuracy
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
