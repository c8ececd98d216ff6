"""The one Russian analysis used for indexing and for queries.

``analyze(text)`` turns text into index terms with positions and offsets:
lowercase, ё→е, stop words dropped (positions kept), Snowball stems (PyStemmer, in C, cached),
Latin words through the English stemmer, hyphenated words whole and by parts, and name lemmas and
"≈" spelling keys (see ``names``) at the same position as the stem. Queries use the same terms, except
that a known name in the nominative is looked up by its lemma alone (``query_terms``).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator, NamedTuple

import snowballstemmer

from . import names
from .stopwords import ENGLISH, RUSSIAN
from .tokenize import _HYPHEN_RE, fold, words

STOP_WORDS = RUSSIAN | ENGLISH

_ru = snowballstemmer.stemmer("russian")
_en = snowballstemmer.stemmer("english")


class Term(NamedTuple):
    term: str  # what goes into the index
    pos: int  # word position (stop words count, so phrases stay exact)
    start: int  # offsets of the word it came from, as written
    end: int


def _is_latin(word: str) -> bool:
    return word.isascii()


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """Stem a folded (lowercase, ё→е) word with the Russian or English Snowball stemmer."""
    return _stem(word)


def _stem(word: str) -> str:
    """``stem`` uncached (PyStemmer keeps its own cache)."""
    if word.isdigit():
        return word
    if _is_latin(word):
        return _en.stemWord(word)
    return _ru.stemWord(word)


@lru_cache(maxsize=500_000)
def word_terms(word: str) -> tuple[str, ...]:
    """All index terms of one word as written: stem(s), hyphen parts, name lemmas. No duplicates.

    Stop words give () (but a capitalised "Ли" is a name: see ``names``). Queries use the same terms
    except for known names in the nominative (``query_terms``).
    """
    return terms_of(word, exact_term(word))


def exact_term(word: str) -> str:
    """The unstemmed form used by the exact field (``=Бурков``): folded, stop words kept."""
    folded = word.lower().replace("ё", "е")
    return _HYPHEN_RE.sub("-", folded) if "\u2010" in folded or "\u2011" in folded else folded


def word_analysis(word: str) -> tuple[str, tuple[str, ...]]:
    """``(exact_term(word), word_terms(word))`` in one step, uncached (for indexing's own word cache)."""
    exact = exact_term(word)
    return exact, terms_of(word, exact)


def words_analysis(words: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """``word_analysis`` of each word (for indexing's batches of new words): the plain ones — not
    capitalised, not ASCII, not a stop word, not hyphenated, not a number, about two thirds — are stemmed
    by one PyStemmer call, the others one by one."""
    exacts = [exact_term(w) for w in words]
    out: list = [None] * len(words)
    plain: list[int] = []
    for i, (word, folded) in enumerate(zip(words, exacts)):
        if (word[:1].isupper() or "-" in folded or folded in STOP_WORDS or folded.isascii()
                or folded.isdigit()):
            out[i] = (folded, terms_of(word, folded))
        else:
            plain.append(i)
    if plain:
        for i, s in zip(plain, _ru.stemWords([exacts[i] for i in plain])):
            out[i] = (exacts[i], (s,))
    return out


def terms_of(word: str, folded: str) -> tuple[str, ...]:
    """``word_terms`` of ``word`` given its ``exact_term`` (``folded``)."""
    if folded in STOP_WORDS:
        return names.stop_word_name_terms(word)
    first = _stem(folded)
    if "-" in folded:
        out = [first]
        for part in folded.split("-"):
            if part and part not in STOP_WORDS:
                out.append(_stem(part))
    elif word[:1].isupper():
        out = [first]
    else:
        return (first,)
    if word[:1].isupper():
        out.extend(names.lemma_terms(word.replace("ё", "е").replace("Ё", "Е")))
    return tuple(dict.fromkeys(out))


def analyze(text: str) -> Iterator[Term]:
    """Stemmed terms of ``text`` with positions and offsets (several terms may share a position)."""
    for pos, (w, start, end) in enumerate(words(text)):
        for t in word_terms(w):
            yield Term(t, pos, start, end)


def analyze_exact(text: str) -> Iterator[Term]:
    """Exact (unstemmed, folded) terms of ``text``, one per word, stop words kept."""
    for pos, (w, start, end) in enumerate(words(text)):
        yield Term(exact_term(w), pos, start, end)


@lru_cache(maxsize=100_000)
def query_terms(word: str) -> tuple[str, ...]:
    """Terms a query word matches: the same as indexing it, except that a known name in the
    nominative ("Бурков") is looked up by its name lemma(s) alone, so it does not meet "бурка"."""
    if fold(word) in STOP_WORDS:
        return word_terms(word)
    return names.query_name_terms(word.replace("ё", "е").replace("Ё", "Е")) or word_terms(word)
