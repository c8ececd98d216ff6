"""Posting lists read whole, as numpy arrays.

Our own block format (``engine.codec``: every term comes back as a ``BlockMatcher``, small terms too) is
decoded a whole list at a time (``codec.term_arrays``). Any other whoosh format (the stock W3 one in the
tests) is read through the leaf-matcher block API (``_read_ids``/``_ids``, ``_read_weights``/``_weights``,
``_read_values``/``_values``, ``_next_block``), and its inlined single postings as ``ListMatcher``s.
Deletions are not applied here (the executor masks deleted documents itself).
"""
from __future__ import annotations

import numpy as np
from whoosh.matching import ListMatcher
from whoosh.reading import TermNotFound

from .codec import BlockMatcher, block_arrays, ranges, term_arrays  # our blocks, straight into numpy

EMPTY_IDS = np.zeros(0, dtype=np.int64)
EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)


def leaf_matcher(segreader, field: str, tbytes: bytes, terminfo=None):
    """The raw leaf matcher of a term in one segment (no deletion filter), or None if it is absent.
    ``terminfo``: the term's TermInfo in this segment, when the caller has looked it up already."""
    fmt = segreader.schema[field].format
    terms = getattr(segreader, "_terms", None)
    if terminfo is not None and hasattr(terms, "_codec") and hasattr(terms, "_postfile"):
        return terms._codec.postings_reader(terms._postfile, terminfo, fmt, term=(field, tbytes))
    if terms is not None:
        try:
            return terms.matcher(field, tbytes, fmt)  # one look-up of the term, not two
        except (TermNotFound, KeyError):  # KeyError: no term of the field in this segment
            return None
    if (field, tbytes) not in segreader:
        return None
    m = segreader.postings(field, tbytes)
    return getattr(m, "child", m)  # whoosh wraps it in a FilterMatcher when the segment has deletions


def _check_docnums(ids: np.ndarray, ndocs: int) -> None:
    """Decoded docnums must ascend inside the segment; bytes damaged in place can decode to anything
    (a ValueError here is classed as index damage, see ``searcher._bad_bytes``)."""
    if len(ids) and (ids[0] < 0 or ids[-1] >= ndocs or (len(ids) > 1 and not np.all(ids[1:] > ids[:-1]))):
        raise ValueError(f"posting list decodes to docnums outside 0..{ndocs - 1} or out of order")


def _blocks(m):
    """Yield the matcher at each of its blocks, from the first."""
    while m.is_active():
        yield m
        m._next_block()
        if m._atend:
            return


def segment_postings(segreader, field: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray]:
    """(segment-local docnums ascending as int64, term frequencies as float64) of a term."""
    ids, weights, _values = read_postings(segreader, field, tbytes, values=False)
    return ids, weights


def read_postings(segreader, field: str, tbytes: bytes, *, values: bool,
                  terminfo=None) -> tuple[np.ndarray, np.ndarray, list | None]:
    """A term's postings in one segment: docnums, term frequencies and, if ``values``, the per-posting
    positions in the same order (our blocks: a ``PositionTable``, read with the whole list at once;
    whoosh's: the encoded values, undecoded). ``terminfo``: as for ``leaf_matcher``."""
    m = leaf_matcher(segreader, field, tbytes, terminfo)
    if m is None:
        return EMPTY_IDS, EMPTY_WEIGHTS, [] if values else None
    if isinstance(m, ListMatcher):
        ids = np.asarray(m._ids, dtype=np.int64)
        w = m._weights
        weights = np.ones(len(ids)) if w is None else np.asarray(w, dtype=np.float64).reshape(-1)
        if len(weights) != len(ids):
            weights = np.broadcast_to(weights, ids.shape).astype(np.float64)
        return ids, weights, (list(m._values) if values else None)
    if isinstance(m, BlockMatcher) and (m._positional or not values):
        ids, weights, pos = term_arrays(m, positions=values, packed=True)  # the whole list at once
        _check_docnums(ids, segreader.doc_count_all())
        return ids, weights, (PackedPositions(*pos) if values else None)
    id_parts, w_parts = [], []
    vals: list | None = [] if values else None
    for b in _blocks(m):
        b._read_ids()
        b._read_weights()
        id_parts.append(np.asarray(b._ids, dtype=np.int64))
        w_parts.append(np.asarray(b._weights, dtype=np.float64))
        if vals is not None:
            b._read_values()
            vals.extend(b._values)
    if not id_parts:
        return EMPTY_IDS, EMPTY_WEIGHTS, vals
    return np.concatenate(id_parts), np.concatenate(w_parts), vals


class PositionTable:
    """Positions of a term's postings, in posting order: posting i's are ``flat[offsets[i]:offsets[i + 1]]``,
    ascending, or when ``coded`` its first position then the gaps (as the blocks store them)."""

    def __init__(self, offsets: np.ndarray, flat: np.ndarray, coded: bool = False):
        self.offsets, self.flat, self.coded = offsets, flat, coded

    @classmethod
    def join(cls, parts: list[tuple[np.ndarray, np.ndarray]], coded: bool = False) -> "PositionTable":
        if not parts:
            return cls(np.zeros(1, np.int64), EMPTY_IDS, coded)
        offsets, flats, base = [np.zeros(1, np.int64)], [], 0
        for off, flat in parts:
            offsets.append(off[1:] + base)
            flats.append(flat)
            base += len(flat)
        return cls(np.concatenate(offsets), np.concatenate(flats), coded)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def extend_to(self, other: "PositionTable") -> "PositionTable":
        """This table followed by ``other`` (the next segment's postings)."""
        flat = self.flat if self.coded == other.coded else self._decoded()
        more = other.flat if self.coded == other.coded else other._decoded()
        return PositionTable(np.concatenate([self.offsets, other.offsets[1:] + len(flat)]),
                             np.concatenate([flat, more]), self.coded and other.coded)

    def _decoded(self) -> np.ndarray:
        if not self.coded:
            return self.flat
        return self.keys(np.arange(len(self), dtype=np.int64), np.zeros(len(self), dtype=np.int64))

    def positions(self, i: int) -> list[int]:
        ps = self.flat[self.offsets[i]:self.offsets[i + 1]]
        return np.cumsum(ps).tolist() if self.coded else ps.tolist()

    def keys(self, postings: np.ndarray, docs: np.ndarray) -> np.ndarray:
        """The positions of ``postings`` (ascending indexes) as sorted keys ``doc * 2**32 + position``,
        ``docs`` being the postings' documents."""
        starts = self.offsets[postings]
        lens = self.offsets[postings + 1] - starts
        if not self.coded:
            return np.repeat(docs << 32, lens) + self.flat[ranges(starts, lens)]
        some = lens > 0
        starts, lens, docs = starts[some], lens[some], docs[some]
        codes = self.flat[ranges(starts, lens)]
        run = np.cumsum(codes)
        first = np.cumsum(lens) - lens  # where each posting's first position sits in ``codes``
        before = run[first] - codes[first]  # the running sum before it
        return np.repeat((docs << 32) - before, lens) + run


class PackedPositions(PositionTable):
    """A ``PositionTable`` of position codes (first position, then gaps) left as the blocks store them: one
    array per integer width (``parts``), posting i's codes at ``parts[part_of[i]][where[i]:][:length]``.
    Only the postings asked for are widened to int64 (a phrase of a very common word needs the positions of a
    few of its postings, not of all)."""

    def __init__(self, offsets: np.ndarray, parts: list[np.ndarray], part_of: np.ndarray, where: np.ndarray):
        self.offsets, self.parts, self.part_of, self.where, self.coded = offsets, parts, part_of, where, True

    @property
    def flat(self) -> np.ndarray:
        """Every posting's codes (int64), in posting order."""
        return self._codes(np.arange(len(self), dtype=np.int64))[1]

    def arrays(self) -> tuple:
        return (self.offsets, *self.parts, self.part_of, self.where)

    def _codes(self, postings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(number of codes, the codes as int64 one posting after another) of ``postings``."""
        lens = self.offsets[postings + 1] - self.offsets[postings]
        where = self.where[postings]
        if len(self.parts) == 1:
            return lens, self.parts[0][ranges(where, lens)].astype(np.int64)
        out = np.empty(int(lens.sum()), np.int64)
        at = np.cumsum(lens) - lens
        part_of = self.part_of[postings]
        for g, part in enumerate(self.parts):
            sel = part_of == g
            if sel.any():
                out[ranges(at[sel], lens[sel])] = part[ranges(where[sel], lens[sel])]
        return lens, out

    def extend_to(self, other: PositionTable) -> PositionTable:
        if not isinstance(other, PackedPositions):
            return PositionTable(self.offsets, self.flat, True).extend_to(other)
        parts, part_of, where = list(self.parts), self.part_of, self.where
        more_of, more_where = other.part_of.copy(), other.where.copy()
        for g, part in enumerate(other.parts):  # join parts of the same width
            mine = next((i for i, p in enumerate(parts) if p.dtype == part.dtype), None)
            sel = other.part_of == g
            if mine is None:
                parts.append(part)
                more_of[sel] = len(parts) - 1
            else:
                more_where[sel] += len(parts[mine])
                parts[mine] = np.concatenate([parts[mine], part])
                more_of[sel] = mine
        offsets = np.concatenate([self.offsets, other.offsets[1:] + self.offsets[-1]])
        return PackedPositions(offsets, parts, np.concatenate([part_of, more_of]), np.concatenate([where, more_where]))

    def positions(self, i: int) -> list[int]:
        return np.cumsum(self._codes(np.asarray([i], np.int64))[1]).tolist()

    def keys(self, postings: np.ndarray, docs: np.ndarray) -> np.ndarray:
        lens, codes = self._codes(postings)
        some = lens > 0
        if not some.all():
            lens, docs = lens[some], docs[some]
        if not len(codes):
            return np.zeros(0, np.int64)
        run = np.cumsum(codes)
        first = np.cumsum(lens) - lens
        before = run[first] - codes[first]
        return np.repeat((docs << 32) - before, lens) + run


def segment_positions(segreader, field: str, tbytes: bytes, wanted: np.ndarray, cache=None,
                      leaf_key=None, terminfo=None) -> dict[int, list[int]]:
    """Positions of a term in the documents ``wanted`` (segment-local docnums, ascending) that hold it.
    Only the blocks that hold a wanted document have their values read and decoded; ``cache`` (a
    ``PostingCache`` of the generation, ``leaf_key`` naming this segment in it) keeps what was found for
    these documents. ``terminfo``: as for ``leaf_matcher``."""
    out: dict[int, list[int]] = {}
    if not len(wanted):
        return out
    key = ("positions", leaf_key, field, tbytes, wanted.tobytes()) if cache is not None else None
    if key is not None:
        found = cache.get(key)
        if found is not None:  # the same documents asked for again (a repeated search rescoring its top hits)
            return dict(found)
    m = leaf_matcher(segreader, field, tbytes, terminfo)
    if m is None:
        return out
    if isinstance(m, BlockMatcher) and m._positional:
        out = _wanted_positions(m, wanted)
        if key is not None:
            cache.put(key, out, 200 + sum(64 + 36 * len(v) for v in out.values()))  # (lists of Python ints)
        return dict(out)
    decode = segreader.schema[field].format.decode_positions
    if isinstance(m, ListMatcher):
        for i, d in enumerate(m._ids):
            if _contains(wanted, d):
                out[int(d)] = list(decode(m._values[i]))
        return out
    fast = isinstance(m, BlockMatcher)
    last = getattr(m, "block_max_id", None)  # from the block header: skips a block without reading it
    k = 0  # the next wanted document
    for b in _blocks(m):
        if last is not None and b.block_max_id() < wanted[k]:
            continue
        if fast:  # (not positional: ours are read by ``_wanted_positions``)
            ids = block_arrays(b)[0]
        else:
            b._read_ids()
            ids = np.asarray(b._ids, dtype=np.int64)
        if not len(ids):
            continue
        hi = int(np.searchsorted(wanted, ids[-1], side="right"))
        want = wanted[k:hi]  # each at most ids[-1]: its place in ids is inside the block
        where = np.searchsorted(ids, want)
        hits = where[ids[where] == want]
        if len(hits):
            b._read_values()
            values = b._values
            for i in hits.tolist():
                out[int(ids[i])] = list(decode(values[i]))
        k = hi
        if k >= len(wanted):
            break
    return out


def _wanted_positions(m: BlockMatcher, wanted: np.ndarray) -> dict[int, list[int]]:
    """Positions of one of our positional terms in the documents ``wanted`` that hold it: the blocks that can
    hold them decoded together (``term_arrays``), the position codes of those documents only widened."""
    ids, _weights, pos = term_arrays(m, positions=True, packed=True, wanted=wanted)
    idx, hit = _found(ids, wanted)
    postings = idx[hit]
    if not len(postings):
        return {}
    table = PackedPositions(*pos)
    lens = table.offsets[postings + 1] - table.offsets[postings]
    cuts = np.cumsum(lens).tolist()
    flat = table.keys(postings, np.zeros(len(postings), np.int64)).tolist()  # absolute positions
    out, start = {}, 0
    for d, n, end in zip(ids[postings].tolist(), lens.tolist(), cuts):
        out[d] = flat[start:end] if n else []
        start = end
    return out


def _found(ids: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each of ``wanted`` sits in ``ids`` (both ascending), and whether it is there."""
    if not len(ids):
        return np.zeros(len(wanted), np.int64), np.zeros(len(wanted), bool)
    idx = np.searchsorted(ids, wanted)
    idx[idx == len(ids)] = 0
    return idx, ids[idx] == wanted


def _contains(sorted_arr: np.ndarray, x) -> bool:
    i = np.searchsorted(sorted_arr, x)
    return bool(i < len(sorted_arr) and sorted_arr[i] == x)
