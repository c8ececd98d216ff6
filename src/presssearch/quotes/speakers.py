"""Person names: morphology (pymorphy3), canonical nominative names, roles and an article's registry."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pymorphy3.units import DictionaryAnalyzer, KnownPrefixAnalyzer, KnownSuffixAnalyzer, UnknownPrefixAnalyzer

from ..analysis.names import PROPER, dictionary_readings, parses_as_given
from ..analysis.names import listed_foreign_given, listed_man_in_a, listed_woman, listed_woman_in_consonant
from ..analysis.names import repair_forms
from ..analysis.names import unagreed_nominative, woman_usually
from ..analysis.name_data import EXTRA_NAME_PARTICLES, FOREIGN_FIRST_NAME_ENDS, FOREIGN_GIVEN_AS_WRITTEN_ENDS
from ..analysis.name_data import GLUED_OBLIQUE_ENDS, NAME_PARTICLE_PAIRS, NOMINATIVE_ENDS
from ..analysis.name_data import SPELLED_LETTER_FORMS, SPELLED_LETTERS
from . import marks
from .text import sentence_start, speech_verb

NAME_TAGS = ("Name", "Surn", "Patr")
_NAME_TAG_SET = frozenset(NAME_TAGS)
WORD_RE = re.compile(r"[A-Za-zА-ЯЁа-яё]+(?:[-'’][A-Za-zА-ЯЁа-яё]+)*")
_CYR_CAP = re.compile(r"(?:[А-ЯЁ]['’])?[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*$")  # "О'Нилл": one token
MASC, FEMN = "masc", "femn"
_FakeDictionary = KnownSuffixAnalyzer.FakeDictionary
_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ина", "ына", "ко", "ук", "юк", "ич", "ян", "дзе", "швили")


def morph() -> Any:
    """The shared MorphAnalyzer (the same instance the analysis uses), created on first use."""
    from ..analysis.names import morph as shared

    return shared()


def inflected_word(parse: Any, required: set[str]) -> str | None:
    """``parse.inflect(required).word`` (None when the lexeme has no such form), the same choice pymorphy3 makes,
    but for a dictionary word, or one read by analogy to a dictionary paradigm (a known suffix, a prefix), without
    building a Parse for every form of its lexeme (ValueError as pymorphy3)."""
    plan = _paradigm_plan(parse.methods_stack, parse.word)
    if plan is None:
        form = parse.inflect(required)
        return None if not form else form.word
    unit, para_id, idx, base, prefix = plan
    best = _best_form(unit, para_id, idx, frozenset(required))
    if best is None:
        return None
    d = unit.dict
    para = d.paradigms[para_id]
    return prefix + d.paradigm_prefixes[para[len(para) // 3 * 2 + best]] + d.build_stem(para, idx, base) \
        + d.suffixes[para[best]]


def _paradigm_plan(stack: tuple, word: str) -> tuple[Any, int, int, str, str] | None:
    """(dictionary unit, paradigm, form index, the word it reads, prefix) when pymorphy3 builds the parse's lexeme
    from one dictionary paradigm: a dictionary word, by analogy to a known suffix (the same paradigm, the lexeme
    unchanged), behind known or unknown prefixes (each added to every form); None for any other analyzer."""
    unit = stack[0][0]
    if type(unit) is not DictionaryAnalyzer and type(unit) is not _FakeDictionary:
        return None
    cut = 0
    for method in stack[1:]:
        kind = type(method[0])
        if kind is KnownSuffixAnalyzer and method is stack[1] and type(unit) is _FakeDictionary:
            continue
        if kind is not KnownPrefixAnalyzer and kind is not UnknownPrefixAnalyzer:
            return None
        cut += len(method[1])
    return unit, stack[0][2], stack[0][3], word[cut:], word[:cut]


@lru_cache(maxsize=50_000)
def _best_form(unit: Any, para_id: int, idx: int, required: frozenset[str]) -> int | None:
    """Index in paradigm para_id of the form pymorphy3's inflect picks from form idx (the same for every word
    of the paradigm): the one with the required grammemes most like the form's own."""
    d = unit.dict
    para = d.paradigms[para_id]
    n = len(para) // 3
    tags = [d.gramtab[para[n + i]].grammemes for i in range(n)]
    possible = [i for i in range(n) if required <= tags[i]]
    tag = d.gramtab[para[n + idx]]
    if not possible:
        required = tag.fix_rare_cases(required)
        possible = [i for i in range(n) if required <= tags[i]]
    grammemes = tag.updated_grammemes(required)
    if not possible:
        return None
    return max(possible, key=lambda i: len(grammemes & tags[i]) - 0.1 * len(grammemes ^ tags[i]))


# pymorphy3 analyses of a (lowercased) word, cached; () for text pymorphy3 cannot take. The cache is the
# names layer's, so indexing does not parse again the capitalised words attribution has parsed.
parses = parses_as_given


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    return bool(morph().word_is_known(word))


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The most likely normal form of a word, lowercased, ё folded."""
    low = word.lower()
    forms = {nf.replace("ё", "е") for nf, _ in dictionary_readings(low)}
    if len(forms) == 1:  # a dictionary word with one normal form: the best parse's, without parsing
        return forms.pop()
    ps = parses(low)
    return (ps[0].normal_form if ps else word.lower()).replace("ё", "е")


@lru_cache(maxsize=100_000)
def is_verb(word: str) -> bool:
    """True when the best analysis of a lowercase word is a finite verb, infinitive or gerund."""
    verdicts = {tag.POS in ("VERB", "INFN", "GRND") for _, tag in dictionary_readings(word.lower())}
    if len(verdicts) == 1:  # every dictionary reading alike: the best one's answer, without parsing
        return verdicts.pop()
    ps = parses(word.lower())
    return bool(ps) and ps[0].tag.POS in ("VERB", "INFN", "GRND")


_FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO", "INTJ"})


@lru_cache(maxsize=200_000)
def name_kind(word: str) -> str | None:
    """'Name', 'Patr', 'Surn', 'Adj' (a -ский surname candidate), 'Unknown', or None for ordinary words."""
    if has_particle(word):  # "де Мистура": the surname after its particle
        return name_kind(split_particle(word)[1])
    if not _CYR_CAP.match(word) or word.lower() in marks.NOT_PERSONS:
        return None
    low = word.lower()
    readings = dictionary_readings(low)
    if readings:
        kind = _dictionary_name_kind(low, readings)
        if kind is not _UNSURE:
            return kind
    everything = parses(low)
    if everything and not _FUNCTION_POS.isdisjoint(everything[0].tag.grammemes) and everything[0].score > 0.9:
        return None  # "По её словам": a preposition at a sentence start, not the surname "По"
    if everything and "Geox" in everything[0].tag.grammemes and is_known(low) and not any("Surn" in p.tag.grammemes for p in everything):
        return None  # a place first ("села Саханка Игорь ..."); after a first name it still counts as a surname
    # grammeme tests instead of tag.POS / tag.number: a tag holds one part of speech and one number
    ps = tuple(p for p in everything if "plur" not in p.tag.grammemes or "Fixd" in p.tag.grammemes)
    grams = set().union(*(p.tag.grammemes & _NAME_TAG_SET for p in ps))
    for g in NAME_TAGS:
        if g in grams:
            if g == "Name" and "Surn" in grams and "Surn" in ps[0].tag.grammemes:
                return "Surn"
            return g
    if not is_known(low) and _unknown_adjective(everything):
        return None  # "Неиспольнительный директор …": an adjective morphology guessed, capitalised at a sentence start
    if not is_known(low) or (not ps and low.endswith(_SURNAME_ENDINGS)):
        return "Unknown"
    if any("ADJF" in p.tag.grammemes and p.normal_form.endswith(("ский", "цкий")) for p in ps):
        return "Adj"
    return None


_UNSURE: Any = object()


def _dictionary_name_kind(low: str, readings: tuple[tuple[str, Any], ...]) -> Any:
    """name_kind's answer for a word the dictionary knows, from its readings in any order (no parse); _UNSURE
    where the answer hangs on which reading is the best: a function word among them, a place beside other readings
    and no surname, or a first name beside a surname."""
    if any(not _FUNCTION_POS.isdisjoint(tag.grammemes) for _, tag in readings) or not is_known(low):
        return _UNSURE
    places = ["Geox" in tag.grammemes for _, tag in readings]
    if any(places) and not any("Surn" in tag.grammemes for _, tag in readings):
        return None if all(places) else _UNSURE  # (a place first; with a surname reading it may still be one)
    ps = [(nf, tag) for nf, tag in readings if "plur" not in tag.grammemes or "Fixd" in tag.grammemes]
    grams = set().union(*(tag.grammemes & _NAME_TAG_SET for _, tag in ps))
    if "Name" in grams and "Surn" in grams:
        return _UNSURE
    for g in NAME_TAGS:
        if g in grams:
            return g
    if not ps and low.endswith(_SURNAME_ENDINGS):
        return "Unknown"
    if not ps and all("Name" in tag.grammemes for _, tag in readings):
        return "Name"  # "Красимир", "Анн": a first name the dictionary holds only as a plural of another's ("Красимира")
    if any("ADJF" in tag.grammemes and nf.endswith(("ский", "цкий")) for nf, tag in ps):
        return "Adj"
    return None


def _unknown_adjective(ps: tuple[Any, ...]) -> bool:
    """Morphology's best guess for an unknown word is an adjective in -ный (not a -ский/-цкий surname)."""
    return bool(ps) and ps[0].tag.POS == "ADJF" and ps[0].normal_form.endswith("ный")


@dataclass(frozen=True)
class Analysis:
    """One way to read a name token: its nominative form for a gender, and the cases it may be in."""

    nom: str
    gender: str | None  # masc / femn / None (either)
    cases: frozenset[str]


@lru_cache(maxsize=100_000)
def analyses(word: str) -> tuple[Analysis, ...]:
    """Readings of a capitalised name token (nominative per gender), most likely first."""
    if has_particle(word):  # "де Мистуры" -> "де мистура": the particle stays as written
        prefix, core = split_particle(word)
        return tuple(Analysis(prefix + a.nom, a.gender, a.cases) for a in analyses(core))
    low = word.lower()
    out: dict[tuple[str, str | None], set[str]] = {}
    kind = name_kind(word)
    ps = parses(low)
    vocative_ok = not (_bare_stem(low) or _soft_vocative_only(low, ps)) \
        or any(not _FUNCTION_POS.isdisjoint(p.tag.grammemes) for p in ps)
    for p in ps:
        tag = p.tag
        grams = tag.grammemes  # (grammeme tests: a tag holds one part of speech, one number)
        usable = not _NAME_TAG_SET.isdisjoint(grams) or (kind == "Unknown" and "NOUN" in grams) \
            or (kind == "Adj" and "ADJF" in grams)
        if not usable or ("plur" in grams and "Fixd" not in grams) or ("voct" in grams and not vocative_ok):
            continue
        gender = FEMN if "femn" in grams else (MASC if "masc" in grams else None)
        if ("Fixd" in grams or "ms-f" in grams) and not (_FEMN_FIXED_SURNAME <= grams and low[-1:] not in _VOWELS):
            gender = None  # (a woman's surname in a consonant, which a man's declines, stays hers: "Александра Романюк")
        nom = _nominative(p, gender) or low
        if nom != low and _false_guess(p, nom, kind):
            continue
        out.setdefault((nom, gender), set()).add(str(tag.case or "nomn"))
    if kind == "Unknown" and low.endswith("ой") and len(low) > 4:
        out.setdefault((low, MASC), set()).add("nomn")  # a man's surname declined as an adjective: "Хами Аксой", "Гюрсой"
    double = _double_name(word) if "-" in word else ()
    if double:  # morphology's readings of the whole word with a gender beside them, not its as-written one
        return double + tuple(Analysis(n, g, frozenset(c)) for (n, g), c in out.items()
                              if g is not None and (n, g) not in {(a.nom, a.gender) for a in double})
    if listed_woman_in_consonant(low):  # "Хезер": a woman's name, in every case as written
        return (Analysis(low, FEMN, _ALL_CASES),)
    man = listed_man_in_a(low)
    if man is not None:  # "Бидзина": no "Бидзин", and no woman
        return (Analysis(man[0], MASC, frozenset(man[1])),)
    woman = listed_woman(low)
    if woman is not None:  # "Асия", "Асии": a woman's name morphology reads only as a man's ("Асий")
        return (Analysis(woman[0], FEMN, frozenset(woman[1])),) + tuple(
            Analysis(n, g, frozenset(c)) for (n, g), c in out.items() if (n, g) != (woman[0], FEMN))
    given = listed_foreign_given(low)
    if given is not None:  # "Питера", "Кори": a foreign given name morphology reads as something else
        return (Analysis(given[0], given[1], frozenset(given[2])),)
    if not out:
        return (Analysis(low, None, frozenset({"nomn"})),)
    return tuple(Analysis(n, g, frozenset(c)) for (n, g), c in out.items())


_OBLIQUE_CONSONANT_ENDINGS = ("ом", "ем", "ём", "ым", "им", "ам", "ям", "ах", "ях", "ов", "ев", "ёв", "ых", "их")


def _bare_stem(low: str) -> bool:
    """The word ends in a hard consonant and no case ending ("илон", "вик", "салюд"; not "вайлером", "зеркаль"): an
    informal vocative reading of it ("Илон" of "Илона") is never how running text names anyone, so ``analyses`` leaves
    that reading out, unless the word is a function word too ("Тем не менее": "Тёма" keeps it from a nominative)."""
    return low[-1:] not in _VOWELS and low[-1:] not in "ьй" and not low.endswith(_OBLIQUE_CONSONANT_ENDINGS)


def _soft_vocative_only(low: str, ps: list[Any]) -> bool:
    """A word in a soft sign whose one singular noun reading is an informal vocative ("Чу Ён Чхоль": "Чхоля"), a
    name as written; not "Зеркаль", which a singular noun reads too."""
    return low.endswith("ь") and not any({"NOUN", "sing"} <= p.tag.grammemes and "voct" not in p.tag.grammemes
                                         for p in ps)


_FEMN_FIXED_SURNAME = frozenset({"Surn", "Fixd", "femn"})


def _double_name(word: str) -> tuple[Analysis, ...]:
    """Readings of a double first name whose parts agree in gender and case, part by part ("Жана-Франсуа": "Жана"
    a man's genitive, "Франсуа" undeclined → Жан-Франсуа, not the as-written "Жана-Франсуа" in any case); () when
    a part is no first name or the parts agree in nothing (morphology's reading of the whole word then)."""
    parts = word.split("-")
    if len(parts) != 2 or not all(p[:1].isupper() and name_kind(p) == "Name" for p in parts):
        return ()
    first, second = analyses(parts[0]), analyses(parts[1])
    out: dict[tuple[str, str | None], set[str]] = {}
    for a in first:
        for b in second:
            if a.gender is not None and b.gender is not None and a.gender != b.gender:
                continue
            cases = a.cases & b.cases
            if cases:
                out.setdefault((f"{a.nom}-{b.nom}", a.gender or b.gender), set()).update(cases)
    return tuple(Analysis(n, g, frozenset(c)) for (n, g), c in out.items())


def _false_guess(parse: Any, nom: str, kind: str | None) -> bool:
    """A reading morphology guessed for a word it does not know that names no one: a neuter noun ("Гэвина" read as
    "Гэвино") or a feminine noun in -ь ("Темури" read as "Темурь")."""
    if kind != "Unknown" or "NOUN" not in parse.tag.grammemes or _known_parse(parse):
        return False
    return "neut" in parse.tag.grammemes or (nom.endswith("ь") and "femn" in parse.tag.grammemes)


def _known_parse(parse: Any) -> bool:
    return len(parse.methods_stack) == 1 and type(parse.methods_stack[0][0]) is DictionaryAnalyzer


def _nominative(parse: Any, gender: str | None) -> str | None:
    want = {"nomn", "sing"}
    if gender:
        want.add(gender)
    try:
        word = inflected_word(parse, want)
        return word if word is not None else inflected_word(parse, {"nomn"})
    except ValueError:
        return None


def _title(word: str) -> str:
    """Capitalise a name token's parts; a name particle before a surname stays lowercase ("де Мистура")."""
    prefix, core = split_particle(word)
    return prefix + "-".join(_cap_part(part) for part in core.split("-"))


def _as_written(name: str, token: str) -> str:
    """A particle capitalised in the text stays so ("Джамал Эль-Хинди")."""
    return name[:1].upper() + name[1:] if token[:1].isupper() and name[:1].islower() else name


def _cap_part(part: str) -> str:
    """"нилл" -> "Нилл"; "о'нилл" -> "О'Нилл"."""
    if part[1:2] in ("'", "’"):
        return part[:2].upper() + part[2:3].upper() + part[3:]
    return part[:1].upper() + part[1:]


def has_particle(token: str) -> bool:
    """"де Мистура", "аль-Рифаи": a surname token with a name particle before it."""
    prefix, _, core = token.partition("-")
    return " " in token or bool(core) and prefix in _HYPHEN_PARTICLES  # (not "ас" alone: no surname follows)


def split_particle(token: str) -> tuple[str, str]:
    """"де Мистура" -> ("де ", "Мистура"), "аль-Рифаи" -> ("аль-", "Рифаи"); a token without a particle ->
    ("", token)."""
    if " " not in token:
        prefix, _, core = token.partition("-")
        if core and prefix in _HYPHEN_PARTICLES:
            return prefix + "-", core
        return "", token
    prefix, _, core = token.rpartition(" ")
    return prefix.lower() + " ", core


_VOWELS = "аеёиоуыэюя"
# (gender, case) -> (ending in the text, ending in the nominative) for surnames morphology does not know.
_SURNAME_CASES: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    # ("ии", "ия"): "Берии" -> "Берия", but "Хинди", "Сафади", "Монти" do not decline
    (MASC, "gent"): (("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын"), ("кы", "ка"), ("ы", "а"), ("ии", "ия"),
                     ("ля", "ль"), ("а", "")),
    (MASC, "accs"): (("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын"), ("у", "а"), ("ля", "ль"), ("а", "")),
    (MASC, "datv"): (("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ыну", "ын"), ("лю", "ль"), ("у", "")),
    (MASC, "ablt"): (("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ыным", "ын"), ("ой", "а"), ("ом", ""), ("ем", "")),
    (MASC, "loct"): (("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("е", "")),
    (FEMN, "gent"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ой", "а"), ("ы", "а"), ("и", "я")),
    (FEMN, "datv"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("е", "а")),
    (FEMN, "accs"): (("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("у", "а"), ("ю", "я")),
    (FEMN, "ablt"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ой", "а"), ("ей", "я")),
    (FEMN, "loct"): (("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("е", "а")),
}


@lru_cache(maxsize=50_000)
def surname_nominative(low: str, gender: str, case: str) -> str | None:
    """The nominative of a surname morphology does not decline right, for a first name's gender and case:
    "Занозина" (gent, masc) -> "занозин", "Тортореллы" -> "торторелла"; a woman's surname ending in a
    consonant does not decline ("Алика Джордж"). None when no rule fits."""
    if gender == FEMN and low[-1:] not in _VOWELS:
        return low
    if case == "nomn":
        return low if gender == MASC and low[-1:] not in _VOWELS or gender == FEMN else None
    for end, nom in _SURNAME_CASES.get((gender, case), ()):
        stem = low[: len(low) - len(end)]
        if low.endswith(end) and len(stem) >= 2 and (end not in ("а", "у", "е", "ом") or stem[-1] not in _VOWELS):
            return stem + nom
    return None


@lru_cache(maxsize=100_000)
def _gendered(first: str, gender: str, case: str) -> bool:
    """The first name reads as this gender in this case by itself ("Михаила": masculine genitive)."""
    low = first.lower()
    if any({"Name", case, gender} <= p.tag.grammemes for p in parses(low)) and is_known(low):
        return True
    given = listed_foreign_given(low)
    if given is not None:  # "Айвана Иланда": a listed given name shows his case
        return given[1] == gender and case in given[2]
    head, hyphen, _ = low.partition("-")  # "Жан-Батист": the dictionary holds it as no name; "Жан" shows the gender
    return bool(hyphen) and len(head) > 2 and _gendered(head, gender, case)


_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2")


@lru_cache(maxsize=50_000)
def _genders_for(tokens: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """For each gender the tokens can agree in (same case), the nominative forms."""
    result: dict[str, tuple[str, ...]] = {}
    first = tokens[0]
    readings = [_as_is(tok) if tok is not first and _particle_common_word(tok) else _token_readings(tok, tok is not first)
                for tok in tokens]  # "Абдель Фаттаха ас-Сиси": "Сиси" is no "сися"
    if len(tokens) > 1 and all(a.gender is None for a in analyses(first)):
        readings = [readings[0], *(_as_is(tok) if _indeclinable(tok) else r for tok, r in zip(tokens[1:], readings[1:]))]
    woman = _woman_in_ija(first) if len(tokens) > 1 else None
    if woman is not None and all(a.gender is None for r in readings[1:] for a in r[0]):
        readings[0] = (readings[0][0] + (woman,), *readings[0][1:])  # "Асии Биби": Асия, whom the text may show
    hits = [_case_hits(r[0]) for r in readings]
    for gender in (MASC, FEMN):
        best: tuple[str, ...] | None = None
        for case in _CASES:
            forms: list[str] = []
            for tok, (found, later, unread, alone, unknown), known in zip(tokens, readings, hits):
                hit = known.get((gender, case), _UNSET)
                if hit is _UNSET:
                    hit = _case_hit(known, found, gender, case)
                if hit is None and not later and case != "nomn" and _shown_case(tokens, readings, gender, case):
                    guess = surname_nominative(tok.lower(), gender, case)  # "Гэвина Уильямсона": "Гэвина" unknown
                    hit = Analysis(guess, gender, frozenset({case})) if guess else None
                lone = alone
                if hit is None and case != "nomn" and later and forms and (unread or unknown) \
                        and _only_oblique(first, gender, case):  # "Эммануэля Макрона": "Макрона" unread
                    guess = surname_nominative(tok.lower(), gender, case)
                    hit = Analysis(guess, gender, frozenset({case})) if guess else None
                    if hit is None and _other_case_reads(tok, first, gender, case):
                        lone = None  # "Таймура Разу": an accusative, not a genitive taken as written
                if hit is None and lone is not None:
                    hit = lone
                if hit is None and gender == FEMN and tok is tokens[-1] and len(forms) == 1 \
                        and _womans_consonant_surname(tok, found, first):
                    hit = Analysis(tok.lower(), FEMN, frozenset({case}))  # "Лиззи Ярнольд": hers does not decline
                if hit is None and unknown and later and not _declined_only(found, tok, gender):
                    hit = Analysis(tok.lower(), None, frozenset({case}))  # (not "Мейвезером" as a nominative)
                if hit is None and later and forms and _gendered(first, gender, case) \
                        and not any(a.gender == gender for a in found):  # "Тони Фергюсоном": not a nominative
                    guess = surname_nominative(tok.lower(), gender, case)
                    hit = Analysis(guess, gender, frozenset({case})) if guess else None
                if hit is None:
                    break
                forms.append(hit.nom)
            else:
                best = tuple(forms)
                break
        if best is not None:
            result[gender] = best
    return repair_forms(tokens, result)  # whole-name checks, analysis/names.py


def _declined_only(found: tuple[Analysis, ...], tok: str, gender: str) -> bool:
    """A word in an instrumental's ending every reading of which is this gender's in an oblique case, of a nominative
    spelt otherwise ("Мейвезером": the instrumental of "Мейвезер"): it does not stand as written in another case."""
    return len(tok) > 5 and tok.endswith(("ом", "ем")) and bool(found) \
        and all(a.gender == gender and "nomn" not in a.cases and a.nom != tok.lower() for a in found)


def _particle_common_word(tok: str) -> bool:
    """A surname behind a name particle that morphology reads only as a common word ("ас-Сиси"): as written."""
    return has_particle(tok) and name_kind(split_particle(tok)[1]) is None


_IJA_CASES = {"ия": frozenset({"nomn"}), "ии": frozenset({"gent", "datv", "loct"}), "ию": frozenset({"accs"}),
              "ией": frozenset({"ablt"})}


@lru_cache(maxsize=20_000)
def _woman_in_ija(first: str) -> Analysis | None:
    """A woman's name in -ия the dictionary lacks, where it reads only as a man's name in -ий in another case ("Асия",
    "Асии" read as forms of "Асий"); None for any other first name."""
    low = first.lower()
    found = analyses(first)
    if not found or any(a.gender != MASC or "nomn" in a.cases or not a.nom.endswith("ий") for a in found):
        return None
    end = next((e for e in ("ией", "ия", "ии", "ию") if low.endswith(e)), None)
    return None if end is None else Analysis(low[: -len(end)] + "ия", FEMN, _IJA_CASES[end])


def _womans_consonant_surname(tok: str, found: tuple[Analysis, ...], first: str) -> bool:
    """After a first name that shows no gender ("Лиззи"), a word in a consonant with no woman's reading that is no
    dictionary surname ("Ярнольд", which the dictionary reads as a man's first name): as a woman's surname it stays
    as written in every case."""
    return tok[-1:].lower() not in _VOWELS and tok[-1:] != "ь" and not any(a.gender == FEMN for a in found) \
        and name_kind(tok) != "Surn" and all(a.gender is None for a in analyses(first))


def _shown_case(tokens: tuple[str, ...], readings: list, gender: str, case: str) -> bool:
    """A first name morphology does not know, before a word declined in this case for this gender ("Гэвина Уильямсона":
    Уильямсона, a man's surname in the genitive)."""
    return len(tokens) > 1 and not is_known(tokens[0].lower()) and any(
        a.gender == gender and case in a.cases and a.nom != tok.lower() for tok, r in zip(tokens[1:], readings[1:])
        for a in r[0])


def _other_case_reads(tok: str, first: str, gender: str, case: str) -> bool:
    """The unread surname declines by rule in another case the first name may be in."""
    return any(c != case and surname_nominative(tok.lower(), gender, c) for a in analyses(first) for c in a.cases)


_UNSET: Any = object()


@lru_cache(maxsize=50_000)
def _case_hits(found: tuple[Analysis, ...]) -> dict[tuple[str, str], Analysis | None]:
    """A token's table for _case_hit, filled as _genders_for asks (kept with the token's readings)."""
    return {}


def _case_hit(table: dict[tuple[str, str], Analysis | None], found: tuple[Analysis, ...], gender: str,
              case: str) -> Analysis | None:
    """The reading _genders_for takes for a token in this gender and case: the first of that gender in that case,
    else the first of no gender in that case (None when none is); remembered in the token's table."""
    key = (gender, case)
    if key in table:
        return table[key]
    hit = next((a for a in found if a.gender == gender and case in a.cases), None) \
        or next((a for a in found if a.gender is None and case in a.cases), None)
    table[key] = hit
    return hit


@lru_cache(maxsize=50_000)
def _token_readings(tok: str, later: bool) -> tuple[tuple[Analysis, ...], bool, bool, Analysis | None, bool]:
    """What _genders_for asks of a token: its analyses, whether it follows the first token, _unread, its one
    reading of no gender (or None), whether morphology does not know it."""
    found = analyses(tok)
    if later and name_kind(tok) == "Name" and not is_known(tok.lower()):
        found += _noun_readings(tok)  # "Эво Моралеса": a guessed woman's name, or a surname in the genitive
    alone = found[0] if len(found) == 1 and found[0].gender is None else None
    return found, later, _unread(tok), alone, name_kind(tok) == "Unknown"


@lru_cache(maxsize=20_000)
def _noun_readings(tok: str) -> tuple[Analysis, ...]:
    """Singular noun readings of a word morphology does not know that are not name readings."""
    out: list[Analysis] = []
    for p in parses(tok.lower()):
        grams = p.tag.grammemes
        if "NOUN" in grams and "sing" in grams and _NAME_TAG_SET.isdisjoint(grams) and p.tag.gender in (MASC, FEMN) \
                and "Fixd" not in grams:  # ("Рааба": not the name of a town that does not decline)
            nom = _nominative(p, p.tag.gender)
            if nom:
                out.append(Analysis(nom, p.tag.gender, frozenset({str(p.tag.case)})))
    return tuple(out)


_INDECLINABLE_ENDS = tuple("еиоуюэ")


def _indeclinable(tok: str) -> bool:
    """A surname morphology does not know that ends in a vowel no Russian noun's nominative ends in the same way
    ("Дутерте", "Сапатеро"): after a first name that shows no case either, it is as written."""
    low = tok.lower()
    return low.endswith(_INDECLINABLE_ENDS) and not has_particle(tok) and not is_known(low)


@lru_cache(maxsize=20_000)
def _as_is(tok: str) -> tuple[tuple[Analysis, ...], bool, bool, Analysis, bool]:
    """_token_readings of a word that stays as written in every case."""
    same = Analysis(tok.lower(), None, frozenset(_CASES))
    return (same,), True, False, same, True


def _only_oblique(first: str, gender: str, case: str) -> bool:
    """Every reading of the first name is of this gender and none is a nominative, one is in this case."""
    found = analyses(first)
    return all(a.gender == gender and "nomn" not in a.cases for a in found) and any(case in a.cases for a in found)


def _unread(tok: str) -> bool:
    """Morphology has no name reading of the token: analyses() fell back to the word itself as a nominative."""
    found = analyses(tok)
    return len(found) == 1 and found[0].gender is None and found[0].cases == frozenset({"nomn"}) \
        and found[0].nom == tok.lower() and name_kind(tok) is None


@lru_cache(maxsize=50_000)
def normalize_tokens(tokens: tuple[str, ...], feminine: bool | None = None) -> tuple[str, str | None]:
    """Canonical nominative name for name tokens, and the gender chosen (None when unknown)."""
    if len(tokens) == 1 and _undeclined_foreign(tokens[0]):
        return _as_written(_title(tokens[0].lower()), tokens[0]), None
    if len(tokens) >= 3 and tokens[0].lower() in SPELLED_LETTERS and tokens[1].lower() in SPELLED_LETTER_FORMS:
        rest, gender = normalize_tokens(tokens[2:], False if feminine is None else feminine)  # "Пи Кея Суббэна"
        return " ".join((tokens[0], _title(SPELLED_LETTER_FORMS[tokens[1].lower()]), rest)), gender
    options = _genders_for(tokens)
    if not options:
        unagreed = unagreed_nominative(tokens)  # "Нины Мациной" → "Нина Мацина"
        if unagreed:  # ё only where the text wrote it, as below ("Алены Мациной" → "Алена Мацина")
            unagreed = tuple(w if "ё" in t.lower() else w.replace("ё", "е") for w, t in zip(unagreed, tokens))
        return " ".join(_title(t.lower()) for t in (unagreed or tokens)), None
    if feminine is True and FEMN in options:
        gender = FEMN
    elif feminine is False and MASC in options:
        gender = MASC
    else:
        gender = MASC if MASC in options and not (FEMN in options and (_woman_first(tokens[0])
                                                                   or woman_usually(options[FEMN][0]))) else FEMN
    certain = gender if len(options) == 1 else None
    forms = [w if "ё" in t.lower() else w.replace("ё", "е") for w, t in zip(options[gender], tokens)]
    return " ".join(_as_written(_title(w), t) for w, t in zip(forms, tokens)), certain


@lru_cache(maxsize=20_000)
def _undeclined_foreign(token: str) -> bool:
    """A lone name word the dictionary does not know, in a vowel no nominative of a declined name ends in, that
    morphology reads only as an oblique case of a name that does not exist ("Пеле" as "Пель", "Дутерте" as
    "Дутерт"): an undeclined foreign name, as written. Not "-у" ("Трампу" is a dative), nor a reading in a vowel
    ("Нацразведки": a genitive of "Нацразведка")."""
    low = token.lower()
    if not low.endswith(FOREIGN_GIVEN_AS_WRITTEN_ENDS) or "-" in low or " " in low or dictionary_readings(low) \
            or is_known(low) or name_kind(token) == "Adj":
        return False
    found = analyses(token)
    return bool(found) and not any("nomn" in a.cases or a.nom[-1:] in _VOWELS for a in found)


@lru_cache(maxsize=20_000)
def _woman_first(first: str) -> bool:
    """Morphology reads the first name as a woman's at least twice as often as a man's ("Виктория", "Юлия"; not
    "Александра", "Евгения"): with nothing else to tell, the woman."""
    score = {MASC: 0.0, FEMN: 0.0}
    for p in parses(first.lower()):
        grams = p.tag.grammemes
        if "Name" in grams:
            score[FEMN if "femn" in grams else MASC] += p.score
    return score[FEMN] > 2 * score[MASC]


def possible_genders(tokens: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_genders_for(tokens))


def normalize_person(name: str, *, feminine: bool | None = None) -> str:
    """Canonical nominative form of a person's name: "Александра Буркова" -> "Александр Бурков"."""
    tokens = tuple(WORD_RE.findall(name))
    if not tokens:
        return name.strip()
    if not all(_CYR_CAP.match(t) for t in tokens):
        return " ".join(tokens)
    return normalize_tokens(tokens, feminine)[0]


@lru_cache(maxsize=100_000)
def surname_key(token: str) -> str:
    """Gender- and case-neutral key of one surname token ("Ивановой" -> "иванов")."""
    if has_particle(token):
        return surname_key(split_particle(token)[1])
    low = token.lower()
    if not _CYR_CAP.match(token):
        return low.replace("ё", "е")
    readings = dictionary_readings(low)
    if readings:
        key = _dictionary_surname_key(low, readings)
        if key is not _UNSURE:
            return key
    ps = parses(low)
    surnames = [p for p in ps if "Surn" in p.tag.grammemes]
    if surnames and all("plur" in p.tag.grammemes for p in surnames) and _MASC_SURNAME.fullmatch(low):
        return low.replace("ё", "е")  # "Катасонов", read only as the family's plural "Катасоны": the key of "Катасонова"
    for p in surnames:
        return p.normal_form.replace("ё", "е")
    for p in ps:  # (grammeme tests: a tag holds one part of speech and one number)
        if "ADJF" in p.tag.grammemes and p.normal_form.endswith(("ский", "цкий")):
            return p.normal_form.replace("ё", "е")
    if any("NOUN" in p.tag.grammemes and ("Name" in p.tag.grammemes or not is_known(low)) for p in ps) or not ps:
        return _stem(low)  # a foreign surname declined like a noun: "Мандела", "Манделы", "Радда" -> one stem
    noun = next((p for p in ps if "NOUN" in p.tag.grammemes and "sing" in p.tag.grammemes), None)
    if noun is not None:  # a surname that is a common noun: "Усика", "Усиком" -> "усик", the key of "Усик"
        return noun.normal_form.replace("ё", "е")
    return low.replace("ё", "е")


def _dictionary_surname_key(low: str, readings: tuple[tuple[str, Any], ...]) -> Any:
    """surname_key's answer for a word the dictionary knows, from its readings in any order (no parse); _UNSURE
    where it hangs on which reading comes first (two normal forms for the reading it takes)."""
    if not is_known(low):
        return _UNSURE
    surnames = [(nf, tag) for nf, tag in readings if "Surn" in tag.grammemes]
    if surnames and all("plur" in tag.grammemes for _, tag in surnames) and _MASC_SURNAME.fullmatch(low):
        return low.replace("ё", "е")
    adjectives = [(nf, tag) for nf, tag in readings
                  if "ADJF" in tag.grammemes and nf.endswith(("ский", "цкий"))]
    for taken in (surnames, adjectives):
        if taken:
            return _one_form(taken)
    if any("NOUN" in tag.grammemes and "Name" in tag.grammemes for _, tag in readings):
        return _stem(low)
    nouns = [(nf, tag) for nf, tag in readings if "NOUN" in tag.grammemes and "sing" in tag.grammemes]
    return _one_form(nouns) if nouns else low.replace("ё", "е")


def _one_form(readings: list[tuple[str, Any]]) -> Any:
    """The normal form (ё folded) all the readings share, else _UNSURE."""
    forms = {nf.replace("ё", "е") for nf, _ in readings}
    return forms.pop() if len(forms) == 1 else _UNSURE


_MASC_SURNAME = re.compile(r"\w{3,}(?:ов|ев|ёв|ин|ын)")  # a man's surname in the nominative by its shape
_CASE_ENDINGS = ("ою", "ой", "ей", "ому", "ом", "ем", "ым", "ами", "ам", "ах", "а", "ы", "у", "е", "ю", "я", "и", "о", "ь")


@lru_cache(maxsize=100_000)
def _stem(low: str) -> str:
    low = low.replace("ё", "е")
    for end in _CASE_ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= 3:
            return low[: -len(end)]
    return low


def same_person_key(name: str) -> str:
    """A key equal for any case form or surname-only form of a name: the lowercased surname lemma."""
    tokens = WORD_RE.findall(name)
    if not tokens:
        return name.strip().lower()
    return surname_key(tokens[-1])


# --- finding names in text -------------------------------------------------------------------

@dataclass
class Group:
    """A run of name tokens in the text."""

    start: int
    end: int
    tokens: tuple[str, ...]
    kinds: tuple[str, ...]

    @property
    def full(self) -> bool:
        return len(self.tokens) >= 2 and self.kinds[0] in ("Name", "Unknown", "Surn")

    @property
    def key(self) -> str:
        return surname_key(self.tokens[-1])


# Not inside a word ("ЦИКе"). The capital first, the look-behind after it: the same words as
# "(?<![А-ЯЁа-яё])(?:[А-ЯЁ]['’])?[А-ЯЁ][а-яё]+…", but a pattern that opens with a character class lets re skip to
# the next capital ~3× faster on a whole text.
_CAP_TOKEN = re.compile(r"[А-ЯЁ](?<![А-ЯЁа-яё].)(?:['’][А-ЯЁ])?[а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")
# Arabic name particles joined to the surname by a hyphen ("Тамер аль-Рифаи", "Абдель Фаттах ас-Сиси").
_HYPHEN_PARTICLES = frozenset("аль эль ас ад ан ар аш ат аз уль".split())
_HYPHEN_PARTICLE = re.compile(r"(?<![А-ЯЁа-яё])([а-я]{2,3})-$")
_GAP = re.compile(r"[ \u00a0]+\Z")  # (not "$": a blank and a line break end no name)


def find_groups(text: str, start: int = 0, end: int | None = None, *,
                spans: dict[str, list[int]] | None = None) -> list[Group]:
    """Runs of consecutive capitalised name-like words between start and end (at most 4 tokens). ``spans``, when
    given, gets where every capitalised word (_CAP_TOKEN) stands, by word: the registry's lone surnames read them."""
    end = len(text) if end is None else end
    groups: list[Group] = []
    cur: list[tuple[int, int, str, str]] = []
    for m in _CAP_TOKEN.finditer(text, start, end):
        word = m.group()
        if spans is not None:
            seen = spans.get(word)
            if seen is None:
                spans[word] = [m.start()]
            else:
                seen.append(m.start())
        if not cur and (_plain_word(word) or _dormant_word(word) and not _foreign_first_name_at(text, m)) \
                and not (len(word) <= 3 and _spelled_given_part(text, cur, m.start(), m.end(), word)):
            continue  # (what the tests below make of it: most capitalised words open no name)
        at = m.start()
        if "-" in word:
            base, _, suffix = word.rpartition("-")
            if base and suffix.lower().startswith(("старш", "младш")):
                word = base
        stop = at + len(word)
        if text[at - 1:at] == "-" and at - start >= 3:
            particle = _HYPHEN_PARTICLE.search(text, max(start, at - 4), at)
            if particle is not None and particle.group(1) in _HYPHEN_PARTICLES and (name_kind(word) is not None or cur):
                at, word = particle.start(), particle.group() + word
        if len(word) <= 3 and word.lower() in marks.CAP_PARTICLES and _NEXT_NAME.match(text, m.end(), end):
            continue  # "Де Мистура отметил": the particle opens the surname that follows
        if at - start >= 3 and text[at - 1] in " \u00a0" and text[at - 2] in _PARTICLE_ENDS:  # _particle_before's cheap test
            particle = _particle_before(text, at, bool(cur), start)
            if particle is not None and name_kind(word) is not None:
                at, word = particle, " ".join(text[particle:at].split()).lower() + " " + word
        if (not cur or _run_broken(text, cur, at)) and _place_before_name(text, at, m.end(), end):
            continue  # "штата Вирджиния Ричард Блэк": the place, then the name
        if not cur and word in marks.EAST_ASIAN_SURNAMES:
            one = _ONE_LETTER_GIVEN.match(text, m.end(), end)
            if one is not None:  # "министр иностранных дел Китая Ван И": a given name of one letter
                groups.append(Group(at, one.end(), (word, one.group(1)), ("Unknown", "Unknown")))
                continue
        kind = "Unknown" if len(word) <= 5 and _spelled_given_part(text, cur, at, m.end(), word) else name_kind(word)
        if kind is None:
            if cur and _surname_after_first_name(text, cur, at, word):
                kind = "Surn"
            elif word in marks.EAST_ASIAN_SURNAMES and _short_name_part(text, m.end(), word):
                kind = "Unknown"
            elif cur and len(cur) <= 2 and cur[0][2] in marks.EAST_ASIAN_SURNAMES and len(word) <= 4 \
                    and at - cur[-1][1] == 1 and text[cur[-1][1]] == " ":
                kind = "Unknown"  # "Ким Чен Ын": a short syllable of an East Asian name
            elif not cur and _foreign_first_name(text, at, m.end(), word):
                kind = "Unknown"
            elif (not cur or _run_broken(text, cur, at)) and _listed_given_before_surname(text, at, m.end(), word):
                kind = "Name"  # (a run open before it ends at it: "Энга Ли снялись Хит Леджер")
            elif cur:
                groups.extend(_run_groups(text, cur))
                cur = []
                continue
            else:
                continue
        if not cur and kind == "Unknown" and is_role_word(word):  # (an unknown word, a role by its guessed lemma)
            continue  # "Замгендиректора Института Гайдара": a role, not a first name
        if (kind == "Adj" and not (cur and cur[-1][3] in ("Name", "Patr"))) or (
                (kind in ("Unknown", "Surn") or kind == "Name" and _is_place(word))  # ("в Ливане Али …": Ливана's
                and (not cur or not _GAP.match(text, cur[-1][1], at)) and _after_place_preposition(text, at)):  # case)
            if cur:  # (the last test: "в Пхёнчхане Евгения Медведева", a place, then the name)
                groups.extend(_run_groups(text, cur))
                cur = []
            continue
        if cur:
            last = cur[-1][1]
            initial = _middle_initial(text, cur, at, kind)
            if initial is not None:
                cur.append(initial)  # "судья Джордж Х. Кинг": a middle initial between a first name and a surname
            elif (last != at and not _GAP.match(text, last, at)) or text[last:at].strip():
                groups.extend(_run_groups(text, cur))
                cur = []
        cur.append((at, stop, word, kind))
    if cur:
        groups.extend(_run_groups(text, cur))
    return groups


_SPELLED_NEXT = re.compile(r"[ \u00a0]([А-ЯЁ][а-яё]+)[ \u00a0]+[А-ЯЁ][а-яё]")


def _spelled_given_part(text: str, cur: list[tuple[int, int, str, str]], at: int, end: int, word: str) -> bool:
    """Two English letters spelled out before a surname make a given name ("защитник Пи Кей Суббэн", "Ти Джея
    Оши"; name_data.SPELLED_LETTERS): the first opens the run, the second goes on with it."""
    low = word.lower()
    if not cur or _run_broken(text, cur, at):  # (a run may end before it: "«Нэшвилла» Пи Кей Суббэн")
        nxt = _SPELLED_NEXT.match(text, end) if low in SPELLED_LETTERS else None
        return nxt is not None and nxt.group(1).lower() in SPELLED_LETTER_FORMS
    return len(cur) == 1 and cur[0][2].lower() in SPELLED_LETTERS and low in SPELLED_LETTER_FORMS \
        and _GAP.match(text, cur[0][1], at) is not None and _NEXT_NAME.match(text, end) is not None


def _run_broken(text: str, cur: list[tuple[int, int, str, str]], at: int) -> bool:
    """The open run ends before the word at ``at``: more than blanks lies between ("«Мехтер» турецкого города
    Изник"); a middle initial does not break it."""
    last = cur[-1][1]
    return ((last != at and not _GAP.match(text, last, at)) or bool(text[last:at].strip())) \
        and _MIDDLE_INITIAL.fullmatch(text, last, at) is None


_MIDDLE_INITIAL = re.compile(r"[ \u00a0]([А-ЯЁ])\.[ \u00a0]")


def _middle_initial(text: str, cur: list[tuple[int, int, str, str]], at: int,
                    kind: str) -> tuple[int, int, str, str] | None:
    """The token of a middle initial, written with a blank either side, between a first name alone and a surname
    ("Джордж Х. Кинг", "Джона С. Маккейна"; not "А.Сафонов", an initial that opens another name), else None."""
    if len(cur) != 1 or cur[0][3] != "Name" or kind not in ("Surn", "Unknown", "Name"):
        return None
    m = _MIDDLE_INITIAL.fullmatch(text, cur[0][1], at)
    return None if m is None else (m.start(1), m.end(1) + 1, m.group(1) + ".", "Unknown")


def _run_groups(text: str, run: list[tuple[int, int, str, str]]) -> list[Group]:
    """_split_run, with a surname of someone else glued before a full name cut off first (_owner_before_name), or
    a nominative surname glued after a full name in an oblique case (_glued_surname_after)."""
    if len(run) == 3 and _owner_before_name(text, run) or _owner_before_first_name(text, run):
        return _split_run(run[:1]) + _split_run(run[1:])
    if _glued_surname_after(text, run) or _oblique_man_before_surname(text, run):
        return _split_run(run[:-1]) + _split_run(run[-1:])
    if _oblique_name_before_full_name(run):
        return _split_run(run[:1]) + _split_run(run[1:])
    return _split_run(run)


def _man_oblique_only(word: str) -> bool:
    """A dictionary first name whose every reading is a man's name in a case other than the nominative ("Гансом",
    "Сергею"; not "Руслана", also a woman's nominative)."""
    ps = [p for p in parses(word.lower()) if "Name" in p.tag.grammemes and "voct" not in p.tag.grammemes]
    return bool(ps) and all(_known_parse(p) and MASC in p.tag.grammemes and "nomn" not in p.tag.grammemes
                            for p in ps)


def _oblique_man_before_surname(text: str, run: list[tuple[int, int, str, str]]) -> bool:
    """A man's full name in an oblique case, then a surname in a consonant, which a man's surname in that case would
    not be ("с главой немецкого МИД Гансом Геншером | Андропов резко выразился"), written elsewhere in the text too:
    the surname is another person's, the subject."""
    if len(run) != 3 or not _man_oblique_only(run[0][2]) or not _agrees_in_oblique_case(run[0][2], run[1][2]):
        return False
    last = run[-1][2]
    low = last.lower()
    if has_particle(last) or "-" in last or low[-1] in _VOWELS or low[-1] in "ьй":
        return False
    return _written_elsewhere(text, run, last)


def _agrees_in_oblique_case(first: str, second: str) -> bool:
    """The second word reads as a man's singular in the oblique case of the first name and never as a nominative
    ("Гансом Геншером"; not "Сергея Дмитрий", "Хабиба Абдулманап")."""
    cases = {p.tag.case for p in parses(first.lower()) if "Name" in p.tag.grammemes}
    ps = [p for p in parses(second.lower()) if {"anim", "sing"} <= p.tag.grammemes and "voct" not in p.tag.grammemes]
    return any(p.tag.case in cases for p in ps) and not any(p.tag.case == "nomn" for p in ps)


def _oblique_name_before_full_name(run: list[tuple[int, int, str, str]]) -> bool:
    """A first name that reads as a nominative only of the other gender ("Руслана", a woman's; a man's genitive) glued
    before a full name whose first name reads only as a nominative ("соратника Руслана | Рамзан Кадыров заявил"):
    the first is a man's name in an oblique case, another person."""
    if len(run) < 3 or run[0][3] != "Name" or run[1][3] != "Name":
        return False
    genders = _only_nominative_genders(run[1][2])
    if not genders:
        return False
    ps = [p for p in parses(run[0][2].lower()) if "Name" in p.tag.grammemes and "voct" not in p.tag.grammemes]
    nominative = [p for p in ps if "nomn" in p.tag.grammemes]
    return bool(nominative) and not any(g in p.tag.grammemes for p in nominative for g in genders)  # (one in an
    # oblique case only, "Хабиба Абдулманап Нурмагомедов", _split_run cuts off already)


def _glued_surname_after(text: str, run: list[tuple[int, int, str, str]]) -> bool:
    """A full name in an oblique case, then another person's surname in the nominative, with no comma between
    ("охарактеризовал Ким Чен Ына | Путин", "с зятем президента Джаредом Кушнером | Аббас возложил"): the word
    before the last ends in a case ending and the text writes it elsewhere without one ("Ким Чен Ын", "Джаред
    Кушнер"), and the last word, in a consonant (no case ending of its own), stands elsewhere in the text too."""
    if len(run) < 3:
        return False
    last, before = run[-1][2], run[-2][2]
    low = last.lower()
    if has_particle(last) or "-" in last or has_particle(before) or low[-1] in _VOWELS or low[-1] == "ь" \
            or low.endswith(("ом", "ем", "ём", "ым", "им")):  # (an instrumental agrees with the name before it)
        return False
    return _written_bare(text, run, before) and _written_elsewhere(text, run, last)


def _written_bare(text: str, run: list[tuple[int, int, str, str]], word: str) -> bool:
    """The text writes ``word`` elsewhere without its case ending ("Ын" for "Ына", "Кушнер" for "Кушнером")."""
    low = word.lower()
    for end in GLUED_OBLIQUE_ENDS:
        if low.endswith(end) and len(low) - len(end) >= 2 and low[-len(end) - 1] not in _VOWELS:
            if _written_elsewhere(text, run, word[: -len(end)]):
                return True
    return False


def _written_elsewhere(text: str, run: list[tuple[int, int, str, str]], word: str) -> bool:
    """The capitalised word stands in the text, a whole word, outside the run."""
    for m in re.finditer(r"(?<![А-ЯЁа-яё-])" + re.escape(word) + r"(?![А-ЯЁа-яё-])", text):
        if not run[0][0] <= m.start() < run[-1][1]:
            return True
    return False


def _owner_before_first_name(text: str, run: list[tuple[int, int, str, str]]) -> bool:
    """A surname, then a first name, right after a noun for a person: the surname is whose friend, son or lawyer
    the one with that first name is, when the text names its bearer elsewhere with another first name ("близкий
    друг Драчёва Валентина" beside "Андрея Драчёва")."""
    if len(run) != 2 or run[0][3] != "Surn" or run[1][3] != "Name" or not _person_word_before(text, run[0][0]):
        return False
    return _owner_before_name(text, [run[0], run[1], run[1]], other_than=run[1][2])


def _person_word_before(text: str, at: int) -> bool:
    """A lowercase noun for a person or a role word stands right before ``at`` ("друг", "адвокат")."""
    word = _lower_word_before(text, at)
    return word is not None and (is_role_word(word) or _animate_noun_word(word))


@lru_cache(maxsize=20_000)
def _animate_noun_word(low: str) -> bool:
    """Every reading of the word is an animate common noun (no name)."""
    tags = _tags(low)
    return bool(tags) and all("NOUN" in t.grammemes and "anim" in t.grammemes and not PROPER & t.grammemes
                              for t in tags)


def _owner_before_name(text: str, run: list[tuple[int, int, str, str]], other_than: str = "") -> bool:
    """A run of three name words whose first is the surname (or place) of another person than the first name and
    surname after it: "сестра Шипулина Анастасия Кузьмина", "предшественник Мадуро Уго Чавес", "Мэр Нэшвилла
    Меган Бэрри". The first word is no first name the dictionary knows, the last no patronymic, and the text names
    the first word's bearer elsewhere in full ("Антон Шипулин") or as a place ("в Нэшвилл")."""
    first, second, last = run
    if second[3] not in ("Name", "Unknown") or last[3] == "Patr" or first[3] == "Patr" or "-" in first[2] \
            or has_particle(first[2]) or _known_first_name(first[2]):
        return False
    for at in _capitalised_by_key(text).get(surname_key(first[2]), ()):
        if run[0][0] <= at < run[-1][1]:
            continue
        before = _PARTICLE_BEFORE.search(text, max(0, at - 30), at)  # (the capitalised word before, if any)
        if other_than and (before is None or surname_key(before.group(1)) == surname_key(other_than)):
            continue  # (the same first name: the same person, surname first)
        if _after_place_preposition(text, at) or before is not None and before.group(1)[:1].isupper() \
                and _known_first_name(before.group(1)):
            return True
    return False


_GENERATION = re.compile(r"-(старш|младш)[а-яё]*", re.IGNORECASE)
_last_keys: list[tuple[str, dict[str, list[int]]]] = []


def _capitalised_by_key(text: str) -> dict[str, list[int]]:
    """Where each capitalised word of ``text`` stands, by its surname key: one pass per text (the last text's map is
    kept: find_groups runs over one article's clauses many times)."""
    cached = _last_keys[0] if _last_keys else None  # one read: safe if threads share the module
    if cached is not None and cached[0] is text:
        return cached[1]
    found: dict[str, list[int]] = {}
    for m in _CAP_TOKEN.finditer(text):
        found.setdefault(surname_key(m.group()), []).append(m.start())
    _last_keys[:] = [(text, found)]
    return found


@lru_cache(maxsize=20_000)
def _known_first_name(word: str) -> bool:
    """The dictionary (not a guess) reads the word as a first name."""
    return any("Name" in tag.grammemes for _, tag in dictionary_readings(word.lower()))


_NAME_PARTICLES = marks.NAME_PARTICLES | EXTRA_NAME_PARTICLES  # "бин"
_ONE_LETTER_GIVEN = re.compile(r"[ \u00a0](И)(?![-А-ЯЁа-яё])")
_PARTICLE_ENDS = frozenset(w[-1] for w in _NAME_PARTICLES)
_NEXT_NAME = re.compile(r"[ \u00a0]+[А-ЯЁ]")


_PLACE_NOUN_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])([а-яё]+)[ \u00a0]+$")
_TWO_NAME_WORDS_NEXT = re.compile(r"[ \u00a0]+([А-ЯЁ][а-яё]+)[ \u00a0]+[А-ЯЁ][а-яё]")


def _place_before_name(text: str, at: int, stop: int, end: int) -> bool:
    """The capitalised word at [at, stop) follows a genitive place noun (marks.PLACE_NOUNS_GENITIVE) and two more
    capitalised words, a first name first, follow it: it names the place of the person named after it ("штата
    Вирджиния Ричард Блэк"; not "области Елена Николаевна Лапшина", a first name and patronymic)."""
    if at < 3 or text[at - 1] not in " \u00a0":
        return False
    before = _PLACE_NOUN_BEFORE.search(text, max(0, at - 16), at)
    if before is None or before.group(1) not in marks.PLACE_NOUNS_GENITIVE:
        return False
    nxt = _TWO_NAME_WORDS_NEXT.match(text, stop, end)
    return nxt is not None and name_kind(nxt.group(1)) == "Name"


@lru_cache(maxsize=200_000)
def _plain_word(word: str) -> bool:
    """A capitalised word find_groups passes over when no run is open: no hyphen, not name-like, no East Asian
    surname, no foreign first name (neither a nominative noun nor verb-like, _foreign_first_name's first test)."""
    return "-" not in word and name_kind(word) is None and word not in marks.EAST_ASIAN_SURNAMES \
        and not _nominative_noun(word) and not _verb_like(word) and not _first_name_reading(word) \
        and listed_foreign_given(word) is None


@lru_cache(maxsize=200_000)
def _dormant_word(word: str) -> bool:
    """A capitalised word that, with no run open, can only open a name as a foreign first name (_foreign_first_name):
    no hyphen, no particle, no East Asian surname, not name-like (find_groups' other tests leave it be)."""
    return "-" not in word and not (len(word) <= 3 and word.lower() in marks.CAP_PARTICLES) \
        and word not in marks.EAST_ASIAN_SURNAMES and name_kind(word) is None and listed_foreign_given(word) is None


def _foreign_first_name_at(text: str, m: re.Match) -> bool:
    """_foreign_first_name for a word that is not _plain_word, reading the text after it first (a capitalised word
    must follow: mostly none does)."""
    nxt = _NEXT_TWO.match(text, m.end())
    return nxt is not None and not nxt.group(2) and _foreign_first_name(text, m.start(), m.end(), m.group())


def _particle_before(text: str, at: int, after_name: bool, lo: int) -> int | None:
    """Start of a name particle right before the capitalised word at ``at`` ("Стаффан де Мистура", "подчеркнул
    де Мистура", "Де Мистура"), or None. "да" counts only after a first name ("Лула да Силва")."""
    if at - lo < 3 or text[at - 1] not in " \u00a0" or text[at - 2] not in _PARTICLE_ENDS:
        return None  # the cheap test first: find_groups asks for every capitalised word
    a = max(text.rfind(" ", max(lo, at - 7), at - 1), text.rfind("\u00a0", max(lo, at - 7), at - 1)) + 1
    if a == 0 and at - 1 - lo > 4:
        return None
    a = max(a, lo)
    word = text[a:at - 1]
    low = word.lower()
    a, word, low = _particle_pair(text, a, lo, word, low)
    if low not in _NAME_PARTICLES or (not after_name and low not in marks.CAP_PARTICLES
                                       and word not in EXTRA_NAME_PARTICLES):
        return None
    if word[:1].isupper() and low not in marks.CAP_PARTICLES:
        return None
    return a


def _particle_pair(text: str, a: int, lo: int, word: str, low: str) -> tuple[int, str, str]:
    """The particle at a with the particle before it when the two make one of NAME_PARTICLE_PAIRS ("Урсула фон дер
    Ляйен", "сообщила фон дер Ляйен"): the pair's start and first word; else a and the word unchanged."""
    if low not in _PAIR_SECONDS or a - lo < 3 or text[a - 1] not in " \u00a0":
        return a, word, low
    m = _PARTICLE_BEFORE.search(text, max(lo, a - 6), a)
    if m is None or f"{m.group(1).lower()} {low}" not in NAME_PARTICLE_PAIRS:
        return a, word, low
    return m.start(1), m.group(1), m.group(1).lower()


_PARTICLE_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])([А-ЯЁа-яё][а-яё]+)[ \u00a0]+$")
_PAIR_SECONDS = frozenset(p.split(" ")[1] for p in NAME_PARTICLE_PAIRS)
_NEXT_CAP = re.compile(r"[ \u00a0]([А-ЯЁ][а-яё]+)")


def _short_name_part(text: str, end: int, word: str) -> bool:
    """A short East Asian surname that opens a name ("Си Цзиньпин", "Ван И", "Мун Чжэ Ин"): one of
    ``marks.EAST_ASIAN_SURNAMES``, right before a capitalised word morphology does not know."""
    if word not in marks.EAST_ASIAN_SURNAMES:
        return False
    nxt = _NEXT_CAP.match(text, end)
    return nxt is not None and name_kind(nxt.group(1)) in ("Unknown", "Name", "Surn")


_NEXT_TWO = re.compile(r"[ \u00a0]([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*)(?![-А-ЯЁа-яё])(?:[ \u00a0]+([А-ЯЁ]))?")


def _foreign_first_name(text: str, at: int, end: int, word: str) -> bool:
    """A dictionary noun that is a foreign first name here ("судья Деррик Уотсон", "представитель организации Хала
    Джабер"): in the nominative, after a role phrase, before one more name word that ends the name."""
    named = _first_name_reading(word)
    if not _nominative_noun(word) and not _verb_like(word) and not named:
        return False  # (the word alone rules it out, as it mostly does: find_groups asks for every capitalised word)
    nxt = _NEXT_TWO.match(text, end)
    if nxt is None or nxt.group(2) or name_kind(nxt.group(1)) not in ("Surn", "Unknown", "Name"):
        return False
    return (_nominative_noun(word) or _capitalised_non_noun(text, at, word) or named) \
        and (role_before(text, at) is not None or _person_noun_before(text, at))


def _listed_given_before_surname(text: str, at: int, end: int, word: str) -> bool:
    """A foreign given name listed in name_data that morphology reads as something else ("Питера", "Кори", "Трент",
    "Джен"), right before one more name word that ends the name ("сенатор Кори Букер", "Питера Уиттла"); not after a
    place preposition ("в Питере Путин": the city)."""
    if listed_foreign_given(word) is None or _after_place_preposition(text, at):
        return False
    nxt = _NEXT_TWO.match(text, end)
    return nxt is not None and not nxt.group(2) and (name_kind(nxt.group(1)) in ("Surn", "Unknown", "Name")
                                                     or _common_word_as_surname(text, nxt))


def _common_word_as_surname(text: str, nxt: re.Match) -> bool:
    """The capitalised word after a listed given name is a common word morphology knows, no place, that no
    lowercase word it agrees with follows: a surname all the same ("Сенатор Дайан Файнштейн заявила": "файнштейн"
    an inanimate noun), as _surname_after_first_name reads it after any first name."""
    word = nxt.group(1)
    return name_kind(word) is None and word.lower() not in marks.NOT_PERSONS and not _is_place(word) \
        and not adjective_of_next(text, nxt.end(1), word)


_LOWER_WORD_BEFORE = re.compile(r"(?<![-А-ЯЁа-яё])([а-яё][а-яё-]{2,})[ \u00a0]+$")


def _lower_word_before(text: str, at: int) -> str | None:
    """The lowercase word (three letters or more) that stands right before ``at``, else None."""
    m = _LOWER_WORD_BEFORE.search(text, max(0, at - 30), at)
    return m.group(1) if m is not None else None


def _person_noun_before(text: str, at: int) -> bool:
    """A lowercase noun for a person in the nominative singular stands right before ``at`` ("итальянка Каролина
    Костнер", "француз Мартен Фуркад"): not a role word, but it introduces a person's name as much."""
    word = _lower_word_before(text, at)
    return word is not None and _person_noun_nominative(word)


@lru_cache(maxsize=20_000)
def _person_noun_nominative(low: str) -> bool:
    """An animate common noun in every reading (_animate_noun_word), one of them singular nominative."""
    return _animate_noun_word(low) and any({"nomn", "sing"} <= t.grammemes for t in _tags(low))


@lru_cache(maxsize=20_000)
def _first_name_reading(word: str) -> bool:
    """One reading of the word is a first name though name_kind passes it over for a plural it also reads as
    ("Председатель комитета … Эд Ройс": "Эд" as the genitive plural of "Эда") or a place ("итальянка Каролина
    Глик"); a place only as a first name in the nominative ("Премьер Израиля Нетаньяху": not the first name
    "Израиль" in the genitive)."""
    tags = _tags(word.lower())
    if any("Geox" in t.grammemes for t in tags):
        return any({"Name", "nomn", "sing"} <= t.grammemes for t in tags)
    return any("Name" in t.grammemes for t in tags)


@lru_cache(maxsize=20_000)
def _nominative_noun(word: str) -> bool:
    """Every reading of the word is a singular noun that may be in the nominative, none a place or a body."""
    tags = _tags(word.lower())
    return bool(tags) and all("NOUN" in t.grammemes and "Geox" not in t.grammemes
                              and "Orgn" not in t.grammemes for t in tags) \
        and any({"nomn", "sing"} <= t.grammemes for t in tags) and lemma(word) not in marks.ORG_HEADS


def _tags(low: str) -> list[Any]:
    """The tags of every reading of a lowercase word, in no particular order (a dictionary word's without parsing)."""
    return [tag for _, tag in dictionary_readings(low)] or [p.tag for p in parses(low)]


_VERB_LIKE = frozenset("VERB INFN GRND ADVB PRED INTJ".split())  # not adjectives: "президент Соединённых Штатов"
_SENTENCE_GAP = re.compile(r"[.!?…:;\n][»\"”)]*[ \u00a0\t]*$")


def _capitalised_non_noun(text: str, at: int, word: str) -> bool:
    """A word every reading of which is a verb or adverb, capitalised inside a sentence: a foreign first name that
    happens to spell one ("представитель МИД Турции Хами Аксой": "хами" is an imperative)."""
    return _verb_like(word) and at > 0 and not _SENTENCE_GAP.search(text, max(0, at - 6), at)


@lru_cache(maxsize=50_000)
def _verb_like(word: str) -> bool:
    """Every reading of the word is a verb or adverb (and it has one)."""
    tags = _tags(word.lower())
    return bool(tags) and all(t.POS in _VERB_LIKE for t in tags)


_PLACE_PREP = re.compile(r"(?<![А-ЯЁа-яё])(?:[вВ]|[вВ]о|[иИ]з|[нН]а)[ \u00a0]+$")  # also at a sentence start


def _after_place_preposition(text: str, pos: int) -> bool:
    return bool(_PLACE_PREP.search(text, max(0, pos - 4), pos))


@lru_cache(maxsize=100_000)
def _is_place(word: str) -> bool:
    return any("Geox" in p.tag.grammemes for p in parses(word.lower()))


def _surname_after_first_name(text: str, cur: list[tuple[int, int, str, str]], at: int, word: str) -> bool:
    """A capitalised common word right after a first name is a surname ("Наталья Гарт", "Игорь Подгорный"),
    also when that first name opens a second name in another case ("Владимира Путина Оливеру Стоуну")."""
    if not cur or cur[-1][3] not in ("Name", "Unknown") or word.lower() in marks.NOT_PERSONS:
        return False
    if len(cur) > 2 and not (len(cur) == 3 and cur[-1][3] == "Name" and _cases_clash(
            [t[2] for t in cur[:2]], [cur[-1][2], word])):
        return False
    return bool(_GAP.match(text, cur[-1][1], at)) and at - cur[-1][1] <= 2 \
        and not adjective_of_next(text, at + len(word), word)


_NEXT_LOWER = re.compile(r"[ \u00a0]+([а-яё]+)")


def adjective_of_next(text: str, end: int, word: str) -> bool:
    """The word is an adjective that agrees with the lowercase word after it ("святого князя Владимира | Украинской
    православной церкви"): it opens a phrase, it is no surname."""
    nxt = _NEXT_LOWER.match(text, end)
    if nxt is None:
        return False
    adj = {(p.tag.case, p.tag.number) for p in parses(word.lower()) if "ADJF" in p.tag.grammemes}
    return bool(adj) and any((p.tag.case, p.tag.number) in adj for p in parses(nxt.group(1))[:3]
                             if not {"ADJF", "NOUN"}.isdisjoint(p.tag.grammemes))


_ALL_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})


@lru_cache(maxsize=100_000)
def _token_cases(word: str) -> frozenset[str]:
    """Cases a name token may be in, read from its name or noun parses; every case when none says."""
    if has_particle(word):  # "де Мистуры": the particle is no part of the case
        word = split_particle(word)[1]
    found = frozenset(_CASE_ALIASES.get(str(t.case), str(t.case)) for t in _tags(word.lower())
                      if t.case and "plur" not in t.grammemes
                      and ("NOUN" in t.grammemes or not _NAME_TAG_SET.isdisjoint(t.grammemes)))
    return found or _ALL_CASES


def _name_cases(words: list[str]) -> frozenset[str]:
    """Cases every word of a name may share."""
    out = _ALL_CASES
    for w in words:
        out = out & _token_cases(w)
    return out


def _cases_clash(first: list[str], second: list[str]) -> bool:
    """Two adjacent names that cannot be in one case ("Джо Байдена" / "Джулианна Смит"): each consistent
    in itself, with no case in common."""
    a, b = _name_cases(first), _name_cases(second)
    return bool(a) and bool(b) and a.isdisjoint(b)


def _case_cut(part: list[tuple[int, int, str, str]]) -> int | None:
    """Where a run of four or more tokens holds two complete names in clashing cases (or in no gender and case
    alike: "Адвокат Леонида Невзлина | Дмитрий Харитонов"), or None."""
    for k in range(2, len(part) - 1):
        if part[0][3] in ("Name", "Unknown") and part[k][3] in ("Name", "Unknown"):
            first, second = [t[2] for t in part[:k]], [t[2] for t in part[k:]]
            if _cases_clash(first, second) or _readings_clash(first, second):
                return k
    return None


def _name_readings(words: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """(gender, case) pairs every word of a name may be read in together; a man's accusative only where it is his
    genitive too (a person is animate: "Абдулманап" is no accusative)."""
    out: frozenset[tuple[str, str]] | None = None
    for w in words:
        pairs = frozenset((g, c) for a in analyses(w) for g in ((a.gender,) if a.gender else (MASC, FEMN))
                          for c in a.cases if not (c == "accs" and g == MASC and "gent" not in a.cases))
        out = pairs if out is None else out & pairs
    return out or frozenset()


def _readings_clash(first: list[str], second: list[str]) -> bool:
    """Two adjacent names each readable in some gender and case, never both in the same."""
    a, b = _name_readings(tuple(first)), _name_readings(tuple(second))
    return bool(a) and bool(b) and a.isdisjoint(b)


def _sole_reading_cut(part: list[tuple[int, int, str, str]]) -> int | None:
    """Where three name words that share no gender and case hold two names: a first name and surname in an oblique
    case only, then a surname that cannot share it ("над Майклом Джонсоном | Уайт заявил"), or a first name the
    dictionary reads in an oblique case only, then a first name and surname that may be nominative ("Отец и тренер
    Хабиба | Абдулманап Нурмагомедов": the genitive of the one whose father he is).
    """
    words = tuple(t[2] for t in part)
    if any(t[3] == "Patr" for t in part) or any(has_particle(w) or "-" in w for w in words) or _name_readings(words):
        return None
    if part[0][3] == "Name" and _oblique_only(words[:2]) and all(is_known(w.lower()) for w in words[:2]) \
            and _readings_clash(list(words[:2]), list(words[2:])) and _may_be_nominative(words[2:]) \
            and words[2][-1] not in _VOWELS:  # (a man's surname in a consonant declines; "Абдуллы Кулли" need not)
        return 2
    if part[0][3] == "Name" and _known_first_name(words[0]) and _oblique_only(words[:1]) \
            and any(c == "gent" for _, c in _name_readings(words[:1])) \
            and part[1][3] in ("Name", "Unknown") and _may_be_nominative(words[1:]):
        return 1
    return None


def _oblique_only(words: tuple[str, ...]) -> bool:
    """The words read together in some gender and case, never in the nominative."""
    pairs = _name_readings(words)
    return bool(pairs) and not any(c == "nomn" for _, c in pairs)


def _may_be_nominative(words: tuple[str, ...]) -> bool:
    return any(c == "nomn" for _, c in _name_readings(words))


def _split_run(run: list[tuple[int, int, str, str]]) -> list[Group]:
    if len(run) <= 2:  # the common case, which the cuts below leave whole
        if len(run) == 1:
            a, b, w, k = run[0]
            return [] if k == "Unknown" and w.isupper() else [Group(a, b, (w,), (k,))]
        if _two_surnames(run):
            return [Group(a, b, (w,), (k,)) for a, b, w, k in run]
        return [Group(run[0][0], run[-1][1], tuple(t[2] for t in run), tuple(t[3] for t in run))]
    out: list[Group] = []
    cuts = [0] + [i for i in range(1, len(run) - 1) if run[i][3] == "Name" and run[i - 1][3] != "Name"
                  and not (i == 1 and _unknown_first_name(run))]
    if len(run) == 3 and run[0][3] == "Name" and run[1][3] in ("Surn", "Unknown") and run[2][3] == "Name" \
            and not has_particle(run[2][2]) and is_known(run[2][2].lower()):
        cuts.append(2)  # "Мать Владимира Шарафаненко Валентина": a first name after a full name is someone else's
    cuts.append(len(run))
    parts = [run[a:b] for a, b in zip(cuts, cuts[1:])]
    parts = [q for p in parts for q in _cut_by_case(p)]
    parts = [p[i:i + 4] for p in parts for i in range(0, len(p), 4)]
    for part in parts:
        if len(part) >= 3 and part[0][3] == "Name" and part[1][3] == "Name" and _is_place(part[0][2]):
            part = part[1:]  # "села Саханка Игорь Подгорный"
        kinds = tuple(k for *_, k in part)
        if all(k == "Unknown" for k in kinds) and len(part) == 1 and part[0][2].isupper():
            continue
        out.append(Group(part[0][0], part[-1][1], tuple(w for _, _, w, _ in part), kinds))
    return out


def _unknown_first_name(run: list[tuple[int, int, str, str]]) -> bool:
    """A word morphology does not know, in the nominative, before two names the dictionary reads as first names that
    are surnames here too (Spanish double surnames): "представитель департамента Мигель Мартинес Гонсалес" is one
    man, not "Мигель" and "Мартинес Гонсалес"."""
    if len(run) != 3 or run[0][3] != "Unknown" or "-" in run[0][2] or is_known(run[0][2].lower()):
        return False
    return _nominative_first_name_only(run[1][2]) and _nominative_first_name_only(run[2][2]) \
        and any("nomn" in a.cases for a in analyses(run[0][2]))


@lru_cache(maxsize=20_000)
def _nominative_first_name_only(word: str) -> bool:
    """The dictionary reads the word as a first name in the nominative singular and as no surname ("Мартинес",
    "Гонсалес"; not "Родионов", a surname and a plural of "Родион")."""
    tags = [tag for _, tag in dictionary_readings(word.lower())]
    return any(_NAME_NOM_SING <= tag.grammemes for tag in tags) and not any("Surn" in tag.grammemes for tag in tags)


_NAME_NOM_SING = frozenset({"Name", "nomn", "sing"})


def _cut_by_case(part: list[tuple[int, int, str, str]]) -> list[list[tuple[int, int, str, str]]]:
    k = _case_cut(part) or _second_name_cut(part) if len(part) >= 4 else _lone_word_cut(part) if len(part) == 3 else None
    return [part] if k is None else [part[:k], part[k:]]


def _second_name_cut(part: list[tuple[int, int, str, str]]) -> int | None:
    """2 when a first name and a surname morphology knows are followed by two more name words ("автору фильма
    Марине Косаревой | Родриго Дутерте признал"): no one's name is a full name and two more words."""
    if part[0][3] == "Name" and part[1][3] == "Surn" and is_known(part[1][2].lower()) \
            and part[2][3] in ("Name", "Unknown") and not has_particle(part[2][2]):
        return 2
    return None


def _lone_word_cut(part: list[tuple[int, int, str, str]]) -> int | None:
    """1 when a lone name word (or a word morphology does not know) in the genitive stands before a full name in
    another case ("мнению Френкеля | Руслан Коблев"), or one morphology only guessed agrees with no reading of the
    name after it ("министр по делам Брекзита | Дэвид Дэвис")."""
    if part[0][3] in ("Name", "Surn", "Unknown") and part[1][3] == "Name" and "gent" in _token_cases(part[0][2]) \
            and _cases_clash([part[0][2]], [t[2] for t in part[1:]]):
        return 1
    words = tuple(t[2] for t in part)
    if part[0][3] == "Name" and part[1][3] == part[2][3] == "Surn" and not has_particle(words[2]) \
            and _cases_clash(list(words[:2]), [words[2]]):
        return 2  # "с Андреем Колесниковым | Цивилев заявил": a full name in one case, a surname in another
    if part[0][3] in ("Name", "Unknown") and part[1][3] == "Name" and not is_known(words[0].lower()) \
            and not has_particle(words[2]) and not _genders_for(words) and _genders_for(words[1:]):
        return 1  # a word morphology only guessed that agrees with no reading of the name after it
    return _sole_reading_cut(part)


def _two_surnames(run: list[tuple[int, int, str, str]]) -> bool:
    """Two surnames side by side that agree in no gender and case are two people ("демарша Серуканова | Навальный
    заявил")."""
    if len(run) != 2 or not run[0][3] == run[1][3] == "Surn":
        return False
    return not _genders_for((run[0][2], run[1][2])) or _readings_disjoint(run[0][2], run[1][2])


def _readings_disjoint(first: str, second: str) -> bool:
    """Two surnames no reading of which shares a gender and a case ("говорит Дымовский | Медведеву": a man's
    nominative, then a dative or a woman's accusative)."""
    def pairs(word: str) -> set[tuple[str, str]]:
        return {(g, c) for a in analyses(word) for g in ((a.gender,) if a.gender else (MASC, FEMN)) for c in a.cases}
    return pairs(first).isdisjoint(pairs(second))


# --- roles -----------------------------------------------------------------------------------

_ROLE_STOP = re.compile(r"[.!?;:()«»\"“”„\n,]")


@lru_cache(maxsize=50_000)
def is_role_word(word: str) -> bool:
    low = word.lower().replace("ё", "е")
    if low in marks.ROLE_WORDS:
        return True
    lem = lemma(low)
    if lem in marks.ROLE_WORDS:
        return True
    for prefix in ("экс-", "вице-", "зам", "врио-"):
        if lem.startswith(prefix) and lem[len(prefix):] in marks.ROLE_WORDS:
            return True
    return _compound_role(lem)


def _compound_role(lem: str) -> bool:
    """A hyphenated role whose last part is a role word: "бизнес-омбудсмен", "арт-директор", "шеф-редактор"."""
    head, _, tail = lem.rpartition("-")
    return bool(head) and len(head) > 2 and tail in marks.ROLE_WORDS


@lru_cache(maxsize=50_000)
def _role_nominative(word: str) -> str:
    for p in parses(word.lower()):
        if p.tag.POS in ("NOUN", "ADJF") and p.tag.number != "plur":
            try:
                form = inflected_word(p, {"nomn", "sing"} if p.tag.POS == "NOUN" else {"nomn", "sing", "masc"})
            except ValueError:
                form = None
            if form is not None:
                return form
    return word.lower()


_PREPOSITIONS = frozenset("""в во на с со для у к о об про от по за при перед между без до из через над под против вместо
кроме среди около возле вокруг ради благодаря согласно насчёт насчет после""".split())


def role_before(text: str, pos: int, window: int = 160) -> str | None:
    """The role phrase that ends right before a name at pos ("губернатор Омской области"), if any."""
    found = _role_head(text, pos, window)
    if found is None:
        return None
    chunk, words, head = found
    while head > 0 and words[head - 1].group().lower() in marks.ROLE_MODIFIERS:
        head -= 1
    tail = chunk[words[head].start():].strip(" \u00a0-—–")
    if not tail:
        return None
    parts = tail.split(" ")
    fixed: list[str] = []
    done = False
    for part in parts:
        if not done and (part.lower() in marks.ROLE_MODIFIERS or is_role_word(part)):
            fixed.append(_role_nominative(part))
            done = is_role_word(part)
        else:
            done = True
            fixed.append(part)
    return " ".join(fixed).replace("\u00a0", " ").strip() or None


def role_adjective(text: str, pos: int) -> str:
    """The word right before the role phrase that ends at a name at pos, which role_before leaves out ("с
    сирийским лидером Башаром Асадом": "сирийским"); a country adjective there ties the role to that land."""
    found = _role_head(text, pos, 160)
    if found is None:
        return ""
    _, words, head = found
    while head > 0 and words[head - 1].group().lower() in marks.ROLE_MODIFIERS:
        head -= 1
    return words[head - 1].group() if head > 0 else ""


def role_cases(text: str, pos: int, own: bool = False) -> frozenset[str]:
    """The cases the head noun of the role phrase right before a name at pos is in, which a name in apposition
    shares ("режиссера Альберто Мораиса": gent/accs); empty without a role phrase. With ``own`` the role is taken
    for the name's whatever its first word's readings ("представителя HRW Оле Солванга": "Оле" is no dative of
    "Оля" there)."""
    found = _role_head(text, pos, 160, own)
    if found is None:
        return frozenset()
    _, words, head = found
    return frozenset(str(p.tag.case) for p in parses(words[head].group().lower())
                     if p.tag.POS == "NOUN" and p.tag.number == "sing")


_role_heads: list[tuple[str, dict[tuple[int, int, bool], Any]]] = []


def _role_head(text: str, pos: int, window: int, own: bool = False) -> tuple[str, list[re.Match], int] | None:
    """The text before pos that role_before reads, its words and the index of the role phrase's head noun (kept for
    the last text: role_before and role_cases read the same places of one article again; callers do not change it)."""
    slot = _role_heads[0] if _role_heads else None  # one read: safe if threads share the module
    if slot is None or slot[0] is not text:
        slot = (text, {})
        _role_heads[:] = [slot]
    key = (pos, window, own)
    found = slot[1].get(key, _UNSET)
    if found is _UNSET:
        found = slot[1][key] = _read_role_head(text, pos, window, own)
    return found


def _read_role_head(text: str, pos: int, window: int, own: bool) -> tuple[str, list[re.Match], int] | None:
    lo = max(0, pos - window)
    chunk = text[lo:pos]
    stop = _ROLE_STOP.search(chunk[::-1])  # the last stop: the phrase starts after it
    if stop is not None:
        chunk = chunk[len(chunk) - stop.start():]
    words = list(WORD_RE.finditer(chunk))[-12:]
    if words and words[-1].group().lower() in _PREPOSITIONS:
        return None  # "согласен с Полонским": the name is an object, not the holder of a role
    head: int | None = None
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group()
        role, stop, conj, named = _role_scan(w)
        if role:
            if _running_for(words, i):
                break
            if not own and _role_for_another(words[i].group(), text, pos):
                continue  # "советник президента Юрий Ушаков": the genitive role is not his, the head may be
            head = i
            if i > 0 and words[i - 1].group().lower() == "и":
                break
            continue
        if stop:
            break
        if conj and i + 1 < len(words) and is_role_word(words[i + 1].group()):
            break
        if named and i < len(words) - 1:
            break
    return None if head is None else (chunk, words, head)


@lru_cache(maxsize=100_000)
def _role_scan(w: str) -> tuple[bool, bool, bool, bool]:
    """What role_before asks of each word before a name, in one look: a role word (capitalised, only when not
    name-like), a word that ends the phrase ("как", a verb), "и", a first name or patronymic."""
    return (is_role_word(w) and (w[0].islower() or name_kind(w) is None),
            w.lower() in ("как", "а", "что", "который", "которая") or (w[0].islower() and is_verb(w)),
            w.lower() == "и", name_kind(w) in ("Name", "Patr"))


_CASE_ALIASES = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "voct": "nomn"}
_NAME_START = re.compile(r"[ \u00a0]*(?:[а-я]{2,3}-)?([А-ЯЁ][а-яё]+)")  # "аль-Файеда": the surname after its particle


@lru_cache(maxsize=100_000)
def _cases(word: str, tags: tuple[str, ...] | None = None) -> frozenset[str]:
    """Cases a word may be in (of its parses carrying one of ``tags`` when given)."""
    return frozenset(_CASE_ALIASES.get(str(tag.case), str(tag.case)) for tag in _tags(word.lower())
                     if tag.case and (tags is None or any(t in tag.grammemes for t in tags)))


def _lone_word(text: str, end: int) -> bool:
    """No capitalised word follows right after: a surname alone ("Трампа"), not a full name."""
    return _NEXT_NAME.match(text, end) is None


def _running_for(words: list[re.Match], i: int) -> bool:
    """The role word at i follows "в" in the plural: "кандидат в президенты" runs for the office, does not hold it."""
    return i > 0 and words[i - 1].group().lower() in ("в", "во") and \
        all(p.tag.number == "plur" for p in parses(words[i].group().lower()) if p.tag.POS == "NOUN")


def _role_for_another(word: str, text: str, pos: int) -> bool:
    """The role word is not the role of the name at pos: it is held towards a person named by a surname alone, not
    in the nominative ("пресс-секретарь Трампа"), or its case cannot agree with the name's ("лояльность президенту
    генерал-лейтенанта Майкла Флинна": the dative role is someone else's; only first names and surnames morphology
    knows are checked)."""
    name = _NAME_START.match(text, pos)
    if name is None:
        return False
    name_cases = _cases(name.group(1), ("Name", "Surn"))
    if lemma(word.lower()) in marks.RELATIONAL_ROLES and _lone_word(text, name.end()) and "nomn" not in name_cases:
        return True
    role_cases = _cases(word)
    return bool(name_cases) and bool(role_cases) and not name_cases & role_cases


_LAND_ALIASES = {"России": ("РФ", "Российской Федерации"), "РФ": ("России", "Российской Федерации")}


def _names_country(word: str, adjectives: tuple[str, ...]) -> bool:
    """"России", "США", "французский": a word of a role phrase that ties it to a country."""
    if word.lower() in marks.GEO_ABBR:
        return True
    if word[:1].isupper():
        return any("Geox" in p.tag.grammemes and p.tag.case == "gent" for p in parses(word.lower())[:2])
    return word.lower().startswith(adjectives)


# --- the article's registry of people ----------------------------------------------------------

_SAME_CLAUSE = 200  # characters after pos where a role holder is still named in the clause at hand
_NEW_PARAGRAPH = re.compile(r"\n\s*(?=\S)")
_NAMESAKE_WINDOW = 1000
_NAME_PATRONYMIC = ("Name", "Patr")


def _first_name(g: Group) -> frozenset[str]:
    """The first names of a full name group in the nominative, for each gender the name can have ("Юлия Кулешова":
    Юлия or Юлий; "Сайед Хамид Албар": Сайед and Хамид, so "Хамид Албар" is the same man); empty when the group
    is a surname only."""
    if len(g.tokens) < 2 or g.kinds[0] not in ("Name", "Unknown") or g.kinds[0] == "Unknown" and (
            g.tokens[0].lower().endswith(_OBLIQUE + ("ых", "их", "а", "я"))):
        return frozenset()  # unknown first names count in the nominative: "Родриго", "Висенте"; not "Флойдом"
    return _first_names(g.tokens)


@lru_cache(maxsize=50_000)
def _first_names(tokens: tuple[str, ...]) -> frozenset[str]:
    """Every word of the name before the surname but a patronymic, in the nominative (a lone word: itself)."""
    readings = _genders_for(tokens).values()
    given = [t for t in tokens[:-1] if name_kind(t) != "Patr"] if len(tokens) > 1 else tokens
    return frozenset(_title(form) for forms in readings for form, t in zip(forms, tokens) if t in given) \
        or frozenset({normalize_tokens(tokens)[0].split(" ")[0]})


def _written_nominative(tokens: tuple[str, ...], genders: frozenset[str]) -> bool:
    """The text writes the name in its nominative for one of these genders ("Руслан Бортник", not "Руслана
    Бортника", a man's name in the genitive that reads as a woman's in the nominative)."""
    written = " ".join(_title(t.lower()) for t in tokens).replace("ё", "е")
    return any(normalize_tokens(tokens, g == FEMN)[0].replace("ё", "е") == written for g in genders)


@dataclass
class Person:
    key: str
    tokens: tuple[str, ...]
    genders: frozenset[str]
    role: str | None = None
    feminine_hint: bool | None = None
    surname: str | None = None  # the surname as the text writes it in the nominative, when morphology is unsure
    surname_sure: bool = False  # seen right after a first name in the nominative
    written: bool = False  # a woman's name morphology reads only as a man's oblique case: her name as written
    _names: dict[tuple, str] = field(default_factory=dict, repr=False, compare=False)  # name() by the state it reads

    def name(self, feminine: bool | None = None) -> str:
        """The canonical name (remembered for the fields it reads: rules and the registry ask it again and again)."""
        state = (feminine, self.tokens, self.genders, self.feminine_hint, self.surname, self.surname_sure, self.written)
        found = self._names.get(state)
        if found is None:
            found = self._names[state] = self._name(feminine)
        return found

    def _name(self, feminine: bool | None) -> str:
        if self.written:
            return " ".join(_as_written(_title(t.lower()), t) for t in self.tokens)
        hint = feminine if feminine is not None else self.feminine_hint
        if len(self.genders) == 1:
            hint = FEMN in self.genders
        if self.surname and (self.surname_sure or not _genders_for(self.tokens) or not can_be_nominative(self.tokens)):
            return f"{self._given_names(hint)} {self.surname}".strip()
        return normalize_tokens(self.tokens, hint)[0]

    def _given_names(self, hint: bool | None) -> str:
        """The canonical words before the surname: read with the surname when the name reads whole ("Асии Биби":
        Асия beside a surname that shows no case), else alone."""
        if len(self.tokens) < 2:
            return ""
        if _genders_for(self.tokens):
            words = normalize_tokens(self.tokens, hint)[0].split(" ")
            words = words[: len(words) - len(self.tokens[-1].split(" "))]
        elif hint is True and FEMN not in _genders_for(self.tokens[:-1]):
            words = [_as_written(_title(t.lower()), t) for t in self.tokens[:-1]]  # "Мартина Хингис": no "Мартин"
        else:
            words = normalize_tokens(self.tokens[:-1], hint)[0].split(" ")
        if len(words) != len(self.tokens) - 1 or any(" " in t for t in self.tokens):
            return " ".join(words)  # (particles: "бен Абдель … аль Тани")
        return " ".join(t if hint is False and _mans_foreign_given(t) else
                        _given_as_surname(w, t, self.tokens[-1], self.surname if self.surname_sure else None)
                        for w, t in zip(words, self.tokens))

    @property
    def feminine(self) -> bool | None:
        if len(self.genders) == 1:
            return FEMN in self.genders
        return self.feminine_hint


_OBLIQUE = ("ой", "ому", "ым", "ом", "ою", "ей", "ы", "у", "ю")


def _mans_first_name(token: str) -> bool:
    """A first name before a surname read as a man's by the case of a role noun that is a man's: a foreign one
    morphology reads only as a woman's ("Оле"), or a man's name in a case of its own ("Бена", "Дмитрия"; not
    "Мишель", which a woman's name shares)."""
    return _mans_foreign_given(token) or any(a.gender == MASC and a.nom != token.lower() for a in analyses(token))


def _mans_foreign_given(token: str) -> bool:
    """A man's foreign first name morphology reads only as a woman's oblique form ("Оле", not "Оля"): as written."""
    return token.lower().endswith(FOREIGN_GIVEN_AS_WRITTEN_ENDS) and not any(a.gender == MASC for a in analyses(token))


def _given_as_surname(form: str, token: str, last: str, surname: str | None) -> str:
    """A given name morphology does not know, read alone: as written when it ends in a vowel no case ending gives
    ("Олле", not "Олл"); with the case ending the surname sheds when the text shows that surname bare ("Эвандера
    Холифилда" beside "Холифилд": Эвандер)."""
    low = token.lower()
    if is_known(low) or "-" in token:
        return form
    if surname and last.startswith(surname) and last != surname:
        end = last[len(surname):]
        if low.endswith(end) and low[-len(end) - 1] not in _VOWELS:
            return token[: -len(end)]
        return token
    return token if low.endswith(FOREIGN_GIVEN_AS_WRITTEN_ENDS) and form.lower() != low else form


@lru_cache(maxsize=50_000)
def can_be_nominative(tokens: tuple[str, ...]) -> bool:
    """Every token of the name has a nominative reading (the name may be a sentence's subject), or the name is a
    first name that reads only as a nominative before a surname morphology misreads ("Олег Митволь")."""
    return all(_token_nominative(tokens, i) for i in range(len(tokens))) or bool(_nominative_full_name(tokens))


def _token_nominative(tokens: tuple[str, ...], i: int) -> bool:
    """The token at i has a nominative reading by itself, or as a man's surname after his first name."""
    t = tokens[i]
    return any("nomn" in a.cases for a in analyses(t)) \
        or (name_kind(t) == "Unknown" and not t.lower().endswith(_OBLIQUE)) \
        or bool(i and _male_surname_after_first_name(tokens[0], t))


_SURNAME_OBLIQUE = ("ого", "его", "ому", "ему", "ыми", "ими", "ом", "ем", "у", "ю")  # "Олег Короткого", "Жан Коширом"


@lru_cache(maxsize=50_000)
def _nominative_full_name(tokens: tuple[str, ...]) -> frozenset[str]:
    """The genders in which the tokens are a full name in the nominative by its first name: a first name every name
    reading of which is a nominative ("Олег", "Елена"; not "Александра", "Ники") agrees in case with the surname
    after it, whatever morphology makes of that ("Олег Митволь", "Александр Мацегора"); or a first name that shows
    no case before a surname that does not decline ("Жозе Моуринью"). Empty for any other name."""
    if len(tokens) < 2 or name_kind(tokens[0]) != "Name" or has_particle(tokens[0]):
        return frozenset()
    last = tokens[-1]
    if not all(_token_nominative(tokens, i) for i in range(1, len(tokens) - 1)):
        return frozenset()
    genders = _only_nominative_genders(tokens[0])
    if genders:
        return frozenset() if _surname_oblique(last, genders) else genders
    if all(a.gender is None and "nomn" in a.cases for a in analyses(tokens[0])) \
            and _undeclined_or_consonant(split_particle(last)[1]):  # (not "Сашу Спилберг")
        return frozenset(_GENDERS)
    return frozenset()


def _undeclined_or_consonant(core: str) -> bool:
    """After a first name that shows no case ("Жозе", "Рене"), a surname that may be its nominative: one that does
    not decline ("Моуринью"; not "Голдбергу", a dative) or one in a consonant without an instrumental's ending
    ("Вайлер"; not "Вайлером")."""
    low = core.lower()
    if _indeclinable(core):
        return not low.endswith("у")
    return low[-1:] not in _VOWELS and low[-1:] not in ("й", "ь") and not low.endswith(("ом", "ем", "ым", "им"))


def _surname_oblique(last: str, genders: frozenset[str]) -> bool:
    """The surname after a first name in the nominative shows another case: by an ending no nominative has but by a
    reading of its own ("Жан Коширом", "Василь Иванычу"), or as a name of the other gender in an oblique case
    (vocatives aside) and never of this one ("Златана Ибрагимовича")."""
    found = analyses(last)
    if any("nomn" in a.cases for a in found):
        return False
    if last.lower().endswith(_SURNAME_OBLIQUE) and not last.lower().endswith("ску"):  # (not "Мирча Луческу")
        return True
    return any(a.gender not in genders and a.gender is not None and a.cases - {"voct"} for a in found) \
        and not any(a.gender in genders for a in found)


@lru_cache(maxsize=20_000)
def _only_nominative_genders(first: str) -> frozenset[str]:
    """The genders of a dictionary first name whose every singular name reading (vocatives aside) is a nominative
    of a word that declines; empty when one reading is in another case, a guess, or does not decline."""
    ps = [p for p in parses(first.lower()) if {"Name", "sing"} <= p.tag.grammemes and "voct" not in p.tag.grammemes]
    head, hyphen, _ = first.partition("-")
    if hyphen and len(head) > 2 and not all(_known_parse(p) for p in ps):
        return _only_nominative_genders(head)  # "Жан-Батист", no name to the dictionary: as "Жан"
    if not ps or any("nomn" not in p.tag.grammemes or "Fixd" in p.tag.grammemes or not _known_parse(p) for p in ps):
        return frozenset()
    return frozenset(g for g in _GENDERS if any(g in p.tag.grammemes for p in ps))


_MALE_SURNAME_ENDINGS = _SURNAME_ENDINGS[:5]  # "ов", "ев", "ёв", "ин", "ын"


def _male_surname_after_first_name(first: str, surname: str) -> bool:
    """"Михаил Хазин": morphology reads "Хазин" as a woman's name only, but after a man's first name in the nominative
    a word in -ов/-ев/-ин/-ын is his surname in the nominative."""
    return surname.lower().endswith(_MALE_SURNAME_ENDINGS) and _gendered(first, MASC, "nomn")


@lru_cache(maxsize=20_000)
def role_lemmas(role: str) -> frozenset[str]:
    """Lemmas of the head of a role phrase, its first role word ("адвокат режиссёра" -> {адвокат}: the director is
    someone else; "заместитель председателя комитета" -> {заместитель}), and of a last role word in the nominative
    apart from it ("член Совета при президенте политолог" -> {член, политолог})."""
    ws = WORD_RE.findall(role)
    at = [i for i, w in enumerate(ws) if is_role_word(w)]
    if not at:
        return frozenset()
    lems = {lemma(ws[at[0]])}
    if at[-1] > at[0] + 1 and "nomn" in _cases(ws[at[-1]]):
        lems.add(lemma(ws[at[-1]]))
    synonym = _office_synonym(ws, at[0])
    if synonym is not None:
        lems.add(synonym)
    return frozenset(lems)


def _office_synonym(ws: list[str], i: int) -> str | None:
    """The office a role phrase's head and the body after it name by another word ("глава МИД России" holds
    "министр", "глава правительства" "премьер"; the land may stand between: "глава российского МИД"), else None."""
    head = lemma(ws[i])
    for nxt in ws[i + 1:i + 3]:
        synonym = marks.ROLE_SYNONYMS.get(f"{head} {lemma(nxt)}")
        if synonym is not None:
            return synonym
    return None


def _other_gender_nominative(person: "Person", g: Group) -> bool:
    """A surname alone of a man whose nominative surname is in a consonant, written with a case ending ("словам
    Эрнеста" of Джош Эрнест, "Фрэнкса поддерживает" of Трент Фрэнкс): no nominative of his, though "Эрнеста" reads
    as a woman's nominative and "Фрэнкса" as a word that does not decline."""
    if len(g.tokens) != 1 or person.genders != {MASC} or len(person.tokens) < 2:
        return False
    surname = person.name().split(" ")[-1].lower()
    token = g.tokens[0].lower()
    return token != surname and _declined_from(token, surname)


def _canonical_surname_alone(person: "Person", g: Group) -> bool:
    """A surname alone written as the nominative of a person the text names in full ("Балега" of Юрий Балега), which
    morphology reads in no nominative (the genitive of a first name "Балег"): its form is the nominative all the same."""
    if len(g.tokens) != 1 or len(person.tokens) < 2:
        return False
    return g.tokens[0].lower() == person.name().split(" ")[-1].lower() and not can_be_nominative(g.tokens)


class Mention:
    """One mention of a person: position (-1: the title), the person's key, whether the name may be the subject
    (nominative; a mention of the text reads it on first use: most are never asked), and whether it lies inside
    quotation marks (words of a quote) or a photo caption: not the narrative."""

    __slots__ = ("pos", "key", "quoted", "_nominative")

    def __init__(self, pos: int, key: str, nominative: "bool | tuple[str, Group]", quoted: bool) -> None:
        self.pos, self.key, self.quoted = pos, key, quoted
        self._nominative = nominative  # a bool, or the (text, group) it is read from

    @property
    def nominative(self) -> bool:
        found = self._nominative
        if found is not True and found is not False:
            found = self._nominative = _mention_nominative(*found)
        return found

    def __repr__(self) -> str:
        return f"Mention(pos={self.pos!r}, key={self.key!r}, nominative={self.nominative!r}, quoted={self.quoted!r})"


def _mention_nominative(text: str, g: "Group") -> bool:
    """A name the narrative may make the subject: an opinion holder, or no oblique context and a nominative form (or
    the subject's place, unless a noun governs it in the dative or it owns the plural before a verb)."""
    return _opinion_holder(text, g) or not _oblique_context(text, g) and (
        can_be_nominative(g.tokens) or _subject_position(text, g) and not _noun_governed_dative(text, g)
        and not _owned_before_plural_verb(text, g))


_CREDIT_AFTER = re.compile(r"[ \u00a0\t]*\r?\n[ \u00a0\t]*(?:©|[A-Za-z][A-Za-z0-9 .&/'’-]{1,40}[ \u00a0\t]*(?:\r?\n|$)"
                           r"|(?:РИА Новости|ТАСС|Sputnik)[ \u00a0\t]*(?:\r?\n|$))")


def _photo_caption(text: str, g: "Group") -> bool:
    """The name fills a line of its own that a photo credit follows (" Дональд Трамп \n AFP \n © …"): the caption
    under a picture, not the narrative a pronoun or a role points back to."""
    a = g.start
    while a > 0 and text[a - 1] in " \u00a0\t":
        a -= 1
    if a > 0 and text[a - 1] != "\n":
        return False
    b = g.end
    while b < len(text) and text[b] in " \u00a0\t\r":
        b += 1
    return b < len(text) and text[b] == "\n" and _CREDIT_AFTER.match(text, b) is not None


def _speaking_subject(text: str, same: list["Mention"]) -> "Mention":
    """Of the nominative mentions of one sentence (latest first), the first one; but when it is no speech verb's
    subject and just one other is, that one ("В воскресенье вернулся в общую группу Игорь Акинфеев, а … Черчесов
    заявил, что … «…», — рассказал тренер": Черчесов speaks, not Акинфеев)."""
    first = same[-1]
    starts = sorted(m.pos for m in same)
    said = [m for m in same if _speaks_at(text, m.pos, starts)]
    return said[0] if len(said) == 1 and said[0] is not first and not _speaks_at(text, first.pos, starts) else first


_NAME_AT = re.compile(r"[А-ЯЁA-Z][\w\-]*(?:[ \u00a0]+[А-ЯЁA-Z][\w\-]*)*")
_THAT_AFTER = re.compile(r"(?<![А-ЯЁа-яё])(?:что|как|чтобы)(?![А-ЯЁа-яё])")


def _speaks_at(text: str, pos: int, starts: list[int]) -> bool:
    """The name at pos is a speech verb's subject: the verb follows it before its clause ends, the next name or a
    "что" ("Черчесов заявил, что …"), or right before it, past role words only ("сообщил руководитель департамента
    Георгий Голухов"; not "отметил вклад в свой успех дяди Тони")."""
    m = _NAME_AT.match(text, pos)
    end = m.end() if m else pos
    nxt = next((p for p in starts if p > pos), len(text))
    if nxt < len(text) and re.fullmatch(r"[ \u00a0]+и[ \u00a0]+", text[end:nxt]):  # "Путин и Трамп признали": both
        nxt = next((p for p in starts if p > nxt), len(text))
    if speech_verb(_clause_after(text, end, nxt))[0]:
        return True
    lo = max((c.end() for c in _CLAUSE_END.finditer(text, max(0, pos - 120), pos)), default=max(0, pos - 120))
    according = None
    for according in _ACCORDING_AT.finditer(text, lo, pos):
        pass
    if according is not None and "," not in text[according.end():pos]:
        return True  # "По мнению пенсионера из Техаса Джеймса Дункана, Обама продолжил …": whose opinion it is
    a = max((c.end() for c in _CLAUSE_MARK.finditer(text, max(0, pos - 120), pos)), default=max(0, pos - 120))
    ws = re.findall(r"[А-ЯЁа-яё\-]+", text[a:pos])
    verb = next((i for i, w in enumerate(ws) if speech_verb(w)[0]), None)
    return verb is not None and all(is_role_word(w) or w[:1].isupper() for w in ws[verb + 1:])


def _clause_after(text: str, end: int, nxt: int) -> str:
    """The rest of the clause after a name ending at ``end``, up to the next name, a punctuation mark or a "что"; past
    a parenthetical set off by commas ("Дмитрий, в свою очередь, сообщил")."""
    hi = min(nxt, end + 120)
    stop = _CLAUSE_MARK.search(text, end, hi)
    if stop is not None and stop.group() == ",":
        rest = text[stop.end():hi].lstrip().lower()
        lead = next((c for c in marks.SUBJECT_CONNECTIVES if rest.startswith(c + ",")), None)
        if lead is not None:
            skip = text.find(",", stop.end() + 1 + len(lead) - 1, hi)
            stop = _CLAUSE_MARK.search(text, skip + 1, hi) if skip >= 0 else stop
    after = text[end:stop.start() if stop else hi]
    that = _THAT_AFTER.search(after)
    return after[:that.start()] if that else after


_CLAUSE_MARK = re.compile(r"[,;:.!?«»\"()—–\n]")
_CLAUSE_END = re.compile(r"[;:.!?«»\"()—–\n]")
_ACCORDING_AT = re.compile(marks.ACCORDING_TO, re.IGNORECASE)


# a speech noun the name right after owns, in the genitive ("слова его музы, Ольги Ивинской", "после выступления
# президента РФ Владимира Путина"), with no clause break between
_SPEECH_OWNED = re.compile(r"(?<![А-ЯЁа-яё])(?:слова|выступлени[яе]|высказывани[яе]|реплик[аи]|речи)"
                           r"(?:[ \u00a0]+[А-ЯЁа-яё-]+,?){0,4}[ \u00a0]+$")
_RELATED_BOX_BODY = 2  # lines under a related-links head that belong to the box: a headline and its cut lead


def off_narrative(text: str, pos: int) -> bool:
    """pos lies in a photo caption (a line of its own, no sentence ended, a credit line follows: " Заседание СБ ООН 24
    февраля 2018 года \n Reuters \n"; not a paragraph a credit of a picture without caption follows) or in a box of
    links to other articles: not the narrative a pronoun or a generic word points back to."""
    if not text or pos < 0:
        return False
    end = text.find("\n", pos)
    line = text[text.rfind("\n", 0, pos) + 1:len(text) if end < 0 else end]
    if end >= 0 and len(line) < _CAPTION_MAX and not any(c in line for c in "«»\"") \
            and not line.rstrip().endswith((".", "!", "?", "…", ":")) and _CREDIT_AFTER.match(text, end) is not None:
        return True
    return in_related_box(text, pos)


_CAPTION_MAX = 200


def in_related_box(text: str, pos: int) -> bool:
    """pos lies in a box of links to other articles set inside the text (" Также по теме \n Трамп, который платит:
    … \n Штаб Дональда Трампа … \n"): the headline or cut lead of another article, not the narrative a pronoun
    points back to."""
    if pos < 0:
        return False
    end = text.rfind("\n", 0, pos)
    for _ in range(_RELATED_BOX_BODY):
        if end < 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip().lower() in marks.RELATED_BOX_HEADS:
            return True
        end = start - 1
    return False


def _nominative_surname(text: str, g: Group) -> bool:
    """A surname morphology cannot decline ("Марадона", "Халюта") written here in the nominative: after a first
    name in the nominative ("Диего Марадона"; after a first name that shows no case, a surname in -а/-я only where a
    subject stands: not "секретаря ООН Кофи Аннана"), or alone in a form that reads as a nominative."""
    last = g.tokens[-1]
    ps = parses(last.lower())
    if any("Surn" in p.tag.grammemes for p in ps) or name_kind(last) == "Adj":
        return False
    if len(g.tokens) >= 2 and g.kinds[0] == "Name":
        if _listed_oblique_given(g.tokens[0]):
            return False  # "Мартена Фуркада": a listed man's first name in the genitive, whatever morphology reads
        names = [p for p in parses(g.tokens[0].lower()) if "Name" in p.tag.grammemes]
        fixed = all("Fixd" in p.tag.grammemes for p in names)  # "Педро", "Диего": the first name shows no case
        return bool(names) and all("nomn" in p.tag.grammemes or "Fixd" in p.tag.grammemes for p in names) \
            and not (fixed and last.lower().endswith(_OBLIQUE)) \
            and not (fixed and last.lower().endswith(("а", "я")) and not _subject_position(text, g))  # "Кофи Аннана"
    return len(g.tokens) == 1 and bool(ps) and "nomn" in ps[0].tag.grammemes and "plur" not in ps[0].tag.grammemes \
        and _subject_position(text, g)


def _listed_oblique_given(word: str) -> bool:
    """name_data lists the word as a form of a foreign given name in an oblique case only ("Мартена": Мартен's
    genitive, which morphology reads as a woman's nominative)."""
    given = listed_foreign_given(word)
    return given is not None and "nomn" not in given[2]


# The lowercase word before a name, also across a first conjunct ("в отношении Белова и Легкова").
_WORD_BEFORE = re.compile(r"(?<![А-ЯЁа-яёA-Za-z])([а-яё]+)[ \u00a0]+(?:[А-ЯЁ][а-яё]+[ \u00a0]+и[ \u00a0]+)?$")


def _oblique_context(text: str, g: Group) -> bool:
    """The word right before the name shows it is not the subject: a preposition (also "в отношении", "в адрес"),
    or a role noun in apposition with no nominative reading ("президента Мадуро", "тренеру Иванову")."""
    m = _WORD_BEFORE.search(text, max(0, g.start - 60), g.start)
    if m is None:
        return False
    word = m.group(1)
    if word in _PREPOSITIONS or word in marks.PREPOSITION_NOUNS:
        return True
    if not is_role_word(word) or _owned_role_then_name(g):
        return False
    ps = parses(word)
    return bool(ps) and not any("nomn" in p.tag.grammemes for p in ps)


def _owned_role_then_name(g: Group) -> bool:
    """A full name whose first name reads only as a nominative after a role noun in the genitive ("Пресс-секретарь
    российского президента Дмитрий Песков назвал …"): the genitive owns the role before it, the name is no apposition
    to it and may be the subject (unlike "президента Владимира Путина")."""
    return bool(_nominative_full_name(g.tokens))


def _names_surname(person: Person, g: Group) -> bool:
    """The group ends in the person's surname (not "Денис" alone for "Денис Глушаков")."""
    key, own = g.key, person.key.split("#")[0]
    return own in (key, _stem(key)) or _stem(own) == _stem(key) or _stem(own) == _unfleeting(_stem(key))


_PREV_WORD = re.compile(r"([А-ЯЁа-яё]+)[ \u00a0]+$")


def _patronymic_alone(text: str, word: str) -> bool:
    """A word morphology reads as a patronymic stands alone in the text, without a first name before it ("постпред
    Александр Лукашевич … — отметил Лукашевич"): a surname in -ич, which no one calls a person by alone."""
    stem = word[:-2] if word.endswith(("ем", "ей", "ом")) else word[:-1] if word.endswith(("а", "у")) else word
    for m in re.finditer(r"(?<![А-ЯЁа-яё])" + re.escape(stem) + r"(?:а|у|ем|ом|е)?(?![А-ЯЁа-яё])", text):
        before = _PREV_WORD.search(text, max(0, m.start() - 40), m.start())
        if before is None or not before.group(1)[:1].isupper():
            return True
    return False


_FEMN_ONLY = frozenset({FEMN})
_BARE_ENDS = frozenset({"а", "у", "ом", "ем", "е"})  # a consonant-final man's surname's case endings
_SOFT_ENDS = frozenset({"я", "ю", "ем", "ём", "е"})  # those of one in -ь or -й


def _declined_from(word: str, bare: str, min_len: int = 3) -> bool:
    """``word`` is ``bare``, a word in a consonant of at least ``min_len`` letters, with a case ending ("Трумэна"
    from "Трумэн"; "Габриэля" from "Габриэль", "Парубия" from "Парубий")."""
    if len(bare) < min_len or " " in bare or bare[-1] in _VOWELS:
        return False
    if bare[-1] in "йь":
        return word.startswith(bare[:-1]) and word[len(bare) - 1:] in _SOFT_ENDS
    return word.startswith(bare) and word[len(bare):] in _BARE_ENDS


def _case_forms_of(oblique: tuple[str, ...], nominative: tuple[str, ...]) -> bool:
    """Every word of the name ``oblique`` that differs from ``nominative``'s is a case form of it (``_declined_from``:
    "Мартена Фуркада" of "Мартен Фуркад"; or "-ы", "-и", "-у" … of a word in "-а" or "-я": "Массимо Карреры" of
    "Массимо Каррера", "Дали Грибаускайте" of "Даля Грибаускайте"), and one differs."""
    return len(oblique) == len(nominative) >= 2 and oblique != nominative \
        and all(word == nom or _word_case_form(word, nom) for word, nom in zip(oblique, nominative))


def _word_case_form(word: str, nom: str) -> bool:
    """``word`` is a case form of the name word ``nom`` by its ending (``_case_forms_of``)."""
    stem, end = nom[:-1], nom[-1:]
    return _declined_from(word, nom) or end in NOMINATIVE_ENDS and len(stem) >= 2 and word.startswith(stem) \
        and word[len(stem):] in NOMINATIVE_ENDS[end]


def _case_form_of(word: str, bare: str) -> bool:
    """``word`` is ``bare``, a name word in a hard consonant (two letters will do: "Ын"), with a case ending ("Маском"
    from "Маск", "Ына" from "Ын", "Илоном" from "Илон")."""
    return bare[-1:] not in ("й", "ь") and _declined_from(word, bare, min_len=2)


def _fleeting_form(person: Person, g: Group) -> bool:
    """A lone surname with the fleeting vowel the person's key lacks ("Знарок" for "Олега Знарка"): only its
    nominative keeps the vowel."""
    stem = _stem(g.key)
    return len(g.tokens) == 1 and _unfleeting(stem) != stem and _unfleeting(stem) == _stem(person.key.split("#")[0])


def _unfleeting(stem: str) -> str:
    """A surname stem without its fleeting vowel ("знарок" -> "знарк", the stem of "Знарка"); others unchanged."""
    if len(stem) >= 5 and stem.endswith(_FLEETING) and stem[-3] not in _VOWELS:
        return stem[:-2] + stem[-1]
    return stem


_WOMANS_SURNAME_ENDS = ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")


def _woman_as_written(tokens: tuple[str, ...]) -> bool:
    """A first name in -а/-я that is no man's given name in the dictionary, before a surname a woman's nominative
    may be ("Моргана Девлин": "Моргана" only a surname's genitive; not "Юрия Иванова", a man's given name)."""
    if len(tokens) != 2 or any(" " in t or "-" in t for t in tokens):
        return False
    first, last = (t.lower() for t in tokens)
    if not first.endswith(("а", "я")) or any(_MASC_NAME <= p.tag.grammemes and _known_parse(p) for p in parses(first)):
        return False
    return last[-1:] not in _VOWELS and last[-1:] not in "йь" or last.endswith(_WOMANS_SURNAME_ENDS)


_MASC_NAME = frozenset({"Name", "masc"})
# A woman's speech verb, then maybe the outlet or audience told, right before a name ("— заявила RT Джозефа
# Реджетти,"); the name closes the clause.
_SHE_SAID_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])([а-яё]+ла)[ \u00a0]+(?:(?:[A-Z][A-Za-z]*|журналистам|[А-ЯЁ]{2,})[ \u00a0]+)?$")
_CLAUSE_CLOSE = re.compile(r"[ \u00a0]*(?:[,.;:!?)]|$)")


def _woman_said_as_written(text: str, g: Group, person: "Person") -> bool:
    """"— заявила RT Джозефа Реджетти, одна из членов комиссии": a woman's speech verb right before a name whose
    first name in -а morphology reads only as a man's genitive ("Джозеф") and whose surname does not decline (a
    vowel but -а/-я): the verb's subject, so the name stands in the nominative as written, a woman's. (A surname in
    a consonant says so by itself: _woman_as_written.)"""
    if person.genders != {MASC} or len(g.tokens) != 2 or len(person.tokens) != 2 or person.written:
        return False
    first, last = (t.lower() for t in g.tokens)
    if not first.endswith("а") or last[-1:] not in "иоуеэ" or not _CLAUSE_CLOSE.match(text, g.end):
        return False
    m = _SHE_SAID_BEFORE.search(text, max(0, g.start - 40), g.start)
    return m is not None and _past_gender(m.group(1)) == FEMN and speech_verb(m.group(1))[0]


def _role_case_surname(text: str, g: Group) -> str | None:
    """The nominative of a man's foreign surname written after an undeclined first name in the oblique case of the
    role noun right before them ("режиссера Альберто Мораиса" → Мораис, "тренером … Уго Броосом" → Броос); None
    without such a cue, or when the surname is written as its nominative reads."""
    first, last = g.tokens
    if " " in last or "-" in last:
        return None
    fitting = _first_name_cue_cases(first, last)
    if not fitting:  # (the first name allows no case: the role phrase need not be read)
        return None
    low = last.lower()
    cases = role_cases(text, g.start) or role_cases(text, g.start, own=True)
    for case in fitting:
        if case in cases and "nomn" not in cases:
            guess = surname_nominative(low, MASC, case)
            if guess is not None and guess != low:
                return _as_written(_title(guess), last)
    return None


@lru_cache(maxsize=50_000)
def _first_name_cue_cases(first: str, last: str) -> tuple[str, ...]:
    """The cases, in the order _role_case_surname tries them, in which a role noun's case may settle the surname
    after this first name: an undeclined first name (gent, datv, ablt), a declined one (accs; "Трэвиса Тайгарта")."""
    return tuple(case for case in ("gent", "datv", "ablt", "accs")  # (accusative and locative endings read too many
                 if case != "accs" and _undeclined_first(first, case)  # nominatives)
                 or case == "accs" and _declined_first(first, case, last))


def _declined_first(first: str, case: str, last: str) -> bool:
    """A man's first name written in this case with an ending of its own ("главу USADA Трэвиса": Трэвис) before a
    surname morphology does not know in -а after a consonant, which then shares that case ("Тайгарта": Тайгарт;
    not "Бышовца", whose nominative has a fleeting vowel)."""
    low = last.lower()
    return low.endswith("а") and low[-2:-1] not in _VOWELS and not re.search(r"[^аеёиоуыэюя][кц]а$", low) \
        and any(a.gender == MASC and case in a.cases and a.nom != first.lower() for a in analyses(first)) \
        and not any(p.tag.case for p in parses(last.lower()) if {"Surn", "Name"} & p.tag.grammemes
                    and "Geox" not in p.tag.grammemes and _known_parse(p))


def _undeclined_first(first: str, case: str) -> bool:
    """A first name that stands as written in this case: morphology reads it so ("Альберто", "Уго"), or it ends in
    a vowel no man's case form ends in and reads as no man's name ("Оле", which morphology takes for "Оля")."""
    found = analyses(first)
    return any(a.gender is None and a.nom == first.lower() and case in a.cases for a in found) \
        or first.lower().endswith(FOREIGN_FIRST_NAME_ENDS) and not any(a.gender == MASC for a in found)


def may_be_subject(text: str, g: Group) -> bool:
    """The name can be a sentence's subject where it stands: a nominative reading, no preposition or oblique role
    noun right before it."""
    return can_be_nominative(g.tokens) and not _oblique_context(text, g) and _verb_agrees(text, g)


def _verb_agrees(text: str, g: Group) -> bool:
    """A name that reads as a nominative only by its first name ("Олег Митволь") agrees in gender with a past-tense
    verb beside it ("Елена Зеркаль отметила"; not "Елена Зеркаль отметил")."""
    if all(_token_nominative(g.tokens, i) for i in range(len(g.tokens))):
        return True
    cue = _verb_gender(text, g)
    return cue is None or cue in _nominative_full_name(g.tokens)


_VERB_AFTER = re.compile(r"[ \u00a0]+([а-яё]+)")
try:  # possessive runs: no backtracking (Python 3.11+); the classes are disjoint, so 3.10's pattern finds the same
    _SPEECH_BEFORE = re.compile(r"([а-яё]++)(?:[ \u00a0]++[а-яё]++){0,2}[ \u00a0]++$")
except re.error:
    _SPEECH_BEFORE = re.compile(r"([а-яё]+)(?:[ \u00a0]+[а-яё]+){0,2}[ \u00a0]+$")


_OPINION_BEFORE = re.compile(r"(?:по[ \u00a0]+(?:словам|мнению|оценке|данным)|со[ \u00a0]+слов)[^!?:;«»\"\n]*$"
                             r"|" + marks.POINT_OF_VIEW_BEFORE, re.IGNORECASE)


_RE_FOLDS = re.compile("[\u1c80-\u1c83]")  # letters re's IGNORECASE also reads as в, д, о, с


def _opinion_holder(text: str, g: Group) -> bool:
    """"по мнению эксперта … Андрея Кошкина": the genitive names who speaks, as a subject would."""
    lo = max(0, g.start - 160)
    low = text[lo:g.start].lower()  # (a cheap test first: every match holds one of these words)
    if "слов" not in low and "мнению" not in low and "оценке" not in low and "данным" not in low and "зрения" not in low \
            and _RE_FOLDS.search(text, lo, g.start) is None:
        return False
    return _OPINION_BEFORE.search(text, lo, g.start) is not None


def _subject_position(text: str, g: Group) -> bool:
    """The name stands where a subject does: a finite verb follows ("Ганжара считает"), or a speech verb comes
    right before it ("заявил бывший директор Халюта")."""
    after = _VERB_AFTER.match(text, g.end, g.end + 40)
    if after and _best_reading_has(after.group(1), "VERB"):
        return True
    if g.tokens[-1][-1:].lower() in _UNDECLINED_ENDS and _verb_after_adverbs(text, g.end):
        return True
    before = _SPEECH_BEFORE.search(text, max(0, g.start - 50), g.start)
    return bool(before) and before.group(1).replace("ё", "е") in marks.SPEECH_VERBS


def _noun_governed_dative(text: str, g: Group) -> bool:
    """A name that reads only as a dative right after a common noun that is no dative itself ("срок обжалования
    приговора Илье Фарберу истек"): the noun governs it, so a verb after it does not make it the subject (unlike
    "Виктору Криводедову было 6 лет", "по паспорту Владимиру Этушу исполняется")."""
    if not any(_dative_only(t) for t in g.tokens):
        return False
    ps = _common_word_readings_before(text, g, 2)
    return bool(ps) and all(p.tag.POS == "NOUN" and p.tag.case not in ("datv", "loct") for p in ps)


def _owned_before_plural_verb(text: str, g: Group) -> bool:
    """A name with no nominative reading right after a common noun in the nominative, before a plural verb ("слова
    Волкера свидетельствуют"): the verb is the noun's, the name its owner, no subject."""
    if can_be_nominative(g.tokens):
        return False
    after = _VERB_AFTER.match(text, g.end, g.end + 40)
    if after is None or not _best_reading_has(after.group(1), "VERB") or not _best_reading_has(after.group(1), "plur"):
        return False
    ps = _common_word_readings_before(text, g, 3)
    return bool(ps) and all(p.tag.POS == "NOUN" and p.tag.case in ("nomn", "gent", "accs") for p in ps) \
        and any(p.tag.case == "nomn" for p in ps)  # (not "в секретариате
    # Игоря Шувалова сообщили": where the words come from)


def _common_word_readings_before(text: str, g: Group, n: int) -> list[Any]:
    """The best n readings of the lowercase word right before the name when it is no role word, else []."""
    m = _WORD_BEFORE.search(text, max(0, g.start - 60), g.start)
    return [] if m is None or is_role_word(m.group(1)) else parses(m.group(1))[:n]


def _dative_only(t: str) -> bool:
    """Every reading of the name word is an oblique case and one is the dative, and it ends as a dative does
    ("Фарберу", "Илье"; not "Чичиллине", which may not decline)."""
    found = analyses(t)
    if not found or any("nomn" in a.cases for a in found) or not any("datv" in a.cases for a in found):
        return False
    low = t.lower()
    return low.endswith(("у", "ю")) or is_known(low)


_MAX_ADVERBS_BEFORE_VERB = 2
_UNDECLINED_ENDS = frozenset("еиоэ")  # surnames that show no case ("Чичиллине", "Батшуайи", "Тирзе"), unlike "Гувера"


def _verb_after_adverbs(text: str, end: int) -> bool:
    """A finite verb of a man or a woman follows the name after an adverb or a particle or two ("Чичиллине вновь
    затронул", "Тирзе резко отреагировал"): the name is its subject, however it looks."""
    pos = end
    for _ in range(_MAX_ADVERBS_BEFORE_VERB):
        m = _VERB_AFTER.match(text, pos, pos + 40)
        if m is None or not (_best_reading_has(m.group(1), "ADVB") or _best_reading_has(m.group(1), "PRCL")):
            return False
        pos = m.end()
        nxt = _VERB_AFTER.match(text, pos, pos + 40)
        if nxt and _best_reading_has(nxt.group(1), "VERB"):
            return not _best_reading_has(nxt.group(1), "plur") and not _best_reading_has(nxt.group(1), "neut")
    return False


_GENDERS = (MASC, FEMN)


def _best_reading_has(word: str, grammeme: str) -> bool:
    """The best parse of the word carries the grammeme (every dictionary reading alike: without parsing)."""
    verdicts = {grammeme in tag.grammemes for _, tag in dictionary_readings(word)}
    if len(verdicts) == 1:
        return verdicts.pop()
    return any(grammeme in p.tag.grammemes for p in parses(word)[:1])


def _gender_open(person: Person) -> bool:
    """The person's gender may still be settled by the text: either gender, a name morphology only guessed, or a
    woman's name it reads only as a man's ("Моргана Девлин")."""
    return len(person.genders) != 1 or _guessed_name(person.tokens) or _woman_as_written(person.tokens)


@lru_cache(maxsize=20_000)
def _guessed_name(tokens: tuple[str, ...]) -> bool:
    """No word of the name is in the dictionary (a foreign name: its gender is morphology's guess)."""
    return not any(is_known(split_particle(t)[1].lower()) for t in tokens)


def _verb_gender(text: str, g: Group) -> str | None:
    """Gender of a singular past-tense verb right after the name, or right before it ("заявила Журавлева")."""
    after = _VERB_AFTER.match(text, g.end, g.end + 40)
    if after is not None:
        cue = _past_gender(after.group(1))
        if cue is not None:
            return cue
    before = _WORD_END.search(text, max(0, g.start - 30), g.start)
    return _past_gender(before.group(1)) if before is not None else None


def _short_adjective_gender(text: str, g: Group) -> str | None:
    """Gender of a singular short adjective or participle right after the name ("Антонина Цицулина уверена")."""
    after = _VERB_AFTER.match(text, g.end, g.end + 40)
    if after is None:
        return None
    ps = parses(after.group(1))
    grams = ps[0].tag.grammemes if ps else frozenset()
    if "sing" not in grams or "ADJS" not in grams and "PRTS" not in grams:
        return None
    return next((x for x in _GENDERS if x in grams), None)


_WORD_END = re.compile(r"(?<![А-ЯЁа-яё])([а-яё]+)[ \u00a0]+$")


@lru_cache(maxsize=50_000)
def _past_gender(word: str) -> str | None:
    """"отметила" -> femn, "заявил" -> masc; None for any other word."""
    verdicts = {_tag_past_gender(tag) for _, tag in dictionary_readings(word)}
    if len(verdicts) == 1:  # every dictionary reading alike: the best one's answer, without parsing
        return verdicts.pop()
    ps = parses(word)
    return _tag_past_gender(ps[0].tag) if ps else None


def _tag_past_gender(tag: Any) -> str | None:
    grams = tag.grammemes
    if "VERB" not in grams or "past" not in grams or "sing" not in grams:
        return None
    return next((x for x in _GENDERS if x in grams), None)


@lru_cache(maxsize=20_000)
def _role_gender(word: str) -> str | None:
    """"заведующая", "теннисистка", "официальная", "христианки" -> femn; None for any other word (masculine role
    words and their adjectives name women too: "официальный представитель Марина Гриднева")."""
    ps = parses(word.lower())
    if not ps:
        return None
    grams = ps[0].tag.grammemes
    feminine = {"sing", "femn"} <= grams and "Ms-f" not in grams
    return FEMN if feminine and not {"NOUN", "ADJF", "PRTF"}.isdisjoint(grams) else None


def _apposition_gender(text: str, g: Group) -> str | None:
    """femn when a noun for a woman or a feminine adjective stands right before the name in a case the name has as
    a woman's ("христианки Асии Биби", "80-летняя Александра Смирнова"); None otherwise."""
    before = _WORD_END.search(text, max(0, g.start - 30), g.start)
    if before is None:
        return None
    readings = dictionary_readings(before.group(1))
    if readings and all(not (_WOMAN_NOUN <= t.grammemes or _FEMN_ADJECTIVE <= t.grammemes) or "Ms-f" in t.grammemes
                        for _, t in readings):
        return None  # (no dictionary reading can be the best one that passes: no parse)
    ps = parses(before.group(1))
    if not ps or not (_WOMAN_NOUN <= ps[0].tag.grammemes or _FEMN_ADJECTIVE <= ps[0].tag.grammemes) \
            or "Ms-f" in ps[0].tag.grammemes:
        return None
    woman = [a for a in analyses(g.tokens[0]) if a.gender == FEMN]
    extra = _woman_in_ija(g.tokens[0]) if len(g.tokens) > 1 else None
    cases = {c for a in woman + ([extra] if extra else []) for c in a.cases}
    return FEMN if ps[0].tag.case in cases else None


_WOMAN_NOUN = frozenset({"NOUN", "anim", "sing", "femn"})
_FEMN_ADJECTIVE = frozenset({"ADJF", "sing", "femn"})
_QUOTED_TITLE = re.compile(r"«[^«»]*»|\"[^\"]*\"|„[^“]*“")


def _surname_first(word: str) -> bool:
    """Morphology reads the word as a surname before anything else (not "Московский", an adjective first)."""
    return _best_reading_has(word.lower(), "Surn")


def _lone_surnames(groups: list[Group], people: dict[str, Person]) -> list[Group]:
    """Groups of a dictionary surname alone ("Обама", "Обамой") that the article repeats but never names in full:
    a person all the same, whom a later "он" may mean."""
    known = set(people) | {_stem(k.split("#")[0]) for k in people}
    lone = [g for g in groups if len(g.tokens) == 1 and g.kinds[0] == "Surn" and g.key not in known
            and _stem(g.key) not in known and _surname_first(g.tokens[0])]
    counts = Counter(g.key for g in lone)
    return [g for g in lone if counts[g.key] >= 2]


def _stems_of(keys: dict[str, Any]) -> dict[str, str]:
    """Stem -> surname key, also without a fleeting vowel ("бышовц" -> "бышовец": "Бышовца")."""
    stems: dict[str, str] = {}
    for k in keys:
        stem = _stem(k)
        stems[stem] = k
        if len(stem) >= 5 and stem.endswith(_FLEETING) and stem[-3] not in _VOWELS:
            stems.setdefault(stem[:-2] + stem[-1], k)
    return stems


_FLEETING = ("ец", "ок", "ек")


@lru_cache(maxsize=50_000)
def _reading_keys(token: str) -> tuple[tuple[str, str], ...]:
    """(key, stem) of every key Registry._reading_key tries for a lone word, in order: the surname key of each reading's
    nominative, then the word's own key without a fleeting vowel."""
    keys = [surname_key(_title(a.nom)) for a in analyses(token)]
    keys.append(_unfleeting(_stem(surname_key(token))))
    return tuple((k, _stem(k)) for k in keys)


@lru_cache(maxsize=200_000)
def _lone_surname_key(word: str) -> str | None:
    """surname_key of a capitalised word that is not name-like by itself, or is a -ский/-цкий adjective ("Красносельский
    заявил" after "Вадим Красносельский": find_groups takes such a word only after a first name); None for other
    name-like words and words that never name a person: _known_surnames asks it of every capitalised word."""
    if name_kind(word) not in (None, "Adj") or word.lower() in marks.NOT_PERSONS:
        return None
    return surname_key(word)


def _settle_surname(text: str, g: Group, person: Person, guessed: set[str]) -> None:
    """The surname as one mention outside quotations shows it: the case a role noun asks for ("представителя
    HRW Оле Солванга" -> "Солванг"; its key joins ``guessed``), else a nominative or fleeting-vowel form
    ("Знарок"), unless an earlier mention settled it for sure."""
    guess = _role_case_surname(text, g) if not person.surname_sure and len(g.tokens) == 2 \
        and person.tokens == g.tokens else None  # (not when the text names them in another form too)
    if guess is not None:
        if person.name().rsplit(" ", 1)[-1] != guess:  # (morphology may read the whole name already:
            person.surname, person.surname_sure = guess, True  # "Эммануэля Макрона")
            guessed.add(person.key)
            if MASC in person.genders and _mans_first_name(g.tokens[0]):  # "Оле Солванга": not "Оля"
                person.genders = frozenset({MASC})
    elif (not person.surname_sure or person.key in guessed and _fleeting_form(person, g)) \
            and _names_surname(person, g) and (_nominative_surname(text, g) or _fleeting_form(person, g)):
        person.surname = _as_written(_title(g.tokens[-1].lower()), g.tokens[-1])
        person.surname_sure = len(g.tokens) > 1 or _fleeting_form(person, g)


_PATRONYMIC_ROOT = re.compile(r".+?(?:вич|вн|чн|ич)|.*")  # "Спиридоновича" -> "спиридонович"
# A kin noun right before a name, after a possessive or not ("мой отец Владимир Спиридонович Путин").
_KIN_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])(?:" + "|".join(sorted(marks.KIN_FORMS, key=len, reverse=True))
                         + r")[ \u00a0]+$", re.IGNORECASE)


def _kin_before(text: str, at: int) -> bool:
    """A kin noun ("отец", "сына", "деда") stands right before the name at ``at``: the name is a relative's, kept
    apart from a namesake the text names otherwise (father and son: "Владимир Спиридонович" and "Владимир Путин")."""
    return _KIN_BEFORE.search(text, max(0, at - 20), at) is not None


# An initial right before a surname ("В.Юсуфов", "В. Юсуфов"; the patronymic's initial may follow: "В.И. Юсуфов").
INITIALS_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])([А-ЯЁ])\.(?:[ \u00a0]?[А-ЯЁ]\.)?[ \u00a0]?$")


@dataclass
class Registry:
    """Everyone named in one article: full names by surname key, and every mention's position."""

    people: dict[str, Person] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    _positions: list[int] = field(default_factory=list)
    _roles: dict[str, set[str]] | None = None
    _text: str = ""
    _stems: dict[str, str] = field(default_factory=dict)
    _namesakes: dict[str, list[tuple[int, str, frozenset[str]]]] = field(default_factory=dict)  # surname key -> (pos, key, first)
    _known: dict[tuple[int, int], Group] = field(default_factory=dict)
    _role_at: dict[int, str | None] = field(default_factory=dict)
    _by_name: dict[str, Person] | None = None
    _weight: dict[str, int] = field(default_factory=dict)  # key -> full-name mentions, a title's counting 100
    _generation: dict[tuple[str, str], str] = field(default_factory=dict)  # (surname key, "старш"/"младш") -> key
    _kin: set[str] = field(default_factory=set)  # keys of people introduced as someone's kin ("его отец …")

    def role_before(self, text: str, pos: int) -> str | None:
        """role_before(text, pos), remembered for the registry's own text (names are looked at many times)."""
        if text is not self._text:
            return role_before(text, pos)
        if pos not in self._role_at:
            self._role_at[pos] = role_before(text, pos)
        return self._role_at[pos]

    @property
    def roles(self) -> dict[str, set[str]]:
        """Surname key -> lemmas of every role word seen right before a mention (computed on first use)."""
        if self._roles is None:
            self._roles = {}
            for m in self.mentions:
                role = None if m.quoted or m.pos < 0 else self.role_before(self._text, m.pos)
                if role:
                    self._roles.setdefault(m.key, set()).update(role_lemmas(role))
        return self._roles

    @classmethod
    def build(cls, text: str, quoted: list[tuple[int, int]] | None = None, title: str = "",
              lead: str = "") -> "Registry":
        """People named in text; names in the title count as mentions before the text (position -1); the lead
        only lends its nominative forms to people the text names ("Массимо Каррера" over "Массимо Карреру")."""
        reg = cls(_text=text)
        spans: dict[str, list[int]] = {}
        groups = find_groups(text, spans=spans)
        title = _QUOTED_TITLE.sub(" ", title) if title else ""  # words quoted in a title are not its topic
        heading = find_groups(title) if title else []
        for g in groups:
            if g.full and text[g.start - 1:g.start] not in marks.ALL_MARKS:  # «Алор Брокер» is a company
                reg._add_full(text, g)
        for g in heading:
            if g.full:
                reg._add_full(title, g, -1)
        for g in _lone_surnames(groups, reg.people):
            reg._add_full(text, g)
        reg._merge_declined_names()
        lead_groups = find_groups(lead) if lead else []
        for g in lead_groups:
            reg._lead_introduced(lead, g, groups)
        for g in lead_groups:
            reg._lend_form(g)
            reg._lend_first_name(lead, g)
            reg._lend_role(lead, g)
        reg._stems = _stems_of(reg._namesakes)
        reg.mentions.extend(Mention(-1, p.key, True, False) for p in map(reg.lookup, heading) if p is not None)
        reg._known = {(g.start, g.end): g for g in reg._known_surnames(text, groups, spans)}
        groups = sorted([*groups, *reg._known.values()], key=lambda g: g.start)
        quoted = sorted(quoted or [])
        starts = [a for a, _ in quoted]
        cues: dict[str, Counter[str]] = {}
        forms: dict[str, set[str]] = {}  # key -> surnames as written
        guessed: set[str] = set()  # keys whose surname the case of a role noun gave ("Ходарёнка" -> a lone "Ходарёнок" wins)
        for g in groups:
            person = reg.lookup(g)
            if person is None:
                continue
            i = bisect_left(starts, g.start + 1) - 1
            inside = i >= 0 and quoted[i][0] <= g.start < quoted[i][1] or _photo_caption(text, g)
            # (nominative read on first use; a man's surname with a case ending is none: _other_gender_nominative)
            if _other_gender_nominative(person, g):
                nominative: "bool | tuple[str, Group]" = _opinion_holder(text, g)
            elif _canonical_surname_alone(person, g):  # "Как отмечает Балега" of Юрий Балега
                nominative = _opinion_holder(text, g) or not _oblique_context(text, g)
            else:
                nominative = (text, g)
            mention = Mention(g.start, person.key, nominative, inside)
            reg.mentions.append(mention)
            if not inside and _woman_said_as_written(text, g, person):
                person.genders, person.written = frozenset({FEMN}), True  # "— заявила RT Джозефа Реджетти"
            if not inside and _gender_open(person):
                cue = reg._gender_cue(text, g, mention)
                if cue is not None:
                    cues.setdefault(person.key, Counter())[cue] += 1
            if len(g.tokens) > 1 or _names_surname(person, g):
                forms.setdefault(person.key, set()).add(g.tokens[-1])
            if not inside:
                _settle_surname(text, g, person, guessed)
        reg._settle_genders(cues)
        reg._settle_surnames(forms)
        reg.mentions.sort(key=lambda m: m.pos)
        reg._positions = [m.pos for m in reg.mentions]
        return reg

    def _gender_cue(self, text: str, g: Group, mention: Mention) -> str | None:
        """The gender one mention shows outside the name: a first name and patronymic of one gender ("Виктории
        Юрьевны"), a past-tense verb the name is the subject of ("Журавлева отметила", "подчеркнула Хуа Чуньин"),
        or a role phrase opening with a word of one gender ("заведующая сектором … Виктория Журавлева")."""
        if g.kinds == _NAME_PATRONYMIC:
            genders = possible_genders(g.tokens)
            return next(iter(genders)) if len(genders) == 1 else None
        if mention.nominative and not (len(g.tokens) == 1 and g.kinds[0] == "Name" and not can_be_nominative(g.tokens)):
            cue = _verb_gender(text, g) or _short_adjective_gender(text, g)  # (not "Супруг Асии объявил": a
            if cue is not None:  # first name alone in another case)
                return cue
        role = self.role_before(text, g.start)
        return _role_gender(role.split(" ")[0]) if role else _apposition_gender(text, g)

    def _settle_genders(self, cues: dict[str, Counter[str]]) -> None:
        """A person whose name reads as either gender takes the one the article shows, when it shows one (three times
        as often as the other);
        so does a foreign name morphology only guessed ("Хуа Чуньин" with "подчеркнула")."""
        for key, counts in cues.items():
            (gender, top), *rest = counts.most_common()
            if rest and top < 3 * rest[0][1]:
                continue  # (one stray cue against three does not stop it: "Асия Биби был")
            person = self.people[key]
            if gender in person.genders or _guessed_name(person.tokens):
                person.genders = frozenset({gender})
            elif gender == FEMN and _woman_as_written(person.tokens):
                person.genders, person.written = frozenset({FEMN}), True  # "пояснила Моргана Девлин"

    def _settle_surnames(self, forms: dict[str, set[str]]) -> None:
        """A man's canonical surname that is another form the text writes plus a case ending ("Гарри Трумэна" beside
        "Трумэн", "Марко Штурму" beside "Штурм", "Уго Броосом" beside "Броос"): the bare form, which ends in a
        consonant, is the nominative; so is the first name written with it ("Мацей Рыбусь" beside "Мацея Рыбуся":
        not "Мацея Рыбусь")."""
        for key, seen in forms.items():
            person = self.people[key]
            if len(person.tokens) < 2 or person.genders == _FEMN_ONLY:
                continue
            last = person.name().split(" ")[-1]
            bare = next((f for f in seen if _declined_from(last, f)), None)
            if bare is None and not is_known(last.lower()):  # "Василия Небензи" beside "Небензя дал понять"
                bare = next((f for f in seen if _word_case_form(last, f)), None)
            if bare is not None:
                person.surname, person.surname_sure = bare, True
                first = self._bare_first_name(person.tokens, bare)
                if first is not None:
                    person.tokens = (first, *person.tokens[1:-1], bare)

    def _bare_first_name(self, tokens: tuple[str, ...], bare: str) -> str | None:
        """The word the text writes right before the bare surname that the first name is a case form of ("Мацей
        Рыбусь" for "Мацея Рыбуся"; find_groups may not take "Мацей" for a name), else None."""
        if len(tokens) != 2:
            return None
        for m in re.finditer(r"([А-ЯЁ][а-яё]+)[ \u00a0]+" + re.escape(bare) + r"(?![А-ЯЁа-яё])", self._text):
            if m.group(1) != tokens[0] and _declined_from(tokens[0], m.group(1)):
                return m.group(1)
        return None

    def _add_full(self, text: str, g: Group, pos: int | None = None) -> None:
        if g.kinds == _NAME_PATRONYMIC and self._by_first_name(
                g.tokens[0], g.start if pos is None else len(self._text)) is not None \
                and not _patronymic_alone(self._text, g.tokens[1]):
            return  # "рассказал Олег Васильевич" after "Олег Щербацкий": the same man, not a new person
        genders = possible_genders(g.tokens) or frozenset({MASC, FEMN})
        first = _first_name(g)
        namesakes = self._namesakes.setdefault(g.key, [])
        kin = pos is None and "Patr" in g.kinds and _kin_before(text, g.start)
        person = next((self.people[k] for _, k, _ in namesakes if self._same_patronymic(g, k)), None) \
            or next((self.people[k] for _, k, f in namesakes
                     if (f & first or not f or not first or _case_forms_of(self.people[k].tokens, g.tokens)
                         or _case_forms_of(g.tokens, self.people[k].tokens))  # ("Мартену Фуркаду": Мартен)
                     and (k in self._kin) == kin), None)
        if person is None:  # "Светлана Петренко" after "Павел Петренко": another person, same surname
            if kin:  # "мой отец Владимир Спиридонович Путин" beside "Владимир Путин": his father, not him
                self._kin.add(f"{g.key}#{len(namesakes)}" if namesakes else g.key)
            key = f"{g.key}#{len(namesakes)}" if namesakes else g.key
            self.people[key] = Person(key, g.tokens, genders, self.role_before(text, g.start))
            namesakes.append((g.start if pos is None else pos, key, first))
            self._weight[key] = 100 if pos == -1 else 1
            return
        self._weight[person.key] = self._weight.get(person.key, 0) + (100 if pos == -1 else 1)
        nominative = can_be_nominative(g.tokens)
        both = person.genders & genders or person.genders
        if _case_forms_of(person.tokens, g.tokens) and person.genders & genders:  # "Массимо Карреры", then
            person.tokens, person.genders = g.tokens, person.genders & genders  # "Массимо Каррера говорил"
        elif len(g.tokens) > len(person.tokens) or len(g.tokens) == len(person.tokens) and (
                nominative and not can_be_nominative(person.tokens)
                or _written_nominative(g.tokens, both) and not _written_nominative(person.tokens, both)):
            person.tokens = g.tokens
        person.genders = both
        if person.role is None:
            person.role = self.role_before(text, g.start)

    def _merge_declined_names(self) -> None:
        """Two people the registry keeps apart because morphology keys a case form of the surname otherwise ("Илоном
        Маском" read as the adjective "маский", "Ким Чен Ына" as "Ына") while the text also names them in the bare
        form ("Илон Маск", "Ким Чен Ын"): one person, named in the bare form."""
        full = [p for k, p in self.people.items() if k == p.key and len(p.tokens) >= 2]
        for q in full:
            p = next((p for p in full if p is not q and len(p.tokens) == len(q.tokens) and p.tokens != q.tokens
                      and _case_form_of(q.tokens[-1], p.tokens[-1])
                      and all(a == b or _case_form_of(a, b) for a, b in zip(q.tokens[:-1], p.tokens[:-1]))), None)
            if p is not None and self.people.get(p.key) is p:
                if MASC in p.genders:  # (a consonant-final name that declines is a man's, whatever the case form reads)
                    p.genders = frozenset({MASC})
                self.people[q.key] = p
                self._weight[p.key] = self._weight.get(p.key, 0) + self._weight.get(q.key, 0)

    def _lead_introduced(self, lead: str, g: Group, groups: list[Group]) -> None:
        """A full name in the lead ("По мнению члена Партии независимости Великобритании Джерарда Баттена, …") whose
        surname the body writes alone, once or more, and never in full ("Баттен считает"): a person all the same,
        named as the lead names them, whom a later "он" or "политик" may mean."""
        if not g.full or g.key in self.people or _stem(g.key) in {_stem(k.split("#")[0]) for k in self.people} \
                or lead[g.start - 1:g.start] in marks.ALL_MARKS:
            return
        lone = next((b for b in groups if len(b.tokens) == 1 and b.kinds[0] in ("Surn", "Unknown", "Name")
                     and b.key == g.key), None)  # ("Name": "Кэти Хопкинс", then "Хопкинс отметила")
        if lone is None:
            return
        self.people[g.key] = Person(g.key, g.tokens, possible_genders(g.tokens) or frozenset({MASC, FEMN}),
                                    role_before(lead, g.start))
        self._namesakes.setdefault(g.key, []).append((lone.start, g.key, _first_name(g)))
        self._weight[g.key] = 1

    def _lend_form(self, g: Group) -> None:
        """A full name in the lead that can be a nominative where the text writes that person's name only in
        oblique forms ("Главного тренера … Массимо Карреру" under the lead's "Массимо Каррера"): the lead's form."""
        namesakes = self._namesakes.get(g.key, ())
        if not g.full or len(namesakes) != 1:
            return
        _, key, known = namesakes[0]
        person = self.people[key]
        if len(g.tokens) == len(person.tokens) and _first_name(g) & known \
                and can_be_nominative(g.tokens) and not can_be_nominative(person.tokens):
            person.tokens = g.tokens

    def _lend_first_name(self, lead: str, g: Group) -> None:
        """A full name in the lead ("… Илья Лазутов") of someone the text names by surname alone only ("— заявил
        Лазутов", "Лазутова"), or with fewer given names ("Родриго Дутерте" under the lead's "Родриго Роа
        Дутерте"): that person's name is the lead's, as full as the article gives it."""
        namesakes = self._namesakes.get(g.key, ())
        if not g.full or not namesakes or lead[g.start - 1:g.start] in marks.ALL_MARKS:
            return
        person = self.people[namesakes[0][1]]
        if len(namesakes) == 1 and len(person.tokens) == 1 and person.tokens[0].lower() == g.tokens[-1].lower():
            person.tokens = g.tokens
            person.genders = possible_genders(g.tokens) or person.genders
            if person.role is None:
                person.role = role_before(lead, g.start)
            return
        theirs = normalize_tokens(g.tokens)[0].split(" ")
        for _, key, _ in namesakes:
            person = self.people[key]
            mine = person.name().split(" ")
            if 2 <= len(person.tokens) < len(g.tokens) and not person.surname_sure and len(theirs) > len(mine) \
                    and theirs[0] == mine[0] and theirs[-1] == mine[-1]:
                person.tokens = g.tokens  # "Родриго Роа Дутерте" in the lead over the body's "Родриго Дутерте"

    def _lend_role(self, lead: str, g: Group) -> None:
        """A full name in the lead with a role phrase ("интервью президента России Владимира Путина") of the one
        person of that name the text names without any role: the lead's role is that person's ("— сказал президент"
        then points to him, not to another president the text names with one)."""
        namesakes = self._namesakes.get(g.key, ())
        if not g.full or len(namesakes) != 1:
            return
        person = self.people[namesakes[0][1]]
        if person.role is None and _first_name(g) & namesakes[0][2]:
            person.role = role_before(lead, g.start)

    def lookup(self, group: Group, feminine: bool | None = None) -> Person | None:
        """The person a name group names; a surname alone that several people share is the one whose gender
        fits, named in full in this paragraph or the one before, else the first one the article introduced."""
        key = group.key if group.key in self.people else self._stems.get(_stem(group.key), "") \
            or self._reading_key(group)
        namesakes = self._namesakes.get(key, ())
        if len(namesakes) > 1:
            generation = self._generation_of(group, key)
            if generation:
                return self.people[generation]
            first = _first_name(group)
            same = [k for _, k, f in namesakes if f & first] or self._by_initial(group, namesakes)
            if len(same) > 1:  # "Владимир Путин" of him and his father "Владимир Спиридонович Путин"
                same = [k for k in same if self._same_patronymic(group, k)] \
                    or [k for k in same if k not in self._kin] or same
            if same:
                return self.people[same[0]]
            fits = [(p, k) for p, k, _ in namesakes if feminine is None
                    or self.people[k].feminine in (None, feminine)] or [(p, k) for p, k, _ in namesakes]
            fits = [(p, k) for p, k in fits if k not in self._kin] or fits  # a surname alone: not the kin
            near = [(p, k) for p, k in fits if 0 <= p <= group.start and self._next_paragraph(p, group.start)]
            main = None if near else self._main_namesake(namesakes)
            key = max(near)[1] if near else main if any(k == main for _, k in fits) else fits[0][1]
        if key not in self.people and (len(group.tokens) == 1 and group.kinds[0] in ("Name", "Unknown")
                                       or group.kinds == _NAME_PATRONYMIC):
            return self._by_first_name(group.tokens[0], group.start)
        return self.people.get(key)

    def _same_patronymic(self, group: Group, key: str) -> bool:
        """The group writes a patronymic, and the person at key was named with the same one."""
        patronymics = [t for t, kind in zip(group.tokens, group.kinds) if kind == "Patr"]
        tokens = self.people[key].tokens
        roots = {_PATRONYMIC_ROOT.match(p.lower()).group() for p in patronymics}
        return any(_PATRONYMIC_ROOT.match(t.lower()).group() in roots for t in tokens[1:-1])

    def _by_initial(self, group: Group, namesakes: list[tuple[int, str, frozenset[str]]]) -> list[str]:
        """"В.Юсуфов" of "Виталий Юсуфов" and his father "Игорь Юсуфов": a surname alone after an initial is the one
        namesake whose first name the initial opens; [] when none or several do (or the group is another text's)."""
        if len(group.tokens) != 1 or self._text[group.start:group.end] != group.tokens[0]:
            return []
        m = INITIALS_BEFORE.search(self._text, max(0, group.start - 6), group.start)
        if m is None:
            return []
        keys = {k for _, k, f in namesakes if any(x.startswith(m.group(1)) for x in f)}
        return list(keys) if len(keys) == 1 else []

    def _generation_of(self, group: Group, key: str) -> str | None:
        """The namesake an earlier "X-старший" / "X-младший" of the article was read as, for a surname alone written
        so again ("— сказал Нурмагомедов-старший" next to his full name, then "уверен Нурмагомедов-старший" far from
        it): the text calls one person so throughout. The first such reading is remembered; None for other names."""
        if len(group.tokens) != 1 or self._text[group.start:group.end] != group.tokens[0]:
            return None  # (a group of another text than the registry's: the lead's, the title's)
        m = _GENERATION.match(self._text, group.end)
        if m is None:
            return None
        slot = (key, m.group(1).lower())
        if slot in self._generation:
            return self._generation[slot]
        self._generation[slot] = ""  # (while the first reading is made)
        person = self.lookup(group)
        del self._generation[slot]
        if person is not None:
            self._generation[slot] = person.key
        return None

    def _reading_key(self, group: Group) -> str:
        """The key of a person named in full whose surname a lone word is by another reading than its surname key gives
        ("По мнению Парубия": the genitive of "Парубий", read first as a place) or without a fleeting vowel
        ("Ходарёнок" after "Михаила Ходарёнка"); "" when none."""
        if len(group.tokens) != 1 or not self.people:
            return ""
        people, stems = self.people, self._stems
        return next((k if k in people else stems[stem] for k, stem in _reading_keys(group.tokens[0])
                     if k in people or stem in stems), "")

    def _main_namesake(self, namesakes: list[tuple[int, str, frozenset[str]]]) -> str | None:
        """Of namesakes ("Родриго Дутерте" and his father "Висенте Дутерте"), the one the article is about: named
        in the title, else named in full most often (and at least twice, more than any other); None when none is."""
        ranked = sorted((self._weight.get(k, 0), k) for _, k, _ in namesakes)
        top, key = ranked[-1]
        return key if top >= 2 and top > ranked[-2][0] else None

    def _by_first_name(self, token: str, pos: int) -> Person | None:
        """The person named in full whose first name this is ("подчеркнул Сердар" after "Сердар Таски"): the only
        one, else the one named in full last before pos in this paragraph or the one before ("Санинструктор Ирина
        Самойлова … — отметила Ирина" though another Ирина was named before)."""
        named = [p for p in self.people.values() if len(p.tokens) >= 2]
        if not named:  # (no one named in full: the token's first names need not be read)
            return None
        firsts = _first_names((token,))
        found = [p for p in named if p.name().split(" ")[0] in firsts]
        if len(found) <= 1:
            return found[0] if found else None
        keys = {p.key for p in found}
        near = [(at, k) for ns in self._namesakes.values() for at, k, _ in ns
                if k in keys and 0 <= at <= pos and self._next_paragraph(at, pos)]
        return self.people[max(near)[1]] if near else None

    def _next_paragraph(self, a: int, b: int) -> bool:
        """Position b is near a: in its paragraph or the next one, and at most _NAMESAKE_WINDOW after it."""
        return b - a <= _NAMESAKE_WINDOW and len(_NEW_PARAGRAPH.findall(self._text, a, b)) <= 1

    def _known_surnames(self, text: str, groups: list[Group],
                        spans: dict[str, list[int]] | None = None) -> list[Group]:
        """Lone capitalised words that are the surname of someone named in full ("Береза заявил" after
        "Юрий Береза"): common nouns or places by morphology, names here. ``spans``: where each capitalised word of
        the text stands (find_groups gathers them; read here when not given)."""
        people, stems = self.people, self._stems
        if not people:  # nobody named in full (stems are those of people's keys)
            return []
        if spans is None:
            spans = {}
            for m in _CAP_TOKEN.finditer(text):
                spans.setdefault(m.group(), []).append(m.start())
        hits = []  # (each distinct word asked once: most words of an article name no one of it)
        for word in spans:
            key = _lone_surname_key(word)
            if key is not None and (key in people or _stem(key) in stems):
                hits.append(word)
        if not hits:
            return []
        starts = [g.start for g in groups]
        out: list[Group] = []
        for at, word in sorted((at, word) for word in hits for at in spans[word]):  # (in the text's order)
            end = at + len(word)
            if name_kind(word) == "Adj" and adjective_of_next(text, end, word):
                continue  # (not "Киевского района" for Илья Киевский)
            i = bisect_left(starts, at + 1) - 1
            if i < 0 or at >= groups[i].end:  # not a word inside a name ("Александра Усика")
                out.append(Group(at, end, (word,), ("Surn",)))
        return out

    def groups(self, text: str, start: int, end: int) -> list[Group]:
        """Name groups in text[start:end], lone known surnames included (the registry's own text only)."""
        found = find_groups(text, start, end)
        if text is self._text and self._known:
            found += [g for (a, b), g in self._known.items() if start <= a and b <= end]
            found.sort(key=lambda g: g.start)
        return found

    def by_name(self) -> dict[str, Person]:
        """The article's people by canonical name (``Person.name()``), built on first use and kept until
        ``forget_names`` (a gender settled later may change a canonical name)."""
        if self._by_name is None:
            self._by_name = {p.name(): p for p in self.people.values()}
        return self._by_name

    def forget_names(self) -> None:
        """Drop the name map: a person's canonical name changed."""
        self._by_name = None

    def _fits(self, m: Mention, feminine: bool | None) -> bool:
        person = self.people[m.key]
        return feminine is None or person.feminine in (None, feminine)

    def before(self, pos: int, feminine: bool | None = None) -> Person | None:
        """The person mentioned last before pos outside quotations (matching the gender when one is given)."""
        i = bisect_left(self._positions, pos) - 1
        while i >= 0:
            m = self.mentions[i]
            if not m.quoted and self._fits(m, feminine):
                return self.people[m.key]
            i -= 1
        return None

    def topic(self, text: str, pos: int, feminine: bool | None = None, window: int = 2500) -> tuple[Person, int] | None:
        """Who the narrative was last about before pos: in the closest sentence naming a fitting person, the first
        name that can be the subject (nominative); else the closest subject-like mention within the window; else the
        closest mention. Returns the person and the mention's position."""
        i = bisect_left(self._positions, pos) - 1
        fitting = []
        while i >= 0 and self.mentions[i].pos >= pos - window:
            m = self.mentions[i]
            if not m.quoted and self._fits(m, feminine) and not off_narrative(text, m.pos):
                fitting.append(m)
            i -= 1
        if not fitting:
            return None
        last = fitting[0]
        line = text.rfind("\n", 0, last.pos) + 1
        s0 = sentence_start(text, line, last.pos + 1)  # (+1: the break before a name that opens its sentence counts)
        same = [m for m in fitting if m.pos >= s0 and m.nominative]
        if same:
            pick = _speaking_subject(text, same)
            return self.people[pick.key], pick.pos
        owner = next((m for m in fitting if m.pos >= s0 and _SPEECH_OWNED.search(text, max(s0, m.pos - 60), m.pos)),
                     None)
        if owner is not None:  # "… после выступления президента Владимира Путина. Он назвал …": whose speech it was
            return self.people[owner.key], owner.pos
        subject = next((m for m in fitting if m.nominative), last)
        return self.people[subject.key], subject.pos

    def by_role(self, role_word: str, pos: int | None = None, window: int | None = None, with_pos: bool = False,
                land: str | None = None):
        """The person last mentioned before pos (anywhere when pos is None; within ``window`` characters before
        pos when given) with a role of the same word (held in ``land`` when any such holder is named: "Франции");
        with ``with_pos``, (person, mention position) or None."""
        lem = lemma(role_word)
        keys = {k for k, lems in self.roles.items() if lem in lems}
        keys |= {p.key for p in self.people.values() if p.role and lem in role_lemmas(p.role)}
        if not keys:
            return None
        if land is not None:
            keys = {k for k in keys if self._role_in(k, land)} or {k for k in keys if not self._role_in(k, None)}
            if not keys:
                return None
        if pos is not None:
            i = bisect_left(self._positions, pos) - 1
            while i >= 0 and (window is None or self.mentions[i].pos >= pos - window):
                if self.mentions[i].key in keys:
                    m = self._sentence_subject(self.mentions[i], keys)
                    person = self.people[m.key]
                    return (person, m.pos) if with_pos else person
                i -= 1
            keys = {k for k in keys if self.first_position(k) < pos + _SAME_CLAUSE}  # not one introduced only later
            if not keys:
                return None
        person = self.people[min(keys, key=lambda k: self.first_position(k))]
        return (person, self.first_position(person.key)) if with_pos else person

    def _role_in(self, key: str, land: str | None) -> bool:
        """A role phrase of the person names the country ("президент Франции", "французский президент"); with land
        None, any country ("президент России": a president, but not of the United States)."""
        adjectives = tuple(stem for stem, c in marks.COUNTRY_ADJ.items() if land is None or c == land)
        roles = [self.people[key].role or ""]
        roles += [f"{role_adjective(self._text, m.pos)} {self.role_before(self._text, m.pos) or ''}" for m in
                  self.mentions if m.key == key and m.pos >= 0 and not m.quoted]
        if land is None:
            return any(_names_country(w, adjectives) for r in roles for w in WORD_RE.findall(r))
        lands = (land, *_LAND_ALIASES.get(land, ()))
        return any(any(n in r for n in lands) or any(w.lower().startswith(adjectives) for w in WORD_RE.findall(r)) for r in roles)

    def _sentence_subject(self, last: Mention, keys: set[str]) -> Mention:
        """Of the people with a role named in the sentence of mention ``last``, the first that can be its subject
        ("Президент Ирана Хасан Рухани заявил, что ни американский лидер Дональд Трамп …": Рухани), else ``last``."""
        if last.pos < 0:
            return last
        text = self._text
        s0 = sentence_start(text, text.rfind("\n", 0, last.pos) + 1, last.pos)
        i = bisect_left(self._positions, s0)
        while i < len(self.mentions) and self.mentions[i].pos < last.pos:
            m = self.mentions[i]
            if m.key in keys and m.nominative and not m.quoted and m.key != last.key:
                return m
            i += 1
        return last

    def first_position(self, key: str) -> int:
        """Where the text first mentions the person ``key`` (a large number if never)."""
        return next((m.pos for m in self.mentions if m.key == key), 1 << 30)
