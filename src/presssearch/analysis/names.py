"""Name-aware terms: dictionary lemmas of capitalised words, so every case form of a name meets.

Snowball stems split names ("Бурков" → "бурк", "Буркова" → "бурков"); pymorphy3 lemmas join them. Rules:

- Index (``lemma_terms``): a capitalised word of two or more letters gets the lemmas of its noun parses
  (proper or common: "Скрипали" → "скрипаль"); parses that pymorphy3 only guessed (words not in its
  dictionary, mostly foreign names) count whatever their part of speech. A feminine surname form
  ("Захаровой") adds the feminine nominative ("захарова") beside the masculine lemma ("захаров"), and a
  word shaped like a masculine nominative surname ("Бурдюков", which the dictionary reads as a plural
  genitive) adds itself, and so does an unknown word ending in a consonant ("Пашинян", stemmed "пашиня"
  while "Пашиняну" stems to "пашинян"). Hyphenated names add the terms of their capitalised parts.
- Spelling keys: a word that reads as a name or is unknown also gets "≈"-marked keys of its name
  lemmas (э → е, doubled letters single, no final ь), so transliteration variants of foreign names
  meet ("Мэй"/"Мей", "Дэвис"/"Девис", "Гренелл"/"Гренель"). The mark keeps keys apart from stems:
  the key "≈мог" of "Могг" must not meet the stem of "мог".
- Query (``query_name_terms``): a word the dictionary knows as a name in the nominative ("Бурков",
  "Путин", "Казахстан") is searched by its name lemma(s) alone, without the stem, so "Бурков" does not
  meet "бурка". A feminine surname whose commonest reading is the woman ("Захарова") is searched by the
  feminine lemma: the woman in every case, and the man only where the form is the same ("Захарова" gen.).
  The query keeps the lemmas' spelling keys. Other words return () and are searched like any word.

Lemmas are lowercased with ё → е; they go into the index as plain terms, so they meet the stems: the
lemma "казахстан" of "Казахстан" is the stem of "Казахстаном" (and of a lowercase query "казахстаном").
scripts/eval_names.py measures plain against marked lemmas: equal on capitalised queries, better on
lowercase ones.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

import pymorphy3
from pymorphy3.analyzer import Parse
from pymorphy3.units import DictionaryAnalyzer

from . import name_data
from .tokenize import fold, hyphen_parts, normalize_hyphens

# --- data -------------------------------------------------------------------------------------
PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})  # pymorphy3 proper-noun grammemes
KEY_MARK = "\u2248"  # "≈": prefix of spelling keys, which live apart from stems and lemmas
MIN_LEN = 2  # shorter capitalised words are initials ("В. Путин")
# Stop words that, capitalised, can only be names (an enclitic never starts a sentence): "Филип Ли".
NAME_STOP_WORDS = frozenset({"Ли"})
# A masculine nominative surname shape: -ов/-ев/-ин/-ын (ё folded) after at least two letters.
_SURNAME_RE = re.compile(r"\w{2,}(?:ов|ев|ин|ын)")
_DOUBLE_RE = re.compile(r"(\w)\1+")
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
_NOUNISH = frozenset({"NOUN", "UNKN"})
_PROPER_OR_UNKN = PROPER | {"UNKN"}
_FEM_SURNAME = frozenset({"Surn", "femn"})
_NOM_SING = frozenset({"nomn", "sing"})


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    """The one pymorphy3 analyzer (loaded on first use, ~0.1 s). The pinned dictionary package is named
    directly: finding it through the installed packages' entry points took a third of the load."""
    try:
        import pymorphy3_dicts_ru
    except ImportError:  # another dictionary package: let pymorphy3 find it
        return pymorphy3.MorphAnalyzer()
    return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru")


def parse_word(word: str) -> tuple[Parse, ...]:
    """pymorphy3's analyses of ``word``; () for text it cannot take (pymorphy3 raises ValueError on
    characters that have no Unicode name, e.g. Tangut)."""
    try:
        return tuple(morph().parse(word))
    except ValueError:
        return ()


@lru_cache(maxsize=200_000)
def parses_as_given(word: str) -> tuple[Parse, ...]:
    """``parse_word``, cached; quote attribution (``quotes.speakers.parses``) shares this cache."""
    return parse_word(word)


@lru_cache(maxsize=1)
def _dictionary_first() -> bool:
    """pymorphy3 reads a word with its dictionary first and stops there when the dictionary knows it (the
    analyzer's first unit group: the dictionary, and initials, which only a capital letter is)."""
    units = getattr(morph(), "_units", None) or [(None, True)]
    if type(units[0][0]) is not DictionaryAnalyzer:
        return False
    if units[0][1]:
        return True
    for unit, terminal in units[1:]:
        if not _initials_only(unit):
            return False
        if terminal:
            return True
    return False


def _initials_only(unit: object) -> bool:
    """An analyzer unit that reads only capital letters standing alone (initials)."""
    letters = getattr(unit, "_letters_set", None)
    return isinstance(letters, (set, frozenset)) and not any(ch.islower() for ch in letters)


@lru_cache(maxsize=200_000)
def dictionary_readings(word: str) -> tuple[tuple[str, Any], ...]:
    """(normal form, tag) of every dictionary reading of a lowercase word, read straight from pymorphy3's
    dictionary: no Parse objects, no probabilities (~10× cheaper than parsing). For a word the dictionary knows
    these are exactly the normal forms and tags of ``parses_as_given(word)``, in another order; () for a word it
    does not know (or not lowercase): its readings are guesses, parse it. A question every reading answers alike
    (all verbs, one normal form) is so answered without a parse."""
    if not word or word != word.lower() or not _dictionary_first():
        return ()
    m = morph()
    d = m.dictionary
    out = []
    for fixed, entries in d.words.similar_items(word, m.char_substitutes):
        for para_id, idx in entries:
            out.append((d.build_normal_form(para_id, idx, fixed), d.build_tag_info(para_id, idx)))
    return tuple(out)


def _parses(word: str) -> tuple[Parse, ...]:
    """The analyses of a capitalised word: those of its lowercase form (pymorphy3 reads both alike for
    words of two or more letters), so indexing reuses what quote attribution already parsed."""
    return parses_as_given(word.lower())


def _known(p: Parse) -> bool:
    """True if the parse comes from the dictionary, not from a guess by suffix or prefix."""
    return len(p.methods_stack) == 1 and type(p.methods_stack[0][0]) is DictionaryAnalyzer


def _is_noun(p: Parse) -> bool:
    return bool(_NOUNISH & p.tag.grammemes)


def _is_proper(p: Parse) -> bool:
    return bool(PROPER & p.tag.grammemes)


def _feminine_lemma(p: Parse) -> str | None:
    """The feminine nominative of a declined feminine surname parse ("Захаровой" → "захарова")."""
    g = p.tag.grammemes
    if not _FEM_SURNAME <= g or "Fixd" in g:
        return None
    nom = p.inflect(_NOM_SING)
    return fold(nom.word) if nom is not None and nom.word != p.normal_form else None


def _parse_lemmas(parses: Iterable[Parse]) -> list[str]:
    """Lemmas of the noun parses, and of every guessed parse (feminine surnames add their own)."""
    out: list[str] = []
    for p in parses:
        g = p.tag.grammemes
        if _NOUNISH & g or not _known(p):
            out.append(fold(p.normal_form))
            if _FEM_SURNAME <= g:  # (``_feminine_lemma``'s own first test, saving the call)
                fem = _feminine_lemma(p)
                if fem:
                    out.append(fem)
    return out


def _is_capitalised(word: str) -> bool:
    """A Cyrillic word of two or more letters starting with a capital (initials and Latin excluded)."""
    return len(word) >= MIN_LEN and word[:1].isupper() and not word.isascii()


@lru_cache(maxsize=200_000)
def lemma_terms(word: str) -> tuple[str, ...]:
    """Extra index terms for ``word`` as written (original case, ё folded): lowercase lemmas and
    spelling keys. () for words that are not capitalised Cyrillic, and for initials ("В")."""
    if not _is_capitalised(word):
        return ()
    if "\u2010" in word or "\u2011" in word:
        word = normalize_hyphens(word)
    folded = fold(word)
    out = _dictionary_terms(folded, dictionary_readings(word.lower()))
    if out is None:
        parses = _parses(word)
        itself = _word_itself(folded, parses)
        out = _parse_lemmas(parses) + itself + _spelling_keys(itself, parses)
    for part in hyphen_parts(word):
        out.extend(lemma_terms(part))
    return tuple(dict.fromkeys(t for t in out if t))


def _dictionary_terms(folded: str, readings: tuple[tuple[str, Any], ...]) -> list[str] | None:
    """What lemma_terms takes from the parses of a word the dictionary knows, from its readings in any order (no
    parse): its terms come out the same whatever the order when its noun readings share one lemma and its name
    readings one name. None for other words (and unknown ones, and feminine surname forms, which ask a parse's
    inflection)."""
    if not readings or any(_FEM_SURNAME <= tag.grammemes for _, tag in readings):
        return None
    lemmas = {fold(nf) for nf, tag in readings if _NOUNISH & tag.grammemes}
    names = {fold(nf) for nf, tag in readings if not _PROPER_OR_UNKN.isdisjoint(tag.grammemes)}
    if len(lemmas) > 1 or len(names) > 1:
        return None
    itself = [folded] if _SURNAME_RE.fullmatch(folded) else []  # (_word_itself: a known word is no unknown one)
    return [*lemmas, *itself, *(_keys(dict.fromkeys([*names, *itself])) if names else [])]


def _word_itself(folded: str, parses: tuple[Parse, ...]) -> list[str]:
    """The word as a lemma when it looks like a name's nominative pymorphy3 reads otherwise: a
    masculine surname shape ("Бурдюков", read as a plural genitive) or an unknown word ending in a
    consonant ("Пашинян", which Snowball stems to "пашиня" while "Пашиняну" stems to "пашинян")."""
    unknown_consonant_final = folded[-1:] in _CONSONANTS and not any(_known(p) for p in parses)
    return [folded] if _SURNAME_RE.fullmatch(folded) or unknown_consonant_final else []


def _spelling_keys(itself: list[str], parses: tuple[Parse, ...]) -> list[str]:
    """Spelling keys of a word's name lemmas (proper or unknown parses) and of ``_word_itself``."""
    names = [fold(p.normal_form) for p in parses if not _PROPER_OR_UNKN.isdisjoint(p.tag.grammemes)]
    return _keys(dict.fromkeys(names + itself)) if names else []


def spelling_key(term: str) -> str:
    """A transliteration-tolerant form of a name, marked so it meets only other keys: э → е, doubled
    letters single, no final ь ("Мэй"/"Мей" → "≈мей", "Гренелл"/"Гренель" → "≈гренел")."""
    key = _DOUBLE_RE.sub(r"\1", term.replace("э", "е"))
    return KEY_MARK + (key[:-1] if key.endswith("ь") and len(key) > 2 else key)


def _keys(terms: Iterable[str]) -> list[str]:
    return [spelling_key(t) for t in terms]


def stop_word_name_terms(word: str) -> tuple[str, ...]:
    """Terms of a capitalised stop word that is a name ("Ли" → "ли"); () for the others."""
    return (fold(word),) if word in NAME_STOP_WORDS else ()


def _nominative_names(parses: Iterable[Parse]) -> list[Parse]:
    """Dictionary parses of the word as a name in the nominative singular."""
    return [p for p in parses if _known(p) and _is_proper(p) and _NOM_SING <= p.tag.grammemes]


def _common_word_first(nominatives: list[Parse], parses: tuple[Parse, ...]) -> bool:
    """True if a common-word nominative outscores the name ("Вера", "Роза", "Мир"; not "Песков")."""
    best = max(p.score for p in nominatives)
    return any(q.score > best and "nomn" in q.tag.grammemes and not _is_proper(q) for q in parses)


def _woman_first(nominatives: list[Parse], parses: tuple[Parse, ...]) -> str | None:
    """The feminine lemma if the woman's nominative outscores every masculine reading of that surname."""
    for p in nominatives:
        fem = _feminine_lemma(p)
        if fem is None:
            continue
        rivals = [q.score for q in parses if q.normal_form == p.normal_form and "masc" in q.tag]
        if p.score > max(rivals, default=0.0):
            return fem
    return None


@lru_cache(maxsize=100_000)
def query_name_terms(word: str) -> tuple[str, ...]:
    """Terms that stand for ``word`` alone when it is a known name in the nominative; else ().

    ``word`` as typed (ё folded). Hyphenated words return () (their parts are searched as usual).
    """
    if not _is_capitalised(word) or hyphen_parts(word):
        return ()
    parses = _parses(word)
    nominatives = _nominative_names(parses)
    if not nominatives or _common_word_first(nominatives, parses):
        return ()
    fem = _woman_first(nominatives, parses)
    lemmas = [fem] if fem else [fold(p.normal_form) for p in nominatives]
    return tuple(dict.fromkeys(lemmas + _keys(lemmas)))


# --- canonical person names: whole-name checks on the readings quotes.speakers makes -------------------
# quotes.speakers reads each word of a name and picks, per gender, the first case every word can be in; these
# checks repair what that leaves: a surname kept as written after a first name in an oblique case ("Дмитрия
# Шаповала" → "Дмитрий Шаповал"), a man's reading whose consonant surname does not decline ("Дина Пауэлл" is
# not "Дин Пауэлл" in the genitive), a patronymic of the other gender ("Евгения Степановна"), a foreign first
# name read as an oblique case of a name that does not exist ("Фелипе Масса" → "Фелип"), a surname declined
# after a first name that reads only as a nominative ("Гаэль Табюре" → "Табюра"), a guessed fleeting vowel
# ("Курца" → "Курец").

_SING_NAME = frozenset({"Name", "sing"})
_NAME_NOMINATIVE = frozenset({"Name", "nomn", "sing"})


def _name_parses(word: str) -> list[Parse]:
    """Singular first-name parses of a lowercase word, vocatives left out (no article addresses anyone)."""
    return [p for p in parses_as_given(word) if _SING_NAME <= p.tag.grammemes and "voct" not in p.tag.grammemes]


def _oblique_cases(word: str, gender: str) -> list[str]:
    """The oblique cases a first name can be in for a gender, in ``SURNAME_ENDINGS`` order; an undeclined reading
    shows no case beside a declined one ("жана-франсуа": Жан-Франсуа's genitive, not "Жана-Франсуа" in any case)."""
    ps = [p for p in _name_parses(word) if gender in p.tag.grammemes]
    declined = [p for p in ps if "Fixd" not in p.tag.grammemes]
    found = {str(p.tag.case) for p in declined or ps}
    return [c for c in ("gent", "accs", "datv", "ablt", "loct") if c in found]


def _ending_fits(low: str, end: str) -> bool:
    """``low`` ends in ``end`` and keeps a stem of 2 letters; "*" asks for a consonant before the ending."""
    bare = end.lstrip("*")
    if not low.endswith(bare) or len(low) - len(bare) < 2:
        return False
    return bare == end or low[-len(bare) - 1] not in name_data.VOWELS


def declined_surname(low: str, gender: str, cases: Iterable[str]) -> str | None:
    """The nominative of a surname written in one of ``cases`` for ``gender`` by its ending ("шаповала", masc,
    gent → "шаповал"; "мациной", femn, gent → "мацина"); None when no ending fits."""
    if low.endswith(name_data.UNDECLINED_SURNAME_ENDS) or _known_undeclined(low):
        return None
    for case in cases:
        for end, nom in name_data.SURNAME_ENDINGS.get((gender, case), ()):
            if _ending_fits(low, end):
                return low[: len(low) - len(end.lstrip("*"))] + nom
    return None


def _known_undeclined(word: str) -> bool:
    """The dictionary knows the word as a name that does not decline ("шойгу") or as a name's nominative."""
    return any(_known(p) and ("Fixd" in p.tag.grammemes or _NOM_SING <= p.tag.grammemes) and _is_proper(p)
               for p in parses_as_given(word))


def _guessed(word: str) -> bool:
    """The dictionary does not know the lowercase word: every parse is a guess."""
    ps = parses_as_given(word)
    return not any(_known(p) for p in ps)


def _wrong_patronymic(tokens: tuple[str, ...], forms: tuple[str, ...], gender: str) -> bool:
    """A patronymic the dictionary reads only as the other gender's, in a form without this gender's ending."""
    other = "femn" if gender == "masc" else "masc"
    for tok, form in zip(tokens[1:], forms[1:]):
        ps = parses_as_given(tok.lower())
        if ps and all({"Patr", "sing", other} <= p.tag.grammemes for p in ps) \
                and not form.endswith(name_data.PATRONYMIC_ENDS[gender]):
            return True
    return False


def _foreign_first_name(tok: str, form: str) -> bool:
    """A first name the dictionary lacks, in a vowel, read as an oblique case of a man's name in a consonant that
    does not exist ("Фелипе" as "Фелип", "Рикарду" as "Рикард"); not a woman's name in -а ("Федерику")."""
    low = tok.lower()
    return form != low and (form[-1:] not in name_data.VOWELS or _soft_a_reading(low, form)) \
        and low.endswith(name_data.FOREIGN_FIRST_NAME_ENDS) and _guessed(low)


def _soft_a_reading(low: str, form: str) -> bool:
    """A name in consonant + "и" read as the genitive of one in consonant + "я" ("Джули" as "Джуля", "Фаузи" as
    "Фаузя"); not "-ии" ("Патрисии" is Патрисия's)."""
    return form == low[:-1] + "я" and low.endswith("и") and low[-2:-1] not in name_data.VOWELS


def _only_nominative(tok: str) -> bool:
    """A first name whose every (singular, non-vocative) name reading is a nominative ("Гаэль")."""
    ps = _name_parses(tok.lower())
    return bool(ps) and all("nomn" in p.tag.grammemes for p in ps)


def _fleeting_vowel(low: str, form: str) -> str:
    """A guessed nominative with a fleeting vowel the written word lacks ("курца" read as "курец") → "курц", in a
    surname of one syllable (foreign: "Курц", "Шульц"); longer ones keep it ("Писарца" → "Писарец")."""
    for with_vowel, without in name_data.FLEETING:
        stem = form[: -len(with_vowel)] + without
        if form.endswith(with_vowel) and low.startswith(stem) and len(low) > len(stem) and _guessed(low) \
                and sum(ch in name_data.VOWELS for ch in stem) == 1:  # "Курц", not "Писарец"
            return stem
    return form


def _surname_form(tokens: tuple[str, ...], forms: list[str], gender: str) -> str | None:
    """The last word's repaired form; None when the reading cannot stand (a man's consonant surname after a
    first name in an oblique case, left undeclined)."""
    first, last = tokens[0].lower(), tokens[-1].lower()
    form = forms[-1]
    if " " in last or "-" in last:
        return form
    if form != last:
        if forms[0] == first and _guessed(last) and _only_nominative(first):
            return last  # "Гаэль Табюре": the first name shows the nominative
        if _soft_a_reading(last, form) and _guessed(last):
            return last  # "Федерики Могерини": no "Могериня"; a foreign surname in -и does not decline
        return _fleeting_vowel(last, form)
    if forms[0] == first or last.endswith(name_data.UNDECLINED_SURNAME_ENDS):
        return form
    cases = _oblique_cases(first, gender)
    declined = declined_surname(last, gender, cases) if cases else None
    if declined is not None:
        return declined
    if gender == "masc" and cases and last[-1] not in name_data.VOWELS:
        return None  # "Дина Пауэлл": a man's "Пауэлл" would be "Пауэлла" in the genitive
    return form


def _repaired(tokens: tuple[str, ...], forms: tuple[str, ...], gender: str, woman_too: bool) -> tuple[str, ...] | None:
    """One gender's reading of a name, repaired; None when it cannot be that gender's. ``woman_too``: the name
    also reads as a woman's with another first name ("Федерику": Федерика), so it is no foreign name."""
    if _wrong_patronymic(tokens, forms, gender):
        return None
    out = list(forms)
    if not woman_too and _foreign_first_name(tokens[0], out[0]) and out[-1] == tokens[-1].lower():
        out[0] = tokens[0].lower()
    last = _surname_form(tokens, out, gender)
    if last is None:
        return None
    out[-1] = last
    return tuple(out)


def repair_forms(tokens: tuple[str, ...], options: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """``options`` (gender → nominative forms of ``tokens``, lowercase) with whole-name errors repaired and
    readings that cannot be a gender's dropped (never all of them)."""
    if len(tokens) < 2 or not options:
        return options
    out: dict[str, tuple[str, ...]] = {}
    first = tokens[0].lower()
    woman_too = "femn" in options and options["femn"][0] != first and not _soft_a_reading(first, options["femn"][0])
    for gender, forms in options.items():
        fixed = _repaired(tokens, forms, gender, woman_too)
        if fixed is not None:
            out[gender] = fixed
    return out or options


def unagreed_nominative(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """Nominative forms of a first name and surname whose words share no case reading, by the first name's
    case and the surname's ending ("Нины Мациной" → Нина Мацина, "Ашрафа Гани" → Ашраф Гани); None unless
    exactly one gender gives one."""
    if len(tokens) != 2 or " " in tokens[1]:
        return None
    first, last = tokens[0].lower(), tokens[1].lower()
    if any(_NAME_NOMINATIVE <= p.tag.grammemes for p in parses_as_given(last) if _known(p)):
        return None  # "Йоахима Лёва": a first name as a surname; its case does not follow by ending
    found: dict[str, tuple[str, ...]] = {}
    for p in _name_parses(first):
        gender = p.tag.gender
        if gender not in ("masc", "femn") or "nomn" in p.tag.grammemes or not _known(p):
            continue
        surname = declined_surname(last, gender, [str(p.tag.case)])
        if surname is None and last.endswith(name_data.FOREIGN_FIRST_NAME_ENDS):
            surname = last  # "Гани": a surname in a vowel no case form ends in stays as written
        if surname is not None:
            found.setdefault(gender, (p.normal_form, surname))
    return next(iter(found.values())) if len(found) == 1 else None


def woman_usually(first_name: str) -> bool:
    """The woman's first name is usually meant where a form reads both ways ("алина": not "Алин" genitive)."""
    low = fold(first_name.lower())
    return low in name_data.FEMININE_FIRST or low in name_data.FOREIGN_WOMEN


@lru_cache(maxsize=100_000)
def listed_woman(word: str) -> tuple[str, tuple[str, ...]] | None:
    """A form of a woman's given name listed in name_data.FOREIGN_WOMEN ("Асии" -> ("асия", gent/datv/loct)),
    or None."""
    return _listed_form(word, name_data.FOREIGN_WOMEN)


def listed_woman_in_consonant(word: str) -> bool:
    """A woman's given name in a consonant listed in name_data.WOMEN_IN_CONSONANT ("Хезер"): hers, undeclined."""
    return fold(word.lower()) in name_data.WOMEN_IN_CONSONANT


@lru_cache(maxsize=100_000)
def listed_man_in_a(word: str) -> tuple[str, tuple[str, ...]] | None:
    """A form of a man's given name in -а listed in name_data.MEN_IN_A ("Бидзины" -> ("бидзина", gent)), or None."""
    return _listed_form(word, name_data.MEN_IN_A)


@lru_cache(maxsize=100_000)
def listed_foreign_given(word: str) -> tuple[str, str, tuple[str, ...]] | None:
    """A form of a foreign given name morphology misreads, listed in name_data (FOREIGN_MEN_IN_CONSONANT, the
    undeclined lists, FOREIGN_WOMEN, WOMEN_IN_CONSONANT, MEN_IN_A): (nominative, gender, cases), or None ("Питера" ->
    ("питер", "masc", gent/accs), "Кори" -> ("кори", "masc", every case))."""
    low = fold(word.lower())
    every = ("nomn", "gent", "datv", "accs", "ablt", "loct")
    if low in name_data.FOREIGN_MEN_UNDECLINED:
        return low, "masc", every
    if low in name_data.FOREIGN_WOMEN_UNDECLINED or low in name_data.WOMEN_IN_CONSONANT:
        return low, "femn", every
    if low in name_data.FOREIGN_WOMEN_NOMINATIVE:
        return low, "femn", ("nomn",)
    woman = listed_woman(low)
    if woman is not None:
        return woman[0], "femn", woman[1]
    man = listed_man_in_a(low)
    if man is not None:  # "Гига Бокерия": "Гига" read as the genitive of "гиг"
        return man[0], "masc", man[1]
    for table, nom_end in ((name_data.MAN_CONSONANT_CASES, ""), (name_data.MAN_SOFT_CASES, "ь")):
        for end, cases in table:
            if low.endswith(end) and len(low) > len(end) and low[: len(low) - len(end)] + nom_end \
                    in name_data.FOREIGN_MEN_IN_CONSONANT:
                return low[: len(low) - len(end)] + nom_end, "masc", cases
    return None


def _listed_form(word: str, names: frozenset[str]) -> tuple[str, tuple[str, ...]] | None:
    low = fold(word.lower())
    for nom_end, end, cases in name_data.WOMAN_NAME_CASES:
        if low.endswith(end) and low[: len(low) - len(end)] + nom_end in names:
            return low[: len(low) - len(end)] + nom_end, cases
    return None
