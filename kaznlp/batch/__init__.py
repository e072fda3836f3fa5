"""Batch processing of news archives: ``kaznlp.batch.run(inputs, outdir, BatchOptions(...))``, and
``iter_documents`` / ``iter_results`` for streaming use."""

from .readers import RawDoc, iter_documents
from .runner import BatchOptions, iter_results, run

__all__ = ["BatchOptions", "RawDoc", "iter_documents", "iter_results", "run"]
