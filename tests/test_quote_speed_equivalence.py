"""Speed rewrites in quote attribution find exactly what the plain patterns they replace find."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from presssearch.quotes import speakers

# The patterns as first written (slower to scan, the same matches).
_CAP_TOKEN_PLAIN = re.compile(r"(?<![А-ЯЁа-яё])(?:[А-ЯЁ]['’])?[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")
_SPEECH_BEFORE_PLAIN = re.compile(r"([а-яё]+)(?:[ \u00a0]+[а-яё]+){0,2}[ \u00a0]+$")

_PIECES = ["О", "Н", "Д", "Ив", "ан", "ов", "по", "ПО", "со", "Со", "слов", "СЛОВАМ", "мнению", "оценке", "данным",
           "сказал", "'", "’", "-", " ", "\u00a0", "\n", ",", "«", "»", "a", "Z", "\u1c80", "\u1c82", "\u1c83", "ё", "Ё"]
texts = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_cap_token_same_matches(text: str) -> None:
    spans = [m.span() for m in speakers._CAP_TOKEN.finditer(text)]
    assert spans == [m.span() for m in _CAP_TOKEN_PLAIN.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 60))
def test_speech_before_same_match(text: str, back: int) -> None:
    lo = max(0, len(text) - back)
    new, old = speakers._SPEECH_BEFORE.search(text, lo), _SPEECH_BEFORE_PLAIN.search(text, lo)
    assert (new and (new.span(), new.groups())) == (old and (old.span(), old.groups()))


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["Иван", "Петров"]))
def test_opinion_holder_same_as_its_pattern(text: str, name: str) -> None:
    full = text + name
    g = speakers.Group(len(text), len(full), (name,), ("Name",))
    plain = speakers._OPINION_BEFORE.search(full, max(0, g.start - 160), g.start) is not None
    assert speakers._opinion_holder(full, g) == plain


def test_opinion_holder_reads_folded_letters() -> None:
    """re's IGNORECASE takes U+1C82 for "о" and U+1C83 for "с": the cheap test must not miss them."""
    text = "п\u1c82 \u1c83л\u1c82вам Иван"
    g = speakers.Group(len(text) - 4, len(text), ("Иван",), ("Name",))
    assert speakers._opinion_holder(text, g)
