"""Writing a generation: open/create the whoosh index in a workspace, add and delete articles.

New documents always go to ``SegmentBuilder`` segments: one in this process (``GenerationWriter.add_article``)
or one per worker process (analysis and posting lists then run in parallel); the parent hands the
workers' segments to ``GenerationWriter.add_segments`` and its ``commit()`` lists them all in the index
without merging them. A builder starts a new segment when its postings in memory pass its limit, so
memory stays bounded whatever the size of the archive. Postings are written by ``engine.codec``.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from whoosh.filedb.filestore import FileStorage
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import length_to_byte
from whoosh.writing import MERGE_SMALL, PostingPool, SegmentWriter
from whoosh.codec.whoosh3 import W3PerDocWriter

# Writer.add_document fills these internals of whoosh 2.7.4's per-document writer directly; another whoosh must
# fail here, loudly, rather than write different bytes
_PERDOC_INTERNALS = ("_storedfields", "_fieldlengths", "_colwriters", "_create_column", "start_doc")
if not all(hasattr(W3PerDocWriter, n) or n in W3PerDocWriter.__init__.__code__.co_names for n in _PERDOC_INTERNALS):
    raise ImportError("presssearch needs whoosh 2.7.4's W3PerDocWriter (pip install 'whoosh==2.7.4')")

from .analyzer import OnePassText
from . import columns
from .codec import Codec, CompactPositions, FieldWriter
from .columns import PositionColumns, TermIds, sorted_positions, write_columns
from .wordids import WORD_BYTES, Grouped, WordTerms, analyse
from .documents import SEP, article_documents
from .facets import CACHE, FacetTable
from .schema import make_schema

INDEX_NAME = "MAIN"
# Memory of the pool, as counted against its limit (measured with tracemalloc on real articles):
LIST_TERM_BYTES = 300  # one term of another field (dict slot, bytes, a tuple of two lists)
LIST_POSTING_BYTES = 80  # one posting of another field (two list slots, a weight)
MEMO_VALUES = 50_000  # non-positional values whose terms a writer remembers

__all__ = ["Codec", "GenerationWriter", "SegmentBuilder", "TermPool", "Writer"]


class TermPool(PostingPool):
    """Postings in memory, per field and term. A positional field's postings are flat integer columns
    (``columns.PositionColumns``: a few bytes a posting, no objects for the garbage collector to walk);
    another field's term is ``([docnums], [weights])``. Terms are sorted once, at flush; nothing is
    spilled to disk: writers bound their memory by starting a new segment (``SegmentBuilder``)."""

    def __init__(self, tempstore, segment, schema, limitmb: int = 128):
        super().__init__(tempstore, segment, limitmb=limitmb)
        self.schema = schema
        self.columns: dict[str, PositionColumns] = {}  # positional field → its postings
        self.termids = TermIds()  # the positional fields' terms → ids (one id space)
        self._counted_terms = 0
        self.terms: dict[str, dict[str, tuple[list, list]]] = {}  # other field → term → postings
        self.unsorted: set[tuple[str, str]] = set()  # terms whose postings may not be in docnum order

    def add_positions(self, fieldname: str, docnum: int, poses: dict[str, list[int]] | Grouped) -> int:
        """One document's terms of a positional field (term → positions, or ``Grouped`` arrays of term ids
        from ``termids``); returns the field length."""
        cols = self.columns.get(fieldname)
        if cols is None:
            cols = self.columns[fieldname] = PositionColumns(self.termids)
            self.fieldnames.add(fieldname)
        if isinstance(poses, dict):
            postings, length = len(poses), cols.add(docnum, poses)
        else:
            postings, length = len(poses.terms), cols.add_grouped(docnum, *poses)
        new = len(self.termids) - self._counted_terms
        self._counted_terms += new
        self.currentsize += (columns.TERM_BYTES * new + columns.POSTING_BYTES * postings
                             + columns.POSITION_BYTES * length)
        return length

    def add(self, item) -> None:
        """whoosh's one-posting entry (documents of other fields, and merged segments)."""
        fieldname, tbytes, docnum, weight, vbytes = item
        term = tbytes.decode("utf-8", "surrogateescape")  # str keys sort as UTF-8 bytes do
        fmt = self.schema[fieldname].format
        if isinstance(fmt, CompactPositions):  # merged segments: sorted by docnum at flush
            self.add_positions(fieldname, docnum, {term: fmt.decode_positions(vbytes)})
            return
        self.add_list_terms(fieldname, docnum, [(term, weight)])

    def add_list_terms(self, fieldname: str, docnum: int, terms: list[tuple[str, float]]) -> None:
        """One document's (term, weight) pairs of a non-positional field."""
        field = self.terms.get(fieldname)
        if field is None:
            field = self.terms[fieldname] = {}
            self.fieldnames.add(fieldname)
        size = LIST_POSTING_BYTES * len(terms)
        for term, weight in terms:
            entry = field.get(term)
            if entry is None:
                field[term] = ([docnum], [weight])
                size += LIST_TERM_BYTES + len(term)
            else:
                if docnum < entry[0][-1]:
                    self.unsorted.add((fieldname, term))
                entry[0].append(docnum)
                entry[1].append(weight)
        self.currentsize += size

    def pop_field(self, fieldname: str):
        """(term bytes, docnums, weights) of a non-positional field, terms in order, docnums ascending;
        frees them."""
        terms = self.terms.pop(fieldname, {})
        for term in sorted(terms):
            ids, payload = terms.pop(term)
            if (fieldname, term) in self.unsorted and any(a > b for a, b in zip(ids, ids[1:])):
                order = sorted(range(len(ids)), key=ids.__getitem__)
                ids, payload = [ids[i] for i in order], [payload[i] for i in order]
            yield term.encode("utf-8", "surrogateescape"), ids, payload

    def iter_postings(self):
        """whoosh's posting tuples (for code that asks for them; flushing uses ``write_postings``)."""
        for fieldname in sorted(self.fieldnames):
            if fieldname in self.columns:
                fmt = self.schema[fieldname].format
                for tb, d, poslist in sorted_positions(self.columns.pop(fieldname)):
                    yield fieldname, tb, d, len(poslist) * fmt.field_boost, fmt.encode(poslist)
            else:
                for tb, ids, weights in self.pop_field(fieldname):
                    for d, w in zip(ids, weights):
                        yield fieldname, tb, d, w, b""


def _length_bytes(pdr, fieldname: str) -> list[int] | None:
    """The field-length byte of every document of the segment being written (None: no lengths)."""
    reader = pdr._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    return None if reader is None else list(reader)


def write_postings(fieldwriter: FieldWriter, schema, pool: TermPool, pdr) -> None:
    """Every pooled posting list, field by field and term by term, straight into blocks."""
    for fieldname in sorted(set(pool.terms) | set(pool.columns)):
        fieldobj = schema[fieldname]
        lengths = _length_bytes(pdr, fieldname)
        fieldwriter.start_field(fieldname, fieldobj)
        if fieldname in pool.columns:
            write_columns(fieldwriter, pool.columns.pop(fieldname), lengths)
        else:
            for tb, ids, payload in pool.pop_field(fieldname):
                lens = [0] * len(ids) if lengths is None else [lengths[d] for d in ids]
                fieldwriter.add_term(tb, ids, payload, lens)
        fieldwriter.finish_field()


_POSITIONAL, _LISTED = "positional", "listed"  # how a field's terms go to the pool


class _Plan(NamedTuple):
    field: object
    kind: str | None  # _POSITIONAL, _LISTED or None (stored only)
    stored: bool
    lenfield: str  # its column of field-length bytes
    column_type: object


class Writer(SegmentWriter):
    """whoosh's SegmentWriter with ``TermPool`` and ``Codec``: documents' terms go to the pool per field
    (one call per field, not per posting) and the pool is written straight into posting blocks."""

    def __init__(self, ix, *, limitmb: int, poolmb: int | None = None, **kwargs):
        super().__init__(ix, limitmb=limitmb, codec=Codec(), **kwargs)
        self.pool = TermPool(self._tempstorage, self.newsegment, self.schema, limitmb=poolmb or limitmb)
        self._memo: dict = {}  # (field, value) → its terms (see _list_terms)
        self._plans: dict[str, _Plan] = {}  # field name → how add_document writes it
        self.words = WordTerms(self.pool.termids)  # this segment's analysed words

    def analyse(self, parts: list[str]) -> tuple[list[Grouped | dict], Grouped | dict]:
        """``wordids.analyse`` of a document's texts, its new words counted against the pool's memory."""
        before = len(self.words)
        out = analyse(self.words, parts)
        self.pool.currentsize += WORD_BYTES * (len(self.words) - before)
        return out

    def analyse_each(self, texts: list[str]) -> list[tuple[Grouped, Grouped]]:
        """``WordTerms.positions_each`` of single-part texts, new words counted as in ``analyse``."""
        before = len(self.words)
        out = self.words.positions_each(texts)
        self.pool.currentsize += WORD_BYTES * (len(self.words) - before)
        return out

    def add_document(self, **fields):
        """whoosh's add_document for presssearch's schema (no boosts, spelling or vectors). ``_positions``
        may give positional fields' postings already analysed ({field: postings}, see ``analyse``).
        Stored values, field lengths and column values go to whoosh's per-document writer as its
        ``add_field``/``add_column_value`` would put them (same bytes), without a call per field."""
        self._check_state()
        pool, pdw, docnum = self.pool, self.perdocwriter, self.docnum
        analysed = fields.get("_positions") or {}
        names = sorted(name for name in fields if not name.startswith("_"))
        plans = self._plans
        for name in names:
            if name not in plans:
                self._plan(name)  # (raises whoosh's UnknownFieldError before the document starts)
        pdw.start_doc(docnum)
        stored, lengths, colwriters = pdw._storedfields, pdw._fieldlengths, pdw._colwriters
        for name in names:
            value = fields[name]
            if value is None:
                continue
            plan = plans[name]
            field, kind, lenfield = plan.field, plan.kind, plan.lenfield
            length = 0
            if kind is _POSITIONAL:
                poses = analysed.get(name)
                length = pool.add_positions(name, docnum, field.positions(value) if poses is None else poses)
            elif kind is _LISTED:
                terms, length = self._list_terms(name, field, value)
                pool.add_list_terms(name, docnum, terms)
            if plan.stored:
                stored[name] = value
            if length:
                col = colwriters.get(lenfield)
                if col is None:
                    pdw._create_column(lenfield, LENGTHS_COLUMN)
                    col = colwriters[lenfield]
                col.add(docnum, length_to_byte(length))
                lengths[name] += length
            if plan.column_type:
                pdw.add_column_value(name, plan.column_type, field.to_column_value(value))
        pdw.finish_doc()
        self._added = True
        self.docnum += 1

    def _plan(self, name: str) -> "_Plan":
        """How ``add_document`` writes a field (worked out once per field name)."""
        self._check_fields(self.schema, [name])
        field = self.schema[name]
        kind = _POSITIONAL if isinstance(field, OnePassText) else _LISTED if field.indexed else None
        plan = self._plans[name] = _Plan(field, kind, bool(field.stored), _lenfield(name), field.column_type)
        return plan

    def _list_terms(self, name: str, field, value) -> tuple[list[tuple[str, float]], int]:
        """(term, weight) pairs and the field length of a non-positional value, as ``field.index`` gives
        them; remembered per value (ids, sources, dates and speakers repeat across an article's quotes)."""
        key = (name, value)
        got = self._memo.get(key)
        if got is None:
            terms, length = [], 0
            for tbytes, freq, weight, _ in field.index(value):
                terms.append((tbytes.decode("utf-8", "surrogateescape"), weight))
                if field.scorable:
                    length += freq
            if len(self._memo) >= MEMO_VALUES:
                self._memo.clear()
            got = self._memo[key] = (terms, length)
        return got

    def _flush_segment(self):
        self.perdocwriter.close()
        pdr = self.per_document_reader()
        try:
            write_postings(self.fieldwriter, self.schema, self.pool, pdr)
        finally:
            pdr.close()
            self.fieldwriter.close()


def _storage(work: Path) -> FileStorage:
    """The workspace's storage, without mmap: whoosh copies every sub-file of an mmapped compound
    segment into memory when it opens a reader (for deletions, merges, facets), the whole index."""
    return FileStorage(str(work), supports_mmap=False)


def _clean(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if v is not None and v != ""}


def _doc_positions(doc: dict, writer: Writer) -> dict[str, Grouped | dict]:
    """The positional fields' postings of an article's or quote's document, each text tokenised once
    (its stemmed and its exact field share the words); {} when the texts are not laid out as expected."""
    if doc.get("kind") == "article":
        parts = [doc.get("title") or "", doc.get("lead") or "", doc.get("body") or ""]
        if doc.get("exact") == SEP.join(parts):
            (title, lead, body), exact = writer.analyse(parts)
            return {"title": title, "lead": lead, "body": body, "exact": exact}
    elif doc.get("body") and doc.get("body") == doc.get("exact"):
        (body,), exact = writer.analyse([doc["body"]])
        return {"body": body, "exact": exact}
    return {}


def _quote_positions(docs: list[dict], writer: Writer) -> dict[int, dict[str, Grouped]]:
    """The positional postings of the quotes' documents whose body is their exact text (by index in
    ``docs``), analysed together: one numpy pass for all the article's quotes."""
    picked = [n for n, doc in enumerate(docs)
              if doc.get("kind") != "article" and doc.get("body") and doc["body"] == doc.get("exact")]
    if not picked:
        return {}
    got = writer.analyse_each([docs[n]["body"] for n in picked])
    return {n: {"body": body, "exact": exact} for n, (body, exact) in zip(picked, got)}


def _add(writer, article, speaker_key) -> None:
    head, *quotes = article_documents(article, speaker_key)
    analysed = _doc_positions(head, writer)
    writer.add_document(**_clean(head), _positions=analysed)
    # the quotes' words are the body's: after a body analysed with numpy they are all known words
    batched = _quote_positions(quotes, writer) if isinstance(analysed.get("body"), Grouped) else {}
    for n, doc in enumerate(quotes):
        poses = batched.get(n)
        writer.add_document(**_clean(doc), _positions=_doc_positions(doc, writer) if poses is None else poses)


class GenerationWriter:
    """Adds/deletes articles in one workspace folder; ``commit()`` finishes the whoosh segment(s)."""

    def __init__(self, work: Path, *, fresh: bool, speaker_key, limitmb: int = 256):
        storage = _storage(work)
        if fresh or not storage.index_exists(INDEX_NAME):
            self.ix = storage.create_index(make_schema(), indexname=INDEX_NAME)
        else:
            self.ix = storage.open_index(INDEX_NAME)
        self.work = work
        self.speaker_key = speaker_key
        self.limitmb = limitmb
        self.writer = Writer(self.ix, limitmb=limitmb)  # deletions, merges of small segments, the commit
        self._builder: SegmentBuilder | None = None  # articles added in this process
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
        """Add the article's documents to this process's own segments (a new one beyond ``limitmb``)."""
        if self._builder is None:
            self._builder = SegmentBuilder(self.work, speaker_key=self.speaker_key, limitmb=self.limitmb,
                                           ix=self.ix)
        self._builder.add_article(article)

    def add_segments(self, segments: list) -> None:
        """Segments finished by ``SegmentBuilder`` workers in this workspace, to be listed at commit."""
        self._segments.extend(s for s in segments if s is not None)

    def commit(self) -> None:
        """Finish the segment(s), then count the facet columns once so readers load them ready-made."""
        self._close_base()
        if self._builder is not None:
            self.add_segments(self._builder.finish())
            self._builder = None
        extra = list(self._segments)

        def merge_policy(writer, segments):
            # small old segments are merged as usual; the workers' new segments are kept as they are
            return MERGE_SMALL(writer, segments) + extra

        self.writer.commit(mergetype=merge_policy)
        with self.ix.reader() as reader:
            FacetTable.build(reader).save(self.work / CACHE)

    def cancel(self) -> None:
        self._close_base()
        if self._builder is not None:
            self._builder.cancel()
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

    def __init__(self, work: Path, *, speaker_key, limitmb: int = 512, ix=None):
        self.ix = ix if ix is not None else _storage(work).open_index(INDEX_NAME)
        self.speaker_key = speaker_key
        self.limit = limitmb * 1024 * 1024
        self.limitmb = limitmb
        self.segments: list = []
        self.writer = self._new_writer()

    def _new_writer(self) -> SegmentWriter:
        # the parent holds the lock
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
