"""The registry of people and organisations names speakers canonically."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.quotes.orgs import OrgRegistry
from presssearch.quotes.speakers import Registry, find_groups, normalize_tokens, split_particle

from .conftest import speakers_of


def _names(text: str) -> set[str]:
    return {p.name() for p in Registry.build(text).people.values()}


def test_one_woman_named_in_two_cases_is_one_person():
    text = ("По версии Юлии Кулешовой, создателя сети магазинов, псевдофонды процветают.\n"
            "«Нужно координировать действия», — объясняет активистка Юлия Кулешова.")
    assert _names(text) == {"Юлия Кулешова"}


def test_the_name_written_in_the_nominative_wins():
    text = ("По мнению директора института Руслана Бортника, заводы работают в тени.\n"
            "«Это наша беда», — считает Руслан Бортник.")
    assert _names(text) == {"Руслан Бортник"}


def test_a_surname_read_as_a_womans_name_declines_after_a_foreign_first_name():
    assert normalize_tokens(("Эво", "Моралеса"))[0] == "Эво Моралес"


def test_no_name_runs_across_a_line_break():
    groups = find_groups("© Сергей Билан \nНесмотря на статус, компания тонет в долгах.")
    assert [g.tokens for g in groups] == [("Сергей", "Билан")]


def test_names_in_clashing_cases_are_two_people():
    assert [g.tokens for g in find_groups("По мнению Френкеля Руслан Коблев не прав.")] == [
        ("Френкеля",), ("Руслан", "Коблев")]
    assert [g.tokens for g in find_groups("После демарша Серуканова Навальный заявил.")] == [
        ("Серуканова",), ("Навальный",)]
    assert [g.tokens for g in find_groups("Мать Владимира Шарафаненко Валентина говорит.")] == [
        ("Владимира", "Шарафаненко"), ("Валентина",)]


def test_an_adjective_of_the_next_word_is_no_surname():
    groups = find_groups("Церковь святого князя Владимира Украинской православной церкви сгорела.")
    assert [g.tokens for g in groups] == [("Владимира",)]
    assert [g.tokens for g in find_groups("Игорь Белый рассказал.")] == [("Игорь", "Белый")]


def test_two_full_names_side_by_side_are_two_people():
    groups = find_groups("В интервью автору фильма Марине Косаревой Родриго Дутерте признал ошибки.")
    assert [g.tokens for g in groups] == [("Марине", "Косаревой"), ("Родриго", "Дутерте")]


def test_foreign_surnames_in_i_do_not_decline():
    assert normalize_tokens(("Джамала", "Хинди"))[0] == "Джамал Хинди"
    assert normalize_tokens(("Лаврентия", "Берии"))[0] == "Лаврентий Берия"
    assert normalize_tokens(("Родриго", "Дутерте"))[0] == "Родриго Дутерте"


def test_a_lone_first_name_is_the_one_named_in_full_nearest_before():
    text = ("Вирусолог Ирина Роот рассказала о вакцине.\n"
            "В части тихо. Санинструктор Ирина Самойлова вызывает солдат по списку.\n"
            "«Это действительно добровольно», — отметила Ирина.")
    assert speakers_of(text) == ["Ирина Самойлова"]


def test_first_name_and_patronymic_name_the_man_named_in_full():
    text = ("На шум выходит хозяин. Олег Щербацкий, инженер, обменял квартиру на дом.\n"
            "«Нас собрали в администрации», — рассказал Олег Васильевич.")
    assert speakers_of(text) == ["Олег Щербацкий"]


def test_hyphenated_arabic_particle_stays_with_the_surname():
    text = ("Официальный представитель египетской армии Тамер аль-Рифаи твёрдо заявил: «На египетской земле нет "
            "солдат из других стран».")
    assert speakers_of(text) == ["Тамер аль-Рифаи"]
    assert split_particle("аль-Рифаи") == ("аль-", "Рифаи")
    assert split_particle("Римский-Корсаков") == ("", "Римский-Корсаков")
    assert normalize_tokens(("Джамал", "Эль-Хинди"))[0] == "Джамал Эль-Хинди"
    assert normalize_tokens(("Тамера", "аль-Рифаи"))[0] == "Тамер аль-Рифаи"


def test_no_name_starts_inside_an_acronym():
    assert find_groups("Как отметили в ЦИКе, агитация завершится.") == []


def test_a_generic_place_word_is_the_place_named_before():
    text = ("Правоохранительные органы ДНР сообщили о задержании диверсантов. По данным пресс-службы "
            "Министерства госбезопасности страны, группа готовила подрыв.")
    names = {o.name() for o in OrgRegistry.build(text).orgs.values()}
    assert "Пресс-служба Министерства госбезопасности ДНР" in names
    kept = OrgRegistry.build("Верховный совет Гагаузской республики заявил, что гагаузы останутся.")
    assert [o.name() for o in kept.orgs.values()] == ["Верховный совет Гагаузской республики"]


def test_an_acronym_is_the_body_named_in_full():
    text = ("Следственный комитет России провел обыски в театре. Утром СК сообщил об этом. Согласно пресс-релизу, "
            "выпущенному Следственным комитетом, обыски идут по делу о хищении.")
    reg = OrgRegistry.build(text)
    assert reg.orgs["ск"].name() == "Следственный комитет России"


def test_russia_spelled_out_when_the_article_spells_it():
    text = "28 июля МИД РФ опубликовал заявление. Об этом говорится в заявлении российского МИД."
    reg = OrgRegistry.build(text)
    assert reg.orgs["мид россии"].name() == "МИД России"
    assert OrgRegistry.build("28 июля МИД РФ опубликовал заявление.").orgs["мид россии"].name() == "МИД РФ"


def test_a_declined_acronym_in_the_nominative():
    from presssearch.quotes.orgs import _nominative_head

    assert _nominative_head("ЦИКе") == "ЦИК"
    assert _nominative_head("МИДа") == "МИД"


_WORDS = st.text(alphabet="АБВЦИКаеоиль- \n«»", min_size=0, max_size=60)


@settings(max_examples=200, deadline=None)
@given(_WORDS)
def test_groups_are_spans_of_the_text(text: str):
    for g in find_groups(text):
        assert 0 <= g.start < g.end <= len(text)
        assert g.tokens[-1].split("-")[-1] in text[g.start:g.end]


def test_the_article_settles_a_name_of_either_gender():
    text = ("Так считает заведующая сектором политики ИМЭМО РАН Виктория Журавлева.\n"
            "«Отношения остаются под давлением», — заключает Журавлева.\n"
            "По словам Виктории Юрьевны, ничего не изменится.")
    assert _names(text) == {"Виктория Журавлева"}
    assert speakers_of(text)[0] == "Виктория Журавлева"


def test_a_masculine_role_adjective_shows_no_gender():
    text = "«Это плановая ротация кадров», - заявила официальный представитель Генпрокуратуры Марина Гриднева."
    assert speakers_of(text) == ["Марина Гриднева"]


def test_a_verb_settles_the_gender_of_a_foreign_name():
    text = "«Мы против», — подчеркнула Хуа Чуньин на брифинге."
    reg = Registry.build(text)
    assert [p.feminine for p in reg.people.values()] == [True]


def test_first_name_and_patronymic_in_the_title_are_the_man_named_in_full():
    text = "В квартире Виктора Альфредовича Куллэ произошёл конфликт. Виктор Альфредович написал пост."
    reg = Registry.build(text, title="Как Виктор Альфредович поссорился с соседом")
    assert {p.name() for p in reg.people.values()} == {"Виктор Альфредович Куллэ"}


def test_a_surname_with_a_fleeting_vowel_is_the_man_named_in_full():
    text = ("«Я всегда посещаю тренировки», — приводит слова Бышовца «Чемпионат».\n"
            "На тренировку заглянул Анатолий Фёдорович Бышовец!")
    assert speakers_of(text) == ["Анатолий Фёдорович Бышовец"]


def test_a_surname_morphology_reads_in_another_case_is_no_nominative():
    assert normalize_tokens(("Тони", "Фергюсоном"))[0] == "Тони Фергюсон"


def test_a_place_at_a_sentence_start_is_no_first_name():
    groups = find_groups("Итальянка Вирер, похоже, пришла в себя. В Нове-Место Доротея взяла серебро.")
    assert [g.tokens for g in groups] == [("Вирер",), ("Доротея",)]


def test_a_dictionary_noun_after_a_role_is_a_foreign_first_name():
    groups = find_groups("Федеральный судья Деррик Уотсон ввёл запрет. Хала вкусная.")
    assert [g.tokens for g in groups] == [("Деррик", "Уотсон")]
    assert speakers_of("«Мы готовы», — заявила представитель организации по миграции Хала Джабер.") == ["Хала Джабер"]


def test_first_name_written_before_the_bare_surname_is_the_nominative() -> None:
    # rt-05952: "Мацея Рыбуся" first, "Мацей Рыбусь" later (find_groups does not take "Мацей" for a name)
    text = ("Чем были связаны замены Дмитрия Тарасова и Мацея Рыбуся в перерыве? Рыбуся убрал с поля тренер.\n"
            "На вопросы ответили журналистами и польский полузащитник Мацей Рыбусь, в этот день отмечавший "
            "день рождения.")
    reg = Registry.build(text)
    assert "Мацей Рыбусь" in {p.name() for p in reg.people.values()}
