"""Quotes and speakers: find direct quotations in Russian press text and name who said them."""
from __future__ import annotations

from .extract import extract_quotes
from .speakers import normalize_person, same_person_key

__all__ = ["extract_quotes", "normalize_person", "same_person_key"]
