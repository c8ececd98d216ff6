"""Highlighting: the word forms that matched, as written, in snippets of texts of any length."""
from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.query import parse
from presssearch.query.highlight import matcher_for, snippet, spans

from .test_search import BK55, _index, long_text

TEXT = ("Омский губернатор и казахстанский вице-министр оценили форум России и Казахстана. "
        "Сотрудничество с Казахстаном имеет ключевое значение, сказал Александр Бурков. "
        "Опыт в сфере цифровой экономики пригодится. Экономика региона растёт, цифровой рубль обсуждают.")


def marked(query: str, text: str = TEXT) -> list[str]:
    return [text[s:e] for s, e in spans(text, matcher_for(parse(query)))]


@pytest.mark.parametrize("query, expected", [
    ("Казахстан", ["Казахстана", "Казахстаном"]),
    ("казахстаном", ["Казахстана", "Казахстаном"]),
    ("Буркова", ["Бурков"]),
    ("=Казахстаном", ["Казахстаном"]),
    ("казах*", ["казахстанский", "Казахстана", "Казахстаном"]),
    ("министр", ["вице-министр"]),
    ('"цифровой экономики"', ["цифровой", "экономики"]),  # not the lone "Экономика" or "цифровой рубль"
    ('"цифровая экономика"', ["цифровой", "экономики"]),
    ('"Бурков Казахстан"~6', ["Казахстаном", "Бурков"]),  # 6 words apart
    ('"Бурков Казахстан"~5', []),
    ('"Бурков Омский"~5', []),
    ('="с Казахстаном"', ["с", "Казахстаном"]),
    ('="с Казахстана"', []),
    ("Казахстан -Бурков", ["Казахстана", "Казахстаном"]),  # nothing under NOT
    ("source:БК55 date:2019", []),
    ("Казахстан OR губернатор", ["губернатор", "Казахстана", "Казахстаном"]),
])
def test_marked_word_forms(query, expected):
    assert marked(query) == expected


def test_snippet_marks_and_trims():
    s = snippet(TEXT, matcher_for(parse('"цифровой экономики"')), size=80)
    assert "<b>цифровой</b> <b>экономики</b>" in s
    assert len(re.sub("</?b>", "", s)) < 200


def test_several_fragments_far_apart():
    text = long_text()
    s = snippet(text, matcher_for(parse("жираф мост")), size=120)
    assert s.count("…") >= 3
    assert "<b>моста</b>" in s and ("<b>жираф</b>" in s or "<b>жирафа</b>" in s)


def test_long_text_is_fast_and_complete():
    text = long_text()
    assert len(text) > 200_000
    t0 = time.monotonic()
    s = snippet(text, matcher_for(parse("жираф")))
    assert time.monotonic() - t0 < 2.0
    assert "<b>жираф</b>" in s or "<b>жирафа</b>" in s
    many = snippet(text, matcher_for(parse("погода")))  # 2,600 matches
    assert many.count("<b>погода</b>") >= 2


def test_hit_snippet_past_32k(tmp_path):
    with _index(tmp_path, [{"id": "long", "title": "Длинная", "date": "2020-05-01", "text": long_text()}]) as a:
        hit = a.search("жираф")[0]
    assert hit.id == "long"
    assert "<b>жираф</b>" in hit.snippet and "<b>жирафа</b>" in hit.snippet


def test_search_snippets_show_original_forms(archive):
    hit = archive.search("казахстаном", limit=1)[0]
    assert hit.id == BK55
    assert set(re.findall(r"<b>(.*?)</b>", hit.snippet)) <= {"Казахстана", "Казахстаном", "Казахстан", "Казахстане"}
    exact = archive.search("=Казахстаном", limit=1)[0]
    assert set(re.findall(r"<b>(.*?)</b>", exact.snippet)) == {"Казахстаном"}
    pre = archive.search("казах*", limit=1)[0]
    assert {w.lower()[:5] for w in re.findall(r"<b>(.*?)</b>", pre.snippet)} == {"казах"}


@pytest.mark.parametrize("word", ["Буркова", "Льва", "вице-министра", "Кабардино-Балкарии", "Ёлкина", "Эрдоган",
                                  "Энди", "Шойгу", "О’Нил", "IBM", "2019", "Медведевой", "Скрипали", "ЭЛ"])
def test_the_initials_prefilter_never_hides_a_words_own_terms(word):
    from presssearch.analysis.russian import word_terms
    from presssearch.query.highlight import could_meet, initials

    terms = word_terms(word)
    assert all(could_meet(word, initials([t])) for t in terms), terms


_WORD = st.text(alphabet="абвеёжзиклмнопрстэюяАБВЕЁЖЗИЭЮЯabcAB-\u2010İΣ", min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(phrase=st.lists(_WORD, min_size=2, max_size=3), words=st.sets(_WORD, max_size=30),
       exact=st.booleans())
def test_the_phrase_first_letter_test_drops_only_words_that_do_not_match(phrase, words, exact):
    """``PhraseRule.fitting`` (first-letter test, then ``matches``) equals ``matches`` over every word."""
    from presssearch.query.highlight import PhraseRule
    from presssearch.analysis.russian import exact_term, query_terms

    wants = tuple(frozenset({exact_term(w)} if exact else query_terms(w)) or None for w in phrase)
    rule = PhraseRule(wants, 0, exact)
    for j, want in enumerate(wants):
        if want is not None:
            pool = words | set(phrase) | {w.upper() for w in phrase} | {w.capitalize() for w in phrase}
            assert rule.fitting(j, pool) == {w for w in pool if rule.matches(j, w)}


_TEXT = st.text(alphabet="абвеёжзиклмнопрстэюяАБВЕЁЖЗИЭЮЯabcAB-\u2010\u2011İΣK_1 .,«»\n", max_size=200)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, letters=st.sets(st.sampled_from("абвеёзиклмнпрстэяabcik1σ"), max_size=4))
def test_candidates_are_the_tokens_with_a_part_starting_with_the_letters(text, letters):
    """``candidates`` (regular expressions) finds exactly the WORD_RE tokens with a part (the token, or one
    after a hyphen) whose first character lowercases to one of the letters (others beyond ASCII and Cyrillic
    are let through)."""
    from presssearch.analysis.tokenize import WORD_RE, _HYPHEN_RE
    from presssearch.query.highlight import candidates

    def starts(part: str) -> bool:
        c = part[0]
        plain = c < "\x80" or "\u0400" <= c < "\u0500"
        return not plain or c.lower()[:1] in letters

    expected = {w for w in WORD_RE.findall(text) if any(starts(p) for p in _HYPHEN_RE.split(w))}
    assert candidates(text, frozenset(letters)) == expected


def _spans_word_by_word(text: str, m) -> list[tuple[int, int]]:
    """``spans`` restated plainly: every token tested, phrases over the token list."""
    from presssearch.analysis.tokenize import WORD_RE
    from presssearch.query.highlight import phrase_hits

    tokens = list(WORD_RE.finditer(text))
    words = [t.group() for t in tokens]
    marked = {i for i, w in enumerate(words) if m.matches(w)}
    for rule in m.phrases:
        marked |= phrase_hits(words, rule)
    return [tokens[i].span() for i in sorted(marked)]


_QUERIES = ["Казахстан", "казах*", "=Казахстаном", '"цифровой экономики"', '"Бурков Казахстан"~6',
            '="с Казахстаном"', "министр OR вице-премьер", "экономика -рубль", '"в Омске" сказал',
            '"Бурков и Казахстан"', '"в цифровой экономики"', '="в в"', '"Казахстан Казахстан"',
            '"цифровой экономики" Бурков', '"цифровой экономики" "Бурков Казахстан"~3', '"Казахстан и"',
            '="вице-министр с"', '"сказал Бурков" OR "цифровой рубль"']
_VOCAB = st.sampled_from(["Казахстан", "Казахстаном", "казахский", "с", "в", "и", "_", "--", "- ", "Омске", "цифровой", "экономики",
                          "Экономика", "вице-министр", "вице-премьер", "Бурков", "сказал", "рубль", "Ёлкин",
                          "министра", "эконом-класс", "в-Омске", "К", "«Казахстан»", "—", ",", "\n"])


@settings(max_examples=200, deadline=None)
@given(query=st.sampled_from(_QUERIES), parts=st.lists(_VOCAB, max_size=40), seps=st.sampled_from([" ", "", "-"]))
def test_spans_equal_a_word_by_word_reading(query, parts, seps):
    text = seps.join(parts) if seps != "-" else " ".join(p + ("-" if i % 5 == 4 else "") for i, p in enumerate(parts))
    m = matcher_for(parse(query))
    assert spans(text, m) == _spans_word_by_word(text, matcher_for(parse(query)))


def test_matchers_of_the_same_words_share_what_they_judged():
    a, b = matcher_for(parse("Казахстан сотрудничество")), matcher_for(parse("сотрудничество Казахстан"))
    other = matcher_for(parse("Казахстан"))
    assert a._seen is b._seen and a._seen is not other._seen
    assert marked("Казахстан") == ["Казахстана", "Казахстаном"] == marked("Казахстан")  # judged once, same marks
