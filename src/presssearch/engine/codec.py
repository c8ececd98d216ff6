"""presssearch's postings on disk: compact blocks that whoosh reads through ``BlockMatcher``.

whoosh 2.7.4 pickles a tuple per block of 128 postings, and each posting's positions as its own pickle;
here a block is a small fixed header and three little-endian integer arrays, each as narrow as its
largest value allows (1, 2 or 4 bytes):

    header  <I data length, B count, I first id, I last id, f max weight, B min length, B max length,
            B codes (bits 0-1 id width, 2-4 weight code, 5-6 position width, 7 zlib: only in indexes
            written before blocks went raw, still read)>
    data    ids: count-1 gaps | weights (positional fields: term frequencies) | positions: per posting
            its first position, then gaps

A term of one small block keeps it in its term info (most terms: no .pst entry at all); a larger
term's blocks lie one after another in the .pst file and its term info gives their extent. The terms
file (``TermsFileWriter``/``TermsFile``) is a sorted run of entries with a sparse in-memory index
instead of whoosh's hash file. ``Codec`` (pickled in the TOC) makes whoosh read and write all this.
``BlockMatcher`` keeps whoosh's leaf-matcher block API (``_read_ids``/``_ids``, ``_read_weights``/
``_weights``, ``_read_values``/``_values``, ``_next_block``, ``_blocklength``, ``_atend``);
``block_arrays(matcher)`` gives a block's ids and weights as numpy arrays without Python lists.
A posting's value (``CompactPositions``) is one width byte and its positions array.
"""
from __future__ import annotations

import pickle
import struct
import sys
import zlib
from array import array
from bisect import bisect_right
from itertools import accumulate, chain, islice

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import W3Codec, W3FieldCursor, W3FieldWriter, W3LeafMatcher, W3TermInfo, W3TermsReader
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length, length_to_byte

BLOCK = 128  # postings per block
COMPRESSION = 1  # zlib level of whoosh's own parts (the codec's argument); posting blocks are written raw:
# zlib saved only ~23% of their bytes (~8% of the index) and its decompression was the largest cost of
# first-run phrase queries on common words. Blocks flagged 0x80 (indexes written before) are still read.
NUMPY_POSITIONS = 512  # blocks with more positions than this are gap-coded with numpy
READ_WHOLE = 16384  # a term's postings up to this size are read in one go
INLINE_BYTES = 1024  # a term's one block up to this size is kept in its term info, not in the .pst file

HEADER = struct.Struct("<IBIIfBBB")
_TYPECODES = {1: "B", 2: "H", 4: "I"}
_DTYPES = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 4: np.dtype("<u4")}
_CODE_WIDTH = (0, 1, 2, 4)  # width code → bytes per item
_WCODE_FLOAT = 4  # weight code: float32 weights; 0: every weight 1; 1-3: integer widths as for ids
_BIG_ENDIAN = sys.byteorder == "big"
assert array("I").itemsize == 4, "array('I') must be 4 bytes"


def _width_code(largest: int) -> int:
    return 1 if largest < 0x100 else 2 if largest < 0x10000 else 3


def _packed(values: list, code: int) -> bytes:
    a = array(_TYPECODES[_CODE_WIDTH[code]], values)
    if _BIG_ENDIAN:
        a.byteswap()
    return a.tobytes()


def _unpacked(data: bytes, code: int) -> array:
    a = array(_TYPECODES[_CODE_WIDTH[code]], data)
    if _BIG_ENDIAN:
        a.byteswap()
    return a


def position_gaps(poslist: list[int]) -> list[int]:
    """[first position, gap, gap, ...] of ascending positions."""
    return [poslist[0], *[b - a for a, b in zip(poslist, poslist[1:])]] if poslist else []


class CompactPositions(formats.Positions):
    """whoosh's Positions format with a compact value: one width byte, then the first position and the
    gaps as a little-endian array of that width."""

    def encode(self, poslist) -> bytes:
        gaps = position_gaps(list(poslist))
        code = _width_code(max(gaps, default=0))
        return bytes((code,)) + _packed(gaps, code)

    def decode_positions(self, valuestring) -> list[int]:
        return list(accumulate(_unpacked(valuestring[1:], valuestring[0])))

    def decode_frequency(self, valuestring) -> int:
        return (len(valuestring) - 1) // _CODE_WIDTH[valuestring[0]]

    def decode_weight(self, valuestring) -> float:
        return self.decode_frequency(valuestring) * self.field_boost


# --- writing ----------------------------------------------------------------------------------------
def encode_block(ids: list[int], weights: list, poslists: list | None, lenbytes: list[int]) -> tuple[bytes, float]:
    """One block's bytes (header and data) and its highest weight. ``weights``: term frequencies when
    ``poslists`` (the positions of each posting) is given, else the postings' weights."""
    n = len(ids)
    if n == 1 and poslists is not None:
        return _encode_single(ids[0], poslists[0], lenbytes[0])
    parts = []
    idcode = 0
    if n > 1:
        gaps = [b - a for a, b in zip(ids, ids[1:])]
        idcode = _width_code(max(gaps))
        parts.append(_packed(gaps, idcode))
    top = max(weights)
    if top == 1 and min(weights) == 1:
        wcode = 0
    elif poslists is not None or all(w == int(w) for w in weights):
        wcode = _width_code(int(top))
        parts.append(_packed([int(w) for w in weights], wcode))
    else:
        wcode = _WCODE_FLOAT
        parts.append(array("f", weights).tobytes() if not _BIG_ENDIAN else np.asarray(weights, "<f4").tobytes())
    pcode = 0
    if poslists is not None:
        pcode, packed = _packed_positions(poslists, weights)
        parts.append(packed)
    data = b"".join(parts)
    codes = idcode | wcode << 2 | pcode << 5
    head = HEADER.pack(len(data), n, ids[0], ids[-1], float(top), min(lenbytes), max(lenbytes), codes)
    return head + data, float(top)


def _packed_positions(poslists: list[list[int]], tfs: list[int]) -> tuple[int, bytes]:
    """(width code, bytes) of the block's positions: per posting its first position, then the gaps."""
    flat = list(chain.from_iterable(poslists))
    if len(flat) == len(tfs):  # one position each: nothing to subtract
        code = _width_code(max(flat))
        return code, _packed(flat, code)
    if len(flat) >= NUMPY_POSITIONS:
        a = np.array(flat, dtype=np.int64)
        g = np.empty_like(a)
        g[0] = a[0]
        np.subtract(a[1:], a[:-1], out=g[1:])
        starts = np.cumsum(tfs[:-1])
        g[starts] = a[starts]
        code = _width_code(int(g.max()))
        return code, g.astype(_DTYPES[_CODE_WIDTH[code]]).tobytes()
    g = [flat[0], *[b - a for a, b in zip(flat, islice(flat, 1, None))]]
    k = 0
    for tf in tfs[:-1]:
        k += tf
        g[k] = flat[k]
    code = _width_code(max(g))
    return code, _packed(g, code)


def _encode_single(docnum: int, p: list[int], lenbyte: int) -> tuple[bytes, float]:
    """``encode_block`` of a block of one posting of a positional field (the most common block)."""
    tf = len(p)
    if tf == 1:
        top = p[0]
        pcode = 1 if top < 0x100 else 2 if top < 0x10000 else 3
        data = _packed(p, pcode)
        codes = pcode << 5
    else:
        flat = [p[0], *[b - a for a, b in zip(p, p[1:])]]
        pcode = _width_code(max(flat))
        wcode = 1 if tf < 0x100 else 2 if tf < 0x10000 else 3
        data = _packed([tf], wcode) + _packed(flat, pcode)
        codes = wcode << 2 | pcode << 5
    return HEADER.pack(len(data), 1, docnum, docnum, float(tf), lenbyte, lenbyte, codes) + data, float(tf)


# --- the terms file -----------------------------------------------------------------------------------
# Entries sorted by key, one after another: <varint key length><varint value length><key><value>; then
# the pickled (extras, every INDEX_EVERY-th key, their positions, end of the entries) and <Q its length>.
# whoosh's hash file spends 36 bytes a term on hash slots, lengths and its order index; this one about
# 2, and finds a key by bisecting the in-memory sparse keys, then reading one run of INDEX_EVERY entries.
TERMS_MAGIC = b"PST1"
INDEX_EVERY = 16
_TAIL = struct.Struct("<Q")


def _varint(n: int) -> bytes:
    if n < 0x80:
        return bytes((n,))
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _read_varint(b, i: int) -> tuple[int, int]:
    n = b[i]
    if n < 0x80:
        return n, i + 1
    n &= 0x7F
    shift = 7
    while True:
        i += 1
        c = b[i]
        n |= (c & 0x7F) << shift
        if c < 0x80:
            return n, i + 1
        shift += 7


class TermsFileWriter:
    """Writes the terms file (see above); keys must come in increasing order."""

    def __init__(self, dbfile):
        self.dbfile = dbfile
        self.extras: dict = {}
        self.pos = dbfile.tell() + len(TERMS_MAGIC)
        dbfile.write(TERMS_MAGIC)
        self.sparse_keys: list[bytes] = []
        self.sparse_pos = array("Q")
        self.count = 0
        self.lastkey = None

    def add(self, key: bytes, value: bytes) -> None:
        if self.lastkey is not None and key <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{key!r}")
        if self.count % INDEX_EVERY == 0:
            self.sparse_keys.append(key)
            self.sparse_pos.append(self.pos)
        entry = _varint(len(key)) + _varint(len(value)) + key + value
        self.dbfile.write(entry)
        self.pos += len(entry)
        self.count += 1
        self.lastkey = key

    def add_entries(self, keys: list[bytes], entries: bytes, offsets: list[int]) -> None:
        """``add`` of many keys at once, their entries already encoded (``<varint key length><varint value length><key><value>``
        each, one after another in ``entries``; ``offsets``: where each starts, and the end)."""
        if not keys:
            return
        if self.lastkey is not None and keys[0] <= self.lastkey:
            raise ValueError(f"Keys must increase: {self.lastkey!r}..{keys[0]!r}")
        for i in range(-self.count % INDEX_EVERY, len(keys), INDEX_EVERY):  # counts that are multiples
            self.sparse_keys.append(keys[i])
            self.sparse_pos.append(self.pos + offsets[i])
        self.dbfile.write(entries)
        self.pos += offsets[-1]
        self.count += len(keys)
        self.lastkey = keys[-1]

    def close(self) -> None:
        tail = pickle.dumps((self.extras, self.sparse_keys, self.sparse_pos.tobytes(), self.pos), 4)
        self.dbfile.write(tail + _TAIL.pack(len(tail)))
        self.dbfile.close()


class TermsFile:
    """Reads the terms file with the methods whoosh's W3 terms reader and cursor use of its hash file."""

    def __init__(self, dbfile, length: int):
        self.dbfile = dbfile
        self.is_closed = False
        if dbfile.get(0, len(TERMS_MAGIC)) != TERMS_MAGIC:
            raise ValueError("not a presssearch terms file")
        n = _TAIL.unpack(dbfile.get(length - _TAIL.size, _TAIL.size))[0]
        self.extras, self.sparse_keys, pos, self.endofdata = pickle.loads(dbfile.get(length - _TAIL.size - n, n))
        self.sparse_pos = array("Q", pos).tolist()

    def close(self) -> None:
        if not self.is_closed:
            self.dbfile.close()
            self.is_closed = True

    def _run(self, i: int):
        """The entries of run ``i``: (entry position, key, data position, data length, run bytes, offset)."""
        start = self.sparse_pos[i]
        end = self.sparse_pos[i + 1] if i + 1 < len(self.sparse_pos) else self.endofdata
        b = self.dbfile.get(start, end - start)
        j = 0
        while j < len(b):
            keylen, k = _read_varint(b, j)
            vallen, k = _read_varint(b, k)
            yield start + j, b[k:k + keylen], start + k + keylen, vallen, b, k + keylen
            j = k + keylen + vallen

    def _lookup(self, key: bytes):
        i = bisect_right(self.sparse_keys, key) - 1
        if i >= 0:
            for _, k, datapos, datalen, b, o in self._run(i):
                if k >= key:
                    if k == key:
                        return datapos, datalen, b[o:o + datalen]
                    break
        return None

    def __contains__(self, key: bytes) -> bool:
        return self._lookup(key) is not None

    def __getitem__(self, key: bytes) -> bytes:
        found = self._lookup(key)
        if found is None:
            raise KeyError(key)
        return found[2]

    def get(self, key: bytes, default=None):
        found = self._lookup(key)
        return default if found is None else found[2]

    def range_for_key(self, key: bytes) -> tuple[int, int]:
        found = self._lookup(key)
        if found is None:
            raise KeyError(key)
        return found[0], found[1]

    def closest_key_pos(self, key: bytes) -> int | None:
        """Position of the first entry whose key is >= ``key`` (None: there is none)."""
        i = max(0, bisect_right(self.sparse_keys, key) - 1)
        while i < len(self.sparse_pos):
            for pos, k, *_ in self._run(i):
                if k >= key:
                    return pos
            i += 1
        return None

    def key_and_range_at(self, pos: int):
        if pos is None or pos >= self.endofdata:
            return None
        b = self.dbfile.get(pos, min(20, self.endofdata - pos))
        keylen, k = _read_varint(b, 0)
        vallen, k = _read_varint(b, k)
        return self.dbfile.get(pos + k, keylen), pos + k + keylen, vallen

    def _items_from(self, key: bytes | None):
        i = 0 if key is None else max(0, bisect_right(self.sparse_keys, key) - 1)
        for run in range(i, len(self.sparse_pos)):
            for _, k, _, datalen, b, o in self._run(run):
                if key is None or k >= key:
                    yield k, b[o:o + datalen]

    def items(self):
        return self._items_from(None)

    def items_from(self, key: bytes):
        return self._items_from(key)

    def keys(self):
        return (k for k, _ in self._items_from(None))

    def keys_from(self, key: bytes):
        return (k for k, _ in self._items_from(key))

    def __iter__(self):
        return self.items()


class FieldWriter(W3FieldWriter):
    """whoosh's W3 field writer writing ``encode_block`` blocks. ``add_term`` takes a whole posting
    list at once; whoosh's ``start_term``/``add``/``finish_term`` still work (merges use them)."""

    def __init__(self, codec, storage, segment):  # W3FieldWriter's, with ``TermsFileWriter``
        self._codec = codec
        self._storage = storage
        self._segment = segment
        self._fieldname = self._fieldid = self._btext = self._fieldobj = self._format = None
        self._tindex = TermsFileWriter(self._create_file(W3Codec.TERMS_EXT))
        self._fieldmap = self._tindex.extras["fieldmap"] = {}
        self._postfile = self._create_file(W3Codec.POSTS_EXT)
        self._postwriter = None
        self._infield = False
        self.is_closed = False

    def start_field(self, fieldname, fieldobj):
        super().start_field(fieldname, fieldobj)
        self._positional = isinstance(fieldobj.format, CompactPositions)
        self._boost = fieldobj.format.field_boost

    def start_term(self, btext):
        self._btext = btext
        self._t_ids, self._t_weights, self._t_values, self._t_lens = [], [], [], []

    def add(self, docnum, weight, vbytes, length):
        self._t_ids.append(docnum)
        self._t_weights.append(weight)
        self._t_values.append(vbytes)
        self._t_lens.append(length_byte(length))

    def finish_term(self):
        if self._positional:
            decode = self._format.decode_positions
            payload = [decode(v) for v in self._t_values]
        else:
            payload = self._t_weights
        self.add_term(self._btext, self._t_ids, payload, self._t_lens)

    def add_term(self, btext: bytes, ids: list[int], payload: list, lens: list[int]) -> None:
        """A term's postings: ascending docnums, their positions lists (positional fields) or weights,
        and the field-length byte of each posting's document. A term of one small block goes into the
        terms file with its statistics; larger ones into the .pst file."""
        positional = self._positional
        boost = self._boost
        if len(ids) == 1 and positional:  # most terms
            block, top = _encode_single(ids[0], payload[0], lens[0])
            top *= boost
            total = top
            blocks = [block]
        else:
            blocks, total, top = [], 0.0, 0.0
            for b in range(0, len(ids), BLOCK):
                bpay = payload[b:b + BLOCK]
                if positional:
                    tfs = [len(p) for p in bpay]
                    block, btop = encode_block(ids[b:b + BLOCK], tfs, bpay, lens[b:b + BLOCK])
                    total += sum(tfs) * boost
                    btop *= boost
                else:
                    block, btop = encode_block(ids[b:b + BLOCK], bpay, None, lens[b:b + BLOCK])
                    total += sum(bpay)
                blocks.append(block)
                top = max(top, btop)
        if len(blocks) == 1 and len(blocks[0]) <= INLINE_BYTES:
            value = _inline_term_info(blocks[0], total, len(ids))
        else:
            postfile = self._postfile
            start = postfile.tell()
            postfile.write(b"".join(blocks))
            value = _TI_FULL.pack(0, total, len(ids), min(lens), max(lens), top, ids[0], ids[-1], start,
                                  postfile.tell() - start)
        self._tindex.add(_FIELD_ID.pack(self._fieldid) + btext, value)


_FIELD_ID = struct.Struct("!H")  # whoosh's key prefix (pack_ushort)

# A term's value in the terms file: a flag byte, then
#   0: <f weight, I doc freq, B min length, B max length, f max weight, I first id, I last id,
#      Q offset, I length> of its blocks in the .pst file;
#   1: <f weight> and the term's one block (its header gives the other statistics);
#   2: the term's one block of one posting (the weight is the block's max weight).
_TI_FULL = struct.Struct("<BfIBBfIIQI")
_TI_WEIGHT = struct.Struct("<f")


def _inline_term_info(block: bytes, total: float, df: int) -> bytes:
    if df == 1 and _TI_WEIGHT.pack(total) == block[13:17]:  # the header's max weight, as float32
        return b"\x02" + block
    return b"\x01" + _TI_WEIGHT.pack(total) + block


class TermInfo(W3TermInfo):
    """whoosh's term statistics, read from presssearch's compact term values (see ``_TI_FULL``)."""

    _block: bytes | None = None  # the term's postings, when they are in the term info

    @classmethod
    def from_bytes(cls, s: bytes) -> "TermInfo":
        ti = cls()
        flag = s[0]
        if flag == 0:
            (_, ti._weight, ti._df, mn, mx, ti._maxweight, ti._minid, ti._maxid, ti._offset,
             ti._length) = _TI_FULL.unpack_from(s)
        else:
            block = s[1:] if flag == 2 else s[5:]
            _, ti._df, ti._minid, ti._maxid, ti._maxweight, mn, mx, _ = HEADER.unpack_from(block)
            ti._weight = ti._maxweight if flag == 2 else _TI_WEIGHT.unpack_from(s, 1)[0]
            ti._block = block
            ti._offset, ti._length = 0, len(block)
        ti._minlength = byte_to_length(mn)
        ti._maxlength = byte_to_length(mx)
        return ti

    def to_bytes(self) -> bytes:
        if self._block is not None:
            return _inline_term_info(self._block, self._weight, self._df)
        return _TI_FULL.pack(0, self._weight, self._df, length_byte(self._minlength), length_byte(self._maxlength),
                             self._maxweight, self._minid, self._maxid, self._offset, self._length)


def length_byte(length: int | None) -> int:
    return length_to_byte(length) if length else 0


# --- reading ----------------------------------------------------------------------------------------
class BlockMatcher(W3LeafMatcher):
    """whoosh's W3 leaf matcher reading ``encode_block`` blocks."""

    def __init__(self, postfile, startoffset, length, format_, term=None, scorer=None, buf=None):
        self._postfile = postfile
        self._startoffset = startoffset
        self._length = length
        self._end = startoffset + length
        self.format = format_
        self._term = term
        self._byteids = False
        self.scorer = scorer
        self._fixedsize = format_.fixed_value_size()
        self._positional = isinstance(format_, CompactPositions)
        self._boost = format_.field_boost
        if buf is None and length <= READ_WHOLE:
            buf = postfile.get(startoffset, length)
        self._buf = buf  # the term's blocks, when read whole (or inlined in its term info)
        self.reset()

    def reset(self):
        self._lastblock = False
        self._atend = False
        self._goto(self._startoffset)

    def _get(self, pos: int, n: int) -> bytes:
        buf = self._buf
        if buf is not None:
            o = pos - self._startoffset
            return buf[o:o + n]
        return self._postfile.get(pos, n)

    def _goto(self, position):
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        (datalen, self._blocklength, self._firstid, self._maxid, self._maxweight, mnlen, mxlen,
         codes) = HEADER.unpack(self._get(position, HEADER.size))
        self._codes = codes
        self._compression = codes >> 7
        self._dataoffset = position + HEADER.size
        self._nextoffset = self._dataoffset + datalen
        self._lastblock = self._nextoffset >= self._end
        self._minlength = byte_to_length(mnlen)
        self._maxlength = byte_to_length(mxlen)

    def block_min_id(self):
        return self._firstid

    def _read_data(self):
        """Split the block's data into its (id gaps, weights, positions) byte strings."""
        b = self._get(self._dataoffset, self._nextoffset - self._dataoffset)
        if self._compression:
            b = zlib.decompress(b)
        codes, n = self._codes, self._blocklength
        idlen = (n - 1) * _CODE_WIDTH[codes & 3]
        wcode = codes >> 2 & 7
        wlen = n * (4 if wcode == _WCODE_FLOAT else _CODE_WIDTH[wcode])
        self._data = (b[:idlen], b[idlen:idlen + wlen], b[idlen + wlen:])

    def _read_ids(self):
        if self._data is None:
            self._read_data()
        if self._blocklength == 1:
            self._ids = [self._firstid]
        else:
            self._ids = list(accumulate(_unpacked(self._data[0], self._codes & 3), initial=self._firstid))

    def _read_weights(self):
        if self._data is None:
            self._read_data()
        wcode = self._codes >> 2 & 7
        n = self._blocklength
        if wcode == 0:
            w = [self._boost if self._positional else 1.0] * n
        elif wcode == _WCODE_FLOAT:
            w = np.frombuffer(self._data[1], "<f4").tolist()
        elif self._positional and self._boost != 1.0:
            boost = self._boost
            w = [t * boost for t in _unpacked(self._data[1], wcode)]
        else:
            w = [float(t) for t in _unpacked(self._data[1], wcode)]
        self._weights = w

    def _tfs(self) -> list[int]:
        if self._data is None:
            self._read_data()
        wcode = self._codes >> 2 & 7
        return [1] * self._blocklength if wcode == 0 else _unpacked(self._data[1], wcode).tolist()

    def _read_values(self):
        if not self._positional:
            self._values = (None,) * self._blocklength if self._fixedsize == 0 else (b"",) * self._blocklength
            return
        tfs = self._tfs()
        pcode = self._codes >> 5 & 3
        width = _CODE_WIDTH[pcode]
        raw = self._data[2]
        head = bytes((pcode,))
        values, o = [], 0
        for tf in tfs:
            e = o + tf * width
            values.append(head + raw[o:e])
            o = e
        self._values = values


def block_positions(m) -> tuple[np.ndarray, np.ndarray]:
    """The current block's positions as numpy arrays: (offsets, positions) where posting i's positions are
    ``positions[offsets[i]:offsets[i + 1]]`` (ascending). For positional fields only."""
    if m._data is None:
        m._read_data()
    codes, n = m._codes, m._blocklength
    wcode = codes >> 2 & 7
    tfs = np.ones(n, np.int64) if wcode == 0 else np.frombuffer(m._data[1], _DTYPES[_CODE_WIDTH[wcode]]).astype(np.int64)
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(tfs, out=offsets[1:])
    gaps = np.frombuffer(m._data[2], _DTYPES[_CODE_WIDTH[codes >> 5 & 3]]).astype(np.int64)
    running = np.cumsum(gaps)
    starts = offsets[:-1]
    before = running[starts] - gaps[starts]  # the running sum before each posting's first position
    return offsets, running - np.repeat(before, tfs)


def block_arrays(m) -> tuple[np.ndarray, np.ndarray]:
    """The current block of a ``BlockMatcher`` as numpy arrays: (docnums int64, weights float64).
    Reads nothing twice: the block's data is split once, like ``_read_ids``/``_read_weights``."""
    if m._data is None:
        m._read_data()
    codes, n = m._codes, m._blocklength
    gaps = np.frombuffer(m._data[0], _DTYPES[_CODE_WIDTH[codes & 3]]) if n > 1 else np.empty(0, np.int64)
    ids = np.empty(n, np.int64)
    ids[0] = m._firstid
    if n > 1:
        np.cumsum(gaps, dtype=np.int64, out=ids[1:])
        ids[1:] += m._firstid
    wcode = codes >> 2 & 7
    boost = m._boost if m._positional else 1.0
    if wcode == 0:
        weights = np.full(n, boost, np.float64)
    elif wcode == _WCODE_FLOAT:
        weights = np.frombuffer(m._data[1], "<f4").astype(np.float64)
    else:
        weights = np.frombuffer(m._data[1], _DTYPES[_CODE_WIDTH[wcode]]).astype(np.float64)
        if boost != 1.0:
            weights *= boost
    return ids, weights


class _FieldCursor(W3FieldCursor):
    def term_info(self):
        if self._pos is None:
            return None
        return TermInfo.from_bytes(self._tindex.dbfile.get(self._datapos, self._datalen))


class TermsReader(W3TermsReader):
    """whoosh's W3 terms reader over a ``TermsFile`` of ``TermInfo`` values."""

    def __init__(self, codec, dbfile, length, postfile):
        self._codec = codec
        self._dbfile = dbfile
        self._tindex = TermsFile(dbfile, length)
        self._fieldmap = self._tindex.extras["fieldmap"]
        self._postfile = postfile
        self._fieldunmap = [None] * len(self._fieldmap)
        for fieldname, num in self._fieldmap.items():
            self._fieldunmap[num] = fieldname

    def cursor(self, fieldname, fieldobj):
        return _FieldCursor(self._tindex, fieldname, self._keycoder, self._keydecoder, fieldobj)

    def items(self):
        decode = self._keydecoder
        return ((decode(k), TermInfo.from_bytes(v)) for k, v in self._tindex.items())

    def items_from(self, fieldname, prefix):
        decode = self._keydecoder
        return ((decode(k), TermInfo.from_bytes(v))
                for k, v in self._tindex.items_from(self._keycoder(fieldname, prefix)))

    def term_info(self, fieldname, tbytes):
        try:
            return TermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)])
        except KeyError:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}") from None

    def frequency(self, fieldname, tbytes):
        return TermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)]).weight()

    def doc_frequency(self, fieldname, tbytes):
        return TermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)]).doc_frequency()


class Codec(W3Codec):
    """whoosh's W3 codec with presssearch's posting blocks (terms, columns and stored fields as W3's)."""

    def __init__(self, blocklimit=BLOCK, compression=COMPRESSION, inlinelimit=0):
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def field_writer(self, storage, segment):
        return FieldWriter(self, storage, segment)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        offset, length = terminfo.extent()
        return BlockMatcher(dbfile, offset, length, format_, term=term, scorer=scorer, buf=terminfo._block)

    def terms_reader(self, storage, segment):
        tiname = segment.make_filename(self.TERMS_EXT)
        return TermsReader(self, storage.open_file(tiname), storage.file_length(tiname),
                           segment.open_file(storage, self.POSTS_EXT))


# --- whole posting lists ------------------------------------------------------------------------------
_WEIGHT_WIDTH = (0, 1, 2, 4, 4)  # weight code → bytes per weight (4: float32)


def ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The indexes ``starts[i]..starts[i] + lengths[i] - 1`` of every i, concatenated (int64)."""
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, np.int64)
    before = np.cumsum(lengths) - lengths
    return np.repeat(starts - before, lengths) + np.arange(total, dtype=np.int64)


def term_arrays(m: BlockMatcher, positions: bool = False, *, packed: bool = False, wanted=None):
    """All the postings of a ``BlockMatcher``'s term at once: (docnums int64, weights float64) and, when
    ``positions`` (positional fields only), (offsets, position codes): posting i's codes are
    ``codes[offsets[i]:offsets[i + 1]]``, its first position then the gaps, as stored. The blocks are read
    in one go and each width of integers decoded with one numpy call for the whole list; without
    ``positions`` a block's positions are not even decompressed.

    ``packed``: the positions as (offsets, parts, part of each posting, where its codes start in its part):
    the codes left as stored, one array per width (``_packed_parts``), none widened to int64.
    ``wanted`` (ascending docnums): only the blocks whose docnum range holds one of them are decoded."""
    buf = m._buf if m._buf is not None else m._postfile.get(m._startoffset, m._length)
    unpack, hsize, end = HEADER.unpack_from, HEADER.size, m._length
    if wanted is None and end and hsize + unpack(buf, 0)[0] == end:  # one block (most terms)
        return _one_block(m, buf, positions, packed)
    want = None if wanted is None else wanted.tolist() if hasattr(wanted, "tolist") else list(wanted)
    k, nwant = 0, 0 if want is None else len(want)
    ns, firsts, lasts = [], [], []
    id_parts: dict = {}
    id_blocks: dict = {}
    w_parts: dict = {}
    w_blocks: dict = {}
    p_parts: dict = {}
    p_blocks: dict = {}
    o = b = 0
    while o < end:
        datalen, n, first, last, _top, _mn, _mx, codes = unpack(buf, o)
        o += hsize
        if want is not None:  # skip a block that holds no wanted document
            while k < nwant and want[k] < first:
                k += 1
            if k == nwant:
                break
            if want[k] > last:
                o += datalen
                continue
        data = buf[o:o + datalen]
        o += datalen
        ic, wc = codes & 3, codes >> 2 & 7
        idlen = (n - 1) * _CODE_WIDTH[ic]
        wlen = n * _WEIGHT_WIDTH[wc]
        if codes & 0x80:
            data = zlib.decompress(data) if positions else zlib.decompressobj().decompress(data, idlen + wlen)
        ns.append(n)
        firsts.append(first)
        lasts.append(last)
        if idlen:
            id_parts.setdefault(ic, []).append(data[:idlen])
            id_blocks.setdefault(ic, []).append(b)
        if wlen:
            w_parts.setdefault(wc, []).append(data[idlen:idlen + wlen])
            w_blocks.setdefault(wc, []).append(b)
        if positions:
            pc = codes >> 5 & 3
            p_parts.setdefault(pc, []).append(data[idlen + wlen:])
            p_blocks.setdefault(pc, []).append(b)
        b += 1
    if not ns:
        empty = np.zeros(0, np.int64)
        if not positions:
            return empty, np.zeros(0), None
        return empty, np.zeros(0), (np.zeros(1, np.int64), [empty], empty, empty) if packed else \
            (np.zeros(1, np.int64), empty)
    counts = np.asarray(ns, np.int64)
    starts = np.cumsum(counts) - counts
    gaps = np.zeros(int(counts.sum()), np.int64)
    firsts_a = np.asarray(firsts, np.int64)
    gaps[starts] = firsts_a - np.concatenate(([0], np.asarray(lasts[:-1], np.int64)))
    if len(id_parts) == 1:  # one width of id gaps (most lists): every gap but the blocks' first ids, in order
        (ic, parts), = id_parts.items()
        rest = np.ones(len(gaps), bool)
        rest[starts] = False
        gaps[rest] = np.frombuffer(b"".join(parts), _DTYPES[_CODE_WIDTH[ic]])
    else:
        for ic, parts in id_parts.items():
            sel = np.asarray(id_blocks[ic], np.int64)
            gaps[ranges(starts[sel] + 1, counts[sel] - 1)] = np.frombuffer(b"".join(parts), _DTYPES[_CODE_WIDTH[ic]])
    ids = np.cumsum(gaps)
    boost = m._boost if m._positional else 1.0
    weights = np.full(len(ids), boost, np.float64)
    tfs = np.ones(len(ids), np.int64)
    for wc, parts in w_parts.items():
        every = len(w_blocks[wc]) == len(ns)  # one width of weights in every block: all postings, in order
        sel = slice(None) if every else \
            ranges(starts[np.asarray(w_blocks[wc], np.int64)], counts[np.asarray(w_blocks[wc], np.int64)])
        if wc == _WCODE_FLOAT:
            weights[sel] = np.frombuffer(b"".join(parts), "<f4")
            continue
        vals = np.frombuffer(b"".join(parts), _DTYPES[_CODE_WIDTH[wc]])
        tfs[sel] = vals
        weights[sel] = vals * boost if boost != 1.0 else vals
    if not positions:
        return ids, weights, None
    offsets = np.zeros(len(ids) + 1, np.int64)
    np.cumsum(tfs, out=offsets[1:])
    block_tf = offsets[starts + counts] - offsets[starts]
    if packed:
        return ids, weights, (offsets, *_packed_parts(p_parts, p_blocks, starts, counts, offsets, block_tf))
    codes_out = np.empty(int(offsets[-1]), np.int64)
    for pc, parts in p_parts.items():
        vals = np.frombuffer(b"".join(parts), _DTYPES[_CODE_WIDTH[pc]])
        if len(p_parts) == 1:
            codes_out[:] = vals
        else:
            sel = np.asarray(p_blocks[pc], np.int64)
            codes_out[ranges(offsets[starts[sel]], block_tf[sel])] = vals
    return ids, weights, (offsets, codes_out)


def _one_block(m: BlockMatcher, buf: bytes, positions: bool, packed: bool):
    """``term_arrays`` of a term of one block: the same arrays, with a few numpy calls instead of the
    bookkeeping of many blocks (a short list costs mostly that)."""
    datalen, n, first, _last, _top, _mn, _mx, codes = HEADER.unpack_from(buf, 0)
    data = buf[HEADER.size:HEADER.size + datalen]
    ic, wc = codes & 3, codes >> 2 & 7
    idlen = (n - 1) * _CODE_WIDTH[ic]
    wlen = n * _WEIGHT_WIDTH[wc]
    if codes & 0x80:
        data = zlib.decompress(data) if positions else zlib.decompressobj().decompress(data, idlen + wlen)
    ids = np.empty(n, np.int64)
    ids[0] = first
    if n > 1:
        np.cumsum(np.frombuffer(data, _DTYPES[_CODE_WIDTH[ic]], n - 1), dtype=np.int64, out=ids[1:])
        ids[1:] += first
    boost = m._boost if m._positional else 1.0
    weights = np.full(n, boost, np.float64)
    tfs = None
    if wlen:
        if wc == _WCODE_FLOAT:
            weights[:] = np.frombuffer(data, "<f4", n, idlen)
        else:
            tfs = np.frombuffer(data, _DTYPES[_CODE_WIDTH[wc]], n, idlen)
            weights[:] = tfs * boost if boost != 1.0 else tfs
    if not positions:
        return ids, weights, None
    offsets = np.zeros(n + 1, np.int64)
    if tfs is None:
        offsets[1:] = np.arange(1, n + 1)
    else:
        np.cumsum(tfs, out=offsets[1:])
    codes_in = np.frombuffer(data[idlen + wlen:], _DTYPES[_CODE_WIDTH[codes >> 5 & 3]])
    if packed:
        return ids, weights, (offsets, [codes_in], np.zeros(n, np.int8), offsets[:-1].copy())
    return ids, weights, (offsets, codes_in.astype(np.int64))


def _packed_parts(p_parts: dict, p_blocks: dict, starts: np.ndarray, counts: np.ndarray, offsets: np.ndarray,
                  block_tf: np.ndarray) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    """The position codes of ``term_arrays``' blocks left as stored: (one array per width, the blocks of that
    width one after another; per posting the array its codes are in, and where they start in it)."""
    nblocks = len(starts)
    if len(p_parts) == 1 and len(next(iter(p_blocks.values()))) == nblocks:  # one width in every block
        (pc, chunks), = p_parts.items()
        return [np.frombuffer(b"".join(chunks), _DTYPES[_CODE_WIDTH[pc]])], np.zeros(len(offsets) - 1, np.int8), \
            offsets[:-1].copy()
    part_of = np.zeros(nblocks, np.int8)
    base = np.zeros(nblocks, np.int64)  # where each block's codes start in its part
    parts = []
    for g, (pc, chunks) in enumerate(p_parts.items()):
        sel = np.asarray(p_blocks[pc], np.int64)
        parts.append(np.frombuffer(b"".join(chunks), _DTYPES[_CODE_WIDTH[pc]]))
        part_of[sel] = g
        tf = block_tf[sel]
        base[sel] = np.cumsum(tf) - tf
    where = np.repeat(base - offsets[starts], counts) + offsets[:-1]
    return parts, np.repeat(part_of, counts), where


# --- stored fields ------------------------------------------------------------------------------------
_STORED = "_stored"  # whoosh's column of stored fields


class StoredFields:
    """One segment's stored fields as whoosh's W3 codec writes them (a column of zlib'd pickles, one a document,
    then the lengths array, big-endian, its type code; past 32,768 documents the offsets array too, its code
    and "X"), read a document at a time: its offset and length straight from the arrays on disk when the
    offsets are there, else from the lengths summed once with numpy. whoosh's column reader loads the arrays
    whole into Python arrays when first asked (~0.4 ms for 47,000 documents; without offsets it sums the
    lengths in a Python loop), which the first search of every opened generation paid."""

    def __init__(self, colfile, base: int, length: int, doccount: int):
        last = base + length - 1  # (whoosh's own arithmetic, ``VarBytesColumn.Reader``)
        self._offsets: np.ndarray | None = None
        if colfile.get(last, 1) == b"X":
            self._lens_code, self._offs_code = chr(colfile.get_byte(last - 2)), chr(colfile.get_byte(last - 1))
            self._offs_size = struct.calcsize(self._offs_code)
            self._offsets_at = (last - 2) - doccount * self._offs_size
            self._lens_size = struct.calcsize(self._lens_code)
            self._lengths_at = self._offsets_at - doccount * self._lens_size
        else:
            self._lens_code = chr(colfile.get_byte(last))
            self._lens_size = struct.calcsize(self._lens_code)
            self._lengths_at = last - doccount * self._lens_size
            raw = colfile.get(self._lengths_at, doccount * self._lens_size)
            lengths = np.frombuffer(raw, np.dtype(self._lens_code).newbyteorder(">"), doccount).astype(np.int64)
            self._offsets = np.cumsum(lengths) - lengths
        self._file, self._base, self._doccount = colfile, base, doccount

    @classmethod
    def of(cls, segreader) -> "StoredFields | None":
        """The stored fields of a whoosh segment reader; None if it has none or reads them otherwise."""
        perdoc = getattr(segreader, "_perdoc", None)
        try:
            if not perdoc.has_column(_STORED):
                return None
            if _STORED not in perdoc._colfiles:  # (the column file whoosh's own reader would open and share)
                perdoc._colfiles[_STORED] = perdoc._get_column_file(_STORED)
            colfile, base, length = perdoc._colfiles[_STORED]
            return cls(colfile, base, length, perdoc._doccount)
        except AttributeError:  # another per-document reader
            return None

    def _item(self, at: int, code: str, size: int) -> int:
        a = array(code)
        a.frombytes(self._file.get(at, size))
        if not _BIG_ENDIAN:
            a.byteswap()
        return a[0]

    def __getitem__(self, docnum: int) -> dict:
        """The document's stored fields as whoosh's ``W3PerDocReader.stored_fields`` gives them ({} if none)."""
        if not 0 <= docnum < self._doccount:
            raise IndexError(f"no document {docnum} of {self._doccount}")
        length = self._item(self._lengths_at + docnum * self._lens_size, self._lens_code, self._lens_size)
        if not length:
            return {}
        if self._offsets is None:
            offset = self._item(self._offsets_at + docnum * self._offs_size, self._offs_code, self._offs_size)
        else:
            offset = int(self._offsets[docnum])
        value = zlib.decompress(self._file.get(self._base + offset, length))
        return pickle.loads(value) if value else {}
