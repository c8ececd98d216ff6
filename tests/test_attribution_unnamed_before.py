"""Speakers named in shapes the attribution rules used to leave unnamed: one short example each."""
from __future__ import annotations

from .conftest import speaker_of


def test_anonymity_inside_the_reported_words_does_not_hide_the_speaker() -> None:
    text = ("Советник президента Келлиэн Конуэй заявила, что Трамп не знал о докладе.\n"
            "Конуэй также отметила, что все источники в сообщениях СМИ являются неназванными и что "
            "«ничего не было доказано».")
    assert speaker_of(text, "ничего не было") == "Келлиэн Конуэй"


def test_an_unnamed_source_stays_unnamed() -> None:
    text = ("Министр финансов Иван Петров выступил в парламенте.\n"
            "Источник в министерстве, пожелавший остаться неназванным, сообщил, что реформа "
            "«будет отложена как минимум на два года».")
    assert speaker_of(text, "будет отложена") is None


def test_an_adverb_after_a_role_noun_does_not_make_it_someone_else() -> None:
    text = ("Президент Франции Франсуа Олланд считает, что у Ле Пен есть шансы. «Угроза существует», — ответил Олланд.\n"
            "В интервью газете Le Monde французский лидер также сообщил: «Крайне правые никогда ещё не были "
            "так высоко за последние 30 лет».")
    assert speaker_of(text, "Крайне правые") == "Франсуа Олланд"


def test_a_surname_the_lead_gives_in_full() -> None:
    lead = "По мнению британского политика Джорджа Гэллоуэя, референдум меняет политическую карту мира."
    text = ("Британия проголосовала за выход из Евросоюза.\n"
            "Комментируя заявления Барака Обамы, Гэллоуэй выразил следующее мнение: «Я думаю, что мы имеем дело "
            "с эффектом бумеранга».")
    assert speaker_of(text, "Я думаю", lead=lead) == "Джордж Гэллоуэй"


def test_a_gerund_of_speech_names_the_subject() -> None:
    text = ("Эту инициативу продвигал Минтруд, отмечая, что мера позволит довести период выплат "
            "«до приближённых к реальным значениям продолжительности жизни».")
    assert speaker_of(text, "до приближённых") == "Минтруд"


def test_speech_reported_inside_a_that_clause_is_its_subjects() -> None:
    text = ("Самолётом командовал генерал Анджей Бласик.\n"
            "Польские эксперты считают, что Бласик произнёс следующие слова: «Это факт, мы должны это сделать, "
            "до конца».")
    assert speaker_of(text, "Это факт") == "Анджей Бласик"


def test_a_second_predicate_of_the_reporter_stays_the_reporters() -> None:
    text = ("Министр иностранных дел Джереми Хант в интервью сообщил, что Борис Джонсон сыграл большую роль в "
            "деле Скрипалей, а также назвал своего предшественника «одной из выдающихся движущих сил британской "
            "политики».")
    assert speaker_of(text, "одной из выдающихся") == "Джереми Хант"
