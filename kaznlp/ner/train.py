"""Reproducible training of the Kazakh NER pipeline on KazNERD's validation split.

The validation split is shuffled with a fixed seed; 90% trains and 10% is held out for early stopping and model
selection. KazNERD's test split is never read here. Each training sentence is given twice: tokenised by kaznlp's
own tokenizer (what the model meets at run time) and on KazNERD's gold tokens, so that the model does well on
both; the dev set is kaznlp-tokenised.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from .corpus import read_iob2, to_doc, to_sentence

DEV_SHARE = 0.1
SEED = 0


def build_corpus(
    valid_path: Path, out_dir: Path, seed: int = SEED, both_tokenizations: bool = True
) -> tuple[Path, Path]:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("kk")
    pairs = list(read_iob2(valid_path))
    random.Random(seed).shuffle(pairs)
    n_dev = int(len(pairs) * DEV_SHARE)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "dev.iob2", "w", encoding="utf-8") as f:  # for `kaznlp evaluate-ner` on the dev split
        for sent in pairs[:n_dev]:
            f.writelines(f"{w} {t}\n" for w, t in sent)
            f.write("\n")
    sents = [to_sentence(p) for p in pairs]
    paths = []
    for name, part in (("train", sents[n_dev:]), ("dev", sents[:n_dev])):
        db = DocBin(store_user_data=False)
        for s in part:
            db.add(to_doc(nlp, s))
            if name == "train" and both_tokenizations:
                db.add(to_doc(nlp, s, gold_tokens=True))
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
