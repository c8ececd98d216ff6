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