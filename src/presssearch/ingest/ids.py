"""Stable, readable article ids.

* From a URL: host without "www." and the path (and query), lowercased, every run of
  characters other than letters, digits, "_" and "." turned into "-":
  "https://bk55.ru/news/article/159616/" -> "bk55.ru-news-article-159616". Ids longer than
  80 characters keep their first 60 and add 8 hex digits of the URL's SHA-1.
* From a file: the file name without its suffix, slugged the same way, and 8 hex digits of the
  SHA-1 of the absolute path: "notes-3f2a9c01"; a record of a JSON Lines file without an id
  adds its line number: "feed-3f2a9c01-17".
The same URL always gives the same id, so two files holding the same article share it.
"""
from __future__ import annotations

import hashlib
import os
import re
from urllib.parse import unquote, urlsplit

from .lists import SUPPORTED_SUFFIXES

MAX_ID_CHARS = 80
KEEP_CHARS = 60
HASH_CHARS = 8

_NON_SLUG = re.compile(r"[^\w.]+")


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_CHARS]


def slug(text: str) -> str:
    """Lowercase; runs of anything but letters, digits, "_" and "." become "-"."""
    return _NON_SLUG.sub("-", text.lower()).strip("-.")


def url_id(url: str | None) -> str | None:
    """The id of an article known by its URL, or None when there is no usable URL."""
    if not url or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    rest = unquote(parts.path) + ("?" + unquote(parts.query) if parts.query else "")
    if not host:
        rest = url
    text = slug(f"{host}/{rest}")
    if not text:
        return None
    if len(text) > MAX_ID_CHARS:
        text = f"{text[:KEEP_CHARS].rstrip('-.')}-{short_hash(url)}"
    return text


def file_stem(path: str) -> str:
    """The file name without its supported suffix ("feed.jsonl.gz" -> "feed")."""
    name = os.path.basename(path)
    lower = name.lower()
    for suffix in SUPPORTED_SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return os.path.splitext(name)[0]


def path_id(path: str, line: int | None = None) -> str:
    """The id of an article known only by its file (and line, for JSON Lines)."""
    stem = slug(file_stem(path))[:KEEP_CHARS].rstrip("-.") or "article"
    base = f"{stem}-{short_hash(os.path.abspath(path))}"
    return base if line is None else f"{base}-{line}"
