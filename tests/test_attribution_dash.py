"""Speaker attribution after «…», — verb X: a role word with a complement names whoever the text gave that role."""
from __future__ import annotations

import pytest

from presssearch.quotes import extract_quotes


def _speaker_of(text: str, snippet: str) -> str | None:
    """The speaker of the innermost quote holding the snippet (fails when no quote holds it)."""
    at = text.index(snippet)
    quote = min((q for q in extract_quotes(text) if q.start <= at < q.end), key=lambda q: q.end - q.start)
    return quote.speaker


CASES = [
    pytest.param(  # "глава «Олимпстроя»": not the other "глава" (of the organising committee) named just before
        "В совещании участвовали глава оргкомитета Олимпиады Дмитрий Чернышенко и глава «Олимпстроя» Семен "
        "Вайншток. «Это будет реально рыночная цена», – утверждает Вайншток. По его словам, объявлен конкурс. "
        "«Оценщик выйдет на объект и по сегодняшним ценам произведет оценку», – пообещал глава «Олимпстроя».",
        "Оценщик выйдет", "Семен Вайншток", id="head-of-named-body"),
    pytest.param(  # "глава комиссии": the one introduced as head of the commission, not the former head of the city
        "Конкурс признан несостоявшимся, сообщил РИА Новости глава конкурсной комиссии, депутат Константин "
        "Изместьев. Предыдущий глава Игорь Волков покинул пост 1 февраля. «Дума приняла решение», — сказал "
        "Изместьев. По его словам, новый конкурс будет объявлен осенью. «Лето — это каникулы, думаю, что осенью "
        "дума вернется к этому вопросу», — отметил глава комиссии.",
        "Лето — это каникулы", "Константин Изместьев", id="head-of-commission"),
    pytest.param(  # the country after the role is no complement: "вице-президент Штатов" is the US vice-president
        "Вице-президент США Майк Пенс отказался исключить голоса выборщиков. «Моя присяга не дает мне претендовать "
        "на односторонние полномочия», — отметил вице-президент Штатов.",
        "Моя присяга", "Майк Пенс", id="land-is-no-complement"),
    pytest.param(  # a role in the dative is the addressee; the initialled name after it speaks
        "Приказ об отставке подписал президент России Владимир Путин. Мэр Сергей Собянин намерен баллотироваться. "
        "\"В целом работаете успешно, поэтому прошу Вас продолжить работу\", - пообещал ушедшему в отставку главе "
        "московского правительства В.Путин.",
        "В целом работаете", "Владимир Путин", id="dative-role-initialled-speaker"),
    pytest.param(  # "по словам прокуроров": several unnamed people, not the person named before
        "Брендт Кристенсен был одержим идеей убить человека. По словам прокуроров, Чжан оказалась «не в том месте "
        "в неподходящее время».",
        "не в том месте", None, id="plural-role-no-speaker"),
]


@pytest.mark.parametrize("text, snippet, speaker", CASES)
def test_dash_role_speaker(text: str, snippet: str, speaker: str | None) -> None:
    assert _speaker_of(text, snippet) == speaker



def test_initials_inside_a_quoted_institute_name_do_not_end_the_attribution() -> None:
    from presssearch.quotes import extract_quotes
    text = ("«Сегодня насыщенность почв минеральными элементами составляет от 80 до 130 кг/га», — заявил на круглом "
            "столе директор центра «Институт почвоведения и агрохимии имени А.Н. Соколовского» Святослав Балюк.")
    q = extract_quotes(text)[0]
    assert q.text == "Сегодня насыщенность почв минеральными элементами составляет от 80 до 130 кг/га"
    assert q.speaker == "Святослав Балюк"
