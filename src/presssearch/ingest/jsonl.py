"""Read articles from JSON Lines files (.jsonl, .jsonl.gz), one record a line, streaming.

Schema (see /work/shared/corpus/SOURCES.md): {"id", "source", "url", "title", "date", "author",
"lead", "text", "tags"}; every field but "text" may be missing or null. A bad line is reported
as one Skipped ("line 17: ...") and the other lines are still read; damaged gzip data stops the
reading, keeps what came before and reports the damage.
"""
from __future__ import annotations

import gzip
import io
import json
import zlib
from functools import partial
from typing import IO, Iterator, NamedTuple

from ..model import Article, Skipped
from .dates import normalize_date
from .encoding import BINARY, HEAD_BYTES, DecodeFailure, bom, clean_text, decode_legacy
from .ids import path_id
from .records import Known, Record, known_record, raw_hash

MAX_LINE_BYTES = 10 * 1024 * 1024
READ_BUFFER = 1024 * 1024
NOT_JSON = "not valid JSON (truncated?)"
MAX_LINE_REPORTS = 20

Item = Article | Skipped


class BadLine(NamedTuple):
    """A line that could not even be turned into text."""

    reason: str


def iter_jsonl(path: str) -> Iterator[Item]:
    """Articles and Skipped notes of one .jsonl or .jsonl.gz file, in file order. Never raises.

    The first MAX_LINE_REPORTS bad lines get one Skipped each; the rest are counted in one
    closing Skipped, so a damaged file cannot flood the report.
    """
    return _iter_items(path, None)  # type: ignore[return-value]


def iter_jsonl_records(path: str, known: Known) -> Iterator[Record | Skipped]:
    """Like iter_jsonl, with each article as a Record; records whose raw line is in ``known`` are not parsed."""
    return _iter_items(path, known)  # type: ignore[return-value]


def _iter_items(path: str, known: Known | None) -> Iterator[Item | Record]:
    articles = lines_seen = 0
    unlisted = first_unlisted = last_unlisted = 0  # bad lines not reported one by one
    damaged = False
    try:
        with _open(path) as stream:
            head = stream.read(HEAD_BYTES)
            wide = (marked := bom(head)) is not None and marked[2] != "UTF-8"
            if b"\x00" in head and not wide:
                yield Skipped(path, BINARY)
                return
            stream.seek(0)
            base = path_id(path)
            for lineno, line in _wide_lines(stream) if wide else _utf8_lines(stream):
                lines_seen += 1
                item = _parse_line(line, path, lineno) if known is None else _record(line, path, lineno, known, base)
                if not isinstance(item, Skipped):
                    articles += 1
                elif lines_seen - articles > MAX_LINE_REPORTS:
                    unlisted += 1
                    first_unlisted = first_unlisted or lineno
                    last_unlisted = lineno
                    continue
                yield item
    except (OSError, EOFError, zlib.error) as error:
        damaged = True
        yield Skipped(path, _damage(error, articles))
    if unlisted:
        yield Skipped(path, f"{unlisted} more bad lines not listed (lines {first_unlisted}-{last_unlisted})")
    if not lines_seen and not damaged:
        yield Skipped(path, "empty file")


def _open(path: str) -> IO[bytes]:
    if path.lower().endswith(".gz"):
        return gzip.open(path, "rb")
    return open(path, "rb", buffering=READ_BUFFER)


def _utf8_lines(stream: IO[bytes]) -> Iterator[tuple[int, bytes | BadLine]]:
    """(line number, raw bytes) for each non-blank line; (line number, BadLine) for a bad one."""
    lineno = 0
    while raw := stream.readline(MAX_LINE_BYTES + 1):
        lineno += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield lineno, BadLine("longer than 10 MB; record skipped")
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if raw.isspace() or not raw:
            continue
        yield lineno, raw


def _decode_line(raw: bytes) -> str | BadLine:
    """The text of one raw line: UTF-8, else cp1251/KOI8-R when it reads as Russian."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return decode_legacy(raw)
        except DecodeFailure:
            return BadLine("not UTF-8 text; record skipped")


def _wide_lines(stream: IO[bytes]) -> Iterator[tuple[int, str | BadLine]]:
    """Lines of a UTF-16/UTF-32 file (with BOM); a decoding error stops the reading."""
    head = stream.read(4)
    stream.seek(0)
    marked = bom(head)
    codec = "utf-32" if marked and marked[2] == "UTF-32" else "utf-16"
    text = io.TextIOWrapper(stream, encoding=codec, newline=None)  # type: ignore[arg-type]
    lineno = 0
    try:
        while line := text.readline(MAX_LINE_BYTES + 1):
            lineno += 1
            if len(line) > MAX_LINE_BYTES and not line.endswith("\n"):
                yield lineno, BadLine("longer than 10 MB; stopped reading the file here")
                return
            if line.strip():
                yield lineno, line
    except UnicodeDecodeError:
        yield lineno + 1, BadLine("damaged text; stopped reading the file here")
    finally:
        text.detach()


def _skip_rest_of_line(stream: IO[bytes]) -> None:
    while chunk := stream.readline(READ_BUFFER):
        if chunk.endswith(b"\n"):
            return


def _record(line: bytes | str | BadLine, path: str, lineno: int, known: Known, base: str) -> Record | Skipped:
    """The Record of one line (unparsed when its raw bytes are known), or a Skipped saying why there is none."""
    if isinstance(line, BadLine):
        return _parse_line(line, path, lineno)  # type: ignore[return-value]
    raw = raw_hash(line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass"))
    hit = known.get(raw)
    if hit is not None:
        return known_record(raw, hit, lambda: f"{base}-{lineno}", partial(_parse_line, line, path, lineno))
    item, own = _parse(line, path, lineno)
    return Record(id=item.id, raw=raw, own_id=own, article=item) if isinstance(item, Article) else item


def _parse_line(line: bytes | str | BadLine, path: str, lineno: int) -> Item:
    """The article of one JSON line, or a Skipped saying why not."""
    return _parse(line, path, lineno)[0]


def _parse(line: bytes | str | BadLine, path: str, lineno: int) -> tuple[Item, str]:
    """The article of one JSON line (or a Skipped saying why not) and the id the record names itself."""
    if isinstance(line, bytes):
        line = _decode_line(line)
    if isinstance(line, BadLine):
        return Skipped(path, f"line {lineno}: {line.reason}"), ""
    try:
        value = json.loads(line)
    except RecursionError:
        return Skipped(path, f"line {lineno}: JSON nested too deeply"), ""
    except json.JSONDecodeError:
        return Skipped(path, f"line {lineno}: {NOT_JSON}"), ""
    except ValueError as error:  # e.g. an integer with too many digits
        return Skipped(path, f"line {lineno}: not valid JSON ({_first_line(str(error))})"), ""
    if not isinstance(value, dict):
        return Skipped(path, f"line {lineno}: not a JSON object (found {_json_type(value)})"), ""
    result = article_from_record(value, path, lineno)
    if isinstance(result, str):
        return Skipped(path, f"line {lineno}: {result}"), ""
    return result, _record_id(value.get("id"))


def article_from_record(record: dict, path: str, lineno: int) -> Article | str:
    """An Article from one decoded record, or the reason (str) it cannot be one."""
    get = record.get
    if "text" not in record:
        return 'no "text" field; record skipped'
    text = get("text")
    if text is None:
        return '"text" is null; record skipped'
    if not isinstance(text, str):
        return f'"text" is {_json_type(text)}, not a string; record skipped'
    text = clean_text(text).strip()
    title = _collapse(clean_text(_string(get("title"))))
    lead = clean_text(_string(get("lead"))).strip()
    if not (text or title or lead):
        return "empty record (no text, title or lead); record skipped"
    return Article(
        id=_record_id(get("id")) or path_id(path, lineno),
        text=text,
        title=title,
        lead=lead,
        date=normalize_date(get("date")),
        author=_collapse(clean_text(_string(get("author")))) or None,
        source=clean_text(_string(get("source"))).strip() or None,
        url=clean_text(_string(get("url"))).strip() or None,
        tags=_tags(get("tags")),
        path=path,
    )


def _record_id(value: object) -> str:
    """The record's own id as text ("" when it has none)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return clean_text(value).strip() if isinstance(value, str) else ""


def _string(value: object) -> str:
    """A text field: strings as they are, numbers as text, anything else empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return ""


def _tags(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not value or not isinstance(value, (list, tuple)):
        return ()
    tags = (clean_text(_string(tag)).strip() for tag in value)
    return tuple(tag for tag in tags if tag)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else "unknown error"


def _damage(error: BaseException, articles: int) -> str:
    """One line describing an I/O or compression failure and what was kept."""
    if isinstance(error, EOFError):
        what = "compressed data ends early (truncated file?)"
    elif isinstance(error, gzip.BadGzipFile):
        what = "not gzip data" if articles == 0 else "damaged gzip data"
    elif isinstance(error, zlib.error):
        what = "damaged gzip data"
    elif isinstance(error, PermissionError):
        what = "permission denied"
    elif isinstance(error, FileNotFoundError):
        what = "file not found (removed while reading?)"
    elif isinstance(error, IsADirectoryError):
        what = "is a folder, not a file"
    else:
        what = _first_line(getattr(error, "strerror", None) or str(error))
    if articles:
        return f"{what}; kept the {articles} articles read before the damage"
    return what
