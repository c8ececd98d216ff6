"""The vectorised executor (engine.execute) against whoosh's own matchers, the reference, on real
indexes: the same documents, the same scores (to 1e-6 relative), the same top 10 in the same order,
for hand-picked queries and for random ones drawn from the index's own words."""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import presssearch
from presssearch.errors import QueryError

from .conftest import DATA

QUERIES = [
    "Казахстан", "казахстане", "Казахстан сотрудничество", "Казахстан AND сотрудничество", "МГИМО И Казахстан",
    "Казахстан OR Мединский", "Казахстан -МГИМО", "(Мединский OR МГИМО) -Казахстан", "(Омск OR Томск) Казахстан",
    '"цифровой экономики"', '"цифровая экономика"', '"Бурков Казахстан"~3', '"Бурков Казахстан"~5',
    '"Бурков Казахстан"', "Буркова", "=Бурков", '="в Омске"', "казах*", "title:Бурков", "lead:казахстанский",
    "text:Бурков", 'title:"Мединский и партнеры"', "title:(Бурков OR Мединский)", "source:БК55 Казахстан",
    "author:Янчицкий", "speaker:Буркова", "speaker:Бурк*", 'speaker:"Александр Бурков"', "date:2019-11",
    "Казахстан date:[2019 TO *]", "Казахстан -date:2019", "", "-Москва", "и", "быть или не быть",
    '"сотрудничество с"', "Москва Собянин метро", "Москва OR Петербург OR Казань", "Собянин -Москва",
    "source:Meduza Москва", "date:[2016 TO 2017] полиция", "=Москвы", '="в Москве"', "мост OR дорога",
    '"Москва" "Собянин"', "title:Москва text:Собянин", "полиция NOT (суд OR прокуратура)", "Голунов",
    '"Ивана Голунова"', '"задержание журналиста"~4', "москв*", "МВД", "ФСБ OR МВД",
    '"Москва Собянин метро"~4', '"в Москве и"', '"Казахстан Бурков МГИМО"~6', '"и в"~2',
]


def _compile(snap, q: str, *, near: bool = False, explain_field: str | None = None):
    from presssearch.archive import speaker_key
    from presssearch.engine import Compiler
    from presssearch.searching import build_tree

    tree = build_tree(q)
    c = Compiler(snap.reader, speaker_key, facets=snap.facets, near=near, explain_field=explain_field)
    return tree, c, c.compile_query(tree)


def _reference_scores(snap, wq, docnums) -> dict[int, float]:
    from presssearch.engine.compile import scores_of

    return scores_of(snap.searcher, wq, [int(d) for d in docnums])


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def check_same(snap, wq, kind: str = "article") -> None:
    """Executor and whoosh agree on the documents, every score, and the top 10 in order."""
    ref = snap.run_reference(wq, kind=kind, limit=10)
    new = snap.run(wq, kind=kind, limit=10)
    assert new.total == ref.total
    assert np.array_equal(new.docnums, ref.docnums)
    got = snap.executor().evaluate(wq)
    mine = dict(zip(got.docs.tolist(), got.scores.tolist()))
    want = _reference_scores(snap, wq, ref.docnums)
    assert set(want) == set(ref.docnums.tolist())
    assert all(_close(mine[d], s) for d, s in want.items())
    assert [h.docnum for h in new.hits] == [h.docnum for h in ref.hits]
    assert all(_close(a.score, b.score) for a, b in zip(new.hits, ref.hits))


def check_scores_of(snap, wq, docnums) -> None:
    """Scores of chosen documents (proximity rescoring, --explain) as whoosh gives them."""
    mine = snap.scores(wq, docnums)
    want = _reference_scores(snap, wq, docnums)
    assert set(mine) == set(want)
    assert all(_close(mine[d], s) for d, s in want.items())


@pytest.fixture(scope="module")
def snap(bundled_index):
    with presssearch.open_archive(bundled_index) as a:
        yield a._snap()


@pytest.fixture(scope="module")
def updated(tmp_path_factory):
    """Two segments, the first with deleted documents: 70 articles, then 10 of them changed and 30 added."""
    from presssearch.indexer import run_update

    d = tmp_path_factory.mktemp("updated")
    recs = _meduza()
    (d / "c").mkdir()
    _write(d / "c" / "a.jsonl", recs[:70])
    run_update(d / "ix", [d / "c"], rebuild=False, progress=None, lock_wait=5, procs=1)
    for r in recs[:10]:
        r["text"] += " Добавлено позже: Москва и Казахстан."
    _write(d / "c" / "a.jsonl", recs[:70])
    _write(d / "c" / "b.jsonl", recs[70:])
    run_update(d / "ix", [d / "c"], rebuild=False, progress=None, lock_wait=5, procs=1)
    with presssearch.open_archive(d / "ix") as a:
        yield a._snap()


def _meduza() -> list[dict]:
    with gzip.open(DATA / "meduza.jsonl.gz", "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _write(path: Path, recs: list[dict]) -> None:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")


# --- hand-picked queries -----------------------------------------------------------------------------

@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("kind", ["article", "quote"])
def test_same_as_whoosh(snap, q, kind):
    check_same(snap, _compile(snap, q)[2], kind)


@pytest.mark.parametrize("q", QUERIES)
def test_same_as_whoosh_with_proximity_and_explain(snap, q):
    """The explain form (proximity included, one field weighted at a time) and the proximity rescoring."""
    check_same(snap, _compile(snap, q, near=True)[2])
    for field in ("title", "body", "exact"):
        check_same(snap, _compile(snap, q, near=True, explain_field=field)[2])
    tree, c, wq = _compile(snap, q)
    top = snap.run(wq, kind="article", limit=30).hits
    near = c.near_query(tree)
    if near is not None and top:
        check_scores_of(snap, near, [h.docnum for h in top] + [0, snap.stats.ndocs - 1])


@pytest.mark.parametrize("q", ["Москва", "Казахстан", "date:2019", "", "-Москва", "Москва OR Казахстан",
                               '"Ивана Голунова"', "Москва Казахстан", "Добавлено позже", "speaker:Путин"])
def test_deleted_documents_never_match(updated, q):
    assert updated.stats.any_deleted and len(updated.stats.leaves) == 2
    wq = _compile(updated, q, near=True)[2]
    check_same(updated, wq)
    res = updated.run(wq, kind="article", limit=0)
    assert updated.stats.live[res.docnums].all()


def test_one_shared_executor_reads_each_list_once(snap):
    """Rescoring and --explain reuse what the search read: the same results as a fresh executor."""
    tree, c, wq = _compile(snap, "Казахстан сотрудничество")
    ex = snap.executor()
    ex.prepare(c.near_query(tree))
    first = snap.run(wq, kind="article", limit=5, executor=ex)
    docs = [h.docnum for h in first.hits]
    assert snap.scores(c.near_query(tree), docs, executor=ex) == snap.scores(c.near_query(tree), docs)
    assert snap.run(wq, kind="article", limit=5, executor=ex).docnums.tolist() == first.docnums.tolist()


def test_time_limit_is_a_query_error(bundled_index):
    with presssearch.open_archive(bundled_index) as a:
        with pytest.raises(QueryError) as e:
            a.search("Москва OR Казахстан", time_limit=0)
    assert "took longer than 0 s" in str(e.value) and e.value.hint


def test_top_k_order():
    from presssearch.engine.searcher import top_k

    docs = np.array([3, 5, 7, 9, 11])
    scores = np.array([1.0, 2.0, 2.0, 0.5, 2.0])
    assert docs[top_k(docs, scores, 2)].tolist() == [5, 7]
    assert docs[top_k(docs, scores, 10)].tolist() == [5, 7, 11, 3, 9]
    assert top_k(docs, scores, 0).tolist() == []


# --- random queries from the index's own words ----------------------------------------------------------

def _texts() -> list[str]:
    return [" ".join(str(r.get(k) or "") for k in ("title", "lead", "text")) for r in _meduza()]


_WORDS_RE = re.compile(r"[А-Яа-яЁё]{3,}")


def _vocabulary() -> tuple[list[str], list[str]]:
    """Words (frequent and rare) and runs of 2-3 neighbouring words, from the bundled articles."""
    runs, counts = [], {}
    for i, text in enumerate(_texts()):
        ws = _WORDS_RE.findall(text)
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
        if i % 3 == 0:
            runs.extend(" ".join(ws[j:j + 2 + j % 2]) for j in range(0, max(0, len(ws) - 3), 97))
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    return ranked[:150] + ranked[150::40], runs


WORDS, RUNS = _vocabulary()
word = st.sampled_from(WORDS)
phrase = st.one_of(
    st.sampled_from(RUNS).map(lambda r: f'"{r}"'),
    st.tuples(st.sampled_from(RUNS), st.integers(1, 6)).map(lambda t: f'"{t[0]}"~{t[1]}'),
    st.lists(word, min_size=2, max_size=3).map(lambda ws: '"' + " ".join(ws) + '"'),
)
atom = st.one_of(
    word, word, phrase,
    word.map(lambda w: "=" + w),
    st.sampled_from(RUNS).map(lambda r: f'="{r}"'),
    st.tuples(st.sampled_from(["title:", "lead:", "text:"]), word).map("".join),
    word.map(lambda w: w[:5] + "*"),
    st.sampled_from(["date:2019", "date:[2017 TO 2018]", "source:Meduza", "speaker:Путин", "author:Голунов"]),
)
query = st.recursive(atom, lambda inner: st.one_of(
    st.lists(inner, min_size=2, max_size=3).map(" ".join),
    st.lists(inner, min_size=2, max_size=3).map(" OR ".join),
    inner.map(lambda q: f"({q})"),
    st.tuples(inner, inner).map(lambda t: f"{t[0]} -({t[1]})"),
), max_leaves=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=query, near=st.booleans(), kind=st.sampled_from(["article", "quote"]))
def test_random_queries_same_as_whoosh(snap, q, near, kind):
    try:
        tree, c, wq = _compile(snap, q, near=near)
    except QueryError:
        return  # e.g. a prefix of too many words
    check_same(snap, wq, kind)
    proximity = c.near_query(tree)
    if proximity is not None:
        top = snap.run(wq, kind=kind, limit=30).hits
        check_scores_of(snap, proximity, [h.docnum for h in top])


# --- posting lists of whoosh's stock format ---------------------------------------------------------------

def test_postings_of_whoosh_stock_format(tmp_path):
    """engine.postings reads whoosh's own W3 blocks (pickled, one per 128 postings) like its matchers do.
    (Inlined postings cannot be made: whoosh 2.7.4 fails writing them, W3TermInfo has no set_inline.)"""
    from whoosh import fields, index

    from presssearch.engine.postings import segment_positions, segment_postings

    ix = index.create_in(str(tmp_path), fields.Schema(body=fields.TEXT(phrase=True)))
    texts = _texts()[:60]
    with ix.writer() as w:
        for t in texts:
            w.add_document(body=t.lower())
    with ix.reader() as r:
        ((leaf, _),) = list(r.leaf_readers())
        terms = [t for _, t in sorted(r.most_frequent_terms("body", 40))] + list(r.lexicon("body"))[::97]
        for t in terms:
            m = leaf.postings("body", t)
            want_ids, want_w, want_pos = [], [], {}
            while m.is_active():
                want_ids.append(m.id())
                want_w.append(m.weight())
                want_pos[m.id()] = list(m.value_as("positions"))
                m.next()
            ids, weights = segment_postings(leaf, "body", t)
            assert ids.tolist() == want_ids and weights.tolist() == want_w
            some = np.asarray(want_ids[::3], dtype=np.int64)
            assert segment_positions(leaf, "body", t, some) == {d: want_pos[d] for d in some.tolist()}


# --- spans: the executor's vectorised span joins against whoosh's logic one document at a time -----------

def _distance(a: tuple, b: tuple) -> int:
    if a[0] <= b[1] and b[0] <= a[1]:  # overlapping
        return 0
    if a[1] < b[0]:
        return b[0] - a[1]
    return a[0] - b[1]


def _near(aspans: list, bspans: list, slop: int, ordered: bool, mindist: int = 1) -> list:
    """SpanNear: every span of A joined with a span of B at a distance of ``mindist``..``slop``."""
    spans = set()
    for a0, a1 in aspans:
        for b in bspans:
            b0, b1 = b
            if b1 < a0 - slop or (ordered and a0 > b0):
                continue
            if b0 > a1 + slop:
                break
            if mindist <= _distance((a0, a1), b) <= slop:
                spans.add((min(a0, b0), max(a1, b1)))
    return sorted(spans)


def _near_tree(spans: list, slop: int, ordered: bool) -> list:
    """whoosh's binary tree of SpanNear matchers over the words' spans (halves, recursively)."""
    if len(spans) == 1:
        return spans[0]
    half = len(spans) // 2
    a = _near_tree(spans[:half], slop, ordered)
    if not a:
        return []
    b = _near_tree(spans[half:], slop, ordered)
    return _near(a, b, slop, ordered) if b else []


def _near_chain(spans: list, slop: int) -> list:
    """SpanNear2 (exact phrases): the words' spans joined left to right, in order."""
    aspans = spans[0]
    for bspans in spans[1:]:
        if not aspans:
            return []
        aspans = _near(aspans, bspans, slop, True)
    return aspans


def _doc_spans(docs: list[dict[int, list[int]]], d: int) -> list:
    return [[(p, p) for p in w.get(d, ())] for w in docs]


def _keys_of(word: dict[int, list[int]]):
    from presssearch.engine.execute import Spans

    keys = np.asarray(sorted((d << 32) + p for d, ps in word.items() for p in ps), dtype=np.int64)
    return Spans(keys, keys)


positions_of_a_word = st.dictionaries(st.integers(0, 5), st.lists(st.integers(0, 40), min_size=1, max_size=12, unique=True)
                                      .map(sorted), max_size=6)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(positions_of_a_word, min_size=2, max_size=4), slop=st.integers(1, 6), ordered=st.booleans())
def test_span_joins_as_one_document_at_a_time(words, slop, ordered):
    """The span joins over every document at once give, per document, whoosh's spans (SpanNear tree, SpanNear2 chain)."""
    from presssearch.engine.execute import _near_chain_keys, _near_tree_keys

    spans = [_keys_of(w) for w in words]
    tree = _near_tree_keys(spans, slop, ordered)
    chain = _near_chain_keys(spans, slop)
    for d in range(6):
        lo, hi = np.searchsorted(tree.starts, [d << 32, (d + 1) << 32])
        got = [(s - (d << 32), e - (d << 32)) for s, e in zip(tree.starts[lo:hi].tolist(), tree.ends[lo:hi].tolist())]
        per_doc = _doc_spans(words, d)
        assert got == (_near_tree(per_doc, slop, ordered) if all(per_doc) else [])
        lo, hi = np.searchsorted(chain.starts, [d << 32, (d + 1) << 32])
        got = [(s - (d << 32), e - (d << 32)) for s, e in zip(chain.starts[lo:hi].tolist(), chain.ends[lo:hi].tolist())]
        assert got == (_near_chain(per_doc, slop) if all(per_doc) else [])


def test_whole_term_reading_as_block_by_block(snap):
    """``term_arrays`` (a whole posting list at once) reads what the blocks give one by one; position tables
    give each posting's positions, as keys too."""
    from presssearch.engine.codec import BlockMatcher, block_arrays, block_positions, term_arrays
    from presssearch.engine.postings import PositionTable, _blocks, leaf_matcher

    leaf = snap.stats.leaves[0][0]
    checked = 0
    for field in ("title", "body", "exact", "speaker", "source"):
        if field not in leaf.schema or not leaf.schema[field].indexed:
            continue
        terms = [t for _, t in leaf.most_frequent_terms(field, 25)] + list(leaf.lexicon(field))[::53]
        for t in terms:
            m = leaf_matcher(leaf, field, t)
            if not isinstance(m, BlockMatcher):
                continue
            ids, weights, positions = [], [], []
            for b in _blocks(m):
                i, w = block_arrays(b)
                ids.append(i)
                weights.append(w)
                if m._positional:
                    positions.append(block_positions(b))
            fresh = leaf_matcher(leaf, field, t)
            got_ids, got_w, _ = term_arrays(fresh)
            assert np.array_equal(got_ids, np.concatenate(ids)) and np.array_equal(got_w, np.concatenate(weights))
            if m._positional:
                i2, w2, (offsets, codes) = term_arrays(leaf_matcher(leaf, field, t), positions=True)
                assert np.array_equal(i2, got_ids) and np.array_equal(w2, got_w)
                coded = PositionTable(offsets, codes, coded=True)
                plain = PositionTable.join(positions)
                some = np.arange(0, len(got_ids), 3, dtype=np.int64)
                assert [coded.positions(i) for i in some] == [plain.positions(i) for i in some]
                assert np.array_equal(coded.keys(some, got_ids[some]), plain.keys(some, got_ids[some]))
                assert coded.extend_to(plain).positions(len(coded)) == plain.positions(0)
            checked += 1
    assert checked > 50


def test_near_keys_in_chunks_equals_all_at_once(monkeypatch):
    """Past PAIR_CHUNK pairs the spans are joined in chunks (bounded memory): same result, and the time
    limit is checked between chunks."""
    import numpy as np

    from presssearch.engine import execute

    rng = np.random.default_rng(3)

    def spans(n):
        docs = rng.integers(0, 40, n)
        pos = rng.integers(0, 300, n)
        keys = np.unique((docs.astype(np.int64) << 32) | pos)
        return execute.Spans(keys, keys + 1)

    a, b = spans(3000), spans(3000)
    whole = execute._near_keys(a, b, 20, False)
    ticks = []
    monkeypatch.setattr(execute, "PAIR_CHUNK", 500)
    chunked = execute._near_keys(a, b, 20, False, tick=lambda: ticks.append(1))
    assert np.array_equal(whole.starts, chunked.starts) and np.array_equal(whole.ends, chunked.ends)
    assert len(ticks) > 10


# --- the generation's cache of decoded posting lists ---------------------------------------------------

def test_posting_cache_keeps_the_recently_used_within_its_bytes():
    from presssearch.engine.execute import PostingCache

    c = PostingCache(limit=4000)
    arrays = {k: np.arange(100, dtype=np.int64) for k in "abcde"}  # 800 bytes each
    for k, a in arrays.items():
        c.put(k, a, a.nbytes)
    assert c.size <= 4000 and len(c) == 5
    assert c.get("a") is arrays["a"]  # used: now the most recent
    c.put("f", np.arange(100), 800)
    assert c.get("b") is None and c.get("a") is not None and c.size <= 4000
    c.put("huge", np.arange(1000), 8000)  # more than a quarter of the limit: not kept
    assert c.get("huge") is None
    with pytest.raises(ValueError):
        c.get("a")[0] = 5  # searches share the arrays: read-only


@pytest.mark.parametrize("limit", [0, 20_000, None])
def test_search_results_do_not_depend_on_the_cache(bundled_index, limit):
    """Every query gives the same documents, scores and order from a cold cache, a warm one and one
    too small to keep much (lists dropped and read again meanwhile)."""
    from presssearch.engine.execute import PostingCache

    def results(a):
        out = []
        for q in QUERIES:
            for search in (a.search, a.quotes):
                r = search(q, limit=10)
                out.append((r.total, [(h.id, h.score, h.snippet) for h in r.hits]))
        return out

    with presssearch.open_archive(bundled_index) as a:
        cold = results(a)  # the first searches fill the cache
        if limit is not None:
            a._snap().stats.cache = PostingCache(limit)
        assert results(a) == cold
        assert results(a) == cold


def test_positions_through_the_block_cache_are_the_block_by_block_ones(snap):
    """``segment_positions`` with the generation's cache (its block directory and decoded blocks, cold, then
    warm, then with some blocks dropped) gives what reading the blocks in order gives."""
    from presssearch.engine.execute import PostingCache
    from presssearch.engine.postings import segment_positions

    leaf, _offset, n = snap.stats.leaves[0]
    rng = np.random.default_rng(7)
    checked = 0
    for field in ("body", "exact", "title"):
        terms = [t for _, t in leaf.most_frequent_terms(field, 15)] + list(leaf.lexicon(field))[::97]
        for t in terms:
            cache = PostingCache()
            for size in (1, 5, 40, n):
                wanted = np.unique(rng.integers(0, n, size))
                plain = segment_positions(leaf, field, t, wanted)
                assert segment_positions(leaf, field, t, wanted, cache, "leaf") == plain  # cold
                assert segment_positions(leaf, field, t, wanted, cache, "leaf") == plain  # warm
                small = PostingCache(limit=cache.size // 2)
                segment_positions(leaf, field, t, wanted, small, "leaf")
                assert segment_positions(leaf, field, t, wanted, small, "leaf") == plain  # some dropped
                checked += 1
    assert checked > 100


def test_stored_documents_are_kept_and_given_as_copies(bundled_index, monkeypatch):
    from presssearch.engine import searcher

    monkeypatch.setattr(searcher, "STORED_DOCS", 3)
    with presssearch.open_archive(bundled_index) as a:
        snap = a._snap()
        fresh = [snap._checked(snap.searcher.stored_fields(d)) for d in range(6)]
        for _ in range(2):
            assert [snap.stored(d) for d in range(6)] == fresh
        assert len(snap._stored) == 3
        f = snap.stored(5)
        f["id"] = "changed"
        assert snap.stored(5) == fresh[5]
