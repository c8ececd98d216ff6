"""The first-run shortcuts of snippets: the two-letter head test and word_spans' two routes."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.analysis.russian import word_terms
from presssearch.analysis.tokenize import WORD_RE
from presssearch.query import highlight as H

WORDS = ["Бурков", "Буркова", "Мэй", "Мей", "Ааронов", "Ёлкин", "Эллада", "вице-министр", "Кабардино-Балкария",
         "Путиным", "экономики", "США", "Сирии", "Гренелл", "iPhone", "2019", "Лаврова", "Захаровой", "Ли"]


def _meets_itself(word: str) -> bool:
    terms = frozenset(word_terms(word))
    return not terms or not H.could_meet(word, H.initials(terms)) or H.shares_head(word, H.heads(terms))


def test_every_word_shares_a_head_with_its_own_terms() -> None:
    assert all(_meets_itself(w) for w in WORDS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕЁКМЭЯ-", min_size=1, max_size=12))
def test_generated_words_share_a_head_with_their_terms(word: str) -> None:
    for token in WORD_RE.findall(word):
        assert _meets_itself(token)


def test_heads_reject_words_that_cannot_meet() -> None:
    heads = H.heads(frozenset(word_terms("Сирия")))
    assert not H.shares_head("Совет", heads)
    assert H.shares_head("Сирии", heads)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="аб вг-Дд«»,.ёе\n", max_size=80), st.data())
def test_word_spans_takes_the_same_tokens_by_both_routes(text: str, data) -> None:
    tokens = WORD_RE.findall(text)
    wanted = set(data.draw(st.lists(st.sampled_from(tokens), max_size=3))) if tokens else {"аб"}
    expected = [m.span() for m in WORD_RE.finditer(text) if m.group() in wanted]
    first = H.word_spans(text, wanted)
    again = H.word_spans(text, wanted)  # the second time: the compiled pattern
    assert first == expected == again
