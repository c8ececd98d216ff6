"""Our query tree (presssearch.query) → whoosh queries, with limits on expansion.

Scoring: words, phrases and prefixes score BM25F per text field, weighted by ``FIELD_WEIGHTS``;
several plain words also add a boosted "near each other" match (``NEAR_SLOP`` words apart, any
order), so articles where the words stand together rank first. Filters (source, author, speaker,
date) only select: they add nothing to the score.

For ``--explain`` a compiler made with ``explain_field="title"`` builds the same query with every
other field's weight set to 0: it matches the same documents, and its score is that field's share.
"""
from __future__ import annotations

from array import array

import numpy as np
from whoosh import matching
from whoosh import query as wq

from ..analysis.russian import exact_term, query_terms
from ..analysis.tokenize import fold, words
from ..errors import QueryError
from ..query.ast import Exact, FieldValue, Phrase, Word
from .arrays import unique
from .schema import FIELD_WEIGHTS, TEXT_FIELDS

MAX_PREFIX_TERMS = 256  # words one prefix may expand to
MAX_EXPANDED_TERMS = 1024  # words all the prefixes of one query may expand to together
FIELD_ALIASES = {"text": "body", "body": "body", "title": "title", "lead": "lead"}
KEY_FIELDS = {"source": "source_key", "author": "author_key", "speaker": "speaker_key"}
EXACT_FIELD = "exact"
EXACT_WEIGHT = 1.0
NEAR_SLOP = 3  # plain words this close to each other (any order) earn the proximity boost
NEAR_BOOST = 2.0


class Compiler:
    """Compiles one query tree. ``reader`` expands prefixes; ``speaker_key`` maps names to match keys;
    ``facets`` (a FacetTable), when given, lets a full speaker name select exactly that person."""

    def __init__(self, reader, speaker_key, *, max_prefix_terms: int = MAX_PREFIX_TERMS, facets=None,
                 explain_field: str | None = None, near: bool = True):
        self.reader = reader
        self.near = near  # False: leave the proximity boost out (the caller rescores the top hits)
        self.speaker_key = speaker_key
        self.max_prefix_terms = max_prefix_terms
        self.facets = facets
        self.explain_field = explain_field
        self.expanded = 0

    def compile_query(self, node) -> wq.Query:
        """The whole query. One made only of stop words (not in the stemmed fields) is looked up
        as exact word forms instead, so "быть или не быть" still finds something."""
        q = self.compile(node)
        if q is _STOP:
            q = self.compile(_as_exact(node))
        return Exhaustive(q)

    def known(self, word: str) -> bool:
        """True if some indexed text holds this word form (any case, ё or е)."""
        try:
            return (EXACT_FIELD, exact_term(word)) in self.reader
        except Exception:  # a value whoosh cannot encode is no known word
            return False

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

    def _boosted(self, field: str, q: wq.Query, factor: float = 1.0) -> wq.Query:
        """``q`` scored with the field's weight (times ``factor``); 0 for fields --explain leaves out."""
        w = (EXACT_WEIGHT if field == EXACT_FIELD else FIELD_WEIGHTS.get(field, 1.0)) * factor
        if self.explain_field is not None and field != self.explain_field:
            w = 0.0
        if w != 1.0:
            q.boost = w
        return q

    def _word_in(self, field: str, terms) -> wq.Query:
        if len(terms) == 1:
            return wq.Term(field, terms[0])
        return Or([wq.Term(field, t) for t in terms])

    def _word(self, node) -> wq.Query:
        if node.field in KEY_FIELDS:
            return self._fieldvalue(FieldValue(node.field, node.text))
        terms = query_terms(node.text)
        if not terms:
            return _STOP
        return _or([self._boosted(f, self._word_in(f, terms)) for f in self._fields(node.field)])

    def _phrase(self, node, factor: float = 1.0) -> wq.Query:
        if node.field in KEY_FIELDS:
            return self._fieldvalue(FieldValue(node.field, " ".join(node.words)))
        per_word = [query_terms(w) for w in node.words]
        kept = [t for t in per_word if t]
        if not kept:
            return _STOP
        if len(kept) == 1:
            return _or([self._boosted(f, self._word_in(f, kept[0]), factor) for f in self._fields(node.field)])
        gaps = len(per_word) - len(kept)  # stop words inside the phrase still take positions
        slop = max(1, getattr(node, "slop", 0) or 0) + gaps
        ordered = not (getattr(node, "slop", 0) or 0)
        return _or([
            self._boosted(f, wq.Sequence([self._word_in(f, t) for t in kept], slop=slop, ordered=ordered), factor)
            for f in self._fields(node.field)
        ])

    def _exact(self, node) -> wq.Query:
        forms = [exact_term(w) for w in node.words if w.strip()]
        if not forms:
            return wq.NullQuery
        q = wq.Term(EXACT_FIELD, forms[0]) if len(forms) == 1 else wq.Phrase(EXACT_FIELD, forms)
        return self._boosted(EXACT_FIELD, q)

    def _prefix(self, node) -> wq.Query:
        text = fold(node.text).rstrip("*")
        if node.field in KEY_FIELDS:
            return _filter(self._expand(KEY_FIELDS[node.field], text, node.text, weight=None))
        return _or([q for q in (self._expand(f, text, node.text) for f in self._fields(node.field)) if q])

    def _expand(self, field: str, text: str, typed: str, weight: bool | None = True) -> wq.Query | None:
        """An Or of the terms of ``field`` that start with ``text``; a QueryError past the limit."""
        terms = []
        for t in self.reader.expand_prefix(field, text):
            terms.append(t.decode("utf-8") if isinstance(t, bytes) else t)
            if len(terms) > self.max_prefix_terms:
                raise QueryError(
                    f"The prefix {typed}* matches too many words (more than {self.max_prefix_terms}).",
                    hint="Type a longer prefix, e.g. казахст* instead of каз*.",
                )
        self.expanded += len(terms)
        if self.expanded > MAX_EXPANDED_TERMS:
            raise QueryError(
                f"The prefixes of this query match too many words together (more than {MAX_EXPANDED_TERMS}).",
                hint="Use fewer or longer prefixes.",
            )
        if not terms:
            return wq.NullQuery if weight is None else None
        q = Or([wq.Term(field, t) for t in terms]) if len(terms) > 1 else wq.Term(field, terms[0])
        return self._boosted(field, q) if weight else q

    def _fieldvalue(self, node) -> wq.Query:
        value = (node.value or "").strip()
        if not value:
            raise QueryError(f"The field {node.field}: has no value.", hint=f'Write e.g. {node.field}:"…"')
        if node.field == "speaker":
            return _filter(self._speaker(value))
        if node.field in ("source", "author"):
            whole = " ".join(fold(value).split())
            return _filter(wq.Term(f"{node.field}_key", whole.replace(",", " ")))
        if node.field in FIELD_ALIASES:
            qs = [q for q in (self._word(Word(w.text, node.field)) for w in words(value)) if q is not _STOP]
            return wq.And(qs) if len(qs) > 1 else qs[0] if qs else _STOP
        raise QueryError(f"Unknown field {node.field}:", hint="Fields: title, lead, text, source, author, speaker, date.")

    def _speaker(self, value: str) -> wq.Query:
        """A surname (any case form) selects everyone with that surname; a full name as the facets
        show it ("Александр Бурков") selects exactly that person; an organisation's long or short name selects
        that body ("МИД" every МИД)."""
        text = self.speaker_key(value)
        key = wq.Term("speaker_key", text)
        # (a key of several words names one organisation already: "мид россии" for "Министерство иностранных дел РФ")
        whole = len(value.split()) > 1 and " " not in text
        docs = self.facets.docs_with_speaker(value) if self.facets is not None and whole else None
        return key if docs is None else wq.And([key, DocnumFilter(docs)])

    def _daterange(self, node) -> wq.Query:
        start = node.start or ""
        end = (node.end or "9999-12-31") + "~"  # inclusive of partial keys like "2019-06-30"
        if node.start:
            # a year- or month-only article date ("2019") belongs to the range when its period starts in it
            start = node.start[:4] if node.start.endswith("-01-01") else node.start[:7] if node.start.endswith("-01") else node.start
        if self.facets is not None:
            return _filter(DocnumFilter(self.facets.docs_with_date(start, end)))
        return _filter(wq.TermRange("date_key", start or None, end, startexcl=False, endexcl=False))

    def _and(self, node) -> wq.Query:
        pos, neg = [], []
        for child in node.children:
            (neg if type(child).__name__ == "Not" else pos).append(child)
        pos_q = [q for q in (self.compile(c) for c in pos) if q is not _STOP]
        neg_q = [q for q in (self.compile(c.child) for c in neg) if q is not _STOP]
        if not pos_q and pos and not any(type(c).__name__ == "MatchAll" for c in pos):
            return _STOP  # only stop words were asked for
        base = wq.And(pos_q) if len(pos_q) > 1 else pos_q[0] if pos_q else ZeroScore(wq.Every())
        near = self._near(pos) if self.near else None
        if near is not None:
            base = wq.AndMaybe(base, near)
        if neg_q:
            return AndNot(base, _or(neg_q))
        return base

    def _near(self, children) -> wq.Query | None:
        """The proximity boost: plain words of one field close together, as an optional extra."""
        groups: dict = {}
        for c in children:
            if type(c).__name__ == "Word" and c.field not in KEY_FIELDS and query_terms(c.text):
                groups.setdefault(c.field, []).append(c.text)
        qs = [self._phrase(Phrase(tuple(ws), field, NEAR_SLOP), NEAR_BOOST)
              for field, ws in groups.items() if len(ws) > 1]
        return _or(qs) if qs else None

    def near_query(self, node) -> wq.Query | None:
        """The proximity boost of the query's top level (None if it has fewer than two plain words),
        for rescoring the top hits instead of computing word positions for every match."""
        if type(node).__name__ == "Word":
            return None
        children = node.children if type(node).__name__ == "And" else ()
        return self._near([c for c in children if type(c).__name__ != "Not"])

    def _or(self, node) -> wq.Query:
        qs = [q for q in (self.compile(c) for c in node.children) if q is not _STOP]
        return _or(qs) if qs else _STOP

    def _not(self, node) -> wq.Query:
        inner = self.compile(node.child)
        if inner is _STOP:
            return ZeroScore(wq.Every())
        return AndNot(ZeroScore(wq.Every()), inner)

    def _matchall(self, node) -> wq.Query:
        return ZeroScore(wq.Every())


class Or(wq.Or):
    """whoosh's Or, always as a tree of union matchers. whoosh picks that itself on indexes of more
    than 5,000 documents but preloads an ArrayUnionMatcher on smaller ones; one code path means the
    small test indexes exercise what the big ones run."""

    matcher_type = wq.Or.DEFAULT_MATCHER


class _AndNotMatcher(matching.AndNotMatcher):
    """whoosh's AndNotMatcher skips the excluded matcher forward only when both start on the same
    document, so an excluded document after the first one of ``b`` slipped through (``a -b``); and
    after ``skip_to`` it asks an exhausted ``a`` for its document (IndexError in nested NOTs)."""

    def _find_first(self):
        if self.a.is_active() and self.b.is_active():
            self._find_next()

    def _find_next(self):
        if self.a.is_active():
            return super()._find_next()
        return False


class AndNot(wq.AndNot):
    def matcher(self, searcher, context=None):
        scored = self.a.matcher(searcher, context)
        excluded = self.b.matcher(searcher, searcher.boolean_context())
        return _AndNotMatcher(scored, excluded)


class Exhaustive(wq.WrappingQuery):
    """The top of every compiled query: its matcher refuses whoosh's "replace" optimisation, which
    drops documents that cannot enter the top N (our totals and facets count every match)."""

    def matcher(self, searcher, context=None):
        m = self.child.matcher(searcher, context)
        return m if isinstance(m, matching.NullMatcherClass) else _NoReplace(m)


class _NoReplace(matching.WrappingMatcher):
    def replace(self, minquality=0):
        return self if self.child.is_active() else matching.NullMatcher()

    def _replacement(self, newchild):
        return _NoReplace(newchild)


class ZeroScore(wq.WrappingQuery):
    """Matches what its child matches, scoring 0 (whoosh's ConstantScoreQuery cannot: it takes a
    score of 0 for "none given" and scores 1)."""

    def matcher(self, searcher, context=None):
        m = self.child.matcher(searcher, context)
        return m if isinstance(m, matching.NullMatcherClass) else matching.WrappingMatcher(m, boost=0.0)


def suggest_words(reader, word: str, limit: int = 3) -> list[str]:
    """Indexed word forms (exact field) within 1, else 2 edits of ``word`` that share its first
    letters (3 for words of 6+ letters, else 2: scanning the whole vocabulary takes seconds on a
    big index), the most frequent first. Words of under 4 letters get none."""
    form = exact_term(word)
    if len(form) < 4:
        return []
    prefix = 3 if len(form) >= 6 else 2
    for maxdist in (1, 2):
        found = [t for t in reader.terms_within(EXACT_FIELD, form, maxdist, prefix=prefix) if t != form]
        if found:
            found.sort(key=lambda t: (-reader.doc_frequency(EXACT_FIELD, t), t))
            return found[:limit]
    return []


def scores_of(searcher, wquery: wq.Query, docnums) -> dict[int, float]:
    """The scores ``wquery`` gives some documents (global docnums), in one pass of one matcher."""
    m = wquery.matcher(searcher, searcher.context())
    out: dict[int, float] = {}
    for d in sorted(set(docnums)):
        if not m.is_active():
            break
        if m.id() < d:
            m.skip_to(d)
        if m.is_active() and m.id() == d:
            out[d] = float(m.score())
    return out


class DocnumFilter(wq.Query):
    """Matches a fixed set of documents (global docnums), scoring 0: a filter computed outside whoosh.
    (A custom query, not whoosh's ``filter=`` argument, so it combines like any other query.)"""

    def __init__(self, docnums: np.ndarray):
        self.docnums = unique(np.asarray(docnums, dtype=np.int64))

    def __eq__(self, other):
        return type(other) is DocnumFilter and np.array_equal(self.docnums, other.docnums)

    def __hash__(self):
        return hash(self.docnums.tobytes())

    def __repr__(self):
        return f"DocnumFilter({len(self.docnums)} docs)"

    def estimate_size(self, ixreader):
        return len(self.docnums)

    def matcher(self, searcher, context=None):
        offset = 0
        if searcher.has_parent():
            offset = searcher.get_parent()._offset_for_subsearcher(searcher) or 0
        n = searcher.doc_count_all()
        lo, hi = np.searchsorted(self.docnums, [offset, offset + n])
        ids = array("I", (self.docnums[lo:hi] - offset).tolist())
        if not ids:
            return matching.NullMatcher()
        return matching.WrappingMatcher(matching.ListMatcher(ids), boost=0.0)



def _as_exact(node):
    """The tree with words and phrases turned into exact forms (for queries of stop words only)."""
    kind = type(node).__name__
    if kind in ("And", "Or"):
        return type(node)(tuple(_as_exact(c) for c in node.children))
    if kind == "Word" and node.field not in KEY_FIELDS:
        return Exact((node.text,), node.field)
    if kind == "Phrase" and node.field not in KEY_FIELDS:
        return Exact(node.words, node.field)
    return node


def _filter(q: wq.Query) -> wq.Query:
    """A query that selects documents without adding to their score."""
    if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
        return q
    return ZeroScore(q)


def _or(qs: list) -> wq.Query:
    if not qs:
        return wq.NullQuery
    return qs[0] if len(qs) == 1 else Or(qs)


# A query part made only of stop words: it constrains nothing.
_STOP = wq.NullQuery.__class__()
