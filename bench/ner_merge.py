"""How the NER model and the press-release rules combine, scored on an IOB2 file (exact match, kaznlp tokens):
the model alone, kaznlp's merge order (strong rules, then the model, then the other rules in the gaps), and
every rule winning over the model.

    python bench/ner_merge.py build/ner/corpus/dev.iob2 [--model DIR]

Use the dev split written by `kaznlp train-ner` and a model that did not train on it: the held-out run's
(`kaznlp train-ner -o build/ner_heldout`, then `--model build/ner_heldout`), not the shipped model, which was
retrained on all of the validation split. KazNERD's test split is for the final score only.
"""

from __future__ import annotations

import argparse

import kaznlp
from kaznlp import entities
from kaznlp.ner.corpus import read_sentences
from kaznlp.scoring.entities import prf


def score(pred: list[set], gold: list[set]) -> tuple[float, float, float]:
    tp = sum(len(p & g) for p, g in zip(pred, gold))
    fp = sum(len(p - g) for p, g in zip(pred, gold))
    fn = sum(len(g - p) for p, g in zip(pred, gold))
    s = prf(tp, fp, fn)
    return s["precision"], s["recall"], s["f1"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("iob2")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    sents = read_sentences(args.iob2)
    gold = [set(s.entities) for s in sents]
    texts = [s.text for s in sents]
    nlp = kaznlp.load(ner=True, model=args.model)
    rows = {}
    nlp._entities.use_rules = False
    rows["model alone"] = [{(e.start, e.end, e.label) for e in d.entities} for d in nlp.pipe(texts)]
    nlp._entities.use_rules = True
    rows["kaznlp merge order"] = [{(e.start, e.end, e.label) for e in d.entities} for d in nlp.pipe(texts)]
    strong = entities.STRONG_RULE_LABELS
    # every label a rule can give (they are KazNERD's classes) wins over the model
    entities.STRONG_RULE_LABELS = frozenset(label for g in gold for _, _, label in g) | strong
    rows["every rule wins"] = [{(e.start, e.end, e.label) for e in d.entities} for d in nlp.pipe(texts)]
    entities.STRONG_RULE_LABELS = strong
    print(f"{args.iob2}: {len(sents)} sentences, {sum(map(len, gold))} entities, kaznlp tokens")
    for name, pred in rows.items():
        p, r, f = score(pred, gold)
        print(f"{name:<22} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main()
