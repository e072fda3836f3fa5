"""Batch processing of news archives."""
