"""Reading article files: find them (iter_sources), read them (read_source). Pure functions.

    for item in iter_sources(["data/"]):
        if isinstance(item, Skipped): report(item)
        else: articles, skipped = read_source(item)
"""
from __future__ import annotations

from .dates import normalize_date
from .encoding import DecodeFailure, decode_bytes
from .read import iter_articles, read_source
from .walk import Source, iter_sources

__all__ = [
    "DecodeFailure",
    "Source",
    "decode_bytes",
    "iter_articles",
    "iter_sources",
    "normalize_date",
    "read_source",
]
