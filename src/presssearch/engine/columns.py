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

from .codec import (BLOCK, HEADER, INLINE_BYTES, _FIELD_ID, _TI_FULL, FieldWriter,
                    _inline_term_info)

TERM_BYTES = 120  # one new term: dict slot and id (the str is shared with the analysis caches)
POSTING_BYTES = 8  # term id and frequency, 4 bytes each
POSITION_BYTES = 4
CHUNK_POSITIONS = 1_000_000  # positions encoded per numpy pass (bounds the flush's temporary arrays)
_WIDTHS = (0, 1, 2, 4)  # width code → bytes per integer
_DTYPE_OF = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 4: np.dtype("<u4")}
assert array("i").itemsize == 4


class TermIds(dict):
    """term → id; a new term gets the next id (``ids[term]`` never raises)."""

    def __missing__(self, term: str) -> int:
        tid = self[term] = len(self)
        return tid


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
        present = np.flatnonzero(np.bincount(tid, minlength=len(cols.ids))) if len(tid) else tid
        every = list(cols.ids)  # id order
        terms = [every[i] for i in present.tolist()]
        del every
        by_text = sorted(range(len(terms)), key=terms.__getitem__)
        rank = np.zeros(len(cols.ids), np.int32)
        rank[present[by_text]] = np.arange(len(terms), dtype=np.int32)
        ranks = rank[tid]
        del rank
        adds = int32_view(cols.docs)
        docs = np.repeat(adds, int32_view(cols.counts))
        if bool(np.all(adds[1:] >= adds[:-1])):  # documents added in order (the usual): docnums already sort
            order = np.argsort(ranks, kind="stable")
        else:  # merged segments add postings term by term
            order = np.lexsort((docs, ranks))
        self.terms = [terms[i] for i in by_text]
        self.starts = np.searchsorted(ranks[order], np.arange(len(terms) + 1))
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
    gbuf = _buffers(gaps, idcode)
    tbuf = _buffers(tfs, wcode)
    pbuf = _buffers(pgaps, pcode)
    firsts = ids[bstart].tolist()
    lasts = ids[bend - 1].tolist()
    bposend = np.append(bpos[1:], total) if len(bpos) else bpos
    blocks = []
    pack = HEADER.pack
    for n, b0, b1, f, l, t, ic, wc, pc, q0, q1, mn, mx in zip(
            bn.tolist(), bstart.tolist(), bend.tolist(), firsts, lasts, top.tolist(), idcode.tolist(),
            wcode.tolist(), pcode.tolist(), bpos.tolist(), bposend.tolist(), minlen.tolist(), maxlen.tolist()):
        wi, ww, wp = _WIDTHS[ic], _WIDTHS[wc], _WIDTHS[pc]
        data = pbuf[wp][q0 * wp:q1 * wp]
        if ww:
            data = tbuf[ww][b0 * ww:b1 * ww] + data
        if wi:
            data = gbuf[wi][(b0 + 1) * wi:b1 * wi] + data
        codes = ic | wc << 2 | pc << 5
        blocks.append(pack(len(data), n, f, l, float(t), mn, mx, codes) + data)
    _write_terms(fw, s.terms[lo:hi], blocks, nblocks.tolist(), df.tolist(), tstarts, tfs, ids, lens, top)


def _buffers(values: np.ndarray, codes: np.ndarray) -> dict[int, bytes]:
    """``values`` as little-endian bytes in each width some block needs."""
    out = {0: b""}
    for code in set(codes.tolist()):
        if code:
            width = _WIDTHS[code]
            out[width] = values.astype(_DTYPE_OF[width]).tobytes()
    return out


def _write_terms(fw: FieldWriter, terms: list[str], blocks: list[bytes], nblocks: list[int], df: list[int],
                 tstarts: np.ndarray, tfs: np.ndarray, ids: np.ndarray, lens: np.ndarray, top: np.ndarray) -> None:
    """Each term's entry: its one block inline in the term info, or its blocks in the .pst file."""
    boost = fw._boost
    prefix = _FIELD_ID.pack(fw._fieldid)
    postfile = fw._postfile
    totals = (np.add.reduceat(tfs, tstarts[:-1]) if len(terms) else tfs[:0]).tolist()
    keys = [prefix + term.encode("utf-8", "surrogateescape") for term in terms]
    values = []
    b = 0
    for k, (nb, n, total) in enumerate(zip(nblocks, df, totals)):
        if nb == 1 and len(blocks[b]) <= INLINE_BYTES:
            values.append(_inline_term_info(blocks[b], float(total) * boost, n))
        else:
            values.append(_full_term_info(postfile, blocks[b:b + nb], top[b:b + nb], int(tstarts[k]), n, tfs,
                                          ids, lens, boost))
        b += nb
    fw._tindex.add_many(keys, values)


def _full_term_info(postfile, blocks: list[bytes], tops: np.ndarray, p0: int, n: int, tfs: np.ndarray,
                    ids: np.ndarray, lens: np.ndarray, boost: float) -> bytes:
    """Write a term's blocks to the .pst file; its term info (statistics as ``FieldWriter.add_term``'s)."""
    total = 0.0
    for b in range(0, n, BLOCK):
        total += int(tfs[p0 + b:p0 + min(n, b + BLOCK)].sum()) * boost
    top = max(float(t) * boost for t in tops.tolist())
    start = postfile.tell()
    postfile.write(b"".join(blocks))
    tl = lens[p0:p0 + n]
    return _TI_FULL.pack(0, total, n, int(tl.min()), int(tl.max()), top, int(ids[p0]), int(ids[p0 + n - 1]),
                         start, postfile.tell() - start)
