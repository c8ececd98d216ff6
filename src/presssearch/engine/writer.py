"""Writing a generation: open/create the whoosh index in a workspace, add and delete articles.

New documents always go to ``SegmentBuilder`` segments: one in this process (``GenerationWriter.add_article``)
or one per worker process (analysis and posting lists then run in parallel); the parent hands the
workers' segments to ``GenerationWriter.add_segments`` and its ``commit()`` lists them all in the index
without merging them. A builder starts a new segment when its postings in memory pass its limit, so
memory stays bounded whatever the size of the archive. Postings are written by ``engine.codec``.

A commit costs in proportion to what changed, not to the index: each segment's facet table is written
beside it with the segment (``engine.facets.SegmentFacets``) and the generation's table is assembled from
them; old segments are merged only as ``merge_choice`` picks (small ones of one size tier; segments with
nothing live are dropped), never most of the index at once.
"""
from __future__ import annotations

import codecs
import pickle
import zlib
from pathlib import Path
from typing import NamedTuple

from whoosh.filedb.filestore import FileStorage
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.analysis import IDTokenizer
from whoosh.columns import CompressedBytesColumn, NumericColumn, PickleColumn, VarBytesColumn
from whoosh.fields import FieldType
from whoosh.formats import Existence
from whoosh.util.numeric import length_to_byte
from whoosh.reading import SegmentReader
from whoosh.writing import PostingPool, SegmentWriter
from whoosh.codec.whoosh3 import W3PerDocWriter

# Writer.add_document fills these internals of whoosh 2.7.4's per-document writer directly; another whoosh must
# fail here, loudly, rather than write different bytes
_PERDOC_INTERNALS = ("_storedfields", "_fieldlengths", "_colwriters", "_create_column", "start_doc")
if not all(hasattr(W3PerDocWriter, n) or n in W3PerDocWriter.__init__.__code__.co_names for n in _PERDOC_INTERNALS):
    raise ImportError("presssearch needs whoosh 2.7.4's W3PerDocWriter (pip install 'whoosh==2.7.4')")

from .analyzer import OnePassText
from . import columns
from .codec import Codec, CompactPositions, FieldWriter
from .postings import segment_postings
from .columns import PositionColumns, TermIds, sorted_positions, write_columns
from .wordids import WORD_BYTES, Grouped, WordTerms
from .documents import SEP, article_documents
from .facets import (CACHE, SEGMENT_EXT, FacetTable, SegmentFacets, assemble,
                     column_bytes, load_segment, save_segment, segment_facets)
from .schema import TEXT_FIELDS, make_schema

INDEX_NAME = "MAIN"
# Memory of the pool, as counted against its limit (measured with tracemalloc on real articles):
LIST_TERM_BYTES = 300  # one term of another field (dict slot, bytes, a tuple of two lists)
LIST_POSTING_BYTES = 80  # one posting of another field (two list slots, a weight)
MEMO_VALUES = 50_000  # non-positional values whose terms a writer remembers
BATCH = 16  # articles analysed together (numpy's cost per call is paid once per batch)
# Merging at commit (``merge_choice``): MERGE_FACTOR old segments whose document counts lie within a factor of
# MERGE_FACTOR (one tier) are merged into one; segments of MERGE_MAX_DOCS documents or more never take part, so no
# merge exceeds MERGE_FACTOR × MERGE_MAX_DOCS documents whatever the size of the index. whoosh merges about 480
# documents a CPU second (one posting at a time), so only the small segments of small updates are worth merging.
MERGE_FACTOR = 8
MERGE_MAX_DOCS = 2_000

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
        self.add_list_term(fieldname, docnum, term, weight)

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

    def add_list_term(self, fieldname: str, docnum: int, term: str, weight: float) -> None:
        """``add_list_terms`` of one term."""
        self.add_list_terms(fieldname, docnum, [(term, weight)])

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
    """The field-length byte of every document of the segment being written (None: no lengths), read in
    one call (whoosh's column reader reads a byte per call)."""
    reader = pdr._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if reader is None:
        return None
    if type(reader) is not NumericColumn.Reader or reader._fixedlen != 1:  # (not whoosh 2.7.4's byte column)
        return list(reader)
    stored = min(reader._count, reader._doccount)
    raw = reader._dbfile.get(reader._basepos, stored) if stored else b""
    return list(raw) + [reader._default] * (reader._doccount - stored)


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


# Stored fields: whoosh pickles each document's stored values (protocol 2) and deflates them (level 3). Here the
# long texts that cp1251 can spell are pickled as cp1251 bytes that unpickle to the same str (``_Cp1251``),
# half the bytes of their UTF-8, with protocol 5 (which keeps bytes as they are) and deflated at level 1: on
# 2,000 real articles 13.1 MB instead of 14.6 MB, and pickling and deflating take 1.1 CPU s instead of 1.3.
# Readers are unchanged: the value is still a zlib-compressed pickle of the same dict (whoosh's STORED_COLUMN).
STORED_LEVEL = 1
CP1251_FIELDS = (*TEXT_FIELDS, "article_title")
CP1251_MIN_CHARS = 32


class _Cp1251:
    """A str pickled as its cp1251 bytes; unpickles to the str itself."""

    __slots__ = ("data",)

    def __init__(self, data: bytes):
        self.data = data

    def __reduce__(self):
        return codecs.decode, (self.data, "cp1251")


class _StoredWriter:
    """The stored-fields column's writer: ``add`` takes a document's stored values (see ``STORED_LEVEL``)."""

    def __init__(self, child):
        self._child = child  # whoosh's CompressedBytesColumn writer (a VarBytesColumn writer)

    def fill(self, docnum):
        return self._child.fill(docnum)

    def add(self, docnum, values: dict) -> None:
        for name in CP1251_FIELDS:
            text = values.get(name)
            if type(text) is str and len(text) >= CP1251_MIN_CHARS:
                try:
                    values[name] = _Cp1251(text.encode("cp1251"))
                except UnicodeEncodeError:
                    pass
        VarBytesColumn.Writer.add(self._child, docnum, zlib.compress(pickle.dumps(values, 5), STORED_LEVEL))

    def finish(self, doccount):
        return self._child.finish(doccount)


def _compact_stored_fields(pdw) -> None:
    """Give whoosh 2.7.4's per-document writer the ``_StoredWriter`` (another whoosh keeps its own)."""
    writer = pdw._colwriters.get("_stored")
    if type(writer) is PickleColumn.Writer and type(writer._child) is CompressedBytesColumn.Writer:
        pdw._colwriters["_stored"] = _StoredWriter(writer._child)


_POSITIONAL, _LISTED, _ID = "positional", "listed", "id"  # how a field's terms go to the pool


class _Plan(NamedTuple):
    field: object
    kind: str | None  # _POSITIONAL, _LISTED, _ID or None (stored only)
    stored: bool
    lenfield: str  # its column of field-length bytes
    column_type: object
    utf8_column: bool  # its column value is the UTF-8 of a text value (whoosh's default ``to_column_value``)
    boost: float  # the weight of its terms (``_ID``)


def _plain_id(field) -> bool:
    """True for whoosh's plain ID field (the whole value is its one term, weight ``field_boost``, length 0),
    whose terms ``add_fields`` makes without ``field.index``."""
    return (type(field.format) is Existence and type(field.analyzer) is IDTokenizer and not field.scorable
            and type(field).index is FieldType.index)


class Writer(SegmentWriter):
    """whoosh's SegmentWriter with ``TermPool`` and ``Codec``: documents' terms go to the pool per field
    (one call per field, not per posting) and the pool is written straight into posting blocks."""

    def __init__(self, ix, *, limitmb: int, poolmb: int | None = None, **kwargs):
        super().__init__(ix, limitmb=limitmb, codec=Codec(), **kwargs)
        self.pool = TermPool(self._tempstorage, self.newsegment, self.schema, limitmb=poolmb or limitmb)
        self._memo: dict = {}  # (field, value) → its terms (see _list_terms)
        self._plans: dict[str, _Plan] = {}  # field name → how add_document writes it
        self._names: dict[tuple, list[str]] = {}  # a document's field names → those to write, in order
        self.words = WordTerms(self.pool.termids)  # this segment's analysed words
        _compact_stored_fields(self.perdocwriter)
        self._facets: SegmentFacets | None = None  # this segment's facet table, saved beside it

    def analyse_docs(self, docs: list[list[str]]) -> list[tuple[list[Grouped], Grouped]]:
        """``WordTerms.analyse_docs`` (each document's stemmed postings per part and exact postings), its new
        words counted against the pool's memory."""
        before = len(self.words)
        out = self.words.analyse_docs(docs)
        self.pool.currentsize += WORD_BYTES * (len(self.words) - before)
        return out

    def add_document(self, **fields):
        """whoosh's add_document for presssearch's schema (no boosts, spelling or vectors). ``_positions``
        may give positional fields' postings already analysed ({field: postings}, see ``analyse_docs``)."""
        analysed = fields.pop("_positions", None) or {}
        self.add_fields(fields, analysed)

    def add_fields(self, fields: dict, analysed: dict) -> None:
        """``add_document`` of a dict of field values. Stored values, field lengths and column values go to
        whoosh's per-document writer as its ``add_field``/``add_column_value`` would put them (same bytes),
        without a call per field."""
        self._check_state()
        pool, pdw, docnum, plans = self.pool, self.perdocwriter, self.docnum, self._plans
        keys = tuple(fields)
        names = self._names.get(keys)
        if names is None:
            names = sorted(name for name in keys if not name.startswith("_"))
            for name in names:
                if name not in plans:
                    self._plan(name)  # (raises whoosh's UnknownFieldError before the document starts)
            self._names[keys] = names
        pdw.start_doc(docnum)
        stored, lengths, colwriters = pdw._storedfields, pdw._fieldlengths, pdw._colwriters
        for name in names:
            value = fields[name]
            if value is None:
                continue
            plan = plans[name]
            kind = plan.kind
            length = 0
            if kind is _ID and type(value) is str:
                pool.add_list_term(name, docnum, value, plan.boost)
            elif kind is _POSITIONAL:
                poses = analysed.get(name)
                length = pool.add_positions(name, docnum, plan.field.positions(value) if poses is None else poses)
            elif kind is not None:
                terms, length = self._list_terms(name, plan.field, value)
                pool.add_list_terms(name, docnum, terms)
            if plan.stored:
                stored[name] = value
            if length:
                col = colwriters.get(plan.lenfield)
                if col is None:
                    pdw._create_column(plan.lenfield, LENGTHS_COLUMN)
                    col = colwriters[plan.lenfield]
                col.add(docnum, length_to_byte(length))
                lengths[name] += length
            if plan.column_type:
                col = colwriters.get(name)
                if col is None:
                    pdw._create_column(name, plan.column_type)
                    col = colwriters[name]
                col.add(docnum, value.encode("utf-8") if plan.utf8_column and type(value) is str
                        else plan.field.to_column_value(value))
        pdw.finish_doc()
        self._added = True
        self.docnum += 1

    def _plan(self, name: str) -> "_Plan":
        """How ``add_document`` writes a field (worked out once per field name)."""
        self._check_fields(self.schema, [name])
        field = self.schema[name]
        kind = _POSITIONAL if isinstance(field, OnePassText) else _LISTED if field.indexed else None
        if kind is _LISTED and _plain_id(field):
            kind = _ID
        cls = type(field)
        utf8 = cls.to_column_value is FieldType.to_column_value and cls.to_bytes is FieldType.to_bytes
        plan = self._plans[name] = _Plan(field, kind, bool(field.stored), _lenfield(name), field.column_type,
                                         utf8, getattr(field.format, "field_boost", 1.0))
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
            self._facets = _perdoc_facets(pdr, self.schema, self.docnum)
            write_postings(self.fieldwriter, self.schema, self.pool, pdr)
        finally:
            pdr.close()
            self.fieldwriter.close()

    def _finalize_segment(self):
        """whoosh's, then the segment's facet table saved beside it (after the compound file is made)."""
        segment = super()._finalize_segment()
        if self._facets is not None:
            _save_facets(self.storage, segment, self._facets)
            self._facets = None
        return segment


def _perdoc_facets(perdoc, schema, ndocs: int) -> SegmentFacets | None:
    """The facet table of a segment from its per-document reader (whoosh's W3PerDocReader)."""
    def read(field: str) -> list[bytes]:
        has = perdoc.has_column(field)
        return column_bytes(perdoc.column_reader(field, schema[field].column_type) if has else None, ndocs)

    return segment_facets(read, ndocs)


def _save_facets(storage, segment, table: SegmentFacets) -> None:
    f = storage.create_file(segment.make_filename(SEGMENT_EXT))
    try:
        save_segment(f, table)
    finally:
        f.close()


def _segment_facets(storage, schema, segment) -> SegmentFacets | None:
    """A segment's facet table: saved beside it, else read from its columns (and saved)."""
    n = segment.doc_count_all()
    table = load_segment(Path(storage.folder) / segment.make_filename(SEGMENT_EXT), n)
    if table is not None:
        return table
    files = segment.open_compound_file(storage) if segment.is_compound() else storage
    perdoc = segment.codec().per_document_reader(files, segment)
    try:
        table = _perdoc_facets(perdoc, schema, n)
    finally:
        perdoc.close()
        if files is not storage:
            files.close()
    if table is not None:
        _save_facets(storage, segment, table)
    return table


def _tier(ndocs: int) -> int:
    tier = 0
    while ndocs >= MERGE_FACTOR:
        ndocs //= MERGE_FACTOR
        tier += 1
    return tier


def merge_choice(sizes: list[tuple[int, int]]) -> list[int]:
    """Which of the old segments a commit merges, given each one's (documents, live documents): every segment
    with no live document left (dropped, no work), and the MERGE_FACTOR smallest segments below MERGE_MAX_DOCS
    documents of the smallest tier holding that many.

    Without deletions a document is merged at most once per tier (four tiers below MERGE_MAX_DOCS; a merge
    keeps only live documents, so with deletions its result may stay in its tier), so merging costs in
    proportion to what updates add, never to the index. (whoosh's MERGE_SMALL merges most of an index of
    many large segments at once: 27 of the 40 segments of a 1M-article index, 1.6 of its 3.1 million
    documents, about an hour of CPU.) Deleted documents of larger segments stay (masked) until a rebuild."""
    picked = {n for n, (_, live) in enumerate(sizes) if live == 0}
    tiers: dict[int, list[int]] = {}
    for n, (total, live) in enumerate(sizes):
        if total < MERGE_MAX_DOCS and n not in picked:
            tiers.setdefault(_tier(total), []).append(n)
    full = [members for _, members in sorted(tiers.items()) if len(members) >= MERGE_FACTOR]
    if full:
        picked.update(sorted(full[0], key=lambda n: sizes[n][0])[:MERGE_FACTOR])
    return sorted(picked)


def merge_segments(writer: SegmentWriter, segments: list) -> list:
    """A merge policy for whoosh's ``commit(mergetype=...)``: the segments ``merge_choice`` picks go into
    the writer's new segment (without their deleted documents; one with none live just goes); the others
    are returned, in order."""
    picked = set(merge_choice([(s.doc_count_all(), s.doc_count()) for s in segments]))
    for n in sorted(picked):
        if segments[n].doc_count() == 0:
            continue
        reader = SegmentReader(writer.storage, writer.schema, segments[n])
        try:
            writer.add_reader(reader)
        finally:
            reader.close()
    return [s for n, s in enumerate(segments) if n not in picked]


def facet_table(ix) -> FacetTable:
    """The facet table of the index's committed segments, assembled from the segments' own tables
    (equal to ``FacetTable.build`` of a reader of the whole index)."""
    parts = [_segment_facets(ix.storage, ix.schema, seg) for seg in ix._segments()]
    if any(p is None for p in parts):
        with ix.reader() as reader:
            return FacetTable.build(reader)
    return assemble(parts)


def _storage(work: Path) -> FileStorage:
    """The workspace's storage, without mmap: whoosh copies every sub-file of an mmapped compound
    segment into memory when it opens a reader (for deletions, merges, facets), the whole index."""
    return FileStorage(str(work), supports_mmap=False)


def _clean(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if v is not None and v != ""}


def _layout(doc: dict) -> list[str] | None:
    """The texts of a document's positional fields when they are laid out as expected — an article's title,
    lead and body, whose exact text is them joined by ``SEP``; a quote's body, which is its exact text —
    else None (its fields are then analysed one by one)."""
    if doc.get("kind") == "article":
        parts = [doc.get("title") or "", doc.get("lead") or "", doc.get("body") or ""]
        return parts if doc.get("exact") == SEP.join(parts) else None
    body = doc.get("body")
    return [body] if body and body == doc.get("exact") else None


def _analysed_documents(writer: Writer, articles: list, speaker_key) -> list[list[tuple[dict, dict]]]:
    """Each article's documents (the article's, then its quotes') with their positional postings, the texts
    of all the articles analysed in one pass (``Writer.analyse_docs``): [(fields, postings), ...] per article."""
    per_article = [article_documents(a, speaker_key) for a in articles]
    docs = [doc for docs in per_article for doc in docs]
    layouts = [_layout(doc) for doc in docs]
    picked = [n for n, parts in enumerate(layouts) if parts is not None]
    analysed = dict(zip(picked, writer.analyse_docs([layouts[n] for n in picked])))
    out, n = [], 0
    for article_docs in per_article:
        mine = []
        for doc in article_docs:
            got = analysed.get(n)
            n += 1
            if got is None:
                poses = {}
            elif len(got[0]) == 3:
                (title, lead, body), exact = got
                poses = {"title": title, "lead": lead, "body": body, "exact": exact}
            else:
                (body,), exact = got
                poses = {"body": body, "exact": exact}
            mine.append((_clean(doc), poses))
        out.append(mine)
    return out


class GenerationWriter:
    """Adds/deletes articles in one workspace folder; ``commit()`` finishes the whoosh segment(s)."""

    def __init__(self, work: Path, *, fresh: bool, speaker_key, body_key=None, limitmb: int = 256):
        storage = _storage(work)
        if fresh or not storage.index_exists(INDEX_NAME):
            self.ix = storage.create_index(make_schema(), indexname=INDEX_NAME)
        else:
            self.ix = storage.open_index(INDEX_NAME)
        self.work = work
        self.speaker_key = speaker_key
        self.body_key = body_key  # a body's name -> its key, "" for a person (groups a body's names in facets)
        self.limitmb = limitmb
        self.writer = Writer(self.ix, limitmb=limitmb)  # deletions, merges of small segments, the commit
        self._builder: SegmentBuilder | None = None  # articles added in this process
        self._segments: list = []
        self._base = None  # reader of the segments this generation started with, for deletions
        self._leaves: list = []  # its segments' readers and docnum bases

    def delete_article(self, article_id: str) -> None:
        """Delete the article's documents from the segments this generation started with (one reader
        for the whole update; whoosh's delete_by_term opens a searcher per call). The term is looked up
        once per segment and its postings read unfiltered (whoosh's ``postings`` copies the segment's
        set of deleted documents at each call, which grows with every deletion); deleting a document
        twice changes nothing."""
        if self._base is None:
            self._base = self.writer.reader()
            self._leaves = self._base.leaf_readers()
        term = article_id.encode("utf-8")
        for leaf, base in self._leaves:
            ids, _ = segment_postings(leaf, "article_id", term)
            for docnum in (ids + base).tolist():
                self.writer.delete_document(docnum)

    def _close_base(self) -> None:
        if self._base is not None:
            self._base.close()
            self._base = None
            self._leaves = []

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
        """Finish the segment(s) (merging old ones as ``merge_choice`` picks), then save the facet table,
        assembled from the segments' own tables, so readers load it ready-made."""
        self._close_base()
        if self._builder is not None:
            self.add_segments(self._builder.finish())
            self._builder = None
        extra = list(self._segments)

        def merge_policy(writer, segments):
            # old segments picked by merge_choice are merged; the new segments are kept as they are
            return merge_segments(writer, segments) + extra

        self.writer.commit(mergetype=merge_policy)
        facet_table(self.ix).save(self.work / CACHE, self.body_key)

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
        self.pending: list = []  # articles not analysed yet
        self.writer = self._new_writer()

    def _new_writer(self) -> SegmentWriter:
        # the parent holds the lock
        return Writer(self.ix, _lk=False, limitmb=self.limitmb, poolmb=2 * self.limitmb)

    def add_article(self, article) -> None:
        """Add the article's documents (with the next ones: they are analysed in batches of ``BATCH``)."""
        self.pending.append(article)
        if len(self.pending) >= BATCH:
            self._add_pending()

    def _add_pending(self) -> None:
        """Add the pending articles; when the pool passes its limit after an article, start a new segment
        and analyse the rest again for it (term ids are a segment's own)."""
        pending, self.pending = self.pending, []
        while pending:
            batch = _analysed_documents(self.writer, pending, self.speaker_key)
            for k, docs in enumerate(batch):
                for fields, poses in docs:
                    self.writer.add_fields(fields, poses)
                if self.writer.pool.currentsize > self.limit:
                    self.segments.append(self.writer._finalize_segment())
                    self.writer = self._new_writer()
                    pending = pending[k + 1:]
                    break
            else:
                pending = []

    def finish(self) -> list:
        if self.pending:
            self._add_pending()
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
