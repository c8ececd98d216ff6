"""The parsed query: a tree of small frozen dataclasses.

``parse()`` builds it, the engine compiles it. Words are kept exactly as typed (no lower-casing,
no ё folding, no stemming): analysis happens in the engine.

``field`` is one of ``"title"``, ``"lead"``, ``"text"`` (the analysed text fields), or ``None`` for the
engine's default fields. The keyword fields ``"source"``, ``"author"`` and ``"speaker"`` appear only in
:class:`FieldValue` and :class:`Prefix`; dates only in :class:`DateRange`.

Guarantees of a tree returned by ``parse()``:

* :class:`And` and :class:`Or` have at least two children, and never a child of their own type
  (nested ones are flattened).
* Every :class:`Not` is a direct child of an :class:`And` that has at least one child that is not a
  ``Not``; when nothing positive was asked for that child is :class:`MatchAll`
  (``-спорт`` -> ``And((MatchAll(), Not(Word("спорт"))))``). So an ``And`` compiles to
  "all positive children AND NOT any negated child".
* :class:`MatchAll` appears alone (the empty query) or as the first child of such an ``And``.
* A ``Not`` never directly wraps another ``Not``.
* Phrases and exact phrases hold at least two words (one quoted word becomes a :class:`Word`,
  ``="Омске"`` an :class:`Exact` of one word).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Union


@dataclass(frozen=True)
class Word:
    """One word as typed; matches its word forms (the engine stems it). ``+word`` is the same."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Exact:
    """``=word`` or ``="exact phrase"``: these word forms exactly, no stemming. ``words`` is never empty."""

    words: tuple[str, ...]
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    """``"words in order"``; ``slop`` > 0 (from ``"a b"~5``) allows that many words of distance."""

    words: tuple[str, ...]
    field: str | None = None
    slop: int = 0


@dataclass(frozen=True)
class Prefix:
    """``казах*``: any word that starts with ``text`` (at least two letters or digits)."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class FieldValue:
    """A keyword field (source, author, speaker) and its whole value as typed, spaces collapsed.

    ``speaker:Буркова`` -> ``FieldValue("speaker", "Буркова")``;
    ``source:"Независимая газета"`` -> ``FieldValue("source", "Независимая газета")``.
    """

    field: str
    value: str


@dataclass(frozen=True)
class DateRange:
    """Publication dates from ``start`` to ``end``, both inclusive, as ISO ``YYYY-MM-DD``; ``None`` is open."""

    start: str | None
    end: str | None


@dataclass(frozen=True)
class And:
    """All children must match (Not children must not)."""

    children: tuple["Node", ...]


@dataclass(frozen=True)
class Or:
    """At least one child must match."""

    children: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    """Excludes what ``child`` matches; always inside an :class:`And` (see the module docstring)."""

    child: "Node"


@dataclass(frozen=True)
class MatchAll:
    """Every document: the empty query, or the positive side of a purely negative one."""


Node = Union[Word, Exact, Phrase, Prefix, FieldValue, DateRange, And, Or, Not, MatchAll]
LEAVES = (Word, Exact, Phrase, Prefix, FieldValue, DateRange)


def iter_nodes(node: Node) -> Iterator[Node]:
    """Every node of the tree, depth first, parents before children."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, (And, Or)):
            stack.extend(reversed(current.children))
        elif isinstance(current, Not):
            stack.append(current.child)


def count_terms(node: Node) -> int:
    """How many leaves (words, phrases, prefixes, field values, date ranges) the tree holds."""
    return sum(1 for n in iter_nodes(node) if isinstance(n, LEAVES))


def words_for_highlight(node: Node) -> list[str]:
    """The positive words to highlight, as typed, in query order, without repeats.

    Words, the words of phrases and exact forms, and prefixes (with their trailing ``*``, so the
    highlighter can tell them apart). Anything under a :class:`Not`, field values and dates are left out.
    """
    seen: dict[str, None] = {}
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, Word):
            seen.setdefault(current.text)
        elif isinstance(current, (Phrase, Exact)):
            for word in current.words:
                seen.setdefault(word)
        elif isinstance(current, Prefix):
            seen.setdefault(current.text + "*")
        elif isinstance(current, (And, Or)):
            stack.extend(reversed(current.children))
    return list(seen)
