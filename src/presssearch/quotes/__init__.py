"""Quotes and speakers: find direct quotations in Russian press text and name who said them."""
from __future__ import annotations

from typing import Any

__all__ = ["extract_quotes", "normalize_person", "same_person_key"]


def __getattr__(name: str) -> Any:
    """Load the rules only when extraction is asked for: a search with ``speaker:`` needs only the names."""
    if name == "extract_quotes":
        from .extract import extract_quotes

        return extract_quotes
    if name in ("normalize_person", "same_person_key"):
        from . import speakers

        return getattr(speakers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
