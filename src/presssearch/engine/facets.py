"""Exact facet counts over all matches, counted in bulk with numpy.

Per document the index keeps a few sortable columns (kind, source, author, date key, speakers).
A FacetTable turns them into integer ordinals once per opened generation (cached to a file beside
it), so counting a facet over N matches is one ``numpy.bincount``, not a Python loop per document.

A commit does not read every document's columns again: each segment keeps its own small table
(``SegmentFacets``, a file beside the segment written with it; segments are immutable), and the
generation's table is assembled from its segments' tables with numpy (``assemble``), equal to
``FacetTable.build`` of the whole index, deleted documents included (searching masks those).
"""
from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Callable, NamedTuple

import numpy as np
from whoosh.columns import VarBytesColumn

from .arrays import unique

FACETS = ("source", "author", "date", "speaker", "kind")
DATE_GRANULARITY = {"year": 4, "month": 7, "day": 10}
CACHE = "facets.npz"
SEGMENT_EXT = ".fct"  # a segment's own table: MAIN_<segid>.fct (whoosh removes it with its segment)
# facet → the column it is counted from (single-valued); speakers are the multi-valued "speakers" column
SINGLE_FIELDS = {"kind": "kind", "source": "source", "author": "author", "date": "date_key", "utc": "utc"}
SPEAKERS_FIELD = "speakers"


class Column:
    """A single-valued facet: ordinal per document, and the distinct values."""

    def __init__(self, ords: np.ndarray, values: list[str]):
        self.ords = ords
        self.values = values

    @classmethod
    def from_values(cls, raw: list[str]) -> "Column":
        values = sorted(set(raw))
        index = {v: i for i, v in enumerate(values)}
        return cls(np.fromiter((index[v] for v in raw), dtype=np.int32, count=len(raw)), values)


class MultiColumn:
    """A multi-valued facet (speakers): CSR arrays indptr/indices over the distinct values."""

    def __init__(self, indptr: np.ndarray, indices: np.ndarray, values: list[str]):
        self.indptr = indptr
        self.indices = indices
        self.values = values

    @classmethod
    def from_joined(cls, raw: list[str], sep: str = "\n") -> "MultiColumn":
        index: dict[str, int] = {}
        indptr = [0]
        indices: list[int] = []
        for r in raw:
            if r:
                for v in r.split(sep):
                    indices.append(index.setdefault(v, len(index)))
            indptr.append(len(indices))
        values = [""] * len(index)
        for v, i in index.items():
            values[i] = v
        return cls(np.asarray(indptr, dtype=np.int64), np.asarray(indices, dtype=np.int32), values)


class FacetTable:
    def __init__(self, columns: dict[str, Column], speakers: MultiColumn):
        self.ndocs = len(columns["kind"].ords)
        self.columns = {name: _padded(col, self.ndocs) for name, col in columns.items()}
        self.speakers = speakers
        # Date columns at each granularity derived once from the day column.
        day = columns["date"]
        self._dates = {g: self._coarsen(day, n) for g, n in DATE_GRANULARITY.items()}
        # Rank of each document by its UTC ordering key, for date sorting.
        self.date_rank = columns["utc"].ords

    @staticmethod
    def _coarsen(day: Column, n: int) -> Column:
        coarse = [v[:n] for v in day.values]
        values = sorted(set(coarse))
        index = {v: i for i, v in enumerate(values)}
        mapping = np.asarray([index[v] for v in coarse] or [0], dtype=np.int32)
        return Column(mapping[day.ords] if len(day.ords) else day.ords, values)

    # --- building -------------------------------------------------------------------------
    @classmethod
    def build(cls, reader) -> "FacetTable":
        def column(field: str) -> list[str]:
            """One value per document, segment by segment: whoosh's multi-segment column reader skips
            segments that lack the column, which would shift every later row."""
            values: list[str] = []
            for leaf, _offset in reader.leaf_readers():
                m = leaf.doc_count_all()
                if m and leaf.has_column(field):
                    part = [v if isinstance(v, str) else v.decode("utf-8") for v in leaf.column_reader(field)]
                    values.extend(part[:m] + [""] * (m - len(part)))
                else:
                    values.extend([""] * m)
            return values

        columns = {
            "kind": Column.from_values(column("kind")),
            "source": Column.from_values(column("source")),
            "author": Column.from_values(column("author")),
            "date": Column.from_values(column("date_key")),
            "utc": Column.from_values(column("utc")),
        }
        return cls(columns, MultiColumn.from_joined(column("speakers")))

    def save(self, path: Path, body_key: Callable[[str], str] | None = None) -> None:
        """Write the table to ``path``; ``body_key`` (a body's name → its key, "" for a person's) groups a body's
        names in the speaker facet (``speaker_groups``)."""
        arrays = {}
        for name, col in self.columns.items():
            arrays[f"{name}.ords"] = col.ords
            arrays[f"{name}.values"] = np.asarray(col.values, dtype=object)
        arrays["speaker.indptr"] = self.speakers.indptr
        arrays["speaker.indices"] = self.speakers.indices
        arrays["speaker.values"] = np.asarray(self.speakers.values, dtype=object)
        arrays["speaker.rank"] = _rank(self.speakers)  # sorting ~15k names costs a first count ~6 ms
        people = speaker_groups(self.speakers, body_key, fresh=True)  # (~0.2 s for ~15k names, at commit)
        arrays["speaker.group"] = people.group
        arrays["speaker.shown_at"] = people.shown_at
        arrays["speaker.shown_rank"] = people.rank
        with open(path, "wb") as f:
            np.savez(f, **arrays)

    @classmethod
    def load(cls, path: Path) -> "FacetTable":
        with np.load(path, allow_pickle=True) as z:
            columns = {
                name: Column(z[f"{name}.ords"], list(z[f"{name}.values"]))
                for name in ("kind", "source", "author", "date", "utc")
            }
            speakers = MultiColumn(z["speaker.indptr"], z["speaker.indices"], list(z["speaker.values"]))
            if "speaker.rank" in z:  # (absent in tables saved by earlier versions: then sorted when first needed)
                speakers._rank = z["speaker.rank"]
            if "speaker.group" in z:  # (absent in tables saved by earlier versions: then grouped when first needed,
                # people only, not a body's names: ``presssearch index --rebuild`` saves the full grouping)
                at = z["speaker.shown_at"]
                speakers._groups = SpeakerGroups.of(z["speaker.group"], [speakers.values[i] for i in at.tolist()],
                                                    z["speaker.shown_rank"], at)
        return cls(columns, speakers)

    # --- counting -------------------------------------------------------------------------
    def kind_mask(self, kind: str) -> np.ndarray:
        col = self.columns["kind"]
        if kind not in col.values:
            return np.zeros(self.ndocs, dtype=bool)
        return col.ords == col.values.index(kind)

    def docs_with_speaker(self, name: str) -> np.ndarray | None:
        """Global docnums of the documents quoting the person or body named ``name`` (as written, else in any case,
        ё or е), under any of the names the speaker facet shows as theirs (``speaker_groups``); None if no speaker
        is named so."""
        sp = self.speakers
        wanted = " ".join(name.split())
        ords = [i for i, v in enumerate(sp.values) if v == wanted]
        if not ords:
            wanted = _fold(name)
            ords = [i for i, v in enumerate(sp.values) if _fold(v) == wanted]
        if not ords:
            return None
        groups = speaker_groups(sp).group
        ords = np.nonzero(np.isin(groups, groups[ords]))[0]
        hit = np.isin(sp.indices, ords)
        owners = np.repeat(np.arange(len(sp.indptr) - 1), np.diff(sp.indptr))
        return unique(owners[hit])

    def docs_with_date(self, start: str, end: str) -> np.ndarray:
        """Global docnums of the documents whose date key ("2019-11-06", "2019-11", "2019") lies
        between ``start`` and ``end`` as text (inclusive); undated documents never."""
        col = self.columns["date"]
        ords = [i for i, v in enumerate(col.values) if v and start <= v <= end]
        return np.nonzero(np.isin(col.ords, ords))[0]

    def count(self, name: str, docs: np.ndarray, *, date_by: str = "month", top: int = 0) -> list[tuple[str, int]]:
        """Counts of facet ``name`` over the documents ``docs`` (global docnums), most frequent first
        (dates in calendar order), all values unless ``top`` > 0. Documents with no value are left out."""
        docs = np.asarray(docs, dtype=np.int64)
        if name == "speaker":
            sp = self.speakers
            starts, ends = sp.indptr[docs], sp.indptr[docs + 1]
            lens = ends - starts
            if lens.sum() == 0:
                return []
            idx = np.repeat(starts - np.cumsum(lens) + lens, lens) + np.arange(lens.sum())
            people = speaker_groups(sp)
            counts = _count_groups(people.group[sp.indices[idx]], lens, people.merged)
            values, rank = people.shown, people.rank
        else:
            col = self._dates[date_by] if name == "date" else self.columns[name]
            counts = np.bincount(col.ords[docs], minlength=len(col.values))
            values, rank = col.values, _rank(col)
        nz = np.nonzero(counts)[0]
        rank = rank[nz]
        # dates in calendar order; the rest most frequent first, then by value (numpy, not a Python sort)
        nz = nz[np.argsort(rank)] if name == "date" else nz[np.lexsort((rank, -counts[nz]))]
        pairs = [(values[i], c) for i, c in zip(nz.tolist(), counts[nz].tolist()) if values[i]]
        return pairs[:top] if top and name != "date" else pairs


# --- per-segment tables, assembled at commit ------------------------------------------------------
class SegmentFacets(NamedTuple):
    """One segment's facet table: its documents' ordinals over the segment's own distinct values
    (single-valued facets: values sorted; speakers: in order of first appearance)."""
    ndocs: int
    columns: dict[str, Column]
    speakers: MultiColumn


def column_bytes(reader, ndocs: int) -> list[bytes]:
    """Every document's raw (UTF-8) value of a text column of one segment, b"" for none, read in bulk
    (whoosh's column reader reads one value per Python call). ``reader``: whoosh's raw column reader
    (not translated), or None when the segment has no such column."""
    if reader is None or not ndocs:
        return [b""] * ndocs
    if type(reader) is VarBytesColumn.Reader:
        lengths = reader._lengths
        ends = np.cumsum(np.asarray(lengths, dtype=np.int64)).tolist()
        blob = reader._dbfile.get(reader._basepos, ends[-1]) if ends else b""
        values = [blob[e - n:e] for e, n in zip(ends, lengths)]
    else:
        values = list(reader)
    values = values[:ndocs]
    return values + [b""] * (ndocs - len(values))


def segment_facets(read, ndocs: int) -> SegmentFacets | None:
    """A segment's table from ``read(field)`` (``column_bytes`` of each of its documents); None when a
    value cannot be kept in a numpy text array (ends with NUL)."""
    columns = {}
    for name, field in SINGLE_FIELDS.items():
        col = Column.from_values(read(field))  # UTF-8 bytes sort as their text does
        columns[name] = Column(col.ords, [v.decode("utf-8") for v in col.values])
    sp = MultiColumn.from_joined(read(SPEAKERS_FIELD), sep=b"\n")
    speakers = MultiColumn(sp.indptr, sp.indices, [v.decode("utf-8") for v in sp.values])
    if any(v.endswith("\x00") for col in [*columns.values(), speakers] for v in col.values):
        return None
    return SegmentFacets(ndocs, columns, speakers)


def _text_array(values) -> np.ndarray:
    return np.asarray(values, dtype=str) if len(values) else np.zeros(0, dtype="<U1")


def save_segment(f, table: SegmentFacets) -> None:
    """Write a segment's table to the open binary file ``f`` (numpy arrays only, no pickles)."""
    arrays = {"ndocs": np.asarray(table.ndocs, dtype=np.int64)}
    for name, col in table.columns.items():
        arrays[f"{name}.ords"] = col.ords
        arrays[f"{name}.values"] = _text_array(col.values)
    arrays["speaker.indptr"] = table.speakers.indptr
    arrays["speaker.indices"] = table.speakers.indices
    arrays["speaker.values"] = _text_array(table.speakers.values)
    np.savez(f, **arrays)


def load_segment(path: Path, ndocs: int) -> SegmentFacets | None:
    """A segment's saved table (values as numpy text arrays), or None if absent, unreadable or not of
    ``ndocs`` documents."""
    try:
        # (the file opened here: np.load leaves its own handle open when the zip is corrupt)
        with open(path, "rb") as f, np.load(f, allow_pickle=False) as z:
            if int(z["ndocs"]) != ndocs:
                return None
            columns = {name: Column(z[f"{name}.ords"], z[f"{name}.values"]) for name in SINGLE_FIELDS}
            speakers = MultiColumn(z["speaker.indptr"], z["speaker.indices"], z["speaker.values"])
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):  # empty, truncated, corrupt: rebuilt
        return None
    return SegmentFacets(ndocs, columns, speakers)


def _assemble_single(parts: list[Column]) -> Column:
    """``Column.from_values`` of the segments' documents one after another: sorted union of their
    values, each segment's ordinals mapped onto it."""
    values = [_text_array(p.values) for p in parts]
    if not values:
        return Column(np.zeros(0, dtype=np.int32), [])
    union, inverse = np.unique(np.concatenate(values), return_inverse=True)
    ords, start = [], 0
    for part, v in zip(parts, values):
        ords.append(inverse[start:start + len(v)][part.ords])
        start += len(v)
    return Column(np.concatenate(ords).astype(np.int32), union.tolist())


def _assemble_multi(parts: list[MultiColumn]) -> MultiColumn:
    """``MultiColumn.from_joined`` of the segments' documents one after another: values in order of
    first appearance (a segment's new values in its own order), each segment's indices mapped."""
    if not parts:
        return MultiColumn(np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32), [])
    values = [_text_array(p.values) for p in parts]
    union, first, inverse = np.unique(np.concatenate(values), return_index=True, return_inverse=True)
    order = np.argsort(first, kind="stable")
    rank = np.empty(len(union), dtype=np.int64)
    rank[order] = np.arange(len(union))
    ids = rank[inverse]
    indptr, indices, start, base = [np.zeros(1, dtype=np.int64)], [], 0, 0
    for part, v in zip(parts, values):
        indices.append(ids[start:start + len(v)][part.indices])
        indptr.append(np.asarray(part.indptr[1:], dtype=np.int64) + base)
        start += len(v)
        base += len(part.indices)
    return MultiColumn(np.concatenate(indptr), np.concatenate(indices).astype(np.int32), union[order].tolist())


def assemble(parts: list[SegmentFacets]) -> FacetTable:
    """The table of an index whose segments (in the index's order) have the tables ``parts``: equal to
    ``FacetTable.build`` of it."""
    columns = {name: _assemble_single([p.columns[name] for p in parts]) for name in SINGLE_FIELDS}
    return FacetTable(columns, _assemble_multi([p.speakers for p in parts]))


def _padded(col: Column, n: int) -> Column:
    """``col`` with one ordinal per document: a column no document had (older caches) is all ""."""
    if len(col.ords) == n:
        return col
    values = col.values if "" in col.values else [""] + list(col.values)
    shift = 0 if "" in col.values else 1
    ords = np.full(n, values.index(""), dtype=np.int32)
    ords[: len(col.ords)] = col.ords[:n] + shift
    return Column(ords, values)


def _rank(col) -> np.ndarray:
    """Each value's place in sorted order, computed once per column (Column or MultiColumn)."""
    rank = getattr(col, "_rank", None)
    if rank is None:
        order = sorted(range(len(col.values)), key=col.values.__getitem__)
        rank = np.empty(len(col.values), dtype=np.int64)
        rank[order] = np.arange(len(col.values))
        col._rank = rank
    return rank


def _fold(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


class SpeakerGroups(NamedTuple):
    """The speaker facet's values grouped by person: ``group[value ordinal]`` is its group, ``shown[group]`` the
    name the group is shown by (the value at ``shown_at[group]``), ``rank[group]`` that name's place in sorted
    order."""
    group: np.ndarray
    shown: list[str]
    rank: np.ndarray
    shown_at: np.ndarray
    merged: np.ndarray  # per group: True when it holds more than one name

    @classmethod
    def of(cls, group: np.ndarray, shown: list[str], rank: np.ndarray, shown_at: np.ndarray) -> "SpeakerGroups":
        return cls(group, shown, rank, shown_at, np.bincount(group, minlength=len(shown)) > 1)


_NAME_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*\Z")
_INITIAL = re.compile(r"[А-ЯЁ]\.\Z")


def speaker_groups(sp: MultiColumn, body_key: Callable[[str], str] | None = None, *,
                   fresh: bool = False) -> SpeakerGroups:
    """One group per person across articles: names written alike but for case, ё/е and spacing ("Пётр
    Порошенко", "Петр Порошенко"), and a name with one more word in the middle (a patronymic, a middle name or
    initial: "Дмитрий Анатольевич Медведев", "Родриго Роа Дутерте") with that name without it, when the index
    has that name without it and only one such middle word for it (two patronymics are two people: "Леонид
    Эдуардович Слуцкий", "Леонид Викторович Слуцкий"). With ``body_key`` (a body's name → its key, "" for a
    person's), one group per body too ("МИД России", "МИД РФ", "Министерство иностранных дел России": "мид
    россии"). A group is shown by its name in the most documents.
    Computed once per table and saved with it (``fresh``: computed again, as saving does, whatever was
    cached)."""
    cached = getattr(sp, "_groups", None)
    if cached is not None and not fresh:
        return cached
    values = list(sp.values)
    keys = [_fold(v) for v in values]
    if body_key is not None:
        for i, v in enumerate(values):
            body = body_key(v)
            if body:
                keys[i] = "\x00" + body  # (no person's folded name starts so)
    people = [not k.startswith("\x00") for k in keys]
    shorts = {k for v, k, p in zip(values, keys, people) if p and _person_name(v, 2)}
    middles: dict[str, set[str]] = defaultdict(set)
    for v, k, p in zip(values, keys, people):
        if p and _person_name(v, 3):
            first, middle, last = k.split(" ")
            if f"{first} {last}" in shorts:
                middles[f"{first} {last}"].add(middle)
    for i, (v, k, p) in enumerate(zip(values, keys, people)):
        if p and _person_name(v, 3):
            first, _, last = k.split(" ")
            if len(middles.get(f"{first} {last}", ())) == 1:
                keys[i] = f"{first} {last}"
    ids: dict[str, int] = {}
    group = np.fromiter((ids.setdefault(k, len(ids)) for k in keys), dtype=np.int32, count=len(keys))
    docs = np.bincount(np.asarray(sp.indices, dtype=np.int64), minlength=len(values)) if len(values) else []
    best: dict[int, int] = {}
    for i, g in enumerate(group.tolist()):  # the name in the most documents, else the first in sorted order
        j = best.get(g)
        if j is None or (docs[i], values[j]) > (docs[j], values[i]):
            best[g] = i
    shown_at = np.asarray([best[g] for g in range(len(ids))], dtype=np.int64)
    shown = [values[i] for i in shown_at.tolist()]
    order = sorted(range(len(shown)), key=shown.__getitem__)
    rank = np.empty(len(shown), dtype=np.int64)
    rank[order] = np.arange(len(shown))
    sp._groups = SpeakerGroups.of(group, shown, rank, shown_at)
    return sp._groups


def _person_name(name: str, words: int) -> bool:
    """``name`` is ``words`` capitalised Cyrillic words (the middle one may be an initial: "Джон С. Маккейн")."""
    parts = name.split()
    return len(parts) == words and all(_NAME_WORD.match(p) or 0 < i < words - 1 and _INITIAL.match(p)
                                       for i, p in enumerate(parts))


def _count_groups(groups: np.ndarray, lens: np.ndarray, merged: np.ndarray) -> np.ndarray:
    """Documents per group, given each document's speakers' groups (``groups``, ``lens`` per document; ``merged``:
    the groups of several names): a document naming one person two ways counts once."""
    n = len(merged)
    counts = np.bincount(groups, minlength=n)
    many = np.repeat(lens > 1, lens) & merged[groups]
    if many.any():
        owner = np.repeat(np.arange(len(lens)), lens)[many]
        pairs = owner.astype(np.int64) * n + groups[many]
        uniq, seen = np.unique(pairs, return_counts=True)
        twice = seen > 1
        np.subtract.at(counts, uniq[twice] % n, seen[twice] - 1)
    return counts
