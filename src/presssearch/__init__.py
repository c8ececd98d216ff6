"""presssearch — search a Russian press archive: articles and the quotes inside them.

    import presssearch
    archive = presssearch.open_archive("index")
    archive.update(["data"])
    for hit in archive.search("сотрудничество с Казахстаном"):
        print(hit.title, hit.date, hit.snippet)
"""
from .archive import Archive, open_archive
from .errors import (
    IndexDamaged,
    IndexLocked,
    IndexMissing,
    IndexVersionError,
    InputError,
    NotFound,
    PresssearchError,
    QueryError,
)
from .model import Article, Hit, Quote, Results, Skipped, UpdateReport

__all__ = [
    "Archive",
    "Article",
    "Hit",
    "IndexDamaged",
    "IndexLocked",
    "IndexMissing",
    "IndexVersionError",
    "InputError",
    "NotFound",
    "PresssearchError",
    "Quote",
    "QueryError",
    "Results",
    "Skipped",
    "UpdateReport",
    "open_archive",
]
