"""Archive: the library's one entry point. Update the index from files; search articles and quotes."""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .errors import NotFound, QueryError
from .model import Article, Quote, Results, UpdateReport

DEFAULT_INDEX = "index"
ENV_INDEX = "PRESSSEARCH_INDEX"
FACET_NAMES = ("source", "author", "date", "speaker")

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


def default_index_path() -> Path:
    return Path(os.environ.get(ENV_INDEX) or DEFAULT_INDEX)


def speaker_key(name: str) -> str:
    """The key a ``speaker:`` value is looked up by: equal for every form of one person's name (any case, surname
    alone), and for an organisation's long and short names ("МИД РФ", "Министерство иностранных дел России")."""
    from .quotes.keys import speaker_key as key

    return key(name)


def body_key(name: str) -> str:
    """An organisation's speaker key ("МИД РФ" → "мид россии"); "" for a person's name."""
    from .quotes.keys import body_key as key

    return key(name)


def speaker_index_keys(name: str) -> str:
    """The keys a speaker is indexed under, comma-separated (an organisation's name key and its head word too)."""
    from .quotes.keys import speaker_index_keys as keys

    return keys(name)


def open_archive(path: str | os.PathLike | None = None) -> "Archive":
    """Open the archive at ``path`` (default: $PRESSSEARCH_INDEX or ./index). It may be empty."""
    return Archive(Path(path) if path is not None else default_index_path())


class Archive:
    """A press archive index on disk. Safe to search while another process updates it."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._snapshot = None
        # whoosh's readers share one file handle per segment (seek, then read): one archive's searches take
        # turns, so threads sharing an Archive get right answers (and the caches never keep a garbled read)
        self._read_lock = threading.RLock()

    # --- writing ------------------------------------------------------------------------------
    def update(self, paths: Iterable[str | os.PathLike] = ("data",), *, rebuild: bool = False,
               progress: Progress | None = None, lock_wait: float = 10.0) -> UpdateReport:
        """Index new and changed articles under ``paths``; remove those whose file is gone.
        ``rebuild=True`` builds a fresh index. Either way the new index appears all at once."""
        from .indexer import run_update

        report = run_update(self.root, [Path(p) for p in paths], rebuild=rebuild, progress=progress,
                            lock_wait=lock_wait)
        self._close_snapshot()
        return report

    def rebuild(self, paths: Iterable[str | os.PathLike] = ("data",), **kw) -> UpdateReport:
        return self.update(paths, rebuild=True, **kw)

    # --- reading ------------------------------------------------------------------------------
    def _snap(self):
        from .engine import Snapshot

        if self._snapshot is None or not self._snapshot.is_current():
            self._close_snapshot()
            self._snapshot = Snapshot(self.root)
        return self._snapshot

    def _read(self, fn: Callable):
        """``fn(snapshot)``; if it fails because a writer swapped (and maybe deleted) the snapshot's
        generation meanwhile, reopen the live one and retry once. Raw read errors become IndexDamaged."""
        with self._read_lock:
            for retry in (False, True):
                snap = self._snap()
                try:
                    return fn(snap)
                except (QueryError, NotFound):
                    raise
                except Exception as e:
                    if retry or snap.is_current():
                        raise snap.failure(e) from None
                self._close_snapshot()

    def _close_snapshot(self) -> None:
        if self._snapshot is not None:
            self._snapshot.close()
            self._snapshot = None

    def close(self) -> None:
        """Release the index files (also done when the Archive is garbage-collected)."""
        self._close_snapshot()

    def __del__(self) -> None:
        try:
            self._close_snapshot()
        except Exception:  # interpreter shutdown: nothing left to release
            pass

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def exists(self) -> bool:
        from .engine import current_generation

        return current_generation(self.root) is not None

    def search(self, query: str = "", *, limit: int = 10, facets: Sequence[str] = (), source: str | None = None,
               author: str | None = None, speaker: str | None = None, date_from: str | None = None,
               date_to: str | None = None, sort: str = "relevance", date_by: str = "month",
               explain: bool = False, time_limit: float = 10.0) -> Results:
        """Search articles. See the README for the query language."""
        return self._search("article", query, limit=limit, facets=facets, source=source, author=author,
                            speaker=speaker, date_from=date_from, date_to=date_to, sort=sort,
                            date_by=date_by, explain=explain, time_limit=time_limit)

    def quotes(self, query: str = "", *, limit: int = 10, facets: Sequence[str] = (), source: str | None = None,
               author: str | None = None, speaker: str | None = None, date_from: str | None = None,
               date_to: str | None = None, sort: str = "relevance", date_by: str = "month",
               explain: bool = False, time_limit: float = 10.0) -> Results:
        """Search the quotes inside articles (who said what); same query language and filters."""
        return self._search("quote", query, limit=limit, facets=facets, source=source, author=author,
                            speaker=speaker, date_from=date_from, date_to=date_to, sort=sort,
                            date_by=date_by, explain=explain, time_limit=time_limit)

    def _search(self, kind: str, query: str, *, limit, facets, source, author, speaker, date_from, date_to,
                sort, date_by, explain, time_limit) -> Results:
        from .searching import run_search

        return self._read(lambda snap: run_search(
            snap, kind, query, limit=limit, facets=facets, source=source, author=author, speaker=speaker,
            date_from=date_from, date_to=date_to, sort=sort, date_by=date_by, explain=explain,
            time_limit=time_limit))

    def speakers(self, query: str = "", *, limit: int = 20, **filters) -> list[tuple[str, int]]:
        """Who is quoted most (number of quotes), overall or on a topic."""
        res = self.quotes(query, limit=0, facets=["speaker"], **filters)
        return res.facets.get("speaker", [])[:limit] if limit else res.facets.get("speaker", [])

    def article(self, article_id: str) -> Article:
        """One article by id, with its quotes."""
        f = self._read(lambda snap: snap.find(article_id))
        if f is None or f.get("kind") != "article":
            raise NotFound(f"No article with id {article_id!r} in {self.root}.")
        return stored_article(f)

    def stats(self) -> dict:
        """Counts: articles, quotes, sources, speakers, date range, index size on disk."""
        return self._read(self._stats)

    def _stats(self, snap) -> dict:
        ft = snap.facets
        docs, qdocs = snap.live_docs("article"), snap.live_docs("quote")
        dates = [v for v, _ in ft.count("date", docs, date_by="day")]
        size = sum(p.stat().st_size for p in snap.gen.iterdir() if p.is_file())
        return {
            "index": str(self.root),
            "articles": int(len(docs)),
            "quotes": int(len(qdocs)),
            "sources": ft.count("source", docs, top=0),
            "speakers": len(ft.count("speaker", qdocs, top=0)),
            "date_from": dates[0] if dates else None,
            "date_to": dates[-1] if dates else None,
            "index_bytes": size,
        }


def stored_article(f: dict) -> Article:
    text = f.get("body") or ""
    quotes = [
        Quote(text=text[s:e], start=s, end=e, speaker=sp, role=role, rule=rule)
        for s, e, sp, role, rule in f.get("quotes") or []
    ]
    return Article(
        id=f["id"], text=text, title=f.get("title") or "", lead=f.get("lead") or "", date=f.get("date"),
        author=f.get("author") or None, source=f.get("source") or None, url=f.get("url"),
        tags=tuple(f.get("tags") or ()), path=f.get("path"), quotes=quotes,
    )
