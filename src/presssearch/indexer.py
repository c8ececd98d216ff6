"""Incremental and full index updates: files → articles (+ quotes) → a new generation, swapped in.

The parent process walks the files, reads the articles and keeps every book (manifest, counts,
duplicates, deletions). The manifest keeps a hash of each record's raw bytes, so in a changed file only
the records whose bytes changed are decoded, parsed and content-hashed (``ingest.iter_records``). Quote extraction, analysis and whoosh's posting pool run either in this
process (``_SerialSink``) or, for larger updates, in worker processes that each write their own
segment (``_ParallelSink``); both give the same index content.
"""
from __future__ import annotations

import gc
import json
import os
import queue
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .archive import body_key, speaker_index_keys
from .engine import GenerationWriter, cleanup, current_generation, new_workspace, publish, read_manifest, write_lock
from .engine.documents import content_hash
from .engine.store import MANIFEST, verify
from .errors import PresssearchError
from .model import Skipped, UpdateReport

ENV_PROCS = "PRESSSEARCH_PROCS"
PARALLEL_MIN_BYTES = 2_000_000  # smaller updates are not worth starting workers for
BATCH_ARTICLES = 32  # articles per message to a worker
WORKER_LIMITMB = 512  # each worker starts a new segment beyond this much pooled postings
# While indexing, Python's cyclic collector runs once per this many articles. Indexing makes almost no cyclic
# garbage (41 unreachable objects after 2,000 articles) while one collection walks every object the caches
# and the pool keep (~1 CPU s per million objects, a million after 2,000 articles), so it runs rarely.
GC_EVERY_ARTICLES = 50_000


class _QuoteFailure(Exception):
    pass


def _extract(article) -> None:
    from .quotes import extract_quotes

    try:
        article.quotes = extract_quotes(article.text, title=article.title or None, lead=article.lead or None)
    except Exception as e:  # a rule bug must not cost the user the article
        article.quotes = []
        raise _QuoteFailure(str(e)) from e


def _extract_noted(article, path: str, skipped: list[Skipped]) -> int:
    """Extract the article's quotes; a failure becomes a Skipped note. Returns the number of quotes."""
    try:
        _extract(article)
    except _QuoteFailure as e:
        skipped.append(Skipped(path, f"article {article.id}: quotes not extracted ({e})"))
    return len(article.quotes)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's automatic cyclic garbage collector (restored afterwards).

    Every full collection walks all the objects indexing keeps (the caches of analysed words and pymorphy3
    parses, the pool's term dicts), which cost a fifth of indexing CPU (2,000 articles, one process: 37–47 →
    31–35 s); indexing makes almost no cyclic garbage, so ``collect_now`` runs the collector once per
    ``GC_EVERY_ARTICLES`` articles instead."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            _age_survivors()
            gc.enable()


def _age_survivors() -> None:
    """Move the objects made while the collector was paused (the caches, mostly) to its oldest generation
    unexamined: re-enabling it would otherwise walk them all at the next allocation (0.3-0.5 CPU s after
    2,000 articles), work a full collection does anyway when one comes. Not when objects are frozen already
    (``gc.unfreeze`` would thaw them too)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def collect_now(count: int) -> None:
    """The paused collector's run, after each ``GC_EVERY_ARTICLES`` articles (``count`` so far)."""
    if count % GC_EVERY_ARTICLES == 0:
        gc.collect()


def default_procs() -> int:
    """Worker processes to use: $PRESSSEARCH_PROCS, else the CPUs this process may run on."""
    env = os.environ.get(ENV_PROCS, "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# --- sinks: where the articles to (re)index go ------------------------------------------------------
class _SerialSink:
    """Quotes, analysis and postings in this process."""

    def __init__(self, writer: GenerationWriter, report: UpdateReport):
        self.writer = writer
        self.report = report
        self.count = 0

    def add(self, article, path: str) -> None:
        self.report.quotes += _extract_noted(article, path, self.report.skipped)
        self.writer.add_article(article)
        self.count += 1
        collect_now(self.count)

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        pass


def _next_batch(jobs, parent: int):
    """The next batch, or None at the end — also when the parent has died (killed), so no worker
    outlives it."""
    while True:
        try:
            return jobs.get(timeout=2.0)
        except queue.Empty:
            if os.getppid() != parent:
                return None


def _worker_main(work: str, jobs, results, limitmb: int, parent: int) -> None:
    """A worker: articles in batches from ``jobs`` → quotes → its own segment; its summary to ``results``."""
    from .engine.writer import SegmentBuilder

    gc.disable()  # as in the parent (``gc_paused``), which a forked worker never leaves
    try:
        builder = SegmentBuilder(Path(work), speaker_key=speaker_index_keys, limitmb=limitmb)
        quotes, skipped, count = 0, [], 0
        while (batch := _next_batch(jobs, parent)) is not None:
            for article, path in batch:
                quotes += _extract_noted(article, path, skipped)
                builder.add_article(article)
                count += 1
                collect_now(count)
        results.put(("ok", builder.finish(), quotes, skipped))
    except BaseException as e:  # report, never hang the parent
        results.put(("error", f"{type(e).__name__}: {e}", 0, []))


class _ParallelSink:
    """Articles go in batches to ``procs`` forked workers, each writing its own segment."""

    def __init__(self, ctx, writer: GenerationWriter, report: UpdateReport, procs: int):
        self.writer = writer
        self.report = report
        self.jobs = ctx.Queue(maxsize=2 * procs)
        self.results = ctx.Queue()
        self.batch: list = []
        self.workers = [
            ctx.Process(target=_worker_main, args=(str(writer.work), self.jobs, self.results, WORKER_LIMITMB, os.getpid()),
                        daemon=True)
            for _ in range(procs)
        ]
        frozen = gc.get_freeze_count() == 0  # (not when the caller froze objects: unfreeze would thaw them)
        if frozen:
            gc.freeze()  # what the workers inherit stays out of their collections (and its pages unwritten)
        try:
            for w in self.workers:
                w.start()
        finally:
            if frozen:
                gc.unfreeze()

    def add(self, article, path: str) -> None:
        self.batch.append((article, path))
        if len(self.batch) >= BATCH_ARTICLES:
            self._put(self.batch)
            self.batch = []

    def _put(self, item) -> None:
        while True:
            try:
                self.jobs.put(item, timeout=1.0)
                return
            except queue.Full:
                if any(w.exitcode is not None for w in self.workers):  # none may stop before its None
                    raise _worker_died() from None

    def _get(self):
        while True:
            try:
                return self.results.get(timeout=1.0)
            except queue.Empty:
                codes = [w.exitcode for w in self.workers]
                if any(c not in (None, 0) for c in codes) or None not in codes:
                    try:  # a result put just before its worker exited may still be in the pipe
                        return self.results.get(timeout=1.0)
                    except queue.Empty:
                        raise _worker_died() from None

    def finish(self) -> None:
        if self.batch:
            self._put(self.batch)
            self.batch = []
        for _ in self.workers:
            self._put(None)
        segments, errors = [], []
        for _ in self.workers:
            status, segment, quotes, skipped = self._get()
            if status != "ok":
                errors.append(segment)
                continue
            segments.extend(segment)
            self.report.quotes += quotes
            self.report.skipped.extend(skipped)
        for w in self.workers:
            w.join()
        if errors:
            raise PresssearchError(f"An indexing worker failed ({errors[0]}).",
                                   hint="Run again; set PRESSSEARCH_PROCS=1 to index in one process.")
        self.writer.add_segments(segments)

    def abort(self) -> None:
        for w in self.workers:
            if w.is_alive():
                w.terminate()
            w.join(timeout=5)


def _worker_died() -> PresssearchError:
    return PresssearchError("An indexing worker process stopped unexpectedly.",
                            hint="Run again; set PRESSSEARCH_PROCS=1 to index in one process.")


def _fork_context():
    import multiprocessing

    try:
        return multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: index in one process
        return None


def _make_sink(writer: GenerationWriter, report: UpdateReport, procs: int, todo_bytes: int):
    if procs > 1 and todo_bytes >= PARALLEL_MIN_BYTES:
        ctx = _fork_context()
        if ctx is not None:
            return _ParallelSink(ctx, writer, report, procs)
    return _SerialSink(writer, report)


def _held_elsewhere(holder: str | None, path: str, seen: set[str], pending: set[str]) -> bool:
    """True if another existing file still holds this article id (so this copy is a duplicate).
    A changed file not read yet may have dropped it (the article moved), so it does not count."""
    return holder not in (None, path) and holder in seen and holder not in pending


def _usable_files(manifest: dict, raw_version: int) -> dict:
    """The manifest's files; their raw-record hashes only when written under the same reading rules
    (an index made by older code has none: its first update parses every record of a changed file)."""
    files = manifest.get("files", {})
    if manifest.get("raw_version") == raw_version:
        return files
    return {p: {k: v for k, v in e.items() if k != "raw"} for p, e in files.items()}


# --- the update -------------------------------------------------------------------------------------
def run_update(root: Path, paths: list[Path], *, rebuild: bool, progress: Callable[[int, int], None] | None,
               lock_wait: float, procs: int | None = None, min_parallel_bytes: int = PARALLEL_MIN_BYTES
               ) -> UpdateReport:
    """Bring the index at ``root`` up to date with ``paths`` (see Archive.update).

    ``procs``: worker processes (default ``default_procs()``); updates smaller than ``min_parallel_bytes``
    of changed files run in this process.
    """
    from .ingest import RAW_VERSION, iter_records, iter_sources

    t0 = time.monotonic()
    report = UpdateReport()
    procs = default_procs() if procs is None else max(1, procs)
    with write_lock(root, wait=lock_wait), gc_paused():
        cleanup(root)
        live = None if rebuild else current_generation(root)  # a rebuild needs nothing from a damaged index
        if live is not None:
            verify(live)  # IndexVersionError / IndexDamaged (with the rebuild command) before any work
        manifest = {} if rebuild or live is None else _usable_files(read_manifest(live), RAW_VERSION)

        sources, todo = [], []
        for item in iter_sources(paths):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                continue
            sources.append(item)
        seen_paths = {s.path for s in sources}
        for s in sources:
            entry = manifest.get(s.path)
            if entry is not None and entry.get("fp") == s.fingerprint:
                report.unchanged += len(entry.get("articles", {}))
            else:
                todo.append(s)
        gone = [p for p in manifest if p not in seen_paths and not Path(p).exists()]
        report.files = len(sources)
        if not todo and not gone and live is not None and not rebuild:
            report.seconds = time.monotonic() - t0
            return report

        work = new_workspace(root, None if rebuild else live)
        sink = None
        try:
            writer = GenerationWriter(work, fresh=rebuild or live is None, speaker_key=speaker_index_keys,
                                      body_key=body_key)
            total = sum(s.size for s in todo) or 1
            sink = _make_sink(writer, report, procs if total >= min_parallel_bytes else 1, total)
            new_manifest = dict(manifest)
            owner = {aid: p for p, e in manifest.items() for aid in e.get("articles", {})}
            for p in gone:
                for aid in new_manifest.pop(p).get("articles", {}):
                    writer.delete_article(aid)
                    owner.pop(aid, None)
                    report.removed += 1
            done = 0
            pending = {s.path for s in todo}  # changed files not read yet: what they hold is unknown
            for s in todo:
                entry = manifest.get(s.path, {})
                old = entry.get("articles", {})
                now: dict[str, str] = {}
                raw_now: dict[str, list[str]] = {}
                # streamed: one file may hold more articles than fit in memory; records with unchanged raw bytes
                # come with their id and content hash, unparsed
                for r in iter_records(s, entry.get("raw", {})):
                    if isinstance(r, Skipped):
                        report.skipped.append(r)
                        continue
                    aid = r.id
                    if aid in now or _held_elsewhere(owner.get(aid), s.path, seen_paths, pending):
                        report.skipped.append(Skipped(s.path, f"article {aid}: duplicate id (already indexed from "
                                                              f"{owner.get(aid) or s.path}); kept the first"))
                        continue
                    h = r.chash if r.chash is not None else content_hash(r.load())
                    now[aid] = h
                    raw_now[r.raw] = r.entry(h)
                    if old.get(aid) == h:
                        report.unchanged += 1
                        continue
                    if aid in old or (owner.get(aid) is not None and not rebuild):
                        writer.delete_article(aid)
                        report.updated += 1
                    else:
                        report.added += 1
                    sink.add(r.load(), s.path)
                    owner[aid] = s.path
                for aid in old:
                    if aid not in now and owner.get(aid) == s.path:  # not moved to a file read before
                        writer.delete_article(aid)
                        owner.pop(aid, None)
                        report.removed += 1
                new_manifest[s.path] = {"fp": s.fingerprint, "articles": now, "raw": raw_now}
                pending.discard(s.path)
                done += s.size
                if progress:
                    progress(done, total)
            sink.finish()
            writer.commit()
            (work / MANIFEST).write_text(json.dumps({"files": new_manifest, "raw_version": RAW_VERSION},
                                                    ensure_ascii=False), encoding="utf-8")
            publish(root, work)
        except BaseException:
            if sink is not None:
                sink.abort()
            shutil.rmtree(work, ignore_errors=True)
            raise
        cleanup(root)
    report.seconds = time.monotonic() - t0
    return report
