"""Canonical nominative person names: the whole-name checks of analysis/names.py (issue #4)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.analysis.names import declined_surname, repair_forms, unagreed_nominative, woman_usually
from presssearch.quotes import extract_quotes
from presssearch.quotes.speakers import normalize_person


@pytest.mark.parametrize("written, canonical", [
    ("Дмитрия Шаповала", "Дмитрий Шаповал"),  # a surname left as written after a genitive first name
    ("Оливера Стоуна", "Оливер Стоун"),
    ("Артемия Пирожкова", "Артемий Пирожков"),
    ("Емельяну Ковчу", "Емельян Ковч"),  # dative
    ("Пола Залаки", "Пол Залаки"),  # "-ки" stays (so does "Йонаса Норейки": a leftover)
    ("Константина Сарсании", "Константин Сарсания"),
    ("Нины Мациной", "Нина Мацина"),  # no common case reading at all: by the first name's case
    ("Василия Небензю", "Василий Небензя"),
    ("Ашрафа Гани", "Ашраф Гани"),  # a surname in a vowel stays
    ("Себастьяна Курца", "Себастьян Курц"),  # no guessed fleeting vowel in a one-syllable surname
    ("Себастьяном Курцем", "Себастьян Курц"),
    ("Михаила Писарца", "Михаил Писарец"),  # … but a longer one keeps it
    ("Фелипе Масса", "Фелипе Масса"),  # a foreign first name is not an oblique case of "Фелип"
    ("Виталия Степановых", "Виталий Степановых"),  # "-ых" does not decline
    ("Джули Бишоп", "Джули Бишоп"),  # not the genitive of "Джуля"
    ("Хаяси Икуо", "Хаяси Икуо"),
    ("Пабло Неруды", "Пабло Неруда"),
    ("Федерику Могерини", "Федерика Могерини"),  # (a woman usually: name_data.FEMININE_FIRST)
    ("Патрисии Буллрич", "Патрисия Буллрич"),
    ("Лео Кэмпбелла", "Лео Кэмпбелл"),
    ("Гаэль Табюре", "Гаэль Табюре"),
    ("Евгения Степановна", "Евгения Степановна"),  # a woman's patronymic: not "Евгений Степановн"
    ("Дина Пауэлл", "Дина Пауэлл"),  # a man's consonant surname would decline: the woman
    ("Симона Халеп", "Симона Халеп"),
    ("Алина Загитова", "Алина Загитова"),  # the woman's name is the usual one
    ("Юлию Тимошенко", "Юлия Тимошенко"),
    ("Александра Буркова", "Александр Бурков"),  # the man's where his name is the usual one
    ("Сергея Шойгу", "Сергей Шойгу"),  # indeclinable surnames stay
    ("Тины Канделаки", "Тина Канделаки"),
    ("Евгения Бару", "Евгений Бару"),
    ("Мика Брзезински", "Мик Брзезински"),
    ("Валерия Хабурдзания", "Валерий Хабурдзания"),
])
def test_canonical_name(written: str, canonical: str) -> None:
    assert normalize_person(written) == canonical


def test_feminine_hint_still_decides() -> None:
    assert normalize_person("Евгения Лапова", feminine=True) == "Евгения Лапова"
    assert normalize_person("Евгения Лапова", feminine=False) == "Евгений Лапов"
    assert normalize_person("Ивановой", feminine=True) == "Иванова"


def test_declined_surname() -> None:
    assert declined_surname("шаповала", "masc", ["gent"]) == "шаповал"
    assert declined_surname("мациной", "femn", ["gent"]) == "мацина"
    assert declined_surname("чухрая", "masc", ["gent"]) == "чухрай"
    assert declined_surname("брзезински", "masc", ["gent"]) is None
    assert declined_surname("гарсиа", "masc", ["gent"]) is None  # "-а" after a vowel: no rule


def test_repair_forms_keeps_one_reading() -> None:
    """A reading is dropped only while another remains."""
    assert repair_forms(("Дина", "Пауэлл"), {"masc": ("дин", "пауэлл"), "femn": ("дина", "пауэлл")}) \
        == {"femn": ("дина", "пауэлл")}
    assert repair_forms(("Дина", "Пауэлл"), {"masc": ("дин", "пауэлл")}) == {"masc": ("дин", "пауэлл")}
    assert repair_forms(("Путин",), {"masc": ("путин",)}) == {"masc": ("путин",)}


def test_unagreed_nominative() -> None:
    assert unagreed_nominative(("Нины", "Мациной")) == ("нина", "мацина")
    assert unagreed_nominative(("Йоахима", "Лёва")) is None  # a first name as surname: not by ending


def test_woman_usually() -> None:
    assert woman_usually("Алина") and woman_usually("юлия")
    assert not woman_usually("Александра") and not woman_usually("Евгения")


NOMINATIVE_NAMES = [
    "Сергей Лавров", "Мария Захарова", "Дмитрий Песков", "Анна Попова", "Алина Загитова", "Юлия Тимошенко",
    "Фелипе Масса", "Дмитрий Шаповал", "Оливер Стоун", "Нина Мацина", "Себастьян Курц",
    "Евгения Степановна", "Василий Небензя", "Ашраф Гани", "Симона Халеп", "Дина Пауэлл", "Сергей Шойгу",
    "Тина Канделаки", "Эммануэль Макрон", "Ангела Меркель", "Владимир Путин", "Джонатан Брага",
]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(NOMINATIVE_NAMES), st.sampled_from([None, True, False]))
def test_nominative_names_are_fixed_points(name: str, feminine: bool | None) -> None:
    """Normalising a canonical name returns it; normalising twice changes nothing more."""
    once = normalize_person(name, feminine=feminine)
    assert normalize_person(once, feminine=feminine) == once
    if feminine is None:
        assert once == name


@pytest.mark.parametrize("written, canonical", [
    ("Илон Маск", "Илон Маск"),  # "Илон": the informal vocative of "Илона", not a woman's name here
    ("Салюд Карбахаль", "Салюд Карбахаль"),
    ("Михалис Вусдукас", "Михалис Вусдукас"),
    ("Вик Вайлд", "Вик Вайлд"),
])
def test_informal_vocative_is_no_reading_of_a_name(written: str, canonical: str) -> None:
    """A first name or surname in a hard consonant that morphology reads only as an informal vocative ("Илон!",
    "Вик!") or a plural stays as written: running text never names anyone in the vocative. (Not "Рене Вайлером",
    an instrumental, nor a word in -ь: tests/test_speakers_subject_names.py.)"""
    assert normalize_person(written) == canonical


def test_vocative_reading_of_a_function_word_keeps_it_out_of_names() -> None:
    """"Тем не менее, … пишет агентство, «…»": "Тем" (also "Тёма" in the vocative) does not become a speaker."""
    text = ("Биби отрицала какое-либо богохульство. Тем не менее, этот инцидент, пишет агентство, \"возмутил "
            "христиан во всем мире и стал источником разделения внутри Пакистана\".")
    assert [q.speaker for q in extract_quotes(text)] == [None]


def test_masculine_verb_names_elon_musk() -> None:
    assert [q.speaker for q in extract_quotes("«Мы полетим на Марс», — заявил Илон Маск.")] == ["Илон Маск"]
