"""Numeric facts: one module per dimension (percentage, count, money, quantity, ranking, date, duration)."""

from .base import FACT_TYPES, Fact
from .extractor import extract_facts

__all__ = ["FACT_TYPES", "Fact", "extract_facts"]
