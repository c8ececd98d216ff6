"""Speed rewrites of whole-text patterns (organisations, sentence breaks) find exactly what the plain patterns find."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.quotes import orgs, text as quote_text

# The patterns as first written (slower over a whole text, the same matches).
_PLAIN = {
    "_OFFICE": r"(?<![А-Яа-яЁё-])([Оо]фис[а-яё]*|[Кк]анцеляри[а-яё]+)[ \u00a0]+(премьер-министра|президента|канцлера|"
               r"губернатора|мэра)[ \u00a0]+(?:(?:страны|республики|штата|города)[ \u00a0]+)?"
               r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:[ \u00a0]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2})",
    "_LEGAL_QUOTED": r"(?<![А-Яа-яЁё-])([А-ЯЁ]{2,4})[ \u00a0]+[«\"„“]([А-ЯЁA-Z][^«»\"„“”\n]{0,40}?)[»\"“”]",
    "_INSTITUTION_QUOTED": r"(?<![А-Яа-яЁё-])([А-ЯЁ]{2,5}|[А-ЯЁа-яё]{5,})\)?[ \u00a0]+«([А-ЯЁA-Z](?:[^«»\n]|„[^“”\n]*[“”]){0,70}?)»",
    "_MAYOR_OF": r"(?<![А-Яа-яЁё-])[Мм]эр(?:ия|ии|ию|ией|а|у|ом|е)?[ \u00a0]+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*)",
    "_SPOKESMEN_QUOTED": r"(?<![А-Яа-яЁё-])([Пп]ресс-служб[а-яё]*)[ \u00a0]+«([А-ЯЁA-Z][^«»\n]{0,40}?)»",
    "_KIND_QUOTED": r"(?<![А-Яа-яЁё-])([А-ЯЁа-яё-]{3,})[ \u00a0]+«([А-ЯЁA-Z][^«»\n]{0,40}?)»",
}
_SENT_NEED_PLAIN = re.compile(r"[.!?…][»\"”)]*[ \u00a0\t]+(?=([«\"„“—–(]??[ \u00a0]*?[A-ZА-ЯЁ0-9«\"—–]))|\n")

_PIECES = ["Офис", "офиса", "канцелярии", "премьер-министра", "мэра", "страны", "Мэй", "Тереза", "мэрия", "Мэр", "Москвы",
           "ГКУ", "ПАО", "АБВГДЕ", "ООО", "партия", "партии", "концерна", "пресс-службе", "Пресс-служба", "Центр",
           "кое-что", "Банк", "ВТБ", "Родина", "а", "Я", "x", "Z", "1", "-", ")", "(", " ", "\u00a0", "\t", "\n", ",",
           ".", "!", "…", "«", "»", "„", "“", "”", "\"", "—", "ё", "Ё"]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


def _all(matches) -> list:
    return [(m.span(), m.groups(), m.lastindex) for m in matches]


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 40), st.integers(0, 40))
def test_org_patterns_same_matches(text: str, a: int, n: int) -> None:
    b = min(len(text), a + n)
    for name, plain in _PLAIN.items():
        new, old = getattr(orgs, name), re.compile(plain)
        assert _all(new.finditer(text)) == _all(old.finditer(text)), name
        assert _all(new.finditer(text, a, b)) == _all(old.finditer(text, a, b)), name
        assert _all(filter(None, [new.match(text, a)])) == _all(filter(None, [old.match(text, a)])), name


@settings(max_examples=300, deadline=None)
@given(texts)
def test_quoted_names_read_before_each_quote_only(text: str) -> None:
    """_after_word_before_quote: the matches finditer finds (the build reads the quoted kinds with it)."""
    assert _all(orgs._after_word_before_quote(orgs._INSTITUTION_QUOTED, text, orgs._LETTERS, bracket=True)) \
        == _all(orgs._INSTITUTION_QUOTED.finditer(text))
    assert _all(orgs._after_word_before_quote(orgs._KIND_QUOTED, text, orgs._LETTERS | {"-"})) \
        == _all(orgs._KIND_QUOTED.finditer(text))


def test_quoted_names_in_a_sentence() -> None:
    text = "ГКУ «Московский центр „Открытое правительство“» и партия «Родина», (ГКУ) «Тест», кое-что «Икс»"
    found = [m.group(1) for m in orgs._after_word_before_quote(orgs._KIND_QUOTED, text, orgs._LETTERS | {"-"})]
    assert found == ["ГКУ", "партия", "кое-что"]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_sentence_breaks_same_matches(text: str) -> None:
    new = quote_text._SENT_NEED
    assert [(m.span(), m.span(1)) for m in new.finditer(text)] \
        == [(m.span(), m.span(1)) for m in _SENT_NEED_PLAIN.finditer(text)]
