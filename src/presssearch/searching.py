"""One search: parse → add the option filters → compile → run → hits with snippets, facets, suggestions."""
from __future__ import annotations

from typing import Sequence

from .errors import QueryError
from .model import Hit, Results

FACET_NAMES = ("source", "author", "date", "speaker")
SORTS = ("relevance", "date", "-date")
DATE_BY = ("year", "month", "day")
MAX_LIMIT = 10_000


def build_tree(query: str, *, source=None, author=None, speaker=None, date_from=None, date_to=None):
    """The query's tree with the option filters ANDed in (options say the same as fields)."""
    from .query import And, DateRange, FieldValue, MatchAll, parse

    tree = parse(query or "")
    extra = []
    for field, value in (("source", source), ("author", author), ("speaker", speaker)):
        if value:
            extra.append(FieldValue(field, value))
    if date_from or date_to:
        extra.append(date_range(date_from, date_to))
    if not extra:
        return tree
    if type(tree) is MatchAll:
        return extra[0] if len(extra) == 1 else And(tuple(extra))
    return And((tree, *extra))


def date_range(date_from: str | None, date_to: str | None):
    """A DateRange from option values ("2019", "2019-11", "2019-11-06"), checked like query dates."""
    from .query import DateRange, parse

    lo = parse(f"date:{date_from}") if date_from else None
    hi = parse(f"date:{date_to}") if date_to else None
    return DateRange(lo.start if lo else None, hi.end if hi else None)


def run_search(snap, kind: str, query: str, *, limit: int, facets: Sequence[str], source, author, speaker,
               date_from, date_to, sort: str, date_by: str, explain: bool, time_limit: float) -> Results:
    from .archive import speaker_key
    from .engine import Compiler
    from .query.highlight import matcher_for, snippet

    if sort not in SORTS:
        raise QueryError(f"Unknown sort {sort!r}.", hint="Use relevance, date or -date.")
    if date_by not in DATE_BY:
        raise QueryError(f"Unknown date facet granularity {date_by!r}.", hint="Use year, month or day.")
    unknown = [f for f in facets if f not in FACET_NAMES]
    if unknown:
        raise QueryError(f"Unknown facet {unknown[0]!r}.", hint="Facets: " + ", ".join(FACET_NAMES) + ".")
    limit = max(0, min(int(limit), MAX_LIMIT))

    tree = build_tree(query, source=source, author=author, speaker=speaker, date_from=date_from, date_to=date_to)
    compiler = Compiler(snap.reader, speaker_key)
    wq = compiler.compile(tree)
    raw = snap.run(wq, kind=kind, limit=limit, sort=sort, time_limit=time_limit)

    m = matcher_for(tree)
    hits = []
    for h in raw.hits:
        f = h.fields
        body = f.get("body") or ""
        text_for_snippet = body if kind == "quote" else (f.get("lead") or "") + "\n" + body
        hit = Hit(
            id=f["id"],
            kind=f.get("kind", kind),
            title=(f.get("title") or f.get("article_title") or ""),
            date=f.get("date"),
            source=f.get("source") or None,
            snippet=snippet(text_for_snippet.strip(), m, size=300 if kind == "quote" else 220),
            score=h.score,
            article_id=f.get("article_id"),
            speaker=(f.get("speakers") or None) if kind == "quote" else None,
            role=f.get("role"),
            author=f.get("author") or None,
        )
        if explain:
            hit.explain = explain_hit(snap, compiler, tree, h.docnum)
        hits.append(hit)

    counts = {name: snap.facets.count(name, raw.docnums, date_by=date_by) for name in facets}
    suggestions = suggest(snap, tree) if raw.total == 0 else []
    return Results(total=raw.total, hits=hits, facets=counts, query=query, suggestions=suggestions)


def explain_hit(snap, compiler, tree, docnum: int) -> dict[str, float]:
    """Per-field contribution to a hit's score: the query run on one field at a time."""
    from .engine.schema import TEXT_FIELDS

    out = {}
    for field in TEXT_FIELDS:
        q = compiler.compile(_only_field(tree, field))
        out[field] = round(snap.score_of(q, docnum), 4)
    return out


def _only_field(node, field: str):
    """The same tree with unfielded text words pinned to ``field``."""
    import dataclasses

    kind = type(node).__name__
    if kind in ("And", "Or"):
        return dataclasses.replace(node, children=tuple(_only_field(c, field) for c in node.children))
    if kind == "Not":
        return dataclasses.replace(node, child=_only_field(node.child, field))
    if kind in ("Word", "Phrase", "Prefix") and node.field is None:
        return dataclasses.replace(node, field=field)
    return node


def suggest(snap, tree, limit: int = 3) -> list[str]:
    """"Did you mean": close spellings of the query's words from the index vocabulary."""
    from .query.highlight import TEXT_FIELDS as _TF

    suggestions: list[str] = []

    def walk(node):
        kind = type(node).__name__
        if kind in ("And", "Or"):
            for c in node.children:
                walk(c)
        elif kind == "Word" and node.field in _TF:
            for s in snap.suggest(node.text.lower().replace("ё", "е"), limit=limit):
                if s not in suggestions:
                    suggestions.append(s)

    walk(tree)
    return suggestions[:limit]
