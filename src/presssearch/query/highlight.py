"""Snippets with the matched words marked, as written in the text (any case form, ё or е).

Works on texts of any length (no 32K limit): the text is tokenised with the same analysis as
the index, and a word is marked when one of its terms is a term of the query.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis.russian import exact_term, query_terms, word_terms
from ..analysis.tokenize import fold, words

OPEN, CLOSE = "<b>", "</b>"
TEXT_FIELDS = {None, "title", "lead", "body", "text"}


@dataclass
class Matcher:
    """What a query marks: stemmed terms, exact forms and prefixes."""

    terms: set[str] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)
    prefixes: tuple[str, ...] = ()

    def matches(self, word: str) -> bool:
        if self.exact and exact_term(word) in self.exact:
            return True
        if self.terms and not self.terms.isdisjoint(word_terms(word)):
            return True
        if self.prefixes:
            f = fold(word)
            return any(f.startswith(p) for p in self.prefixes)
        return False

    def __bool__(self) -> bool:
        return bool(self.terms or self.exact or self.prefixes)


def matcher_for(tree) -> Matcher:
    """Collect the positive (not negated) words of a query tree."""
    m = Matcher()
    prefixes: list[str] = []

    def walk(node) -> None:
        kind = type(node).__name__
        if kind == "Not":
            return
        if kind in ("And", "Or"):
            for c in node.children:
                walk(c)
        elif kind == "Word" and node.field in TEXT_FIELDS:
            m.terms.update(query_terms(node.text))
        elif kind == "Phrase" and node.field in TEXT_FIELDS:
            for w in node.words:
                m.terms.update(query_terms(w))
        elif kind == "Exact":
            m.exact.update(exact_term(w) for w in node.words)
        elif kind == "Prefix" and node.field in TEXT_FIELDS:
            prefixes.append(fold(node.text).rstrip("*"))

    walk(tree)
    m.prefixes = tuple(prefixes)
    return m


def spans(text: str, m: Matcher) -> list[tuple[int, int]]:
    """Offsets of the words of ``text`` that the query matches."""
    if not m:
        return []
    return [(s, e) for w, s, e in words(text) if m.matches(w)]


def mark(text: str, found: list[tuple[int, int]], open_: str = OPEN, close: str = CLOSE) -> str:
    out, last = [], 0
    for s, e in found:
        out.append(text[last:s])
        out.append(open_ + text[s:e] + close)
        last = e
    out.append(text[last:])
    return "".join(out)


def snippet(text: str, m: Matcher, *, size: int = 220, fragments: int = 2, open_: str = OPEN,
            close: str = CLOSE) -> str:
    """Up to ``fragments`` windows of about ``size`` characters around the densest matches."""
    text = text or ""
    found = spans(text, m)
    if not found:
        return _trim(text, 0, size)
    # Score windows starting at each match by how many matches they hold; pick non-overlapping best.
    windows = []
    for i, (s, _) in enumerate(found):
        start = max(0, s - size // 4)
        end = start + size
        inside = [sp for sp in found[i:] if sp[1] <= end]
        windows.append((len(inside), -start, start, end))
    windows.sort(reverse=True)
    chosen: list[tuple[int, int]] = []
    for _, _, start, end in windows:
        if all(end <= a or start >= b for a, b in chosen):
            chosen.append((start, end))
        if len(chosen) == fragments:
            break
    chosen.sort()
    parts = []
    for start, end in chosen:
        start, end = _word_bounds(text, start, end)
        inside = [(s - start, e - start) for s, e in found if s >= start and e <= end]
        piece = mark(text[start:end], inside, open_, close)
        parts.append(("…" if start > 0 else "") + piece.strip() + ("…" if end < len(text) else ""))
    return " ".join(parts).replace("\n", " ")


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    end = min(len(text), end)
    if start > 0:
        sp = text.find(" ", start)
        if 0 <= sp < start + 30:
            start = sp + 1
    if end < len(text):
        sp = text.rfind(" ", start, end)
        if sp > start + 30:
            end = sp
    return start, end


def _trim(text: str, start: int, size: int) -> str:
    s, e = _word_bounds(text, start, start + size)
    return (text[s:e].strip() + ("…" if e < len(text) else "")).replace("\n", " ")
