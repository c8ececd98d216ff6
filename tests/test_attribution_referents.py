"""Speaker attribution by reference: names after an outlet word, pronouns, role nouns and surnames (session 10)."""
from __future__ import annotations

import pytest

from presssearch.quotes import extract_quotes


def _speaker_of(text: str, snippet: str) -> str | None:
    """The speaker of the innermost quote holding the snippet (fails when no quote holds it)."""
    at = text.index(snippet)
    quote = min((q for q in extract_quotes(text) if q.start <= at < q.end), key=lambda q: q.end - q.start)
    return quote.speaker


CASES = [
    pytest.param(  # the name closing the clause after "в интервью" is who spoke, not the interviewer
        "Президент США Дональд Трамп дал интервью агентству Reuters. «Это было бы прекрасно, это была бы мечта о "
        "мире», — заявил в интервью Трамп. Потом он уехал.",
        "Это было бы", "Дональд Трамп", id="name-after-interview"),
    pytest.param(
        "Народный артист Олег Басилашвили тоже высказался. «Мы вместе с ним учились долгие годы», — рассказал "
        "агентству Басилашвили.",
        "Мы вместе", "Олег Басилашвили", id="name-after-agency"),
    pytest.param(  # a name in the dative after the outlet word is the addressee, never the speaker
        "«Было бы лучше, если бы мы ладили с Россией», — сообщил корреспонденту Ивану Петрову.",
        "Было бы лучше", None, id="dative-name-after-outlet-word"),
    pytest.param(  # a plural present-tense verb: many speak, not the one person named before
        "Мэр Сергей Собянин обратился к москвичам. Они говорят: «Госслужащему запрещено заниматься агитацией в "
        "рабочее время». Вот так.",
        "Госслужащему", None, id="plural-present-colon"),
    pytest.param(
        "Вчера выступил премьер Синдзо Абэ. Неожиданное поражение под Варшавой называют также «чудом над Вислой».",
        "чудом над", None, id="plural-present-naming"),
    pytest.param(  # the singular present tense still points to the person named before
        "Мэр Сергей Собянин обратился к москвичам. Он говорит: «Госслужащему запрещено заниматься агитацией в "
        "рабочее время». Вот так.",
        "Госслужащему", "Сергей Собянин", id="singular-present-colon"),
    pytest.param(  # the verb's gender rules out the man the role noun would point to
        "Сенатор Марк Уорнер выступил в сенате. «Это катастрофа для всех нас, и мы будем бороться», — сказала "
        "сенатор.",
        "Это катастрофа", None, id="role-of-other-gender"),
    pytest.param(  # the same role noun with the verb of his gender still points to him
        "Сенатор Марк Уорнер выступил в сенате. «Это катастрофа для всех нас, и мы будем бороться», — сказал "
        "сенатор.",
        "Это катастрофа", "Марк Уорнер", id="role-of-same-gender"),
    pytest.param(  # a role noun nobody holds: the one person introduced in the paragraph right before
        "Вице-премьер Аркадий Дворкович выступил на форуме.\n«Мы не используем ГМО в производстве нашей продукции», "
        "— рассказал вице-премьер.\nПо мнению главного редактора журнала «Агроинвестор» Николая Лычёва, сейчас самый "
        "подходящий момент, чтобы развивать зерновую отрасль.\n«К России сейчас огромный интерес как к "
        "макрорегиону», — отметил журналист.",
        "К России", "Николай Лычёв", id="unheld-role-introduced-before"),
    pytest.param(  # a single name closing the paragraph before the quote, after "и" or a role noun, speaks
        "В свою очередь, Ивелин Попов рассказал, что в раздевалке стояла тишина.\n«Иногда не фартит. У нас было "
        "много моментов», — заявил болгарин.\nНе смог объяснить причину такого результата и Фернандо.\n«Это сложно "
        "объяснить. Весь матч были лучше соперника», — подытожил бразилец.",
        "Это сложно", "Фернандо", id="single-name-closing-paragraph"),
    pytest.param(  # a name alone on a photo caption line is not who "он" points back to
        "Посол России Анатолий Антонов встретился с сенатором.\n«Мы обсудили перспективу восстановления связей», "
        "— сказал Антонов.\n Дональд Трамп \n AFP \n © Brendan Smialowski \n«Но с протянутой рукой ходить не "
        "будем», — сказал он.",
        "Но с протянутой", "Анатолий Антонов", id="photo-caption-name"),
    pytest.param(  # an adjective opening the name of a land after the role is no surname: the role's holder speaks
        "Глава Венесуэлы Николас Мадуро обратился к оппозиции. «Я вновь выдвигаю предложение и призываю начать "
        "диалог», — заявил президент Боливарианской республики.",
        "Я вновь", "Николас Мадуро", id="adjective-after-role"),
    pytest.param(  # a role subject whose qualifier never named the person: the one who spoke the quote before
        "Посол России Анатолий Антонов прибыл в Вашингтон.\n«Мы с протянутой рукой ходить не будем», — сказал "
        "Антонов.\nГлава дипмиссии сообщил, что граждане смогут проголосовать в посольстве.\n«Там, где есть наши "
        "представительства, будут открыты участки», — сказал он.",
        "Там, где", "Анатолий Антонов", id="role-subject-last-speaker"),
]


@pytest.mark.parametrize("text, snippet, speaker", CASES)
def test_referent_speaker(text: str, snippet: str, speaker: str | None) -> None:
    assert _speaker_of(text, snippet) == speaker


def _role_subject(text: str) -> tuple[str, str | None] | None:
    from presssearch.quotes.extract import paragraphs
    from presssearch.quotes.rules import Context
    ctx = Context(text, paragraphs(text))
    return ctx._role_subject_before(len(text), False)


def test_adverb_after_a_role_subject_is_no_qualifier() -> None:
    """"Мэр также сообщил, что …": "также" says nothing about whose mayor; "Директор супермаркета" keeps its own."""
    assert _role_subject("Мэр также сообщил, что время ожидания приёма сократилось. ") == ("мэр", None)
    assert _role_subject("Директор супермаркета рассказал RT, что покупателей стало меньше. ") == \
        ("директор", "супермаркета")
