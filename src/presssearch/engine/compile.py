"""Our query tree (presssearch.query) → whoosh queries, with limits on expansion."""
from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as wq

from ..analysis.russian import exact_term, query_terms
from ..analysis.tokenize import fold, words
from ..errors import QueryError
from .schema import FIELD_WEIGHTS, TEXT_FIELDS

MAX_PREFIX_TERMS = 256
FIELD_ALIASES = {"text": "body", "body": "body", "title": "title", "lead": "lead"}


class Compiler:
    """Compiles one query tree. ``reader`` expands prefixes; ``speaker_key`` maps names to match keys."""

    def __init__(self, reader, speaker_key, *, max_prefix_terms: int = MAX_PREFIX_TERMS):
        self.reader = reader
        self.speaker_key = speaker_key
        self.max_prefix_terms = max_prefix_terms

    # Each node type has a method; a node that can match nothing compiles to wq.NullQuery.
    def compile(self, node) -> wq.Query:
        method = getattr(self, "_" + type(node).__name__.lower(), None)
        if method is None:
            raise QueryError(f"Unsupported query construct {type(node).__name__}.")
        return method(node)

    def _fields(self, field):
        if field is None:
            return TEXT_FIELDS
        return (FIELD_ALIASES.get(field, field),)

    @staticmethod
    def _boosted(field: str, q: wq.Query) -> wq.Query:
        w = FIELD_WEIGHTS.get(field, 1.0)
        if w != 1.0:
            q.boost = w
        return q

    def _word_in(self, field: str, terms) -> wq.Query:
        if len(terms) == 1:
            return wq.Term(field, terms[0])
        return wq.Or([wq.Term(field, t) for t in terms])

    def _word(self, node) -> wq.Query:
        if node.field in ("source", "author", "speaker"):
            return self._fieldvalue(_FV(node.field, node.text))
        terms = query_terms(node.text)
        if not terms:
            return _STOP
        return _or([self._boosted(f, self._word_in(f, terms)) for f in self._fields(node.field)])

    def _phrase(self, node) -> wq.Query:
        per_word = [query_terms(w) for w in node.words]
        kept = [t for t in per_word if t]
        if not kept:
            return _STOP
        if len(kept) == 1:
            return _or([self._boosted(f, self._word_in(f, kept[0])) for f in self._fields(node.field)])
        gaps = len(per_word) - len(kept)  # stop words inside the phrase still take positions
        slop = max(1, getattr(node, "slop", 0) or 0) + gaps
        ordered = not (getattr(node, "slop", 0) or 0)
        return _or([
            self._boosted(f, wq.Sequence([self._word_in(f, t) for t in kept], slop=slop, ordered=ordered))
            for f in self._fields(node.field)
        ])

    def _exact(self, node) -> wq.Query:
        words = [exact_term(w) for w in node.words if w.strip()]
        if not words:
            return wq.NullQuery
        if len(words) == 1:
            return wq.Term("exact", words[0])
        return wq.Phrase("exact", words)

    def _prefix(self, node) -> wq.Query:
        text = fold(node.text).rstrip("*")
        subqs = []
        for f in self._fields(node.field):
            terms = []
            for t in self.reader.expand_prefix(f, text):
                terms.append(t.decode("utf-8") if isinstance(t, bytes) else t)
                if len(terms) > self.max_prefix_terms:
                    raise QueryError(
                        f"The prefix {node.text}* matches too many words (more than {self.max_prefix_terms}).",
                        hint="Type a longer prefix, e.g. казахст* instead of каз*.",
                    )
            if terms:
                subqs.append(self._boosted(f, wq.Or([wq.Term(f, t) for t in terms])))
        return _or(subqs) if subqs else wq.NullQuery

    def _fieldvalue(self, node) -> wq.Query:
        value = (node.value or "").strip()
        if not value:
            raise QueryError(f"The field {node.field}: has no value.", hint=f'Write e.g. {node.field}:"…"')
        if node.field == "speaker":
            return wq.Term("speaker_key", self.speaker_key(value))
        if node.field in ("source", "author"):
            whole = " ".join(fold(value).split())
            return wq.Term(f"{node.field}_key", whole.replace(",", " "))
        if node.field in FIELD_ALIASES:
            qs = [q for q in (self._word(_Word(w.text, node.field)) for w in words(value)) if q is not _STOP]
            return wq.And(qs) if len(qs) > 1 else qs[0] if qs else _STOP
        raise QueryError(f"Unknown field {node.field}:", hint="Fields: title, lead, text, source, author, speaker, date.")

    def _daterange(self, node) -> wq.Query:
        start = node.start or ""
        end = (node.end or "9999-12-31") + "~"  # inclusive of partial keys like "2019-06-30"
        if node.start:
            # a year- or month-only article date ("2019") belongs to the range when its period starts in it
            start = node.start[:4] if node.start.endswith("-01-01") else node.start[:7] if node.start.endswith("-01") else node.start
        return wq.TermRange("date_key", start or None, end, startexcl=False, endexcl=False)

    def _and(self, node) -> wq.Query:
        pos, neg = [], []
        for child in node.children:
            (neg if type(child).__name__ == "Not" else pos).append(child)
        pos_q = [q for q in (self.compile(c) for c in pos) if q is not _STOP]
        neg_q = [q for q in (self.compile(c.child) for c in neg) if q is not _STOP]
        base = wq.And(pos_q) if len(pos_q) > 1 else pos_q[0] if pos_q else wq.Every()
        if neg_q:
            return wq.AndNot(base, _or(neg_q))
        return base

    def _or(self, node) -> wq.Query:
        qs = [q for q in (self.compile(c) for c in node.children) if q is not _STOP]
        return _or(qs) if qs else _STOP

    def _not(self, node) -> wq.Query:
        inner = self.compile(node.child)
        if inner is _STOP:
            return wq.Every()
        return wq.AndNot(wq.Every(), inner)

    def _matchall(self, node) -> wq.Query:
        return wq.Every()


@dataclass(frozen=True)
class _Word:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class _FV:
    field: str
    value: str


def _or(qs: list) -> wq.Query:
    if not qs:
        return wq.NullQuery
    return qs[0] if len(qs) == 1 else wq.Or(qs)


# A query part made only of stop words: it constrains nothing.
_STOP = wq.NullQuery.__class__()
