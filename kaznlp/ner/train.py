"""Reproducible training of the Kazakh NER pipeline on KazNERD's validation split.

The validation split is shuffled with a fixed seed; about 90% trains and 10% is held out for early stopping and
model selection. KazNERD often gives a sentence twice, once with digits and once with number words (``20 арнайы
техника`` / ``Жиырма арнайы техника``); such twins stay on the same side of the split, or the held-out score
would reward memorising them (a random sentence split leaves a third of dev with a twin in train and scores
about 7 points too high). KazNERD's test split is never read here. Each training sentence is given twice:
tokenised by kaznlp's own tokenizer (what the model meets at run time) and on KazNERD's gold tokens, so that the
model does well on both; the dev set is kaznlp-tokenised.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from ..numbers import word_value
from .corpus import read_iob2, to_doc, to_sentence

DEV_SHARE = 0.1
SEED = 0


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


def build_corpus(
    valid_path: Path, out_dir: Path, seed: int = SEED, both_tokenizations: bool = True, holdout: bool = True
) -> tuple[Path, Path]:
    """``train.spacy`` and ``dev.spacy`` (and ``dev.iob2``) in ``out_dir``; without ``holdout`` the dev part
    trains too (``dev.spacy`` then measures fit, not generalisation)."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("kk")
    dev_pairs, train_pairs = split_dev(list(read_iob2(valid_path)), seed)
    if not holdout:
        train_pairs = train_pairs + dev_pairs
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "dev.iob2", "w", encoding="utf-8") as f:  # for `kaznlp evaluate-ner` on the dev split
        for sent in dev_pairs:
            f.writelines(f"{w} {t}\n" for w, t in sent)
            f.write("\n")
    paths = []
    for name, part in (("train", map(to_sentence, train_pairs)), ("dev", map(to_sentence, dev_pairs))):
        db = DocBin(store_user_data=False)
        for s in part:
            db.add(to_doc(nlp, s))
            if name == "train" and both_tokenizations:
                db.add(to_doc(nlp, s, gold_tokens=True))
        p = out_dir / f"{name}.spacy"
        db.to_disk(p)
        paths.append(p)
    return paths[0], paths[1]


def train(
    valid_path: Path, config: Path, output: Path, work: Path, max_steps: int | None = None, holdout: bool = True
) -> Path:
    """Train and copy the model to ``output``; returns it. With ``holdout`` (the default) the model is the step
    that scored best on the held-out 10%; without it, every sentence of ``valid_path`` trains and the model is the
    last step, so ``max_steps`` should be the step a held-out run of the same config chose (scaled to the data)."""
    from spacy.cli.train import train as spacy_train

    train_path, dev_path = build_corpus(valid_path, work / "corpus", holdout=holdout)
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    if max_steps:
        overrides["training.max_steps"] = max_steps
    spacy_train(config, work / "training", overrides=overrides)
    chosen = work / "training" / ("model-best" if holdout else "model-last")
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(chosen, output)
    write_meta(output, holdout)
    return output


META = {
    "name": "kaznerd_ner",
    "version": "0.2.0",
    "description": "Kazakh NER (25 KazNERD classes): an IOB2 tagger over a CNN tok2vec, trained by kaznlp on "
    "{data}. See models/MODEL_CARD.md.",
    "author": "kaznlp",
    "license": "CC BY 4.0 (training data: KazNERD)",
}


def write_meta(model_dir: Path, holdout: bool = True) -> None:
    """Name, version, description and licence in the model's ``meta.json``."""
    path = model_dir / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta.update(META)
    meta["description"] = META["description"].format(
        data="KazNERD IOB2_valid (about 90%; the rest, twins kept together, for model selection)"
        if holdout
        else "all of KazNERD IOB2_valid (its configuration chosen by a run that held 10% out)"
    )
    if not holdout:
        meta.pop("performance", None)  # spaCy's dev scores of a model that trained on dev: fit, not accuracy
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
