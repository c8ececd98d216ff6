"""One canonical name per person: later mentions of a person named in full (a surname alone in any case form) are
that person, so a quote they speak gets the full name."""
from __future__ import annotations

from .conftest import speakers_of
from presssearch.quotes.speakers import Registry


def test_adjective_surname_alone_is_the_person_named_in_full() -> None:
    text = ("Лидером непризнанной республики стал бывший глава МВД Вадим Красносельский.\n"
            "«Мы должны создать условия, чтобы люди не были заложниками политики», — подчеркнул Красносельский.")
    assert speakers_of(text) == ["Вадим Красносельский"]


def test_adjective_before_its_noun_is_no_mention() -> None:
    text = ("Глава района Илья Киевский выступил на совещании. Киевского района это не касается. "
            "Киевский вокзал закрыт.")
    reg = Registry.build(text)
    assert [m.pos for m in reg.mentions] == [text.index("Илья")]


def test_surname_read_as_a_plural_is_the_same_key() -> None:
    text = ("С обвинениями выступил педиатр Федор Катасонов. Катасонов написал в фейсбуке о нарушениях. "
            "Позже «Медуза» связалась с Катасоновой, его женой.")
    reg = Registry.build(text)
    assert [p.name() for p in reg.people.values()].count("Федор Катасонов") == 1
    assert len({m.key for m in reg.mentions if m.pos < text.index("Позже")}) == 1


def test_surname_alone_by_another_reading() -> None:
    text = ("Председатель Верховной рады Андрей Парубий подписал законопроект. По мнению Парубия, поправки создают "
            "«новое украинское образование».")
    assert speakers_of(text) == ["Андрей Парубий"]


def test_fleeting_vowel_shows_the_nominative() -> None:
    text = ("Сборная под руководством Олега Знарка выиграла. После игры говорил и Знарок.\n"
            "«Это была грубость, удар сзади», — приводит слова тренера «Чемпионат».")
    reg = Registry.build(text)
    assert [p.name() for p in reg.people.values()] == ["Олег Знарок"]


def test_surname_in_ich_used_alone_is_no_patronymic() -> None:
    text = ("Об этом говорил постпред России при ОЗХО Александр Шульгин.\n"
            "Это подтвердил и постпред РФ при ОБСЕ Александр Лукашевич.\n"
            "«Никакие работы под названием «Новичок» не проводились», — отметил Лукашевич.")
    assert speakers_of(text) == ["Александр Лукашевич"]
