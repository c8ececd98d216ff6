"""The vectorised executor: a compiled query evaluated over whole posting lists with numpy.

whoosh runs a tree of matchers document by document in Python; our totals and facets need every
match, so that cost was paid for every posting. Here each term's posting list is read whole
(``postings.segment_postings``) and the query tree becomes set operations on sorted docnum arrays:

* a term: its documents (deleted ones dropped) scored BM25F exactly as whoosh's
  ``scoring.BM25F`` does (same idf, average field length and byte-encoded field lengths);
* Or: the union, scores summed; And: the intersection, scores summed; AndMaybe: the left side,
  plus the right side's score where it matches too; AndNot: the left side without the right's
  documents, the left's scores; ZeroScore and DocnumFilter: documents, score 0;
* a boost multiplies the scores of its node, as whoosh's WrappingMatcher does;
* Sequence and Phrase: the words' documents intersected first, then the words' positions in those
  documents gathered as (document, position) keys and the spans joined for all documents at once
  exactly as whoosh's SpanNear and SpanNear2 matchers do; the score is the sum of the words' scores.

Only the queries ``engine.compile`` builds are known; any other raises ``Unsupported`` (the caller
then runs whoosh's matchers). An ``Executor`` lives for one search: it keeps the posting lists
and positions it has read so that rescoring and --explain do not read them again. The generation's
``PostingCache`` (in ``IndexStats``) keeps decoded lists, positions and positional blocks for the next
searches, the least recently used dropped past ``CACHE_BYTES``.
"""
from __future__ import annotations

import threading
import time
from math import log
from collections import OrderedDict
from dataclasses import dataclass
from itertools import chain

import numpy as np
from whoosh import query as wq
from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from .arrays import union, unique
from .compile import AndNot, DocnumFilter, Exhaustive, Or, ZeroScore
from .codec import ranges
from .postings import PackedPositions, PositionTable, read_postings, segment_positions

EMPTY = np.zeros(0, dtype=np.int64)


class Unsupported(Exception):
    """A query node the executor does not know (the caller falls back to whoosh's matchers)."""


class TimeUp(Exception):
    """The search ran past its time limit."""


@dataclass
class Match:
    """Matching documents (global docnums, ascending, unique) and their scores."""

    docs: np.ndarray
    scores: np.ndarray

    @classmethod
    def empty(cls) -> "Match":
        return cls(EMPTY, np.zeros(0))

    def boosted(self, boost: float) -> "Match":
        return self if boost == 1.0 else Match(self.docs, self.scores * boost)


# --- per generation --------------------------------------------------------------------------------

CACHE_BYTES = 96 * 2**20  # decoded posting lists one opened generation keeps for its next searches


class PostingCache:
    """Decoded posting lists (numpy arrays) of one opened generation, shared by its searches: the least
    recently used are dropped past ``limit`` bytes. A generation never changes, so nothing goes stale."""

    def __init__(self, limit: int = CACHE_BYTES):
        self.limit = limit
        self.size = 0
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key, value, nbytes: int) -> None:
        """Keep ``value`` (its numpy arrays are made read-only: searches share them)."""
        if nbytes > self.limit // 4:  # one huge list would push out everything else
            return
        _freeze(value)
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.size -= old[1]
            self._items[key] = (value, nbytes)
            self.size += nbytes
            while self.size > self.limit:
                _, (_, n) = self._items.popitem(last=False)
                self.size -= n

    def __len__(self) -> int:
        return len(self._items)


def _freeze(value) -> None:
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif isinstance(value, PackedPositions):
        _freeze(value.arrays())
    elif isinstance(value, PositionTable):
        _freeze((value.offsets, value.flat))
    elif isinstance(value, tuple):
        for v in value:
            _freeze(v)


def _nbytes(*parts) -> int:
    """Bytes held by numpy arrays (a PositionTable's too); other values count a little."""
    total = 0
    for p in parts:
        if isinstance(p, np.ndarray):
            total += p.nbytes
        elif isinstance(p, PackedPositions):
            total += sum(a.nbytes for a in p.arrays())
        elif isinstance(p, PositionTable):
            total += p.offsets.nbytes + p.flat.nbytes
        elif isinstance(p, list):
            total += 64 + sum(len(v) + 40 for v in p)
        else:
            total += 64
    return total


_LENGTH_OF_BYTE = np.asarray([byte_to_length(b) for b in range(256)], dtype=np.float64)


class IndexStats:
    """What every query of one opened generation shares: segments, live documents, field lengths."""

    def __init__(self, searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves = [(leaf, offset, leaf.doc_count_all()) for leaf, offset in self.reader.leaf_readers()]
        self.ndocs = self.reader.doc_count_all()
        self.live = self._live_mask()
        self.any_deleted = not bool(self.live.all())
        self._lengths: dict[str, np.ndarray] = {}
        self._norms: dict[str, np.ndarray] = {}
        self._avgfl: dict[str, float] = {}
        w = searcher.weighting
        self.B, self.K1 = getattr(w, "B", None), getattr(w, "K1", None)
        self.bm25f = type(w).__name__ == "BM25F" and not getattr(w, "_field_B", None)
        self.cache = PostingCache()
        self._term_infos: dict[tuple[str, bytes], tuple] = {}

    def _live_mask(self) -> np.ndarray:
        live = np.ones(self.ndocs, dtype=bool)
        for leaf, offset, n in self.leaves:
            if leaf.has_deletions():
                seg = np.ones(n, dtype=bool)
                seg[np.fromiter(leaf.all_doc_ids(), dtype=np.int64, count=leaf.doc_count())] = False
                live[offset:offset + n] = ~seg
        return live

    def live_docs(self) -> np.ndarray:
        return np.nonzero(self.live)[0]

    def term_infos(self, field: str, tbytes: bytes) -> tuple:
        """Per segment the term's statistics and the extent of its postings (a ``TermInfo``; None where the
        segment lacks the term), looked up once per generation: whether the term exists, its idf and its
        posting lists all come from these (whoosh looks a term up again for each)."""
        key = (field, tbytes)
        found = self._term_infos.get(key)
        if found is None:
            if len(self._term_infos) >= TERM_INFOS:
                self._term_infos.clear()
            found = self._term_infos[key] = tuple(_term_info(leaf, field, tbytes) for leaf, _o, _n in self.leaves)
        return found

    def idf(self, field: str, tbytes: bytes) -> float:
        """The term's idf as the searcher's weighting computes it (``WeightingModel.idf``: from the documents
        holding it in every segment, deleted ones included), from ``term_infos``."""
        if type(self.searcher.weighting).idf is not scoring.WeightingModel.idf:
            return self.searcher.idf(field, tbytes)
        n = sum(ti.doc_frequency() for ti in self.term_infos(field, tbytes) if ti is not None)
        return log(self.ndocs / (n + 1)) + 1

    def length_bytes(self, field: str) -> np.ndarray:
        """Each document's length of ``field`` as the one byte it is stored as (whoosh's scorer decodes it
        with ``byte_to_length``); byte 1 (length 1) for documents of segments without a length column."""
        if field not in self._lengths:
            parts = [_segment_length_bytes(leaf, field, n) for leaf, _offset, n in self.leaves]
            self._lengths[field] = np.concatenate(parts) if parts else np.zeros(0, np.uint8)
        return self._lengths[field]

    def lengths(self, field: str) -> np.ndarray:
        """Each document's length of ``field`` as whoosh's scorer sees it (decoded from one byte)."""
        return _LENGTH_OF_BYTE[self.length_bytes(field)]

    def norms(self, field: str) -> np.ndarray:
        """BM25's length part ``K1 * ((1 - B) + B * length / average length)`` of each of the 256 length bytes,
        in ``_bm25f``'s order of operations (so the same floats as computing it per document)."""
        if field not in self._norms:
            B, K1 = self.B, self.K1
            self._norms[field] = K1 * ((1 - B) + B * _LENGTH_OF_BYTE / self.avgfl(field))
        return self._norms[field]

    def avgfl(self, field: str) -> float:
        if field not in self._avgfl:
            self._avgfl[field] = self.searcher.avg_field_length(field) or 1
        return self._avgfl[field]


TERM_INFOS = 10_000  # terms whose TermInfos an opened generation keeps, then it starts afresh (an entry holds
# one TermInfo per segment, small posting lists inline: ~340 bytes per term and segment)


def _term_info(leaf, field: str, tbytes: bytes):
    """A segment's TermInfo of a term, or None if the segment lacks it."""
    terms = getattr(leaf, "_terms", None)
    if terms is None:
        return None
    try:
        return terms.term_info(field, tbytes)
    except (TermNotFound, KeyError):
        return None


def _segment_length_bytes(leaf, field: str, n: int) -> np.ndarray:
    """One segment's field length bytes; byte 1 (length 1) for every document when it has no length column
    (whoosh's scorer then uses that default)."""
    perdoc = getattr(leaf, "_perdoc", None)
    col = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN) if perdoc is not None else None
    if col is None:
        return np.ones(n, dtype=np.uint8)
    try:
        raw = np.frombuffer(bytes(col._dbfile.get(col._basepos, col._count)), dtype=np.uint8)
    except AttributeError:  # another column reader: read it value by value
        raw = np.fromiter((col[i] for i in range(n)), dtype=np.uint8, count=n)
    if len(raw) == n:
        return raw
    out = np.zeros(n, dtype=np.uint8)
    out[: min(n, len(raw))] = raw[:n]
    return out


# --- sorted-set operations ---------------------------------------------------------------------------

def _positions_in(big: np.ndarray, small: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each of ``small`` sits in ``big`` (both sorted, unique), and whether it is there."""
    if not len(big):
        return np.zeros(len(small), dtype=np.int64), np.zeros(len(small), dtype=bool)
    idx = np.searchsorted(big, small)
    idx[idx == len(big)] = 0
    return idx, big[idx] == small


def _member(docs: np.ndarray, of: np.ndarray) -> np.ndarray:
    """Mask: which of ``docs`` are in ``of`` (both sorted, unique)."""
    return _positions_in(of, docs)[1]


def _within(docs: np.ndarray, domain: np.ndarray) -> np.ndarray:
    """Indexes (ascending) of those of ``docs`` that are in ``domain`` (both sorted, unique): ``domain`` is
    looked up in ``docs`` when it is much the smaller (rescoring a few dozen documents against long lists)."""
    if len(domain) * 16 >= len(docs):
        return np.nonzero(_member(docs, domain))[0]
    idx, hit = _positions_in(docs, domain)
    return idx[hit]


def _intersect(a: Match, b: Match) -> Match:
    if len(a.docs) > len(b.docs):
        a, b = b, a
        idx, hit = _positions_in(a.docs, b.docs)
        return Match(b.docs[hit], a.scores[idx[hit]] + b.scores[hit])
    idx, hit = _positions_in(b.docs, a.docs)
    return Match(a.docs[hit], a.scores[hit] + b.scores[idx[hit]])


def _union(parts: list[Match]) -> Match:
    parts = [p for p in parts if len(p.docs)]
    if not parts:
        return Match.empty()
    if len(parts) == 1:
        return parts[0]
    docs = np.concatenate([p.docs for p in parts])
    scores = np.concatenate([p.scores for p in parts])
    order = np.argsort(docs, kind="stable")
    docs, scores = docs[order], scores[order]
    first = np.ones(len(docs), dtype=bool)
    first[1:] = docs[1:] != docs[:-1]
    starts = np.nonzero(first)[0]
    return Match(docs[starts], np.add.reduceat(scores, starts))


def _and_maybe(a: Match, b: Match) -> Match:
    idx, hit = _positions_in(b.docs, a.docs)
    scores = a.scores.copy()
    scores[hit] = scores[hit] + b.scores[idx[hit]]
    return Match(a.docs, scores)


def _and_not(a: Match, b: Match) -> Match:
    keep = ~_member(a.docs, b.docs)
    return Match(a.docs[keep], a.scores[keep])


# --- spans (whoosh.query.spans, restated on keys of every document at once) ---------------------------

@dataclass
class Spans:
    """Spans of many documents as keys ``document * 2**32 + position``: sorted by (start, end), unique."""

    starts: np.ndarray
    ends: np.ndarray


PAIR_CHUNK = 2_000_000  # span pairs joined at once (~150 MB of temporary arrays); more are joined in chunks


def _near_keys(a: Spans, b: Spans, slop: int, ordered: bool, mindist: int = 1, tick=None) -> Spans:
    """``_near`` of every document at once: each span of A joined with each span of B of the same document
    at a distance of ``mindist``..``slop`` (and, if ``ordered``, starting no earlier than A's). Past
    ``PAIR_CHUNK`` candidate pairs the spans of A are taken in chunks, calling ``tick`` (the time limit)
    between them, so memory stays bounded on common words with a wide slop."""
    if not len(a.starts) or not len(b.starts):
        return Spans(EMPTY, EMPTY)
    longest = int((b.ends - b.starts).max())
    lo = np.searchsorted(b.starts, a.starts - slop - longest, "left")
    hi = np.searchsorted(b.starts, a.ends + slop, "right")
    counts = hi - lo
    total = int(counts.sum())
    if total <= PAIR_CHUNK:
        return _joined_spans(a, b, lo, counts, slop, ordered, mindist)
    cuts = np.searchsorted(np.cumsum(counts), np.arange(PAIR_CHUNK, total, PAIR_CHUNK), "right")
    bounds = [0, *sorted(set(cuts.tolist()) - {0, len(counts)}), len(counts)]
    parts = []
    for i, j in zip(bounds, bounds[1:]):
        if tick is not None:
            tick()
        parts.append(_joined_spans(Spans(a.starts[i:j], a.ends[i:j]), b, lo[i:j], counts[i:j], slop, ordered, mindist))
    return _unique_spans(np.concatenate([p.starts for p in parts]), np.concatenate([p.ends for p in parts]))


def _joined_spans(a: Spans, b: Spans, lo: np.ndarray, counts: np.ndarray, slop: int, ordered: bool,
                  mindist: int) -> Spans:
    """The join of ``_near_keys`` for the spans of A, each against B's spans lo[i]:lo[i]+counts[i]."""
    ai = np.repeat(np.arange(len(a.starts)), counts)
    bi = ranges(lo, counts)
    a0, a1, b0, b1 = a.starts[ai], a.ends[ai], b.starts[bi], b.ends[bi]
    dist = np.where(a1 < b0, b0 - a1, np.where(b1 < a0, a0 - b1, 0))  # 0: overlapping
    keep = (dist >= mindist) & (dist <= slop)
    if ordered:
        keep &= a0 <= b0
    return _unique_spans(np.minimum(a0, b0)[keep], np.maximum(a1, b1)[keep])


def _unique_spans(s0: np.ndarray, s1: np.ndarray) -> Spans:
    """Spans sorted by (start, end), duplicates dropped."""
    order = np.lexsort((s1, s0))
    s0, s1 = s0[order], s1[order]
    first = np.ones(len(s0), dtype=bool)
    first[1:] = (s0[1:] != s0[:-1]) | (s1[1:] != s1[:-1])
    return Spans(s0[first], s1[first])


def _near_tree_keys(spans: list[Spans], slop: int, ordered: bool, tick=None) -> Spans:
    """``_near_tree`` of every document at once."""
    if len(spans) == 1:
        return spans[0]
    half = len(spans) // 2
    a = _near_tree_keys(spans[:half], slop, ordered, tick)
    if not len(a.starts):
        return a
    return _near_keys(a, _near_tree_keys(spans[half:], slop, ordered, tick), slop, ordered, tick=tick)


def _near_chain_keys(spans: list[Spans], slop: int, tick=None) -> Spans:
    """``_near_chain`` of every document at once."""
    a = spans[0]
    for b in spans[1:]:
        a = _near_keys(a, b, slop, True, tick=tick)
    return a


# --- the executor ----------------------------------------------------------------------------------------

class Executor:
    """Evaluates compiled queries against one generation (``stats``) for one search."""

    def __init__(self, stats: IndexStats, deadline: float | None = None):
        self.stats = stats
        self.searcher = stats.searcher
        self.schema = self.searcher.schema
        self.deadline = deadline
        self._postings: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}
        self._values: dict[tuple, tuple[np.ndarray, list]] = {}  # the encoded positions of some terms
        self._want_values: set[tuple] = set()
        self._positions: dict[tuple, dict[int, list[int]]] = {}
        self._asked: dict[tuple, np.ndarray] = {}

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise TimeUp()

    # -- entry points
    def prepare(self, q) -> None:
        """Note the terms whose positions ``q`` needs (in phrases and proximity), so that reading
        their posting lists keeps the positions too instead of reading the lists twice."""
        if q is None:
            return
        stack = [(q, False)]
        while stack:
            node, in_span = stack.pop()
            kind = type(node)
            if kind is wq.Term and in_span:
                tbytes = self._tbytes(node.fieldname, node.text)
                if tbytes is not None:
                    self._want_values.add((node.fieldname, tbytes))
            elif kind is wq.Phrase:
                for word in node.words:
                    tbytes = self._tbytes(node.fieldname, word)
                    if tbytes is not None:
                        self._want_values.add((node.fieldname, tbytes))
            else:
                inside = in_span or kind is wq.Sequence
                stack.extend((c, inside) for c in node.children())

    def evaluate(self, q, domain: np.ndarray | None = None) -> Match:
        """Every live document ``q`` matches (within ``domain``, sorted global docnums, if given)."""
        self.prepare(q)
        return self._eval(q, domain, True)

    def scores(self, q, docnums) -> dict[int, float]:
        """The scores ``q`` gives the documents ``docnums`` that it matches."""
        domain = unique(np.asarray(list(docnums), dtype=np.int64))
        m = self.evaluate(q, domain)
        return {int(d): float(s) for d, s in zip(m.docs.tolist(), m.scores.tolist())}

    # -- dispatch
    def _eval(self, q, domain, scored: bool) -> Match:
        self.check_time()
        kind = type(q)
        if kind is wq.Term:
            return self._term(q, domain, scored)
        if kind in (Or, wq.Or):
            return self._compound(q, domain, scored, _union)
        if kind is wq.And:
            return self._compound(q, domain, scored, _intersect_all)
        if kind is wq.AndMaybe:
            a = self._eval(q.a, domain, scored)
            if not scored or not len(a.docs):
                return a
            return _and_maybe(a, self._eval(q.b, a.docs, True))
        if kind is AndNot:
            a = self._eval(q.a, domain, scored)
            if not len(a.docs):
                return a
            return _and_not(a, self._eval(q.b, a.docs, False))
        if kind is wq.Sequence:
            return self._sequence(q, domain, scored)
        if kind is wq.Phrase:
            return self._phrase(q, domain, scored)
        if kind is ZeroScore:
            m = self._eval(q.child, domain, False)
            return Match(m.docs, np.zeros(len(m.docs)))
        if kind is Exhaustive:
            return self._eval(q.child, domain, scored)
        if kind is DocnumFilter:
            return self._docs(q.docnums, domain, 0.0)
        if kind is wq.Every:
            if q.fieldname not in (None, "", "*"):
                raise Unsupported(repr(q))
            return self._docs(self.stats.live_docs(), domain, q.boost)
        if isinstance(q, type(wq.NullQuery)):
            return Match.empty()
        if isinstance(q, wq.MultiTerm) and not scored:
            terms = [wq.Term(q.fieldname, t) for t in q._btexts(self.searcher.reader())]
            return _union([self._term(t, domain, False) for t in terms])
        raise Unsupported(f"{kind.__name__}: {q!r}")

    def _docs(self, docnums: np.ndarray, domain, score: float) -> Match:
        docs = np.asarray(docnums, dtype=np.int64)
        docs = docs[(docs >= 0) & (docs < self.stats.ndocs)]
        docs = docs[self.stats.live[docs]]
        if domain is not None:
            docs = docs[_within(docs, domain)]
        return Match(docs, np.full(len(docs), float(score)))

    def _compound(self, q, domain, scored: bool, combine) -> Match:
        subs = q.subqueries
        if not subs:
            return Match.empty()
        if len(subs) == 1:  # whoosh uses the one child's matcher as it is, boost and all ignored
            return self._eval(subs[0], domain, scored)
        if combine is _intersect_all:
            parts = []
            for s in subs:  # each child only needs the documents all the others left
                m = self._eval(s, domain, scored)
                if not len(m.docs):
                    return Match.empty()
                parts.append(m)
                domain = m.docs
            m = _intersect_all(parts)
        else:
            m = _union([self._eval(s, domain, scored) for s in subs])
        return m.boosted(q.boost) if scored else m

    # -- terms
    def _tbytes(self, field: str, text) -> bytes | None:
        """The term's bytes, or None if the index lacks it (looked up once per generation)."""
        key = ("term", field, text)
        found = self.stats.cache.get(key)
        if found is None:
            found = (self._look_up(field, text),)
            self.stats.cache.put(key, found, 100 + len(text))
        return found[0]

    def _look_up(self, field: str, text) -> bytes | None:
        if field not in self.schema:
            return None
        try:
            tbytes = self.schema[field].to_bytes(text)
        except ValueError:
            return None
        return tbytes if any(ti is not None for ti in self.stats.term_infos(field, tbytes)) else None

    def postings(self, field: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray]:
        """(live global docnums, term frequencies) of a term, read once per executor (and kept by the
        generation's cache for the next searches)."""
        key = (field, tbytes)
        if key not in self._postings:
            keep_values = key in self._want_values
            cache = self.stats.cache
            found = cache.get(("ids", field, tbytes))
            values = cache.get(("values", field, tbytes)) if keep_values else None
            if found is None or (keep_values and values is None):
                found, values = self._read_postings(field, tbytes, keep_values)
                cache.put(("ids", field, tbytes), found, _nbytes(*found))
                if keep_values:
                    cache.put(("values", field, tbytes), values, _nbytes(*values))
            if keep_values:
                self._values[key] = values
            self._postings[key] = found
        return self._postings[key]

    def _read_postings(self, field: str, tbytes: bytes, keep_values: bool):
        """((live docnums, frequencies), (docnums, positions) or None) of a term, from its segments."""
        ids_parts, w_parts, values = [], [], []
        for (leaf, offset, _n), info in zip(self.stats.leaves, self.stats.term_infos(field, tbytes)):
            if info is None:
                continue
            ids, w, vals = read_postings(leaf, field, tbytes, values=keep_values, terminfo=info)
            if len(ids):
                ids_parts.append(ids + offset)
                w_parts.append(w)
                if keep_values:
                    values = _joined(values, vals)
            self.check_time()
        if ids_parts:
            ids, w = np.concatenate(ids_parts), np.concatenate(w_parts)
        else:
            ids, w = np.zeros(0, dtype=np.int64), np.zeros(0)  # (not EMPTY: the cache makes what it keeps read-only)
        positions = (ids, values) if keep_values else None
        if self.stats.any_deleted:
            keep = self.stats.live[ids]
            ids, w = ids[keep], w[keep]
        return (ids, w), positions

    def _term(self, q, domain, scored: bool) -> Match:
        tbytes = self._tbytes(q.fieldname, q.text)
        if tbytes is None:
            return Match.empty()
        ids, tf = self.postings(q.fieldname, tbytes)
        if domain is not None:
            keep = _within(ids, domain)
            ids, tf = ids[keep], tf[keep]
        if not scored:
            return Match(ids, np.zeros(len(ids)))
        scores = self._bm25f(q.fieldname, tbytes, ids, tf)
        m = Match(ids, scores)
        return m.boosted(q.boost)

    def _bm25f(self, field: str, tbytes: bytes, ids: np.ndarray, tf: np.ndarray) -> np.ndarray:
        """whoosh's ``scoring.bm25`` per posting, in its order of operations (so the same floats)."""
        if not self.schema[field].scorable:
            return tf.copy()  # whoosh scores unscorable fields by the weight alone
        st = self.stats
        if not st.bm25f:
            raise Unsupported(f"weighting {type(self.searcher.weighting).__name__}")
        idf = st.idf(field, tbytes)
        norm = st.norms(field)[st.length_bytes(field)[ids]]  # K1 * ((1 - B) + B * length / average length)
        return idf * ((tf * (st.K1 + 1)) / (tf + norm))

    # -- positions
    def positions(self, field: str, tbytes: bytes, docs: np.ndarray) -> dict[int, list[int]]:
        """Positions of a term in the documents ``docs`` (global docnums, sorted), read once each."""
        key = (field, tbytes)
        cache = self._positions.setdefault(key, {})
        asked = self._asked.get(key, EMPTY)
        todo = docs[~_member(docs, asked)] if len(asked) else docs
        if not len(todo):
            return cache
        if self._known_values(key):
            ids, values = self._values[key]
            idx, hit = _positions_in(ids, todo)
            if isinstance(values, PositionTable):
                for d, i in zip(todo[hit].tolist(), idx[hit].tolist()):
                    cache[d] = values.positions(i)
            else:
                decode = self.schema[field].format.decode_positions
                for d, i in zip(todo[hit].tolist(), idx[hit].tolist()):
                    cache[d] = list(decode(values[i]))
        else:
            for (leaf, offset, n), info in zip(self.stats.leaves, self.stats.term_infos(field, tbytes)):
                lo, hi = np.searchsorted(todo, [offset, offset + n])
                if lo < hi and info is not None:
                    found = segment_positions(leaf, field, tbytes, todo[lo:hi] - offset, self.stats.cache, offset,
                                              info)
                    for d, ps in found.items():
                        cache[d + offset] = ps
                    self.check_time()
        self._asked[key] = union(asked, todo)
        return cache

    def _known_values(self, key: tuple) -> bool:
        """True if the positions of every posting of the term ``key`` are at hand (read by this search,
        or by an earlier one and cached)."""
        if key not in self._values:
            values = self.stats.cache.get(("values", *key))
            if values is None:
                return False
            self._values[key] = values
        return True

    def _word_keys(self, q, docs: np.ndarray) -> np.ndarray:
        """The positions of ``q`` (a term, or an Or of terms) in the documents ``docs`` (sorted) as sorted
        keys ``document * 2**32 + position``: gathered straight from the term's PositionTable when its
        list was read with positions, else from ``positions``."""
        kind = type(q)
        if kind is wq.Term:
            tbytes = self._tbytes(q.fieldname, q.text)
            if tbytes is None:
                return EMPTY
            key = (q.fieldname, tbytes)
            values = self._values[key] if self._known_values(key) else None
            if values is not None and isinstance(values[1], PositionTable):
                idx, hit = _positions_in(values[0], docs)
                return values[1].keys(idx[hit], docs[hit])
            return _flat(docs, self.positions(q.fieldname, tbytes, docs))
        if kind in (Or, wq.Or) and q.subqueries:
            parts = [self._word_keys(s, docs) for s in q.subqueries]
            return parts[0] if len(parts) == 1 else unique(np.concatenate(parts))
        raise Unsupported(f"positions of {kind.__name__}")

    def _sequence(self, q, domain, scored: bool) -> Match:
        """whoosh's Sequence: a binary tree of SpanNear matchers over the words; scores add up."""
        subs = q.subqueries
        if len(subs) < 2:
            return self._compound(q, domain, scored, _union)
        words = self._all_of(subs, domain, scored)
        keep = self._in_order(words.docs, subs, q.slop, q.ordered, tree=True)
        m = Match(words.docs[keep], words.scores[keep])
        return m.boosted(q.boost) if scored else m

    def _phrase(self, q, domain, scored: bool) -> Match:
        """whoosh's Phrase: SpanNear2 over the words' terms, in order, within ``slop``."""
        field = q.fieldname
        if field not in self.schema:
            return Match.empty()
        fmt = self.schema[field].format
        if not fmt or not fmt.supports("positions"):
            raise Unsupported(f"phrase in {field} without positions")
        terms = []
        for word in q.words:
            tbytes = self._tbytes(field, word)
            if tbytes is None:
                return Match.empty()
            terms.append(wq.Term(field, tbytes))
        words = self._all_of(terms, domain, scored)
        keep = self._in_order(words.docs, terms, q.slop, True, tree=False)
        m = Match(words.docs[keep], words.scores[keep])
        return m.boosted(q.boost) if scored else m

    def _all_of(self, subs, domain, scored: bool) -> Match:
        parts = []
        for s in subs:
            m = self._eval(s, domain, scored)
            if not len(m.docs):
                return Match.empty()
            parts.append(m)
            domain = m.docs
        return _intersect_all(parts)

    def _in_order(self, docs: np.ndarray, subs, slop: int, ordered: bool, *, tree: bool) -> np.ndarray:
        """Mask of ``docs`` where the words ``subs`` stand as the span matchers require: side by side in
        order when ``slop`` is 1 and ``ordered``, else whoosh's span logic (a binary tree of SpanNear when
        ``tree``, else SpanNear2's chain), over the (document, position) keys of all ``docs`` at once."""
        if not len(docs) or len(subs) == 1:
            return np.ones(len(docs), dtype=bool)
        keys = [self._word_keys(s, docs) for s in subs]
        self.check_time()
        if ordered and slop == 1:
            return _side_by_side(docs, keys)
        spans = [Spans(k, k) for k in keys]
        found = _near_tree_keys(spans, slop, ordered, self.check_time) if tree else \
            _near_chain_keys(spans, slop, self.check_time)
        return _member(docs, unique(found.starts >> 32))


def _joined(values, more):
    """Per-posting positions of several segments, in order: PositionTables joined, or encoded values listed."""
    if isinstance(more, PositionTable):
        return more if isinstance(values, list) and not values else values.extend_to(more)
    return [*values, *more]


def _flat(docs: np.ndarray, positions: dict[int, list[int]]) -> np.ndarray:
    """(document, position) pairs as one sorted int64 key each: document * 2**32 + position."""
    have = [d for d in docs.tolist() if d in positions]
    lists = [positions[d] for d in have]
    lens = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    pos = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(lens.sum()))
    return np.repeat(np.asarray(have, dtype=np.int64) << 32, lens) + pos


def _side_by_side(docs: np.ndarray, keys: list[np.ndarray]) -> np.ndarray:
    """Mask of ``docs`` where word k stands at position p + k for some p (ordered spans with slop 1 join
    only adjacent runs, whatever the tree: each word right after the one before)."""
    starts = keys[0]
    for k, more in enumerate(keys[1:], 1):
        starts = starts[_member(starts + k, more)]
    return _member(docs, unique(starts >> 32))


def _intersect_all(parts: list[Match]) -> Match:
    """Documents in every part; scores summed (the last part's documents are within all others)."""
    m = parts[0]
    for p in parts[1:]:
        m = _intersect(m, p)
    return m
