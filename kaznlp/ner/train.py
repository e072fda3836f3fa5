"""Reproducible training of the Kazakh NER pipeline on KazNERD's validation split.

The validation split is shuffled with a fixed seed; 90% trains and 10% is held out for early stopping and model
selection. KazNERD's test split is never read here. Training Docs are tokenised by kaznlp's own tokenizer, the
one the model meets at run time.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from .corpus import read_sentences, to_doc

DEV_SHARE = 0.1
SEED = 0


def build_corpus(valid_path: Path, out_dir: Path, seed: int = SEED) -> tuple[Path, Path]:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("kk")
    sents = read_sentences(valid_path)
    rng = random.Random(seed)
    rng.shuffle(sents)
    n_dev = int(len(sents) * DEV_SHARE)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, part in (("train", sents[n_dev:]), ("dev", sents[:n_dev])):
        db = DocBin(store_user_data=False)
        for s in part:
            db.add(to_doc(nlp, s))
        p = out_dir / f"{name}.spacy"
        db.to_disk(p)
        paths.append(p)
    return paths[0], paths[1]


def train(valid_path: Path, config: Path, output: Path, work: Path, max_steps: int | None = None) -> Path:
    """Train and copy the best model to ``output``; returns it."""
    from spacy.cli.train import train as spacy_train

    train_path, dev_path = build_corpus(valid_path, work / "corpus")
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    if max_steps:
        overrides["training.max_steps"] = max_steps
    spacy_train(config, work / "training", overrides=overrides)
    best = work / "training" / "model-best"
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(best, output)
    return output
