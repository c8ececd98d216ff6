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
from itertools import accumulate, chain
from typing import NamedTuple

import numpy as np

from ..analysis.russian import words_analysis
from ..analysis.tokenize import WORD_RE_FAST
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


class _WordIds(dict):
    """word → word id; a word not seen yet gets the next id and waits in ``new`` to be analysed (so a text's
    word ids are one C-level pass, ``np.fromiter(map(ids.__getitem__, words))``)."""

    __slots__ = ("new",)

    def __init__(self) -> None:
        super().__init__()
        self.new: list[str] = []

    def __missing__(self, word: str) -> int:
        wid = self[word] = len(self)
        self.new.append(word)
        return wid


class WordTerms:
    """Distinct words → term ids, for one segment (``ids`` is the segment's shared term-id dict)."""

    def __init__(self, ids) -> None:
        self.ids = ids  # term → id; a new term gets the next id
        self.words = _WordIds()
        self.exact = array("i")  # word id → exact term id
        self.first = array("i")  # word id → where its stemmed term ids start in ``stems``
        self.count = array("i")  # word id → how many stemmed terms it has (0: a stop word)
        self.stems = array("i")

    def __len__(self) -> int:
        return len(self.words)

    def _add_many(self, new: list[str]) -> None:
        """Analyse words just numbered (distinct, in id order), in one batch (``words_analysis``)."""
        ids = self.ids
        analysed = words_analysis(new)
        self.exact.extend([ids[exact] for exact, _ in analysed])
        counts = [len(terms) for _, terms in analysed]
        self.first.extend(accumulate(counts[:-1], initial=len(self.stems)))
        self.count.extend(counts)
        self.stems.extend([ids[t] for _, terms in analysed for t in terms])

    def word_ids(self, words: list[str]) -> np.ndarray:
        """Each word's id; words not seen before are numbered (in order of first appearance) and analysed."""
        known = self.words
        try:
            wids = np.fromiter(map(known.__getitem__, words), np.int32, len(words))
            if known.new:
                self._add_many(known.new)
        except BaseException:  # the words numbered here are forgotten again
            for word in known.new:
                del known[word]
            raise
        finally:
            known.new = []
        return wids

    def positions(self, parts: list[str]) -> tuple[list[Grouped], Grouped]:
        """Each part's stemmed postings (positions from 0 in each part) and the exact postings of the parts
        joined by a line break (positions continue across parts), as ``parts_positions`` gives them."""
        return self.analyse_docs([parts])[0]

    def positions_each(self, texts: list[str]) -> list[tuple[Grouped, Grouped]]:
        """``positions([text])`` of each text — (stemmed, exact) postings — in one numpy pass."""
        return [(stemmed, exact) for (stemmed,), exact in self.analyse_docs([[text] for text in texts])]

    def analyse_docs(self, docs: list[list[str]]) -> list[tuple[list[Grouped], Grouped]]:
        """``positions(parts)`` of each document's parts, all in one numpy pass (numpy's cost per call is
        paid once for a batch of articles and their quotes, not per text). Every document has parts."""
        if not docs:
            return []
        lists = [WORD_RE_FAST.findall(part) for parts in docs for part in parts]
        nparts = len(lists)
        lens = np.fromiter(map(len, lists), np.int64, nparts)
        wids = self.word_ids(list(chain.from_iterable(lists)))  # may grow the arrays: views after
        first, count, stems = int32_view(self.first), int32_view(self.count), int32_view(self.stems)
        part_of = np.fromiter(map(len, docs), np.int64, len(docs))
        doc_of_part = np.repeat(np.arange(len(docs)), part_of)
        word_part = np.repeat(np.arange(nparts), lens)
        index = np.arange(len(wids), dtype=np.int64)
        part_start = np.cumsum(lens) - lens
        doc_start = part_start[np.cumsum(part_of) - part_of] if nparts else part_start
        local = (index - part_start[word_part]).astype(np.int32)  # position in its part (stemmed fields)
        whole = (index - doc_start[doc_of_part[word_part]]).astype(np.int32)  # in its document (exact)
        n = count[wids]
        groups = grouped_by_doc(
            np.concatenate((stems[ranges(first[wids].astype(np.int64), n)], int32_view(self.exact)[wids])),
            np.concatenate((np.repeat(local, n), whole)),
            np.concatenate((np.repeat(word_part, n), nparts + doc_of_part[word_part])),
            nparts + len(docs))
        out, k = [], 0
        for d, parts in enumerate(docs):
            out.append((groups[k:k + len(parts)], groups[nparts + d]))
            k += len(parts)
        return out


def grouped_by_doc(tids: np.ndarray, positions: np.ndarray, docs: np.ndarray, ndocs: int) -> list[Grouped]:
    """Each document's (term id, position) pairs grouped by term, for pairs of ``ndocs`` documents at once
    (``docs``: each pair's document); positions keep their (ascending) order.

    A document's pairs are distinct and come in ascending position order, so sorting (document, term id,
    position) as one int64 key gives the stable sort by (document, term id) without an ``argsort``'s
    gathers (about a third of the time); keys too wide for 63 bits take the ``argsort``."""
    if not len(tids):
        return _grouped_argsort(tids, positions, docs, ndocs)
    pbits, tbits = int(positions.max()).bit_length(), int(tids.max()).bit_length()
    if pbits + tbits + max(ndocs - 1, 0).bit_length() > 63:
        return _grouped_argsort(tids, positions, docs, ndocs)
    key = docs.astype(np.int64) << (tbits + pbits)
    key |= tids.astype(np.int64) << pbits
    key |= positions
    key.sort()
    pairs = key >> pbits  # (document, term id)
    change = np.ones(len(key), bool)
    change[1:] = pairs[1:] != pairs[:-1]
    starts = np.flatnonzero(change)
    firsts = pairs[starts]
    terms = (firsts & ((1 << tbits) - 1)).astype(np.int32)
    tfs = np.diff(np.append(starts, len(key)))
    p = (key & ((1 << pbits) - 1)).astype(np.int32)
    bounds = np.arange(ndocs + 1, dtype=np.int64)
    gb = np.searchsorted(firsts >> tbits, bounds).tolist()
    pb = np.searchsorted(pairs >> tbits, bounds).tolist()
    return [Grouped(terms[gb[i]:gb[i + 1]], tfs[gb[i]:gb[i + 1]], p[pb[i]:pb[i + 1]]) for i in range(ndocs)]


def _grouped_argsort(tids: np.ndarray, positions: np.ndarray, docs: np.ndarray, ndocs: int) -> list[Grouped]:
    """``grouped_by_doc`` by a stable ``argsort`` of (document, term id)."""
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
