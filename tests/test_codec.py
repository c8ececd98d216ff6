"""engine.codec: what is written is read back the same, through every way whoosh and presssearch read it."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import fields
from whoosh import index as whoosh_index

from presssearch.engine.analyzer import OnePassText
from presssearch.engine.codec import BLOCK, BlockMatcher, CompactPositions, block_arrays
from presssearch.engine.writer import Writer


class GivenPositions(OnePassText):
    """A positional field whose value already is {term: positions}: postings exactly as given."""

    positions = staticmethod(lambda value: value)

    def __init__(self):
        super().__init__()


def _schema() -> fields.Schema:
    return fields.Schema(key=fields.ID(stored=True, unique=True), tag=fields.KEYWORD(commas=True),
                         body=GivenPositions())


Docs = list  # [(key, tags, {term: positions})]


def _build(folder: Path, batches: list[Docs], merge: bool = False):
    """An index of ``batches`` (one segment each; ``merge``: then merged into one)."""
    ix = whoosh_index.create_in(str(folder), _schema())
    for docs in batches:
        w = Writer(ix, limitmb=64)
        for key, tags, body in docs:
            w.add_document(key=key, tag=",".join(tags) or None, body=body)
        w.commit(merge=False)
    if merge:
        Writer(ix, limitmb=64).commit(optimize=True)
    return ix


def _expected(batches: list[Docs], deleted: set[str] = frozenset()) -> dict:
    """term → {key: positions} over the live documents."""
    out: dict = {}
    for docs in batches:
        for key, tags, body in docs:
            if key in deleted:
                continue
            for term, p in body.items():
                out.setdefault(("body", term), {})[key] = list(p)
            for t in tags:
                out.setdefault(("tag", t), {})[key] = None
    return out


def _read_all(ix) -> dict:
    """term → {key: positions}, read with whoosh's matcher methods (deletions applied by whoosh)."""
    out: dict = {}
    with ix.reader() as r:
        keys = {d: f["key"] for d, f in r.iter_docs()}
        for field, tb in r.all_terms():
            if field not in ("body", "tag"):
                continue
            m = r.postings(field, tb)
            got = {}
            while m.is_active():
                d = m.id()
                if field == "body":
                    positions = m.value_as("positions")
                    assert m.weight() == len(positions)
                    got[keys[d]] = positions
                else:
                    assert m.weight() == 1.0
                    got[keys[d]] = None
                m.next()
            if got:
                out[(field, tb.decode("utf-8"))] = got
    return out


def _blocks_agree(ix) -> None:
    """The block API, ``block_arrays`` and the term statistics agree with the matcher methods."""
    for seg in ix.reader().leaf_readers():
        r = seg[0]
        for field, tb in r.all_terms():
            if field not in ("body", "tag"):
                continue
            fmt = r.schema[field].format
            m = r._terms.matcher(field, tb, fmt)
            assert isinstance(m, BlockMatcher)
            ids, weights, values = [], [], []
            while m.is_active():
                m._read_ids()
                m._read_weights()
                m._read_values()
                a_ids, a_w = block_arrays(m)
                assert list(m._ids) == a_ids.tolist() == sorted(m._ids)
                assert list(m._weights) == a_w.tolist()
                assert len(m._ids) == m._blocklength <= BLOCK
                ids += m._ids
                weights += m._weights
                values += m._values
                m._next_block()
                if m._atend:
                    break
            ti = r.term_info(field, tb)
            assert ti.doc_frequency() == len(ids) == r.doc_frequency(field, tb)
            assert ti.weight() == pytest.approx(sum(weights)) == pytest.approx(r.frequency(field, tb))
            assert (ti.min_id(), ti.max_id()) == (ids[0], ids[-1])
            assert ti.max_weight() == max(weights)
            if field == "body":
                assert [len(fmt.decode_positions(v)) for v in values] == weights


def _check(tmp_path: Path, batches: list[Docs], merge: bool = False) -> None:
    ix = _build(tmp_path, batches, merge)
    assert _read_all(ix) == _expected(batches)
    _blocks_agree(ix)


def test_one_posting(tmp_path):
    _check(tmp_path, [[("a", ["x"], {"слово": [0]})]])


def test_many_blocks_gaps_and_huge_frequencies(tmp_path):
    docs = []
    for n in range(3 * BLOCK + 5):
        body = {"всюду": [n % 7, 1000 + n]}
        if n % 5 == 0:  # docnum gaps
            body["иногда"] = [3]
        if n == 17:
            body["часто"] = list(range(0, 300_000, 3))  # huge tf, positions past 65535
        if n in (2, 250):
            body["далеко"] = [5, 70_000, 5_000_000]  # gaps of every width in one posting
        docs.append((f"d{n}", ["все", f"t{n % 3}"], body))
    _check(tmp_path, [docs])


def test_several_segments_merged(tmp_path):
    """Merging reads the blocks back through whoosh and writes them again (the one-posting path)."""
    a = [(f"a{n}", ["x"], {"общее": [n, n + 1], f"а{n}": [0]}) for n in range(200)]
    b = [(f"b{n}", ["y"], {"общее": [2], "редкое": [1, 2, 3]}) for n in range(150)]
    _check(tmp_path, [a, b], merge=True)


def test_deleted_documents_are_not_found(tmp_path):
    docs = [(f"d{n}", ["x"], {"всюду": [n], "мало": [1]} if n % 2 else {"всюду": [n]}) for n in range(300)]
    ix = _build(tmp_path, [docs])
    gone = {"d1", "d2", "d299"}
    w = ix.writer()
    for key in gone:
        w.delete_by_term("key", key)
    w.commit(merge=False)
    assert _read_all(ix) == _expected([docs], deleted=gone)


def test_skip_to_and_all_ids(tmp_path):
    docs = [(f"d{n}", [], {"всюду": [1], "кратно": [2]} if n % 3 == 0 else {"всюду": [1]}) for n in range(1000)]
    ix = _build(tmp_path, [docs])
    with ix.reader() as r:
        m = r.postings("body", "кратно".encode())
        assert list(m.all_ids()) == list(range(0, 1000, 3))
        m = r.postings("body", "кратно".encode())
        m.skip_to(500)
        assert m.id() == 501
        m.skip_to(998)
        assert m.id() == 999
        m.next()
        assert not m.is_active()


positions = st.lists(st.integers(0, 200_000), min_size=1, max_size=6, unique=True).map(sorted)
bodies = st.dictionaries(st.sampled_from(["а", "бб", "вв", "где", "ёж", "z", "ж" * 30]), positions, max_size=5)
documents = st.lists(st.tuples(st.lists(st.sampled_from(["p", "q", "r"]), unique=True), bodies), max_size=40)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(documents, min_size=1, max_size=3), merge=st.booleans())
def test_whatever_is_indexed_is_found_with_its_positions(tmp_path_factory, batches, merge):
    folder = tmp_path_factory.mktemp("ix")
    keyed = [[(f"k{b}_{n}", tags, body) for n, (tags, body) in enumerate(docs)] for b, docs in enumerate(batches)]
    _check(folder, keyed, merge)


@given(st.lists(st.integers(0, 2**32 - 1), max_size=50, unique=True).map(sorted))
def test_position_values_round_trip(poslist):
    fmt = CompactPositions()
    value = fmt.encode(poslist)
    assert fmt.decode_positions(value) == poslist
    assert fmt.decode_frequency(value) == len(poslist)


def test_block_arrays_dtype(tmp_path):
    ix = _build(tmp_path, [[(f"d{n}", [], {"всюду": [n, n + 1]}) for n in range(10)]])
    with ix.reader() as r:
        m = r._terms.matcher("body", "всюду".encode(), r.schema["body"].format)
        ids, w = block_arrays(m)
        assert ids.dtype == np.int64 and w.dtype == np.float64
        assert ids.tolist() == list(range(10)) and w.tolist() == [2.0] * 10


def test_terms_file_lookups_cursor_and_prefixes(tmp_path):
    from whoosh.reading import TermNotFound

    words = sorted({f"{a}{b}{n}" for a in "абвгд" for b in "еж" for n in range(20)})  # many runs of the index
    docs = [(f"d{n}", [], {w: [n] for w in words[n::7]}) for n in range(7)]
    ix = _build(tmp_path, [docs])
    with ix.reader() as r:
        body = [tb.decode() for f, tb in r.all_terms() if f == "body"]
        assert body == words
        assert ("body", words[0].encode()) in r and ("body", words[-1].encode()) in r
        for absent in ("", "а", "бе100", "яя", words[5] + "x"):
            assert ("body", absent.encode()) not in r
            assert r.doc_frequency("body", absent) == 0
            with pytest.raises(TermNotFound):
                r.term_info("body", absent)
        assert [t.decode() for t in r.expand_prefix("body", "ве1")] == [w for w in words if w.startswith("ве1")]
        assert [t.decode() for t in r.lexicon("body")] == words
        cur = r.cursor("body")
        assert cur.text() == words[0]
        assert cur.find("бж") == "бж0" and cur.term_info().doc_frequency() == 1
        assert cur.next() == "бж1"
        assert cur.find("яя") is None and not cur.is_valid()


def test_writer_takes_postings_analysed_beforehand(tmp_path):
    """``Writer.add_document`` indexes the ``_positions`` it is given (the indexer's one-pass analysis,
    dicts or ``wordids.Grouped`` arrays) instead of analysing the value again."""
    from presssearch.engine.wordids import WordTerms

    ix = whoosh_index.create_in(str(tmp_path), _schema())
    w = Writer(ix, limitmb=64)
    w.add_document(key="a", body={"слово": [0]}, _positions={"body": {"данное": [3, 5]}})
    (grouped,), _ = WordTerms(w.pool.termids).positions(["Путин сказал"])
    w.add_document(key="b", body={"слово": [0]}, _positions={"body": grouped})
    w.commit()
    got = _read_all(ix)
    assert got[("body", "данное")] == {"a": [3, 5]}
    assert got[("body", "сказа")] == {"b": [1]}
    assert ("body", "слово") not in got


def _zlib_fixture_docs() -> Docs:
    """The documents of the index in tests/fixtures/zlib_blocks."""
    return [(f"d{n}", ["тег"] if n % 3 == 0 else [], {"часто": list(range(0, 6 * (n + 40), 3)), "слово": [n]})
            for n in range(300)]


def test_blocks_zlibd_by_earlier_versions_are_still_read(tmp_path):
    """Earlier versions zlib'd posting blocks of 128+ bytes (flag 0x80); indexes they wrote stay readable.
    The fixture is ``_build`` of ``_zlib_fixture_docs()`` by such a version."""
    import shutil

    folder = tmp_path / "ix"
    shutil.copytree(Path(__file__).parent / "fixtures" / "zlib_blocks", folder)
    ix = whoosh_index.open_dir(str(folder))
    assert _read_all(ix) == _expected([_zlib_fixture_docs()])
    _blocks_agree(ix)
    with ix.reader() as r:
        m = r._terms.matcher("body", "часто".encode(), r.schema["body"].format)
        assert m._codes & 0x80  # the fixture does hold zlib'd blocks


def test_blocks_are_written_raw(tmp_path):
    ix = _build(tmp_path, [_zlib_fixture_docs()])
    with ix.reader() as r:
        m = r._terms.matcher("body", "часто".encode(), r.schema["body"].format)
        while m.is_active():
            assert not m._codes & 0x80
            m._next_block()
            if m._atend:
                break


def _mixed_widths_docs() -> list:
    """Documents whose one term "смесь" has blocks of every kind: id gaps of one and two bytes, blocks whose
    frequencies are all 1 (no weight bytes) beside blocks with frequencies, positions of one, two and four
    bytes; and a term "ровно" with the same widths in every block."""
    docs = [(f"d{n}", [], {"ровно": [2, 9], "смесь": [1, 2]}) for n in range(50)]  # (blocks straddle the runs)
    n = len(docs)
    for block in range(8):
        for i in range(2 * BLOCK if block in (1, 5) else BLOCK):  # (runs of frequencies 1 fill whole blocks)
            body = {"ровно": [1 + i % 3, 9]}
            if block in (1, 5):
                body["смесь"] = [i % 200]  # every frequency 1 (no weight bytes), positions one byte
            elif block % 2 == 0 or i % 2 == 0:  # blocks 3 and 7: every other document
                body["смесь"] = [7, 70_000 + i] if block == 3 else [300, 600 + i]  # four bytes, two bytes
            docs.append((f"d{n}", [], body))
            n += 1
        if block % 2:  # then a gap past 255 (ids of two bytes)
            docs.extend((f"d{n + k}", [], {"ровно": [4, 9]}) for k in range(300))
            n += 300
    return docs


def test_whole_term_arrays_of_mixed_and_uniform_widths(tmp_path):
    """``term_arrays`` (its one-width shortcuts and its general way) reads what the blocks give one by one:
    docnums, weights, positions (as int64 codes and packed), and only the wanted documents' blocks."""
    from presssearch.engine.codec import block_positions, term_arrays
    from presssearch.engine.postings import PackedPositions, PositionTable, _blocks, _wanted_positions

    ix = _build(tmp_path, [_mixed_widths_docs()])
    with ix.reader() as r:
        fmt = r.schema["body"].format
        for word in ("смесь", "ровно"):
            tb = word.encode()
            ids, weights, tables = [], [], []
            for b in _blocks(r._terms.matcher("body", tb, fmt)):
                i, w = block_arrays(b)
                ids.append(i)
                weights.append(w)
                tables.append(block_positions(b))
            ids, weights, plain = np.concatenate(ids), np.concatenate(weights), PositionTable.join(tables)
            assert len(tables) > 4
            got_ids, got_w, none = term_arrays(r._terms.matcher("body", tb, fmt))
            assert none is None and np.array_equal(got_ids, ids) and np.array_equal(got_w, weights)
            i2, w2, (offsets, codes) = term_arrays(r._terms.matcher("body", tb, fmt), positions=True)
            i3, w3, packed = term_arrays(r._terms.matcher("body", tb, fmt), positions=True, packed=True)
            assert np.array_equal(i2, ids) and np.array_equal(i3, ids)
            assert np.array_equal(w2, weights) and np.array_equal(w3, weights)
            every = np.arange(len(ids), dtype=np.int64)
            want = plain.keys(every, ids)
            assert np.array_equal(PositionTable(offsets, codes, coded=True).keys(every, ids), want)
            assert np.array_equal(PackedPositions(*packed).keys(every, ids), want)
            wanted = ids[::37]
            expect = {d: plain.positions(k) for k, d in enumerate(ids.tolist()) if d in set(wanted.tolist())}
            assert _wanted_positions(r._terms.matcher("body", tb, fmt), wanted) == expect



def test_stored_fields_read_a_document_at_a_time(tmp_path):
    """``StoredFields`` reads a segment's stored fields a document at a time, as whoosh's column reader gives
    them, in segments with and without an offsets array."""
    from whoosh import columns
    from whoosh.filedb.filestore import FileStorage

    from presssearch.engine.codec import StoredFields

    big = [(f"d{n}", ["x"] if n % 3 else [], {"слово": [n % 50]}) for n in range(300)]
    (tmp_path / "ix").mkdir()
    ix = _build(tmp_path / "ix", [big, big[:10]])
    with ix.reader() as r:
        for leaf, _ in r.leaf_readers():
            column = StoredFields.of(leaf)
            n = leaf.doc_count_all()
            assert [column[d] for d in range(n)] == [leaf.stored_fields(d) for d in range(n)]
            with pytest.raises(IndexError):
                column[n]
    values = [None if n % 7 == 0 else {"id": f"d{n}", "n": n, "text": "слово " * (n % 40)} for n in range(500)]
    for cutoff in (0, 10_000):  # whoosh writes the offsets past the cutoff only
        storage = FileStorage(str(tmp_path / "cols")).create()
        col = columns.PickleColumn(columns.CompressedBytesColumn())
        f = storage.create_file(f"col{cutoff}")
        w = col.writer(f)
        w._child.cutoff = cutoff
        for d, v in enumerate(values):
            if v is not None:
                w.add(d, v)
        w.finish(len(values))
        f.close()
        f = storage.open_file(f"col{cutoff}")
        length = storage.file_length(f"col{cutoff}")
        stored = StoredFields(f, 0, length, len(values))
        assert (stored._offsets is None) == (cutoff == 0)
        assert [stored[d] for d in range(len(values))] == [v or {} for v in values]
        assert [stored[d] for d in range(len(values))] == \
            [col.reader(f, 0, length, len(values))[d] or {} for d in range(len(values))]
        f.close()
