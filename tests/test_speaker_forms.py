"""Canonical forms of names the text writes in an oblique case: a surname the text also writes bare, and the
foreign given name beside it."""
from __future__ import annotations

import pytest

from presssearch.quotes.speakers import Registry


def _names(text: str) -> list[str]:
    return [p.name() for p in Registry.build(text).people.values()]


@pytest.mark.parametrize("text, name", [
    ("Решение президента Гарри Трумэна удивило всех. Трумэн объяснил его позднее.", "Гарри Трумэн"),
    ("Журналисты спросили наставника Марко Штурму о матче. Штурм ответил коротко.", "Марко Штурм"),
    ("Бой с Эвандером? Нет: чемпиона Эвандера Холифилда пригласили. Холифилд заявил, что рад.", "Эвандер Холифилд"),
    ("Президента ассоциации Олле Далина спросили о бойкоте. Далин ответил.", "Олле Далин"),
])
def test_surname_the_text_writes_bare(text: str, name: str) -> None:
    assert name in _names(text)


def test_nominative_surname_in_a_vowel_stays() -> None:
    assert _names("Пилот Ники Лауда заявил, что доволен. Лауда выиграл.") == ["Ники Лауда"]


def test_woman_keeps_her_surname() -> None:
    assert "Анна Петрова" in _names("Спортсменку Анну Петрову наградили. Петрова сказала, что рада. Петров молчал.")


def test_fleeting_vowel_beside_a_first_name_that_may_be_a_nominative() -> None:
    text = ("По мнению политолога Станислава Бышка, «у Вашингтона большой опыт». Как отметил Бышок, Вашингтон может "
            "позволить себе такое.")
    assert _names(text) == ["Станислав Бышок"]


def test_soft_sign_surname_written_bare() -> None:
    text = ("Заявление сделал министр Германии Зигмар Габриэль. «Мы должны добиться перемирия», — цитирует Габриэля "
            "РИА Новости. Комментируя заявление Зигмара Габриэля, эксперт был краток.")
    assert "Зигмар Габриэль" in _names(text)


def test_instrumental_of_an_unknown_surname_is_no_nominative() -> None:
    from presssearch.quotes.speakers import normalize_person
    assert normalize_person("Флойдом Мейвезером") == "Флойд Мейвезер"
