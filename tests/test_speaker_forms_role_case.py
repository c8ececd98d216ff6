"""A man's surname after his first name takes the case of the role noun before them, Latin acronym or not."""
from __future__ import annotations

from presssearch.quotes.speakers import Registry


def _names(text: str) -> set[str]:
    return {p.name() for p in Registry.build(text).people.values()}


def test_foreign_first_name_read_as_a_womans_oblique_form() -> None:
    text = "«Их явно недостаточно», — говорилось в заявлении представителя HRW Оле Солванга. Ещё одна фраза."
    assert "Оле Солванг" in _names(text)


def test_declined_first_name_in_the_accusative_of_the_role_noun() -> None:
    assert "Трэвис Тайгарт" in _names("— цитирует главу USADA Трэвиса Тайгарта официальный сайт организации.")


def test_a_lone_surname_with_its_fleeting_vowel_wins_over_the_guess() -> None:
    text = ("По мнению военного эксперта, полковника запаса Михаила Ходарёнка, всё это недружественно. "
            "«Это далеко не конфликт», — говорит RT Ходарёнок.")
    assert "Михаил Ходарёнок" in _names(text)


def test_a_womans_name_keeps_her_gender() -> None:
    text = ("Трамп не разделяет мнение жены действующего американского лидера Мишель Обамы. "
            "«Мишель Обама говорит, что надежды нет», — сказал он. Она [Мишель Обама] имела в виду иное.")
    reg = Registry.build(text)
    assert any(p.name() == "Мишель Обама" and p.feminine is not False for p in reg.people.values())
