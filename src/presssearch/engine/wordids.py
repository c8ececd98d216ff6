"""Indexing analysis with numpy: each distinct word is analysed once per segment, then a text is an array of
word ids and its postings are a few array operations.

``WordTerms`` keeps, per distinct word as written, the ids of its stemmed terms (``word_terms``) and of its
exact term, in one term-id space shared with the segment's ``PositionColumns``. ``WordTerms.positions``
gives a document's postings per positional field as ``Grouped`` arrays (term ids, frequencies, positions
grouped by term): exactly the postings ``analyzer.parts_positions`` gives as dicts, without a Python step
per word.
"""
from __future__ import annotations

from array import array
from itertools import chain
from typing import NamedTuple

import numpy as np

from ..analysis.russian import word_analysis
from ..analysis.tokenize import WORD_RE
from .analyzer import parts_positions
from .codec import ranges
from .columns import int32_view

WORD_BYTES = 160  # memory of one distinct word: dict slot, str, its ids (counted against the pool's limit)
NUMPY_CHARS = 600  # texts at least this long are analysed with numpy; shorter ones (quotes) as dicts


class Grouped(NamedTuple):
    """A document's postings in one field: ``terms[i]`` occurs ``tfs[i]`` times, at the next ``tfs[i]``
    ``positions`` (ascending)."""

    terms: np.ndarray
    tfs: np.ndarray
    positions: np.ndarray


def grouped(tids: np.ndarray, positions: np.ndarray) -> Grouped:
    """Group (term id, position) pairs by term; positions keep their (ascending) order."""
    order = np.argsort(tids, kind="stable")
    t = tids[order]
    if not len(t):
        return Grouped(t, t, t)
    starts = np.flatnonzero(np.concatenate(([True], t[1:] != t[:-1])))
    return Grouped(t[starts], np.diff(np.append(starts, len(t))), positions[order])


class WordTerms:
    """Distinct words → term ids, for one segment (``ids`` is the segment's shared term-id dict)."""

    def __init__(self, ids) -> None:
        self.ids = ids  # term → id; a new term gets the next id
        self.words: dict[str, int] = {}
        self.exact = array("i")  # word id → exact term id
        self.first = array("i")  # word id → where its stemmed term ids start in ``stems``
        self.count = array("i")  # word id → how many stemmed terms it has (0: a stop word)
        self.stems = array("i")

    def __len__(self) -> int:
        return len(self.words)

    def _add(self, word: str) -> int:
        wid = self.words.get(word)
        if wid is None:
            ids = self.ids
            wid = self.words[word] = len(self.words)
            exact, terms = word_analysis(word)
            self.exact.append(ids[exact])
            self.first.append(len(self.stems))
            self.count.append(len(terms))
            self.stems.extend([ids[t] for t in terms])
        return wid

    def word_ids(self, words: list[str]) -> np.ndarray:
        found = list(map(self.words.get, words))
        if None in found:
            add = self._add
            found = [add(w) if i is None else i for w, i in zip(words, found)]
        return np.array(found, np.int32)

    def positions(self, parts: list[str]) -> tuple[list[Grouped], Grouped]:
        """Each part's stemmed postings (positions from 0 in each part) and the exact postings of the parts
        joined by a line break (positions continue across parts), as ``parts_positions`` gives them."""
        wids = [self.word_ids(WORD_RE.findall(part)) for part in parts]  # may grow the arrays: views after
        first, count, stems = int32_view(self.first), int32_view(self.count), int32_view(self.stems)
        stemmed = []
        for w in wids:
            n = count[w]
            stemmed.append(grouped(stems[ranges(first[w].astype(np.int64), n)],
                                   np.repeat(np.arange(len(w), dtype=np.int32), n)))
        every = np.concatenate(wids) if len(wids) > 1 else wids[0]
        # (the views end with this call: the arrays may grow again on the next one)
        return stemmed, grouped(int32_view(self.exact)[every], np.arange(len(every), dtype=np.int32))

    def positions_each(self, texts: list[str]) -> list[tuple[Grouped, Grouped]]:
        """``positions([text])`` of each text — (stemmed, exact) postings — in one numpy pass for all of
        them (an article's quotes: numpy's cost per call is paid once, not per quote)."""
        lists = [WORD_RE.findall(text) for text in texts]
        lens = np.fromiter(map(len, lists), np.int64, len(lists))
        wids = self.word_ids(list(chain.from_iterable(lists)))  # may grow the arrays: views after
        first, count, stems = int32_view(self.first), int32_view(self.count), int32_view(self.stems)
        doc = np.repeat(np.arange(len(texts), dtype=np.int32), lens)
        local = (np.arange(len(wids)) - np.repeat(np.cumsum(lens) - lens, lens)).astype(np.int32)
        n = count[wids]
        stemmed = grouped_by_doc(stems[ranges(first[wids].astype(np.int64), n)], np.repeat(local, n),
                                 np.repeat(doc, n), len(texts))
        exact = grouped_by_doc(int32_view(self.exact)[wids], local, doc, len(texts))
        return list(zip(stemmed, exact))


def grouped_by_doc(tids: np.ndarray, positions: np.ndarray, docs: np.ndarray, ndocs: int) -> list[Grouped]:
    """``grouped`` of each document's (term id, position) pairs, for pairs of ``ndocs`` documents at once
    (``docs``: each pair's document, ascending)."""
    order = np.argsort((docs.astype(np.int64) << 32) | tids, kind="stable")
    t, p, d = tids[order], positions[order], docs[order]
    change = np.ones(len(t), bool)
    if len(t):
        change[1:] = (t[1:] != t[:-1]) | (d[1:] != d[:-1])
    starts = np.flatnonzero(change)
    terms, tfs = t[starts], np.diff(np.append(starts, len(t)))
    bounds = np.arange(ndocs + 1)
    gb = np.searchsorted(d[starts], bounds).tolist()
    pb = np.searchsorted(d, bounds).tolist()
    return [Grouped(terms[gb[i]:gb[i + 1]], tfs[gb[i]:gb[i + 1]], p[pb[i]:pb[i + 1]]) for i in range(ndocs)]


def analyse(words: WordTerms, parts: list[str]) -> tuple[list[Grouped | dict], Grouped | dict]:
    """A document's postings as ``parts_positions`` gives them: as dicts for short texts (quotes), else as
    ``words.positions`` arrays (numpy's fixed cost per call only pays on longer texts: at about
    ``NUMPY_CHARS`` characters the two cost the same)."""
    if sum(map(len, parts)) < NUMPY_CHARS:
        return parts_positions(parts)
    return words.positions(parts)
