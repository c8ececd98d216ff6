"""One search: parse → add the option filters → compile → run → hits with snippets, facets, suggestions."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .errors import QueryError
from .model import Hit, Results

FACET_NAMES = ("source", "author", "date", "speaker")
SORTS = ("relevance", "date", "-date")
DATE_BY = ("year", "month", "day")
MAX_LIMIT = 10_000
SNIPPET_SIZE = {"article": 220, "quote": 300}


def build_tree(query: str, *, source=None, author=None, speaker=None, date_from=None, date_to=None):
    """The query's tree with the option filters ANDed in (options say the same as fields)."""
    from .query import And, FieldValue, MatchAll, parse

    tree = parse(query or "")
    extra = []
    for field, value in (("source", source), ("author", author), ("speaker", speaker)):
        if value and value.strip():
            extra.append(FieldValue(field, " ".join(value.split())))
    if date_from or date_to:
        extra.append(date_range(date_from, date_to))
    if not extra:
        return tree
    if type(tree) is MatchAll:
        return extra[0] if len(extra) == 1 else And(tuple(extra))
    children = tree.children if type(tree) is And else (tree,)
    return And((*children, *extra))


def date_range(date_from: str | None, date_to: str | None):
    """A DateRange from option values ("2019", "2019-11", "2019-11-06"), checked like query dates."""
    from .query import DateRange
    from .query.dates import DateValueError, bounds

    try:
        lo = bounds(date_from)[0].isoformat() if date_from else None
        hi = bounds(date_to)[1].isoformat() if date_to else None
    except DateValueError as e:
        raise QueryError(f"Bad date option: {e}", hint=e.hint) from None
    if lo and hi and lo > hi:
        raise QueryError(f"The dates are the wrong way round: --from {date_from} is after --to {date_to}.",
                         hint="Put the earlier date in --from.")
    return DateRange(lo, hi)


def check_options(sort: str, date_by: str, facets: Sequence[str]) -> None:
    if sort not in SORTS:
        raise QueryError(f"Unknown sort {sort!r}.", hint="Use relevance, date or -date.")
    if date_by not in DATE_BY:
        raise QueryError(f"Unknown date facet granularity {date_by!r}.", hint="Use year, month or day.")
    unknown = [f for f in facets if f not in FACET_NAMES]
    if unknown:
        raise QueryError(f"Unknown facet {unknown[0]!r}.", hint="Facets: " + ", ".join(FACET_NAMES) + ".")


def run_search(snap, kind: str, query: str, *, limit: int, facets: Sequence[str], source, author, speaker,
               date_from, date_to, sort: str, date_by: str, explain: bool, time_limit: float) -> Results:
    from .archive import speaker_key
    from .engine import Compiler
    from .query.highlight import matcher_for

    if not isinstance(query, str):
        raise QueryError("The query must be text.")
    facets = [facets] if isinstance(facets, str) else list(facets)
    check_options(sort, date_by, facets)
    limit = max(0, min(int(limit), MAX_LIMIT))

    tree = build_tree(query, source=source, author=author, speaker=speaker, date_from=date_from, date_to=date_to)
    compiler = Compiler(snap.reader, speaker_key, facets=snap.facets, near=False)
    wq = compiler.compile_query(tree)
    ex = snap.executor(time_limit)  # one per search: rescoring and --explain reuse its posting lists
    if sort == "relevance":
        near = compiler.near_query(tree) if limit else None
        depth = limit if near is None else max(3 * limit, limit + RESCORE_EXTRA)
        raw = snap.run(wq, kind=kind, limit=depth, sort=sort, time_limit=time_limit, executor=ex)
        found = [(h.docnum, h.score) for h in raw.hits]
        if near is not None:
            found = rescore(snap, near, found, ex, time_limit)[:limit]
    else:
        raw = snap.run(wq, kind=kind, limit=0, sort=sort, time_limit=time_limit, executor=ex)
        found = [(d, 0.0) for d in by_date(snap, raw.docnums, sort)[:limit]]

    m = matcher_for(tree)
    hits = []
    for docnum, score in found:
        hit = make_hit(snap.stored(docnum), kind, score, m)
        if explain:
            hit.explain = explain_hit(snap, tree, docnum, ex, time_limit)
        hits.append(hit)

    counts = {name: snap.facets.count(name, raw.docnums, date_by=date_by) for name in facets}
    suggestions = suggest(snap, compiler, tree) if raw.total == 0 else []
    return Results(total=raw.total, hits=hits, facets=counts, query=query, suggestions=suggestions)


RESCORE_EXTRA = 20


def rescore(snap, near, found: list[tuple[int, float]], executor=None, time_limit: float = 10.0) -> list:
    """Add the proximity boost to the top (docnum, score) hits and re-sort them (rescoring, as Lucene's
    rescorer does): word positions are read for a few dozen documents, not for every match."""
    bonus = snap.scores(near, [d for d, _ in found], executor=executor, time_limit=time_limit)
    rescored = [(d, s + bonus.get(d, 0.0)) for d, s in found]
    rescored.sort(key=lambda x: (-x[1], x[0]))
    return rescored


def by_date(snap, docnums: np.ndarray, sort: str) -> list[int]:
    """Documents oldest first ("date") or newest first ("-date"); undated ones last either way."""
    rank = snap.facets.date_rank[docnums]
    undated = rank == 0 if snap.facets.columns["utc"].values[:1] == [""] else np.zeros(len(rank), dtype=bool)
    key = rank if sort == "date" else -rank.astype(np.int64)
    order = np.lexsort((docnums, key, undated))
    return [int(docnums[i]) for i in order]


def make_hit(f: dict, kind: str, score: float, m) -> Hit:
    from .query.highlight import snippet

    body = f.get("body") or ""
    text = body if kind == "quote" else (f.get("lead") or "") + "\n" + body
    return Hit(
        id=f["id"],
        kind=f.get("kind", kind),
        title=(f.get("title") or f.get("article_title") or ""),
        date=f.get("date"),
        source=f.get("source") or None,
        snippet=snippet(text.strip(), m, size=SNIPPET_SIZE.get(kind, 220)),
        score=score,
        article_id=f.get("article_id"),
        speaker=(f.get("speakers") or None) if kind == "quote" else None,
        role=f.get("role"),
        author=f.get("author") or None,
    )


def explain_fields(tree) -> tuple[str, ...]:
    """The fields --explain reports: the text fields, and "exact" when the query has exact forms."""
    from .engine.schema import TEXT_FIELDS
    from .query import Exact, iter_nodes

    has_exact = any(isinstance(n, Exact) for n in iter_nodes(tree))
    return TEXT_FIELDS + (("exact",) if has_exact else ())


def explain_hit(snap, tree, docnum: int, executor=None, time_limit: float = 10.0) -> dict[str, float]:
    """Each field's share of a hit's score: the same query with every other field weighted 0.
    The shares add up to the score (filters score nothing; a bare NOT query scores 1 each)."""
    from .archive import speaker_key
    from .engine import Compiler

    out = {}
    for field in explain_fields(tree):
        q = Compiler(snap.reader, speaker_key, facets=snap.facets, explain_field=field).compile_query(tree)
        out[field] = round(snap.scores(q, [docnum], executor=executor, time_limit=time_limit).get(docnum, 0.0), 4)
    return out


def suggest(snap, compiler, tree, limit: int = 3) -> list[str]:
    """"Did you mean": close spellings, from the index vocabulary, of query words the index lacks."""
    from .engine.compile import suggest_words
    from .query import Exact, Phrase, Word, iter_nodes

    typed: list[str] = []
    for node in iter_nodes(tree):
        if isinstance(node, Word) and node.field in (None, "title", "lead", "text"):
            typed.append(node.text)
        elif isinstance(node, (Phrase, Exact)):
            typed.extend(node.words)
    out: list[str] = []
    for word in dict.fromkeys(typed):
        if compiler.known(word):
            continue
        for s in suggest_words(snap.reader, word, limit=limit):
            if s not in out:
                out.append(s)
    return out[:limit]
