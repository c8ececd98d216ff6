"""``names.dictionary_readings`` reads pymorphy3's dictionary directly (private API of the pinned version) so
that quote attribution and the names layer can skip a parse; these tests guard that it gives exactly the
readings a parse gives, or nothing."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.analysis.names import dictionary_readings, parses_as_given

KNOWN = ["сказал", "заявила", "стали", "мыла", "бурков", "буркова", "медведева", "ивановой", "ёлка", "елка",
         "министр", "мин", "и", "о", "москве", "путин", "пресс-служба", "кабмина", "уши"]


def _parse_readings(word: str) -> Counter:
    return Counter((p.normal_form, str(p.tag)) for p in parses_as_given(word))


def _read(word: str) -> Counter:
    return Counter((nf, str(tag)) for nf, tag in dictionary_readings(word))


def test_known_words_read_exactly_as_parsed() -> None:
    for word in KNOWN:
        readings = _read(word)
        assert readings, word
        assert readings == _parse_readings(word), word


def test_unknown_and_capitalised_words_are_left_to_the_parser() -> None:
    assert dictionary_readings("кваргблин") == ()
    assert dictionary_readings("Бурков") == ()
    assert dictionary_readings("") == ()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюя-", min_size=1, max_size=9))
def test_readings_are_the_parse_or_nothing(word: str) -> None:
    readings = _read(word)
    assert not readings or readings == _parse_readings(word)
