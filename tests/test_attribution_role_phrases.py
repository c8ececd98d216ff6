"""Attribution through long role phrases, colon clauses named after the verb, and link lines ending an attribution."""
from __future__ import annotations

from presssearch.quotes import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_role_complement_joined_by_and_before_name() -> None:
    text = ("Вчера прошла встреча. «Перед госкорпорацией стоят глобальные задачи», – подчеркнул директор по "
            "закупкам, материально-техническому обеспечению и управлению качеством Роман Зимонас.")
    assert _speakers(text) == ["Роман Зимонас"]


def test_colon_clause_named_after_verb_past_a_body_word() -> None:
    text = ("Вчера прошла встреча. Другие детали к портрету управленца из госкорпорации в интервью «Ведомостям» "
            "добавлял бывший заместитель министра энергетики, бывший член совета директоров РАО ЕЭС Виктор Кудрявый: "
            "«Абызов не забывал в РАО и о своих интересах. В реформу Абызов не лез».")
    assert _speakers(text) == ["Виктор Кудрявый"]


def test_link_line_after_preposition_finishes_the_attribution() -> None:
    text = ("Сотрудники ФСБ задержали четверых.\n«Задержаны четверо участников так называемой спящей ячейки», — "
            "говорится в \nсообщении Кремля\nЛичности задержанных не разглашаются.")
    assert _speakers(text) == ["Кремль"]
