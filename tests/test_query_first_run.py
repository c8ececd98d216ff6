"""First-run query speed-ups give what the slower routes gave: whole-word spans found by ``str.find``, side by
side phrases without a pattern per text, letter classes as ranges, the lowercase-stem shortcut, term infos looked
up once per generation (existence, idf, posting lists) and one-block terms decoded by a few numpy calls."""
from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import presssearch
from presssearch.analysis.russian import exact_term, word_terms
from presssearch.analysis.tokenize import WORD_RE
from presssearch.query import highlight as H
from presssearch.query import parse

_TEXT = st.text(alphabet=st.sampled_from(list("абвгдеёжэюя АБВЁЭ-\u2010\u2011–_1.,\n\u212aK")), max_size=120)


@pytest.fixture(scope="module")
def snap(bundled_index):
    with presssearch.open_archive(bundled_index) as a:
        yield a._snap()


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.data())
def test_word_spans_are_the_tokens_in_wanted(text: str, data) -> None:
    tokens = WORD_RE.findall(text)
    pool = tokens + ["аб", "а-б", "x y"]  # words the text may lack, and a non-token
    wanted = set(data.draw(st.lists(st.sampled_from(pool), max_size=4)))
    expected = [m.span() for m in WORD_RE.finditer(text) if m.group() in wanted]
    assert H.word_spans(text, wanted) == expected


def _phrase_spans_by_tokens(text: str, rule: H.PhraseRule, distinct: set[str]) -> set[tuple[int, int]]:
    """The spans of a side-by-side phrase through ``phrase_hits`` (the list of every token)."""
    words = WORD_RE.findall(text)
    marked = H.phrase_hits(words, rule, distinct)
    return set(H._token_spans(text, words, marked)) if marked else set()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["в", "Москве", "москве", "цифровой", "экономики", "-", " ", ", ", "«", "»",
                                 "вице-министр", "министр", "\n", "_", "1"]), max_size=30))
def test_side_by_side_phrases_as_by_tokens(parts: list[str]) -> None:
    text = "".join(parts)
    for query in ('="в Москве"', '"цифровой экономики"', '="вице-министр Москве"'):
        m = H.matcher_for(parse(query))
        distinct = H.candidates(text, H._all_letters(m))
        expected = set()
        for rule in m.phrases:
            expected |= _phrase_spans_by_tokens(text, rule, distinct)
        assert set(H._side_by_side_spans(text, m, distinct)) == expected


def test_letter_classes_as_ranges_hold_the_same_characters() -> None:
    for letters in (frozenset("с"), frozenset("ак"), frozenset("е"), frozenset("k1")):
        chars = [c for c in H._PLAIN if c.lower()[:1] not in letters]
        cls = re.compile(f"[{H._char_ranges(chars)}]")
        assert [c for c in map(chr, range(0x600)) if cls.fullmatch(c)] == chars


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя-", min_size=1, max_size=14))
def test_lowercase_words_are_met_only_by_terms_starting_them(word: str) -> None:
    """A Russian stem is a prefix of the word (or hyphen part) it stems: the shortcut drops no word whose
    terms meet the query's."""
    for token in WORD_RE.findall(word):
        terms = frozenset(word_terms(token))
        if terms:
            assert H.stems_may_meet(token, terms)
            for t in terms:
                assert H.stems_may_meet(token, frozenset({t}))
        folded = exact_term(token)
        assert not H.stems_may_meet(token, frozenset({"ъъъ" + folded}))


def test_term_infos_give_whooshs_existence_and_idf(snap) -> None:
    stats = snap.stats
    reader = snap.searcher.reader()
    for field in ("title", "body", "exact", "speaker_key"):
        terms = [t for _, t in reader.most_frequent_terms(field, 15)] + [b"\xd0\xb9\xd0\xb9\xd0\xb9"]
        for t in terms:
            infos = stats.term_infos(field, t)
            assert any(i is not None for i in infos) == ((field, t) in reader)
            if (field, t) in reader:
                assert stats.idf(field, t) == snap.searcher.idf(field, t)
                df = sum(i.doc_frequency() for i in infos if i is not None)
                assert df == reader.doc_frequency(field, t)


def test_one_block_terms_decode_as_the_general_path(snap) -> None:
    from presssearch.engine import codec as C
    from presssearch.engine.postings import leaf_matcher

    checked = 0
    for leaf, _o, _n in snap.stats.leaves:
        for field in ("title", "lead", "body", "exact", "speaker_key", "kind"):
            for t in list(leaf.lexicon(field))[::7]:
                m = leaf_matcher(leaf, field, t)
                if not isinstance(m, C.BlockMatcher):
                    continue
                buf = m._buf if m._buf is not None else m._postfile.get(m._startoffset, m._length)
                if C.HEADER.size + C.HEADER.unpack_from(buf, 0)[0] != m._length:
                    continue
                for positions in (False, True) if m._positional else (False,):
                    for packed in (False, True):
                        fast = C._one_block(leaf_matcher(leaf, field, t), buf, positions, packed)
                        ids = fast[0]
                        # the general path, made to take this block by asking for each of its documents
                        slow = C.term_arrays(leaf_matcher(leaf, field, t), positions=positions, packed=packed,
                                             wanted=ids)
                        _assert_same(fast, slow)
                        checked += 1
    assert checked > 100


def _assert_same(a, b) -> None:
    assert type(a) is type(b)
    if isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and np.array_equal(a, b)
    elif isinstance(a, (tuple, list)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _assert_same(x, y)
    else:
        assert a == b
