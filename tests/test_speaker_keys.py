"""The speaker filter's keys: people by any form of their name, organisations by long, short or head-only name —
as functions and on a real on-disk index."""
from __future__ import annotations

import json

import pytest

import presssearch
from presssearch.quotes.keys import is_organisation, speaker_index_keys, speaker_key

ARTICLES = [
    ("a1", "«Москва не оставит эти действия без ответа», — говорится в заявлении МИД России."),
    ("a2", "Министерство иностранных дел Российской Федерации выступило с заявлением. «Мы считаем эти санкции "
           "незаконными и будем отвечать на них», — говорится в документе."),
    ("a3", "«Украина готова к переговорам о транзите газа», — заявили в МИД Украины."),
    ("a4", "«Компания продолжит выплату дивидендов в прежнем объёме», — сообщили в пресс-службе банка ВТБ."),
    ("a5", "«Сотрудничество с Казахстаном для нас имеет ключевое значение», — сказал губернатор Омской области "
           "Александр Бурков."),
    ("a6", "«Российские средства ПВО уничтожили все беспилотники над территорией базы», — заявили в Минобороны России."),
    ("a7", "«Отдельно затронута обстановка на северо-западе Сирии», — сообщает пресс-служба Кремля."),
    ("a8", "«Сенаторы поддержали закон единогласно», — сообщили в Совете Федерации."),
]


@pytest.mark.parametrize("name, org", [
    ("МИД России", True), ("Министерство иностранных дел КНР", True), ("мэрия Москвы", True),
    ("ГКУ «Московский центр „Открытое правительство“»", True), ("Урсула фон дер Ляйен", False), ("Абу Бакр аль-Багдади", False),
    ("Александр Бурков", False), ("Газпром", False), ("ФСБ", True),
    ("Минобороны России", True), ("Посольство Украины", True), ("Совет Федерации", True),  # a body's first word
    ("Рада Аджубей", False),  # (a first name that is also a body's word)
])
def test_organisation_names(name, org):
    assert is_organisation(name) is org


def test_long_and_short_names_share_a_key():
    assert speaker_key("МИД РФ") == speaker_key("Министерство иностранных дел Российской Федерации") \
        == speaker_key("МИД России") == "мид россии"
    assert speaker_index_keys("МИД Украины").split(",")[:2] == ["мид украины", "мид"]
    assert speaker_key("Буркова") == speaker_key("Александр Бурков") == speaker_index_keys("Александр Бурков")
    assert speaker_key("Минобороны России") == speaker_key("Министерство обороны Российской Федерации") \
        == speaker_key("Минобороны РФ") == "минобороны россии"
    assert speaker_key("Совет Федерации") == "совет федерации" != speaker_key("Совет Европы")  # (not "совет")


@pytest.fixture(scope="module")
def orgs_archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("orgs")
    src = root / "articles.jsonl"
    src.write_text("".join(json.dumps({"id": i, "title": f"Статья {i}", "date": "2024-05-0" + i[1], "text": t},
                                      ensure_ascii=False) + "\n" for i, t in ARTICLES), encoding="utf-8")
    archive = presssearch.open_archive(root / "index")
    archive.update([src])
    return archive


def _speakers(archive, speaker):
    return sorted(h.speaker for h in archive.quotes("", speaker=speaker, limit=20))


def test_an_organisation_is_found_by_long_short_or_head_name(orgs_archive):
    russia = sorted(["Министерство иностранных дел Российской Федерации", "МИД России"])
    assert _speakers(orgs_archive, "МИД России") == russia
    assert _speakers(orgs_archive, "Министерство иностранных дел России") == russia
    assert _speakers(orgs_archive, "МИД") == sorted(russia + ["МИД Украины"])
    assert _speakers(orgs_archive, "ВТБ") == ["Пресс-служба банка ВТБ"]
    assert _speakers(orgs_archive, "Министерство обороны РФ") == _speakers(orgs_archive, "Минобороны России") \
        == ["Минобороны России"]
    assert _speakers(orgs_archive, "Совет Федерации") == ["Совет Федерации"]


def test_a_body_is_found_with_its_press_service(orgs_archive):
    assert _speakers(orgs_archive, "Пресс-служба Кремля") == ["Пресс-служба Кремля"]
    assert _speakers(orgs_archive, "Кремль") == ["Пресс-служба Кремля"]


def test_a_person_is_still_found_by_any_form(orgs_archive):
    for form in ("Бурков", "Буркова", "Александр Бурков"):
        assert _speakers(orgs_archive, form) == ["Александр Бурков"], form
    assert _speakers(orgs_archive, "России") == []  # a body's country is no speaker of its own
