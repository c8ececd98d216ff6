"""Split text into word tokens with character offsets.

A token is a run of letters and digits; words joined by a hyphen ("вице-министр",
"Кабардино-Балкария") form one token, and the analyzer adds their parts.
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

# Letters/digits (no underscore); internal hyphens (incl. U+2010/U+2011) join parts into one word.
WORD_RE = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)*")
# The same words found ~10% faster with possessive runs (a run of letters and digits never gives one back to a
# hyphen), for indexing. Python 3.10 has no possessive quantifiers, and early 3.11 releases (3.11.2) match a
# possessive group wrongly ("а‐_" gave "а‐"): both use WORD_RE itself.
_SELF_CHECK = ("а‐_", "а-_", "а-б-", "x--y", "1‑2‐")


def _fast_word_re() -> re.Pattern[str]:
    try:
        fast = re.compile(r"[^\W_]++(?:[-\u2010\u2011][^\W_]++)*+")
    except re.error:
        return WORD_RE
    return fast if all(fast.findall(t) == WORD_RE.findall(t) for t in _SELF_CHECK) else WORD_RE


WORD_RE_FAST = _fast_word_re()
HYPHENS = "-\u2010\u2011"
_HYPHEN_RE = re.compile(r"[-\u2010\u2011]")


class Span(NamedTuple):
    text: str
    start: int
    end: int


def fold(text: str) -> str:
    """Lowercase and fold ё→е: the one normalisation used for index, query, highlighting and facets."""
    return text.lower().replace("ё", "е")


def words(text: str) -> Iterator[Span]:
    """Every word token of ``text`` with its offsets, as written."""
    for m in WORD_RE.finditer(text):
        yield Span(m.group(), m.start(), m.end())


def hyphen_parts(word: str) -> list[str]:
    """The parts of a hyphenated word ("вице-министр" → ["вице", "министр"]); [] if not hyphenated."""
    if "-" not in word and "\u2010" not in word and "\u2011" not in word:
        return []
    return [p for p in _HYPHEN_RE.split(word) if p]


def normalize_hyphens(word: str) -> str:
    return _HYPHEN_RE.sub("-", word)
