"""Articles and their quotes → index documents (plain dicts of field values)."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

from ..analysis.tokenize import fold
from ..model import Article

SEP = "\n"


def date_keys(date: str | None) -> tuple[str, str]:
    """(local calendar key, UTC ordering key) of an article date as published.

    "2019-11-06T11:03:00+03:00" → ("2019-11-06", "2019-11-06T08:03:00Z"); "2010" → ("2010", "2010").
    The calendar key is the date in the article's own time zone, as its readers saw it.
    """
    if not date:
        return "", ""
    local = date[:10]
    if len(date) <= 10:
        return local, local
    try:
        dt = datetime.fromisoformat(date.replace("Z", "+00:00"))
    except ValueError:
        return local, local
    if dt.tzinfo is None:
        return local, dt.strftime("%Y-%m-%dT%H:%M:%S")
    return local, dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def name_keys(value: str | None) -> str:
    """Folded whole value and its words, comma separated, for case-insensitive field filters."""
    if not value:
        return ""
    whole = " ".join(fold(value).split())
    parts = [whole] + [w for w in whole.replace(",", " ").split() if w != whole]
    return ",".join(p.replace(",", " ") for p in dict.fromkeys(parts))


def content_hash(a: Article) -> str:
    data = json.dumps([a.title, a.lead, a.text, a.date, a.author, a.source, a.url, list(a.tags)], ensure_ascii=False)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=12).hexdigest()


def article_documents(a: Article, speaker_key) -> list[dict]:
    """The article's document and one document per quote. ``speaker_key`` maps a name to its match keys
    (comma-separated)."""
    day, utc = date_keys(a.date)
    speakers = a.speakers
    skeys = ",".join(dict.fromkeys(k for s in speakers for k in speaker_key(s).split(",")))
    common = dict(
        article_id=a.id,
        date=a.date,
        date_key=day,
        utc=utc,
        source=a.source or "",
        source_key=name_keys(a.source),
        author=a.author or "",
        author_key=name_keys(a.author),
        url=a.url,
    )
    docs = [
        dict(
            common,
            id=a.id,
            kind="article",
            title=a.title,
            lead=a.lead,
            body=a.text,
            exact=SEP.join((a.title, a.lead, a.text)),
            path=a.path,
            tags=list(a.tags),
            speakers=SEP.join(speakers),
            speaker_key=skeys,
            quotes=[(q.start, q.end, q.speaker, q.role, q.rule) for q in a.quotes],
        )
    ]
    for n, q in enumerate(a.quotes, 1):
        docs.append(
            dict(
                common,
                id=f"{a.id}#q{n}",
                kind="quote",
                body=q.text,
                exact=q.text,
                article_title=a.title,
                speakers=q.speaker or "",
                speaker_key=speaker_key(q.speaker) if q.speaker else "",
                role=q.role,
                start=q.start,
                end=q.end,
            )
        )
    return docs
