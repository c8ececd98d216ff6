"""Parse one article from a .txt/.md file: the seed ("sample") export format, else plain text.

Seed format (see /work/shared/samples)::

    # Title
    Published at: **2019-11-06T11:03:00+00:00**
    Author: **Name**
    Original: [Outlet](https://...)
            Indented lead paragraph.
    Body paragraph ...
            Speaker Name:
    — Answer ...

Blank lines may appear anywhere. The body keeps one paragraph a line (indentation and trailing
spaces stripped, blank lines dropped) and keeps speaker lines as lines of their own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article
from .dates import normalize_date
from .ids import path_id, url_id

TITLE_MAX_CHARS = 200
SPEAKER_MAX_WORDS = 6
SPEAKER_MAX_CHARS = 80

_TITLE = re.compile(r"#{1,6}(?:\s+|$)")
_PUBLISHED = re.compile(r"Published(?: at)?:\s*(?:\*\*)?(.*?)(?:\*\*)?\s*", re.IGNORECASE)
_AUTHOR = re.compile(r"Author:\s*(?:\*\*)?(.*?)(?:\*\*)?\s*", re.IGNORECASE)
_ORIGINAL_LINK = re.compile(r"Original:\s*\[(.*?)\]\(\s*(.*?)\s*\)\s*", re.IGNORECASE)
_ORIGINAL_URL = re.compile(r"Original:\s*(\S+?)\s*", re.IGNORECASE)
_OTHER_HEADER = re.compile(r"[A-Z][A-Za-z ]{0,40}:\s*\*\*.*\*\*\s*")
_DASHES = ("—", "–", "-")


@dataclass
class _Header:
    title: str = ""
    date_text: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    fields: set[str] = field(default_factory=set)


def parse_text_article(text: str, path: str) -> Article | None:
    """The article in a decoded text file (seed format or plain), None when there is no text."""
    lines = text.split("\n")
    return parse_seed(lines, path) or parse_plain(lines, path)


def parse_seed(lines: list[str], path: str) -> Article | None:
    """The article when ``lines`` follow the seed format (a known header line), else None."""
    header, pos = _read_header(lines)
    if not header.fields:
        return None
    lead, pos = _read_lead(lines, pos)
    body = _paragraphs(lines[pos:])
    if not (header.title or lead or body):
        return None
    return Article(
        id=url_id(header.url) or path_id(path),
        text="\n".join(body),
        title=header.title,
        lead=lead,
        date=normalize_date(header.date_text),
        author=header.author,
        source=header.source,
        url=header.url,
        path=path,
    )


def parse_plain(lines: list[str], path: str) -> Article | None:
    """Any other text: the first non-empty line is the title, the rest the body."""
    paragraphs = _paragraphs(lines)
    if not paragraphs:
        return None
    first = _strip_heading(paragraphs[0])
    if len(first) <= TITLE_MAX_CHARS:
        title, body = first, paragraphs[1:]
    else:  # one long paragraph: keep all of it in the body, shorten it for the title
        title, body = shorten(first, TITLE_MAX_CHARS), paragraphs
    return Article(id=path_id(path), text="\n".join(body), title=title, path=path)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—-") + "…"


def _read_header(lines: list[str]) -> tuple[_Header, int]:
    """Title and header fields; returns them and the index of the first line after them."""
    header = _Header()
    pos = _skip_blank(lines, 0)
    if pos < len(lines) and _TITLE.match(lines[pos].strip()):
        header.title = _strip_heading(lines[pos].strip())
        pos += 1
    while pos < len(lines):
        line = lines[pos]
        if not line.strip():
            pos += 1
            continue
        if line[0].isspace() or not _header_line(line.rstrip(), header):
            break
        pos += 1
    return header, pos


def _header_line(line: str, header: _Header) -> bool:
    """Record one header line into ``header``; False when ``line`` is not a header line."""
    if m := _PUBLISHED.fullmatch(line):
        header.date_text = m.group(1).strip() or None
        header.fields.add("date")
    elif m := _AUTHOR.fullmatch(line):
        header.author = _collapse(m.group(1)) or None
        header.fields.add("author")
    elif m := _ORIGINAL_LINK.fullmatch(line):
        header.source = _collapse(m.group(1)) or None
        header.url = m.group(2).strip() or None
        header.fields.add("original")
    elif m := _ORIGINAL_URL.fullmatch(line):
        header.url = m.group(1)
        header.fields.add("original")
    elif _OTHER_HEADER.fullmatch(line):
        header.fields.add("other")
    else:
        return False
    return True


def _read_lead(lines: list[str], pos: int) -> tuple[str, int]:
    """The indented paragraph after the header (unless it opens an interview block)."""
    pos = _skip_blank(lines, pos)
    if pos >= len(lines) or not lines[pos][:1].isspace() or _opens_interview(lines, pos):
        return "", pos
    lead: list[str] = []
    while pos < len(lines) and lines[pos].strip() and lines[pos][:1].isspace():
        lead.append(lines[pos].strip())
        pos += 1
    return "\n".join(lead), pos


def _opens_interview(lines: list[str], pos: int) -> bool:
    """A short "Name Surname:" line followed by a line opening with a dash."""
    line = lines[pos].strip()
    if not line.endswith(":") or len(line) > SPEAKER_MAX_CHARS or len(line.split()) > SPEAKER_MAX_WORDS:
        return False
    after = _skip_blank(lines, pos + 1)
    return after < len(lines) and lines[after].lstrip().startswith(_DASHES)


def _paragraphs(lines: list[str]) -> list[str]:
    return [stripped for line in lines if (stripped := line.strip())]


def _skip_blank(lines: list[str], pos: int) -> int:
    while pos < len(lines) and not lines[pos].strip():
        pos += 1
    return pos


def _strip_heading(line: str) -> str:
    """A title line without its Markdown "#" marks, whitespace collapsed."""
    return _collapse(_TITLE.sub("", line, count=1)) if _TITLE.match(line) else _collapse(line)


def _collapse(text: str) -> str:
    return " ".join(text.split())
