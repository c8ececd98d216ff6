"""engine.columns: the bulk encoder writes exactly the bytes of the reference encoder (``FieldWriter.add_term``,
one term at a time), whatever the postings, the order documents came in, or the chunking."""
from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.filedb.filestore import FileStorage

from presssearch.engine.analyzer import OnePassText
from presssearch.engine.codec import BLOCK, Codec
from presssearch.engine.columns import PositionColumns, sorted_positions, write_columns


def _files(folder: Path, write) -> dict[str, bytes]:
    """The terms and postings files a field writer leaves after ``write(fieldwriter)``."""
    folder.mkdir()
    storage = FileStorage(str(folder))
    codec = Codec()
    segment = codec.new_segment(storage, "T")
    fw = codec.field_writer(storage, segment)
    fw.start_field("body", OnePassText())
    write(fw)
    fw.finish_field()
    fw.close()
    return {p.suffix: p.read_bytes() for p in folder.iterdir()}


def _reference(postings: dict[str, dict[int, list[int]]], lengths: list[int]):
    def write(fw):
        for term in sorted(postings):
            docs = sorted(postings[term])
            fw.add_term(term.encode("utf-8"), docs, [postings[term][d] for d in docs], [lengths[d] for d in docs])
    return write


def _columns(docs: list[tuple[int, dict[str, list[int]]]]) -> PositionColumns:
    cols = PositionColumns()
    for docnum, poses in docs:
        cols.add(docnum, poses)
    return cols


def _by_term(docs) -> dict[str, dict[int, list[int]]]:
    out: dict = {}
    for docnum, poses in docs:
        for term, p in poses.items():
            out.setdefault(term, {})[docnum] = p
    return out


def _assert_same(tmp_path: Path, docs, lengths, chunk: int) -> None:
    expected = _files(tmp_path / "ref", _reference(_by_term(docs), lengths))
    got = _files(tmp_path / "cols", lambda fw: write_columns(fw, _columns(docs), lengths, chunk_positions=chunk))
    assert got == expected


positions = st.lists(st.integers(0, 70_000), min_size=1, max_size=12, unique=True).map(sorted)
documents = st.lists(st.dictionaries(st.sampled_from(["мир", "мира", "путин", "ёж", "a", "z", "вице-мэр"]),
                                     positions, min_size=1, max_size=5), min_size=1, max_size=20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents, st.booleans(), st.integers(1, 50), st.randoms(use_true_random=False))
def test_same_bytes_as_the_reference_encoder(tmp_path_factory, docs, shuffled, chunk, rnd):
    numbered = list(enumerate(docs))
    if shuffled:  # merged segments add postings out of docnum order
        rnd.shuffle(numbered)
    lengths = [rnd.randrange(256) for _ in docs]
    _assert_same(tmp_path_factory.mktemp("c"), numbered, lengths, chunk)


def test_many_blocks_compression_and_wide_values(tmp_path):
    rnd = random.Random(7)
    docs = []
    for d in range(3 * BLOCK + 5):
        poses = {"и": sorted(rnd.sample(range(5000), 40)), f"t{d % 7}": [d * 300]}
        if d % 50 == 0:
            poses["редкий"] = [70_000 + d]
        docs.append((d * 1000, poses))  # wide docnum gaps
    lengths = [rnd.randrange(256) for _ in range(docs[-1][0] + 1)]
    _assert_same(tmp_path, docs, lengths, chunk=10_000)


def test_sorted_positions_gives_postings_by_term_then_docnum():
    cols = _columns([(2, {"б": [1, 4], "а": [0]}), (0, {"б": [3]}), (1, {"а": [7, 8, 9]})])
    assert list(sorted_positions(cols)) == [
        ("а".encode(), 1, [7, 8, 9]),
        ("а".encode(), 2, [0]),
        ("б".encode(), 0, [3]),
        ("б".encode(), 2, [1, 4]),
    ]


def test_add_reports_the_field_length_and_fields_share_term_ids():
    title = PositionColumns()
    body = PositionColumns(title.ids)
    assert title.add(0, {"а": [0, 2], "б": [1]}) == 3
    assert body.add(0, {"б": [0], "в": [1]}) == 2
    assert dict(title.ids) == {"а": 0, "б": 1, "в": 2}
