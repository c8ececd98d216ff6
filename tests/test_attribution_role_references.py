"""A role after a quote that names its holder by a reference, not a name: the person it points to."""
from __future__ import annotations

from presssearch.quotes import extract_quotes


def _quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text)]


def test_head_of_a_body_in_the_genitive_is_its_head_not_the_body() -> None:
    text = ("Глава Московской городской избирательной комиссии Валентин Горбунов рассказал о концертах. По словам "
            "Горбунова, в нынешнем году решено учесть проблемы. «Потом мы с нашими молодежными организациями города "
            "провели опросы: что удалось, а что не удалось», – отметил глава Мосгоризбиркома.")
    assert _quotes(text) == [("Потом мы с нашими молодежными организациями города провели опросы: что удалось, "
                              "а что не удалось", "Валентин Горбунов")]
