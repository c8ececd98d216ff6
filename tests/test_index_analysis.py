"""Indexing analyses each text once: the shared tokenisation gives the analyzer chains' postings."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.analysis.tokenize import WORD_RE, WORD_RE_FAST
from presssearch.engine.analyzer import (exact_analyzer, exact_positions, parts_positions, russian_analyzer,
                                         stemmed_positions)
from presssearch.engine.columns import TermIds
from presssearch.engine.documents import SEP
from presssearch.engine.wordids import WordTerms

texts = st.lists(st.sampled_from(list("аБвгЁё Путин-ли_\n\u2010,.«»1 ") + ["Москва", "Собянин", "и", "не"]),
                 max_size=40).map("".join)


def _chain(analyzer, text: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for t in analyzer(text, positions=True):
        out.setdefault(t.text, []).append(t.pos)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, min_size=1, max_size=3))
def test_parts_positions_equal_separate_analysis(parts):
    stemmed, exact = parts_positions(parts)
    assert stemmed == [stemmed_positions(p) for p in parts] == [_chain(russian_analyzer(), p) for p in parts]
    assert exact == exact_positions(SEP.join(parts)) == _chain(exact_analyzer(), SEP.join(parts))


def _as_dicts(g, terms: list[str]) -> dict[str, list[int]]:
    out, k = {}, 0
    for tid, tf in zip(g.terms.tolist(), g.tfs.tolist()):
        out[terms[tid]] = g.positions[k:k + tf].tolist()
        k += tf
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(texts, min_size=1, max_size=3), min_size=1, max_size=4))
def test_word_ids_give_the_postings_of_parts_positions(docs):
    """The numpy analysis (engine.wordids) of a segment's documents equals the dict analysis, words seen in
    earlier documents included."""
    words = WordTerms(TermIds())
    for parts in docs:
        stemmed, exact = words.positions(parts)
        terms = list(words.ids)
        want_stemmed, want_exact = parts_positions(parts)
        assert [_as_dicts(g, terms) for g in stemmed] == want_stemmed
        assert _as_dicts(exact, terms) == want_exact


@settings(max_examples=300, deadline=None)
@given(st.lists(texts, max_size=3), st.lists(texts, max_size=5))
def test_positions_each_gives_each_texts_postings(before, texts_):
    """An article's quotes analysed in one numpy pass get the postings each would get alone."""
    words = WordTerms(TermIds())
    if before:
        words.positions(before)
    got = words.positions_each(texts_)
    terms = list(words.ids)
    assert len(got) == len(texts_)
    for text, (stemmed, exact) in zip(texts_, got):
        (want_stemmed,), want_exact = parts_positions([text])
        assert _as_dicts(stemmed, terms) == want_stemmed
        assert _as_dicts(exact, terms) == want_exact


words = st.lists(st.sampled_from(list("аБвгЁёeE1-\u2010\u2011") + ["Ли", "ли", "и", "Путин", "the", "Москва"]),
                 min_size=1, max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(words)
def test_word_analysis_is_exact_term_and_word_terms(word):
    from presssearch.analysis import names
    from presssearch.analysis.russian import STOP_WORDS, exact_term, stem, word_analysis, word_terms
    from presssearch.analysis.tokenize import fold, hyphen_parts, normalize_hyphens

    folded = normalize_hyphens(fold(word))  # the plain definitions the fast paths must agree with
    if folded in STOP_WORDS:
        want = names.stop_word_name_terms(word)
    else:
        out = [stem(folded)] + [stem(p) for p in hyphen_parts(folded) if p not in STOP_WORDS]
        if word[:1].isupper():
            out.extend(names.lemma_terms(word.replace("ё", "е").replace("Ё", "Е")))
        want = tuple(dict.fromkeys(out))
    assert exact_term(word) == folded
    assert word_analysis(word) == (folded, want) == (exact_term(word), word_terms(word))


@settings(max_examples=500, deadline=None)
@given(texts)
def test_indexing_word_pattern_finds_the_tokenizer_words(text):
    assert WORD_RE_FAST.findall(text) == WORD_RE.findall(text)
