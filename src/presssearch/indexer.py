"""Incremental and full index updates: files → articles (+ quotes) → a new generation, swapped in."""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Callable

from .archive import speaker_key
from .engine import GenerationWriter, cleanup, current_generation, new_workspace, publish, read_manifest, write_lock
from .engine.documents import content_hash
from .engine.store import MANIFEST, read_meta
from .errors import IndexVersionError
from .model import Skipped, UpdateReport


def _extract(article) -> None:
    from .quotes import extract_quotes

    try:
        article.quotes = extract_quotes(article.text)
    except Exception as e:  # a rule bug must not cost the user the article
        article.quotes = []
        raise _QuoteFailure(str(e)) from e


class _QuoteFailure(Exception):
    pass


def run_update(root: Path, paths: list[Path], *, rebuild: bool, progress: Callable[[int, int], None] | None,
               lock_wait: float) -> UpdateReport:
    from .ingest import iter_sources, read_source

    t0 = time.monotonic()
    report = UpdateReport()
    with write_lock(root, wait=lock_wait):
        cleanup(root)
        live = current_generation(root)
        if live is not None and not rebuild:
            try:
                read_meta(live)
            except IndexVersionError:
                raise
        manifest = {} if rebuild or live is None else read_manifest(live).get("files", {})

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
        try:
            writer = GenerationWriter(work, fresh=rebuild or live is None, speaker_key=speaker_key)
            new_manifest = dict(manifest)
            owner = {aid: p for p, e in manifest.items() for aid in e.get("articles", {})}
            for p in gone:
                for aid in new_manifest.pop(p).get("articles", {}):
                    writer.delete_article(aid)
                    owner.pop(aid, None)
                    report.removed += 1
            total = sum(s.size for s in todo) or 1
            done = 0
            for s in todo:
                old = manifest.get(s.path, {}).get("articles", {})
                articles, skipped = read_source(s)
                report.skipped.extend(skipped)
                now: dict[str, str] = {}
                for a in articles:
                    if a.id in now or (owner.get(a.id) not in (None, s.path) and owner.get(a.id) in seen_paths):
                        report.skipped.append(Skipped(s.path, f"article {a.id}: duplicate id (already indexed from "
                                                              f"{owner.get(a.id) or s.path}); kept the first"))
                        continue
                    h = content_hash(a)
                    now[a.id] = h
                    if old.get(a.id) == h:
                        report.unchanged += 1
                        continue
                    try:
                        _extract(a)
                    except _QuoteFailure as e:
                        report.skipped.append(Skipped(s.path, f"article {a.id}: quotes not extracted ({e})"))
                    if a.id in old or (owner.get(a.id) is not None and not rebuild):
                        writer.delete_article(a.id)
                        report.updated += 1
                    else:
                        report.added += 1
                    writer.add_article(a)
                    report.quotes += len(a.quotes)
                    owner[a.id] = s.path
                for aid in old:
                    if aid not in now:
                        writer.delete_article(aid)
                        owner.pop(aid, None)
                        report.removed += 1
                new_manifest[s.path] = {"fp": s.fingerprint, "articles": now}
                done += s.size
                if progress:
                    progress(done, total)
            writer.commit()
            (work / MANIFEST).write_text(json.dumps({"files": new_manifest}, ensure_ascii=False), encoding="utf-8")
            publish(root, work)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        cleanup(root)
    report.seconds = time.monotonic() - t0
    return report

