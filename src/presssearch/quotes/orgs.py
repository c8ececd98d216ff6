"""Organisations named in one article: mentions, canonical nominative names and kinds, and what a generic
reference ("в ведомстве", "в авиакомпании", "сообщение ведомства") points back to."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..analysis.names import dictionary_readings
from . import marks
from .speakers import inflected_word, lemma, name_kind, off_narrative, parses

_TOKEN = re.compile(r"[0-9A-Za-zА-ЯЁа-яё]+(?:[-'’&][0-9A-Za-zА-ЯЁа-яё]+)*")
_CANDIDATE = re.compile(r"(?=[А-ЯЁ" + "".join(sorted({h[0] for h in marks.ORG_HEADS})) + "])"  # (a cheap first test)
                        r"(?<![0-9A-Za-zА-ЯЁа-яё-])(?:[А-ЯЁ][0-9A-Za-zА-ЯЁа-яё]*(?:-[0-9A-Za-zА-ЯЁа-яё]+)*|(?:"
                        + "|".join(sorted({h[:-1] for h in marks.ORG_HEADS}, key=len, reverse=True))
                        + r")[а-яё]*)")
_LATIN = re.compile(r"[A-Z][A-Za-z0-9&]*(?:['’][a-z]+)?(?:[ \u00a0]+(?:&[ \u00a0]+)?(?:[A-Z][A-Za-z0-9&]*(?:['’][a-z]+)?|[0-9]+))*")
_QUOTED_NAME = re.compile(r"[«\"„“]([А-ЯЁA-Z][^«»\"„“\n]{0,40}?)[»\"“”]")
_QUOTED_DEFINED = re.compile(r"«([А-ЯЁ][^«»\n]{2,80}?)»[ \u00a0]*\(([А-ЯЁ]{2,8})\)")
_ALIAS = re.compile(r"[ \u00a0]*\(([А-ЯЁA-Z][А-ЯЁа-яёA-Za-z0-9-]{1,30})\)")


@dataclass
class Org:
    key: str
    head: str  # lemma of the head word ("министерство", "мид", "ryanair")
    kinds: frozenset[str]
    forms: list[tuple[int, str, bool]] = field(default_factory=list)  # (position, name, nominative?)
    alias: str | None = None
    fuller: "Org | None" = None  # the same body named in full elsewhere ("Минпромторг" -> "Минпромторг России")
    shorter: list["Org"] = field(default_factory=list)  # the orgs whose fuller this one is
    registered: bool = False  # named in quotes after a legal form (ОАО "Банк ВТБ")

    def name(self) -> str:
        if self.fuller is not None:
            return self.fuller.name()
        if self.alias and not self.alias.isupper() and not self.alias.isascii():
            return self.alias
        nominative = [n for _, n, nom in self.forms if nom]
        return _spelled_out(self._variant(nominative[0] if nominative else self.forms[0][1]), self.forms)

    def _variant(self, name: str) -> str:
        """A body with a long official name and a short one (marks.ORG_SHORT: "Министерство иностранных дел КНР",
        "МИД КНР") is named in the variant the text introduces it with, its first mention (the gold names
        "МИД Пакистана" where "в МИД Пакистана" comes first, "Министерство иностранных дел КНР" where the long name
        does); the qualifiers after it stay those of the name."""
        short = self.key.partition(" ")[0]
        if short not in _SHORT_NAMES:
            return name
        forms = sorted(self.forms + [f for o in self.shorter for f in o.forms])
        written = next((n for _, n, _ in forms if _full_phrase(_plain_key(n))), None)
        if written is None:
            return name
        want_full = bool(_full_phrase(_plain_key(min(self.forms)[1])))  # (its own forms: a shorter name's
        # first mention may be another body's, "эстонского Министерства иностранных дел" before "МИД России")
        same = [n for _, n, nom in sorted(forms, key=lambda f: not f[2])
                if bool(_full_phrase(_plain_key(n))) == want_full and _key(n) == self.key]
        if same:
            name = same[0]  # "Минобороны РФ" as written, not the long name's "Российской Федерации"
        full = _full_phrase(_plain_key(name))
        words = name.split(" ")
        rest = words[len(full.split(" ")):] if full else words[1:]
        if want_full:
            head = written.split(" ")[:len(_full_phrase(_plain_key(written)).split(" "))]
            head[0] = head[0][:1].upper() + head[0][1:]
        else:
            head = [_SHORT_NAMES[short]]
        return " ".join(head + rest)


# Abbreviated countries and the spelled-out names a speaker's name prefers when the article writes them too.
_SPELLED_OUT = {"РФ": "России"}


def _spelled_out(name: str, forms: list[tuple[int, str, bool]]) -> str:
    """"МИД РФ" -> "МИД России" when the article also writes "МИД России" (or "российский МИД")."""
    words = name.split(" ")
    for i, w in enumerate(words):
        full = _SPELLED_OUT.get(w)
        if full and any(full in n.split(" ") for _, n, _ in forms):
            words[i] = full
    return " ".join(words)


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    key: str


@dataclass
class OrgRegistry:
    orgs: dict[str, Org] = field(default_factory=dict)
    mentions: list[OrgMention] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    quoted_aliases: list[tuple[str, Org]] = field(default_factory=list)  # ("Аэронет", its body)
    text: str = ""

    @classmethod
    def build(cls, text: str) -> "OrgRegistry":
        reg = cls()
        reg.text = text
        for m in _QUOTED_DEFINED.finditer(text):
            reg._add_quoted(text, m)
        done = 0
        bare: list[tuple[int, int]] = []
        for m in _CANDIDATE.finditer(text):
            if m.start() < done or not _is_head(m.group()):
                continue
            found = _org_near(text, m.start(), m.end())
            if found is None and _bare_spokesmen(text, m):
                bare.append(m.span())
            if found is not None:
                start, end, name, head, nom, _ = found
                reg._add(text, start, end, name, head, nom)
                done = m.end() if head in marks.SPOKESMEN_HEADS or head in marks.UNIT_HEADS else end  # the body
                # inside counts too
        for m in _LATIN.finditer(text):
            reg._add_latin(text, m)
        for m in _OFFICE.finditer(text):
            reg._add_office(m)
        for m in _LEGAL_QUOTED.finditer(text):
            reg._add_legal_quoted(m)
        for m in _after_word_before_quote(_INSTITUTION_QUOTED, text, _LETTERS, bracket=True):
            reg._add_institution_quoted(text, m)
        for m in _after_word_before_quote(_KIND_QUOTED, text, _LETTERS | {"-"}):
            reg._add_kind_quoted(m)
        for m in _SPOKESMEN_QUOTED.finditer(text):
            reg._add_spokesmen_quoted(m)
        for m in _LOCATED_QUOTED.finditer(text):
            reg._add_located_quoted(text, m)
        reg.mentions.sort(key=lambda m: m.start)
        reg._add_bare_spokesmen(bare)
        reg._add_quoted_alias_mentions(text)
        reg._starts = [m.start for m in reg.mentions]
        reg._link_fuller()
        reg._link_capital_adjective()
        reg._link_registered()
        reg._link_acronyms()
        reg._complete_mayoralty(text)
        return reg

    def _distinct(self) -> list[Org]:
        """Each body once (several keys may name one: a short name, a quoted alias)."""
        return list({id(o): o for o in self.orgs.values()}.values())

    def _link_registered(self) -> None:
        """A short name that ends exactly one name registered in quotes ("ВТБ" and ОАО "Банк ВТБ"), the words before
        it a kind of body, is that body, named in full as the article gives it ("Банк ВТБ")."""
        orgs = self._distinct()
        for org in orgs:
            if org.fuller is not None or org.registered:
                continue
            longer = {id(o): o for o in orgs if o is not org and o.registered and o.fuller is None
                      and o.key.endswith(" " + org.key)
                      and all(w in _REGISTERED_KIND_WORDS for w in o.key[:-len(org.key)].split())}
            if len(longer) == 1:
                (full,) = longer.values()
                org.fuller = full
                full.shorter.append(org)

    def _link_capital_adjective(self) -> None:
        """"Столичный департамент транспорта" is the "департамент транспорта Москвы" the article names too (one
        body under a place word: "столичный" for the capital, a country's adjective for that country), named with
        the place as the article writes it."""
        orgs = self._distinct()
        for org in orgs:
            first, _, rest = org.key.partition(" ")
            if org.fuller is not None or not rest or not (first.startswith("столичн") or country(first)):
                continue
            place = country(first)
            longer = {id(o): o for o in orgs if o is not org and o.key.startswith(rest + " ")
                      and len(o.key[len(rest) + 1:].split()) == 1 and _qualifier(o.key[len(rest) + 1:])
                      and (place is None or _key(place) == o.key[len(rest) + 1:])}
            if len(longer) == 1:
                (full,) = longer.values()
                org.fuller = full.fuller or full
                org.fuller.shorter.append(org)

    def _complete_mayoralty(self, text: str) -> None:
        """"Пресс-служба мэрии" in an article where the mayor is "мэр Москвы" (one city only) is "Пресс-служба мэрии
        Москвы": a city's office named without its city takes the one the article gives its mayor or mayoralty."""
        cities = {_key(m.group(1)): m.group(1) for m in _MAYOR_OF.finditer(text) if _names_place(m.group(1))}
        if len(cities) != 1:
            return
        (city,) = cities.values()
        for org in self._distinct():
            if org.key.split(" ")[-1] in ("мэрии", "мэрия") and org.fuller is None:
                org.forms = [(p, f"{n} {city}", nom) for p, n, nom in org.forms]

    def _add_quoted_alias_mentions(self, text: str) -> None:
        """"Ассоциация … («Аэронет»)": every later «Аэронет» is a mention of that body (named in full)."""
        for alias, org in self.quoted_aliases:
            for m in re.finditer("«" + re.escape(alias) + "»", text):
                if not any(o.start <= m.start() < o.end for o in self.mentions):
                    self.mentions.append(OrgMention(m.start(), m.end(), org.key))
        self.mentions.sort(key=lambda m: m.start)

    def _link_acronyms(self) -> None:
        """An acronym is the one body of the text whose words it abbreviates ("СК": "Следственный комитет
        России", also "Следственный комитет" with its fuller name), named in full as the article gives it."""
        orgs = self._distinct()
        for org in orgs:
            if org.fuller is not None or org.alias or not org.key.isalpha() or not org.forms[0][1].isupper():
                continue
            found = {id(o.fuller or o): o.fuller or o for o in orgs if o is not org and (
                _abbreviates(org.key, o.key) or any(_abbreviates(org.key, _plain_key(n)) for _, n, _ in o.forms))}
            if len(found) == 1:
                org.fuller = next(iter(found.values()))
                org.fuller.shorter.append(org)

    def _link_fuller(self) -> None:
        """A short name whose words begin exactly one longer name of the text is that body ("Пресс-служба мэрии"
        and "пресс-служба мэрии Москвы"): it is named in full, as the article gives it anywhere; among several, the
        one that is no regional branch ("ФСБ России", not "ФСБ России по Курской области")."""
        orgs = self._distinct()
        for org in orgs:
            longer = {id(o): o for o in orgs if o is not org and o.key.startswith(org.key + " ")
                      and not _names_person(o.key[len(org.key):])}
            if len(longer) > 1:  # "ФСБ": "ФСБ России" rather than its branches "ФСБ России по Курской области"
                longer = {k: o for k, o in longer.items() if " по " not in o.key[len(org.key):]}
            if len(longer) == 1:
                (full,) = longer.values()
                if full.fuller is None:
                    org.fuller = full
                    full.shorter.append(org)

    def _add(self, text: str, start: int, end: int, name: str, head: str, nominative: bool) -> None:
        name = _place_named_before(text, start, name)
        key = _key(name)
        if key in marks.NOT_ORGS:
            return
        org = self.orgs.get(key)
        if org is None:
            org = self.orgs[key] = Org(key, head, _kinds(head, name))
        org.forms.append((start, name, nominative))
        quoted = _QUOTED_ALIAS.match(text, end)
        if quoted and _kind_named(name) and _key(quoted.group(1)) not in self.orgs:
            self.orgs[_key(quoted.group(1))] = org  # (not org.alias: the body keeps its full name)
            self.quoted_aliases.append((quoted.group(1), org))
            self.mentions.append(OrgMention(quoted.start(1), quoted.end(1), key))
        alias = _ALIAS.match(text, end)
        if alias and not org.alias:
            org.alias = alias.group(1)
            akey = _key(org.alias)
            self.orgs.setdefault(akey, org)
            self.mentions.append(OrgMention(alias.start(1), alias.end(1), key))
        self.mentions.append(OrgMention(start, end, key))

    def _add_quoted(self, text: str, m: re.Match) -> None:
        """«Московские информационные технологии» (МИТ): a quoted name the acronym after it spells out is one body,
        named as the quotes give it."""
        name, acronym = " ".join(m.group(1).split()), m.group(2)
        initials = "".join(w[0] for w in _TOKEN.findall(name) if len(w) > 2 or w[:1].isupper()).upper()
        if initials != acronym.upper() or _key(acronym) in self.orgs:
            return
        key = _key(name)
        kinds = _kinds("партия", name) if _party_named(text, m.start(), name) else _COMPANY_KINDS
        org = self.orgs.get(key) or self.orgs.setdefault(key, Org(key, _key(acronym), kinds))
        org.forms.append((m.start(1), name, True))
        org.alias = acronym
        self.orgs.setdefault(_key(acronym), org)
        self.mentions.append(OrgMention(m.start(1), m.end(1), key))
        self.mentions.append(OrgMention(m.start(2), m.end(2), key))

    def _add_latin(self, text: str, m: re.Match) -> None:
        """A Latin name counts as an organisation after "компания"-like words, with "AG"/"Inc", or as a subject."""
        name = m.group().replace("\u00a0", " ")
        words = name.split()
        while words and (words[-1].lower() in marks.MEDIA or words[-1].lower() in _LATIN_STOP):
            words.pop()
        if not words or words[0].lower() in marks.MEDIA or words[0].lower() in _LATIN_STOP or len(words[0]) < 3:
            return
        name = " ".join(words)
        end = m.start() + len(name)
        before = _TOKEN.findall(text[max(0, m.start() - 30):m.start()])
        after = _TOKEN.findall(text[end:end + 30])
        typed = bool(before) and lemma(before[-1]) in _COMPANY_KINDS | {"лоукостер", "фирма", "производитель"}
        suffixed = words[-1] in marks.CORPORATE_SUFFIXES
        subject = bool(after) and _best_has(after[0], _VERB) and not re.search(r"[,.;:!?()«»\"]", text[end:end + 3])
        alias = _latin_alias(text, end, words)
        kind = _kind_before(before)
        coded = any(re.search(r"[a-z][0-9]|[0-9][A-Za-z]", w) for w in words)  # "A4", "iPhone7", but "Tele2"
        if coded and not _located_latin(text, m.start(), after) \
                or not (typed or suffixed or subject or alias or kind or _key(name) in self.orgs
                        or _located_latin(text, m.start(), after)):
            return
        key = _key(name)
        org = self.orgs.get(key) or self.orgs.setdefault(key, Org(key, key, _COMPANY_KINDS | ({kind} if kind else set())))
        org.forms.append((m.start(), name, True))
        self.mentions.append(OrgMention(m.start(), end, org.key))
        if alias:
            org.alias = org.alias or alias.group(1)
            self.orgs.setdefault(_key(alias.group(1)), org)
            self.mentions.append(OrgMention(alias.start(1), alias.end(1), org.key))

    def _add_bare_spokesmen(self, spans: list[tuple[int, int]]) -> None:
        """A bare "пресс-служба" ("— сообщили в пресс-службе", "в пресс-службе не уточнили") is the press service
        named last before it, within the reach, when one is ("в пресс-службе ВГТРК … в пресс-службе"); the
        mentions stay sorted."""
        for a, b in spans:
            before = [m for m in self.mentions if a - _BARE_REACH <= m.start < a
                      and self.orgs[m.key].head in marks.SPOKESMEN_HEADS]
            if before:
                self.mentions.append(OrgMention(a, b, max(before, key=lambda m: m.start).key))
                continue
            located = self._located_speaking_before(a)
            if located is not None:
                self.mentions.append(OrgMention(a, b, located.key))
        self.mentions.sort(key=lambda m: m.start)

    def _located_speaking_before(self, a: int) -> OrgMention | None:
        """"В «Лаборатории Касперского» назвали шаг … «…», — подчеркнули в пресс-службе.": with no press service
        named before, a bare one is that of the body the sentence just before (within _LOCATED_REACH) says spoke,
        located ("В X заявили"), when it is the last body named before it."""
        before = [m for m in self.mentions if a - _LOCATED_REACH <= m.start < a]
        if not before:
            return None
        last = max(before, key=lambda m: m.start)
        text = self.text
        prev = _TOKEN.findall(text[max(0, last.start - 5):last.start])[-1:]
        after = re.match(r"[»\"“”]?[ \u00a0]+([а-яё]+)", text[last.end:last.end + 30])
        if not prev or prev[0].lower() not in ("в", "во") or after is None \
                or not _PLURAL_PAST.match(after.group(1)) or not _best_has(after.group(1), _VERB):
            return None
        return last

    def _add_legal_quoted(self, m: re.Match) -> None:
        """"ЗАО «Фирма Нева»", "ГУП «Водоканал»": a quoted name right after a legal form is a body, named as the
        quotes give it (not by its legal form)."""
        named = self._quoted_body(m) if m.group(1).lower() in _LEGAL_FORMS else None
        if named is None:
            return
        name, key = named
        org = self.orgs.get(key) or self.orgs.setdefault(key, Org(key, key, _COMPANY_KINDS))
        org.forms.append((m.start(2), name, True))
        org.registered = True
        self.mentions = [o for o in self.mentions if (o.start, o.end) != m.span(1)]  # "ЗАО" names no body itself
        self.mentions.append(OrgMention(m.start(2), m.end(2), key))

    def _quoted_body(self, m: re.Match) -> tuple[str, str] | None:
        """The quoted name of group 2 and its key, when it can name a body (no medium, nothing excluded) and no
        mention already covers it; else None."""
        if any(o.start <= m.start(2) < o.end for o in self.mentions):
            return None
        name = " ".join(m.group(2).split())
        key = _key(name)
        return None if not key or key in marks.NOT_ORGS or name.lower() in marks.MEDIA else (name, key)

    def _add_institution_quoted(self, text: str, m: re.Match) -> None:
        """"ГКУ «Московский центр „Открытое правительство“»", "культурная ассоциация «Ломбардия — Россия»": a state
        institution's legal form or a kind noun that official names keep (marks.KIND_KEPT_WITH_NAME), then a quoted
        name, is one body named with both ("Культурная ассоциация «Ломбардия — Россия»"; the gold keeps them, unlike
        "АО «Оборонстрой»" -> "Оборонстрой"); the mention runs from the kind (or the adjectives before it) to the
        closing mark."""
        kind = m.group(1)
        if not _kept_kind(kind):
            return
        inner = " ".join(m.group(2).split())
        if inner.lower() in marks.MEDIA or _UTTERANCE_LIKE.search(inner):
            return
        start, words = m.start(1), [_nominative_head(kind) if not kind.isupper() else kind]
        if not kind.isupper():
            gender = next((p.tag.gender for p in parses(kind.lower())[:1]), None)
            for adj in reversed(list(re.finditer(r"([А-ЯЁа-яё]+)[ \u00a0]+$", text[max(0, start - 40):start]))[-1:]):
                if is_adjective(adj.group(1)) and not country(adj.group(1)) and _agrees(adj.group(1), kind):
                    words.insert(0, _nominative_adj(adj.group(1), gender))
                    start = max(0, m.start(1) - 40) + adj.start(1)
            words[0] = words[0][:1].upper() + words[0][1:]
        name = f"{' '.join(words)} {m.group(0)[m.start(2) - 1 - m.start():]}".replace("\u00a0", " ")
        key = _key(inner)
        org = self.orgs.get(key) or self.orgs.setdefault(key, Org(key, lemma(kind.lower()), _kinds(lemma(kind.lower()), name)))
        org.forms.append((start, name, _has_case(kind, "nomn") or kind.isupper()))
        self.mentions = [o for o in self.mentions if not (start <= o.start < m.end())]
        self.mentions.append(OrgMention(start, m.end(), key))

    def _add_kind_quoted(self, m: re.Match) -> None:
        """"партия «Батькивщина»", "концерна «Калашников»", "клуб «Легия»": a quoted name right after a noun for
        a kind of body is that body, named as the quotes give it ("Батькивщина"), the noun standing for it too
        (the mention spans both); the generic body the noun alone made ("Концерн") gives way."""
        kind = lemma(m.group(1).lower())
        named = self._quoted_body(m) if kind in marks.QUOTED_BODY_KINDS else None
        if named is None:
            return
        name, key = named
        nominative = _has_case(m.group(1), "nomn")
        org = self.orgs.get(key) or self.orgs.setdefault(key, Org(key, kind, _kinds(kind, name)))
        org.forms.append((m.start(), name, nominative))
        self.mentions = [o for o in self.mentions if not (m.start() <= o.start < m.end())]
        self.mentions.append(OrgMention(m.start(), m.end(), key))

    def _add_spokesmen_quoted(self, m: re.Match) -> None:
        """"в пресс-службе «Нафтогаза»": the press service of a company the quotes name in one word speaks for the
        company, named in the nominative ("Нафтогаз"; the gold names "пресс-служба «Мосгортранса»" "Мосгортранс"),
        so that a bare "в пресс-службе" after it points back to it."""
        word = m.group(2)
        if " " in word or word.lower() in marks.MEDIA or any(o.start <= m.start() < o.end for o in self.mentions):
            return
        name = word if word.isupper() or not word.isalpha() or word.isascii() else lemma(word.lower()).capitalize()
        key = "пресс-служба " + _key(name)
        org = self.orgs.get(key) or self.orgs.setdefault(key, Org(key, "пресс-служба", _kinds("пресс-служба", name)))
        org.forms.append((m.start(), name, True))
        self.mentions.append(OrgMention(m.start(), m.end(), key))

    def _add_located_quoted(self, text: str, m: re.Match) -> None:
        """"В «Лаборатории Касперского» назвали …", "— заявили в «Миротворце»": a quoted name with no kind word,
        after "в" with a plural past verb right after it or a plural past speech verb right before, is a body (a
        company, a club, a site) that speaks, named in the nominative ("Лаборатория Касперского", "Миротворец");
        "в компании" after it points back to it."""
        if not _located_quoted(text, m):
            return
        named = self._quoted_body(m)
        if named is None:
            return
        name, key = named
        name = _located_nominative(name)
        key = _key(name)
        if not key or key in marks.NOT_ORGS or name.lower() in marks.MEDIA:
            return
        org = self.orgs.get(key) or self.orgs.setdefault(key, Org(key, key, _COMPANY_KINDS))
        org.forms.append((m.start(2), name, True))
        self.mentions.append(OrgMention(m.start(2), m.end(2), org.key))

    def _add_office(self, m: re.Match) -> None:
        """"офис премьер-министра страны Терезы Мэй" -> "Офис премьер-министра Терезы Мэй": a person's office,
        named with the role and the person's name as written (the generic "страны" left out)."""
        if any(o.start <= m.start() < o.end for o in self.mentions):
            return
        head = _nominative_head(m.group(1))
        name = f"{head[:1].upper()}{head[1:]} {m.group(2)} {' '.join(m.group(3).split())}"
        key = _key(name)
        org = self.orgs.get(key) or self.orgs.setdefault(key, Org(key, lemma(m.group(1).lower()), _OFFICE_KINDS))
        org.forms.append((m.start(), name, False))
        self.mentions.append(OrgMention(m.start(), m.end(), key))

    def at(self, a: int, b: int, last: bool = False) -> Org | None:
        """The first (or last) organisation named inside text[a:b]."""
        i, j = bisect_left(self._starts, a), bisect_left(self._starts, b)
        inside = self.mentions[i:j]
        outer = [m for m in inside if not any(o.start < m.start and m.end <= o.end for o in inside)]
        if outer:
            return self.orgs[outer[-1 if last else 0].key]
        return None

    def refer(self, pos: int, word: str, qualifier: str | None = None) -> Org | None:
        """The organisation a generic word ("ведомство", "компания", "совет") at pos points back to; with a
        qualifier ("ведомство Грузии") the closest one whose name has it, when there is one."""
        lem = lemma(word)
        fits = [self.orgs[m.key] for m in reversed(self.mentions[:bisect_left(self._starts, pos)])
                if not off_narrative(self.text, m.start)]
        fits = [org for org in fits if lem in org.kinds or lem == org.head]
        if qualifier:
            q = _key(qualifier)
            fits = [org for org in fits if q in org.key.split()] or fits
        return fits[0] if fits else None


_LOCATED_REACH = 400  # characters back to a located speaking body a bare press service may belong to
_BARE_REACH = 3000  # characters back to the press service a bare "пресс-служба" stands for


def _bare_spokesmen(text: str, m: re.Match) -> bool:
    """The press-service word at m has no body after it: the clause goes on with no genitive ("в пресс-службе
    не уточнили", "— сообщили в пресс-службе."), not "пресс-служба ведомства" or "пресс-службы «Краснодара»"."""
    if _is_head(m.group()) not in marks.SPOKESMEN_HEADS:
        return False
    after = text[m.end():m.end() + 40]
    word = re.match(r"[^\S\n]*([«\"„“]?)([0-9A-Za-zА-ЯЁа-яё-]*)", after)
    if word is None or word.group(1) or word.group(2)[:1].isupper():
        return False
    nxt = word.group(2)
    return not nxt or not _has_case(nxt, "gent") or nxt.lower() in marks.PREPOSITIONS or _verb_like(nxt)


def _verb_like(word: str) -> bool:
    """The word's likeliest reading is a verb, an adverb or a particle ("не", "сообщили", "также")."""
    p = _best(word)
    return p is None or p.tag.POS in ("VERB", "INFN", "ADVB", "PRCL", "CONJ", "PRTS", "GRND")


# A person's office: "офис/канцелярия" + a role in the genitive + ["страны"] + the person's name in the genitive.
# OrgRegistry.build runs the patterns below over the whole text. Each opens with a character class and tests the
# character before the match after it ("[Пп](?<![А-Яа-яЁё-].)ресс…" for "(?<![А-Яа-яЁё-])[Пп]ресс…"), so that re
# skips to the next possible first character; a possessive run ("{2,}+") gives back no letters the blank after
# it could not follow anyway. The same matches, 1.1–3× faster on a whole text.
_OFFICE = re.compile(r"([ОоКк](?<![А-Яа-яЁё-].)(?:(?<=[Оо])фис[а-яё]*|(?<=[Кк])анцеляри[а-яё]+))[ \u00a0]+(премьер-министра|президента|канцлера|"
                     r"губернатора|мэра)[ \u00a0]+(?:(?:страны|республики|штата|города)[ \u00a0]+)?"
                     r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:[ \u00a0]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2})")
_OFFICE_KINDS = frozenset("организация офис канцелярия ведомство".split())
# A quoted name after a legal form: "ПАО «Донбассэнерго»", "ЗАО \"Фирма Нева\"".
_LEGAL_QUOTED = re.compile(r"([А-ЯЁ](?<![А-Яа-яЁё-].)[А-ЯЁ]{1,3}+)[ \u00a0]+[«\"„“]([А-ЯЁA-Z][^«»\"„“”\n]{0,40}?)[»\"“”]")
_LEGAL_FORMS = frozenset("зао оао пао ооо ао нао фгуп гуп муп нак".split())
# A state institution's legal form or a kind noun, then a quoted name that may hold an inner quoted name:
# "ГКУ «Московский центр „Открытое правительство“»", "(ГКУ) «…»" after the spelled-out form.
_INSTITUTION_QUOTED = re.compile(r"([А-ЯЁа-яё](?<![А-Яа-яЁё-].)(?:(?<=[А-ЯЁ])[А-ЯЁ]{1,4}+|[А-ЯЁа-яё]{4,}+))\)?[ \u00a0]+«([А-ЯЁA-Z](?:[^«»\n]|„[^“”\n]*[“”]){0,70}?)»")


# A quoted name after "в"/"во": "в «Лаборатории Касперского»", "в \"Правозащите Открытки\"" (group 2 the name).
_LOCATED_QUOTED = re.compile(r"(?<![А-Яа-яЁё-])([Вв]о?)[ \u00a0]+[«\"„]([А-ЯЁA-Z][^«»\"„“\n]{0,40}?)[»\"“]")
_PLURAL_PAST = re.compile(r"[а-яё]+(?:ли|лись)$")


def _located_quoted(text: str, m: re.Match) -> bool:
    """The located quoted name at m is a body that speaks: a plural past verb right after it ("В «Арсенале»
    заявили", "в «Миротворце» припомнили") or a plural past speech verb right before "в" ("— подчеркнули в
    «Лаборатории Касперского»")."""
    after = re.match(r"[ \u00a0]+([А-ЯЁа-яё]+)", text[m.end():m.end() + 30])
    if after is not None and _PLURAL_PAST.match(after.group(1).lower()) and _best_has(after.group(1), _VERB):
        return True
    before = _TOKEN.findall(text[max(0, m.start() - 30):m.start()])[-1:]
    return bool(before) and before[0].lower() in marks.SPEECH_VERBS and _PLURAL_PAST.match(before[0].lower()) is not None


def _located_nominative(name: str) -> str:
    """«Лаборатории Касперского» -> "Лаборатория Касперского", «Миротворце» -> "Миротворец", «Единой России» ->
    "Единая Россия": the words up to the first noun in the nominative, the rest as written."""
    words = name.split(" ")
    if not words[0].isalpha() or words[0].isupper() or words[0].isascii():
        return name
    first = _best(words[0])
    if first is None:
        return name
    if first.tag.POS == "NOUN":
        return " ".join([_nominative_head(words[0]), *words[1:]])
    if first.tag.POS in ("ADJF", "PRTF") and len(words) > 1 and words[1].isalpha():
        noun = _best(words[1])
        if noun is not None and noun.tag.POS == "NOUN":
            return " ".join([_nominative_adj(words[0], noun.tag.gender), _nominative_head(words[1]), *words[2:]])
    return name


def _kind_named(name: str) -> bool:
    """"Ассоциация эксплуатантов и разработчиков …": a kind noun heading words that name no one (not "Госдума
    Александр Агеев" before «Справедливая Россия»)."""
    words = name.split()
    return len(words) > 1 and lemma(words[0].lower()) in marks.ORG_HEADS \
        and not any(w[:1].isupper() and not _qualifier(w) for w in words[1:])


@lru_cache(maxsize=64)
def _has_quoted_alias(text: str) -> bool:
    """The text names some body's quoted short name in brackets ("(«Аэронет»)"), which its later mentions use."""
    return _QUOTED_ALIAS_START.search(text) is not None


_QUOTED_ALIAS_START = re.compile(r"\(«[А-ЯЁA-Z]")


def _kept_kind(kind: str) -> bool:
    """A state institution's legal form ("ГКУ") or a kind noun ("ассоциация") that stays in a body's name."""
    return kind.lower() in marks.INSTITUTION_FORMS if kind.isupper() else lemma(kind.lower()) in marks.KIND_KEPT_WITH_NAME


_UTTERANCE_LIKE = re.compile(r"[.?!…][ \u00a0]|[?!…]$")
# A quoted short name in brackets right after a body's name: "Ассоциация … («Аэронет»)".
_QUOTED_ALIAS = re.compile(r"[ \u00a0]*\(«([А-ЯЁA-Z][А-ЯЁа-яёA-Za-z0-9 -]{1,30})»\)")
# The city a mayor or a mayoralty belongs to: "мэр Москвы", "мэрии Перми".
_MAYOR_OF = re.compile(r"[Мм](?<![А-Яа-яЁё-].)эр(?:ия|ии|ию|ией|а|у|ом|е)?[ \u00a0]+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*)")
# Words of a registered name before the short name it ends with: "Банк ВТБ" for "ВТБ".
_REGISTERED_KIND_WORDS = frozenset("банк авиакомпания компания концерн холдинг группа корпорация".split())
# A press service and the quoted company it speaks for: "в пресс-службе «Нафтогаза»".
_SPOKESMEN_QUOTED = re.compile(r"([Пп](?<![А-Яа-яЁё-].)ресс-служб[а-яё]*)[ \u00a0]+«([А-ЯЁA-Z][^«»\n]{0,40}?)»")
# A quoted name after a noun for a kind of body: "партия «Батькивщина»", "концерна «Калашников»".
_KIND_QUOTED = re.compile(r"([А-ЯЁа-яё-](?<![А-Яа-яЁё-].)[А-ЯЁа-яё-]{2,}+)[ \u00a0]+«([А-ЯЁA-Z][^«»\n]{0,40}?)»")

_LETTERS = frozenset(map(chr, range(ord("А"), ord("я") + 1))) | {"Ё", "ё"}  # [А-ЯЁа-яё]


def _after_word_before_quote(pattern: re.Pattern, text: str, word: frozenset[str], bracket: bool = False):
    """pattern.finditer(text) for a pattern whose matches open with a word of ``word`` characters (none of them
    before it), then a ")" when ``bracket``, blanks and "«": tried only at the word right before each "«", the one
    place such a match can start (the same matches, without trying every word of the text)."""
    last = 0
    q = text.find("«")
    while q >= 0:
        j = q
        while j > 0 and text[j - 1] in " \u00a0":
            j -= 1
        if j < q:
            if bracket and text[j - 1:j] == ")":
                j -= 1
            s = j
            while s > 0 and text[s - 1] in word:
                s -= 1
            if last <= s < j:
                m = pattern.match(text, s)
                if m is not None:
                    yield m
                    last = m.end()
        q = text.find("«", q + 1)

_LATIN_ALIAS = re.compile(r"[ \u00a0]*\(([A-Z][A-Za-z&.-]{1,9})\)")


def _latin_alias(text: str, end: int, words: list[str]) -> re.Match | None:
    """"Standard & Poor’s (S&P)": the bracketed short name right after a Latin name, when its capitals are the
    name's initials."""
    alias = _LATIN_ALIAS.match(text, end)
    if alias is None or len(words) < 2:
        return None
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return alias if "".join(c for c in alias.group(1) if c.isupper()) == initials else None


# Kinds of body a Russian noun right before a Latin name gives it ("профсоюза пилотов Vereinigung Cockpit").
_LATIN_KINDS = frozenset("профсоюз".split())


def _kind_before(before: list[str]) -> str | None:
    """The kind of body named by one of the two words before a Latin name ("профсоюза пилотов"), else None."""
    return next((lemma(w) for w in before[-2:] if lemma(w) in _LATIN_KINDS), None)


def _located_latin(text: str, start: int, after: list[str]) -> bool:
    """"В Tele2 заявили": a Latin name after "в" with a plural past verb right after it."""
    prev = _TOKEN.findall(text[max(0, start - 4):start])
    return bool(prev) and prev[-1].lower() in ("в", "во") and text[start - 1:start] == " " and bool(after) \
        and after[0].endswith("ли") and _best_has(after[0], _VERB)


class OrgsOnDemand:
    """An article's OrgRegistry, built on first need: ``at`` answers None without building it when no organisation
    can be named from inside the range (most articles ask only that, and of ranges that name none)."""

    def __init__(self, text: str, lead: str = "") -> None:
        self._text = text
        self._lead = lead
        self._reg: OrgRegistry | None = None
        self._lead_reg: OrgRegistry | None = None

    def built(self) -> OrgRegistry:
        if self._reg is None:
            self._reg = OrgRegistry.build(self._text)
            if self._lead.strip() and self._reg.orgs:
                self._named_fuller_in_lead()
        return self._reg

    def _named_fuller_in_lead(self) -> None:
        """A body the text names only short ("В МИДе подготовили проект") that the lead names in full, as the one
        longer name its words begin ("подготовленный МИД России"): it goes by the lead's name."""
        if self._lead_reg is None:
            self._lead_reg = OrgRegistry.build(self._lead)
        fuller = self._lead_reg._distinct()
        own = self._reg._distinct()
        for org in own:
            if org.fuller is not None or org.shorter:
                continue
            longer = {id(o): o for o in fuller if o.key.startswith(org.key + " ")
                      and not _names_person(o.key[len(org.key):])}
            if len(longer) != 1:
                continue
            org.fuller = next(iter(longer.values()))  # (the lead's body, even when the text names others too:
            # "Минобороны Сирии" in a story of "Минобороны России")

    @property
    def orgs(self) -> dict[str, Org]:
        return self.built().orgs

    @property
    def mentions(self) -> list[OrgMention]:
        return self.built().mentions

    def at(self, a: int, b: int, last: bool = False) -> Org | None:
        if self._reg is None and not may_name_org(self._text, a, b):
            return None
        return self.built().at(a, b, last)

    def refer(self, pos: int, word: str, qualifier: str | None = None) -> Org | None:
        """As OrgRegistry.refer; when the body names no such organisation before pos, the last one the lead names
        ("Об этом сообщили в Минобороны России. В ведомстве отметили …" in the lead)."""
        found = self.built().refer(pos, word, qualifier)
        if found is not None or not self._lead.strip():
            return found
        if self._lead_reg is None:
            self._lead_reg = OrgRegistry.build(self._lead)
        return self._lead_reg.refer(len(self._lead), word, qualifier)


# From a position: the rest of a token, then capitalised tokens after blanks (adjectives before a head), then blanks.
_CHAIN = re.compile(r"[0-9A-Za-zА-ЯЁа-яё'’&-]*(?:[ \u00a0]+[А-ЯЁA-Z][0-9A-Za-zА-ЯЁа-яё'’&-]*)*[ \u00a0]*")
_LATIN_CAP = re.compile(r"[A-Z]")
_WORD_REACH = 80  # characters past the last place a name may start: longer than any word
_LOWER_ADJECTIVES = 2  # lowercase adjectives between a name's capitalised first adjective and its head
_LOWER_RUN = re.compile(r"(?:[а-яё][а-яё-]*[ \u00a0]+){0,%d}" % _LOWER_ADJECTIVES)  # those words and their blanks


def may_name_org(text: str, a: int, b: int) -> bool:
    """False when OrgRegistry.build(text) holds no mention starting inside text[a:b]: no Latin capital and no
    bracket (a Latin name, an alias) there, and no head candidate from a up to the capitalised words running on
    past b (a name starts at its head or at the adjectives before it) that _org_near reads as a name starting
    inside; True when one may."""
    if a >= b:
        return False
    if _LATIN_CAP.search(text, a, b) is not None or "(" in text[max(0, a - 1):b]:
        return True
    if "«" in text[a:b] and _has_quoted_alias(text):
        return True  # (a later «Аэронет» of "Ассоциация … («Аэронет»)")
    if _names_office_or_legal(text, a, b):
        return True
    if any(m.start() < b and _is_head(m.group()) in marks.SPOKESMEN_HEADS for m in _CANDIDATE.finditer(text, a, b + 20)):
        return True  # (a bare "пресс-служба" may stand for one named before)
    stop = _CHAIN.match(text, b).end()
    stop = _LOWER_RUN.match(text, stop).end()  # (lowercase adjectives before the head: "Федеральная налоговая служба")
    for m in _CANDIDATE.finditer(text, a, stop + _WORD_REACH):  # (room past stop: a cut word would be another
        # candidate; no end at all scans a text with no capitals to its end on every call)
        if m.start() > stop:
            break
        if _is_head(m.group()):
            found = _org_near(text, m.start(), m.end())
            if found is not None and a <= found[0] < b:
                return True
    return False


def _names_office_or_legal(text: str, a: int, b: int) -> bool:
    """A person's office ("канцелярии премьер-министра … Мэй"), a quoted name after a legal form ("ГУП
    «Водоканал»") or a kind of body ("партия «Батькивщина»") starts inside text[a:b]."""
    if any(_OFFICE.match(text, m.start()) for m in _OFFICE_WORD.finditer(text, a, b + 12) if m.start() < b):
        return True
    if any(a <= m.start() < b and lemma(m.group(1).lower()) in marks.QUOTED_BODY_KINDS
           for m in _KIND_QUOTED.finditer(text, a, b + 50)):
        return True  # "партия «Батькивщина»": the mention starts at the noun
    if not any(c in text[max(0, a - 1):b] for c in "«\"„“"):
        return False
    if any(a <= m.start(2) < b and _located_quoted(text, m) for m in _LOCATED_QUOTED.finditer(text, max(0, a - 4), b)):
        return True  # "в «Лаборатории Касперского» назвали"
    for m in _INSTITUTION_QUOTED.finditer(text, a, b + 130):
        if a <= m.start(1) < b + 45 and _kept_kind(m.group(1)):
            return True  # "ассоциации «Ломбардия — Россия»" (the mention may start at an adjective before it)
    for m in _LEGAL_QUOTED.finditer(text, max(0, a - 8), b + 50):  # (the name may run on past b)
        if m.start() >= b:
            return False
        if a <= m.start(2) < b and m.group(1).lower() in _LEGAL_FORMS:
            return True
    return False


_OFFICE_WORD = re.compile(r"(?<![А-Яа-яЁё-])(?:[Оо]фис|[Кк]анцеляри)")
_LATIN_STOP = frozenset("""
the a an of and in on at for to by with rt pic via http https www com ru fifa uefa
""".split())
# Words that make a quoted name a party ("фракция «Блок Петра Порошенко»", «Партия регионов»): lemmas.
_PARTY_WORDS = frozenset("партия блок фракция".split())


def _party_named(text: str, start: int, name: str) -> bool:
    """The quoted name at start is a party's: its first word or the word right before the quotes is a party word;
    "на сайте партии", "в заявлении партии" then point back to it."""
    first = _TOKEN.findall(name)[:1]
    before = _TOKEN.findall(text[max(0, start - 30):start])[-1:]
    return any(lemma(w.lower()) in _PARTY_WORDS for w in first + before)


_COMPANY_KINDS = frozenset("компания авиакомпания перевозчик концерн организация оператор холдинг корпорация".split())


def _kinds(head: str, name: str) -> frozenset[str]:
    kinds = set(_head_kinds(head))
    full = _full_phrase(_plain_key(name))
    if full:  # "Следственный комитет России": a "комитет" and an "ск"
        kinds.update(_head_kinds(next((w for w in full.split(" ") if w in marks.ORG_HEADS), full)))
        kinds.update(_head_kinds(_SHORT_KEYS[full]))
    return frozenset(kinds)


@lru_cache(maxsize=1_000)
def _head_kinds(head: str) -> frozenset[str]:
    kinds = set(marks.ORG_KINDS.get(head, ()))
    kinds.update((head, "организация"))
    if head.startswith(("мин", "рос", "гос", "фед")) or head in marks.ORG_SPEAKERS:
        kinds.add("ведомство")
    if head.startswith("мин") or head == "мид":
        kinds.add("министерство")
    if head.startswith("рос"):
        kinds.add("агентство")
    return frozenset(kinds)


# Generic place nouns that end a body's name and stand for the place named before ("Министерство госбезопасности
# страны" after "ДНР"); how far back that place may be named.
_REFERRING_PLACES = frozenset({"страны", "республики"})
_PLACE_WINDOW = 600


def _place_named_before(text: str, start: int, name: str) -> str:
    """The name with a last generic place word replaced by the place named last before it, when there is one."""
    head, _, last = name.rpartition(" ")
    if not head or last not in _REFERRING_PLACES or is_adjective(head.rpartition(" ")[2]):
        return name  # "Донецкой народной республики": the word is part of the place's own name
    toks = list(_TOKEN.finditer(text, max(0, start - _PLACE_WINDOW), start))
    for i in range(len(toks) - 1, -1, -1):
        if _names_place(toks[i].group()):
            a = i - 1 if i and toks[i - 1].group()[:1].isupper() and is_adjective(toks[i - 1].group()) \
                and not text[toks[i - 1].end():toks[i].start()].strip() else i  # "Саудовской Аравии"
            return f"{head} {text[toks[a].start():toks[i].end()]}"
    return name


@lru_cache(maxsize=50_000)
def is_adjective(word: str) -> bool:
    """The word's best reading is an adjective or participle ("американского", "столичный")."""
    return _best_has(word, _ADJ_POS)


@lru_cache(maxsize=50_000)
def _names_place(word: str) -> bool:
    """"ДНР", "Украины": a place abbreviation, or a capitalised place name in the genitive."""
    if word.isupper():
        return word.lower() in marks.GEO_ABBR
    ps = parses(word.lower())[:2]
    return word[:1].isupper() and any({"NOUN", "Geox", "gent"} <= p.tag.grammemes for p in ps) \
        and not any({"ADJF", "Surn", "Name"} & p.tag.grammemes for p in ps)


def _abbreviates(acronym: str, key: str) -> bool:
    """The acronym spells the initials of the name's words, a country or city qualifier after them aside
    ("ск": "следственный комитет", "следственный комитет россии")."""
    words = key.split()
    if len(words) < 2 or len(acronym) < 2:
        return False
    initials = "".join(w[0] for w in words)
    return initials == acronym or initials[:-1] == acronym and len(words) > 2 and _qualifier(words[-1])


def _names_person(words: str) -> bool:
    """The longer name does not go on in genitive qualifiers ("России", "мэрии Москвы", "РФ") but runs on into
    something else, mostly a person's name ("СБУ Геннадий Лимешко", "МОК Бах")."""
    return not all(_qualifier(w) for w in _TOKEN.findall(words))


_SUFFIXES = frozenset(w.lower() for w in marks.CORPORATE_SUFFIXES)


@lru_cache(maxsize=100_000)
def _qualifier(word: str) -> bool:
    """"России", "Москвы", "РФ", "AG": a word that can complete an organisation's name, not a person's name."""
    if word.lower() in _SUFFIXES or word.lower() in marks.GEO_ABBR:
        return True
    ps = parses(word.lower())[:3]
    return any(p.tag.case == "gent" for p in ps) and not any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in ps)


def _key(name: str) -> str:
    """Same key for "МИД РФ" and "МИД России", "Прокуратура Ульяновской области" in any capitalisation, and for
    "Министерство иностранных дел КНР" and "МИД КНР" (marks.ORG_SHORT)."""
    key = _plain_key(name)
    full = _full_phrase(key)
    return _SHORT_KEYS[full] + key[len(full):] if full else key


org_key = _key  # the public name (quotes.keys: speaker filter keys)


def _plain_key(name: str) -> str:
    words = [w.lower() for w in _TOKEN.findall(name)]
    words = [marks.GEO_SAME.get(w, w) if w != "федерации" or i and words[i - 1] == "российской" else w
             for i, w in enumerate(words)]  # ("Российской Федерации": "России"; not "Совет Федерации": "Совет")
    return " ".join(w for w in words if w).replace("ё", "е")


_SHORT_KEYS = {_plain_key(full): _plain_key(short) for full, short in marks.ORG_SHORT.items()}
_SHORT_NAMES = {_plain_key(short): short for short in marks.ORG_SHORT.values()}  # "мид": "МИД"

_FULL_BY_FIRST: dict[str, list[str]] = {}
for _full in sorted(_SHORT_KEYS, key=len, reverse=True):
    _FULL_BY_FIRST.setdefault(_full.split(" ")[0], []).append(_full)


def _full_phrase(key: str) -> str | None:
    """The long official name (a key of marks.ORG_SHORT) the key starts with, if any."""
    for full in _FULL_BY_FIRST.get(key.partition(" ")[0], ()):
        if key == full or key.startswith(full + " "):
            return full
    return None


@lru_cache(maxsize=50_000)
def _best(word: str):
    ps = parses(word.lower())
    return ps[0] if ps else None


_VERB = frozenset({"VERB"})
_ADJF = frozenset({"ADJF"})


def _best_has(word: str, grammemes: frozenset[str]) -> bool:
    """The best parse of the word carries one of the grammemes (every dictionary reading alike: without parsing)."""
    verdicts = {not grammemes.isdisjoint(tag.grammemes) for _, tag in dictionary_readings(word.lower())}
    if len(verdicts) == 1:
        return verdicts.pop()
    p = _best(word)
    return p is not None and not grammemes.isdisjoint(p.tag.grammemes)


@lru_cache(maxsize=100_000)
def _has_case(word: str, case: str) -> bool:
    readings = dictionary_readings(word.lower())
    if 0 < len(readings) <= 4:  # (the first four parses are all of them: no parse)
        return any(case in tag.grammemes for _, tag in readings)
    return any(case in p.tag.grammemes for p in parses(word.lower())[:4])  # (a tag holds one case)


_UNSURE: Any = object()


def _dictionary_head(lem: str, readings: tuple[tuple[str, Any], ...]) -> Any:
    """_is_head's answer for a capitalised word from its dictionary readings in any order (no parse): None when no
    reading is a noun, the lemma or None when every reading is a noun and answers alike; _UNSURE otherwise (an
    unknown word, or the answer hangs on which reading is the best)."""
    nouns = ["NOUN" in tag.grammemes for _, tag in readings]
    if not readings or any(nouns) and not all(nouns):
        return _UNSURE
    if not any(nouns):
        return None
    verdicts = {lem in marks.ORG_SPEAKERS or ("Orgn" in tag.grammemes and nf not in marks.MEDIA) for nf, tag in readings}
    return (lem if verdicts.pop() else None) if len(verdicts) == 1 else _UNSURE


@lru_cache(maxsize=200_000)
def _is_head(word: str) -> str | None:
    """The head lemma when word can head an organisation's name."""
    low = word.lower()
    if low in marks.MEDIA:
        return None
    if word.isupper() and len(word) >= 2 and not word.isascii() and word.isalpha():
        return None if low in marks.GEO_ABBR else low
    lem = lemma(low)
    if lem in marks.ORG_HEADS:
        return lem
    if word[:1].isupper():
        known = _dictionary_head(lem, dictionary_readings(low))
        if known is not _UNSURE:
            return known
        p = _best(low)
        if p is None or p.tag.POS != "NOUN":
            return None
        if lem in marks.ORG_SPEAKERS or ("Orgn" in p.tag.grammemes and p.normal_form not in marks.MEDIA):
            return lem
    return None


@lru_cache(maxsize=50_000)
def _nominative_head(word: str) -> str:
    if word.isupper():
        return word
    acronym = _DECLINED_ACRONYM.match(word)
    if acronym:  # "ЦИКе", "МИДа": the acronym without its case ending
        return acronym.group(1)
    for p in parses(word.lower())[:4]:
        if p.tag.POS == "NOUN":
            form = inflected_word(p, {"nomn", "sing"}) if p.tag.number != "plur" else None
            if form is not None:
                out = form
                return out[:1].upper() + out[1:] if word[:1].isupper() else out
    return word


@lru_cache(maxsize=50_000)
def _nominative_adj(word: str, gender: str | None) -> str:
    for p in parses(word.lower())[:4]:
        if p.tag.POS in ("ADJF", "PRTF"):
            want = {"nomn", "sing"} | ({gender} if gender else set())
            try:
                form = inflected_word(p, want)
            except ValueError:
                form = None
            if form is not None:
                out = form
                return out[:1].upper() + out[1:] if word[:1].isupper() else out
    return word


_DECLINED_ACRONYM = re.compile(r"([А-ЯЁ]{2,})[а-яё]{1,3}$")
_NP_POS = ("ADJF", "PRTF", "NOUN", "NUMR")
# Grammeme sets for part-of-speech tests (a tag holds one part of speech: a set test instead of tag.POS).
_NP_POS_SET = frozenset(_NP_POS)
_ADJ_POS = frozenset({"ADJF", "PRTF"})
_GOVERNING_POS = frozenset({"NOUN", "PREP", "ADJF", "PRTF"})
_TAIL_PREPS = {"по": "datv", "при": "loct", "с": "ablt", "в": "loct"}


def _tail(text: str, toks: list[tuple[int, int, str]], j: int, proper_only: bool) -> int:
    """Index after the words that complete a name after its head: genitives, "по X", "при X", "в сфере X"."""
    end = j
    prep_case: str | None = None
    k = j
    while k < len(toks) and k < j + 22:
        a, b, w = toks[k]
        gap = text[toks[k - 1][1]:a]
        if gap.strip(" \u00a0"):
            break
        low = w.lower()
        if w[:1].isupper() and (low in marks.MEDIA or lemma(low) in marks.MEDIA):
            break  # "В пресс-службе ФСБ РИА Новости сообщили": the outlet told, no part of the name
        if proper_only:
            if (w[:1].isupper() and (_has_case(w, "gent") or w.isupper())) and low not in marks.MEDIA:
                end = k = k + 1
                continue
            if w[:1].islower() and k + 1 < len(toks) and toks[k + 1][2][:1].isupper() and _has_case(w, "gent") \
                    and _best_has(w, _ADJF):
                k += 1
                continue
            break
        if w[:1].isupper() and not w.isupper() and name_kind(w) in ("Name", "Patr", "Surn", "Unknown") \
                and not _adjective_of_next(text, toks, k):
            break  # "командование республики Эдуард Басурин": a person's name ends the organisation's
        if low in _TAIL_PREPS and k + 1 < len(toks):
            nxt = toks[k + 1][2]
            if low == "при" and not nxt[:1].isupper():
                break
            if low == "с" and lemma(toks[k - 1][2]) != "борьба":
                break
            if low == "в" and lemma(nxt) not in ("сфера", "область"):
                break
            prep_case = _TAIL_PREPS[low]
            k += 1
            continue
        if low == "и" and end == k:
            k += 1
            continue
        if w.isupper() and len(w) >= 2 and low not in marks.MEDIA:
            end = k = k + 1
            prep_case = None
            continue
        p = _best(w)
        ok_case = (prep_case and _has_case(w, prep_case)) or _has_case(w, "gent")
        if p is None or _NP_POS_SET.isdisjoint(p.tag.grammemes) or not ok_case or low in marks.SPEECH_VERBS:
            break
        k += 1
        if "NOUN" in p.tag.grammemes:
            end = k
            prep_case = None if not _has_case(w, prep_case or "gent") else prep_case
    return end


def _adjective_of_next(text: str, toks: list[tuple[int, int, str]], k: int) -> bool:
    """The capitalised word at k is an adjective in the genitive that the lower-case word right after goes with
    ("пресс-служба Московской железной дороги", "Московского метрополитена"), though it reads as a surname too."""
    if k + 1 >= len(toks) or text[toks[k][1]:toks[k + 1][0]].strip(" \u00a0"):
        return False
    nxt = toks[k + 1][2]
    return nxt[:1].islower() and _adjective_reading(toks[k][2], "gent") and _has_case(nxt, "gent")


def _adjective_reading(word: str, case: str) -> bool:
    """Some reading of word is an adjective in the case."""
    return any(p.tag.POS == "ADJF" and p.tag.case == case for p in parses(word.lower())[:4])


def _scan(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(t.start(), t.end(), t.group()) for t in _TOKEN.finditer(text, lo, hi)]


def _org_near(text: str, start: int, end: int):
    """_org_at over a small window of tokens around a head candidate (a wider one when the name runs on); the
    windows are scanned each time, a few short ones cost less than tokenising the whole article once."""
    for after in (90, 400):
        toks = _scan(text, max(0, start - 50), end + after)
        i = next((k for k, t in enumerate(toks) if t[0] == start), None)
        if i is None:
            return None  # the head matched inside a token ("AT&Министерство"): no organisation starts here
        found = _org_at(text, toks, i)
        if found is None or found[5] < len(toks) or end + after >= len(text):
            return found
    return found


def _org_at(text: str, toks: list[tuple[int, int, str]], i: int):
    """(start, end, name, head lemma, nominative?, next index) when an organisation's name starts around token i."""
    a, b, w = toks[i]
    head = _is_head(w)
    if head in marks.SPOKESMEN_HEADS:
        return _spokesmen_at(text, toks, i, head)
    if head is None or head in marks.REFERRING_HEADS:
        return None  # "ведомство Грузии" refers back to the body named before
    # capitalised adjectives right before: "Правовое управление", "Международная федерация"
    s = i
    while s > 0 and not text[toks[s - 1][1]:toks[s][0]].strip(" \u00a0") and toks[s - 1][2][:1].isupper() \
            and (_best(toks[s - 1][2]) is not None and not _ADJ_POS.isdisjoint(_best(toks[s - 1][2]).tag.grammemes)) \
            and not (toks[s - 1][2][:1].islower() and country(toks[s - 1][2])) and _agrees(toks[s - 1][2], w):
        s -= 1
    if s == i:
        s = _named_adjectives(text, toks, i)
    if head in marks.ADJECTIVE_ONLY_HEADS and s == i:
        return None  # "банк ВТБ", "Банка Москвы": named by the other rules (a registered or quoted name)
    common = lemma(w.lower()) in marks.ORG_HEADS and not w.isupper()
    line = text.rfind("\n", 0, a) + 1
    sentence_initial = not text[max(line, toks[s][0] - 3):toks[s][0]].strip(" \u00a0\t") or \
        re.search(r"[.!?…]\s*$", text[max(line, toks[s][0] - 4):toks[s][0]]) is not None
    end_i = _tail(text, toks, i + 1, proper_only=not common)
    tail_words = [t[2] for t in toks[i + 1:end_i]]
    if common:
        proper = s < i or (w[:1].isupper() and (not sentence_initial or head in marks.PROPER_HEADS)) \
            or any(t[:1].isupper() for t in tail_words) \
            or w[:1].isupper() and _acronym_follows(text, toks[end_i - 1][1] if end_i > i + 1 else b)
        if not proper and not _regional(head, tail_words):
            return None
    head_form = _nominative_head(w)
    gender = None
    bp = _best(w)
    if bp is not None:
        gender = bp.tag.gender
    adjs = [_nominative_adj(t[2], gender) for t in toks[s:i]]
    if common and not adjs and head in marks.PLAIN_HEADS:
        head_form = head_form.lower()
    elif common and not adjs:
        head_form = head_form[:1].upper() + head_form[1:]
    prefix = _country_before(text, toks, s)
    if prefix and not tail_words:
        tail_words = [prefix]
    place = _place_after_acronym(text, toks, end_i)
    if place is not None:
        tail_words = [*tail_words, place]
    elif not common and _territorial(w, tail_words):
        served = _territory_after(text, toks, end_i)
        if served > end_i:
            tail_words, end_i = [*tail_words, *(t[2] for t in toks[end_i:served])], served
    name, head = _shorten(" ".join([*adjs, head_form]), tail_words, head)
    start = toks[s][0]
    end = toks[end_i - 1][1] if end_i > i + 1 else b
    return start, end, name, head, _nominative(text, toks, s, end_i, w), end_i


def _place_after_acronym(text: str, toks: list[tuple[int, int, str]], end_i: int) -> str | None:
    """"Совет национальной безопасности и обороны (СНБО) Украины", "Следственном комитете (СК) России": the place the
    name's words end with after its acronym in brackets, which names the body with it ("Совет национальной
    безопасности и обороны Украины"); else None."""
    if end_i + 1 >= len(toks):
        return None
    (_, prev_end, _), (ab, ae, acronym), (pb, _, place) = toks[end_i - 1], toks[end_i], toks[end_i + 1]
    if not acronym.isupper() or len(acronym) < 2 or not re.fullmatch(r"[ \u00a0]*\([ \u00a0]*", text[prev_end:ab]) \
            or not re.fullmatch(r"[ \u00a0]*\)[ \u00a0]+", text[ae:pb]):
        return None
    return place if _names_place(place) else None


def _territorial(head: str, tail: list[str]) -> bool:
    """The name is a territorial branch of a federal body ("ГУ МВД", "УФСБ России", "СУ СК")."""
    return any(word.lower() in marks.TERRITORIAL_BODIES for word in (head, *tail) if word.isupper())


def _territory_after(text: str, toks: list[tuple[int, int, str]], j: int) -> int:
    """Index after the region a territorial branch serves, written "по" + the region in the dative right after its
    name ("ГУ МВД по региону", "УФСБ по Москве и Московской области", "МВД по Республике Татарстан"); j when none
    follows ("МВД по факту кражи", "ФСБ по запросу")."""
    if j >= len(toks) or toks[j][2].lower() != "по" or text[toks[j - 1][1]:toks[j][0]].strip(" \u00a0"):
        return j
    end = _region_at(text, toks, j + 1)
    if end is None:
        return j
    if end + 1 < len(toks) and toks[end][2] == "и" and not text[toks[end - 1][1]:toks[end + 1][0]].strip(" \u00a0и"):
        more = _region_at(text, toks, end + 1)  # "по Москве и Московской области"
        end = more if more is not None else end
    return end


def _region_at(text: str, toks: list[tuple[int, int, str]], k: int) -> int | None:
    """Index after a region in the dative at k: up to two adjectives and a kind of region ("Курской области",
    "региону"), with a capitalised name after "республике", "городу" ("Республике Татарстан"); or a place name
    ("Москве", "Приморью"). None when the words there are no region."""
    start = k
    while k < len(toks) and k - start < 3:
        if k > start and text[toks[k - 1][1]:toks[k][0]].strip(" \u00a0"):
            return None
        w = toks[k][2]
        if lemma(w.lower()) in marks.TERRITORY_NOUNS and _has_case(w, "datv"):
            k += 1
            if k < len(toks) and toks[k][2][:1].isupper() and not text[toks[k - 1][1]:toks[k][0]].strip(" \u00a0") \
                    and lemma(toks[k - 1][2].lower()) in ("республика", "город") and _names_region(toks[k][2], "nomn", "datv"):
                k += 1
            return k
        if k == start and w[:1].isupper() and _names_region(w, "datv"):
            return k + 1
        if not (_has_case(w, "datv") and _best_has(w, _ADJF)):
            return None
        k += 1
    return None


def _names_region(word: str, *cases: str) -> bool:
    """A capitalised place name in one of the cases ("Москве", "Чечне", "Татарстан")."""
    return any("Geox" in p.tag.grammemes and p.tag.case in cases for p in parses(word.lower())[:3])


def _regional(head: str, tail: list[str]) -> bool:
    """"правительство края", "администрация области": a region's governing body named by the region's kind only
    (marks.REGION_GENITIVES), the region being the article's; a body of its own."""
    return head in marks.REGIONAL_HEADS and len(tail) == 1 and tail[0] in marks.REGION_GENITIVES


def _named_adjectives(text: str, toks: list[tuple[int, int, str]], i: int) -> int:
    """Where a name that opens with a capitalised adjective and goes on in lowercase ones up to the head at i starts
    ("Национальный научный фонд Америки", "Европейский центральный банк"), not at a sentence's start ("Новый научный
    центр"); i when there is none."""
    w = toks[i][2]
    s = i
    while s > 0 and i - s < _LOWER_ADJECTIVES and not text[toks[s - 1][1]:toks[s][0]].strip(" \u00a0") \
            and toks[s - 1][2][:1].islower() and is_adjective(toks[s - 1][2]) and not country(toks[s - 1][2]) \
            and _agrees(toks[s - 1][2], w):
        s -= 1
    if s == i or s == 0 or text[toks[s - 1][1]:toks[s][0]].strip(" \u00a0"):
        return i
    first = toks[s - 1][2]
    if not first[:1].isupper() or not is_adjective(first) or not _agrees(first, w):
        return i
    line = text.rfind("\n", 0, toks[s - 1][0]) + 1
    initial = not text[max(line, toks[s - 1][0] - 3):toks[s - 1][0]].strip(" \u00a0\t") \
        or re.search(r"[.!?…]\s*$", text[max(line, toks[s - 1][0] - 4):toks[s - 1][0]]) is not None
    named_after = i + 1 < len(toks) and not text[toks[i][1]:toks[i + 1][0]].strip(" \u00a0") \
        and (_names_place(toks[i + 1][2]) or toks[i + 1][2][:1].isupper() and not toks[i + 1][2].isupper()
             and not toks[i + 1][2].isascii())  # "Национальный научный фонд США заявил", "Озёрский городской суд
    # Челябинской области": the place makes it a name (not "Американское правительственное агентство USAID")
    return s - 1 if not initial or named_after else i


@lru_cache(maxsize=50_000)
def _agrees(adj: str, head: str) -> bool:
    """The capitalised adjective before a head can share its case ("Международная федерация"), unlike a surname read
    as an adjective ("основанная Геннадием Селезневым Партия возрождения России")."""
    cases = {p.tag.case for p in parses(head.lower())[:3] if p.tag.case}
    return not cases or any(p.tag.case in cases for p in parses(adj.lower())[:3] if not _ADJ_POS.isdisjoint(p.tag.grammemes))


def _acronym_follows(text: str, end: int) -> bool:
    """An acronym in brackets ends the name: "Партия народной свободы (ПАРНАС)" is a proper name, also when a place
    in the genitive follows ("Совет национальной безопасности и обороны (СНБО) Украины"); not when other words go
    on."""
    alias = _ALIAS.match(text, end)
    if alias is None or not alias.group(1).isupper():
        return False
    goes_on = _NAME_GOES_ON.match(text, alias.end())
    return not goes_on or _names_place(_TOKEN.match(text, goes_on.end() - 1).group())  # "(СНБО) Украины": the
    # place ends the name (_place_after_acronym)


_NAME_GOES_ON = re.compile(r"[ \u00a0]+[А-ЯЁA-Z]")


def _spokesmen_at(text: str, toks: list[tuple[int, int, str]], i: int, head: str):
    """"пресс-службы Южного военного округа" -> "Пресс-служба Южного военного округа" (the body as written, in
    the genitive); None when the body is only a generic word ("пресс-служба ведомства") or not named."""
    end_i = _tail(text, toks, i + 1, proper_only=False)
    tail = [t[2] for t in toks[i + 1:end_i]]
    if not tail or (len(tail) == 1 and lemma(tail[0]) in marks.GENERIC_ORG_WORDS | marks.REFERRING_HEADS):
        return None
    head_form = _nominative_head(toks[i][2])
    name = " ".join([head_form[:1].upper() + head_form[1:], *tail])
    return toks[i][0], toks[end_i - 1][1], name, head, _nominative(text, toks, i, end_i, toks[i][2]), end_i


def _shorten(base: str, tail: list[str], head: str) -> tuple[str, str]:
    """The name as written and its head, the short name's for a long official name ("Министерство иностранных дел
    Пакистана": "мид"; the key is "мид пакистана", Org.name picks the variant)."""
    name = " ".join([base, *tail])
    full = _full_phrase(_plain_key(name))
    return name, (_SHORT_KEYS[full] if full else head)


@lru_cache(maxsize=100_000)
def country(adj: str) -> str | None:
    """"российского" -> "России": the country a country adjective names, in the genitive."""
    low = adj.lower()
    return next((c for stem, c in marks.COUNTRY_ADJ.items() if low.startswith(stem)), None)


def _country_before(text: str, toks: list[tuple[int, int, str]], s: int) -> str | None:
    """"украинского МИД" -> "Украины"."""
    if s == 0 or text[toks[s - 1][1]:toks[s][0]].strip(" \u00a0"):
        return None
    return country(toks[s - 1][2])


def _nominative(text: str, toks: list[tuple[int, int, str]], s: int, e: int, head: str) -> bool:
    """The name is the subject of its clause: a verb follows, or nothing governs it and the head can be nominative."""
    if e < len(toks) and not re.search(r"[,.;:!?()«»\"]", text[toks[e - 1][1]:toks[e][0]]):
        if _best_has(toks[e][2], _VERB):
            return True
    if s > 0 and not re.search(r"[,.;:!?()«»\"]", text[toks[s - 1][1]:toks[s][0]]):
        prev = toks[s - 1][2].lower()
        if prev in marks.PREPOSITIONS or _best_has(prev, _GOVERNING_POS):
            return False
    return head.isupper() or _has_case(head, "nomn")
