"""Plain values that flow through presssearch: articles, quotes, hits, results, reports."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator


@dataclass(frozen=True)
class Quote:
    """A direct quotation inside an article's body text.

    ``start``/``end`` are character offsets into ``Article.text`` so that
    ``article.text[q.start:q.end] == q.text``.
    """

    text: str
    start: int
    end: int
    speaker: str | None = None  # canonical nominative name ("Александр Бурков"), None if unnamed
    role: str | None = None  # as the article states it ("губернатор Омской области")
    rule: str = ""  # the extraction rule that produced it (debug)


@dataclass
class Article:
    """One article as read from a file. ``date`` is the ISO text as given (may be partial: "2010")."""

    id: str
    text: str
    title: str = ""
    lead: str = ""
    date: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    path: str | None = None  # the file it came from
    quotes: list[Quote] = field(default_factory=list)

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for q in self.quotes:
            if q.speaker:
                seen.setdefault(q.speaker)
        return list(seen)


@dataclass
class Hit:
    """One search result: an article or a quote."""

    id: str
    kind: str  # "article" or "quote"
    title: str
    date: str | None
    source: str | None
    snippet: str
    score: float
    article_id: str | None = None
    speaker: str | None = None
    role: str | None = None
    author: str | None = None
    explain: dict[str, float] | None = None

    def to_dict(self) -> dict:
        d = {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }
        if self.kind == "quote":
            d.update(article_id=self.article_id, speaker=self.speaker, role=self.role)
        if self.explain is not None:
            d["explain"] = self.explain
        return d


@dataclass
class Results:
    """A page of hits, the exact total, and facet counts over all matches."""

    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    query: str = ""
    suggestions: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)

    def __getitem__(self, i: int) -> Hit:
        return self.hits[i]

    def to_dict(self) -> dict:
        d: dict = {
            "total": self.total,
            "hits": [h.to_dict() for h in self.hits],
            "facets": {
                name: [{"value": v, "count": c} for v, c in counts]
                for name, counts in self.facets.items()
            },
        }
        if self.suggestions:
            d["suggestions"] = self.suggestions
        return d


@dataclass
class Skipped:
    """A file (or a line of one) that was not indexed, and why."""

    path: str
    reason: str


@dataclass
class UpdateReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    quotes: int = 0
    files: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)
