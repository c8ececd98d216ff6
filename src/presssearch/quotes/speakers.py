"""Person names: morphology (pymorphy3), canonical nominative names, roles and an article's registry."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from . import marks

_MORPH: Any = None
NAME_TAGS = ("Name", "Surn", "Patr")
WORD_RE = re.compile(r"[A-Za-zА-ЯЁа-яё]+(?:[-'’][A-Za-zА-ЯЁа-яё]+)*")
_CYR_CAP = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*$")
MASC, FEMN = "masc", "femn"
_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ина", "ына", "ко", "ук", "юк", "ич", "ян", "дзе", "швили")


def morph() -> Any:
    """The shared MorphAnalyzer, created on first use."""
    global _MORPH
    if _MORPH is None:
        import pymorphy3

        _MORPH = pymorphy3.MorphAnalyzer()
    return _MORPH


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3 analyses of a lowercased word (cached)."""
    return tuple(morph().parse(word))


@lru_cache(maxsize=200_000)
def is_known(word: str) -> bool:
    return bool(morph().word_is_known(word))


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The most likely normal form of a word, lowercased, ё folded."""
    ps = parses(word.lower())
    return (ps[0].normal_form if ps else word.lower()).replace("ё", "е")


@lru_cache(maxsize=100_000)
def is_verb(word: str) -> bool:
    """True when the best analysis of a lowercase word is a finite verb, infinitive or gerund."""
    ps = parses(word.lower())
    return bool(ps) and ps[0].tag.POS in ("VERB", "INFN", "GRND")


@lru_cache(maxsize=200_000)
def name_kind(word: str) -> str | None:
    """'Name', 'Patr', 'Surn', 'Adj' (a -ский surname candidate), 'Unknown', or None for ordinary words."""
    if not _CYR_CAP.match(word) or word.lower() in marks.NOT_PERSONS:
        return None
    low = word.lower()
    ps = tuple(p for p in parses(low) if p.tag.number != "plur" or "Fixd" in p.tag)
    grams = {g for p in ps for g in NAME_TAGS if g in p.tag}
    for g in NAME_TAGS:
        if g in grams:
            if g == "Name" and "Surn" in grams and ps[0].tag.__contains__("Surn"):
                return "Surn"
            return g
    if not is_known(low) or (not ps and low.endswith(_SURNAME_ENDINGS)):
        return "Unknown"
    if any(p.tag.POS == "ADJF" and p.normal_form.endswith(("ский", "цкий")) for p in ps):
        return "Adj"
    return None


@dataclass(frozen=True)
class Analysis:
    """One way to read a name token: its nominative form for a gender, and the cases it may be in."""

    nom: str
    gender: str | None  # masc / femn / None (either)
    cases: frozenset[str]


@lru_cache(maxsize=100_000)
def analyses(word: str) -> tuple[Analysis, ...]:
    """Readings of a capitalised name token (nominative per gender), most likely first."""
    low = word.lower()
    out: dict[tuple[str, str | None], set[str]] = {}
    kind = name_kind(word)
    for p in parses(low):
        tag = p.tag
        tagged = any(g in tag for g in NAME_TAGS)
        usable = tagged or (kind == "Unknown" and tag.POS == "NOUN") or (kind == "Adj" and tag.POS == "ADJF")
        if not usable or (tag.number == "plur" and "Fixd" not in tag):
            continue
        gender = FEMN if "femn" in tag else (MASC if "masc" in tag else None)
        if "Fixd" in tag or "ms-f" in tag:
            gender = None
        nom = _nominative(p, gender) or low
        out.setdefault((nom, gender), set()).add(str(tag.case or "nomn"))
    if not out:
        return (Analysis(low, None, frozenset({"nomn"})),)
    return tuple(Analysis(n, g, frozenset(c)) for (n, g), c in out.items())


def _nominative(parse: Any, gender: str | None) -> str | None:
    want = {"nomn", "sing"}
    if gender:
        want.add(gender)
    try:
        form = parse.inflect(want) or parse.inflect({"nomn"})
    except ValueError:
        form = None
    return form.word if form is not None else None


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


@lru_cache(maxsize=50_000)
def _genders_for(tokens: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """For each gender the tokens can agree in (same case), the nominative forms."""
    result: dict[str, tuple[str, ...]] = {}
    for gender in (MASC, FEMN):
        best: tuple[str, ...] | None = None
        for case in ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"):
            forms: list[str] = []
            for tok in tokens:
                hit = next((a for a in analyses(tok) if a.gender in (gender, None) and case in a.cases), None)
                if hit is None and len(analyses(tok)) == 1 and analyses(tok)[0].gender is None:
                    hit = analyses(tok)[0]
                if hit is None and name_kind(tok) == "Unknown" and tok is not tokens[0]:
                    hit = Analysis(tok.lower(), None, frozenset({case}))
                if hit is None:
                    break
                forms.append(hit.nom)
            else:
                best = tuple(forms)
                break
        if best is not None:
            result[gender] = best
    return result


@lru_cache(maxsize=50_000)
def normalize_tokens(tokens: tuple[str, ...], feminine: bool | None = None) -> tuple[str, str | None]:
    """Canonical nominative name for name tokens, and the gender chosen (None when unknown)."""
    options = _genders_for(tokens)
    if not options:
        return " ".join(_title(t.lower()) for t in tokens), None
    if feminine is True and FEMN in options:
        gender = FEMN
    elif feminine is False and MASC in options:
        gender = MASC
    else:
        gender = MASC if MASC in options else FEMN
    certain = gender if len(options) == 1 else None
    forms = [w if "ё" in t.lower() else w.replace("ё", "е") for w, t in zip(options[gender], tokens)]
    return " ".join(_title(w) for w in forms), certain


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
    low = token.lower()
    if not _CYR_CAP.match(token):
        return low.replace("ё", "е")
    ps = parses(low)
    for p in ps:
        if "Surn" in p.tag:
            return p.normal_form.replace("ё", "е")
    for p in ps:
        if p.tag.POS == "ADJF" and p.normal_form.endswith(("ский", "цкий")):
            return p.normal_form.replace("ё", "е")
    nouns = [p.normal_form for p in ps if p.tag.POS == "NOUN" and ("Name" in p.tag or not is_known(low))]
    if nouns:
        return min(nouns, key=len).replace("ё", "е")
    return low.replace("ё", "е")


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


_CAP_TOKEN = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*")
_GAP = re.compile(r"[ \u00a0]+$")


def find_groups(text: str, start: int = 0, end: int | None = None) -> list[Group]:
    """Runs of consecutive capitalised name-like words between start and end (at most 4 tokens)."""
    end = len(text) if end is None else end
    groups: list[Group] = []
    cur: list[tuple[int, int, str, str]] = []

    def flush() -> None:
        if cur:
            groups.extend(_split_run(list(cur)))
            cur.clear()

    for m in _CAP_TOKEN.finditer(text, start, end):
        word = m.group()
        base, _, suffix = word.rpartition("-")
        if base and suffix.lower().startswith(("старш", "младш")):
            word = base
        kind = name_kind(word)
        if kind is None or (kind == "Adj" and not (cur and cur[-1][3] in ("Name", "Patr"))):
            flush()
            continue
        if cur and not _GAP.match(text, cur[-1][1], m.start()) and cur[-1][1] != m.start():
            flush()
        elif cur and text[cur[-1][1]:m.start()].strip():
            flush()
        cur.append((m.start(), m.start() + len(word), word, kind))
    flush()
    return groups


def _split_run(run: list[tuple[int, int, str, str]]) -> list[Group]:
    out: list[Group] = []
    cuts = [0] + [i for i in range(1, len(run) - 1) if run[i][3] == "Name" and run[i - 1][3] != "Name"] + [len(run)]
    parts = [run[a:b] for a, b in zip(cuts, cuts[1:])]
    parts = [p[i:i + 4] for p in parts for i in range(0, len(p), 4)]
    for part in parts:
        kinds = tuple(k for *_, k in part)
        if all(k == "Unknown" for k in kinds) and len(part) == 1 and part[0][2].isupper():
            continue
        out.append(Group(part[0][0], part[-1][1], tuple(w for _, _, w, _ in part), kinds))
    return out


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
    return False


@lru_cache(maxsize=50_000)
def _role_nominative(word: str) -> str:
    for p in parses(word.lower()):
        if p.tag.POS in ("NOUN", "ADJF") and p.tag.number != "plur":
            try:
                form = p.inflect({"nomn", "sing"}) if p.tag.POS == "NOUN" else p.inflect({"nomn", "sing", "masc"})
            except ValueError:
                form = None
            if form is not None:
                return form.word
    return word.lower()


def role_before(text: str, pos: int, window: int = 160) -> str | None:
    """The role phrase that ends right before a name at pos ("губернатор Омской области"), if any."""
    lo = max(0, pos - window)
    chunk = text[lo:pos]
    cut = max((m.end() for m in _ROLE_STOP.finditer(chunk)), default=0)
    chunk = chunk[cut:]
    words = list(WORD_RE.finditer(chunk))[-12:]
    head: int | None = None
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group()
        if is_role_word(w) and (w[0].islower() or name_kind(w) is None):
            head = i
            if i > 0 and words[i - 1].group().lower() == "и":
                break
            continue
        if w.lower() in ("как", "а", "что", "который", "которая") or (w[0].islower() and is_verb(w)):
            break
        if w.lower() == "и" and i + 1 < len(words) and is_role_word(words[i + 1].group()):
            break
        if name_kind(w) in ("Name", "Patr") and i < len(words) - 1:
            break
    if head is None:
        return None
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


# --- the article's registry of people ----------------------------------------------------------

@dataclass
class Person:
    key: str
    tokens: tuple[str, ...]
    genders: frozenset[str]
    role: str | None = None
    feminine_hint: bool | None = None

    def name(self, feminine: bool | None = None) -> str:
        hint = feminine if feminine is not None else self.feminine_hint
        if len(self.genders) == 1:
            hint = FEMN in self.genders
        return normalize_tokens(self.tokens, hint)[0]

    @property
    def feminine(self) -> bool | None:
        if len(self.genders) == 1:
            return FEMN in self.genders
        return self.feminine_hint


@dataclass
class Registry:
    """Everyone named in one article: full names by surname key, and every mention's position."""

    people: dict[str, Person] = field(default_factory=dict)
    mentions: list[tuple[int, str]] = field(default_factory=list)
    _positions: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, text: str) -> "Registry":
        reg = cls()
        groups = find_groups(text)
        for g in groups:
            if g.full:
                reg._add_full(text, g)
        for g in groups:
            if g.key in reg.people:
                reg.mentions.append((g.start, g.key))
        reg.mentions.sort()
        reg._positions = [p for p, _ in reg.mentions]
        return reg

    def _add_full(self, text: str, g: Group) -> None:
        genders = possible_genders(g.tokens) or frozenset({MASC, FEMN})
        person = self.people.get(g.key)
        if person is None:
            self.people[g.key] = Person(g.key, g.tokens, genders, role_before(text, g.start))
            return
        if len(g.tokens) > len(person.tokens):
            person.tokens = g.tokens
        both = person.genders & genders
        person.genders = both or person.genders
        if person.role is None:
            person.role = role_before(text, g.start)

    def lookup(self, group: Group) -> Person | None:
        return self.people.get(group.key)

    def before(self, pos: int, feminine: bool | None = None) -> Person | None:
        """The person mentioned last before pos (matching the gender when one is given)."""
        i = bisect_left(self._positions, pos) - 1
        while i >= 0:
            person = self.people[self.mentions[i][1]]
            if feminine is None or person.feminine in (None, feminine):
                return person
            i -= 1
        return None

    def by_role(self, role_word: str) -> Person | None:
        lem = lemma(role_word)
        for person in self.people.values():
            if person.role and lemma(person.role.split(" ")[0]) == lem:
                return person
        return None
