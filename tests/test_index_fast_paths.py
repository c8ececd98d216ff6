"""Indexing fast paths give what the plain paths give: batched analysis, batched word analysis,
plain-ID terms, field-length bytes read in one call."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.analysis.russian import word_analysis, words_analysis
from presssearch.engine.analyzer import parts_positions
from presssearch.engine.columns import TermIds
from presssearch.engine.schema import make_schema
from presssearch.engine.wordids import WordTerms
from presssearch.engine.writer import _plain_id
from .test_index_analysis import _as_dicts

texts = st.lists(st.sampled_from(list("аБвгЁё Путин-ли_\n\u2010,.«»1 ") + ["Москва", "Собянин", "и", "не", "the"]),
                 max_size=40).map("".join)
words = st.lists(st.sampled_from(list("аБвгЁёeE1٣-\u2010\u2011") + ["Ли", "ли", "и", "Путин", "the", "Москва"]),
                 min_size=1, max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(texts, min_size=1, max_size=3), max_size=6), st.lists(texts, max_size=3))
def test_analyse_docs_gives_each_documents_postings(docs, before):
    """Documents of one, two or three parts analysed in one pass get the postings each would get alone."""
    words_ = WordTerms(TermIds())
    if before:
        words_.analyse_docs([before])
    got = words_.analyse_docs(docs)
    terms = list(words_.ids)
    assert len(got) == len(docs)
    for parts, (stemmed, exact) in zip(docs, got):
        want_stemmed, want_exact = parts_positions(parts)
        assert [_as_dicts(g, terms) for g in stemmed] == want_stemmed
        assert _as_dicts(exact, terms) == want_exact


@settings(max_examples=300, deadline=None)
@given(st.lists(words, max_size=12))
def test_words_analysis_is_word_analysis(batch):
    assert words_analysis(batch) == [word_analysis(w) for w in batch]


def test_plain_id_fields_index_their_whole_value():
    """``add_fields`` makes a plain ID field's one term itself: the value, weight ``field_boost``, length 0."""
    schema = make_schema()
    plain = [name for name in schema.names() if _plain_id(schema[name])]
    assert {"id", "article_id", "kind", "source", "speakers"} <= set(plain)
    assert "source_key" not in plain and "body" not in plain
    for name in plain:
        field = schema[name]
        for value in ("Путин", "a b, C", "2019-11-06T08:03:00Z"):
            assert list(field.index(value)) == [(value.encode("utf-8"), 1, field.format.field_boost, b"")]
