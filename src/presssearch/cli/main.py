"""The `presssearch` command: a thin shell over presssearch.Archive.

Exit codes: 0 ok · 1 indexed, but some input was skipped · 2 bad usage or unreadable path ·
3 bad query · 4 no index yet · 5 index busy (another writer) · 6 index damaged ·
7 index from another version · 8 no such article · 70 internal error · 130 interrupted.
"""
from __future__ import annotations

import functools
import os
import sys
import time

import click

from ..errors import PresssearchError

EXIT_SKIPPED = 1
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130
# Commands that only read the index: after them the process ends without the interpreter's teardown (main).
READ_ONLY_COMMANDS = frozenset({"search", "quotes", "speakers", "timeline", "show", "stats"})


def main() -> None:
    """The console entry point: ``cli``. After a command that only reads, the process flushes its output and ends
    at once: the interpreter's teardown (freeing the opened index's caches, the names dictionary, every module)
    costs ~0.1 s of a 0.5 s search, and nothing is left to write (``index`` and any error message that is no exit
    code end the usual way)."""
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    try:
        cli(prog_name="presssearch")
    except SystemExit as e:
        if command not in READ_ONLY_COMMANDS or not (e.code is None or isinstance(e.code, int)):
            raise
        _quick_exit(e.code or 0)


def _quick_exit(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError, OSError):  # the reader is gone (`| head`), or the stream closed
            pass
    os._exit(code)


class Group(click.Group):
    """Turns every failure into one clear message with a hint and a documented exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PresssearchError as e:
            click.secho(f"Error: {e}", fg="red", err=True)
            if e.hint:
                click.echo(f"Hint: {e.hint}", err=True)
            ctx.exit(e.exit_code)
        except BrokenPipeError:  # output piped into `head` and the like: stop quietly
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("Interrupted. The index is as it was before this run; run the command again to finish.",
                       err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as e:  # never show a traceback
            if os.environ.get("PRESSSEARCH_DEBUG"):
                raise
            click.secho(f"Internal error: {type(e).__name__}: {e}", fg="red", err=True)
            click.echo("Hint: this is a bug in presssearch; rerun with PRESSSEARCH_DEBUG=1 to see the details "
                       "and report them.", err=True)
            ctx.exit(EXIT_INTERNAL)


def index_option(f):
    return click.option("--index", "index_path", type=click.Path(file_okay=False), default=None,
                        help="Index folder (default: $PRESSSEARCH_INDEX or ./index).")(f)


def output_options(f):
    """--json / --jsonl / --csv, shared by every command that prints results."""
    @click.option("--json", "fmt", flag_value="json", help="One JSON object (Cyrillic kept readable).")
    @click.option("--jsonl", "fmt", flag_value="jsonl", help="One JSON object per hit, for pipes.")
    @click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")
    @functools.wraps(f)
    def wrapper(*args, fmt=None, **kwargs):
        return f(*args, fmt=fmt or "human", **kwargs)
    return wrapper


def filter_options(f):
    """Filters shared by search, quotes, speakers and timeline; they say the same as query fields."""
    for opt in reversed([
        click.option("--source", help='Only this outlet (as in source:"…").'),
        click.option("--author", help="Only this author."),
        click.option("--speaker", help="Only quotes of this person (any case form, or the surname alone)."),
        click.option("--from", "date_from", metavar="DATE", help="From this date: 2019, 2019-11 or 2019-11-06."),
        click.option("--to", "date_to", metavar="DATE", help="Up to this date (inclusive)."),
    ]):
        f = opt(f)
    return f


def _archive(index_path):
    """The archive for this command, closed (its files released) when the command ends."""
    from ..archive import open_archive

    archive = open_archive(index_path)
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.call_on_close(archive.close)
    return archive


def _facets(value: str | None) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="presssearch")
def cli():
    """Search a Russian press archive: articles and the quotes inside them.

    Start with:  presssearch index data/   then:  presssearch search "сотрудничество с Казахстаном"
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rebuild", is_flag=True, help="Build the whole index afresh (swapped in when done).")
@click.option("--wait", type=float, default=10.0, show_default=True,
              help="Seconds to wait for another writer of the same index.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary.")
@index_option
def index(paths, rebuild, wait, quiet, index_path):
    """Index article files and folders (default: data/). Only new or changed articles are written;
    articles whose file is gone are removed. Reads .txt/.md articles and .jsonl/.jsonl.gz archives."""
    archive = _archive(index_path)
    paths = paths or ("data",)
    progress = bar = None
    if sys.stderr.isatty() and not quiet:
        from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

        bar = Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                       TimeRemainingColumn(), transient=True)
        task = bar.add_task("indexing", total=None)
        bar.start()

        def progress(done, total):  # noqa: F811 - the bar's callback when there is a terminal
            bar.update(task, completed=done, total=total)

    try:
        report = archive.update(paths, rebuild=rebuild, progress=progress, lock_wait=wait)
    finally:
        if bar is not None:
            bar.stop()
    for s in report.skipped:
        click.echo(f"skipped: {s.path}: {s.reason}", err=True)
    if not report.changed and not report.unchanged and report.skipped:
        click.echo(f"Nothing indexed into {archive.root}: no article could be read, {len(report.skipped)} skipped "
                   f"({report.seconds:.1f} s).")
    elif not report.changed and not rebuild:
        skipped = f", {len(report.skipped)} skipped" if report.skipped else ""
        click.echo(f"Nothing changed: {report.unchanged} articles from these files already indexed in "
                   f"{archive.root}{skipped} ({report.seconds:.1f} s).")
    else:
        click.echo(f"Indexed into {archive.root}: {report.added} added, {report.updated} updated, "
                   f"{report.removed} removed, {report.unchanged} unchanged, {len(report.skipped)} skipped; "
                   f"{report.quotes} quotes; {report.seconds:.1f} s.")
    if report.skipped:
        click.echo("Some input was skipped (reasons above); fix those files and run the same command again.",
                   err=True)
        sys.exit(EXIT_SKIPPED)
    click.echo('Next: presssearch search "ваш запрос"')


def _search_command(kind: str):
    @click.argument("query", nargs=-1)
    @click.option("--limit", "-n", type=int, default=10, show_default=True, help="How many hits to show.")
    @click.option("--sort", type=click.Choice(["relevance", "date", "-date"]), default="relevance",
                  show_default=True)
    @click.option("--facets", help="Comma-separated: source,author,date,speaker (counts over all matches).")
    @click.option("--date-facet", "date_by", type=click.Choice(["year", "month", "day"]), default="month",
                  show_default=True)
    @click.option("--explain", is_flag=True, help="Show each hit's score by field.")
    @filter_options
    @output_options
    @index_option
    def command(query, limit, sort, facets, date_by, explain, source, author, speaker, date_from, date_to, fmt,
                index_path):
        archive = _archive(index_path)
        run = archive.quotes if kind == "quote" else archive.search
        t0 = time.monotonic()
        results = run(" ".join(query), limit=limit, facets=_facets(facets), source=source, author=author,
                      speaker=speaker, date_from=date_from, date_to=date_to, sort=sort, date_by=date_by,
                      explain=explain)
        from .output import emit_results, is_tty

        emit_results(results, fmt, colour=is_tty(), what="quotes" if kind == "quote" else "articles")
        if fmt == "human" and os.environ.get("PRESSSEARCH_TIMING"):
            click.echo(f"({time.monotonic() - t0:.3f} s)", err=True)
    return command


cli.command("search", help="""Search articles. QUERY words must all match (any case form);
also "phrases", "a b"~5, OR, NOT/-word, (groups), =exact, prefix*, title:, source:, author:, speaker:,
date:2019-11, date:[2019-01-01 TO 2019-06-30].""")(_search_command("article"))
cli.command("quotes", help="""Search quotes (who said what). Same query language as search;
--speaker accepts any case form or the surname alone.""")(_search_command("quote"))


@cli.command()
@click.argument("query", nargs=-1)
@click.option("--limit", "-n", type=int, default=20, show_default=True)
@filter_options
@output_options
@index_option
def speakers(query, limit, source, author, speaker, date_from, date_to, fmt, index_path):
    """Who is quoted most, overall or on a topic (QUERY), with the number of quotes. One line per person or body:
    spellings of one name (Пётр/Петр, with or without a patronymic; МИД РФ/МИД России) are counted together."""
    rows = _archive(index_path).speakers(" ".join(query), limit=limit, source=source, author=author,
                                         speaker=speaker, date_from=date_from, date_to=date_to)
    from .output import emit_rows

    if fmt == "human" and not rows:
        click.echo("No quotes with a named speaker match. Try a broader query.")
        return
    emit_rows([{"speaker": s, "quotes": c} for s, c in rows], fmt,
              human=lambda r: f"{r['quotes']:>6}  {r['speaker']}")


@cli.command()
@click.argument("query", nargs=-1)
@click.option("--by", "date_by", type=click.Choice(["year", "month", "day"]), default="month", show_default=True)
@click.option("--quotes", "of_quotes", is_flag=True, help="Count quotes instead of articles.")
@filter_options
@output_options
@index_option
def timeline(query, date_by, of_quotes, source, author, speaker, date_from, date_to, fmt, index_path):
    """A bar chart of the matches over time."""
    archive = _archive(index_path)
    run = archive.quotes if of_quotes else archive.search
    res = run(" ".join(query), limit=0, facets=["date"], date_by=date_by, source=source, author=author,
              speaker=speaker, date_from=date_from, date_to=date_to)
    from .output import dumps, emit_rows, is_tty
    from .output import timeline as draw

    counts = res.facets["date"]
    rows = [{"value": v, "count": c} for v, c in counts]
    if fmt == "json":
        click.echo(dumps({"total": res.total, "date": rows}))
    elif fmt in ("jsonl", "csv"):
        emit_rows(rows, fmt)
    else:
        click.echo(f"{res.total} matches, by {date_by}:")
        draw(counts, colour=is_tty())


@cli.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@index_option
def show(article_id, as_json, index_path):
    """Print one article with its quotes (ids come from search results)."""
    a = _archive(index_path).article(article_id)
    from .output import dumps, show_date

    if as_json:
        click.echo(dumps({
            "id": a.id, "title": a.title, "date": a.date, "author": a.author, "source": a.source, "url": a.url,
            "lead": a.lead, "text": a.text, "tags": list(a.tags),
            "quotes": [{"text": q.text, "speaker": q.speaker, "role": q.role, "start": q.start, "end": q.end}
                       for q in a.quotes],
        }))
        return
    click.echo(a.title or "(без заголовка)")
    meta = [a.source or "источник неизвестен", show_date(a.date)]
    if a.author:
        meta.append(a.author)
    click.echo(" · ".join(meta))
    if a.url:
        click.echo(a.url)
    if a.lead:
        click.echo("\n" + a.lead)
    click.echo("\n" + a.text)
    if a.quotes:
        click.echo(f"\nQuotes ({len(a.quotes)}):")
        for n, q in enumerate(a.quotes, 1):
            who = q.speaker or "источник не назван"
            if q.role:
                who += f" ({q.role})"
            text = q.text if len(q.text) < 160 else q.text[:157] + "…"
            click.echo(f"{n}. {who}: «{text}» [{q.start}:{q.end}]")


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@index_option
def stats(as_json, index_path):
    """Counts: articles, quotes, sources, speakers, date range, index size."""
    s = _archive(index_path).stats()
    from .output import dumps

    if as_json:
        s = dict(s, sources=[{"value": v, "count": c} for v, c in s["sources"]])
        click.echo(dumps(s))
        return
    click.echo(f"Index:    {s['index']} ({s['index_bytes'] / 1e6:.1f} MB)")
    click.echo(f"Articles: {s['articles']}")
    click.echo(f"Quotes:   {s['quotes']} from {s['speakers']} named speakers")
    click.echo(f"Dates:    {s['date_from'] or '—'} … {s['date_to'] or '—'}")
    click.echo(f"Sources:  {len(s['sources'])}")
    for v, c in s["sources"][:10]:
        click.echo(f"  {c:>7}  {v}")
