"""Writing a generation: open/create the whoosh index in a workspace, add and delete articles."""
from __future__ import annotations

from pathlib import Path

from whoosh import index as whoosh_index

from .documents import article_documents
from .facets import CACHE, FacetTable
from .schema import make_schema

INDEX_NAME = "MAIN"


def _clean(doc: dict) -> dict:
    return {k: v for k, v in doc.items() if v is not None and v != ""}


class GenerationWriter:
    """Adds/deletes articles in one workspace folder; ``commit()`` finishes the whoosh segment(s)."""

    def __init__(self, work: Path, *, fresh: bool, speaker_key, limitmb: int = 256):
        if fresh or not whoosh_index.exists_in(str(work), indexname=INDEX_NAME):
            self.ix = whoosh_index.create_in(str(work), make_schema(), indexname=INDEX_NAME)
        else:
            self.ix = whoosh_index.open_dir(str(work), indexname=INDEX_NAME)
        self.work = work
        self.speaker_key = speaker_key
        self.writer = self.ix.writer(limitmb=limitmb)

    def delete_article(self, article_id: str) -> None:
        self.writer.delete_by_term("article_id", article_id)

    def add_article(self, article) -> None:
        for doc in article_documents(article, self.speaker_key):
            self.writer.add_document(**_clean(doc))

    def commit(self) -> None:
        """Finish the segment(s), then count the facet columns once so readers load them ready-made."""
        self.writer.commit()
        with self.ix.reader() as reader:
            FacetTable.build(reader).save(self.work / CACHE)

    def cancel(self) -> None:
        try:
            self.writer.cancel()
        except Exception:  # the workspace is thrown away anyway
            pass
