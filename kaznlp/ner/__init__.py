"""The named-entity model: KazNERD corpus reading, training, evaluation and the shipped pipeline."""
