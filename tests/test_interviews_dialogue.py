"""Interviews told as dialogue: every answer turn gets the interviewee the title, lead or intro presents, in the
fullest nominative form the article gives (short articles written for these tests)."""
from __future__ import annotations

import pytest

from presssearch.quotes import extract_quotes

_QA = (
    "— Как вы оцениваете то, что произошло на прошлой неделе?\n"
    "— Я считаю, что ситуация сложная, но решаемая. Мы долго готовились к этому и знали, что будет непросто, "
    "поэтому никакой паники у нас нет и не было.\n"
    "— Что будет дальше?\n"
    "— Дальше будем работать так же, как и раньше. Спокойно, без лишних эмоций, шаг за шагом, и результат "
    "обязательно придёт, в этом я уверен.\n"
)


def _answer_speakers(text: str, title: str = "", lead: str | None = None) -> set[str | None]:
    quotes = extract_quotes(text, title=title, lead=lead)
    answers = [q for q in quotes if q.rule == "interview_answer"]
    assert len(answers) == 2, [(q.rule, q.text[:30]) for q in quotes]
    return {q.speaker for q in answers}


@pytest.mark.parametrize("title, lead, intro, expected", [
    # talked with someone: "обсудил … с", "дозвонился до", "связались с", the case the preposition asks for
    ("«Справедливости не нашли»: адвокат боксёра дал интервью RT",
     "Суд признал вину спортсмена. RT обсудил обстоятельства дела с адвокатом Алексеем Карпенко, представляющим "
     "интересы Поветкина.", "", "Алексей Карпенко"),
    ("Норвежский флешмоб: фанаты создали страницу менеджера",
     "RT дозвонился до Кирилла Зангалиса и узнал, какой пост прочат ему поклонники Магнуса Карлсена.", "",
     "Кирилл Зангалис"),
    ("«Ничего случайного не бывает»: супруга бизнесмена о санкциях",
     "Мы связались с супругой Виктора — Аллой Бут, которая рассказала, в чём обвиняют её мужа.", "", "Алла Бут"),
    ("«Такое бывает раз в 20 лет»: прогноз погоды на январь",
     "RT выяснил у ведущего научного сотрудника Гидрометцентра Владимира Оганесяна, какая погода ожидает россиян.",
     "", "Владимир Оганесян"),
    # a name morphology cannot decline, written in the nominative
    ("«Европа останется за бортом»: инициатор отмены санкций в интервью RT",
     "Об этом в эксклюзивном интервью RT сообщил автор законопроекта, депутат от Народной партии Альдо Каркасси.",
     "", "Альдо Каркасси"),
    # the subject of an inverted sentence after a role phrase with "о" in it
    ("Тайна второй планеты: чего ожидать от исследований Венеры",
     "О будущем исследований RT рассказал популяризатор науки, автор статей о космических полётах Павел Шубин.",
     "", "Павел Шубин"),
    # the title names the interviewee by surname and role; the lead gives the full name among others
    ("«ЦСКА не обречён»: экс-игрок армейцев Гусев о дерби двух столиц",
     "Бывший полузащитник сборной Ролан Гусев выразил мнение, что матч получится ярким, а команда Виктора "
     "Гончаренко учтёт ошибки.", "", "Ролан Гусев"),
    # the title's surname only, in the gender the title writes it; completed from the lead
    ("«Базовое содержание учебников должно быть одинаковым»: министр образования Васильева — в интервью RT",
     "Министр образования и науки России Ольга Васильева в эксклюзивном интервью RT рассказала о приоритетах.",
     "", "Ольга Васильева"),
    # no lead, nobody named in the body: the title's surname as written
    ("«В нашем виде спорта допинг бесполезен»: кёрлингистка Сидорова о запрещённых препаратах", None, "",
     "Сидорова"),
    # the lead's pronoun cue: of two people named before, the one the title's role phrase points at
    ("«Ему осталось обвинить нас в потеплении»: глава МИД Кубы об ужесточении риторики Трампа",
     "Президент США Дональд Трамп денонсировал соглашение. Такая политика противоречит принципам прагматизма, "
     "уверен глава МИД Кубы Бруно Родригес Парилья. В интервью RT дипломат подчеркнул, что Гавана готова к "
     "диалогу.", "", "Бруно Родригес Парилья"),
    # a question word before a title's name: not the interviewee; a subordinate clause's name neither
    ("Плач Ярославны: почему Порошенко претендует на родство с княжной",
     "Пётр Порошенко заявил, что Путин похитил княжну. Притязания президента, как ещё называли дочь Ярослава "
     "Мудрого, прокомментировал в интервью RT историк Владимир Кучкин.", "", "Владимир Кучкин"),
    # a title quotation holding a quotation: the name inside it is not the title's subject
    ("«Не могу понять «закидонов» Фуркада»: олимпийский чемпион о скандале",
     "Олимпийский чемпион Владимир Барнашов в интервью RT признался, что не понимает мотивов Мартена Фуркада.", "",
     "Владимир Барнашов"),
    # the intro's pronoun before the cue: the one named before it, not a genitive near it
    ("«Квят принадлежит к сливкам автоспорта»: экс-комментатор о Гран-при", None,
     "Александр Потехин — один из самых уважаемых людей в отечественном автоспорте. В свои 64 года Потехин "
     "принял участие в гонке поддержки. Своими впечатлениями от карьеры Даниила Квята он с радостью поделился с "
     "корреспондентом RT.\n", "Александр Потехин"),
])
def test_answers_name_the_interviewee(title: str, lead: str | None, intro: str, expected: str) -> None:
    assert _answer_speakers(intro + _QA, title=title, lead=lead) == {expected}


def test_unnamed_interviewee_stays_unnamed() -> None:
    """Nobody named anywhere: the answers have no speaker rather than a guess."""
    title = "«Чтобы они чувствовали себя как дома»: американец рассказал, почему поддержал россиян флагом"
    assert _answer_speakers(_QA, title=title, lead=None) == {None}


def test_an_interview_opening_with_an_attributed_turn_is_no_quoted_conversation() -> None:
    text = ("Одной из главных героинь матча стала Юлия Манагарова.\n"
            "— Как мне удалось оказаться в нужном месте в нужную секунду? Все два тайма тренер говорил нам об этой "
            "комбинации, — рассказывает Манагарова. — Но наставления помогли, мы постарались.\n"
            + _QA)
    quotes = extract_quotes(text)
    answers = [q for q in quotes if q.rule == "interview_answer"]
    assert [q.text[:8] for q in answers] == ["Я считаю", "Дальше б"]
    assert {q.speaker for q in answers} == {"Юлия Манагарова"}
    assert [q.text for q in quotes if q.rule == "interview_question"] == [
        "Как вы оцениваете то, что произошло на прошлой неделе?", "Что будет дальше?"]
