"""Match keys of speakers for the ``speaker:`` filter: one key for every form of a person's name (any case, the
surname alone), and for an organisation its long and short names ("Министерство иностранных дел России", "МИД
РФ", "МИД России" → "мид россии") and its head alone ("МИД" → every МИД)."""
from __future__ import annotations

import re

from ..analysis.name_data import EXTRA_NAME_PARTICLES
from .marks import GEO_ABBR, NAME_PARTICLES, ORG_HEADS, ORG_KINDS, ORG_NOUNS, ORG_SPEAKERS, SPOKESMEN_HEADS
from .speakers import lemma, same_person_key

# Lower-case words that belong to personal names ("Урсула фон дер Ляйен", "Мохаммед бин Салман", "Ludwig van").
_NAME_PARTICLES = NAME_PARTICLES | EXTRA_NAME_PARTICLES | frozenset("von van der de di da del le la al bin ibn el".split())
_QUOTE_MARKS = re.compile(r"[«»\"„“”]")
# First words that make a name of capitalised words a body's ("Минобороны России", "Посольство Украины").
_BODY_WORDS = (ORG_SPEAKERS | ORG_NOUNS | ORG_HEADS | frozenset(ORG_KINDS)) - {"рада"}  # ("Рада Аджубей": a woman)


def is_organisation(name: str) -> bool:
    """True for a speaker name that is not a personal name: it has a lower-case word that is no name particle
    ("Министерство иностранных дел КНР", "мэрия Москвы"), an abbreviation ("МИД России", "ФСБ"), quotation
    marks, or a first word that names a body ("Минобороны России", "Посольство Украины"). One capitalised word
    ("Газпром", "Бурков") is read as a name: its case forms share the surname key."""
    if _QUOTE_MARKS.search(name):
        return True
    words = name.split()
    if len(words) > 1 and words[0].lower() in _BODY_WORDS:
        return True
    if any(w[:1].islower() and w.lower().partition("-")[0] not in _NAME_PARTICLES for w in words):  # ("аль-Багдади")
        return True
    return any(len(w) > 1 and w.isupper() and w.isalpha() for w in words)


def speaker_key(name: str) -> str:
    """The one key a name typed in ``speaker:`` / ``--speaker`` is looked up by."""
    if not is_organisation(name):
        return same_person_key(name)
    from .orgs import org_key  # (~30 ms of regular expressions a search for a person does not need)

    return org_key(name)


def body_key(name: str) -> str:
    """An organisation's key ("МИД РФ", "Министерство иностранных дел России" → "мид россии"); "" for a person's
    name (no morphology asked: cheap for every speaker of an index)."""
    if not is_organisation(name):
        return ""
    from .orgs import org_key

    return org_key(name)


def speaker_index_keys(name: str) -> str:
    """The keys a speaker is indexed under, comma-separated: a person's key; an organisation's name key, its head
    word and an abbreviation it ends with, not a place's ("мид россии", "мид"; "пресс-служба банка втб", …, "втб"),
    so its long, short and head-only names find it."""
    if not is_organisation(name):
        return same_person_key(name)
    from .orgs import org_key

    key = org_key(name)
    last = name.split()[-1]
    brand = last.lower() if last.isupper() and last.isalpha() and last.lower() not in GEO_ABBR else ""
    return ",".join(dict.fromkeys(k for k in (key, key.partition(" ")[0], brand, _spoken_for(name)) if k))


def _spoken_for(name: str) -> str:
    """The key of the body a press service speaks for ("Пресс-служба Кремля" → "кремль", "Пресс-служба Минобороны
    РФ" → "минобороны россии"), so that the body's name finds its press service too; "" for any other name."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in SPOKESMEN_HEADS:
        return ""
    from .orgs import org_key

    first, more = words[1], " ".join(words[2:])
    if not more:
        return same_person_key(first)  # (a one-word body in the genitive: its nominative)
    return org_key(f"{first if first.isupper() else lemma(first)} {more}")  # ("Министерства обороны России")
