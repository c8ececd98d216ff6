"""Quotes given to another person than the one who speaks (session 7): one short example per cause fixed."""
from __future__ import annotations

from presssearch.quotes import extract_quotes


def _speaker_of(text: str, start: str, **kw: str) -> str | None:
    quote = next(q for q in extract_quotes(text, **kw) if q.text.startswith(start))
    return quote.speaker


def test_the_subject_of_a_contrasted_clause_speaks() -> None:
    text = ("Переговоры сорвались. Кристиан Линднер заявил, что лучше вообще не руководить правительством, "
            "а его коллега Фолькер Виссинг обвинил канцлера в «абсолютно неправильной оценке ситуации».")
    assert _speaker_of(text, "абсолютно неправильной") == "Фолькер Виссинг"


def test_a_role_named_subject_after_however_speaks() -> None:
    text = ("Журналисты искали, где живёт бывший президент Украины Виктор Янукович. Сам политик утверждал, что "
            "переехал в Ростов-на-Дону, однако бывший московский чиновник Олег Митволь сообщил, что «группа "
            "украинских граждан» приобрела для Януковича дом.")
    assert _speaker_of(text, "группа украинских") == "Олег Митволь"


def test_a_surname_with_a_verb_of_the_other_gender_is_the_namesake() -> None:
    text = ("Суд лишил Мару Багдасарян прав. «Имя этой проблемы — Мара Багдасарян», — сказал представитель ведомства.\n"
            "На заседании присутствовал её отец, предприниматель Эльмар Багдасарян. «Речь шла о подозрении на "
            "эпилепсию», — пояснил Багдасарян суду.\n"
            "Сама Багдасарян прокомментировала решение суда в Instagram: «да нету такого закона это очередное шоу».")
    assert _speaker_of(text, "да нету") == "Мара Багдасарян"


def test_a_newcomer_named_in_the_paragraph_before_speaks_after_the_pronoun() -> None:
    text = ("«Сохранить влияние в НАТО крайне важно для Берлина», — пояснил политолог Филипп Батлер.\n"
            "Стратегический аналитик Уильям Энгдаль также считает, что планы немцев далеки от реальности.\n"
            "«Это определённо нужно канцлеру, чтобы поднять свои шансы», — сказал он.")
    assert _speaker_of(text, "Это определённо") == "Уильям Энгдаль"


def test_a_person_named_inside_what_the_last_speaker_said_does_not_speak() -> None:
    text = ("«Ребята воплотили все ожидания», — рассказал Никита Крюков.\n"
            "Он также добавил, что нельзя винить во всём Алексея Червоткина.\n"
            "«Это был его первый старт на Олимпиаде», — отметил он.")
    assert _speaker_of(text, "Это был его") == "Никита Крюков"
