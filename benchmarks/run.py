"""presssearch benchmarks: indexing, incremental update, index size, open time, query latency, CLI end to end,
each beside plain whoosh (LanguageAnalyzer("ru")) over the same articles.

    .venv/bin/python benchmarks/run.py                       # the real corpus (../shared/corpus without 1tv)
    .venv/bin/python benchmarks/run.py --limit 3000 --skip-baseline
    .venv/bin/python benchmarks/run.py --corpus none --synthetic 100000
    .venv/bin/python benchmarks/run.py --profile-analysis --limit 2000

Prints a table and writes benchmarks/out/bench-<time>.json. Every measurement runs in its own process.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpora  # noqa: E402

PY = sys.executable
PRESSSEARCH = str(Path(PY).with_name("presssearch"))
CLI_QUERY = "Путин санкции"
E2E_RUNS = 5
FIRST_RUNS = 3  # fresh processes for the first-run query latencies
MB = 1024 * 1024


# as a user's shell: Python writes and reads its bytecode caches even if this one sets PYTHONDONTWRITEBYTECODE
USER_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def task(*args) -> dict:
    """Run one measurement in a fresh process; its last stdout line is JSON."""
    proc = subprocess.run([PY, str(HERE / "tasks.py"), *map(str, args)], capture_output=True, text=True, env=USER_ENV)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark task {args[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def median_of(runs: list[dict], key: str = "seconds") -> dict:
    """The run with the median ``key`` (all runs' values kept under ``<key>_runs``)."""
    ordered = sorted(runs, key=lambda r: r[key])
    mid = dict(ordered[(len(ordered) - 1) // 2])
    mid[f"{key}_runs"] = [round(r[key], 2) for r in runs]
    return mid


def e2e(cmd: list[str]) -> dict:
    """Wall time from process start to its output, median of E2E_RUNS after one unmeasured run (as a user's
    second search: Python has written its bytecode caches, even if this shell sets PYTHONDONTWRITEBYTECODE)."""
    env = USER_ENV
    times = []
    for i in range(E2E_RUNS + 1):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if i:
            times.append(time.perf_counter() - t0)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{cmd} failed: {proc.stderr[-2000:]}")
    return {"median_s": round(statistics.median(times), 3), "runs_s": [round(t, 3) for t in times]}


BASELINE_CLI = """import sys
from whoosh import index
from whoosh.qparser import MultifieldParser
ix = index.open_dir(sys.argv[1])
with ix.searcher() as s:
    for h in s.search(MultifieldParser(["title", "lead", "body"], ix.schema).parse(sys.argv[2]), limit=10):
        print(h["title"] if "title" in h else "", h.get("date", ""), sep="\\t")
"""


def first_runs(name: str, root: Path) -> dict:
    """Latency of each query the first time a process sees it, plain and with facets: per percentile the median
    of FIRST_RUNS fresh processes."""
    out = {}
    for label in ("plain", "facets"):
        runs = [task(name, root, HERE / "queries.txt", label) for _ in range(FIRST_RUNS)]
        out[label] = {p: statistics.median(r[p] for r in runs) for p in ("p50_ms", "p95_ms", "p99_ms")}
        out[label]["errors"] = runs[0]["errors"]
    return out


# --- one corpus ---------------------------------------------------------------------------------------
def bench_corpus(name: str, folder: Path, meta: dict, work: Path, args) -> dict:
    res: dict = {"corpus": name, **meta, "procs": args.procs}
    root = work / f"ix-{name}"
    runs = [task("index", root, folder, args.procs, "rebuild") for _ in range(args.repeat)]
    res["index"] = median_of(runs)
    res["query"] = task("query", root, HERE / "queries.txt", args.rounds)
    res["query_first"] = first_runs("query_first", root)
    res["cli"] = e2e([PRESSSEARCH, "search", CLI_QUERY, "--index", str(root)])
    if not args.skip_baseline:
        bruns = []
        for i in range(args.repeat):
            broot = work / f"whoosh-{name}-{i}"
            bruns.append(task("baseline_index", broot, folder, args.procs))
        res["baseline_index"] = median_of(bruns)
        broot = work / f"whoosh-{name}-0"
        res["baseline_query"] = task("baseline_query", broot, HERE / "queries.txt", args.rounds)
        res["baseline_query_first"] = first_runs("baseline_query_first", broot)
        res["baseline_cli"] = e2e([PY, "-c", BASELINE_CLI, str(broot), CLI_QUERY])
        for i in range(args.repeat):
            shutil.rmtree(work / f"whoosh-{name}-{i}", ignore_errors=True)
    res["changed_articles"] = corpora.change_some(folder, 0.01)
    res["update"] = task("index", root, folder, args.procs, "update")
    shutil.rmtree(root, ignore_errors=True)
    return res


def rates(r: dict, meta: dict) -> dict:
    s = r["seconds"]
    out = {"articles_per_s": meta["articles"] / s, "mb_per_s": meta["raw_bytes"] / MB / s,
           "index_mb": r["index_bytes"] / MB, "index_vs_raw": r["index_bytes"] / meta["raw_bytes"],
           "peak_rss_mb": r["rss_self_mb"] + r["rss_child_max_mb"] * max(1, meta.get("procs", 1))}
    if "quotes" in r:
        out["quotes_per_s"] = r["quotes"] / s
    return out


def table(res: dict) -> list[tuple[str, float | None, float | None]]:
    """(label, presssearch, plain whoosh) rows."""
    meta = {"articles": res["articles"], "raw_bytes": res["raw_bytes"], "procs": res["procs"]}
    ours = rates(res["index"], meta)
    base = rates(res["baseline_index"], meta) if "baseline_index" in res else {}
    q, bq = res["query"], res.get("baseline_query", {})
    rows = [
        ("index articles/s", ours["articles_per_s"], base.get("articles_per_s")),
        ("index MB/s (raw text)", ours["mb_per_s"], base.get("mb_per_s")),
        ("quotes/s (while indexing)", ours["quotes_per_s"], None),
        ("index seconds (median)", res["index"]["seconds"], res.get("baseline_index", {}).get("seconds")),
        ("index CPU seconds (all processes)", res["index"]["cpu_s"], res.get("baseline_index", {}).get("cpu_s")),
        ("peak RSS MB (parent + procs x worker)", ours["peak_rss_mb"], base.get("peak_rss_mb")),
        ("index size MB", ours["index_mb"], base.get("index_mb")),
        ("index size / raw text", ours["index_vs_raw"], base.get("index_vs_raw")),
        (f"update 1% ({res['changed_articles']} art.) s", res["update"]["seconds"], None),
        ("open ms", q["open_ms"], bq.get("open_ms")),
        ("cold first query ms", q["cold_first_query_ms"], bq.get("cold_first_query_ms")),
    ]
    qf, bqf = res["query_first"], res.get("baseline_query_first", {})
    for label in ("plain", "facets"):
        for p in ("p50_ms", "p95_ms", "p99_ms"):
            rows.append((f"query {label} {p} (first run)", qf[label][p], bqf.get(label, {}).get(p)))
        for p in ("p50_ms", "p95_ms", "p99_ms"):
            rows.append((f"query {label} {p} (repeated)", q[label][p], bq.get(label, {}).get(p)))
    rows.append(("`presssearch search` end to end s", res["cli"]["median_s"], res.get("baseline_cli", {}).get("median_s")))
    return rows


def print_table(res: dict) -> None:
    print(f"\n== {res['corpus']}: {res['articles']:,} articles, {res['raw_bytes'] / MB:,.1f} MB raw text, "
          f"{res['procs']} procs ==")
    print(f"{'metric':40} {'presssearch':>12} {'whoosh':>12} {'ratio':>8}")
    for label, ours, base in table(res):
        ratio = f"{ours / base:8.2f}" if base else f"{'':8}"
        base_s = f"{base:12.2f}" if base is not None else f"{'-':>12}"
        print(f"{label:40} {ours:12.2f} {base_s} {ratio}")
    if res["query"]["plain"]["errors"]:
        print(f"({res['query']['plain']['errors']} query errors)")


# --- profile ------------------------------------------------------------------------------------------
def profile(folder: Path, meta: dict, work: Path, args) -> dict:
    p = task("profile", folder, meta["articles"])
    full = task("index", work / "ix-profile", folder, 1, "rebuild")
    shutil.rmtree(work / "ix-profile", ignore_errors=True)
    bare = task("index", work / "ix-profile", folder, 1, "rebuild", "off")
    shutil.rmtree(work / "ix-profile", ignore_errors=True)
    print(f"\n== the names layer: with {p['articles'] / full['seconds']:.0f} art/s, {full['index_bytes'] / 1e6:.1f} MB; "
          f"without {p['articles'] / bare['seconds']:.0f} art/s, {bare['index_bytes'] / 1e6:.1f} MB ==")
    total = full["cpu_s"]  # CPU seconds, as the profile's: the shares hold on a busy machine too
    whoosh_s = total - p["read_s"] - p["quotes_s"] - p["analysis_s"]
    shares = {"reading": p["read_s"], "quote extraction + attribution": p["quotes_s"],
              "analysis (with names layer)": p["analysis_s"], "  of which names layer": p["analysis_s"] - p["analysis_no_names_s"],
              "analysis (without names layer)": p["analysis_no_names_s"], "whoosh (postings, stored, commit)": whoosh_s}
    print(f"\n== where one process spends indexing CPU time: {p['articles']:,} articles, {total:.1f} CPU s "
          f"({p['articles'] / total:.0f} art per CPU s, {p['quotes']:,} quotes) ==")
    for k, v in shares.items():
        print(f"{k:40} {v:8.1f} s {100 * v / total:6.1f} %")
    return {"profile": p, "serial_index_s": total, "shares_s": shares,
            "names_layer": {"with": full, "without": bare}}


# --- main ---------------------------------------------------------------------------------------------
def main(argv=None) -> int:
    from presssearch.indexer import default_procs

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=["real", "none"], default="real")
    ap.add_argument("--with-1tv", action="store_true", help="include 1tv.jsonl.gz (82k short items)")
    ap.add_argument("--synthetic", type=int, nargs="*", default=[], metavar="N",
                    help="also synthetic corpora of N articles (e.g. 100000 1000000)")
    ap.add_argument("--limit", type=int, default=None, help="at most N real articles")
    ap.add_argument("--procs", type=int, default=default_procs())
    ap.add_argument("--repeat", type=int, default=1, help="indexing runs per corpus (median reported)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds over queries.txt")
    ap.add_argument("--skip-baseline", action="store_true")
    ap.add_argument("--profile-analysis", action="store_true", help="only the time shares of one indexing process")
    ap.add_argument("--tmp", default=None, help="folder for corpora and indexes (default: a temp folder)")
    args = ap.parse_args(argv)

    if args.tmp:
        Path(args.tmp).mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="presssearch-bench-", dir=args.tmp))
    out: dict = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "args": vars(args), "cpus": os.cpu_count(),
                 "load_avg_start": os.getloadavg(), "results": []}
    try:
        if args.profile_analysis:
            folder = work / "real"
            meta = corpora.real_corpus(folder, limit=args.limit or 2000, with_1tv=False)
            out["results"].append(profile(folder, meta, work, args))
        else:
            sets = []
            if args.corpus == "real":
                sets.append(("real" + ("+1tv" if args.with_1tv else ""), lambda f: corpora.real_corpus(
                    f, limit=args.limit, with_1tv=args.with_1tv)))
            for n in args.synthetic:
                sets.append((f"synthetic-{n}", lambda f, n=n: corpora.synthetic_corpus(f, n)))
            for name, make in sets:
                folder = work / name
                meta = make(folder)
                try:
                    res = bench_corpus(name, folder, meta, work, args)
                except SystemExit as e:  # a failed measurement: keep the other corpora's figures
                    print(e, file=sys.stderr)
                    out["results"].append({"corpus": name, **meta, "error": str(e)})
                    continue
                finally:
                    shutil.rmtree(folder, ignore_errors=True)
                res["rows"] = table(res)
                print_table(res)
                out["results"].append(res)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out["load_avg_end"] = os.getloadavg()
    dest = HERE / "out" / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    dest.parent.mkdir(exist_ok=True)
    dest.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwrote {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
