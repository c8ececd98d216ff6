"""Records with a hash of their raw bytes, so an update can pass over the unchanged ones unparsed.

An update keeps, per file, ``{raw hash: [own id, content hash]}`` for the records that gave an article
(own id "": the record has no id of its own and is known by its file and line, ``path_id(path, line)``).
A record whose raw bytes (a JSON line as stored, a .txt/.md file's bytes) hash to a known key is the
article it was before: it comes out as a ``Record`` with that id and content hash, not decoded or parsed;
``Record.load()`` parses it when the article itself is needed. Parsing depends only on the raw bytes, the
file's path and the line number, which is why this is safe; ``RAW_VERSION`` changes whenever the reading
rules change, so hashes kept by older code are not trusted.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from ..model import Article

RAW_VERSION = 1
RAW_HASH_CHARS = 24  # 96 bits of SHA-256 (hardware-accelerated: ~1 GB/s, faster here than BLAKE2)

Known = Mapping[str, Sequence[str]]  # raw hash → (own id or "", content hash)


def raw_hash(data: bytes) -> str:
    """A hash of one record's raw bytes."""
    return hashlib.sha256(data).hexdigest()[:RAW_HASH_CHARS]


@dataclass(slots=True)
class Record:
    """One record that is an article: its id, raw hash and either its parsed article or, for a record
    known from an earlier update, its content hash and a way to parse it."""

    id: str
    raw: str
    own_id: str  # the id the record names itself ("" when it is known by file and line)
    article: Article | None = None
    chash: str | None = None
    loader: Callable[[], object] | None = None

    def load(self) -> Article:
        """The article (parsed now if the record was known by its raw hash)."""
        if self.article is None:
            item = self.loader() if self.loader is not None else None
            if not isinstance(item, Article) or item.id != self.id:
                raise ValueError(f"record {self.id} no longer reads as the same article")
            self.article = item
        return self.article

    def entry(self, chash: str) -> list[str]:
        """What the manifest keeps for this record."""
        return [self.own_id, chash]


def known_record(raw: str, hit: Sequence[str], numbered_id: Callable[[], str],
                 loader: Callable[[], object]) -> Record:
    """The Record of raw bytes known from an earlier update."""
    own, chash = hit[0], hit[1]
    return Record(id=own or numbered_id(), raw=raw, own_id=own, chash=chash, loader=loader)
