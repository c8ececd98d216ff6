"""Exact facet counts over all matches, counted in bulk with numpy.

Per document the index keeps a few sortable columns (kind, source, author, date key, speakers).
A FacetTable turns them into integer ordinals once per opened generation (cached to a file beside
it), so counting a facet over N matches is one ``numpy.bincount``, not a Python loop per document.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

FACETS = ("source", "author", "date", "speaker", "kind")
DATE_GRANULARITY = {"year": 4, "month": 7, "day": 10}
CACHE = "facets.npz"


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

    def save(self, path: Path) -> None:
        arrays = {}
        for name, col in self.columns.items():
            arrays[f"{name}.ords"] = col.ords
            arrays[f"{name}.values"] = np.asarray(col.values, dtype=object)
        arrays["speaker.indptr"] = self.speakers.indptr
        arrays["speaker.indices"] = self.speakers.indices
        arrays["speaker.values"] = np.asarray(self.speakers.values, dtype=object)
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
        return cls(columns, speakers)

    # --- counting -------------------------------------------------------------------------
    def kind_mask(self, kind: str) -> np.ndarray:
        col = self.columns["kind"]
        if kind not in col.values:
            return np.zeros(self.ndocs, dtype=bool)
        return col.ords == col.values.index(kind)

    def docs_with_speaker(self, name: str) -> np.ndarray | None:
        """Global docnums of the documents quoting the speaker shown as ``name`` (exactly as shown,
        else in any case, ё or е); None if no speaker is shown so."""
        sp = self.speakers
        wanted = " ".join(name.split())
        ords = [i for i, v in enumerate(sp.values) if v == wanted]
        if not ords:
            wanted = _fold(name)
            ords = [i for i, v in enumerate(sp.values) if _fold(v) == wanted]
        if not ords:
            return None
        hit = np.isin(sp.indices, ords)
        owners = np.repeat(np.arange(len(sp.indptr) - 1), np.diff(sp.indptr))
        return np.unique(owners[hit])

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
            counts = np.bincount(sp.indices[idx], minlength=len(sp.values))
            col = sp
        else:
            col = self._dates[date_by] if name == "date" else self.columns[name]
            counts = np.bincount(col.ords[docs], minlength=len(col.values))
        values = col.values
        nz = np.nonzero(counts)[0]
        rank = _rank(col)[nz]
        # dates in calendar order; the rest most frequent first, then by value (numpy, not a Python sort)
        nz = nz[np.argsort(rank)] if name == "date" else nz[np.lexsort((rank, -counts[nz]))]
        pairs = [(values[i], c) for i, c in zip(nz.tolist(), counts[nz].tolist()) if values[i]]
        return pairs[:top] if top and name != "date" else pairs


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
