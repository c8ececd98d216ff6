"""First-run query fast paths read the same things as before: packed position codes, positions of a few
documents through the blocks that can hold them, BM25 length norms from a table, snippet candidates letter by
letter."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import presssearch


@pytest.fixture(scope="module")
def snap(bundled_index):
    with presssearch.open_archive(bundled_index) as a:
        yield a._snap()


def _positional_terms(leaf, fields=("title", "body", "exact")):
    from presssearch.engine.codec import BlockMatcher
    from presssearch.engine.postings import leaf_matcher

    for field in fields:
        terms = [t for _, t in leaf.most_frequent_terms(field, 25)] + list(leaf.lexicon(field))[::41]
        for t in terms:
            m = leaf_matcher(leaf, field, t)
            if isinstance(m, BlockMatcher) and m._positional:
                yield field, t


def test_packed_positions_as_widened_codes(snap):
    """``PackedPositions`` (codes left one array per width) gives each posting's positions and keys as the
    table of int64 codes does, joined to another segment's table too."""
    from presssearch.engine.codec import term_arrays
    from presssearch.engine.postings import PackedPositions, PositionTable, leaf_matcher

    checked = 0
    leaves = [leaf for leaf, _o, _n in snap.stats.leaves]
    for leaf in leaves:
        for field, t in _positional_terms(leaf):
            ids, _w, (offsets, codes) = term_arrays(leaf_matcher(leaf, field, t), positions=True)
            ids2, _w2, packed = term_arrays(leaf_matcher(leaf, field, t), positions=True, packed=True)
            assert np.array_equal(ids, ids2)
            plain, table = PositionTable(offsets, codes, coded=True), PackedPositions(*packed)
            assert np.array_equal(table.flat, codes)
            some = np.arange(0, len(ids), 3, dtype=np.int64)
            assert [table.positions(i) for i in some.tolist()] == [plain.positions(i) for i in some.tolist()]
            assert np.array_equal(table.keys(some, ids[some]), plain.keys(some, ids[some]))
            both, want = table.extend_to(table), plain.extend_to(plain)
            assert both.positions(len(table)) == want.positions(len(plain))
            assert np.array_equal(both.keys(some + len(table), ids[some]), want.keys(some + len(plain), ids[some]))
            checked += 1
    assert checked > 30


def test_positions_of_a_few_documents(snap):
    """``segment_positions`` of our blocks (only the blocks that can hold the documents decoded) gives what the
    blocks give one by one; a generation's cache gives the same again."""
    from presssearch.engine.codec import block_arrays, block_positions
    from presssearch.engine.execute import PostingCache
    from presssearch.engine.postings import _blocks, leaf_matcher, segment_positions

    leaf = snap.stats.leaves[0][0]
    checked = 0
    for field, t in _positional_terms(leaf):
        want: dict[int, list[int]] = {}
        for b in _blocks(leaf_matcher(leaf, field, t)):
            ids = block_arrays(b)[0]
            offsets, flat = block_positions(b)
            for i, d in enumerate(ids.tolist()):
                want[d] = flat[offsets[i]:offsets[i + 1]].tolist()
        docs = sorted(want)
        for wanted in (docs[::7], docs[-3:], docs[:1] + [max(docs) + 1], [d + 1 for d in docs[::5]]):
            wanted = np.asarray(sorted(set(wanted)), dtype=np.int64)
            expect = {d: want[d] for d in wanted.tolist() if d in want}
            assert segment_positions(leaf, field, t, wanted) == expect
            cache = PostingCache()
            assert segment_positions(leaf, field, t, wanted, cache, 0) == expect  # cold
            assert segment_positions(leaf, field, t, wanted, cache, 0) == expect  # warm
        checked += 1
    assert checked > 10


def test_length_norms_are_the_per_document_floats(snap):
    """The BM25 length part read from a 256-entry table is the float computed per document."""
    st_ = snap.stats
    for field in ("title", "lead", "body", "exact"):
        fl = st_.lengths(field)
        per_doc = st_.K1 * ((1 - st_.B) + st_.B * fl / st_.avgfl(field))
        assert np.array_equal(st_.norms(field)[st_.length_bytes(field)], per_doc)


_TEXT = st.text(alphabet=st.sampled_from(list("абвгдеёжзэюя АБВЁЭ-–Kk\u212a\u0130i_1.,\n")), max_size=120)
_LETTERS = st.frozensets(st.sampled_from(list("абвгеёэяkiи1")), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _LETTERS)
def test_candidates_letter_by_letter_as_in_one_pass(text, letters):
    """Candidates found letter by letter (a new set of letters) are those its own patterns find."""
    from presssearch.query import highlight as h

    one_pass = h._found(text, h._candidate_res(letters))
    h._ASKED_LETTERS.pop(letters, None)  # new to the process: letter by letter
    assert h.candidates(text, letters) == one_pass
    for _ in range(h._COMBINED_AFTER):
        h.candidates(text, letters)
    assert h.candidates(text, letters) == one_pass  # asked for again and again: its own patterns
