"""Attribution through long role phrases, colon clauses named after the verb, and link lines ending an attribution."""
from __future__ import annotations

from .conftest import speakers_of


def test_role_complement_joined_by_and_before_name() -> None:
    text = ("Вчера прошла встреча. «Перед госкорпорацией стоят глобальные задачи», – подчеркнул директор по "
            "закупкам, материально-техническому обеспечению и управлению качеством Роман Зимонас.")
    assert speakers_of(text) == ["Роман Зимонас"]


def test_colon_clause_named_after_verb_past_a_body_word() -> None:
    text = ("Вчера прошла встреча. Другие детали к портрету управленца из госкорпорации в интервью «Ведомостям» "
            "добавлял бывший заместитель министра энергетики, бывший член совета директоров РАО ЕЭС Виктор Кудрявый: "
            "«Абызов не забывал в РАО и о своих интересах. В реформу Абызов не лез».")
    assert speakers_of(text) == ["Виктор Кудрявый"]


def test_link_line_after_preposition_finishes_the_attribution() -> None:
    text = ("Сотрудники ФСБ задержали четверых.\n«Задержаны четверо участников так называемой спящей ячейки», — "
            "говорится в \nсообщении Кремля\nЛичности задержанных не разглашаются.")
    assert speakers_of(text) == ["Кремль"]


def test_apposition_name_after_an_owner_in_the_genitive() -> None:
    text = ("Опрошенные RT зарубежные эксперты ожидают рост цен. «По моим прогнозам, цена на нефть до конца года "
            "приблизится к отметке $60», — рассказал RT американский экономист, старший научный сотрудник Института "
            "Людвига фон Мизеса Марк Тортон.")
    assert speakers_of(text) == ["Марк Тортон"]


def test_quoted_title_of_up_to_sixty_characters_inside_the_attribution() -> None:
    text = ("Бывший дипломат вспоминает девяностые. «Посольство работало без перерыва», — пишет в статье «Немного о "
            "российской дипломатической службе» бывший посол РФ в Югославии Валерий Егошкин.")
    assert speakers_of(text) == ["Валерий Егошкин"]
    text = ("«Это провокация», — отметил в Twitter лидер общественного движения «Украинский выбор — право народа» "
            "Виктор Медведчук.")
    assert speakers_of(text) == ["Виктор Медведчук"]


def test_apposition_name_past_more_role_segments() -> None:
    from presssearch.quotes import extract_quotes
    text = ("«Это они – будущие участники Олимпийских игр 2012 года в Лондоне. Итоги показали, что в стране растет "
            "достойная смена», – отметил заместитель главного судьи «Олимпийских надежд-2009», олимпийский чемпион "
            "(1996), бронзовый призер Олимпиады-2000 Николай Крюков.")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Николай Крюков"]
    assert quotes[0].text.startswith("Это они – будущие") and quotes[0].text.endswith("достойная смена")


def test_apposition_name_after_a_long_last_role_segment() -> None:
    from presssearch.quotes import extract_quotes
    text = ("«Это они – будущие участники Олимпийских игр 2012 года в Лондоне», – отметил заместитель главного судьи "
            "«Олимпийских надежд-2009», олимпийский чемпион (1996), бронзовый призер Олимпиады-2000, чемпион мира и "
            "неоднократный призер чемпионатов мира по спортивной гимнастике Николай Крюков.")
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Это они – будущие участники Олимпийских игр 2012 года в Лондоне", "Николай Крюков")]
