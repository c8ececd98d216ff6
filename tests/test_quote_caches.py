"""Quote-extraction caches keep results: cached words() hands out fresh lists, name readings unchanged."""
from __future__ import annotations

from presssearch.quotes.speakers import Registry, normalize_person, possible_genders
from presssearch.quotes.text import words


def test_words_is_a_fresh_list_each_time() -> None:
    first = words("Президент России Владимир Путин заявил")
    first.append("x")
    assert words("Президент России Владимир Путин заявил") == ["Президент", "России", "Владимир", "Путин", "заявил"]


def test_name_readings_by_gender_and_case() -> None:
    assert normalize_person("Александра Буркова") == "Александр Бурков"
    assert normalize_person("Марине Косаревой") == "Марина Косарева"
    assert possible_genders(("Гэвина", "Уильямсона")) == frozenset({"masc"})


def test_lone_known_surname_and_first_name_lookups() -> None:
    text = "Юрий Береза рассказал о планах. Береза заявил, что всё готово. Позже Юрий добавил подробности."
    reg = Registry.build(text)
    keys = [m.key for m in reg.mentions]
    assert keys.count(reg.mentions[0].key) == 3
    assert Registry.build("Позже Юрий добавил подробности.").people == {}
