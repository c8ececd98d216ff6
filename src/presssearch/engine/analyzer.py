"""The Russian analysis as a whoosh analyzer chain (``Tokenizer | Filter``), built from the pure
functions in :mod:`presssearch.analysis` so indexing, querying and highlighting agree."""
from __future__ import annotations

from whoosh.analysis import Filter, Tokenizer
from whoosh.analysis.acore import Token

from ..analysis.russian import exact_term, word_terms
from ..analysis.tokenize import WORD_RE


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
