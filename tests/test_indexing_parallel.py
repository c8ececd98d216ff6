"""Indexing in worker processes gives the same index as indexing in one process."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import presssearch
from presssearch.indexer import run_update

from .conftest import DATA

QUERIES = ["Казахстан", "липы", "Собянин", "деревья OR липы", '"цифровой экономики"', "Москва NOT суд",
           "=Москвы", "date:[2016 TO 2017]", "source:Meduza суд", "мэрия*"]


def _build(root: Path, paths: list[Path], procs: int):
    return run_update(root, paths, rebuild=False, progress=None, lock_wait=5, procs=procs, min_parallel_bytes=0)


def _snapshot(root: Path) -> dict:
    """Everything a user sees: totals, ranked ids with scores, facets, quotes, stats."""
    out = {}
    with presssearch.open_archive(root) as a:
        for q in QUERIES:
            # every match (a top-N cut among equal scores would depend on document order)
            res = a.search(q, limit=100, facets=["source", "date", "author"])
            hits = sorted(((round(h.score, 6), h.id, h.snippet) for h in res), key=lambda t: (-t[0], t[1]))
            out[q] = (res.total, hits, res.facets)
            qres = a.quotes(q, limit=1000, facets=["speaker"])
            out["quotes " + q] = (qres.total, sorted((round(h.score, 6), h.id) for h in qres), qres.facets)
        stats = a.stats()
        stats.pop("index_bytes")
        stats.pop("index")
        out["stats"] = stats
    return out


def _counts(report) -> tuple:
    return report.added, report.updated, report.removed, report.unchanged, report.quotes, len(report.skipped)



def _change(corpus: Path) -> None:
    """Edit one article, drop one, add one with a duplicate id."""
    lines = (corpus / "part0.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["text"] += "\nДобавлен абзац про липы и Казахстан."
    dup = json.loads(lines[2])
    (corpus / "part0.jsonl").write_text("\n".join([json.dumps(first, ensure_ascii=False)] + lines[3:]) + "\n",
                                        encoding="utf-8")
    (corpus / "extra.jsonl").write_text(json.dumps(dup, ensure_ascii=False) + "\n" + lines[1] + "\n",
                                        encoding="utf-8")


def test_parallel_equals_serial(tmp_path, corpus):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    r1, r2 = _build(serial, [corpus], 1), _build(parallel, [corpus], 2)
    assert _counts(r1) == _counts(r2)
    assert r1.added == 41 and r1.quotes > 0
    assert _snapshot(serial) == _snapshot(parallel)

    _change(corpus)
    r1, r2 = _build(serial, [corpus], 1), _build(parallel, [corpus], 2)
    assert _counts(r1) == _counts(r2)
    # one edit, and two articles moved from part0 to extra (read first): nothing is lost
    assert (r1.updated, r1.removed) == (3, 0)
    assert _snapshot(serial) == _snapshot(parallel)


def _build_with_limit(root: Path, corpus: Path, limitmb: int) -> None:
    """An index of ``corpus`` written in this process, a new segment whenever ``limitmb`` is passed."""
    from presssearch.archive import speaker_key
    from presssearch.engine import GenerationWriter, new_workspace, publish
    from presssearch.engine.store import MANIFEST
    from presssearch.indexer import _extract
    from presssearch.ingest import iter_articles, iter_sources

    work = new_workspace(root, None)
    writer = GenerationWriter(work, fresh=True, speaker_key=speaker_key, limitmb=limitmb)
    for source in sorted(iter_sources([corpus]), key=lambda s: s.path):
        for a in iter_articles(source):
            _extract(a)
            writer.add_article(a)
    writer.commit()
    (work / MANIFEST).write_text("{}", encoding="utf-8")
    publish(root, work)


def test_bounded_memory_segments_find_the_same(tmp_path, corpus):
    """limitmb=0 writes one segment per article: the many small segments answer as one big one."""
    one, many = tmp_path / "one", tmp_path / "many"
    _build_with_limit(one, corpus, 256)
    _build_with_limit(many, corpus, 0)
    assert len(list(next(many.glob("gen-*")).glob("*.seg"))) == 41
    assert _snapshot(one) == _snapshot(many)


@pytest.mark.parametrize("enabled", [True, False])
def test_an_update_leaves_the_garbage_collector_as_it_found_it(tmp_path, enabled):
    """Indexing pauses Python's cyclic collector (it would walk every pooled posting) and restores it after,
    also for a caller who had turned it off."""
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        _build(tmp_path / "index", [DATA], procs=1)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
