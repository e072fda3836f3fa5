"""The C part of kaznlp: the tokenizer's scanner. Optional: without a compiler kaznlp runs on its pure-Python
path (same tokens, slower). Everything else is in pyproject.toml."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("kaznlp._tokenscan", ["kaznlp/_tokenscan.c"], optional=True)])
