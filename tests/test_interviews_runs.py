"""Later runs of one interview: the title only telling news, a header line inside an embedded post, an answer
going on past a quoted line."""
from presssearch.quotes import extract_quotes
from presssearch.quotes.interviews import _title_speaks

LONG = "Мы долго готовились к этому сезону и считаем, что команда сейчас в хорошей форме, состав полностью здоров."


def _answers(text: str, title: str = "", lead: str = "") -> list[str | None]:
    return [q.speaker for q in extract_quotes(text, title=title, lead=lead) if q.rule == "interview_answer"]


def test_title_speaks() -> None:
    assert _title_speaks("«Второй год кряду»: Губерниев о предстоящем чемпионате")
    assert not _title_speaks("Без брюк и титула: шахматист Ковалёв покинул Кубок мира в Тбилиси")
    assert not _title_speaks(None)


def test_header_in_embedded_post_is_no_speaker() -> None:
    text = ("Главный тренер сборной Борис Игнатьев рассказал RT о подготовке команды к матчу.\n"
            f"— Как вы оцениваете шансы команды?\n— {LONG}\n— А что скажете о соперниках?\n— {LONG}\n"
            "Роберто Манчини: «Сыграли в Лиге Европы лучше, чем в прошлом сезоне»\n"
            "https://t.co/5By2Skvl8Q\n— ФК «Зенит» (@zenit_spb)\n15 марта 2018 г.\n"
            f"— Что будет дальше с составом?\n— {LONG}\n— А с тренерским штабом?\n— {LONG}\n")
    speakers = _answers(text)
    assert speakers and all(s == "Борис Игнатьев" for s in speakers)
