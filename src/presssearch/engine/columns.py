"""Positional postings in memory as flat integer columns, and their bulk encoding into ``codec`` blocks.

A document's terms of a positional field arrive as one dict (term → positions) or as ``wordids.Grouped``
arrays of term ids. ``PositionColumns`` keeps them as flat ``array('i')`` columns (term id, frequency
and positions per posting; docnum and posting count per document) plus a dict of term ids: appending is a handful of C-level calls per
document instead of a few Python operations per posting, and the garbage collector sees no per-term
objects. At flush the postings are sorted with numpy (by term, then docnum) and ``write_columns`` encodes
every block with vectorised per-block statistics (id gaps, widths, frequencies, position gaps), so the
Python loop is one short pass per block. The bytes are exactly those of ``codec.encode_block``.
"""
from __future__ import annotations

from array import array
from itertools import chain

import numpy as np

from .codec import BLOCK, HEADER, INLINE_BYTES, _FIELD_ID, _TI_FULL, FieldWriter

TERM_BYTES = 120  # one new term: dict slot and id (the str is shared with the analysis caches)
POSTING_BYTES = 8  # term id and frequency, 4 bytes each
POSITION_BYTES = 4
CHUNK_POSITIONS = 1_000_000  # positions encoded per numpy pass (bounds the flush's temporary arrays)
GATHER_BYTES = 1 << 20  # bytes of blocks and term entries assembled per numpy gather
_WIDTHS = (0, 1, 2, 4)  # width code → bytes per integer
_DTYPE_OF = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 4: np.dtype("<u4")}
assert array("i").itemsize == 4


class TermIds(dict):
    """term → id; a new term gets the next id (``ids[term]`` never raises)."""

    _order: tuple | None = None  # (terms then, terms by text, each id's rank in that order)

    def __missing__(self, term: str) -> int:
        tid = self[term] = len(self)
        return tid

    def text_order(self) -> tuple[list[str], np.ndarray]:
        """Every term in text order and each id's rank in it (sorted once for all the positional fields
        a segment writes, while no term is added)."""
        if self._order is None or self._order[0] != len(self):
            every = list(self)  # id order
            by_text = sorted(range(len(every)), key=every.__getitem__)
            rank = np.empty(len(every), np.int32)
            rank[by_text] = np.arange(len(every), dtype=np.int32)
            self._order = (len(every), [every[i] for i in by_text], rank)
        return self._order[1], self._order[2]


class PositionColumns:
    """One positional field's postings of one segment, in insertion order (see the module docstring).
    Term ids come from ``ids``, which the segment's positional fields share."""

    __slots__ = ("ids", "term", "tf", "pos", "docs", "counts")

    def __init__(self, ids: TermIds | None = None) -> None:
        self.ids = TermIds() if ids is None else ids  # term → term id, in order of first appearance
        self.term = array("i")  # per posting: term id
        self.tf = array("i")  # per posting: frequency
        self.pos = array("i")  # per posting, consecutive: its positions
        self.docs = array("i")  # per add(): docnum
        self.counts = array("i")  # per add(): postings added

    def add(self, docnum: int, poses: dict[str, list[int]]) -> int:
        """A document's postings (term → ascending positions); returns the field length."""
        self.term.extend(map(self.ids.__getitem__, poses))
        tfs = list(map(len, poses.values()))
        self.tf.extend(tfs)
        self.pos.extend(chain.from_iterable(poses.values()))
        self.docs.append(docnum)
        self.counts.append(len(tfs))
        return sum(tfs)

    def add_grouped(self, docnum: int, terms: np.ndarray, tfs: np.ndarray, positions: np.ndarray) -> int:
        """``add`` of postings as arrays (``wordids.Grouped``: term ids, frequencies, positions by term)."""
        self.term.frombytes(terms.astype(np.int32, copy=False).tobytes())
        self.tf.frombytes(tfs.astype(np.int32, copy=False).tobytes())
        self.pos.frombytes(positions.astype(np.int32, copy=False).tobytes())
        self.docs.append(docnum)
        self.counts.append(len(terms))
        return len(positions)


def _width_codes(largest: np.ndarray) -> np.ndarray:
    """``codec._width_code`` of each value: 1 below 2**8, 2 below 2**16, else 3."""
    return 1 + (largest >= 0x100).astype(np.int64) + (largest >= 0x10000)


def _reduce_at(fn, values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    return fn.reduceat(values, starts) if len(starts) else np.zeros(0, values.dtype)


class _Sorted:
    """The postings sorted by (term, docnum): per term its first posting; per posting docnum, frequency and
    where its positions start in ``columns.pos``. Temporary arrays are int32 where values allow (a pool
    holds far fewer than 2**31 positions), about 25 bytes a posting at the peak."""

    def __init__(self, cols: PositionColumns):
        tid = int32_view(cols.term)
        ordered, rank_all = cols.ids.text_order()
        textrank = rank_all[tid]  # each posting's term's rank among all the segment's terms
        present = np.flatnonzero(np.bincount(textrank, minlength=len(ordered))) if len(tid) else tid
        terms = [ordered[i] for i in present.tolist()]  # this field's terms, in text order
        rank = np.zeros(len(ordered), np.int32)
        rank[present] = np.arange(len(terms), dtype=np.int32)
        ranks = rank[textrank]
        del rank, textrank
        adds = int32_view(cols.docs)
        docs = np.repeat(adds, int32_view(cols.counts))
        if len(ranks) < 1 << 31 and bool(np.all(adds[1:] >= adds[:-1])):
            # documents added in order (the usual): docnums already sort, so (rank, posting index) as one
            # int64 key sorts like a stable argsort of the ranks (its sort is several times faster)
            key = ranks.astype(np.int64) << 32
            key |= np.arange(len(ranks), dtype=np.int64)
            key.sort()
            order = (key & 0xFFFFFFFF).astype(np.int32)
            sorted_ranks = (key >> 32).astype(np.int32)
            del key
        else:  # merged segments add postings term by term
            order = np.lexsort((docs, ranks))
            sorted_ranks = ranks[order]
        self.terms = terms
        self.starts = np.searchsorted(sorted_ranks, np.arange(len(terms) + 1))
        del sorted_ranks
        del ranks
        self.docs = docs[order]
        del docs
        tf = int32_view(cols.tf)
        posstart = np.cumsum(tf, dtype=np.int32)  # a pool holds far fewer than 2**31 positions
        posstart -= tf
        self.posstart = posstart[order]  # where each posting's positions start in ``cols.pos``
        del posstart
        self.tf = tf[order]
        self.pos = int32_view(cols.pos)


def int32_view(a: array) -> np.ndarray:
    """An ``array('i')`` as an int32 numpy view (no copy)."""
    return np.frombuffer(a, np.int32) if len(a) else np.zeros(0, np.int32)


def sorted_positions(cols: PositionColumns):
    """(term bytes, docnum, positions) of every posting, by term, then docnum (one posting at a time)."""
    s = _Sorted(cols)
    for k, term in enumerate(s.terms):
        tb = term.encode("utf-8", "surrogateescape")
        for i in range(int(s.starts[k]), int(s.starts[k + 1])):
            p0 = int(s.posstart[i])
            yield tb, int(s.docs[i]), s.pos[p0:p0 + int(s.tf[i])].tolist()


def write_columns(fw: FieldWriter, cols: PositionColumns, lengths: list[int] | None,
                  chunk_positions: int = CHUNK_POSITIONS) -> None:
    """Encode and write every term of ``cols`` (the field ``fw`` has started), in term order.

    ``lengths``: the field-length byte of every docnum of the segment (None: all 0)."""
    s = _Sorted(cols)
    lenbytes = (np.asarray(lengths, np.uint8)[s.docs] if lengths is not None
                else np.zeros(len(s.docs), np.uint8))
    ntf = np.cumsum(s.tf, dtype=np.int64)  # positions up to and including each sorted posting
    lo = 0
    nterms = len(s.terms)
    while lo < nterms:
        # whole terms, up to about CHUNK_POSITIONS positions
        first = int(s.starts[lo])
        before = int(ntf[first - 1]) if first else 0
        hi = int(np.searchsorted(ntf[s.starts[lo + 1:] - 1], before + chunk_positions, side="right")) + lo + 1
        _write_chunk(fw, s, lenbytes, lo, min(hi, nterms))
        lo = hi


def _write_chunk(fw: FieldWriter, s: _Sorted, lenbytes: np.ndarray, lo: int, hi: int) -> None:
    """Terms ``lo``..``hi - 1`` of the sorted postings."""
    p0, p1 = int(s.starts[lo]), int(s.starts[hi])
    ids, tfs, lens = s.docs[p0:p1].astype(np.int64), s.tf[p0:p1].astype(np.int64), lenbytes[p0:p1]
    tstarts = s.starts[lo:hi + 1] - p0
    df = np.diff(tstarts)
    # blocks: each term's postings in runs of BLOCK
    nblocks = (df + BLOCK - 1) // BLOCK
    bterm = np.repeat(np.arange(hi - lo), nblocks)
    bfirst = np.cumsum(nblocks) - nblocks
    bstart = tstarts[bterm] + BLOCK * (np.arange(len(bterm)) - bfirst[bterm])
    bend = np.minimum(bstart + BLOCK, tstarts[bterm + 1])
    bn = bend - bstart
    # id gaps (0 at each block's first posting, which is in the header instead)
    gaps = np.empty_like(ids)
    if len(ids):
        gaps[0] = 0
        np.subtract(ids[1:], ids[:-1], out=gaps[1:])
        gaps[bstart] = 0
    idcode = np.where(bn > 1, _width_codes(_reduce_at(np.maximum, gaps, bstart)), 0)
    top = _reduce_at(np.maximum, tfs, bstart)
    wcode = np.where(top > 1, _width_codes(top), 0)
    # positions: per posting its first position, then gaps
    pstart = s.posstart[p0:p1]
    npos = np.cumsum(tfs)
    local = npos - tfs  # each posting's first position, counted within the chunk
    total = int(npos[-1]) if len(npos) else 0
    gather = (np.repeat(pstart - local, tfs) + np.arange(total, dtype=np.int64)) if total else np.zeros(0, np.int64)
    flat = s.pos[gather].astype(np.int64)
    pgaps = np.empty_like(flat)
    if total:
        pgaps[0] = flat[0]
        np.subtract(flat[1:], flat[:-1], out=pgaps[1:])
        pgaps[local] = flat[local]
    bpos = local[bstart]
    pcode = _width_codes(_reduce_at(np.maximum, pgaps, bpos))
    minlen = _reduce_at(np.minimum, lens, bstart)
    maxlen = _reduce_at(np.maximum, lens, bstart)
    blocks, bstarts = _block_bytes(bn, ids[bstart], ids[bend - 1], top, minlen, maxlen, idcode, wcode, pcode,
                                   (gaps, bstart + 1, bn - 1), (tfs, bstart, bn), (pgaps, bpos, _counts(bpos, total)))
    _write_terms(fw, s.terms[lo:hi], blocks, bstarts, nblocks, df, tstarts, tfs, ids, lens, top)


_HEADER_DTYPE = np.dtype([("length", "<u4"), ("count", "u1"), ("first", "<u4"), ("last", "<u4"), ("top", "<f4"),
                          ("minlen", "u1"), ("maxlen", "u1"), ("codes", "u1")])
assert _HEADER_DTYPE.itemsize == HEADER.size
_WIDTH_OF = np.array(_WIDTHS, np.int64)


def _counts(starts: np.ndarray, total: int) -> np.ndarray:
    """The lengths of the consecutive runs that begin at ``starts`` and end at ``total``."""
    return np.diff(np.append(starts, total)) if len(starts) else starts


def _gather(src: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> bytes:
    """``src[starts[i]:starts[i] + lengths[i]]`` for every i, one after another (gathered about
    ``GATHER_BYTES`` at a time: the index arrays take 16 bytes a byte gathered)."""
    ends = np.cumsum(lengths)
    total = int(ends[-1]) if len(ends) else 0
    out = []
    lo = 0
    while lo < len(lengths):
        done = int(ends[lo - 1]) if lo else 0
        hi = max(int(np.searchsorted(ends, done + GATHER_BYTES, side="right")), lo + 1)
        n = int(ends[hi - 1]) - done
        shift = starts[lo:hi] - (ends[lo:hi] - done) + lengths[lo:hi]
        out.append(src[np.repeat(shift, lengths[lo:hi]) + np.arange(n, dtype=np.int64)].tobytes())
        lo = hi
    assert sum(map(len, out)) == total
    return b"".join(out)


def _block_bytes(bn, firsts, lasts, top, minlen, maxlen, idcode, wcode, pcode, *arrays) -> tuple[bytes, np.ndarray]:
    """Every block's bytes (``codec.encode_block``'s: header, id gaps, frequencies, position gaps), one after
    another, and where each block starts (and the end). ``arrays``: for the id gaps, frequencies and position
    gaps, (values, each block's first value, its number of values), written in the width of the block's code."""
    nb = len(bn)
    codes = (idcode, wcode, pcode)
    sources, bases, lengths = [], [], []
    size = 0
    for (values, first, count), code in zip(arrays, codes):
        base = np.zeros(4, np.int64)  # width code → where the values in that width start in the sources
        for c in sorted(set(code.tolist()) - {0}):
            width = _WIDTHS[c]
            sources.append(values.astype(_DTYPE_OF[width]).view(np.uint8))
            base[c] = size
            size += len(sources[-1])
        width = _WIDTH_OF[code]
        bases.append(base[code] + first * width)
        lengths.append(count * width)
    datalen = lengths[0] + lengths[1] + lengths[2]
    head = np.zeros(nb, _HEADER_DTYPE)
    head["length"], head["count"], head["first"], head["last"] = datalen, bn, firsts, lasts
    head["top"], head["minlen"], head["maxlen"] = top.astype(np.float64), minlen, maxlen  # (as float(top))
    head["codes"] = idcode | wcode << 2 | pcode << 5
    sources.append(head.view(np.uint8))
    src = np.concatenate(sources)  # (never empty: the headers are in it)
    starts = np.stack([size + HEADER.size * np.arange(nb, dtype=np.int64)] + bases, axis=1).ravel()
    piece = np.stack([np.full(nb, HEADER.size, np.int64)] + lengths, axis=1).ravel()
    bstarts = np.zeros(nb + 1, np.int64)
    np.cumsum(datalen + HEADER.size, out=bstarts[1:])
    return _gather(src, starts, piece), bstarts


def _varints(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each value's ``codec._varint`` bytes, one after another, and each one's length."""
    v = values.astype(np.int64)
    n = 1 + sum((v >= 1 << (7 * k)).astype(np.int64) for k in range(1, 5))
    digits = np.stack([(v >> (7 * k)) & 0x7F for k in range(5)], axis=1)
    more = np.arange(5) < (n - 1)[:, None]
    digits[more] |= 0x80
    return digits[np.arange(5) < n[:, None]].astype(np.uint8), n


def _write_terms(fw: FieldWriter, terms: list[str], blocks: bytes, bstarts: np.ndarray, nblocks: np.ndarray,
                 df: np.ndarray, tstarts: np.ndarray, tfs: np.ndarray, ids: np.ndarray, lens: np.ndarray,
                 top: np.ndarray) -> None:
    """Each term's entry in the terms file (as ``TermsFileWriter.add_entries`` writes it): its one block inline
    in the term info (``codec._inline_term_info``), or its blocks in the .pst file (``_full_term_info``)."""
    nterms = len(terms)
    if not nterms:
        return
    boost = fw._boost
    prefix = _FIELD_ID.pack(fw._fieldid)
    keys = [prefix + term.encode("utf-8", "surrogateescape") for term in terms]
    keybuf = np.frombuffer(b"".join(keys), np.uint8)
    keylen = np.fromiter(map(len, keys), np.int64, nterms)
    tfirst = np.zeros(nterms + 1, np.int64)  # each term's first block
    np.cumsum(nblocks, out=tfirst[1:])
    blen = np.diff(bstarts)
    inline = (nblocks == 1) & (blen[tfirst[:-1]] <= INLINE_BYTES)
    # inline: flag 2 and the block when the weight is the block's max weight, else flag 1, weight, block
    weight = ((np.add.reduceat(tfs, tstarts[:-1]).astype(np.float64) * boost).astype("<f4"))
    own = (df == 1) & (weight.view("<u4") == top[tfirst[:-1]].astype(np.float64).astype("<f4").view("<u4"))
    flags = np.zeros((nterms, 5), np.uint8)
    flags[:, 0] = np.where(own, 2, 1)
    flags[:, 1:] = weight.view(np.uint8).reshape(nterms, 4)
    flaglen = np.where(own, 1, 5)
    # full: the blocks go to the .pst file, the term info is _TI_FULL's
    full = np.flatnonzero(~inline).tolist()
    postfile = fw._postfile
    infos = [_full_term_info(postfile, blocks[bstarts[tfirst[k]]:bstarts[tfirst[k + 1]]],
                             top[tfirst[k]:tfirst[k + 1]], int(tstarts[k]), int(df[k]), tfs, ids, lens, boost)
             for k in full]
    # sources: blocks, flags, full term infos, keys, length varints
    vlen = np.where(inline, flaglen + blen[tfirst[:-1]], _TI_FULL.size)
    heads, headlen = _varints(np.stack([keylen, vlen], axis=1).ravel())
    headlen = headlen.reshape(nterms, 2).sum(axis=1)
    parts = [np.frombuffer(blocks, np.uint8), flags.ravel(), np.frombuffer(b"".join(infos), np.uint8), keybuf, heads]
    base = np.cumsum([0] + [len(p) for p in parts])
    infostart = np.zeros(nterms, np.int64)
    infostart[full] = base[2] + _TI_FULL.size * np.arange(len(full), dtype=np.int64)
    starts = np.stack([
        base[4] + np.cumsum(headlen) - headlen,
        base[3] + np.cumsum(keylen) - keylen,
        np.where(inline, base[1] + 5 * np.arange(nterms, dtype=np.int64), infostart),
        bstarts[tfirst[:-1]],
    ], axis=1).ravel()
    lengths = np.stack([headlen, keylen, np.where(inline, flaglen, _TI_FULL.size),
                        np.where(inline, blen[tfirst[:-1]], 0)], axis=1).ravel()
    entries = _gather(np.concatenate(parts), starts, lengths)
    offsets = np.zeros(nterms + 1, np.int64)
    np.cumsum(headlen + keylen + vlen, out=offsets[1:])
    fw._tindex.add_entries(keys, entries, offsets.tolist())


def _full_term_info(postfile, blocks: bytes, tops: np.ndarray, p0: int, n: int, tfs: np.ndarray,
                    ids: np.ndarray, lens: np.ndarray, boost: float) -> bytes:
    """Write a term's blocks to the .pst file; its term info (statistics as ``FieldWriter.add_term``'s)."""
    total = 0.0
    for b in range(0, n, BLOCK):
        total += int(tfs[p0 + b:p0 + min(n, b + BLOCK)].sum()) * boost
    top = max(float(t) * boost for t in tops.tolist())
    start = postfile.tell()
    postfile.write(blocks)
    tl = lens[p0:p0 + n]
    return _TI_FULL.pack(0, total, n, int(tl.min()), int(tl.max()), top, int(ids[p0]), int(ids[p0 + n - 1]),
                         start, postfile.tell() - start)
