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
