"""A full name whose first name reads only as a nominative is a possible subject, however morphology
reads the surname ("Олег Митволь", "Александр Мацегора"); oblique full names stay oblique."""
from __future__ import annotations

import pytest

from presssearch.quotes.extract import extract_quotes
from presssearch.quotes.speakers import can_be_nominative, find_groups, may_be_subject


def _group(text: str, name: str):
    at = text.index(name)
    return next(g for g in find_groups(text) if g.start == at)


@pytest.mark.parametrize("name", ["Олег Митволь", "Александр Мацегора", "Елена Зеркаль", "Акбар Тураджонзода",
                                  "Жозе Моуринью", "Рене Вайлер", "Дэррелл Айссэ"])
def test_nominative_full_names_can_be_subjects(name: str) -> None:
    assert can_be_nominative(tuple(name.split()))


@pytest.mark.parametrize("name", ["Олега Митволя", "Александром Мацегорой", "Александра Мацегоры", "Жан Коширом",
                                  "Василь Иванычу", "Джеффри Голдбергу", "Рене Вайлером",
                                  "Сашу Спилберг", "Златана Ибрагимовича"])
def test_oblique_full_names_are_not_nominatives(name: str) -> None:
    assert not can_be_nominative(tuple(name.split()))


@pytest.mark.parametrize("text, name", [("По словам Олега Митволя, стройку остановят.", "Олега Митволя"),
                                        ("Мэр встретился с Александром Мацегорой в понедельник.",
                                         "Александром Мацегорой"),
                                        ("Об этом договорились с Олег Митволь на встрече.", "Олег Митволь")])
def test_oblique_contexts_are_not_subjects(text: str, name: str) -> None:
    assert not may_be_subject(text, _group(text, name))


def test_subject_before_speech_verb() -> None:
    text = "Префект округа Олег Митволь заявил, что стройку остановят."
    assert may_be_subject(text, _group(text, "Олег Митволь"))


def test_verb_of_the_other_gender_is_not_the_names() -> None:
    text = "Елена Зеркаль отметил, что стройку остановят."
    assert not may_be_subject(text, _group(text, "Елена Зеркаль"))
    text = "Елена Зеркаль отметила, что стройку остановят."
    assert may_be_subject(text, _group(text, "Елена Зеркаль"))


def test_colon_quote_goes_to_the_named_subject() -> None:
    quotes = extract_quotes("Елена Зеркаль отметила: «Сейчас не стоит ждать прорыва».")
    assert [q.speaker for q in quotes] == ["Елена Зеркаль"]


def test_name_agreed_from_oblique_cases_keeps_e_as_written():
    from presssearch.quotes.speakers import normalize_tokens

    assert normalize_tokens(("Алены", "Мациной"))[0] == normalize_tokens(("Алена", "Мацина"))[0] == "Алена Мацина"
