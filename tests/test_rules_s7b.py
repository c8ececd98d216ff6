"""Speakers named back through "собеседник RT", a body's representative or a role with adjectives (session 7b);
guards that unnamed sources stay unnamed."""
from __future__ import annotations

from presssearch.quotes import extract_quotes


def _speaker_of(text: str, start: str, **kw: str) -> str | None:
    quote = next(q for q in extract_quotes(text, **kw) if q.text.startswith(start))
    return quote.speaker


def test_the_interlocutor_in_the_genitive_is_the_person_just_quoted() -> None:
    text = ("По мнению Натальи Ерёминой, брексит усилил дисбаланс. «Мы видим, что население не понимает, что "
            "происходит», — полагает политолог. В результате, по словам собеседницы RT, в ближайшее время «ни одна "
            "из этих политических сил не получит поддержку большинства».")
    assert _speaker_of(text, "ни одна из") == "Наталья Ерёмина"


def test_a_representative_of_the_body_the_speaker_belongs_to_is_that_speaker() -> None:
    text = ("Первый зампред комитета Совета Федерации по обороне Франц Клинцевич предлагает подключить ООН.\n"
            "«Полагаю, что и эту задачу можно решить коллективными усилиями», — заявил Клинцевич.\n"
            "При этом сам меморандум представитель Совета Федерации назвал «отправной точкой, позволяющей с "
            "оптимизмом смотреть в будущее».")
    assert _speaker_of(text, "отправной точкой") == "Франц Клинцевич"


def test_a_role_noun_after_adjectives_points_back_to_the_one_just_quoted() -> None:
    text = ("Президент Федерации лыжных гонок России Елена Вяльбе рассказала, что шокирована новостями.\n"
            "«Надежда была, а теперь, кроме шока, ничего не испытываю», — заявила трёхкратная олимпийская чемпионка.")
    assert _speaker_of(text, "Надежда была") == "Елена Вяльбе"


def test_an_interlocutor_after_an_unnamed_representative_stays_unnamed() -> None:
    text = ("В Интерполе подтвердили факт объявления в розыск Леонида Невзлина.\n"
            "«Материалы направлены в Лион», — заявил в пятницу представитель НЦБ.\n"
            "«Поручение на розыск мы получили 16 января», — сказал собеседник агентства.")
    assert _speaker_of(text, "Поручение на розыск") is None


def test_an_interlocutor_after_a_body_speaking_stays_unnamed() -> None:
    text = ("Полпред ДНР Денис Пушилин сообщил, что передача пройдёт в офисе миссии. «Сегодня в Донецк прибывают "
            "представители Голландии», — сказал Пушилин.\n"
            "При этом в Генпрокуратуре ДНР заявили, что не закрывали дело.\n"
            "«Дело по факту крушения остаётся открытым», — сказал собеседник агентства.")
    assert _speaker_of(text, "Дело по факту") is None


def test_an_interlocutor_who_asked_not_to_be_named_stays_unnamed() -> None:
    text = ("«Школа делает всё возможное», — говорит Екатерина Саттарова.\n"
            "«Самая большая претензия — к школьным психологам», — делится собеседница, попросившая не указывать "
            "её имени.\n"
            "По мнению собеседницы RT, ответственность должны понести родители, поскольку «упущения в воспитании "
            "начинаются прежде всего с семьи».")
    assert _speaker_of(text, "упущения в воспитании") is None


def test_a_source_of_a_ministry_is_no_outlets_interlocutor() -> None:
    text = ("«Мы готовы помогать следствию», — сказал Денис Пушилин.\n"
            "«Дело остаётся открытым», — цитирует РИА Новости собеседника ведомства.")
    assert _speaker_of(text, "Дело остаётся") is None


def test_a_source_in_a_ministry_then_called_interlocutor_stays_unnamed() -> None:
    text = ("«Бюджет не выдержит», — сказал экономист Андрей Герус.\n"
            "Источник RT в Министерстве образования Украины заявил, что вузы закроют.\n"
            "«Около десяти учебных заведений в других регионах также отправляют студентов домой», — рассказал "
            "собеседник RT.")
    assert _speaker_of(text, "Около десяти") is None
