"""Precision of quote extraction: quoted text that is no quote under the gold conventions is not taken."""
from presssearch.quotes import extract_quotes

_SPEECH = "«Мы сделаем всё, чтобы команда вернулась в элиту», — заявил главный тренер Иван Петров.\n"


def test_section_heading_after_speech_is_no_quote() -> None:
    """An RT section heading («Цель США — устранить Асада») under a paragraph ending in attributed speech."""
    text = _SPEECH + "«Цель США — устранить Асада»\nПервый заместитель председателя комитета рассказал о планах.\n"
    assert [q.text for q in extract_quotes(text)] == ["Мы сделаем всё, чтобы команда вернулась в элиту"]


def test_heading_with_inner_stops_is_no_quote() -> None:
    text = _SPEECH + "«Она всегда отмечает Россию. Ей нравится Россия»\nЗаявление постпреда вызвало споры.\n"
    assert all("Ей нравится" not in q.text for q in extract_quotes(text))


def test_quote_closed_by_a_stop_after_speech_stays() -> None:
    """A quotation on a line of its own that ends with a stop is the speaker's next sentences, not a heading."""
    text = _SPEECH + "«Цель клуба — вернуться в элиту. Мы это сделаем».\nСезон начнётся в августе.\n"
    assert any(q.text.startswith("Цель клуба") for q in extract_quotes(text))


def test_name_inside_sentence_before_dash_is_no_quote() -> None:
    text = ("«Мы хотим играть так же, как в «Црвене Звезде» и «Наполи», — приводит слова игрока официальный сайт "
            "клуба.\nРанее сегодня источники в двух партиях — PASOK и «Новая демократия» — сообщили о согласии.\n")
    assert all(q.text not in ("Наполи", "Новая демократия") for q in extract_quotes(text))


def test_clause_after_that_before_dash_stays() -> None:
    text = "Министр заявил, что «Мы готовы к диалогу с соседями», — передаёт ТАСС.\n"
    assert [q.text for q in extract_quotes(text)] == ["Мы готовы к диалогу с соседями"]


def test_embedded_tweet_original_is_no_quote() -> None:
    text = ("«Обращаюсь ко всем маленьким девочкам: никогда не сомневайтесь в себе», — написала Клинтон.\n"
            "\"To all the little girls watching, never doubt that you are valuable and powerful\"\n"
            "Сторонники политика поддержали её.\n")
    assert all(not q.text.startswith("To all") for q in extract_quotes(text))
