"""Turn the bytes of a text file into clean text, or say plainly why that is impossible.

Order of guesses: byte-order mark (UTF-8, UTF-16, UTF-32), NUL bytes (binary, unless the NULs
look like BOM-less UTF-16 of Latin/Cyrillic text), UTF-8, then cp1251 or KOI8-R only when the
result reads as Russian. Nothing is ever decoded "with replacement": no silent mojibake.
"""
from __future__ import annotations

import codecs
import re

from .lists import FREQUENT_RUSSIAN_LETTERS

HEAD_BYTES = 8192  # how much is inspected for NUL bytes
SCORE_SAMPLE_CHARS = 65536  # how much decoded text is scored
MIN_RUSSIAN_SCORE = 0.3  # share of frequent lowercase letters among Cyrillic letters

BINARY = "binary file"
UNKNOWN_ENCODING = "cannot tell the text encoding (not UTF-8, cp1251 or KOI8-R)"

# UTF-32 LE must be tested before UTF-16 LE: its BOM starts with the same two bytes.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_LEGACY = ("cp1251", "koi8_r")

_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029\ufeff]")
_ODD_TABLE = {c: None for c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, 0xFEFF]}
_ODD_TABLE.update({c: "\n" for c in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)})
_C1_CONTROLS = re.compile("[\x80-\x9f]")


class DecodeFailure(ValueError):
    """Bytes that cannot be turned into text safely; ``str(e)`` is a one-line reason."""


def bom(data: bytes) -> tuple[str, int, str] | None:
    """(codec without BOM handling, BOM length, label) when ``data`` starts with a byte-order mark."""
    for mark, codec, label in _BOMS:
        if data.startswith(mark):
            return codec, len(mark), label
    return None


def clean_text(text: str) -> str:
    """Normalise line breaks to ``\\n``; drop BOMs and control characters other than tab/newline."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD.search(text):
        text = text.translate(_ODD_TABLE)
    return text


def decode_bytes(data: bytes) -> str:
    """Decode a whole text file's bytes to clean text, or raise DecodeFailure with the reason."""
    return clean_text(_decode(data))


def _decode(data: bytes) -> str:
    marked = bom(data)
    if marked is not None:
        codec, skip, label = marked
        try:
            text = data[skip:].decode(codec)
        except UnicodeDecodeError:
            raise DecodeFailure(f"damaged {label} text (invalid bytes after its byte-order mark)") from None
        if label != "UTF-8" and not _readable(text[:SCORE_SAMPLE_CHARS]):  # (random bytes after FF FE: CJK soup)
            raise DecodeFailure(f"not {label} text: the bytes after its byte-order mark read as no language")
        return text
    if b"\x00" in data[:HEAD_BYTES]:
        text = _bomless_utf16(data)
        if text is None:
            raise DecodeFailure(BINARY)
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_legacy(data)


def decode_legacy(data: bytes) -> str:
    """Decode cp1251 or KOI8-R bytes, whichever reads as Russian; else raise DecodeFailure."""
    best: tuple[float, str] | None = None
    for codec in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = russian_score(text)
        if score is not None and score >= MIN_RUSSIAN_SCORE and (best is None or score > best[0]):
            best = (score, text)
    if best is None:
        raise DecodeFailure(UNKNOWN_ENCODING)
    return best[1]


def russian_score(text: str) -> float | None:
    """Share of frequent lowercase Russian letters among the Cyrillic letters of ``text``.

    None when the text cannot be Russian: C1 control characters, no Cyrillic letters, or
    Cyrillic letters fewer than the Latin ones.
    """
    sample = text[:SCORE_SAMPLE_CHARS]
    if _C1_CONTROLS.search(sample):
        return None
    cyrillic = frequent = latin = 0
    for ch in sample:
        if "а" <= ch <= "я" or "А" <= ch <= "Я" or ch in "ёЁ":
            cyrillic += 1
            if ch in FREQUENT_RUSSIAN_LETTERS:
                frequent += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if cyrillic == 0 or cyrillic < latin:
        return None
    return frequent / cyrillic


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NULs all on odd (LE) or all on even (BE) offsets, readable result."""
    head = data[:HEAD_BYTES]
    parities = {i % 2 for i, b in enumerate(head) if b == 0}
    if len(parities) != 1 or len(data) % 2:
        return None
    codec = "utf-16-le" if parities == {1} else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return text if _readable(text[:SCORE_SAMPLE_CHARS]) else None


def _readable(sample: str) -> bool:
    """Printable, and its letters mostly Latin or Cyrillic (random bytes decode to CJK soup)."""
    letters = european = 0
    for ch in sample:
        if not (ch.isprintable() or ch in "\n\r\t"):
            return False
        if ch.isalpha():
            letters += 1
            if ch.isascii() or "\u0400" <= ch <= "\u04ff":
                european += 1
    return letters > 0 and european >= 0.8 * letters
