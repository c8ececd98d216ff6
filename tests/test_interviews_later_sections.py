"""Who answers in a later section of an interview: a title naming someone in an oblique case, an unquoted
headline over the turns, a section intro without a speech verb."""
from presssearch.quotes import extract_quotes

LONG = "Мы долго готовились к этому сезону и считаем, что команда сейчас в хорошей форме, состав полностью здоров."


def _answers(text: str, title: str = "", lead: str = "") -> list[str | None]:
    return [q.speaker for q in extract_quotes(text, title=title, lead=lead) if q.rule == "interview_answer"]


def test_title_oblique_surname_names_no_interviewee() -> None:
    title = "Долгий допинг-тест и отсутствие Габулова: сборная России готовится к матчу с Бразилией"
    text = ("Вратарь Владимир Габулов пропустил тренировку из-за визита допинг-офицера.\n"
            "После тренировки защитник «Ахмата» Андрей Семёнов рассказал о визите допинг-офицера, а также выразил "
            "мнение, что команда Франции сильнее бразильцев.\n"
            f"— Чем сегодняшнее занятие отличалось от предыдущих?\n— {LONG}\n"
            f"— Кто из соперников опаснее?\n— {LONG}\n")
    speakers = _answers(text, title=title)
    assert speakers and all(s == "Андрей Семёнов" for s in speakers)


def test_unquoted_headline_over_turns_names_speaker() -> None:
    text = ("Тренер сборной Станислав Черчесов провёл открытую тренировку. После занятия на вопросы журналистов "
            "ответил полузащитник Александр Головин.\n"
            f"— Каково тренироваться при зрителях?\n— {LONG}\n— Как вам соперник?\n— {LONG}\n"
            "Видео\n"
            "Головин: в сборной России нет таких звёздных игроков, как в Португалии\n"
            f"— Почему Станислав Черчесов так эмоционально реагировал?\n— {LONG}\n"
            f"— Как изменилась подготовка?\n— {LONG}\n")
    speakers = _answers(text)
    assert speakers[-2:] == ["Александр Головин", "Александр Головин"]


def test_unquoted_headline_not_over_turns_is_no_header() -> None:
    text = ("Вратарь сборной Игорь Акинфеев рассказал журналистам о подготовке к матчу.\n"
            f"— Как вы оцениваете шансы?\n— {LONG}\n"
            "Смолов: нападающий пропустит матч из-за травмы\n"
            "Об этом сообщила пресс-служба клуба, отметив, что нападающий уже начал восстановление.\n"
            f"— А что скажете о соперниках?\n— {LONG}\n")
    assert "Фёдор Смолов" not in _answers(text) and "Смолов" not in _answers(text)


def test_section_intro_without_speech_verb() -> None:
    text = ("Директор департамента ФИФА Колин Смит похвалил работу оргкомитета и ответил на вопросы журналистов.\n"
            f"— Какие ваши впечатления после группового этапа?\n— {LONG}\n— Что с безопасностью?\n— {LONG}\n"
            "«Мы не пропустили ни одной ошибки арбитров»\n"
            "Глава судейского департамента ФИФА Массимо Бузакка уделил внимание системе видеоповторов.\n"
            f"— Что вы можете сказать о системе видеоповторов?\n— {LONG}\n— Как её улучшить?\n— {LONG}\n")
    speakers = _answers(text)
    assert speakers[:2] == ["Колин Смит", "Колин Смит"]
    assert speakers[-2:] == ["Массимо Бузакка", "Массимо Бузакка"]
