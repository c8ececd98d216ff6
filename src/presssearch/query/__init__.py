"""The query language: ``parse(text)`` turns what a user typed into a tree the engine compiles.

>>> parse('title:(Бурков OR Торебаев) "цифровой экономики" -спорт date:2019')  # doctest: +SKIP

See :mod:`presssearch.query.parse` for the language and :mod:`presssearch.query.ast` for the tree.
"""
from __future__ import annotations

from .ast import (
    And,
    DateRange,
    Exact,
    FieldValue,
    MatchAll,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Word,
    count_terms,
    iter_nodes,
    words_for_highlight,
)
from .parse import parse
from .render import to_text
from .vocab import DATE_FIELD, FIELDS, KEYWORD_FIELDS, TEXT_FIELDS

__all__ = [
    "And",
    "DATE_FIELD",
    "DateRange",
    "Exact",
    "FIELDS",
    "FieldValue",
    "KEYWORD_FIELDS",
    "MatchAll",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "Prefix",
    "TEXT_FIELDS",
    "Word",
    "count_terms",
    "iter_nodes",
    "parse",
    "to_text",
    "words_for_highlight",
]
