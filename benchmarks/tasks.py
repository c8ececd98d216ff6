"""Measurements that run in their own process (so memory and cold starts are honest). Each prints one JSON line.

    python tasks.py index ROOT CORPUS PROCS [rebuild|update]
    python tasks.py query ROOT QUERIES ROUNDS
    python tasks.py query_first ROOT QUERIES plain|facets
    python tasks.py baseline_index ROOT CORPUS PROCS
    python tasks.py baseline_query ROOT QUERIES ROUNDS
    python tasks.py baseline_query_first ROOT QUERIES plain|facets
    python tasks.py profile CORPUS LIMIT
"""
from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

FACETS = ["speaker", "date", "source"]
WARM_UP_QUERY = "Гидрометцентр погода"  # not in queries.txt: loads modules and pymorphy3 before the first timed query
WARM_UP_SPEAKER = "погода speaker:Вильфанд"  # and the speaker-name module a speaker: filter needs (once per process)


def _rss_mb() -> dict:
    """Peak memory of this process and of its largest child, and CPU seconds of both (load-independent)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    return {"rss_self_mb": round(me.ru_maxrss / 1024, 1), "rss_child_max_mb": round(kids.ru_maxrss / 1024, 1),
            "cpu_s": round(cpu, 2)}


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def percentiles(values: list[float]) -> dict:
    v = sorted(values)
    pick = lambda q: v[min(len(v) - 1, int(q * len(v)))] * 1000  # noqa: E731
    return {"p50_ms": round(statistics.median(v) * 1000, 2), "p95_ms": round(pick(0.95), 2),
            "p99_ms": round(pick(0.99), 2), "n": len(v)}


def read_queries(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        kind, q = ("quote", line[len("quotes:"):].strip()) if line.startswith("quotes:") else ("article", line)
        out.append((kind, q))
    return out


# --- presssearch ------------------------------------------------------------------------------------
def task_index(root: str, corpus: str, procs: str, mode: str = "rebuild", names: str = "on") -> dict:
    from presssearch.engine import current_generation
    from presssearch.indexer import run_update

    if names == "off":  # the names layer off (this process and its forked workers), to show its cost
        from presssearch.analysis import names as names_layer

        names_layer.lemma_terms = lambda word: ()

    t0 = time.perf_counter()
    r = run_update(Path(root), [Path(corpus)], rebuild=mode == "rebuild", progress=None, lock_wait=30,
                   procs=int(procs))
    secs = time.perf_counter() - t0
    gen = current_generation(Path(root))
    return {"seconds": secs, "added": r.added, "updated": r.updated, "removed": r.removed, "unchanged": r.unchanged,
            "quotes": r.quotes, "skipped": len(r.skipped), "index_bytes": folder_bytes(gen), **_rss_mb()}


def _search(archive, kind: str, q: str, facets):
    fn = archive.quotes if kind == "quote" else archive.search
    return fn(q, limit=10, facets=facets)


def _timed(archive, kind: str, q: str, facets) -> tuple[float, int]:
    """(seconds, 1 if the query was refused else 0) of one search with its hits and facets."""
    import presssearch

    t0 = time.perf_counter()
    try:
        _search(archive, kind, q, facets)
        return time.perf_counter() - t0, 0
    except presssearch.PresssearchError:
        return time.perf_counter() - t0, 1


def task_query(root: str, queries: str, rounds: str) -> dict:
    import presssearch
    from presssearch.engine import Snapshot

    qs = read_queries(Path(queries))
    t0 = time.perf_counter()
    Snapshot(Path(root)).close()
    open_s = time.perf_counter() - t0
    archive = presssearch.open_archive(root)
    t0 = time.perf_counter()
    _search(archive, *qs[0], [])
    cold = time.perf_counter() - t0
    out = {"open_ms": round(open_s * 1000, 1), "cold_first_query_ms": round(cold * 1000, 1)}
    for kind, q in qs:  # warm-up round, not timed
        _timed(archive, kind, q, FACETS)
    for label, facets in (("plain", []), ("facets", FACETS)):
        runs = [_timed(archive, kind, q, facets) for _ in range(int(rounds)) for kind, q in qs]
        out[label] = {**percentiles([t for t, _ in runs]), "errors": sum(e for _, e in runs)}
    return out


def task_profile(corpus: str, limit: str) -> dict:
    """CPU seconds spent reading, extracting quotes and analysing (with and without names), done as the
    indexer does it: garbage collector paused, quotes first, then ``wordids.analyse`` per article and per quote
    document with the word parses quote attribution already made (the names layer shares them)."""
    from presssearch.analysis import names, russian
    from presssearch.engine.columns import TermIds
    from presssearch.engine.wordids import WordTerms, analyse
    from presssearch.indexer import gc_paused
    from presssearch.ingest import iter_sources, read_source
    from presssearch.quotes import extract_quotes

    with gc_paused():
        t0 = time.process_time()
        articles = []
        for s in iter_sources([Path(corpus)]):
            articles.extend(read_source(s)[0])
            if len(articles) >= int(limit):
                break
        articles = articles[: int(limit)]
        read_s = time.process_time() - t0
        t0 = time.process_time()
        for a in articles:
            a.quotes = extract_quotes(a.text, title=a.title or None, lead=a.lead or None)
        quotes_s = time.process_time() - t0
        docs = [[a.title or "", a.lead or "", a.text] for a in articles]
        docs += [[q.text] for a in articles for q in a.quotes]

        def run_analysis() -> float:
            t = time.process_time()
            words = WordTerms(TermIds())  # one segment's
            for parts in docs:
                analyse(words, parts)
            return time.process_time() - t

        def clear() -> None:
            # the pymorphy parses stay warm: quote attribution fills them first, as in the real build
            for f in (russian.stem, russian.word_terms, names.lemma_terms):
                f.cache_clear()

        clear()
        real_lemmas = names.lemma_terms
        names.lemma_terms = lambda word: ()  # the names layer off
        no_names_s = run_analysis()
        names.lemma_terms = real_lemmas
        clear()
        with_names_s = run_analysis()
    return {"articles": len(articles), "quotes": sum(len(a.quotes) for a in articles), "read_s": read_s,
            "quotes_s": quotes_s, "analysis_s": with_names_s, "analysis_no_names_s": no_names_s}


# --- plain whoosh, the baseline ---------------------------------------------------------------------
def _baseline_schema():
    from whoosh import fields
    from whoosh.analysis import LanguageAnalyzer

    ru = LanguageAnalyzer("ru")
    return fields.Schema(title=fields.TEXT(analyzer=ru, stored=True), lead=fields.TEXT(analyzer=ru, stored=True),
                         body=fields.TEXT(analyzer=ru, stored=True), source=fields.ID(stored=True, sortable=True),
                         date=fields.ID(stored=True, sortable=True))


def task_baseline_index(root: str, corpus: str, procs: str) -> dict:
    from whoosh import index

    Path(root).mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    ix = index.create_in(root, _baseline_schema())
    p = int(procs)
    writer = ix.writer(procs=p, multisegment=True, limitmb=128) if p > 1 else ix.writer(limitmb=256)
    n = 0
    for f in sorted(Path(corpus).glob("*.jsonl")):
        with open(f, encoding="utf-8") as stream:
            for line in stream:
                r = json.loads(line)
                doc = {k: r.get(k) or "" for k in ("title", "lead", "source", "date")}
                doc = {k: v for k, v in doc.items() if v}
                writer.add_document(body=r.get("text") or "", **doc)
                n += 1
    writer.commit()
    secs = time.perf_counter() - t0
    return {"seconds": secs, "added": n, "index_bytes": folder_bytes(Path(root)), **_rss_mb()}


def _whoosh_groups(label: str):
    """Plain whoosh's facets for ``label`` ("facets": source and year through ``groupedby``), else None."""
    from whoosh import sorting

    if label != "facets":
        return None
    return {"source": sorting.FieldFacet("source"),
            "year": sorting.TranslateFacet(lambda v: v[:4], sorting.FieldFacet("date"))}


def _whoosh_timed(searcher, parser, q: str, groups) -> float:
    """Seconds of one plain-whoosh search with its stored hits and facet groups."""
    t0 = time.perf_counter()
    res = searcher.search(parser.parse(q), limit=10, groupedby=groups)
    [h.fields() for h in res]
    if groups:
        [res.groups(g) for g in groups]
    return time.perf_counter() - t0


def task_baseline_query(root: str, queries: str, rounds: str) -> dict:
    from whoosh import index
    from whoosh.qparser import MultifieldParser

    qs = read_queries(Path(queries))
    t0 = time.perf_counter()
    ix = index.open_dir(root)
    searcher = ix.searcher()
    open_s = time.perf_counter() - t0
    parser = MultifieldParser(["title", "lead", "body"], ix.schema)
    t0 = time.perf_counter()
    searcher.search(parser.parse(qs[0][1]), limit=10)[:10]
    out = {"open_ms": round(open_s * 1000, 1), "cold_first_query_ms": round((time.perf_counter() - t0) * 1000, 1)}
    for _, q in qs:  # warm-up round, not timed
        searcher.search(parser.parse(q), limit=10)
    for label in ("plain", "facets"):
        groups = _whoosh_groups(label)
        times = [_whoosh_timed(searcher, parser, q, groups) for _ in range(int(rounds)) for _, q in qs]
        out[label] = {**percentiles(times), "errors": 0}
    return out


def task_query_first(root: str, queries: str, label: str) -> dict:
    """Each query run once, the first time this process sees it, on a freshly opened index (untimed open and
    stats): no decoded postings, stored documents or term look-ups of earlier queries help. What stays warm is
    what any long-running process keeps: imports, pymorphy3, the word-analysis caches."""
    import presssearch

    facets = FACETS if label == "facets" else []
    warm = presssearch.open_archive(root)
    _search(warm, "article", WARM_UP_QUERY, facets)
    _search(warm, "quote", WARM_UP_SPEAKER, facets)
    warm.close()
    runs = []
    for kind, q in read_queries(Path(queries)):
        archive = presssearch.open_archive(root)
        archive.stats()  # opens the index and its facet columns, untimed
        runs.append(_timed(archive, kind, q, facets))
        archive.close()
    return {**percentiles([t for t, _ in runs]), "errors": sum(e for _, e in runs)}


def task_baseline_query_first(root: str, queries: str, label: str) -> dict:
    """Plain whoosh's ``task_query_first``: each query once on a freshly opened index and searcher."""
    from whoosh import index
    from whoosh.qparser import MultifieldParser

    groups = _whoosh_groups(label)
    times = []
    for q in [WARM_UP_QUERY] + [q for _, q in read_queries(Path(queries))]:
        ix = index.open_dir(root)
        searcher = ix.searcher()
        times.append(_whoosh_timed(searcher, MultifieldParser(["title", "lead", "body"], ix.schema), q, groups))
        searcher.close()
    return {**percentiles(times[1:]), "errors": 0}


TASKS = {"index": task_index, "query": task_query, "query_first": task_query_first, "profile": task_profile,
         "baseline_index": task_baseline_index, "baseline_query": task_baseline_query,
         "baseline_query_first": task_baseline_query_first}

if __name__ == "__main__":
    result = TASKS[sys.argv[1]](*sys.argv[2:])
    print(json.dumps(result, ensure_ascii=False))
