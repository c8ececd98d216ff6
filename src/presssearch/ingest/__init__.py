"""Reading article files: find them (iter_sources), read them (read_source). Pure functions.

    for item in iter_sources(["data/"]):
        if isinstance(item, Skipped): report(item)
        else: articles, skipped = read_source(item)
"""
from __future__ import annotations

from .dates import normalize_date
from .encoding import DecodeFailure, decode_bytes
from .read import iter_articles, iter_records, read_source
from .records import RAW_VERSION, Record
from .walk import Source, iter_sources

__all__ = [
    "DecodeFailure",
    "Source",
    "decode_bytes",
    "iter_articles",
    "iter_records",
    "iter_sources",
    "normalize_date",
    "RAW_VERSION",
    "Record",
    "read_source",
]
