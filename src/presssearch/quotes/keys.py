"""Match keys of speakers for the ``speaker:`` filter: one key for every form of a person's name (any case, the
surname alone), and for an organisation its long and short names ("Министерство иностранных дел России", "МИД
РФ", "МИД России" → "мид россии") and its head alone ("МИД" → every МИД)."""
from __future__ import annotations

import re

from ..analysis.name_data import EXTRA_NAME_PARTICLES
from .marks import GEO_ABBR, NAME_PARTICLES
from .speakers import same_person_key

# Lower-case words that belong to personal names ("Урсула фон дер Ляйен", "Мохаммед бин Салман", "Ludwig van").
_NAME_PARTICLES = NAME_PARTICLES | EXTRA_NAME_PARTICLES | frozenset("von van der de di da del le la al bin ibn el".split())
_QUOTE_MARKS = re.compile(r"[«»\"„“”]")


def is_organisation(name: str) -> bool:
    """True for a speaker name that is not a personal name: it has a lower-case word that is no name particle
    ("Министерство иностранных дел КНР", "мэрия Москвы"), an abbreviation ("МИД России", "ФСБ"), or quotation
    marks. One capitalised word ("Газпром", "Бурков") is read as a name: its case forms share the surname key."""
    if _QUOTE_MARKS.search(name):
        return True
    words = name.split()
    if any(w[:1].islower() and w.lower().partition("-")[0] not in _NAME_PARTICLES for w in words):  # ("аль-Багдади")
        return True
    return any(len(w) > 1 and w.isupper() and w.isalpha() for w in words)


def speaker_key(name: str) -> str:
    """The one key a name typed in ``speaker:`` / ``--speaker`` is looked up by."""
    if not is_organisation(name):
        return same_person_key(name)
    from .orgs import org_key  # (~30 ms of regular expressions a search for a person does not need)

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
    return ",".join(dict.fromkeys(k for k in (key, key.partition(" ")[0], brand) if k))
