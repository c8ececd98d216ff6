"""Reading a generation: open it (retrying across swaps), run a query, count facets."""
from __future__ import annotations

import pickle
import struct
import threading
import time
import zlib
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from whoosh.filedb.filestore import FileStorage
from whoosh import scoring
from whoosh.index import TOC
from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher
from whoosh.collectors import ScoredCollector, TimeLimit, TimeLimitCollector, TopCollector

from ..errors import IndexDamaged, IndexVersionError, PresssearchError, QueryError
from . import store
from .codec import StoredFields
from .compile import scores_of as reference_scores
from .execute import Executor, IndexStats, TimeUp, Unsupported
from .facets import CACHE, FacetTable
from .writer import INDEX_NAME

RETRIES = 8
STORED_DOCS = 1024  # stored documents an opened generation keeps (the hits of the last ~100 searches)
STORED_CHARS = 8_000_000  # ... and at most this many characters of their text values (~16 MB), long articles or not


def _weighting():
    return scoring.BM25F(B=0.75, K1=1.2)


class _AllAndTop(TopCollector):
    """Top-N by score, plus every matching global docnum (for the exact total and facets),
    restricted to documents allowed by a numpy mask (e.g. only articles)."""

    def __init__(self, limit: int, allow: np.ndarray):
        super().__init__(limit=limit, usequality=False)
        self.allow = allow
        self.docnums: list[int] = []

    def collect(self, sub_docnum):
        g = self.offset + sub_docnum
        if self.allow[g]:
            self.docnums.append(g)
            return ScoredCollector.collect(self, sub_docnum)
        return 0


@dataclass
class RawHit:
    docnum: int
    score: float


@dataclass
class RawResults:
    total: int
    hits: list[RawHit]
    docnums: np.ndarray



# Raw errors whoosh, numpy or the OS raise on unreadable index files (as opposed to bugs).
READ_ERRORS = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError)


_DECODERS = ("whoosh/codec/", "whoosh/filedb/", "whoosh/reading.py", "whoosh/columns.py", "presssearch/engine/codec.py",
             "presssearch/engine/postings.py")


def _bad_bytes(e: BaseException) -> bool:
    """An IndexError/ValueError (UnicodeDecodeError included) raised while index bytes were decoded — in our
    codec or whoosh's codec, file and column readers: the file's content is damaged (``store.verify`` checks
    sizes only). The same errors raised elsewhere are bugs, reported as such."""
    if not isinstance(e, (IndexError, ValueError)):
        return False
    tb = e.__traceback__
    while tb is not None:
        if any(d in Path(tb.tb_frame.f_code.co_filename).as_posix() for d in _DECODERS):
            return True
        tb = tb.tb_next
    return False


class _OpenedFiles:
    """A storage that remembers the files opened through it (everything else is the wrapped storage's)."""

    def __init__(self, storage):
        self._storage = storage
        self.files: list = []

    def open_file(self, name, *args, **kwargs):
        f = self._storage.open_file(name, *args, **kwargs)
        self.files.append(f)
        return f

    def __getattr__(self, name):
        return getattr(self._storage, name)


class _SegmentReader(SegmentReader):
    """whoosh's SegmentReader, which closes the files it opened when it fails half-way (damaged bytes);
    whoosh's own leaves the segment file open until garbage collection."""

    def __init__(self, storage, schema, segment, generation=None):
        opened = _OpenedFiles(storage)
        try:
            super().__init__(opened, schema, segment, generation=generation)
        except BaseException:
            for f in opened.files:
                f.close()
            raise


def _open_reader(ix):
    """The index's reader, as ``ix.reader()`` opens it, closing the segments already open if one fails."""
    toc = TOC.read(ix.storage, ix.indexname)
    readers: list = []
    try:
        for segment in toc.segments:
            readers.append(_SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation))
    except BaseException:
        for r in readers:
            r.close()
        raise
    if not readers:
        return EmptyReader(toc.schema)
    return readers[0] if len(readers) == 1 else MultiReader(readers, generation=toc.generation)


def _load_facets(cache: Path, reader) -> FacetTable:
    """The generation's facet table from its cache file; counted afresh if that is missing or bad."""
    try:
        table = FacetTable.load(cache)
    except Exception:
        return FacetTable.build(reader)
    return table if table.ndocs == reader.doc_count_all() else FacetTable.build(reader)


class Snapshot:
    """One opened generation: a whoosh searcher and its facet table. Immutable once opened.

    Opening verifies the generation (format, file sizes) and retries when a writer switches
    CURRENT meanwhile; a failure while CURRENT stays put is damage (IndexDamaged).
    """

    def __init__(self, root: Path):
        self.root = root
        last: BaseException | None = None
        for attempt in range(RETRIES):
            name = store.current_name(root)
            if name is None:
                raise store.missing(root)
            try:
                gen = root / name
                if not gen.is_dir():
                    raise store.damaged(root, f"its live generation {name} is missing")
                store.verify(gen)
                self._open(gen)
                return
            except IndexVersionError:
                raise
            except Exception as e:  # whoosh raises many raw errors on damaged/moving files
                last = e
                if store.current_name(root) != name and attempt < RETRIES - 1:
                    time.sleep(0.01 * attempt)  # a writer switched generations under us: try the new one
                    continue
                break
        if isinstance(last, IndexDamaged):
            raise last
        raise store.damaged(root, f"it cannot be opened ({type(last).__name__}: {last})")

    def _open(self, gen: Path) -> None:
        self.gen = gen
        # No mmap: whoosh copies each sub-file of an mmapped compound segment into memory on open
        # (BytesIO over the map), ~0.5 s on the full corpus; without it sub-files are read in place
        # through the segment's one open file, which also outlives the generation's deletion.
        ix = FileStorage(str(gen), supports_mmap=False).open_index(INDEX_NAME)
        self.searcher = Searcher(_open_reader(ix), fromindex=ix, weighting=_weighting())
        try:
            self.reader = self.searcher.reader()
            self.facets = _load_facets(gen / CACHE, self.reader)
        except BaseException:
            self.close()
            raise
        self._masks: dict[str, np.ndarray] = {}
        self._stats: IndexStats | None = None
        self._stored: OrderedDict[int, tuple[dict, int]] = OrderedDict()  # docnum -> (fields, characters)
        self._stored_chars = 0
        self._stored_lock = threading.Lock()
        self._columns: list | None = None  # per segment (first docnum, StoredFields or None), when first read

    def is_current(self) -> bool:
        """True while CURRENT still names this snapshot's generation."""
        try:
            return store.current_name(self.root) == self.gen.name
        except Exception:
            return False

    def failure(self, e: BaseException) -> BaseException:
        """What to raise for an error met while reading this snapshot: IndexDamaged when the
        generation fails its check or the error is a raw read error; otherwise ``e`` (a bug)."""
        if isinstance(e, PresssearchError):
            return e
        try:
            store.verify(self.gen)
        except PresssearchError as bad:
            return bad
        if isinstance(e, READ_ERRORS) or _bad_bytes(e):
            return store.damaged(self.root, f"{self.gen.name} cannot be read ({type(e).__name__}: {e})")
        return e

    def close(self) -> None:
        try:
            self.searcher.close()
        except Exception:
            pass

    __del__ = close  # a snapshot dropped without close() still releases its segment files

    def mask(self, kind: str) -> np.ndarray:
        if kind not in self._masks:
            self._masks[kind] = self.facets.kind_mask(kind)
        return self._masks[kind]

    @property
    def stats(self) -> IndexStats:
        """Live documents and field lengths, loaded once per snapshot for the executor."""
        if self._stats is None:
            self._stats = IndexStats(self.searcher)
        return self._stats

    def live_docs(self, kind: str) -> np.ndarray:
        """Global docnums of the documents of ``kind`` that are not deleted."""
        live = self.stats.live_docs()
        return live[self.mask(kind)[live]]

    def executor(self, time_limit: float | None = 10.0) -> Executor:
        """An executor for one search (it keeps the posting lists it reads until dropped)."""
        return Executor(self.stats, None if time_limit is None else time.monotonic() + time_limit)

    def run(self, wquery, *, kind: str, limit: int, sort: str = "relevance", time_limit: float = 10.0,
            executor: Executor | None = None) -> RawResults:
        """Every live match of ``wquery`` among documents of ``kind``, and the top ``limit`` of them by
        score (ties: lower docnum first) or date."""
        ex = executor or self.executor(time_limit)
        try:
            m = ex.evaluate(wquery)
        except TimeUp:
            raise _too_slow(time_limit) from None
        except Unsupported:
            return self.run_reference(wquery, kind=kind, limit=limit, sort=sort, time_limit=time_limit)
        keep = self.mask(kind)[m.docs]
        docnums, scores = m.docs[keep], m.scores[keep]
        if sort == "relevance":
            best = top_k(docnums, scores, limit)
            pairs = [(int(docnums[i]), float(scores[i])) for i in best]
        else:
            pairs = self._by_date(docnums, sort, limit)
        hits = [RawHit(d, s) for d, s in pairs]
        return RawResults(len(docnums), hits, docnums)

    def scores(self, wquery, docnums, *, executor: Executor | None = None,
               time_limit: float = 10.0) -> dict[int, float]:
        """The scores ``wquery`` gives those of ``docnums`` it matches (rescoring, --explain)."""
        ex = executor or self.executor(time_limit)
        try:
            return ex.scores(wquery, docnums)
        except TimeUp:
            raise _too_slow(time_limit) from None
        except Unsupported:
            return reference_scores(self.searcher, wquery, docnums)

    def _by_date(self, docnums: np.ndarray, sort: str, limit: int) -> list[tuple[int, float]]:
        ranks = self.facets.date_rank[docnums]
        order = np.argsort(ranks, kind="stable")
        if sort == "-date":
            order = order[::-1]
        return [(int(docnums[i]), 0.0) for i in order[:limit]]

    def run_reference(self, wquery, *, kind: str, limit: int, sort: str = "relevance",
                      time_limit: float = 10.0) -> RawResults:
        """The same search by whoosh's own matchers, document by document (the executor's reference,
        and its fallback for queries it does not know). Deleted documents a DocnumFilter names are
        left out here too."""
        collector = _AllAndTop(max(limit, 1) if sort == "relevance" else 1, self.mask(kind) & self.stats.live)
        timed = TimeLimitCollector(collector, timelimit=time_limit, use_alarm=False)
        try:
            self.searcher.search_with_collector(wquery, timed)
        except TimeLimit:
            raise _too_slow(time_limit) from None
        docnums = np.asarray(collector.docnums, dtype=np.int64)
        if sort == "relevance":
            top = [(score, d) for score, d in collector.items]
            top.sort(key=lambda sd: (-sd[0], -sd[1]))
            pairs = [(0 - d, s) for s, d in top][:limit]
        else:
            pairs = self._by_date(docnums, sort, limit)
        hits = [RawHit(d, float(s)) for d, s in pairs]
        return RawResults(len(docnums), hits, docnums)

    def find(self, doc_id: str) -> dict | None:
        f = self.searcher.document(id=doc_id)
        return None if f is None else self._checked(f)

    def stored(self, docnum: int) -> dict:
        """A document's stored fields (a copy, lists too: the last ``STORED_DOCS`` read, up to ``STORED_CHARS``
        characters, are kept, as Solr's document cache does, since the top hits of searches recur)."""
        with self._stored_lock:
            kept = self._stored.get(docnum)
            if kept is not None:
                self._stored.move_to_end(docnum)
                return _copy(kept[0])
        f = self._checked(self._stored_fields(docnum))
        size = sum(len(v) for v in f.values() if isinstance(v, str))
        with self._stored_lock:
            old = self._stored.pop(docnum, None)
            self._stored_chars += size - (old[1] if old else 0)
            self._stored[docnum] = (f, size)
            while len(self._stored) > STORED_DOCS or (self._stored_chars > STORED_CHARS and len(self._stored) > 1):
                self._stored_chars -= self._stored.popitem(last=False)[1][1]
        return _copy(f)

    def _stored_fields(self, docnum: int) -> dict:
        """``searcher.stored_fields(docnum)``, read through ``StoredFields`` where the segment allows."""
        if self._columns is None:
            self._columns = [(offset, StoredFields.of(leaf)) for leaf, offset in self.reader.leaf_readers()]
        i = bisect_right(self._columns, docnum, key=lambda c: c[0]) - 1
        column = self._columns[i][1] if i >= 0 else None
        if column is None or self.reader.is_closed:
            return self.searcher.stored_fields(docnum)
        schema = self.reader.schema
        return {k: v for k, v in column[docnum - self._columns[i][0]].items() if k in schema}

    def _checked(self, f) -> dict:
        """Stored fields unpickled from bytes damaged in place can be any object: every document has an id."""
        if not isinstance(f, dict) or not isinstance(f.get("id"), str):
            raise store.damaged(self.root, f"{self.gen.name} has a damaged stored document")
        return f


def _copy(fields: dict) -> dict:
    """A copy of stored fields that a caller may change freely: lists, and the lists in them (a quote's
    [start, end, speaker, role, rule]), are copied; the values are strings, numbers or None."""
    return {k: [list(x) if isinstance(x, list) else x for x in v] if isinstance(v, list) else v
            for k, v in fields.items()}


def top_k(docnums: np.ndarray, scores: np.ndarray, k: int) -> np.ndarray:
    """Indexes of the ``k`` best: highest score first, the lower docnum first among equal scores."""
    if k <= 0 or not len(docnums):
        return np.zeros(0, dtype=np.int64)
    if len(docnums) > k:
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]  # the k-th highest score
        cand = np.nonzero(scores >= kth)[0]
    else:
        cand = np.arange(len(docnums))
    order = np.lexsort((docnums[cand], -scores[cand]))
    return cand[order[:k]]


def _too_slow(time_limit: float) -> QueryError:
    return QueryError(
        f"The search took longer than {time_limit:g} s and was stopped.",
        hint="Narrow it: add words, a date range or a source; avoid very short prefixes.",
    )
