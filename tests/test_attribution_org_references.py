"""Attribution to an organisation a generic word after the quote points back to ("— сообщили в министерстве")."""
from __future__ import annotations

from .conftest import speakers_of


def test_ministry_named_inside_its_department() -> None:
    text = ("Бомбардировщик разбился при взлёте. Об этом сообщили в департаменте информации и массовых коммуникаций "
            "Минобороны России. Экипаж погиб.\n«Экипаж не успел катапультироваться и погиб», — сообщили в министерстве.")
    assert speakers_of(text) == ["Минобороны России"]


def test_gazprom_is_the_corporation() -> None:
    text = ("«Газпром» увеличил экспорт газа в Европу. Спрос на российский газ вырос.\n«Германия — крупнейший "
            "зарубежный потребитель российского газа», — подчеркнули в корпорации.")
    assert speakers_of(text) == ["Газпром"]


def test_embassy_is_the_diplomatic_mission() -> None:
    text = ("Посольство России в Вашингтоне распространило заявление. С подобным заявлением российская дипмиссия "
            "выступила вчера.\n«Вызывает отторжение очередной недружественный шаг американских властей», — "
            "рассказали в диппредставительстве.")
    assert speakers_of(text) == ["Посольство России"]
