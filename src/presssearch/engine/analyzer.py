"""The Russian analysis as a whoosh analyzer chain (``Tokenizer | Filter``), built from the pure
functions in :mod:`presssearch.analysis` so indexing, querying and highlighting agree."""
from __future__ import annotations

from functools import lru_cache

from whoosh import fields
from whoosh.analysis import Filter, Tokenizer
from whoosh.analysis.acore import Token

from ..analysis.russian import exact_term, word_terms
from ..analysis.tokenize import WORD_RE
from .codec import CompactPositions


class RussianTokenizer(Tokenizer):
    """Words (letters/digits, hyphenated words whole) with positions and offsets, as written."""

    def __eq__(self, other):
        return type(self) is type(other)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        for pos, m in enumerate(WORD_RE.finditer(value), start_pos):
            t.text = m.group()
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = t.text
            if positions:
                t.pos = pos
            if chars:
                t.startchar, t.endchar = start_char + m.start(), start_char + m.end()
            yield t


class RussianTermFilter(Filter):
    """Each word → its index terms (ё→е, lowercase, stop words out, stems, hyphen parts, name lemmas)."""

    def __eq__(self, other):
        return type(self) is type(other)

    def __call__(self, tokens):
        for t in tokens:
            for term in word_terms(t.text):
                t.text = term
                yield t


class ExactFilter(Filter):
    """Each word → its exact form (lowercase, ё→е), stop words kept."""

    def __eq__(self, other):
        return type(self) is type(other)

    def __call__(self, tokens):
        for t in tokens:
            t.text = exact_term(t.text)
            yield t


def russian_analyzer():
    """The analyzer of the stemmed fields (title, lead, body)."""
    return RussianTokenizer() | RussianTermFilter()


def exact_analyzer():
    """The analyzer of the exact-form field."""
    return RussianTokenizer() | ExactFilter()


# --- indexing in one pass ---------------------------------------------------------------------------
def stemmed_of_words(words: list[str], poses: dict[str, list[int]] | None = None, start: int = 0
                     ) -> dict[str, list[int]]:
    """Index term → word positions of ``words`` (as ``WORD_RE`` finds them), numbered from ``start``."""
    poses = {} if poses is None else poses
    for pos, word in enumerate(words, start):
        for term in word_terms(word):
            found = poses.get(term)
            if found is None:
                poses[term] = [pos]
            else:
                found.append(pos)
    return poses


_cached_exact_term = lru_cache(maxsize=500_000)(exact_term)


def exact_of_words(words: list[str], poses: dict[str, list[int]] | None = None, start: int = 0
                   ) -> dict[str, list[int]]:
    """Exact term → word positions of ``words``, numbered from ``start``."""
    poses = {} if poses is None else poses
    for pos, word in enumerate(words, start):
        term = _cached_exact_term(word)
        found = poses.get(term)
        if found is None:
            poses[term] = [pos]
        else:
            found.append(pos)
    return poses


def stemmed_positions(text: str) -> dict[str, list[int]]:
    """Index term → word positions, exactly as ``russian_analyzer`` gives them, without Token objects."""
    return stemmed_of_words(WORD_RE.findall(text))


def exact_positions(text: str) -> dict[str, list[int]]:
    """Exact term → word positions, exactly as ``exact_analyzer`` gives them."""
    return exact_of_words(WORD_RE.findall(text))


def parts_positions(parts: list[str]) -> tuple[list[dict[str, list[int]]], dict[str, list[int]]]:
    """Each part's ``stemmed_positions`` and the ``exact_positions`` of the parts joined by a line break,
    tokenising each part once (a line break ends a word, so the joined text's words are the parts')."""
    stemmed, exact, start = [], {}, 0
    for part in parts:
        words = WORD_RE.findall(part)
        stemmed.append(stemmed_of_words(words))
        exact_of_words(words, exact, start)
        start += len(words)
    return stemmed, exact


class OnePassText(fields.TEXT):
    """A positional TEXT field whose ``index()`` analyses in one pass; same postings as the analyzer chain
    (kept as ``analyzer`` for anything that analyses query text). Positions are stored in
    ``codec.CompactPositions`` values; the writer takes ``positions(value)`` (term → positions) as is."""

    positions = staticmethod(stemmed_positions)

    def __init__(self, **kwargs):
        super().__init__(phrase=True, **kwargs)
        self.format = CompactPositions(field_boost=self.format.field_boost)

    def index(self, value, **kwargs):
        encode = self.format.encode
        boost = self.format.field_boost
        return [(term.encode("utf-8"), len(p), len(p) * boost, encode(p)) for term, p in self.positions(value).items()]


class StemmedText(OnePassText):
    positions = staticmethod(stemmed_positions)

    def __init__(self, **kwargs):
        super().__init__(analyzer=russian_analyzer(), **kwargs)


class ExactText(OnePassText):
    positions = staticmethod(exact_positions)

    def __init__(self, **kwargs):
        super().__init__(analyzer=exact_analyzer(), **kwargs)
