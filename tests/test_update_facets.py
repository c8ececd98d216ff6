"""Incremental updates: a commit assembles the facet table from the segments' own tables, equal to
``FacetTable.build`` of the whole index, after adds, updates, deletions and merges."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.engine import current_generation
from presssearch.engine.store import META
from presssearch.engine.facets import (CACHE, SEGMENT_EXT, SINGLE_FIELDS, Column, FacetTable, MultiColumn, _rank,
                                       assemble, segment_facets, speaker_groups)
from presssearch.engine import writer
from presssearch.engine.writer import INDEX_NAME, MERGE_FACTOR, MERGE_MAX_DOCS, _storage, facet_table, merge_choice
from presssearch.archive import body_key
from presssearch.indexer import run_update


def assert_same_table(a: FacetTable, b: FacetTable) -> None:
    """Same ordinals (and dtypes), same values (as Python str), same speakers and date ranks."""
    assert a.ndocs == b.ndocs
    assert set(a.columns) == set(b.columns)
    for name in a.columns:
        ca, cb = a.columns[name], b.columns[name]
        assert ca.ords.dtype == cb.ords.dtype and np.array_equal(ca.ords, cb.ords), name
        assert list(ca.values) == list(cb.values), name
        assert all(type(v) is str for v in ca.values)
    sa, sb = a.speakers, b.speakers
    assert sa.indptr.dtype == sb.indptr.dtype and np.array_equal(sa.indptr, sb.indptr)
    assert sa.indices.dtype == sb.indices.dtype and np.array_equal(sa.indices, sb.indices)
    assert list(sa.values) == list(sb.values)
    assert np.array_equal(_rank(sa), _rank(sb))  # (a saved table keeps the speakers' sort order)
    ga, gb = speaker_groups(sa, body_key), speaker_groups(sb, body_key)  # (and its names grouped by person)
    assert np.array_equal(ga.group, gb.group) and ga.shown == gb.shown and np.array_equal(ga.rank, gb.rank)
    assert np.array_equal(a.date_rank, b.date_rank)
    for g in a._dates:
        assert np.array_equal(a._dates[g].ords, b._dates[g].ords) and a._dates[g].values == b._dates[g].values


def _open(root: Path):
    return _storage(current_generation(root)).open_index(INDEX_NAME)


def _check(root: Path) -> int:
    """The saved table and a fresh assembly both equal ``FacetTable.build``; returns the segment count."""
    ix = _open(root)
    with ix.reader() as reader:
        built = FacetTable.build(reader)
        assert built.ndocs == reader.doc_count_all()
    assert_same_table(FacetTable.load(current_generation(root) / CACHE), built)
    assert_same_table(facet_table(ix), built)
    return len(ix._segments())


def _update(root: Path, corpus: Path, procs: int = 1):
    return run_update(root, [corpus], rebuild=False, progress=None, lock_wait=5, procs=procs, min_parallel_bytes=0)



def _edit(corpus: Path, step: int) -> None:
    """Change one article's text, drop another, add a new one (a changed copy under a new id)."""
    path = corpus / f"part{step % 2}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows[0]["text"] += f"\nОбновлено ({step}): редакция уточнила подробности."
    new = dict(rows[1], id=f"{rows[1]['id']}-copy{step}", author=f"Автор {step}")
    rows = rows[:1] + rows[2:] + [new]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_table_equals_build_after_adds_updates_deletes_and_merges(tmp_path, corpus, monkeypatch):
    monkeypatch.setattr(writer, "MERGE_FACTOR", 2)  # segments of one tier merged as soon as there are two
    root = tmp_path / "ix"
    _update(root, corpus)
    counts = [_check(root)]
    for step in range(6):  # each update adds a segment; small ones of a tier get merged
        _edit(corpus, step)
        r = _update(root, corpus)
        assert r.updated >= 1 and r.removed >= 1 and r.added >= 1
        counts.append(_check(root))
    assert any(b <= a for a, b in zip(counts, counts[1:])), counts  # an update that added a segment merged some
    with _open(root).reader() as reader:
        assert reader.doc_count() < reader.doc_count_all()  # and deleted documents are still there, masked


def test_parallel_segments_and_missing_segment_tables(tmp_path, corpus):
    """Workers' segments carry their tables; a segment without one (an index written before them) gets
    one built from its columns at the next commit, and the assembled table is the same."""
    root = tmp_path / "ix"
    _update(root, corpus, procs=2)
    _check(root)
    gen = current_generation(root)
    tables = sorted(gen.glob(f"*{SEGMENT_EXT}"))
    assert len(tables) == len(_open(root)._segments())
    meta = json.loads((gen / META).read_text(encoding="utf-8"))
    for t in tables:  # as an index written before segment tables existed
        t.unlink()
        del meta["files"][t.name]
    (gen / META).write_text(json.dumps(meta), encoding="utf-8")
    _edit(corpus, 0)
    _update(root, corpus)
    _check(root)
    gen = current_generation(root)
    assert len(sorted(gen.glob(f"*{SEGMENT_EXT}"))) == len(_open(root)._segments())


def _joined(draw_list):
    return "\n".join(draw_list)


TEXT = st.sampled_from(["", "ТАСС", "РБК", "Meduza", "а", "ё", "Zürich", "2019-11-06", "2019", "日本", "Ab", "ab"])
SPEAKERS = st.lists(st.sampled_from(["Путин", "Песков", "Собянин", "Ёлкин", "Z", ""]), max_size=3).map(_joined)
DOC = st.fixed_dictionaries({**{f: TEXT for f in SINGLE_FIELDS.values()}, "speakers": SPEAKERS})


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(DOC, max_size=6), max_size=5))
def test_assemble_equals_build_of_the_documents(segments):
    """Tables of segments assembled = the table of all their documents one after another."""
    def part(docs):
        return segment_facets(lambda f: [d[f].encode("utf-8") for d in docs], len(docs))

    alldocs = [d for docs in segments for d in docs]
    columns = {name: Column.from_values([d[f] for d in alldocs]) for name, f in SINGLE_FIELDS.items()}
    expected = FacetTable(columns, MultiColumn.from_joined([d["speakers"] for d in alldocs]))
    assert_same_table(assemble([part(docs) for docs in segments]), expected)


def test_merge_choice_leaves_large_segments_alone():
    """An index of many large segments (a 1M build) is not merged by an update (whoosh's MERGE_SMALL would
    merge 27 of these 40 at once); small segments of one tier are, MERGE_FACTOR at a time."""
    big = [(114_345, 114_000), (40_483, 40_000)] * 20
    assert merge_choice(big) == []
    small = [(300, 300)] * (MERGE_FACTOR - 1)
    assert merge_choice(big + small) == []
    assert merge_choice(big + small + [(290, 280)]) == list(range(40, 40 + MERGE_FACTOR))
    many = big + [(300 + n, 300) for n in range(3 * MERGE_FACTOR)]  # one tier: its smallest, one group
    assert merge_choice(many) == list(range(40, 40 + MERGE_FACTOR))
    assert merge_choice(big + [(50_000, 0)]) == [40]  # nothing live: dropped
    assert merge_choice(big + [(MERGE_MAX_DOCS, MERGE_MAX_DOCS)] * 2 * MERGE_FACTOR) == []


def test_merging_costs_in_proportion_to_updates():
    """300 updates of two segments each (3 to 3,000 documents) onto 40 large segments: every document is
    merged a few times at most, no merge is larger than MERGE_FACTOR × MERGE_MAX_DOCS documents, and the
    segments that updates leave are not much smaller than MERGE_MAX_DOCS (or than the updates' own)."""
    for size in (3, 150, 1_500, 3_000):
        segments = [(114_345, 114_345)] * 40
        added = merged = largest = 0
        for _ in range(300):
            picked = merge_choice(segments)
            docs = sum(segments[n][1] for n in picked)
            merged, largest = merged + docs, max(largest, docs)
            segments = [s for n, s in enumerate(segments) if n not in picked] + ([(docs, docs)] if docs else [])
            segments += [(size, size)] * 2
            added += 2 * size
        assert merged <= 4 * added
        assert largest <= MERGE_FACTOR * MERGE_MAX_DOCS
        assert len(segments) < 40 + added / min(MERGE_MAX_DOCS, size) + 4 * MERGE_FACTOR, size


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 truncated", b"not a zip at all"])
def test_damaged_segment_facet_file_reads_as_missing(tmp_path, content):
    """A segment's facet file that is empty or corrupt is rebuilt at the next commit, never raised to the user."""
    from presssearch.engine.facets import load_segment

    path = tmp_path / f"MAIN_x{SEGMENT_EXT}"
    path.write_bytes(content)
    assert load_segment(path, 3) is None
