"""The query language parser: exact trees, aliases, forgiveness, errors with hints, limits, properties."""
from __future__ import annotations

import dataclasses
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presssearch.errors import QueryError
from presssearch.query import (
    And,
    DateRange,
    Exact,
    FieldValue,
    MatchAll,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Word,
    count_terms,
    iter_nodes,
    parse,
    to_text,
    words_for_highlight,
)

W = Word


def ALL_NOT(*negated: Node) -> And:
    return And((MatchAll(), *(Not(n) for n in negated)))


# --------------------------------------------------------------------------------------------
# Constructs: exact trees

CONSTRUCTS = [
    ("Бурков", W("Бурков")),
    ("Бурков Казахстан", And((W("Бурков"), W("Казахстан")))),
    ("Бурков AND Казахстан", And((W("Бурков"), W("Казахстан")))),
    ("Бурков OR Торебаев", Or((W("Бурков"), W("Торебаев")))),
    ("a OR b OR c", Or((W("a"), W("b"), W("c")))),
    # OR binds tighter than AND, explicit or implied
    ("Бурков губернатор OR мэр", And((W("Бурков"), Or((W("губернатор"), W("мэр")))))),
    ("a AND b OR c", And((W("a"), Or((W("b"), W("c")))))),
    ("(a b) OR c", Or((And((W("a"), W("b"))), W("c")))),
    ("Бурков -спорт", And((W("Бурков"), Not(W("спорт"))))),
    ("Бурков NOT спорт", And((W("Бурков"), Not(W("спорт"))))),
    ("Бурков AND NOT спорт", And((W("Бурков"), Not(W("спорт"))))),
    ("-спорт", ALL_NOT(W("спорт"))),
    ("NOT спорт", ALL_NOT(W("спорт"))),
    ("-спорт -футбол", ALL_NOT(W("спорт"), W("футбол"))),
    ("+Бурков", W("Бурков")),
    ("+Бурков +Омск", And((W("Бурков"), W("Омск")))),
    ("-(a b)", ALL_NOT(And((W("a"), W("b"))))),
    ("a -(b OR c)", And((W("a"), Not(Or((W("b"), W("c"))))))),
    ("a OR -b", Or((W("a"), ALL_NOT(W("b"))))),
    ("--a", W("a")),
    ("-(-a)", W("a")),
    ("NOT -a", W("a")),
    ("a (b (c d))", And((W("a"), W("b"), W("c"), W("d")))),
    ("((a))", W("a")),
    ("a (-b -c)", And((W("a"), Not(W("b")), Not(W("c"))))),
    ("-(-a -b)", ALL_NOT(ALL_NOT(W("a"), W("b")))),
    ('"цифровой экономики"', Phrase(("цифровой", "экономики"))),
    ("«цифровой экономики»", Phrase(("цифровой", "экономики"))),
    ("„цифровой экономики“", Phrase(("цифровой", "экономики"))),
    ("„цифровой экономики”", Phrase(("цифровой", "экономики"))),
    ("“цифровой экономики”", Phrase(("цифровой", "экономики"))),
    ('"  цифровой   экономики "', Phrase(("цифровой", "экономики"))),
    ('"Бурков Казахстан"~5', Phrase(("Бурков", "Казахстан"), slop=5)),
    ("«Бурков Казахстан»~12", Phrase(("Бурков", "Казахстан"), slop=12)),
    ('"Бурков Казахстан"~0', Phrase(("Бурков", "Казахстан"))),
    ('"Бурков"', W("Бурков")),
    ('"Бурков"~3', W("Бурков")),
    ('"Бурков — губернатор"', Phrase(("Бурков", "губернатор"))),
    ('-"Бурков Казахстан"', ALL_NOT(Phrase(("Бурков", "Казахстан")))),
    ('"OR"', W("OR")),
    ('"a «b» c"', Phrase(("a", "«b»", "c"))),
    ("=Бурков", Exact(("Бурков",))),
    ('="в Омске"', Exact(("в", "Омске"))),
    ("=«в Омске»", Exact(("в", "Омске"))),
    ('="Омске"', Exact(("Омске",))),
    ("-=Бурков", ALL_NOT(Exact(("Бурков",)))),
    ("=OR", Exact(("OR",))),
    ("казах*", Prefix("казах")),
    ("ка*", Prefix("ка")),
    ("-казах*", ALL_NOT(Prefix("казах"))),
    ("title:Бурков", W("Бурков", "title")),
    ("title:казах*", Prefix("казах", "title")),
    ("title:=Бурков", Exact(("Бурков",), "title")),
    ('title:"цифровой экономики"', Phrase(("цифровой", "экономики"), "title")),
    ('title:"Бурков Казахстан"~3', Phrase(("Бурков", "Казахстан"), "title", 3)),
    ("title:(Бурков OR Торебаев)", Or((W("Бурков", "title"), W("Торебаев", "title")))),
    ("title:(Бурков -Омск)", And((W("Бурков", "title"), Not(W("Омск", "title"))))),
    ("title:(a text:b)", And((W("a", "title"), W("b", "text")))),
    ("title:Бурков губернатор", And((W("Бурков", "title"), W("губернатор")))),
    ("title: Бурков", W("Бурков", "title")),
    ("-title:Бурков", ALL_NOT(W("Бурков", "title"))),
    ("title:-Бурков", ALL_NOT(W("Бурков", "title"))),
    ("title:OR", W("OR", "title")),
    ("text:экономика", W("экономика", "text")),
    ("body:экономика", W("экономика", "text")),
    ("lead:экономика", W("экономика", "lead")),
    ("speaker:Буркова", FieldValue("speaker", "Буркова")),
    ('speaker:"Александр Бурков"', FieldValue("speaker", "Александр Бурков")),
    ('speaker:"  Александр   Бурков "', FieldValue("speaker", "Александр Бурков")),
    ("speaker:«Александр Бурков»", FieldValue("speaker", "Александр Бурков")),
    ("speaker:=Бурков", FieldValue("speaker", "Бурков")),
    ("speaker:Бурк*", Prefix("Бурк", "speaker")),
    ("speaker:(Бурков OR Торебаев)", Or((FieldValue("speaker", "Бурков"), FieldValue("speaker", "Торебаев")))),
    ('source:"Независимая газета"', FieldValue("source", "Независимая газета")),
    ("source:ria.ru", FieldValue("source", "ria.ru")),
    ("source:https://ria.ru", FieldValue("source", "https://ria.ru")),
    ("author:Иванов", FieldValue("author", "Иванов")),
    ("-source:ТАСС", ALL_NOT(FieldValue("source", "ТАСС"))),
    ("date:2019", DateRange("2019-01-01", "2019-12-31")),
    ("-date:2019", ALL_NOT(DateRange("2019-01-01", "2019-12-31"))),
    ("Бурков date:2019-11", And((W("Бурков"), DateRange("2019-11-01", "2019-11-30")))),
    ("(date:2019 OR date:2021)", Or((DateRange("2019-01-01", "2019-12-31"), DateRange("2021-01-01", "2021-12-31")))),
    ("title:(Бурков date:2019)", And((W("Бурков", "title"), DateRange("2019-01-01", "2019-12-31")))),
    ("", MatchAll()),
    ("   ", MatchAll()),
]


@pytest.mark.parametrize("query, expected", CONSTRUCTS, ids=[q or "<empty>" for q, _ in CONSTRUCTS])
def test_construct_parses_to_exact_tree(query: str, expected: Node) -> None:
    assert parse(query) == expected


# --------------------------------------------------------------------------------------------
# Aliases

ALIASES = [
    ("Бурков ИЛИ Торебаев", "Бурков OR Торебаев"),
    ("Бурков И Торебаев", "Бурков AND Торебаев"),
    ("Бурков НЕ спорт", "Бурков NOT спорт"),
    ("НЕ спорт", "NOT спорт"),
    ("заголовок:Бурков", "title:Бурков"),
    ("ЗАГОЛОВОК:Бурков", "title:Бурков"),
    ("Title:Бурков", "title:Бурков"),
    ("источник:ТАСС", "source:ТАСС"),
    ("издание:ТАСС", "source:ТАСС"),
    ("автор:Иванов", "author:Иванов"),
    ("спикер:Бурков", "speaker:Бурков"),
    ("текст:экономика", "text:экономика"),
    ("лид:экономика", "lead:экономика"),
    ("дата:2019-11", "date:2019-11"),
    ("date:06.11.2019", "date:2019-11-06"),
    ("date:11.2019", "date:2019-11"),
    ("date:2019-1-5", "date:2019-01-05"),
    ('date:"2019-11"', "date:2019-11"),
    ("date:[2019-01 ДО 2019-06]", "date:[2019-01 TO 2019-06]"),
    ("date:[2019-01 to 2019-06]", "date:[2019-01 TO 2019-06]"),
    ("date:[2019-01 2019-06]", "date:[2019-01 TO 2019-06]"),
    ("date: 2019", "date:2019"),
    ("date:=2019", "date:2019"),
    ("date:>= 2019-03", "date:>=2019-03"),
]


@pytest.mark.parametrize("alias, canonical", ALIASES)
def test_alias_means_the_same(alias: str, canonical: str) -> None:
    assert parse(alias) == parse(canonical)


@pytest.mark.parametrize("word", ["и", "или", "не", "or", "and", "not", "Или", "Not", "TO"])
def test_operators_count_only_in_upper_case(word: str) -> None:
    assert parse(f"a {word} b") == And((W("a"), W(word), W("b")))


def test_words_are_kept_as_typed() -> None:
    assert parse("Ёлка ёж ПУТИН") == And((W("Ёлка"), W("ёж"), W("ПУТИН")))


def test_unknown_field_is_an_ordinary_word() -> None:
    assert parse("foo:bar 10:30") == And((W("foo:bar"), W("10:30")))


# --------------------------------------------------------------------------------------------
# Forgiveness where the intent is clear

FORGIVEN = [
    ("Бурков OR", W("Бурков")),
    ("OR Бурков", W("Бурков")),
    ("Бурков OR OR Торебаев", Or((W("Бурков"), W("Торебаев")))),
    ("Бурков AND", W("Бурков")),
    ("Бурков AND AND Торебаев", And((W("Бурков"), W("Торебаев")))),
    ("Бурков NOT", W("Бурков")),
    ("(Бурков OR)", W("Бурков")),
    ("Бурков » заявил", And((W("Бурков"), W("заявил")))),
    ("Бурков» заявил", And((W("Бурков"), W("заявил")))),
    ('"цифровой экономики', Phrase(("цифровой", "экономики"))),
    ("«цифровой экономики", Phrase(("цифровой", "экономики"))),
    ('Бурков"', W("Бурков")),
    ("Бурков — губернатор", And((W("Бурков"), W("губернатор")))),
    ("Бурков - губернатор", And((W("Бурков"), W("губернатор")))),
    ("Нур-Султан", W("Нур-Султан")),
    ("a = b", And((W("a"), W("b")))),
    ("a + b", And((W("a"), W("b")))),
    ("a () b", And((W("a"), W("b")))),
    ('a "" b', And((W("a"), W("b")))),
    ("(a -)", W("a")),
    ("…, !", MatchAll()),
    ("OR AND NOT", MatchAll()),
    ("-title: Бурков", ALL_NOT(W("Бурков", "title"))),
]


@pytest.mark.parametrize("query, expected", FORGIVEN)
def test_forgiving_where_intent_is_clear(query: str, expected: Node) -> None:
    assert parse(query) == expected


# --------------------------------------------------------------------------------------------
# Dates

DATES = [
    ("date:2019", "2019-01-01", "2019-12-31"),
    ("date:2019-02", "2019-02-01", "2019-02-28"),
    ("date:2020-02", "2020-02-01", "2020-02-29"),
    ("date:1900-02", "1900-02-01", "1900-02-28"),
    ("date:2000-02", "2000-02-01", "2000-02-29"),
    ("date:2019-04", "2019-04-01", "2019-04-30"),
    ("date:2019-11-06", "2019-11-06", "2019-11-06"),
    ("date:2020-02-29", "2020-02-29", "2020-02-29"),
    ("date:[2019-01-01 TO 2019-06-30]", "2019-01-01", "2019-06-30"),
    ("date:[2019-01 TO 2019-06]", "2019-01-01", "2019-06-30"),
    ("date:[2019 TO 2019]", "2019-01-01", "2019-12-31"),
    ("date:[2019-01 TO *]", "2019-01-01", None),
    ("date:[* TO 2018]", None, "2018-12-31"),
    ("date:[* TO *]", None, None),
    ("date:>=2019-03", "2019-03-01", None),
    ("date:>2019-03", "2019-04-01", None),
    ("date:>2019-12-31", "2020-01-01", None),
    ("date:>2019", "2020-01-01", None),
    ("date:<2020", None, "2019-12-31"),
    ("date:<2020-03", None, "2020-02-29"),
    ("date:<=2020", None, "2020-12-31"),
    ("date:<=2019-02", None, "2019-02-28"),
]


@pytest.mark.parametrize("query, start, end", DATES)
def test_dates_become_inclusive_iso_ranges(query: str, start: str | None, end: str | None) -> None:
    assert parse(query) == DateRange(start, end)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 30)))
def test_any_real_day_is_its_own_range(day: date) -> None:
    iso = day.isoformat()
    assert parse(f"date:{iso}") == DateRange(iso, iso)
    assert parse(f"date:{day.day:02d}.{day.month:02d}.{day.year}") == DateRange(iso, iso)


# --------------------------------------------------------------------------------------------
# Errors with hints

ERRORS = [
    ("(Бурков OR Торебаев", 'Unbalanced parenthesis: "(" is never closed at position 1'),
    ("Бурков (a (b)", 'Unbalanced parenthesis: "(" is never closed at position 8'),
    ("Бурков OR Торебаев)", 'Unbalanced parenthesis: ")" has no matching "(" at position 19'),
    ("a) (b", 'Unbalanced parenthesis: ")" has no matching "(" at position 2'),
    ("title:", 'The field "title:" has no value at position 1'),
    ("Бурков заголовок:", 'The field "title:" has no value at position 8'),
    ("title: OR b", 'The field "title:" has no value'),
    ("(title:)", 'The field "title:" has no value'),
    ("title:()", 'The field "title:" has no value'),
    ('title:""', 'The field "title:" has no value'),
    ('speaker:""', 'The field "speaker:" has no value'),
    ("speaker:—", 'The field "speaker:" has no value'),
    ("date:", 'The field "date:" has no value'),
    ("(date:)", 'The field "date:" has no value'),
    ("date:(2019 OR 2020)", '"date:" takes one date or a range, not a group'),
    ("ка*ах", 'A "*" inside "ка*ах" at position 3'),
    ("*казах", 'A "*" inside "*казах" at position 1'),
    ("казах**", 'A "*" inside "казах**" at position 6'),
    ("к*", 'The prefix "к*" is too short at position 1'),
    ("*", 'The prefix "*" is too short'),
    ("title:*", 'The prefix "*" is too short at position 7'),
    ('"цифров* экономики"', 'A "*" inside quotes at position 8'),
    ("=казах*", '"=" (exact form) cannot be combined with "*"'),
    ("=(a b)", '"=" applies to one word or a quoted phrase, not to a group'),
    ('="a b"~3', 'An exact phrase ="..." cannot have a "~" distance'),
    ("Бурков~2", 'A "~" outside quotes at position 7'),
    ('"a b" ~2', 'A "~" outside quotes at position 7'),
    ('"a b"~', 'A number must follow "~" at position 6'),
    ('"a b"~x', 'A number must follow "~"'),
    ('"a b"~1000', 'The distance "~1000" is too large'),
    ("date:2019-02-31", '"2019-02-31" is not a real date: February 2019 has 28 days at position 6'),
    ("date:2019-02-29", "February 2019 has 28 days"),
    ("date:2019-13", '"2019-13" is not a real date: there is no month 13'),
    ("date:0000", "there is no year 0"),
    ("date:вчера", '"вчера" is not a date'),
    ("date:19", '"19" is not a date'),
    ("date:2019-11-06T10:00", '"2019-11-06T10:00" is not a date'),
    ("date:[2020 TO 2019]", "The date range [2020 TO 2019] is empty: 2020-01-01 is after 2019-12-31"),
    ("date:[2019-01 TO", 'The date range "[" is never closed'),
    ("date:[2019 TO 2020 TO 2021]", "is not a date range"),
    ("date:[2019-02-30 TO *]", "February 2019 has 28 days"),
    ("date:>", "A date is missing"),
    ("date:>9999-12-31", 'Nothing can be dated after "9999-12-31"'),
    ("date:<0001", 'Nothing can be dated before "0001"'),
]


@pytest.mark.parametrize("query, message", ERRORS)
def test_errors_quote_the_problem_and_give_a_hint(query: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query)
    error = caught.value
    assert message in str(error)
    assert f'in "{query}"' in str(error)
    assert error.hint and error.hint != QueryError.hint
    assert error.exit_code == 3


def test_error_in_a_long_query_quotes_the_part_around_it() -> None:
    query = "экономика " * 20 + "(Бурков" + " Омск" * 20
    with pytest.raises(QueryError) as caught:
        parse(query)
    message = str(caught.value)
    assert "at position 201" in message and 'in "…экономика' in message and "экономика (Бурков Омск" in message
    assert len(message) < 200


# --------------------------------------------------------------------------------------------
# Limits


def test_length_limit() -> None:
    parse("а" * 1000)
    with pytest.raises(QueryError, match="too long: 1001 characters, the limit is 1000") as caught:
        parse("а" * 1001)
    assert caught.value.hint
    parse("а" * 1001, max_length=2000)


def test_depth_limit() -> None:
    assert parse("(" * 16 + "a" + ")" * 16) == W("a")
    with pytest.raises(QueryError, match="nested more than 16 levels deep at position 17") as caught:
        parse("(" * 17 + "a" + ")" * 17)
    assert caught.value.hint
    assert parse("(" * 3 + "a" + ")" * 3, max_depth=3) == W("a")
    with pytest.raises(QueryError, match="more than 2 levels"):
        parse("a (b (c (d)))", max_depth=2)


def test_huge_depth_limit_still_raises_only_query_error() -> None:
    query = "(a OR " * 3000 + "b" + ")" * 3000
    with pytest.raises(QueryError, match="nested too deeply"):
        parse(query, max_length=100_000, max_depth=1_000_000)


def test_term_limit() -> None:
    assert count_terms(parse(" ".join(["слово"] * 64))) == 64
    with pytest.raises(QueryError, match="too many terms: 65, the limit is 64") as caught:
        parse(" ".join(["слово"] * 65))
    assert caught.value.hint
    with pytest.raises(QueryError, match="too many terms: 4, the limit is 3"):
        parse('a "b c" title:d date:2019', max_terms=3)
    assert count_terms(parse('a "b c" title:d', max_terms=3)) == 3


PATHOLOGICAL = [
    "(" * 1000,
    ")" * 1000,
    "-" * 1000,
    "-(" * 500,
    "NOT " * 250,
    '"' * 1000,
    "«" * 1000,
    "title:" * 166,
    "title:-" * 142,
    "a:" * 500,
    "date:[" * 166,
    "=" * 1000,
    "*" * 1000,
    "~" * 1000,
    "a " * 500,
    "OR " * 333,
    '"a"~' + "9" * 995,
    "(a OR " * 166,
    ":" * 1000,
    "а" * 1000,
]


@pytest.mark.parametrize("query", PATHOLOGICAL, ids=lambda q: q[:12])
def test_pathological_queries_fail_fast_and_cleanly(query: str) -> None:
    started = time.perf_counter()
    try:
        parse(query)
    except QueryError as error:
        assert error.hint
    assert time.perf_counter() - started < 2.0  # catastrophic cases take minutes; generous for busy CI


# --------------------------------------------------------------------------------------------
# to_text and words_for_highlight

RENDERED = [
    ("Бурков   Казахстан", "Бурков Казахстан"),
    ("a OR b c", "(a OR b) c"),
    ("(a b) OR c", "(a b) OR c"),
    ("-спорт", "-спорт"),
    ("a OR -b", "a OR -b"),
    ("-(-a -b) OR c", "-(-a -b) OR c"),
    ("«цифровой экономики»~3", '"цифровой экономики"~3'),
    ('="в Омске" =Омск', '="в Омске" =Омск'),
    ("заголовок:(Бурков ИЛИ Торебаев)", "title:Бурков OR title:Торебаев"),
    ('спикер:«Александр Бурков»', 'speaker:"Александр Бурков"'),
    ("date:[2019-01 TO 2019-12]", "date:2019"),
    ("date:[2019-02-01 TO 2019-02-28]", "date:2019-02"),
    ("date:06.11.2019", "date:2019-11-06"),
    ("date:>=2019-03", "date:[2019-03-01 TO *]"),
    ("date:<2020", "date:[* TO 2019-12-31]"),
    ('"OR"', '"OR"'),
    ('"-a"', '"-a"'),
    ('"title:x"', '"title:x"'),
    ('"a"b»"', "a b"),
    ("«газета \"Ведомости\"»", '«газета "Ведомости"»'),
    ("", ""),
]


@pytest.mark.parametrize("query, text", RENDERED)
def test_to_text_is_canonical(query: str, text: str) -> None:
    assert to_text(parse(query)) == text
    assert parse(text) == parse(query)


def test_words_for_highlight_are_positive_and_as_typed() -> None:
    tree = parse('Бурков "цифровой экономики" =Омске казах* -спорт NOT "не это" speaker:Бурков date:2019 Бурков')
    assert words_for_highlight(tree) == ["Бурков", "цифровой", "экономики", "Омске", "казах*"]
    assert words_for_highlight(parse("-спорт")) == []
    assert words_for_highlight(parse("title:(Ёлка OR ёж)")) == ["Ёлка", "ёж"]


def test_nodes_are_frozen_and_hashable() -> None:
    tree = parse('a (b OR "c d") -e date:2019 speaker:x fg*')
    assert len({tree, parse('a (b OR "c d") -e date:2019 speaker:x fg*')}) == 1
    for node in iter_nodes(tree):
        assert dataclasses.is_dataclass(node)
        names = [f.name for f in dataclasses.fields(node)] or ["extra"]
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(node, names[0], None)


# --------------------------------------------------------------------------------------------
# Properties

SPECIAL = [
    "(", ")", '"', "«", "»", "„", "“", "”", "*", ":", "=", "-", "+", "~", "[", "]", " ", " ", "\t", "\n",
    "OR", "AND", "NOT", "И", "ИЛИ", "НЕ", "TO", "title:", "date:", "speaker:", "source:", "заголовок:", "дата:",
    "2019", "-11", "-06", "02.", ">=", "<", "5", "Бурков", "а", "ab", "казах", "—", ".", "ё",
]
biased_text = st.lists(st.sampled_from(SPECIAL), max_size=40).map("".join)
any_text = st.one_of(st.text(), st.text(alphabet="()\"«»„“”*:=-+~[] abИ"), biased_text)


def _check_tree(node: Node, parent: Node | None = None) -> None:
    """The guarantees documented in presssearch.query.ast."""
    if isinstance(node, (And, Or)):
        assert len(node.children) >= 2
        assert all(not isinstance(c, type(node)) for c in node.children)
        for child in node.children:
            _check_tree(child, node)
        if isinstance(node, And):
            assert any(not isinstance(c, Not) for c in node.children)
            assert all(not isinstance(c, MatchAll) for c in node.children[1:])
            if isinstance(node.children[0], MatchAll):
                assert all(isinstance(c, Not) for c in node.children[1:])
    elif isinstance(node, Not):
        assert isinstance(parent, And)
        assert not isinstance(node.child, (Not, MatchAll))
        _check_tree(node.child, node)
    elif isinstance(node, MatchAll):
        assert parent is None or isinstance(parent, And)
    elif isinstance(node, (Phrase,)):
        assert len(node.words) >= 2 and 0 <= node.slop
    elif isinstance(node, Exact):
        assert node.words
    elif isinstance(node, Prefix):
        assert sum(c.isalnum() for c in node.text) >= 2
    elif isinstance(node, FieldValue):
        assert node.value and node.field in ("source", "author", "speaker")


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_string_parses_or_raises_query_error_quickly(query: str) -> None:
    started = time.perf_counter()
    try:
        tree = parse(query)
    except QueryError as error:
        assert error.hint
        return
    finally:
        assert time.perf_counter() - started < 2.0  # catastrophic cases take minutes; generous for busy CI
    _check_tree(tree)
    assert parse(to_text(tree)) == tree
    assert isinstance(words_for_highlight(tree), list)


# Valid queries, built from the grammar.
letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗabcxyzXYZ0123456789"
word_text = st.text(alphabet=letters, min_size=1, max_size=8).filter(lambda w: w not in ("И",))
words = st.lists(word_text, min_size=1, max_size=4).map(" ".join)
quote = st.sampled_from([('"', '"'), ("«", "»"), ("„", "“"), ("“", "”")])
field = st.sampled_from(["", "title:", "заголовок:", "text:", "body:", "lead:", "source:", "author:", "speaker:", "спикер:"])
day = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
date_value = st.one_of(
    day.map(lambda d: d.isoformat()), day.map(lambda d: d.isoformat()[:7]), day.map(lambda d: str(d.year))
)
date_query = st.one_of(
    date_value.map(lambda v: f"date:{v}"),
    st.tuples(st.sampled_from([">=", ">", "<=", "<"]), date_value).map(lambda t: f"date:{t[0]}{t[1]}"),
    st.tuples(date_value, date_value).map(lambda t: f"date:[{min(t)} TO {max(t)}]"),
    date_value.map(lambda v: f"date:[{v} TO *]"),
)
leaf = st.one_of(
    st.tuples(field, word_text).map("".join),
    st.tuples(field, quote, words, st.sampled_from(["", "~2", "~10"])).map(lambda t: f"{t[0]}{t[1][0]}{t[2]}{t[1][1]}{t[3]}"),
    st.tuples(field, quote, words).map(lambda t: f"{t[0]}={t[1][0]}{t[2]}{t[1][1]}"),
    st.tuples(field, word_text).map(lambda t: f"{t[0]}={t[1]}"),
    st.tuples(field, word_text, word_text).map(lambda t: f"{t[0]}{t[1]}{t[2]}*"),
    date_query,
)
valid_query = st.recursive(
    leaf,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from([" ", " AND ", " OR ", " И ", " ИЛИ ", " NOT ", " -"]), inner).map("".join),
        st.tuples(st.sampled_from(["", "-", "NOT ", "+", "title:"]), inner).map(lambda t: f"{t[0]}({t[1]})"),
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(valid_query)
def test_round_trip_of_valid_queries(query: str) -> None:
    tree = parse(query)
    _check_tree(tree)
    text = to_text(tree)
    assert parse(text) == tree
    assert to_text(parse(text)) == text
