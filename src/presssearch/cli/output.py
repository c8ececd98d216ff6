"""Rendering results for people (colour on a terminal, plain when piped) and for programs
(JSON with readable Cyrillic, JSON Lines, CSV)."""
from __future__ import annotations

import csv
import io
import json
import re
import sys

import click

from ..query.highlight import CLOSE, OPEN

FACET_LINES = 20  # values per facet in human output (JSON/CSV have them all)
_MARK = re.compile(re.escape(OPEN) + "(.*?)" + re.escape(CLOSE), re.S)


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def plain(snippet: str) -> str:
    return _MARK.sub(r"\1", snippet)


def coloured(snippet: str) -> str:
    return _MARK.sub(lambda m: click.style(m.group(1), fg="yellow", bold=True), snippet)


def show_date(date: str | None) -> str:
    """A date as the article's readers saw it: its own time zone, no conversion."""
    if not date:
        return "без даты"
    if len(date) > 10 and "T" in date:
        day, _, rest = date.partition("T")
        clock = rest[:5]
        tz = rest[8:] if len(rest) > 8 else ""
        tz = "UTC" if tz in ("Z", "+00:00") else tz
        return f"{day} {clock}" + (f" {tz}" if tz else "")
    return date


def emit_results(results, fmt: str, *, colour: bool, what: str = "articles") -> None:
    if fmt == "json":
        click.echo(dumps(results.to_dict()))
        return
    if fmt == "jsonl":
        for h in results.hits:
            click.echo(json.dumps(h.to_dict(), ensure_ascii=False))
        return
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(["id", "kind", "title", "date", "source", "speaker", "score", "snippet"])
        for h in results.hits:
            w.writerow([h.id, h.kind, h.title, h.date or "", h.source or "", h.speaker or "", round(h.score, 4),
                        plain(h.snippet)])
        click.echo(buf.getvalue(), nl=False)
        return
    human(results, colour=colour, what=what)


def emit_rows(rows: list[dict], fmt: str, *, human=None) -> None:
    """A list of flat records as JSON, JSON Lines, CSV (header from the first record's keys) or,
    for people, one ``human(record)`` line each."""
    if fmt == "json":
        click.echo(dumps(rows))
    elif fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        if rows:
            w.writerow(list(rows[0]))
        for r in rows:
            w.writerow(list(r.values()))
        click.echo(buf.getvalue(), nl=False)
    else:
        for r in rows:
            click.echo(human(r) if human else "  ".join(str(v) for v in r.values()))


def human(results, *, colour: bool, what: str) -> None:
    mark = coloured if colour else plain
    bold = (lambda s: click.style(s, bold=True)) if colour else (lambda s: s)
    dim = (lambda s: click.style(s, dim=True)) if colour else (lambda s: s)
    noun = "quotes" if what == "quotes" else "articles"
    if results.total == 0 and not results.query.strip():  # filters alone ("quotes --speaker …")
        click.echo(f"No {noun} match these filters.")
        click.echo("Check the names and dates given; `presssearch speakers` and `presssearch stats` list what the "
                   "index holds.")
    elif results.total == 0:
        click.echo(f"No {noun} match {results.query!r}.")
        if results.suggestions:
            click.echo("Did you mean: " + ", ".join(results.suggestions) + "?")
        click.echo("Try fewer words, OR between alternatives, or a prefix like казах*.")
    else:
        shown = len(results.hits)
        counted = f"1 {noun[:-1]} matches" if results.total == 1 else f"{results.total} {noun} match"
        click.echo(f"{counted} {results.query!r}" + (f" (showing {shown})" if shown < results.total else "") + ".")
    for n, h in enumerate(results.hits, 1):
        click.echo("")
        if h.kind == "quote":
            who = h.speaker or "источник не назван"
            if h.role:
                who += f", {h.role}"
            click.echo(f"{n}. {bold(who)}")
            click.echo("   «" + mark(h.snippet) + "»")
            click.echo(dim(f"   {h.source or 'источник неизвестен'} · {show_date(h.date)} · {h.title}"))
            click.echo(dim(f"   article: presssearch show {h.article_id}"))
        else:
            click.echo(f"{n}. {bold(h.title or '(без заголовка)')}")
            click.echo(dim(f"   {h.source or 'источник неизвестен'} · {show_date(h.date)} · id {h.id}"))
            click.echo("   " + mark(h.snippet))
        if h.explain:
            click.echo(dim("   score " + f"{h.score:.3f} = " + " + ".join(f"{k} {v:.3f}" for k, v in h.explain.items())))
    for name, counts in results.facets.items():
        click.echo("")
        click.echo(bold(f"{name}:"))
        shown = counts if name == "date" else counts[:FACET_LINES]
        for value, count in shown:
            click.echo(f"  {count:>6}  {value}")
        if len(shown) < len(counts):
            click.echo(dim(f"  … {len(counts) - len(shown)} more (--json lists them all)"))


def timeline(counts: list[tuple[str, int]], *, width: int = 50, colour: bool) -> None:
    if not counts:
        click.echo("No dated matches.")
        return
    top = max(c for _, c in counts)
    for value, c in counts:
        bar = "█" * max(1, round(c / top * width))
        click.echo(f"{value:>10} {click.style(bar, fg='cyan') if colour else bar} {c}")


def is_tty() -> bool:
    return sys.stdout.isatty()
