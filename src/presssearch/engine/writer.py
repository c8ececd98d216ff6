"""Writing a generation: open/create the whoosh index in a workspace, add and delete articles.

Two ways to add documents: ``GenerationWriter.add_article`` in this process, or worker processes that
each build their own whoosh segment with a ``SegmentBuilder`` (analysis and whoosh's pure-Python
posting pool then run in parallel); the parent hands their segments to ``GenerationWriter.add_segments``
and its ``commit()`` lists them in the index without merging them.
"""
from __future__ import annotations

from pathlib import Path

import zlib
from pickle import dumps

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3Codec, W3PostingsWriter, _lenfield
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import MERGE_SMALL, PostingPool, SegmentWriter

from .documents import article_documents
from .facets import CACHE, FacetTable
from .schema import make_schema

INDEX_NAME = "MAIN"
POSTING_BYTES = 120  # memory of one pooled posting (three list slots, an int, a float, a short bytes)
TERM_BYTES = 200  # memory of one pooled term (dict slot, key tuple, bytes, list)


class TermPool(PostingPool):
    """whoosh's posting pool, keyed by term. Postings of one term arrive in document order, so only the
    terms are sorted at the end (whoosh sorts every posting tuple, then merges them through a heap).
    Beyond ``limitmb`` the pool still spills sorted runs to disk like whoosh's."""

    def __init__(self, tempstore, segment, limitmb: int = 128):
        super().__init__(tempstore, segment, limitmb=limitmb)
        self._terms: dict[tuple[str, bytes], list] = {}

    def add(self, item) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        key = (fieldname, tbytes)
        postings = self._terms.get(key)
        if postings is None:
            self.fieldnames.add(fieldname)
            postings = self._terms[key] = []
            self.currentsize += TERM_BYTES + len(tbytes)
        postings += (docnum, weight, vbytes)
        self.currentsize += POSTING_BYTES
        if self.currentsize > self.limit:
            self.save()

    def _sorted(self):
        terms, self._terms = self._terms, {}
        for key in sorted(terms):
            fieldname, tbytes = key
            flat = iter(terms.pop(key))
            for docnum, weight, vbytes in zip(flat, flat, flat):
                yield fieldname, tbytes, docnum, weight, vbytes

    def save(self) -> None:
        self.current = list(self._sorted())  # already in order: whoosh's sort of it is linear
        PostingPool.save(self)

    def items(self, maxfiles: int = 128):
        if not self.runs:
            return self._sorted()
        return PostingPool.items(self, maxfiles)


MIN_COMPRESS = 64  # whoosh zlib-compresses every posting block; below this size it only costs time and bytes


class _PostingsWriter(W3PostingsWriter):
    """whoosh 2.7.4's posting writer with its intended rule restored: tiny blocks are stored uncompressed
    (its code sets the level to 0 for them, then overwrites it). Each block records its own level, so
    whoosh's reader reads both kinds."""

    def _write_block(self, last=False):
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        databytes = dumps((self._mini_ids(), self._mini_weights(), self._mini_values()), 2)
        comp = self._compression if len(databytes) >= MIN_COMPRESS else 0
        if comp:
            databytes = zlib.compress(databytes, comp)
        ids = self._ids
        infobytes = dumps((len(ids), ids[-1], self._maxweight, comp, length_to_byte(self._minlength),
                           length_to_byte(self._maxlength)), 2)
        postfile = self._postfile
        blocklength = len(infobytes) + len(databytes)
        postfile.write_int(-blocklength if last else blocklength)
        postfile.write(infobytes)
        postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


class Codec(W3Codec):
    """whoosh's default codec (W3) with ``_PostingsWriter``; reading is whoosh's own."""

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                               compression=self._compression, inlinelimit=self._inlinelimit)


class _Lengths:
    """Field lengths of the segment being written, read once per field (whoosh reads one per posting)."""

    def __init__(self, pdr):
        self.pdr = pdr
        self.cache: dict[str, list] = {}

    def _load(self, fieldname: str) -> list | None:
        reader = self.pdr._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        return None if reader is None else [byte_to_length(b) if b else None for b in reader]

    def doc_field_length(self, docnum: int, fieldname: str, default=0):
        if fieldname not in self.cache:
            self.cache[fieldname] = self._load(fieldname)
        lengths = self.cache[fieldname]
        return default if lengths is None else lengths[docnum]


class Writer(SegmentWriter):
    """whoosh's SegmentWriter with ``TermPool``, ``Codec`` and field lengths read in bulk at flush."""

    def __init__(self, ix, *, limitmb: int, poolmb: int | None = None, **kwargs):
        super().__init__(ix, limitmb=limitmb, codec=Codec(), **kwargs)
        self.pool = TermPool(self._tempstorage, self.newsegment, limitmb=poolmb or limitmb)

    def _flush_segment(self):
        self.perdocwriter.close()
        pdr = self.per_document_reader()
        self.fieldwriter.add_postings(self.schema, _Lengths(pdr), self.pool.iter_postings())
        self.fieldwriter.close()
        pdr.close()


def _clean(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if v is not None and v != ""}


def _add(writer, article, speaker_key) -> None:
    for doc in article_documents(article, speaker_key):
        writer.add_document(**_clean(doc))


class GenerationWriter:
    """Adds/deletes articles in one workspace folder; ``commit()`` finishes the whoosh segment(s)."""

    def __init__(self, work: Path, *, fresh: bool, speaker_key, limitmb: int = 256):
        if fresh or not whoosh_index.exists_in(str(work), indexname=INDEX_NAME):
            self.ix = whoosh_index.create_in(str(work), make_schema(), indexname=INDEX_NAME)
        else:
            self.ix = whoosh_index.open_dir(str(work), indexname=INDEX_NAME)
        self.work = work
        self.speaker_key = speaker_key
        self.writer = Writer(self.ix, limitmb=limitmb)
        self._segments: list = []
        self._base = None  # reader of the segments this generation started with, for deletions

    def delete_article(self, article_id: str) -> None:
        """Delete the article's documents from the segments this generation started with (one reader
        for the whole update; whoosh's delete_by_term opens a searcher per call)."""
        if self._base is None:
            self._base = self.writer.reader()
        if ("article_id", article_id) in self._base:
            for docnum in self._base.postings("article_id", article_id).all_ids():
                self.writer.delete_document(docnum)

    def _close_base(self) -> None:
        if self._base is not None:
            self._base.close()
            self._base = None

    def add_article(self, article) -> None:
        _add(self.writer, article, self.speaker_key)

    def add_segments(self, segments: list) -> None:
        """Segments finished by ``SegmentBuilder`` workers in this workspace, to be listed at commit."""
        self._segments.extend(s for s in segments if s is not None)

    def commit(self) -> None:
        """Finish the segment(s), then count the facet columns once so readers load them ready-made."""
        self._close_base()
        extra = list(self._segments)

        def merge_policy(writer, segments):
            # small old segments are merged as usual; the workers' new segments are kept as they are
            return MERGE_SMALL(writer, segments) + extra

        self.writer.commit(mergetype=merge_policy)
        with self.ix.reader() as reader:
            FacetTable.build(reader).save(self.work / CACHE)

    def cancel(self) -> None:
        self._close_base()
        try:
            self.writer.cancel()
        except Exception:  # the workspace is thrown away anyway
            pass


class SegmentBuilder:
    """One worker's own segments in a workspace whose index a ``GenerationWriter`` has opened (and locked).

    When the postings in memory pass ``limitmb`` the segment is written and a new one started, so memory
    stays bounded without whoosh's sort-and-merge of spilled runs. ``finish()`` returns the segments for
    ``add_segments``.
    """

    def __init__(self, work: Path, *, speaker_key, limitmb: int = 512):
        self.ix = whoosh_index.open_dir(str(work), indexname=INDEX_NAME)
        self.speaker_key = speaker_key
        self.limit = limitmb * 1024 * 1024
        self.limitmb = limitmb
        self.segments: list = []
        self.writer = self._new_writer()

    def _new_writer(self) -> SegmentWriter:
        # the parent holds the lock; the pool's own spill limit is above ours, so it never spills
        return Writer(self.ix, _lk=False, limitmb=self.limitmb, poolmb=2 * self.limitmb)

    def add_article(self, article) -> None:
        _add(self.writer, article, self.speaker_key)
        if self.writer.pool.currentsize > self.limit:
            self.segments.append(self.writer._finalize_segment())
            self.writer = self._new_writer()

    def finish(self) -> list:
        w = self.writer
        if w._added:
            self.segments.append(w._finalize_segment())  # leaves the shared temp folder to the parent
        else:
            w._close_segment()
        return self.segments

    def cancel(self) -> None:
        try:
            self.writer._close_segment()
        except Exception:  # the workspace is thrown away anyway
            pass
