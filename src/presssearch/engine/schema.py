"""The index schema: one document per article and one per quote."""
from __future__ import annotations

from whoosh import fields

from .analyzer import ExactText, StemmedText

FORMAT_VERSION = 3  # 2: one-pass text fields and the engine.writer codec in the TOC; 3: engine.codec blocks

# Field weights for ranking (BM25 per field, summed with these boosts).
FIELD_WEIGHTS = {"title": 3.0, "lead": 1.5, "body": 1.0}
TEXT_FIELDS = tuple(FIELD_WEIGHTS)


def make_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        article_id=fields.ID(stored=True),
        kind=fields.ID(stored=True, sortable=True),  # "article" | "quote"
        title=StemmedText(stored=True),  # TEXT fields that analyse in one pass (see engine.analyzer)
        lead=StemmedText(stored=True),
        body=StemmedText(stored=True),
        exact=ExactText(),
        article_title=fields.STORED(),
        date=fields.STORED(),  # ISO text as published (own time zone), or partial ("2010")
        date_key=fields.ID(sortable=True),  # local calendar date "2019-11-06" / "2019-11" / "2010"
        utc=fields.ID(sortable=True),  # instant in UTC for ordering ("2019-11-06T11:03:00Z") or date_key
        source=fields.ID(stored=True, sortable=True),
        source_key=fields.KEYWORD(lowercase=True, commas=True),
        author=fields.ID(stored=True, sortable=True),
        author_key=fields.KEYWORD(lowercase=True, commas=True),
        url=fields.STORED(),
        path=fields.STORED(),
        tags=fields.STORED(),
        speakers=fields.ID(stored=True, sortable=True),  # canonical names joined by "\n"
        speaker_key=fields.KEYWORD(commas=True),
        role=fields.STORED(),
        start=fields.STORED(),
        end=fields.STORED(),
        quotes=fields.STORED(),  # on articles: [(start, end, speaker, role, rule), ...]
    )
