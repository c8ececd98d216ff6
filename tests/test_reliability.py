"""Reliability: atomic generations, damage detection and repair, readers during writes, the one-writer
lock, the format version, SIGKILL at random points, and hostile input files through the CLI.

The long versions of these checks are in scripts/stress.py.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import presssearch
from presssearch.cli.main import cli
from presssearch.engine import Snapshot, store
from presssearch.errors import IndexDamaged, IndexLocked, IndexVersionError
from presssearch.searching import run_search

TITLE = re.compile(r"Статья (f\d+-a\d+) версия (\d+)")
PYTHON = sys.executable


# --- a small corpus whose every update is visible as a version number in every title ------------------
def write_file(folder: Path, n: int, version: int, per_file: int = 4) -> None:
    """One JSON Lines file of ``per_file`` articles, all carrying ``version`` (written atomically)."""
    lines = []
    for j in range(per_file):
        aid = f"f{n}-a{j}"
        lines.append(json.dumps({
            "id": aid, "source": "Стресс", "date": "2020-01-02", "author": "Иван Петров",
            "title": f"Статья {aid} версия {version}",
            "text": f"Постоянное слово для поиска. Статья {aid} версия {version}. "
                    f"«Мы продолжим работу над проектом», — сказал министр Иван Петров. Погода в Омске хорошая.",
        }, ensure_ascii=False))
    tmp = folder / f".f{n}.tmp"
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, folder / f"f{n}.jsonl")


def write_corpus(folder: Path, nfiles: int = 3, version: int = 0) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(nfiles):
        write_file(folder, n, version)
    return expected_state(folder)


def expected_state(folder: Path) -> dict[str, int]:
    """article id → version, as the corpus on disk says."""
    state = {}
    for p in folder.glob("f*.jsonl"):
        for line in p.read_text(encoding="utf-8").splitlines():
            m = TITLE.match(json.loads(line)["title"])
            state[m.group(1)] = int(m.group(2))
    return state


def index_state(root: Path) -> dict[str, int]:
    """article id → version, as the index answers (a fresh Archive each time)."""
    with presssearch.open_archive(root) as a:
        res = a.search("", limit=10_000)
        assert a.search("постоянное").total == res.total
    state = {}
    for h in res:
        m = TITLE.match(h.title)
        state[m.group(1)] = int(m.group(2))
    return state


@pytest.fixture
def index_copy(tmp_path) -> tuple[Path, Path]:
    """(corpus folder, index of it), fresh for each test: 3 files of 4 articles, version 0."""
    corpus, root = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus)
    presssearch.open_archive(root).update([corpus])
    return corpus, root


def cli_run(*args: str):
    return CliRunner().invoke(cli, list(args))


def live(root: Path) -> Path:
    return store.current_generation(root)


# --- damage: every kind of file, truncated or deleted --------------------------------------------------
def _file_of(gen: Path, kind: str) -> Path:
    pattern = {"segment": "*.seg", "toc": "_MAIN_*.toc", "facets": "facets.npz", "manifest": "manifest.json",
               "meta": "presssearch.json"}[kind]
    return next(gen.glob(pattern))


def _truncate(p: Path) -> None:
    with open(p, "r+b") as f:
        f.truncate(p.stat().st_size // 2)


DAMAGE = {
    **{f"truncate-{k}": (lambda r, k=k: _truncate(_file_of(live(r), k)))
       for k in ("segment", "toc", "facets", "manifest", "meta")},
    **{f"delete-{k}": (lambda r, k=k: _file_of(live(r), k).unlink())
       for k in ("segment", "toc", "facets", "manifest", "meta")},
    "garbage-CURRENT": lambda r: (r / "CURRENT").write_bytes(b"\x00\xff garbage"),
    "empty-CURRENT": lambda r: (r / "CURRENT").write_bytes(b""),
    "CURRENT-names-nothing": lambda r: (r / "CURRENT").write_text("gen-999999"),
    "delete-generation": lambda r: shutil.rmtree(live(r)),
    "garbage-meta": lambda r: (live(r) / "presssearch.json").write_text("{not json"),
    "meta-not-object": lambda r: (live(r) / "presssearch.json").write_text("[1]"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damage_is_one_typed_error_and_rebuild_repairs_it(index_copy, damage):
    corpus, root = index_copy
    DAMAGE[damage](root)
    with pytest.raises(IndexDamaged) as e:
        presssearch.open_archive(root).search("постоянное")
    assert f"--rebuild --index {root}" in e.value.hint
    res = cli_run("search", "--index", str(root), "постоянное")
    assert res.exit_code == 6, res.output
    assert "damaged" in res.output and "--rebuild" in res.output and "Traceback" not in res.output
    assert cli_run("index", "--index", str(root), str(corpus)).exit_code == 6  # no update on a damaged index
    res = cli_run("index", "--index", str(root), "--rebuild", str(corpus))
    assert res.exit_code == 0, res.output
    assert index_state(root) == expected_state(corpus)
    assert cli_run("index", "--index", str(root), str(corpus)).exit_code == 0
    assert store.leftovers(root) == []


def test_same_size_corruption_is_damage_or_still_answers(index_copy):
    """store.verify checks sizes only: bytes scrambled in place must give IndexDamaged or answers, never a raw
    exception (decoding errors inside the codec count as damage)."""
    from presssearch.errors import PresssearchError

    corpus, root = index_copy
    seg = _file_of(live(root), "segment")
    original = seg.read_bytes()
    rng = random.Random(11)
    outcomes = set()
    for trial in range(12):
        data = bytearray(original)
        at = rng.randrange(len(data) // 4, len(data))
        for i in range(at, min(len(data), at + 64)):
            data[i] = rng.randrange(256)
        seg.write_bytes(bytes(data))
        for query in ("постоянное", '"постоянное значение"', "пост*", "x OR постоянное"):
            try:
                presssearch.open_archive(root).search(query)
                outcomes.add("answered")
            except PresssearchError as e:
                outcomes.add(type(e).__name__)
    seg.write_bytes(original)
    assert outcomes <= {"answered", "IndexDamaged", "QueryError"}


def test_format_version_is_refused_with_the_rebuild_command(index_copy):
    corpus, root = index_copy
    meta_path = live(root) / "presssearch.json"
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps(dict(meta, format=meta["format"] + 1)))
    with pytest.raises(IndexVersionError):
        presssearch.open_archive(root).search("x")
    for args in (("search", "x"), ("stats",), ("index", str(corpus))):
        res = cli_run(args[0], "--index", str(root), *args[1:])
        assert res.exit_code == 7, res.output
        assert "--rebuild" in res.output
    assert cli_run("index", "--index", str(root), "--rebuild", str(corpus)).exit_code == 0
    assert presssearch.open_archive(root).search("постоянное").total == len(expected_state(corpus))


# --- generations ---------------------------------------------------------------------------------------
def test_update_never_touches_the_live_generation(index_copy):
    corpus, root = index_copy
    before = {p.name: (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes()) for p in live(root).iterdir()}
    old = live(root)
    write_file(corpus, 1, 5)
    presssearch.open_archive(root).update([corpus])
    assert live(root) != old
    after = {p.name: (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes()) for p in old.iterdir()}
    assert after == before
    assert store.leftovers(root) == []


def test_killed_run_leftovers_are_cleaned_by_the_next_run(index_copy):
    corpus, root = index_copy
    n = store._gen_number(live(root).name)
    (root / f"tmp-gen-{n + 1:06d}-99999").mkdir()
    (root / f"gen-{n + 1:06d}").mkdir()  # renamed, but CURRENT never switched to it
    (root / ".CURRENT.99999.tmp").write_text("gen-")
    assert index_state(root) == expected_state(corpus)  # readers do not mind
    write_file(corpus, 0, 1)
    presssearch.open_archive(root).update([corpus])
    assert store.leftovers(root) == []
    assert index_state(root) == expected_state(corpus)


def test_a_snapshot_outlives_the_deletion_of_its_generation(index_copy):
    corpus, root = index_copy
    snap = Snapshot(root)
    for v in (1, 2, 3):
        write_file(corpus, 0, v)
        presssearch.open_archive(root).update([corpus])
    assert not snap.gen.exists()
    kw = dict(limit=50, facets=["source", "date", "speaker"], source=None, author=None, speaker=None,
              date_from=None, date_to=None, sort="relevance", date_by="month", explain=False, time_limit=10.0)
    res = run_search(snap, "article", "постоянное", **kw)
    assert res.total == 12 and all("версия 0" in h.title for h in res)
    assert run_search(snap, "quote", "проектом", **kw).total >= 1


def test_an_archive_held_across_updates_follows_them(index_copy):
    corpus, root = index_copy
    reader = presssearch.open_archive(root)
    assert reader.search("постоянное").total == 12
    for v in (1, 2, 3):
        write_file(corpus, 2, v)
        presssearch.open_archive(root).update([corpus])
        assert index_state(root)["f2-a0"] == v
        res = reader.search("постоянное", limit=50)
        assert res.total == 12
        assert {h.title for h in res if "f2-" in h.title} == {f"Статья f2-a{j} версия {v}" for j in range(4)}
        assert reader.article("f2-a1").title.endswith(f"версия {v}")
        assert reader.stats()["articles"] == 12


# --- one writer ----------------------------------------------------------------------------------------
def test_second_writer_waits_then_stops_with_exit_5(index_copy):
    corpus, root = index_copy
    with store.write_lock(root, wait=0):
        t0 = time.monotonic()
        res = cli_run("index", "--index", str(root), "--wait", "0.5", str(corpus))
        waited = time.monotonic() - t0
        with pytest.raises(IndexLocked):
            presssearch.open_archive(root).update([corpus], lock_wait=0)
    assert res.exit_code == 5, res.output
    assert "being written by another" in res.output and f"process {os.getpid()}" in res.output
    assert 0.5 <= waited < 5
    assert index_state(root) == expected_state(corpus)  # readers are not blocked by the lock


def test_sigkilled_writer_leaves_no_lock(tmp_path):
    code = f"import time; from presssearch.engine import store; from pathlib import Path\n" \
           f"with store.write_lock(Path({str(tmp_path / 'ix')!r}), wait=0):\n" \
           f"    print('locked', flush=True); time.sleep(60)\n"
    proc = subprocess.Popen([PYTHON, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    with pytest.raises(IndexLocked):
        with store.write_lock(tmp_path / "ix", wait=0.2):
            pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    with store.write_lock(tmp_path / "ix", wait=0):
        pass


# --- SIGKILL at random points of indexing, updating and rebuilding ------------------------------------
def _run_cli(root: Path, args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "-m", "presssearch", "index", "-q", "--wait", "2", "--index", str(root), *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def test_sigkill_at_random_points_loses_nothing(tmp_path):
    rng = random.Random(7)
    corpus, root = tmp_path / "corpus", tmp_path / "index"
    history = [write_corpus(corpus, nfiles=3)]  # corpus states; the index must show one of them
    finished: int | None = None  # the newest corpus state a finished run reported
    kills = 0
    version = 0
    full_run = 0.0
    for step in range(40):  # 22 steps, more while under 8 runs were killed (a loaded machine runs unevenly)
        if step >= 22 and kills >= 8:
            break
        if step:
            version += 1
            changed = rng.sample(range(4), rng.randint(1, 2))
            for n in changed:
                if n == 3 and (corpus / "f3.jsonl").exists() and rng.random() < 0.5:
                    (corpus / "f3.jsonl").unlink()
                else:
                    write_file(corpus, n, version)
            history.append(expected_state(corpus))
        rebuild = ["--rebuild"] if rng.random() < 0.3 else []
        t0 = time.monotonic()
        proc = _run_cli(root, [*rebuild, str(corpus)])
        try:
            proc.wait(rng.uniform(0.1, 1.1) * full_run if step else 120)  # the first run finishes: its time
            full_run = full_run or time.monotonic() - t0
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
        err = proc.stderr.read()
        proc.stderr.close()
        if proc.returncode in (0, 1):
            finished = len(history) - 1
            assert store.leftovers(root) == [], "a finished run left files behind"
        else:
            assert proc.returncode == -signal.SIGKILL, err
        if store.current_name(root) is None:
            assert finished is None, "a finished run's index disappeared"
            continue
        state = index_state(root)  # opens and answers, every time
        assert state in history[finished or 0:], f"step {step}: the index shows a state no run committed"
    assert kills >= 8
    proc = _run_cli(root, [str(corpus)])
    assert proc.wait(60) in (0, 1), proc.stderr.read()
    proc.stderr.close()
    assert index_state(root) == history[-1]
    assert store.leftovers(root) == []


# --- readers while a writer commits -------------------------------------------------------------------
WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from test_reliability import write_file
    import presssearch
    corpus, root, until = Path({corpus!r}), Path({root!r}), time.monotonic() + {seconds}
    a = presssearch.open_archive(root)
    v = 0
    while time.monotonic() < until:
        v += 1
        write_file(corpus, v % 3, v)
        a.update([corpus], rebuild=(v % 4 == 0))
    print(v)
""")


def test_searches_during_updates_and_rebuilds_never_fail(index_copy):
    corpus, root = index_copy
    code = WRITER.format(tests=str(Path(__file__).parent), corpus=str(corpus), root=str(root), seconds=6)
    writer = subprocess.Popen([PYTHON, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    failures, searches = [], 0
    stop = threading.Event()

    def search_loop():
        nonlocal searches
        a = presssearch.open_archive(root)
        while not stop.is_set():
            try:
                res = a.search("постоянное", limit=20, facets=["source"])
                if res.total != 12 or len(res.hits) != 12 or dict(res.facets["source"]) != {"Стресс": 12}:
                    failures.append(f"wrong result: {res.total}")
                per_file = {}
                for h in res:
                    m = TITLE.match(h.title)
                    per_file.setdefault(m.group(1).split("-")[0], set()).add(m.group(2))
                if any(len(vs) != 1 for vs in per_file.values()):
                    failures.append(f"half-applied update visible: {per_file}")
                if a.quotes("проектом").total != 12:
                    failures.append("wrong quote count")
            except Exception as e:  # noqa: BLE001 - any error is a failure here
                failures.append(f"{type(e).__name__}: {e}")
            searches += 1

    threads = [threading.Thread(target=search_loop) for _ in range(2)]
    for t in threads:
        t.start()
    out, err = writer.communicate(timeout=120)
    stop.set()
    for t in threads:
        t.join()
    assert writer.returncode == 0, err
    assert int(out.strip()) >= 3, "the writer committed too rarely to test anything"
    assert searches > 20
    assert failures == []


# --- hostile input files, end to end through the CLI ----------------------------------------------------
def hostile_folder(d: Path) -> dict[str, str]:
    """Write a folder of hostile files; returns name → "indexed" | "skipped" (what must happen)."""
    d.mkdir()
    article = "# Заголовок {0}\n\nPublished at: **2019-11-06T11:03:00+00:00**\n\n    Лид статьи {0}.\n\nТекст статьи {0} о Казахстане.\n"
    (d / "utf16.txt").write_bytes(article.format("утф").encode("utf-16"))
    (d / "empty.txt").write_bytes(b"")
    rng = random.Random(1)
    (d / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (d / "noise.md").write_bytes(bytes(rng.randrange(1, 256) for _ in range(4096)))  # no NUL bytes
    with open(d / "huge.txt", "wb") as f:
        f.truncate(100 * 1024 * 1024)  # 100 MB (sparse)
    with open(d / "huge.jsonl", "wb") as f:
        f.truncate(100 * 1024 * 1024)
    good = {"id": "ok-1", "title": "Целая запись", "text": "Текст целой записи о Казахстане."}
    (d / "truncated.jsonl").write_text(json.dumps(good, ensure_ascii=False) + "\n" + '{"id": "cut", "text": "обор',
                                       encoding="utf-8")
    (d / "nested.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps(
        {"id": "after-nested", "text": "Запись после вложенной."}, ensure_ascii=False) + "\n", encoding="utf-8")
    dates = [{"id": "d1", "text": "Плохая дата один.", "date": "2019-13-45"},
             {"id": "d2", "text": "Плохая зона два.", "date": "2019-11-06T11:03:00+25:00"},
             {"id": "d3", "text": "Дата числом три.", "date": 20191106},
             {"id": "d4", "text": "Дата мусор четыре.", "date": "вчера"},
             {"id": "m1", "text": "Только текст."},
             {"id": "m2", "title": "Без текста"},
             {"text": "Без id вообще, но с текстом."},
             {"id": "t1", "text": "Теги не список.", "tags": "один", "author": 5, "source": None}]
    (d / "dates.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in dates) + "\n",
                                   encoding="utf-8")
    outside = d.parent / "outside"
    outside.mkdir()
    (outside / "linked.txt").write_text(article.format("ссылка"), encoding="utf-8")
    (d / "link.txt").symlink_to(outside / "linked.txt")
    (d / "dangling.txt").symlink_to(d.parent / "nowhere.txt")
    (d / "loop").symlink_to(d)
    return {"utf16.txt": "indexed", "empty.txt": "skipped", "binary.txt": "skipped", "noise.md": "skipped", "huge.txt": "skipped",
            "huge.jsonl": "skipped", "truncated.jsonl": "skipped", "nested.jsonl": "skipped",
            "dates.jsonl": "skipped", "link.txt": "indexed", "dangling.txt": "skipped"}


def test_hostile_files_through_the_cli(tmp_path):
    expect = hostile_folder(tmp_path / "in")
    root = tmp_path / "index"
    res = cli_run("index", "--index", str(root), str(tmp_path / "in"))
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output and "Internal error" not in res.output
    skipped_lines = [line for line in res.output.splitlines() if line.startswith("skipped: ")]
    for name, what in expect.items():
        if what == "skipped":
            assert any(name in line for line in skipped_lines), (name, res.output)
    summary = re.search(r"(\d+) added, .* (\d+) skipped", res.output)
    assert summary and int(summary.group(2)) == len(skipped_lines) > 0
    a = presssearch.open_archive(root)
    ids = {h.id for h in a.search("", limit=100)}
    assert {"ok-1", "after-nested", "d1", "d2", "d3", "d4", "m1", "t1"} <= ids
    assert "m2" not in ids and "cut" not in ids
    titles = {h.title for h in a.search("", limit=100)}
    assert {"Заголовок утф", "Заголовок ссылка"} <= titles
    again = cli_run("index", "--index", str(root), str(tmp_path / "in"))
    assert again.exit_code == 1 and "skipped" in again.output
