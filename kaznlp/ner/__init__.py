"""The named-entity model: KazNERD corpus reading, training and the shipped pipeline (its scoring:
:mod:`kaznlp.scoring.entities`)."""
