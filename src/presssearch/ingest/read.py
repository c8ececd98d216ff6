"""Read the articles of one source file (never raises for bad content)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from ..model import Article, Skipped
from .encoding import DecodeFailure, decode_bytes
from .jsonl import iter_jsonl, iter_jsonl_records
from .records import Known, Record, known_record, raw_hash
from .seedformat import parse_text_article
from .walk import Source

MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024  # one .txt/.md file is one article


def read_source(source: Source | str | Path) -> tuple[list[Article], list[Skipped]]:
    """The articles in one file and the parts of it that were skipped, with reasons."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in iter_articles(source):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            articles.append(item)
    return articles, skipped


def iter_articles(source: Source | str | Path) -> Iterator[Article | Skipped]:
    """Like read_source, streaming: articles and Skipped notes in file order."""
    path = source.path if isinstance(source, Source) else os.path.abspath(source)
    if path.lower().endswith((".jsonl", ".jsonl.gz")):
        return iter_jsonl(path)
    return iter(read_text_file(path))


def iter_records(source: Source | str | Path, known: Known) -> Iterator[Record | Skipped]:
    """Like iter_articles, each article as a Record; records whose raw bytes are in ``known`` are not parsed."""
    path = source.path if isinstance(source, Source) else os.path.abspath(source)
    if path.lower().endswith((".jsonl", ".jsonl.gz")):
        return iter_jsonl_records(path, known)
    return iter(_text_file_records(path, known))


def _text_file_records(path: str, known: Known) -> list[Record | Skipped]:
    data = _read_text_bytes(path)
    if isinstance(data, Skipped):
        return [data]
    raw = raw_hash(data)
    hit = known.get(raw)
    if hit is not None and hit[0]:
        return [known_record(raw, hit, lambda: "", lambda: _text_article(data, path))]
    item = _text_article(data, path)
    return [Record(id=item.id, raw=raw, own_id=item.id, article=item) if isinstance(item, Article) else item]


def read_text_file(path: str) -> list[Article | Skipped]:
    """The one article of a .txt/.md file, or a Skipped saying why there is none."""
    data = _read_text_bytes(path)
    return [data if isinstance(data, Skipped) else _text_article(data, path)]


def _read_text_bytes(path: str) -> bytes | Skipped:
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_TEXT_FILE_BYTES + 1)
    except OSError as error:
        reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error)).lower()
        return Skipped(path, f"cannot read: {reason}")
    if len(data) > MAX_TEXT_FILE_BYTES:
        return Skipped(path, "too large for one article (over 20 MB); split it, or use .jsonl for many articles")
    return data


def _text_article(data: bytes, path: str) -> Article | Skipped:
    """The article of a .txt/.md file's bytes, or a Skipped saying why there is none."""
    try:
        text = decode_bytes(data)
    except DecodeFailure as failure:
        return Skipped(path, str(failure))
    article = parse_text_article(text, path)
    return article if article is not None else Skipped(path, "empty file")
