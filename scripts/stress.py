"""Reliability at scale: prints figures for the four checks of the "Reliability" issue.

    python scripts/stress.py                   # everything: 200 kills, 5 min of concurrent use, 200,000 fuzz inputs
    python scripts/stress.py --quick           # a short run of each part
    python scripts/stress.py --only kill --kills 300
    python scripts/stress.py --only concurrent --minutes 1
    python scripts/stress.py --only fuzz --fuzz 200000 --fuzz-index /path/to/index
    python scripts/stress.py --only hostile

1. kill        SIGKILL `python -m presssearch index ...` (indexing, updating, rebuilding) after a random delay;
               after each kill the index must open and answer, show exactly a state some run committed
               (each update rewrites a version number into every article of the files it changes, so a
               half-applied update shows), lose no article a finished run reported, and the next finished
               run must leave no leftover files; a killed writer must never leave the index locked.
2. concurrent  one process updating (and now and then rebuilding) in a loop, three processes searching.
3. fuzz        random queries through parse + search: only QueryError may come out; latency percentiles.
4. hostile     a folder of hostile files through the CLI: no crash, every file indexed or reported.

Exit status 0 when every check holds, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import presssearch
from presssearch.engine import store
from presssearch.errors import QueryError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
CORPUS = ROOT.parent / "shared" / "corpus"
PYTHON = sys.executable
TITLE = re.compile(r"Статья (f\d+-a\d+) версия (\d+)")
NFILES, PER_FILE = 6, 5
CONSTANT_WORD = "постоянное"


# --- the versioned corpus ---------------------------------------------------------------------------------
def write_file(folder: Path, n: int, version: int, per_file: int = PER_FILE) -> None:
    """File f{n}.jsonl: ``per_file`` articles, each carrying ``version`` in title and text (replaced atomically)."""
    lines = []
    for j in range(per_file):
        aid = f"f{n}-a{j}"
        lines.append(json.dumps({
            "id": aid, "source": f"Источник {n % 3}", "date": f"2020-0{1 + n % 9}-1{j}", "author": "Иван Петров",
            "title": f"Статья {aid} версия {version}",
            "text": f"Постоянное слово для поиска. Статья {aid} версия {version}. "
                    f"«Мы продолжим работу над проектом номер {version}», — сказал министр Иван Петров. "
                    + "Погода в Омске хорошая, а в Казахстане идёт дождь. " * (1 + j),
        }, ensure_ascii=False))
    tmp = folder / f".f{n}.tmp"
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, folder / f"f{n}.jsonl")


def corpus_state(folder: Path) -> dict[str, int]:
    """article id → version, as the files on disk say."""
    state = {}
    for p in sorted(folder.glob("f*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            m = TITLE.match(json.loads(line)["title"])
            state[m.group(1)] = int(m.group(2))
    return state


def index_state(root: Path) -> dict[str, int]:
    """article id → version, as a freshly opened index answers."""
    with presssearch.open_archive(root) as a:
        res = a.search("", limit=10_000)
    state = {}
    for h in res:
        m = TITLE.match(h.title)
        state[m.group(1)] = int(m.group(2))
    return state


def mixed_files(state: dict[str, int]) -> int:
    """Files whose articles show different versions (a half-applied update of that file)."""
    per_file: dict[str, set[int]] = {}
    for aid, v in state.items():
        per_file.setdefault(aid.split("-")[0], set()).add(v)
    return sum(1 for vs in per_file.values() if len(vs) > 1)


def mutate(folder: Path, rng: random.Random, version: int) -> None:
    """One corpus change: 1-3 files get a new version; sometimes the last file comes or goes."""
    for n in rng.sample(range(NFILES), rng.randint(1, 3)):
        last = n == NFILES - 1
        if last and (folder / f"f{n}.jsonl").exists() and rng.random() < 0.4:
            (folder / f"f{n}.jsonl").unlink()
        else:
            write_file(folder, n, version)


# --- 1. SIGKILL at random points --------------------------------------------------------------------------
def _phase(root: Path, before: str | None) -> str:
    """Where a killed run was, judged by what it left behind."""
    names = {p.name for p in root.iterdir()} if root.exists() else set()
    now = store.current_name(root) if (root / store.CURRENT).exists() else None
    live_n = store._gen_number(now) if now else 0
    if now != before:
        return "after CURRENT switched, during cleanup" if store.leftovers(root) else "after CURRENT switched"
    if any(n.startswith(store.GEN_PREFIX) and store._gen_number(n) > live_n for n in names):
        return "mid-commit: generation renamed, CURRENT not yet switched"
    if any(n.startswith(store.TMP_PREFIX) for n in names):
        ws = [root / n for n in names if n.startswith(store.TMP_PREFIX)]
        if any((w / store.META).exists() for w in ws):
            return "mid-commit: writing presssearch.json / fsync"
        if any((w / store.MANIFEST).exists() or (w / "facets.npz").exists() for w in ws):
            return "mid-commit: whoosh commit / manifest"
        return "while building the new generation"
    return "while starting up / reading files (no workspace yet)"


def run_kill(n_kills: int, seed: int, work: Path) -> bool:
    rng = random.Random(seed)
    corpus, root = work / "kill-corpus", work / "kill-index"
    corpus.mkdir(parents=True)
    for n in range(NFILES):
        write_file(corpus, n, 0)
    history = [corpus_state(corpus)]
    finished: int | None = None
    kills = finished_runs = opens = open_failures = wrong_states = lost = mixed = leftovers = locked = 0
    phases: dict[str, int] = {}
    modes = {"index": 0, "update": 0, "rebuild": 0}
    durations: list[float] = []
    version, step = 0, 0
    t_start = time.monotonic()
    while kills < n_kills:
        if step:
            version += 1
            mutate(corpus, rng, version)
            history.append(corpus_state(corpus))
        step += 1
        rebuild = finished is not None and rng.random() < 0.25
        mode = "rebuild" if rebuild else ("update" if finished is not None else "index")
        before = store.current_name(root) if (root / store.CURRENT).exists() else None
        args = [PYTHON, "-m", "presssearch", "index", "-q", "--wait", "3", "--index", str(root),
                *(["--rebuild"] if rebuild else []), str(corpus)]
        let_finish = not durations or rng.random() < 0.15
        t0 = time.monotonic()
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            delay = 600 if let_finish else rng.uniform(0.0, 1.15) * statistics.median(durations)
            proc.wait(delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        err = proc.stderr.read()
        proc.stderr.close()
        if proc.returncode == -signal.SIGKILL:
            kills += 1
            modes[mode] += 1
            phase = _phase(root, before)
            phases[phase] = phases.get(phase, 0) + 1
        elif proc.returncode in (0, 1):
            finished_runs += 1
            durations.append(time.monotonic() - t0)
            finished = len(history) - 1
            leftovers += len(store.leftovers(root))
        elif proc.returncode == 5:
            locked += 1
        else:
            print(f"  run failed (exit {proc.returncode}): {err.strip()[-300:]}")
            open_failures += 1
        if not (root / store.CURRENT).exists():
            if finished is not None:
                lost += len(history[finished])
            continue
        try:
            state = index_state(root)
            opens += 1
        except Exception as e:  # noqa: BLE001 - counted and shown
            open_failures += 1
            print(f"  open failed after step {step}: {type(e).__name__}: {e}")
            continue
        mixed += mixed_files(state)
        if state not in history[finished or 0:]:
            wrong_states += 1
        if finished is not None:  # articles a finished run reported, never removed from the files since, missing
            still = set(history[finished]).intersection(*history[finished:])
            lost += len(still - set(state))
        if kills and kills % 50 == 0 and proc.returncode == -signal.SIGKILL:
            print(f"  … {kills} kills, {time.monotonic() - t_start:.0f} s")
    proc = subprocess.run([PYTHON, "-m", "presssearch", "index", "-q", "--wait", "3", "--index", str(root), str(corpus)],
                          capture_output=True, text=True)
    final_ok = proc.returncode in (0, 1) and index_state(root) == history[-1]
    final_leftovers = store.leftovers(root)
    print("1. SIGKILL at random points of indexing, updating and rebuilding")
    print(f"   runs: {step}, killed: {kills} (first index {modes['index']}, update {modes['update']}, "
          f"rebuild {modes['rebuild']}), finished: {finished_runs}; median run {statistics.median(durations):.2f} s")
    for phase, count in sorted(phases.items(), key=lambda kv: -kv[1]):
        print(f"   killed {phase}: {count}")
    print(f"   index opened and answered after a run: {opens} times; failed to open: {open_failures}")
    print(f"   states no run committed: {wrong_states}; half-applied files visible: {mixed}; "
          f"articles lost that a finished run reported: {lost}")
    print(f"   index found locked by a killed writer (exit 5): {locked}")
    print(f"   leftover files after finished runs: {leftovers}; after the final run: {len(final_leftovers)} "
          f"{final_leftovers or ''}; final run matches the files: {final_ok}")
    return not (open_failures or wrong_states or mixed or lost or locked or leftovers or final_leftovers) and final_ok


# --- 2. readers while a writer commits --------------------------------------------------------------------
QUERIES = [CONSTANT_WORD, "Казахстан", "министр Петров", '"продолжим работу"', "Омск OR Казахстан",
           "проект* -снег", f"{CONSTANT_WORD} date:[2020 TO *]"]


def writer_loop(corpus: Path, root: Path, seconds: float, seed: int) -> None:
    rng = random.Random(seed)
    a = presssearch.open_archive(root)
    commits = rebuilds = 0
    until = time.monotonic() + seconds
    version = 1000
    while time.monotonic() < until:
        version += 1
        for n in rng.sample(range(NFILES), rng.randint(1, 3)):  # changes only: the article set stays the same
            write_file(corpus, n, version)
        rebuild = rng.random() < 0.15
        a.update([corpus], rebuild=rebuild, lock_wait=30)
        commits += 1
        rebuilds += rebuild
    print(json.dumps({"commits": commits, "rebuilds": rebuilds}))


def searcher_loop(root: Path, seconds: float, expected: int, seed: int) -> None:
    rng = random.Random(seed)
    a = presssearch.open_archive(root)
    searches = failed = empty = mixed = 0
    times: list[float] = []
    samples: list[str] = []
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        q = rng.choice(QUERIES)
        t0 = time.perf_counter()
        try:
            if rng.random() < 0.2:
                res = a.quotes("проектом", limit=5, facets=["speaker"])
                bad_empty = res.total != expected
            else:
                res = a.search(q, limit=expected, facets=["source", "date"])
                bad_empty = res.total == 0 or (q == CONSTANT_WORD and res.total != expected)
                state = {}
                for h in res:
                    m = TITLE.match(h.title)
                    state[m.group(1)] = int(m.group(2))
                mixed += mixed_files(state)
            empty += bad_empty
            if bad_empty and len(samples) < 5:
                samples.append(f"{q!r}: {res.total}")
        except Exception as e:  # noqa: BLE001 - every error is a failure here
            failed += 1
            if len(samples) < 5:
                samples.append(f"{q!r}: {type(e).__name__}: {e}")
        times.append(time.perf_counter() - t0)
        searches += 1
    times.sort()
    print(json.dumps({"searches": searches, "failed": failed, "empty": empty, "mixed": mixed,
                      "p50": times[len(times) // 2] if times else 0,
                      "p99": times[int(len(times) * 0.99)] if times else 0, "samples": samples}))


def run_concurrent(minutes: float, seed: int, work: Path) -> bool:
    corpus, root = work / "conc-corpus", work / "conc-index"
    corpus.mkdir(parents=True)
    for n in range(NFILES):
        write_file(corpus, n, 0)
    expected = len(corpus_state(corpus))
    presssearch.open_archive(root).update([corpus])
    seconds = minutes * 60
    me = [PYTHON, str(Path(__file__).resolve())]
    writer = subprocess.Popen([*me, "--_writer", str(corpus), str(root), str(seconds), str(seed)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    searchers = [subprocess.Popen([*me, "--_searcher", str(root), str(seconds), str(expected), str(seed + i)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(3)]
    outs = []
    for p in [writer, *searchers]:
        out, err = p.communicate(timeout=seconds + 600)
        if p.returncode != 0:
            print(f"   a process failed (exit {p.returncode}): {err.strip()[-500:]}")
            return False
        outs.append(json.loads(out.strip().splitlines()[-1]))
    w, rs = outs[0], outs[1:]
    total = sum(r["searches"] for r in rs)
    failed = sum(r["failed"] for r in rs)
    empty = sum(r["empty"] for r in rs)
    mixed = sum(r["mixed"] for r in rs)
    print(f"2. One writer and three searchers for {minutes:g} min")
    print(f"   writer: {w['commits']} commits ({w['rebuilds']} rebuilds); searches: {total} "
          f"({total / seconds:.0f}/s); failed: {failed}; wrongly empty or wrong totals: {empty}; "
          f"half-applied updates seen: {mixed}")
    print(f"   latency per searcher p50/p99: " + ", ".join(f"{r['p50'] * 1000:.1f}/{r['p99'] * 1000:.1f} ms" for r in rs))
    for r in rs:
        for s in r["samples"]:
            print(f"   sample: {s}")
    return failed == empty == mixed == 0 and w["commits"] > 0


# --- 3. fuzzing the query parser + search -----------------------------------------------------------------
WORDS = ["Казахстан", "казахстаном", "Бурков", "министр", "сотрудничество", "МГИМО", "липы", "Москва", "ё", "ёлка",
         "в", "и", "не", "the", "COVID-19", "Омск", "вице-министр", "2019", "Путин", "Голунов", "12,5", "a", "я"]
SYNTAX = ["OR", "AND", "NOT", "ИЛИ", "И", "НЕ", "-", "+", "(", ")", "\"", "«", "»", "*", "=", "~", "~5", "~0", "~99999",
          ":", "[", "]", "TO", "{", "}", "^2", "\\", "'", "?", "!", "&&", "||", "/", "…", "—"]
FIELDS = ["title:", "lead:", "text:", "source:", "author:", "speaker:", "date:", "kind:", "id:", "unknown:", "TITLE:"]
DATES = ["2019", "2019-11", "2019-11-06", "2019-13", "2019-02-30", "0000", "9999-12-31", "19", "2019-11-06T11:03",
         "[2019-01-01 TO 2019-06-30]", "[2019 TO *]", "[* TO *]", "[2020 TO 2019]", "[TO]", "[2019 TO"]
ODD = ["", " ", "\t\n", "\x00", "\u200b", "\ud83d\ude00", "😀", "\u0301", "𝔸", "\x7f", "%s", "{0}", "'; DROP", "NULL",
       "a" * 300, "ж" * 1000, "*" * 50, "(" * 200, ")" * 200, "\"" * 7, "~" * 9, "-" * 30, "é", "ǅ", "\ufeff", "\ue000"]


def fuzz_query(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.05:  # random unicode
        return "".join(chr(rng.randrange(1, 0x2FFFF)) for _ in range(rng.randrange(1, 40)))
    if kind < 0.10:  # random printable ASCII soup
        return "".join(rng.choice("abc ()\"'*~:-=[]{}^\\/!?ORANDNOT0123456789") for _ in range(rng.randrange(1, 60)))
    parts = []
    for _ in range(rng.randrange(1, 9)):
        r = rng.random()
        if r < 0.40:
            parts.append(rng.choice(WORDS))
        elif r < 0.65:
            parts.append(rng.choice(SYNTAX))
        elif r < 0.80:
            parts.append(rng.choice(FIELDS) + rng.choice(WORDS + DATES + ['"Иван Голунов"', "*", ""]))
        elif r < 0.88:
            parts.append("date:" + rng.choice(DATES))
        elif r < 0.94:
            parts.append(rng.choice(WORDS)[: rng.randrange(0, 4)] + "*")
        else:
            parts.append(rng.choice(ODD))
    sep = rng.choice([" ", " ", " ", "", "\n"])
    return sep.join(parts)


def fuzz_index(work: Path, given: str | None, build_corpus: bool) -> Path:
    if given:
        return Path(given)
    if CORPUS.is_dir() and build_corpus:
        root = work / "corpus-index"
        print(f"   building an index of {CORPUS} (long) …", flush=True)
        presssearch.open_archive(root).update([CORPUS])
        return root
    root = work / "data-index"
    presssearch.open_archive(root).update([DATA])
    return root


def fuzz_worker(root: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    a = presssearch.open_archive(root)
    a.search("")  # open the snapshot before timing
    times: list[float] = []
    query_errors = 0
    others: list[str] = []
    slowest: list[tuple[float, str]] = []
    for _ in range(n):
        q = fuzz_query(rng)
        kind = rng.random()
        t0 = time.perf_counter()
        try:
            if kind < 0.7:
                a.search(q, limit=10)
            elif kind < 0.85:
                a.quotes(q, limit=10, facets=["speaker"])
            else:
                a.search(q, limit=5, facets=["source", "date"], sort=rng.choice(["relevance", "date", "-date"]))
        except QueryError:
            query_errors += 1
        except Exception as e:  # noqa: BLE001 - the finding
            if len(others) < 20:
                others.append(f"{q!r}: {type(e).__name__}: {e}")
            else:
                others.append("")
        times.append(time.perf_counter() - t0)
        slowest.append((times[-1], q))
        if len(slowest) > 50:
            slowest = sorted(slowest, reverse=True)[:5]
    print(json.dumps({"n": n, "query_errors": query_errors, "others": others, "times": times,
                      "slowest": sorted(slowest, reverse=True)[:5]}))


def run_fuzz(n: int, seed: int, work: Path, given: str | None, build_corpus: bool, procs: int) -> bool:
    root = fuzz_index(work, given, build_corpus)
    with presssearch.open_archive(root) as a:
        articles = a.stats()["articles"]
    me = [PYTHON, str(Path(__file__).resolve())]
    share = [n // procs + (1 if i < n % procs else 0) for i in range(procs)]
    t0 = time.monotonic()
    ps = [subprocess.Popen([*me, "--_fuzzer", str(root), str(k), str(seed + i)], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True) for i, k in enumerate(share)]
    results = []
    for p in ps:
        out, err = p.communicate()
        if p.returncode != 0:
            print(f"   a fuzz process failed (exit {p.returncode}): {err.strip()[-800:]}")
            return False
        results.append(json.loads(out))
    times = sorted(t for r in results for t in r["times"])
    others = [o for r in results for o in r["others"]]
    qerr = sum(r["query_errors"] for r in results)

    def pct(p: float) -> float:
        return times[min(len(times) - 1, int(len(times) * p))] * 1000

    print(f"3. Query fuzzing: {len(times)} random queries in {procs} processes, {time.monotonic() - t0:.0f} s, "
          f"against {root} ({articles} articles)")
    print(f"   QueryError (expected for bad input): {qerr}; other exceptions: {len(others)}")
    print(f"   parse+search latency p50 {pct(0.5):.2f} ms, p90 {pct(0.9):.2f} ms, p99 {pct(0.99):.2f} ms, "
          f"max {times[-1] * 1000:.0f} ms")
    for t, q in sorted((tq for r in results for tq in r["slowest"]), reverse=True)[:5]:
        print(f"   slow: {t * 1000:.0f} ms {q[:80]!r}")
    for o in [o for o in others if o][:10]:
        print(f"   exception: {o[:300]}")
    return not others


# --- 4. hostile input files -------------------------------------------------------------------------------
def hostile_folder(d: Path) -> list[str]:
    """A folder of hostile files; returns the names of the files in it that the run must account for."""
    d.mkdir(parents=True)
    article = ("# Заголовок {0}\n\nPublished at: **2019-11-06T11:03:00+00:00**\n\n    Лид статьи {0}.\n\n"
               "Текст статьи {0} о Казахстане.\n")
    rng = random.Random(1)
    (d / "utf16.txt").write_bytes(article.format("утф16").encode("utf-16"))
    (d / "utf16be.md").write_bytes(b"\xfe\xff" + article.format("утф16бе").encode("utf-16-be"))
    (d / "cp1251.txt").write_bytes(article.format("цп1251").encode("cp1251"))
    (d / "koi8.txt").write_bytes(article.format("кои8").encode("koi8-r"))
    (d / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "bom1", "text": "С меткой порядка."},
                                                                ensure_ascii=False).encode() + b"\r\n")
    (d / "empty.txt").write_bytes(b"")
    (d / "empty.jsonl").write_bytes(b"")
    (d / "blank.txt").write_text("\n\n   \n")
    (d / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(8192)))
    (d / "noise.md").write_bytes(bytes(rng.randrange(1, 256) for _ in range(8192)))
    (d / "binary.jsonl.gz").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    import gzip

    blob = gzip.compress((json.dumps({"id": "gz1", "text": "Сжатая запись."}, ensure_ascii=False) + "\n").encode() * 50)
    (d / "truncated.jsonl.gz").write_bytes(blob[: len(blob) * 2 // 3])
    with open(d / "huge.txt", "wb") as f:
        f.truncate(100 * 1024 * 1024)
    with open(d / "huge.jsonl", "wb") as f:
        f.truncate(100 * 1024 * 1024)
    (d / "longline.jsonl").write_text(json.dumps({"id": "long1", "text": "слово " * 2_000_000}) + "\n")
    good = {"id": "ok-1", "title": "Целая запись", "text": "Текст целой записи о Казахстане."}
    (d / "truncated.jsonl").write_text(json.dumps(good, ensure_ascii=False) + "\n" + '{"id": "cut", "text": "обор',
                                       encoding="utf-8")
    (d / "nested.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n" + '{"a":' * 5000 + "1" + "}" * 5000 + "\n"
                                    + json.dumps({"id": "after-nested", "text": "Запись после вложенной."},
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    records = [{"id": "d1", "text": "Плохая дата один.", "date": "2019-13-45"},
               {"id": "d2", "text": "Плохая зона два.", "date": "2019-11-06T11:03:00+25:00"},
               {"id": "d3", "text": "Дата числом три.", "date": 20191106},
               {"id": "d4", "text": "Дата мусор четыре.", "date": "вчера"},
               {"id": "d5", "text": "Дата далеко пять.", "date": "99999-01-01"},
               {"id": "d6", "text": "Зона буквами шесть.", "date": "2019-11-06T11:03:00 MSK"},
               {"id": "m1", "text": "Только текст."},
               {"id": "m2", "title": "Без текста"},
               {"text": "Без id вообще, но с текстом."},
               {"id": "t1", "text": "Теги не список.", "tags": "один", "author": 5, "source": None},
               {"id": "s1", "text": "Одинокий суррогат \ud800 внутри.", "title": "\udfff"},
               {"id": "n1", "text": "Нулевой \u0000 символ внутри."},
               {"id": ["list"], "text": "id списком."},
               {"id": "e1", "text": ""},
               [1, 2, 3], "строка", None, 42]
    (d / "records.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in records) + "\n",
                                     encoding="utf-8", errors="surrogatepass")
    outside = d.parent / "outside"
    outside.mkdir()
    (outside / "linked.txt").write_text(article.format("ссылка"), encoding="utf-8")
    (d / "link.txt").symlink_to(outside / "linked.txt")
    (d / "dangling.txt").symlink_to(d.parent / "nowhere.txt")
    (d / "loop").symlink_to(d)
    (d / "dir.txt").mkdir()
    os.mkfifo(d / "fifo.txt")
    return sorted(p.name for p in d.iterdir() if p.name not in ("loop", "dir.txt"))


def run_hostile(work: Path) -> bool:
    folder, root = work / "hostile", work / "hostile-index"
    names = hostile_folder(folder)
    t0 = time.monotonic()
    proc = subprocess.run([PYTHON, "-m", "presssearch", "index", "--index", str(root), str(folder)],
                          capture_output=True, text=True, timeout=600)
    seconds = time.monotonic() - t0
    out = proc.stdout + proc.stderr
    skipped = [line[len("skipped: "):] for line in proc.stderr.splitlines() if line.startswith("skipped: ")]
    crashed = proc.returncode not in (0, 1) or "Traceback" in out or "Internal error" in out
    with presssearch.open_archive(root) as a:
        hits = a.search("", limit=10_000)
    indexed_from: dict[str, int] = {}
    with presssearch.open_archive(root) as a:
        for h in hits:
            p = Path(a.article(h.id).path or "").name
            indexed_from[p] = indexed_from.get(p, 0) + 1
    unaccounted = []
    print(f"4. Hostile input files: {len(names)} files, exit {proc.returncode}, {seconds:.1f} s, "
          f"{len(hits.hits)} articles indexed, {len(skipped)} skip notes")
    for name in names:
        notes = [s.split(": ", 1)[1] for s in skipped if Path(s.split(": ", 1)[0]).name == name]
        target = Path(os.path.realpath(folder / name)).name  # a symbolic link's articles carry its target's path
        got = indexed_from.get(name, 0) + (indexed_from.get(target, 0) if target != name else 0)
        if not got and not notes:
            unaccounted.append(name)
        print(f"   {name:20} indexed {got:2}  {'; '.join(notes)[:110]}")
    summary = [line for line in proc.stdout.splitlines() if line.startswith(("Indexed", "Nothing"))]
    print(f"   summary: {summary[0] if summary else '(none)'}")
    print(f"   crashes: {int(crashed)}; files neither indexed nor reported: {len(unaccounted)} {unaccounted or ''}")
    return not crashed and not unaccounted and proc.returncode == 1


# --- main -------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="short run: 30 kills, 0.5 min, 20,000 fuzz inputs")
    ap.add_argument("--only", help="comma-separated parts: kill,concurrent,fuzz,hostile")
    ap.add_argument("--kills", type=int, help="SIGKILLs (default 200)")
    ap.add_argument("--minutes", type=float, help="length of the concurrent part (default 5)")
    ap.add_argument("--fuzz", type=int, help="fuzz inputs (default 200,000)")
    ap.add_argument("--fuzz-index", help="an existing index to fuzz against (default: data/ indexed afresh)")
    ap.add_argument("--fuzz-corpus", action="store_true", help="fuzz against a fresh index of ../shared/corpus (slow)")
    ap.add_argument("--procs", type=int, default=min(2, os.cpu_count() or 1), help="fuzz processes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    args = ap.parse_args(argv)
    kills = args.kills or (30 if args.quick else 200)
    minutes = args.minutes if args.minutes is not None else (0.5 if args.quick else 5.0)
    fuzz_n = args.fuzz or (20_000 if args.quick else 200_000)
    parts = args.only.split(",") if args.only else ["kill", "concurrent", "fuzz", "hostile"]
    work = Path(tempfile.mkdtemp(prefix="presssearch-stress-"))
    ok = True
    try:
        for part in parts:
            t0 = time.monotonic()
            if part == "kill":
                good = run_kill(kills, args.seed, work)
            elif part == "concurrent":
                good = run_concurrent(minutes, args.seed, work)
            elif part == "fuzz":
                good = run_fuzz(fuzz_n, args.seed, work, args.fuzz_index, args.fuzz_corpus, max(1, args.procs))
            elif part == "hostile":
                good = run_hostile(work)
            else:
                print(f"unknown part {part!r}")
                return 2
            print(f"   → {'OK' if good else 'FAILED'} ({time.monotonic() - t0:.0f} s)\n", flush=True)
            ok &= good
    finally:
        if args.keep:
            print(f"work folder: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("ALL OK" if ok else "SOME CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--_writer":
        writer_loop(Path(sys.argv[2]), Path(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--_searcher":
        searcher_loop(Path(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif len(sys.argv) > 1 and sys.argv[1] == "--_fuzzer":
        fuzz_worker(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(main())
