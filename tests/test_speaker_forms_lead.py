"""The lead lends its nominative form of a name the body writes only in oblique cases."""
from __future__ import annotations

from presssearch.quotes.speakers import Registry

from .conftest import speakers_of

BODY = ("Главного тренера «Спартака» Массимо Карреру журналисты встретили аплодисментами. "
        "Тем не менее Каррере сперва пришлось отвечать на вопросы.")
LEAD = "Главный тренер «Спартака» Массимо Каррера после разгрома ЦСКА похвалил своих подопечных."


def _names(reg: Registry) -> set[str]:
    return {p.name() for p in reg.people.values()}


def test_lead_nominative_wins_over_body_accusative() -> None:
    assert "Массимо Каррера" in _names(Registry.build(BODY, None, "", LEAD))


def test_without_lead_the_body_form_stays() -> None:
    assert "Массимо Карреру" in _names(Registry.build(BODY))


def test_lead_adds_nobody_new() -> None:
    lead = LEAD + " Виктор Гончаренко заявил, что гол оказался решающим."
    reg = Registry.build(BODY, None, "", lead)
    assert not any("Гончаренко" in n for n in _names(reg))


def test_lead_does_not_replace_a_nominative_body_form() -> None:
    body = "Артём Дзюба забил. Дзюбу похвалили."
    reg = Registry.build(body, None, "", "Артёма Дзюбу похвалили.")
    assert "Артём Дзюба" in _names(reg)


# rt-05246: the lead alone gives the full name; the body only ever says "Лазутов".
LAZUTOV_LEAD = ("Во вторник в брифинге принял участие заместитель председателя Следственного комитета России Илья "
                "Лазутов. Он озвучил информацию о ходе расследования.")
LAZUTOV_BODY = ("«В ходе расследования выявлены факты подмены проб», — заявил Лазутов.\n"
                "При этом Лазутов подчеркнул, что работа продолжается.")


def test_lead_gives_the_first_name_of_a_surname_the_body_names_alone() -> None:
    assert speakers_of(LAZUTOV_BODY, lead=LAZUTOV_LEAD) == ["Илья Лазутов"]


def test_without_lead_a_lone_surname_stays_alone() -> None:
    assert speakers_of(LAZUTOV_BODY) == ["Лазутов"]



def test_lead_gives_a_middle_name_the_body_leaves_out() -> None:
    # rt-05975 (set6): the lead's "Родриго Роа Дутерте", the body's "Родриго Дутерте" beside his father's name
    lead = "30 июня в должность вступит новый президент Филиппин Родриго Роа Дутерте."
    body = ("Его отец Висенте Дутерте был губернатором провинции.\n"
            "«Забудьте эти законы о правах человека», — заявил Родриго Дутерте.")
    assert speakers_of(body, lead=lead) == ["Родриго Роа Дутерте"]
    assert speakers_of(body) == ["Родриго Дутерте"]
