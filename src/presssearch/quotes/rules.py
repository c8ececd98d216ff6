"""Quote rules: small named functions tried in order (first the article-level ones, then per quotation mark pair).

Each article rule takes the Context and yields Found quotes; each span rule takes the Context, a pair of
quotation marks and its paragraph, and returns a Found quote or None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterator

from . import documents, marks
from .speakers import (INITIALS_BEFORE, Group, Person, Registry, adjective_of_next, analyses, can_be_nominative, find_groups,
                       in_related_box, is_role_word, off_narrative, is_verb, lemma, may_be_subject, name_kind, normalize_tokens, parses,
                       possible_genders, role_before, role_lemmas, surname_key, surname_nominative)
from .orgs import OrgsOnDemand, country, is_adjective
from .text import (MarkSpan, WORDS_RE, blocks, ends_sentence, list_follows, mark_spans, sentence_end, sentence_start,
                   speech_verb, words)

DASH_CLASS = "[—–-]"
SP = "[ \u00a0\t]"
GENERIC_WINDOW = 2500  # characters back a generic role ("эксперт") may point


@dataclass
class Found:
    start: int
    end: int
    rule: str
    speaker: str | None = None
    role: str | None = None
    nested: bool = False  # may lie inside an earlier quote (a dialogue turn inside a quoted post)
    supersedes: bool = False  # replaces the quotes taken inside it (an interview turn over the quotes it retells)


# Unions of word lists that rules test words against (built once, not per call).
_NOT_PERSON_HEADS = marks.ORG_NOUNS | marks.SPOKESMEN_HEADS | marks.UNIT_HEADS | marks.UNNAMED
_DOCUMENTS_AND_ARTICLES = marks.DOCUMENT_NOUNS | {"статья", "публикация", "материал"}
_PUBLISHING_VERBS = marks.PUBLISH_VERBS | marks.ISSUING_VERBS
_DOCUMENTS_AND_LISTS = marks.DOCUMENT_NOUNS | marks.ISSUED_LISTS


@dataclass
class Context:
    text: str
    paras: list[tuple[int, int]]
    title: str = ""
    lead: str = ""  # the article's lead: read for who is interviewed, never quoted from (offsets stay the body's)
    taken: list[tuple[int, int]] = field(default_factory=list)
    spoken: list[tuple[int, str]] = field(default_factory=list)  # (start, speaker) of quotes so far
    documented: dict[int, str | None] = field(default_factory=dict)  # quote start -> issuer, for document quotes
    _registry: Registry | None = None
    _orgs: OrgsOnDemand | None = None
    _blocks: list[tuple[tuple[int, int], list[MarkSpan]]] | None = None
    _quoted: list[tuple[int, int]] | None = None
    _lead_ctx: Context | None = None
    superseded: bool = False  # some quotes were dropped for the interview turn holding them
    _shouts: dict = field(default_factory=dict)  # (paragraph, pairs) -> (its first shout cue, {close: span})
    cued: tuple[str | None, str | None] | None = None  # the interviewee an interview cue named for an earlier run
    interviewed: tuple[str | None, str | None] | None = None  # the interviewee of the run of turns before

    @property
    def registry(self) -> Registry:
        if self._registry is None:
            self._registry = Registry.build(self.text, self.quoted_regions(), self.title, self.lead)
        return self._registry

    @property
    def lead_context(self) -> Context | None:
        """The lead read as a text of its own (its own people and offsets), or None when there is no lead."""
        if self._lead_ctx is None and self.lead.strip():
            self._lead_ctx = Context(self.lead, [(0, len(self.lead))])
        return self._lead_ctx

    @property
    def orgs(self) -> OrgsOnDemand:
        if self._orgs is None:
            self._orgs = OrgsOnDemand(self.text, self.lead)  # (OrgRegistry.build on first need)
        return self._orgs

    def marked_blocks(self) -> list[tuple[tuple[int, int], list[MarkSpan]]]:
        """Blocks (paragraphs, or paragraphs joined by a quotation spanning them) with their quotation-mark pairs."""
        if self._blocks is None:
            text = self.text
            self._blocks = [(blk, mend_orphan_closers(text, blk[0], blk[1], mark_spans(text, blk[0], blk[1])))
                            for blk in blocks(text, self.paras) if any(c in text[blk[0]:blk[1]] for c in "«\"„“")]
        return self._blocks

    def quoted_regions(self) -> list[tuple[int, int]]:
        """Text inside quotation marks that is longer than a name (three words or more)."""
        if self._quoted is None:
            self._quoted = [(s.open, s.close) for _, spans in self.marked_blocks() for s in spans
                            if len(WORDS_RE.findall(self.text, s.open, s.close)) >= 3]
        return self._quoted

    def last_speaker(self, pos: int) -> str | None:
        """Speaker of the closest earlier quote that has one."""
        best = max(((s, n) for s, n in self.spoken if s < pos), default=None)
        return best[1] if best else None

    def previous_speaker(self, pos: int, window: int = 1500) -> str | None:
        """Speaker of the closest earlier quote when it starts within the window before pos."""
        prev = max(((s, n) for s, n in self.spoken if pos - window <= s < pos), default=None)
        return prev[1] if prev else None

    def closest_quote_speaker(self, pos: int, window: int = 1500, since: int = 0) -> str | None:
        """Speaker of the closest earlier quote of any kind within the window; None when that quote has no
        speaker ("— подчёркивается в документе", "— сказал источник"): words woven in after it go on with that
        unnamed text, not with someone quoted before it."""
        last = max((s for s, _ in self.taken if max(pos - window, since) <= s < pos), default=None)
        return next((n for s, n in self.spoken if s == last), None) if last is not None else None

    def same_document(self, pos: int, window: int = 800) -> str | None:
        """Issuer of the last document quoted before pos ("— говорится в документе" twice in a row), when nobody
        else was quoted in between; None when a person spoke since, or the document is too far away."""
        docs = [(at, who) for at, who in self.documented.items() if pos - window <= at < pos]
        if not docs:
            return None
        at, who = max(docs, key=lambda d: d[0])
        between = {n for s, n in self.spoken if at + 2 < s < pos}
        return who if between <= {who} else None

    def refer(self, pos: int, feminine: bool | None = None, role_word: str | None = None,
              land: str | None = None, strict: bool = False) -> tuple[str | None, str | None]:
        """The person a pronoun or a bare role ("он", "заключил депутат") at pos points back to, and the role; a role
        tied to a country (``land``, genitive: "французский президент") prefers whoever holds it there; with ``strict``
        a role nobody in the article holds names nobody (not the one who spoke last)."""
        reg = self.registry
        if role_word and lemma(role_word) in marks.GENERIC_ROLES:  # "эксперт": the one named so, else who spoke last
            named = reg.by_role(role_word, pos, window=GENERIC_WINDOW, with_pos=True, land=land)
            loose = land or lemma(role_word) in marks.LOOSE_ROLES
            intro = None if loose else _introduced_as(self, role_word, pos, window=GENERIC_WINDOW)
            if intro is not None and (named is None or intro[2] >= named[1]):  # "аналитик Иван Петров"
                pick = _kin_speaker_since(self, role_word, intro[1], pos, feminine) or intro
                return pick[0].name(feminine), pick[0].role
            spoke = self._last_to_speak(pos, feminine)
            best = max((c for c in (named, spoke) if c is not None), default=None, key=lambda c: c[1])
            if best is not None:
                return best[0].name(feminine), best[0].role
        elif role_word:
            found = reg.by_role(role_word, pos, land=land, with_pos=True)
            named = None if land else _role_named_near(self, role_word, pos, found[1] if found else None)
            intro = None if land or named else _introduced_as(self, role_word, pos)
            if intro is not None and (found is None or intro[2] > found[1]):
                found = intro[:2]  # "сенатор-республиканец Линдси Грэм", which the registry does not hold as a role
            if found is not None and named is None:
                found = _kin_speaker_since(self, role_word, found[1], pos, feminine) or found
            person = named or (found[0] if found else None)
            if person is not None:
                return person.name(feminine), person.role
            implied = None if land else _implied_holder(self, role_word, pos, feminine)
            if implied is not None:  # "председатель комитета Госдумы Леонид Левин … — заявил парламентарий"
                return implied.name(feminine), implied.role
            again = None if land else _speaker_again_by_role(self, role_word, pos, feminine)
            if again is not None:  # "с двукратным олимпийским чемпионом Дмитрием Васильевым … — сказал чемпион"
                return again.name(feminine), again.role
            alias = marks.ROLE_ALIASES.get(lemma(role_word))
            if alias and not land and (reg.by_role(alias, pos) or _introduced_as(self, alias, pos)):
                return self.refer(pos, feminine, role_word=alias)  # "омбудсмен" for "уполномоченный по правам человека"
            head = marks.LAND_HEAD_ROLES.get(lemma(role_word)) if land and not alias else None
            alias = alias or head  # "польский глава отметил": the holder of the land's top office, "президент Польши"
            held = reg.by_role(alias, pos, land=land) if alias and land else None
            if head and held is not None and not reg._role_in(held.key, land):
                held = None  # ("— рассказал глава Турции" is no other land's president)
            if held is not None and (feminine is None or held.feminine in (None, feminine)):  # "глава украинского
                # кабмина": the премьер-министр Украины
                return held.name(feminine), held.role
            titled = None if land else _titled_name_before(self, role_word, pos)
            if titled is not None:  # "патриарх Кирилл высказал … «…», — поучал президента патриарх"
                return titled, lemma(role_word.lower())
            surnamed = None if land else _role_then_name_before(self, role_word, pos)
            if surnamed is not None:  # "Президент Путин заявил …. «…», – заявил президент": not the last speaker
                return surnamed
            if strict:
                return None, None
            introduced = self._introduced_in_paragraph_before(pos, feminine)
            if introduced is not None:  # "… оценил чемпион Мартен Фуркад.\n«…», — сказал француз": a role nobody holds
                return introduced.name(feminine), introduced.role
        if role_word is None or lemma(role_word) in marks.GENERIC_ROLES:
            introduced = self._introduced_in_paragraph_before(pos, feminine)
            if introduced is not None:  # "RT удалось пообщаться с Аликой Джордж, …\n«…», — рассказала она"
                return introduced.name(feminine), introduced.role
            closing = self._name_closing_paragraph_before(pos)
            if closing is not None:  # "… остановился только полузащитник Витиньо.\n«…», — подытожил бразилец"
                return closing, None
        if role_word is None and feminine is not None:
            head = self._role_subject_before(pos, feminine)
            if head is not None:  # "Губернатор распорядился … и отметил, что … «…», — сказал он": the role's holder
                land = self._role_subject_land(pos)  # "Президент России заявил …": that country's president, or nobody
                who = self.refer(pos, feminine, role_word=head[0], land=land, strict=land is not None)
                return who if self._holds_as(who[0], head[1], pos, head[0]) else (None, None)
        unheld = self._unheld_subject_before(pos, feminine) if role_word is None and feminine is not None else None
        if unheld is not None:  # "Тиммерманс пригласил польское правительство к диалогу. «…», — сказал он"
            return unheld, None
        if role_word is None and feminine is not None and self._possessor_right_before(pos, feminine):
            return None, None  # "… приветствовал адвокат Ассанжа.\nОн заявил, что …": the lawyer, unnamed
        hit = reg.topic(self.text, pos, feminine)
        if hit is not None and not self._named_as_subject(hit[0].key, pos, credits_only=not role_word):
            hit = None  # "Суд над Иваном Петровым … — заметил прокурор"; "Текст: Мария Иванова": they do not speak
        prev = max(((s, n) for s, n in self.spoken if s < pos), default=None)
        names = self.people_by_name()
        if prev and prev[1] in names and (hit is None or prev[0] > hit[1]
                                          or hit[0] is not names[prev[1]] and _reported_at(self.text, hit[1])):
            person = names[prev[1]]
            if feminine is None or person.feminine in (None, feminine) \
                    or self._said_as(person.key, prev[0], pos, feminine):
                if role_word is None and self._source_since(prev[0], pos):
                    return None, None
                return person.name(feminine), person.role
        lone = prev is not None and pos - prev[0] <= LONE_SPEAKER_WINDOW and prev[1] not in names \
            and (hit is None or prev[0] > hit[1]) and self._lone_person(prev[1])
        if lone and not (role_word is None and self._source_since(prev[0], pos)):
            return prev[1], None  # "— сказала Мадонна. … — добавила она": a name the registry does not hold
        if hit is None:
            opener = self._lead_person_before_body(pos, feminine) if role_word is None and prev is None else None
            if opener is not None:  # "«…», — прокомментировал он" opening the body under the lead "По мнению … Баттена"
                return opener.name(feminine), opener.role
            return None, None
        if role_word is None and self._source_since(hit[1], pos):
            return None, None
        return hit[0].name(feminine), hit[0].role

    def _lead_person_before_body(self, pos: int, feminine: bool | None) -> Person | None:
        """The person a pronoun in the body's first paragraph means when the body names nobody before it: of the
        people of that gender the lead names in full, the first it names ("По мнению члена Партии независимости
        Джерарда Баттена, …" over the body's opening «…», — прокомментировал он); the body's own Person when it names
        them too."""
        lead = self.lead_context
        if lead is None or self.registry.before(pos) is not None or self.text.find("\n", 0, pos) >= 0:
            return None
        people = sorted(((lead.registry.first_position(p.key), p) for p in lead.registry.people.values()
                         if len(p.tokens) >= 2 and (feminine is None or p.feminine in (None, feminine))),
                        key=lambda fp: fp[0])
        if not people:
            return None
        first = people[0][1]
        return self.registry.people.get(first.key, first)

    def _name_closing_paragraph_before(self, pos: int) -> str | None:
        """A single name the registry does not hold that ends the paragraph right before a quote opening its own
        paragraph, after "и" or a role noun in the nominative ("Не смог объяснить причину и Фернандо.", "…
        остановился только полузащитник Витиньо."), in a paragraph that names nobody the registry holds and
        quotes nothing: the newcomer speaks."""
        bounds = self._paragraph_before(pos)
        if bounds is None:
            return None
        start, end = bounds
        m = _CLOSING_NAME.search(self.text, start, end)
        if m is None or any(start <= mn.pos < end for mn in self.registry.mentions):
            return None
        word, name = m.group(1), m.group(2)
        if word.lower() != "и" and not (is_role_word(word) and _nominative_singular(word)):
            return None
        if _place_or_body(name):
            return None
        return name

    def _paragraph_before(self, pos: int) -> tuple[int, int] | None:
        """Bounds of the paragraph right before a quote at pos that opens its own paragraph, when that paragraph
        holds no quote; else None."""
        text = self.text
        q = pos
        while q > 0 and text[q - 1] in " \t\u00a0":
            q -= 1
        if q > 0 and text[q - 1] in "«\"„":
            q -= 1
        elif q >= len(text) or text[q] not in "«\"„":
            return None
        while q > 0 and text[q - 1] in " \t\u00a0":
            q -= 1
        if q == 0 or text[q - 1] != "\n":
            return None
        end = q - 1
        while end > 0 and text[end - 1].isspace():
            end -= 1
        start = text.rfind("\n", 0, end) + 1
        if end <= start or any(start <= s < end for s, _ in self.taken):
            return None
        return start, end

    def _introduced_in_paragraph_before(self, pos: int, feminine: bool | None) -> Person | None:
        """The one person named in full in the paragraph right before a quote that opens its own paragraph, when
        that paragraph holds no quote, no "он"/"она" before the name, and names the person as a subject or after a
        cue of talking to them ("Аналитик Уильям Энгдаль также считает, что …\n«…», — сказал он"; "RT удалось
        пообщаться с Аликой Джордж\n«…», — рассказала она"): the newcomer speaks, not the last speaker."""
        bounds = self._paragraph_before(pos)
        if bounds is None:
            return None
        start, end = bounds
        text = self.text
        mentions = [m for m in self.registry.mentions if start <= m.pos < end and not m.quoted]
        if len({m.key for m in mentions}) != 1:
            return None
        first = mentions[0]
        if _PRONOUN_ANY.search(text, start, first.pos) or _THAT_WORD_ONLY.search(text, start, first.pos) or not (
                self._subject_at(first.pos, start, end) or _CONTACT.search(text, start, first.pos)):
            return None
        person = self.registry.people.get(first.key)
        if person is None or len(person.tokens) < 2 or feminine is not None and person.feminine not in (None, feminine):
            return None
        return person

    def _subject_at(self, pos: int, lo: int, hi: int) -> bool:
        """The name group starting at pos (in a clause from lo) can be a subject where it stands."""
        text = self.text
        g = next((g for g in find_groups(text, pos, min(hi, pos + 80)) if g.start == pos), None)
        if g is None:
            return False
        if may_be_subject(text, g) or _role_named(text, lo, g):
            return True
        stop = _CLAUSE_END_MARK.search(text, g.end, hi)
        said, feminine = speech_verb(text[g.end:stop.start() if stop else hi])  # "Дэррелл Айссэ после слушаний заявил"
        person = self.registry.lookup(g)
        before = words(text[lo:g.start])
        owned = bool(before) and is_role_word(before[-1]) and not _nominative_singular(before[-1]) \
            and any(p.tag.number == "sing" for p in parses(before[-1].lower())[:2])  # "жена вратаря Клаудио Браво"
        return said and not owned and person is not None and feminine is not None \
            and person.feminine in (None, feminine)

    def _speaker_told_before(self, pos: int) -> Person | None:
        """"Похожим образом говорит … Сергей Жаворонков, работавший … «…», — рассказывает старший научный сотрудник
        института": a role nobody holds, right after a sentence whose speech verb has one named subject the
        article gives no role: that person."""
        text = self.text
        a = sentence_start(text, 0, min(pos + 1, len(text)))
        if a < 2:
            return None
        pa = sentence_start(text, 0, _rstrip(text, 0, a) - 1)
        if "«" in text[pa:a]:
            return None
        verb = next((m for m in WORDS_RE.finditer(text, pa, a) if speech_verb(m.group())[0]), None)
        if verb is None or speech_verb(verb.group())[1] is not None:  # "говорит", not "сказал"
            return None
        comma = text.find(",", verb.end(), a)
        subjects = [g for g in _groups(self, pa, comma if comma > 0 else a) if can_be_nominative(g.tokens)]
        if len(subjects) != 1 or not subjects[0].full:
            return None
        person = self.registry.lookup(subjects[0], None)
        return person if person is not None and person.role is None else None

    def people_by_name(self) -> dict[str, Person]:
        """The article's people by canonical name (``Registry.by_name``, built once)."""
        return self.registry.by_name()

    def forget_names(self) -> None:
        """Drop the name map: a person's canonical name changed (a gender hint settled it)."""
        self.registry.forget_names()

    def _source_since(self, at: int, pos: int) -> bool:
        """An unnamed source came up in the narrative between an antecedent at ``at`` and pos ("«…», — говорит
        источник «Медузы». Он считает, что …", "представитель делегации, пожелавший остаться неназванным. «…», —
        сказал американец"): a pronoun or a bare person noun at pos stands for that source, not for the one named
        before it."""
        quoted = self.quoted_regions()
        if any(not any(qa <= m.start() < qb for qa, qb in quoted)
               and not _CITED_SOURCE.search(self.text, max(0, m.start() - 40), m.start())
               for m in _SOURCE_WORD.finditer(self.text, max(0, at), pos)):
            return True
        spoken = {s for s, _ in self.spoken}
        return any(at < s < pos and s not in spoken and self._unnamed_after(e, pos) for s, e in self.taken) \
            or self._unnamed_subject_since(at, pos)

    def _unnamed_subject_since(self, at: int, pos: int) -> bool:
        """Between an antecedent at ``at`` and pos a sentence with a speech verb speaks of an unnamed person
        ("один из …"), and names no person ("Это подтвердил «Ъ» один из участников встречи в Дохе. «…», — сказал
        он"; not "Один из администраторов сообщества, Войцех Любински, рассказал")."""
        text = self.text
        quoted = self.quoted_regions()
        for m in _UNNAMED_SUBJECT.finditer(text, max(0, at), pos):
            if any(qa <= m.start() < qb for qa, qb in quoted):
                continue
            a = sentence_start(text, max(0, at), m.start() + 1)
            b = sentence_end(text, m.end(), pos) if m.end() < pos else pos
            if any(self.registry.lookup(g) is not None or g.full for g in find_groups(text, a, b)):
                continue
            if speech_verb(text[a:b])[0]:
                return True
        return False

    def _unnamed_after(self, end: int, pos: int) -> bool:
        """The attribution right after a quote ending at ``end`` gives an unnamed speaker ("«…», — сказал представитель
        правительства. «…», — цитирует его ИТАР-ТАСС": "его" is that representative)."""
        dash = _AFTER.match(self.text, min(end + 1, pos), pos)
        if dash is None:
            return False
        stop = _clause_end(self.text, dash.end(), pos)
        return any(w.lower() in marks.UNNAMED for w in words(self.text[dash.end():stop]))

    def _named_as_subject(self, key: str, pos: int, credits_only: bool = False) -> bool:
        """The person was named before pos at least once in a form that can be a subject (nominative), and not only
        on a credit line ("Текст: Мария Иванова", "Фото: …"); with ``credits_only`` any form off such lines will do."""
        return any(m.key == key and (credits_only or m.nominative) and not m.quoted and not _credit_line(self.text, m.pos)
                   for m in self.registry.mentions if m.pos < pos)

    def _sentence_right_before(self, pos: int) -> tuple[int, int] | None:
        """Bounds of the sentence that ends right before pos (on its line), else None."""
        text = self.text
        end = pos
        while end > 0 and (text[end - 1].isspace() or text[end - 1] in marks.OPENERS):
            end -= 1
        line = text.rfind("\n", 0, end) + 1
        if end <= line:
            return None
        return sentence_start(text, line, end - 1), end

    def _role_subject_before(self, pos: int, feminine: bool) -> tuple[str, str | None] | None:
        """The role noun (and the word after it when it may qualify it) that is the subject of the sentence right
        before pos, when that sentence names nobody and reports speech with a verb of the pronoun's gender
        ("Директор супермаркета рассказал RT, что …")."""
        text = self.text
        bounds = self._sentence_right_before(pos)
        if bounds is None:
            return None
        a, end = bounds
        ws = words(text[a:end])
        lead = _connective_lead(ws)
        ws = ws[lead:]  # "В свою очередь сенатор сообщила …": the role after the connective
        if not ws or not (lead or ws[0][:1].isupper()) or not is_role_word(ws[0].lower()) \
                or not _nominative_singular(ws[0].lower()) or speech_verb(text[a:end]) != (True, feminine):
            return None
        if find_groups(text, a, end):
            return None
        nxt = ws[1].lower() if len(ws) > 1 and ws[1].islower() else ""
        qualified = len(nxt) > 3 and nxt not in marks.PREPOSITIONS and not is_verb(nxt) and not _adverbial(nxt)
        return ws[0].lower(), nxt if qualified else None

    def _unheld_subject_before(self, pos: int, feminine: bool) -> str | None:
        """The name, as written, that opens the sentence right before pos (maybe after a role: "Подполковник Рами
        Маувас … заявил, что …") as its subject, with a past verb of the pronoun's gender, when the registry holds
        no such person and the sentence names nobody it holds: the newcomer is the one the pronoun stands for."""
        bounds = self._sentence_right_before(pos)
        if bounds is None:
            return None
        a, end = bounds
        text = self.text
        if any(qa < end and a < qb for qa, qb in self.quoted_regions()) or any(c in text[a:end] for c in "«»\"„“"):
            return None  # a sentence of someone's words ("«… Сечин сумел представить доказательства»")
        groups = find_groups(text, a, end)
        if not groups or any(self.registry.lookup(g) is not None for g in groups):
            return None
        g = groups[0]
        before = words(text[a:g.start])
        roles = 0
        while roles < len(before) and (is_role_word(before[roles].lower()) or _animate_noun(before[roles])):
            roles += 1
        given = before[roles:]  # "Подполковник Рами Маувас": a first name the name groups left out
        if roles > _MAX_SUBJECT_MODIFIERS or len(given) > 1 \
                or any(not w[:1].isupper() or not _noun_like(w) for w in given):
            return None
        name = " ".join((*given, *g.tokens))
        if not may_be_subject(text, g) or not self._lone_person(name) \
                or _place_or_body(g.tokens[-1]):
            return None
        stop = _CLAUSE_END_MARK.search(text, g.end, end)
        return name if _past_verb_feminine(text, g.end, stop.start() if stop else end) is feminine else None

    def _possessor_right_before(self, pos: int, feminine: bool) -> bool:
        """The sentence right before pos names just one person, in the genitive after a person noun of the pronoun's
        gender ("уже приветствовал адвокат Ассанжа."): a pronoun at pos stands for that unnamed person."""
        bounds = self._sentence_right_before(pos)
        if bounds is None:
            return False
        inside = [m for m in self.registry.mentions if bounds[0] <= m.pos < bounds[1] and not m.quoted]
        return len(inside) == 1 and _possessor_mention(self, inside[0].pos, feminine)

    def _role_subject_land(self, pos: int) -> str | None:
        """The country the role subject of the sentence right before pos is tied to ("Президент России заявил")."""
        bounds = self._sentence_right_before(pos)
        return _role_land(words(self.text[bounds[0]:bounds[1]])[:3], 0) if bounds is not None else None

    def _holds_as(self, name: str | None, qualifier: str | None, pos: int, role_word: str = "") -> bool:
        """The person was named before pos right after the role's qualifier ("директор ассоциации Алексей
        Дорошенко" for "директор ассоциации"), or the role has none, or the person spoke the quote before pos and
        the article gave them no role of that word (then "директор супермаркета" is someone else)."""
        if name is None or qualifier is None:
            return True
        person = self.people_by_name().get(name)
        prev = max(((s, n) for s, n in self.spoken if s < pos), default=None)
        if prev is not None and prev[1] == name and person is not None \
                and role_word[:marks.QUALIFIER_STEM] not in (person.role or "").lower():
            return True  # "«…», — сказал он. Глава дипмиссии сообщил, что … «…», — сказал он": the one speaking on
        stem = qualifier[:marks.QUALIFIER_STEM]
        return person is None or any(m.key == person.key and not m.quoted
                                     and stem in self.text[max(0, m.pos - marks.QUALIFIER_REACH):m.pos].lower()
                                     for m in self.registry.mentions if m.pos < pos)

    def _said_as(self, key: str, since: int, pos: int, feminine: bool) -> bool:
        """The person was named between the previous quote (from ``since`` back a little) and pos next to a speech
        verb of the pronoun's gender ("— заявила RT Джозефа Реджетти. … — добавила она"): the text settles a gender
        the name's morphology guessed wrong."""
        lo = since - marks.SAID_AS_BEFORE
        for m in self.registry.mentions:
            if m.key != key or m.quoted or not lo <= m.pos < pos:
                continue
            reach = marks.SAID_AS_REACH
            # the mention's own sentence, not the next one's verb ("— спросил Сидоров. Она ответила: «…»")
            after = sentence_end(self.text, m.pos, min(len(self.text), m.pos + 2 * reach))
            near = self.text[max(0, m.pos - reach):m.pos], self.text[m.pos:after]
            if any(speech_verb(s) == (True, feminine) for s in near):
                return True
        return False

    def _lone_person(self, name: str) -> bool:
        """A speaker named by a word or two the registry does not hold as a person, and no organisation either
        ("Мадонна", "Гопко"): capitalised Cyrillic words in lowercase otherwise, not an organisation's name."""
        ws = name.split()
        if len(ws) > 2 or not all(_LONE_NAME.fullmatch(w) for w in ws) or name.lower() in marks.NOT_PERSONS:
            return False
        return not any(o.name() == name for o in self.orgs.orgs.values()) and not _is_org_word(ws[0])

    def _last_to_speak(self, pos: int, feminine: bool | None, window: int = GENERIC_WINDOW):
        """The person who spoke last before pos, and where: the speaker of an earlier quote, or the subject of a
        sentence with a speech verb or "по словам" ("отреагировал тренер Маркус Крамер", "по словам Эмиля Дабагяна")."""
        reg = self.registry
        names = self.people_by_name()
        quoted = max(((s, names[n]) for s, n in self.spoken if pos - window <= s < pos and n in names), default=None,
                     key=lambda sp: sp[0])
        for m in reversed(reg.mentions):
            if m.pos >= pos or m.quoted or not (m.nominative or _according_holder(self.text, m.pos)) \
                    or off_narrative(self.text, m.pos):
                continue
            if m.pos < pos - window or (quoted and m.pos < quoted[0]):
                break
            person = reg.people[m.key]
            if feminine is not None and person.feminine not in (None, feminine):
                continue
            line = self.text.rfind("\n", 0, m.pos) + 1
            end = self.text.find("\n", m.pos)
            a = _name_sentence_start(self.text, line, m.pos)
            b = sentence_end(self.text, m.pos, len(self.text) if end < 0 else end)
            if _pronoun_speaks_next(self.text, b, person.feminine) and self._last_named_in(m.pos, b):
                return person, m.pos  # "К выводу о том, что …, пришел и … Константин Калачев. Он подчеркнул, что …"
            sub = _SUBORDINATE.search(self.text, a, b)
            if sub is not None and sub.start() < m.pos and not _opinion_holder_at(self.text, a, m.pos) \
                    and not _inverted_attribution(self.text, a, m.pos):
                continue  # "Колядин пояснил, что Путин …": who the speech is about, not who speaks
            if speech_verb(self.text[a:b])[0] or _ACCORDING.search(self.text, a, b) or _introduced(self.text, m.pos) \
                    or _POINT_OF_VIEW.search(self.text, a, m.pos) is not None \
                    or _HIS_WORDS_NEXT.match(self.text, b):
                return person, m.pos
        if quoted and (feminine is None or quoted[1].feminine in (None, feminine)):
            return quoted[1], quoted[0]
        return None

    def _last_named_in(self, at: int, end: int) -> bool:
        """No other person is named after the mention at ``at`` up to ``end`` (the end of its sentence)."""
        return not any(at < m.pos < end for m in self.registry.mentions)

    def free(self, a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in self.taken)

    def nestable(self, a: int, b: int) -> bool:
        """Every quote taken so far that meets [a, b) contains it."""
        return all(b <= s or a >= e or (s <= a and b <= e and (s, e) != (a, b)) for s, e in self.taken)


_CREDIT = re.compile(marks.CREDIT_LABELS, re.IGNORECASE)
_POINT_OF_VIEW = re.compile(r"(?<![А-ЯЁа-яё])" + marks.POINT_OF_VIEW_BEFORE,
                            re.IGNORECASE)  # "С точки зрения политолога Ивана Петрова": whose view it is
_ACCORDING_HEAD = re.compile(marks.ACCORDING_TO + r"[ \u00a0]+(?:[а-яё-]+[ \u00a0]+){0,8}$", re.IGNORECASE)
_HIS_WORDS_NEXT = re.compile(r"[.!?…]?[ \u00a0]*По[ \u00a0]+(?:его|её|ее)[ \u00a0]+(?:словам|мнению|оценке)")  # "… сомневается, что …. По его словам, …"
_PRONOUN_NEXT = re.compile(r"[.!?…]?[ \u00a0]*(Он|Она)[ \u00a0]+((?:[а-яё]+[ \u00a0]+)?[а-яё]+)")


def _connective_lead(ws: list[str]) -> int:
    """How many words of a sentence's start are a connective before its subject ("В свою очередь", "Однако",
    "Между тем"), when the first is capitalised; 0 when the first word is none."""
    if not ws or not ws[0][:1].isupper():
        return 0
    phrase = " ".join(w.lower() for w in ws[:3])
    for lead in marks.SUBJECT_CONNECTIVES:
        if phrase == lead or phrase.startswith(lead + " "):
            return len(lead.split())
    return 0


def _pronoun_speaks_next(text: str, end: int, feminine: bool | None) -> bool:
    """The sentence after the one ending at ``end`` opens with "Он"/"Она" of the person's gender and a speech verb
    of that gender ("… пришел и глава группы Константин Калачев. Он подчеркнул, что …"): the person speaks."""
    m = _PRONOUN_NEXT.match(text, end)
    if m is None:
        return False
    said, verb_feminine = speech_verb(m.group(2))
    pronoun_feminine = m.group(1) == "Она"
    return said and verb_feminine is pronoun_feminine and feminine in (None, pronoun_feminine)


_ACCORDING_REACH = 120  # characters back from a name its "по словам"/"по мнению" may stand


def _according_holder(text: str, pos: int) -> bool:
    """A name at pos (genitive) is whose words or opinion the sentence gives: "По словам главного редактора журнала
    Дмитрия Шеремецкого, …", "По мнению эксперта Андрея Масаловича, …" (up to eight words of any case between,
    "директора Центра …", quoted titles too)."""
    head = re.sub(r"«[^«»]{1,40}»|\"[^\"]{1,40}\"", "назв", text[max(0, pos - _ACCORDING_REACH):pos])
    return _ACCORDING_HEAD.search(head) is not None


_CLOSING_NAME = re.compile(r"(?<![А-ЯЁа-яё-])([а-яё]+)[ \u00a0]+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\.[ \u00a0\t]*$")


def _credit_line(text: str, pos: int) -> bool:
    """pos lies on a credit line of the article's own staff: "Текст: Мария Иванова", "Фото: Петр Сидоров"."""
    return _CREDIT.match(text, text.rfind("\n", 0, pos) + 1, pos) is not None


LONE_SPEAKER_WINDOW = 1500  # characters back a pronoun may point to a speaker the registry does not hold
_LONE_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")


def _reported_at(text: str, pos: int) -> bool:
    """The name at pos stands in what a speech verb reports ("Он отметил, что Жиров …"): the speech is about that
    person, who is no antecedent for the next "сказал он"."""
    line = text.rfind("\n", 0, pos) + 1
    a = _name_sentence_start(text, line, pos)
    sub = _THAT_WORD.search(text, a, pos)
    return sub is not None and speech_verb(text[a:sub.start()])[0]


def _name_sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence holding the name at pos, also when the name opens it (sentence_start alone counts a
    break only once pos is past the capital letter after it: "… редактору. Родионов добавил" would take the
    sentence before too)."""
    return sentence_start(text, lo, min(pos + 1, len(text)))


_THAT_WORD = re.compile(r"(?<![А-ЯЁа-яё])(?:что|чтобы|будто)(?![А-ЯЁа-яё])")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?…:][»\"”)]*)[ \u00a0\t]*$")
_CLOSER = re.compile("»")
_MAX_MENDED = 3000  # characters a quotation re-joined over its own inner quotes may span


def _opens_sentence(text: str, pos: int, lo: int) -> bool:
    """The mark at pos starts a paragraph or follows a sentence end or a colon."""
    line = text.rfind("\n", lo, pos) + 1 or lo
    return bool(_SENTENCE_OPEN.search(text[max(line, pos - 20):pos]))


def mend_orphan_closers(text: str, lo: int, hi: int, spans: list[MarkSpan]) -> list[MarkSpan]:
    """«Волчья стая» означает …, огонь», — заявил X: a quotation that starts with (or holds) a name in the same
    guillemets lost its own closing mark to the inner one; a closing « » » left over re-joins the nearest earlier
    pair that opens a sentence, as one outer quotation."""
    closes = {s.close for s in spans}
    orphans = [m.start() for m in _CLOSER.finditer(text, lo, hi) if m.start() not in closes]
    if not orphans:
        return spans
    mended = list(spans)
    for c in orphans:
        starts = [s for s in spans if s.close < c and c - s.open <= _MAX_MENDED and text[s.open] == "«"
                  and _opens_sentence(text, s.open, lo)]
        if not starts:
            continue
        first = max(starts, key=lambda s: (s.close, -s.open))  # the pair closed last; of pairs sharing it, the outer
        if any(first.close < s.open < c and s.close > c for s in spans):
            continue  # another pair straddles the orphan: no clean outer quotation
        mended.append(MarkSpan(first.open, c))
    mended.sort(key=lambda s: (s.open, -s.close))
    return mended


ROLE_NEAR_WINDOW = 1000  # characters back a role word naming someone ("депутат … Антон Геращенко") is looked for
_ROLE_NAME_GAP = 120  # characters between that role word and the name


def _role_named_near(ctx: Context, role_word: str, pos: int, known_at: int | None) -> Person | None:
    """"Об этом сообщил депутат и член коллегии МВД Антон Геращенко. «…», — написал депутат": the person the text
    last named right after the role word, when that comes after the registry's own holder of the role was last
    mentioned (the registry keeps one role a person, here "член коллегии"); None when there is none."""
    lem = lemma(role_word.lower())
    heads = {k.split()[0] for k, v in marks.ROLE_SYNONYMS.items() if v == lem and " " in k}  # "глава" (МИД)
    text = ctx.text
    lo = max(0, pos - ROLE_NEAR_WINDOW, (known_at or 0) + 1)
    ms = list(WORDS_RE.finditer(text, lo, pos))
    for n in range(len(ms) - 1, -1, -1):
        w = ms[n].group().lower()
        if w[:3].replace("ё", "е") == lem[:3] and _nominative_role(w, lem):
            end = ms[n].end()
        elif heads and n + 1 < len(ms) and _synonym_phrase(w, ms[n + 1].group().lower(), heads, lem):
            end = ms[n + 1].end()  # "Глава МИД Ирана Мохаммад Джавад Зариф" for "министр"
        else:
            continue
        g = next(iter(ctx.registry.groups(text, end, min(pos, end + _ROLE_NAME_GAP))), None)
        if g is None or not g.full or not may_be_subject(text, g) or not _role_complement(text[end:g.start]):
            continue
        return ctx.registry.lookup(g)
    return None


ROLE_INTRO_WINDOW = 6000  # characters back a person introduced with a role may be referred to by it
_ROLE_INTRO_WORDS = 6  # words a role phrase may span before the name


def _role_heads(word: str) -> set[str]:
    """Lemmas a role word stands for: itself and, for a compound, its first part ("сенатор-республиканец")."""
    low = word.lower().replace("ё", "е")
    heads = {lemma(low)}
    if "-" in low and not low.startswith(("экс-", "вице-", "пресс-")):
        heads.add(lemma(low.split("-")[0]))
    return heads


def _introduced_as(ctx: Context, role_word: str, pos: int,
                   window: int = ROLE_INTRO_WINDOW) -> tuple[Person, int, int] | None:
    """Of the people named before pos right after a role phrase headed by role_word ("аналитик Иван Петров",
    "боец UFC Хабиб Нурмагомедов", "сенатор-республиканец Линдси Грэм"), the one mentioned last: the person,
    where last mentioned and where last introduced so; None when there is none."""
    lem = lemma(role_word.lower()).replace("ё", "е")
    if lem in marks.RELATIONAL_ROLES:
        return None  # "пресс-секретаря Трампа": whose the role is, not who holds it
    before = [m for m in ctx.registry.mentions if pos - window <= m.pos < pos and m.pos >= 0 and not m.quoted]
    holders = {m.key: m.pos for m in before if _with_role(ctx.text, m.pos, lem)}
    last = next((m for m in reversed(before) if m.key in holders), None)
    return (ctx.registry.people[last.key], last.pos, holders[last.key]) if last else None


_TITLE_TO_NAME_WORDS = 4  # words between a title and the first name it is given with ("патриарх Московский и всея Руси Кирилл")


def _role_then_name_before(ctx: Context, role_word: str, pos: int) -> tuple[str, str | None] | None:
    """"Президент Путин заявил на прошлой неделе …. «…», – заявил президент": the name the text last gave right after
    the same role word in the nominative, outside quotes and within ROLE_INTRO_WINDOW before pos, as the subject; None
    when there is none."""
    lem = lemma(role_word.lower()).replace("ё", "е")
    text = ctx.text
    quoted = ctx.quoted_regions()
    for g in reversed(_groups(ctx, max(0, pos - ROLE_INTRO_WINDOW), pos)):
        if any(qa <= g.start < qb for qa, qb in quoted) or not may_be_subject(text, g):
            continue
        before = list(WORDS_RE.finditer(text, max(0, g.start - 40), g.start))
        if before and lemma(before[-1].group().lower()).replace("ё", "е") == lem \
                and _nominative_singular(before[-1].group()) and not text[before[-1].end():g.start].strip(" \u00a0"):
            return person_speaker(ctx, g, None, before[-1].start())
    return None


def _titled_name_before(ctx: Context, role_word: str, pos: int) -> str | None:
    """The first name (nominative) the text last gave right after the title in the nominative before pos, outside
    quotes ("патриарх Кирилл высказал", "патриарх Московский и всея Руси Кирилл заявил"; not the caption "Встреча
    Патриарха Кирилла с …"), for the titles given with a first name alone (marks.TITLED_BY_FIRST_NAME); None for
    other role words or when there is none."""
    lem = lemma(role_word.lower()).replace("ё", "е")
    if lem not in marks.TITLED_BY_FIRST_NAME:
        return None
    text = ctx.text
    quoted = ctx.quoted_regions()
    ms = list(WORDS_RE.finditer(text, max(0, pos - ROLE_INTRO_WINDOW), pos))
    for n in range(len(ms) - 1, -1, -1):
        w = ms[n].group()
        if not w[:1].isupper() or any(qa <= ms[n].start() < qb for qa, qb in quoted):
            continue
        first = next((p for p in parses(w.lower())[:3] if "Name" in p.tag.grammemes), None)
        if first is None:
            continue
        for k in range(n - 1, max(-1, n - 2 - _TITLE_TO_NAME_WORDS), -1):
            if lemma(ms[k].group().lower()).replace("ё", "е") == lem:
                if _nominative_singular(ms[k].group()) and not re.search(r"[.!?;:«»\"()]", text[ms[k].end():ms[n].start()]):
                    return first.normal_form.capitalize()
                break
    return None


def _interlocutor_before(ctx: Context, pos: int, feminine: bool | None) -> Person | None:
    """The person quoted last before pos (within INTERLOCUTOR_WINDOW), unless the verb's gender rules them out."""
    prev = ctx.previous_speaker(pos, window=INTERLOCUTOR_WINDOW)
    person = ctx.people_by_name().get(prev) if prev else None
    if person is None or feminine is not None and person.feminine not in (None, feminine):
        return None
    return person


def _implied_holder(ctx: Context, role_word: str, pos: int, feminine: bool | None) -> Person | None:
    """The one who spoke last before pos when their role implies the role word though it does not name it
    (marks.IMPLIED_ROLES: "председатель комитета Госдумы" for "парламентарий"); else None."""
    stems = marks.IMPLIED_ROLES.get(lemma(role_word.lower()).replace("ё", "е"))
    spoke = ctx._last_to_speak(pos, feminine) if stems is not None else None
    if spoke is None or not any(s in f"{r.lower()} " for r in _roles_given(ctx, spoke[0]) for s in stems):
        return None
    return spoke[0]


def _speaker_again_by_role(ctx: Context, role_word: str, pos: int, feminine: bool | None) -> Person | None:
    """The one quoted last before pos (within INTERLOCUTOR_WINDOW), when the text named him right after the role
    word in any case ("RT обсудил гонку с двукратным олимпийским чемпионом Дмитрием Васильевым. «…», — отметил
    Васильев. «…», — сказал двукратный олимпийский чемпион"); None otherwise."""
    person = _interlocutor_before(ctx, pos, feminine)
    if person is None:
        return None
    lem = lemma(role_word.lower()).replace("ё", "е")
    if lem in marks.RELATIONAL_ROLES:
        return None
    for m in ctx.registry.mentions:
        if m.key != person.key or m.quoted or not pos - ROLE_INTRO_WINDOW <= m.pos < pos:
            continue
        ms = list(WORDS_RE.finditer(ctx.text, max(0, m.pos - 100), m.pos))[-_ROLE_INTRO_WORDS:]
        name = WORDS_RE.match(ctx.text, m.pos)
        if name is not None and any(lem in _role_heads(w.group()) and _role_phrase_to(ctx.text, w.end(), m.pos)
                                    and _same_case(w.group(), name.group()) for w in ms):
            return person
    return None


def _same_case(role: str, name: str) -> bool:
    """The role word and the name can stand in the same case ("чемпионом … Дмитрием"), unlike "адвокат министра Олег
    Зорин", where the role word is another's (genitive) and the name the subject."""
    cases = {p.tag.case for p in parses(name.lower())[:4] if p.tag.case}
    return any(p.tag.case in cases for p in parses(role.lower())[:4])


def _kin_speaker_since(ctx: Context, role_word: str, since: int, pos: int,
                       feminine: bool | None) -> tuple[Person, int] | None:
    """Who spoke last before pos, after since, when the text gave him a role kindred to role_word (marks.ROLE_KIN:
    "политический аналитик" for "политолог"); None otherwise."""
    spoke = ctx._last_to_speak(pos, feminine)
    if spoke is None or spoke[1] <= since:
        return None
    lems = {w for lem in _spoken_role_lemmas(ctx, *spoke) for w in _role_heads(lem)}
    lem = lemma(role_word.lower())
    kin = next((k for k in marks.ROLE_KIN if lem in k), frozenset())
    return spoke if lems & kin else None


def _spoken_role_lemmas(ctx: Context, person: Person, at: int) -> frozenset[str]:
    """Lemmas of the roles the article gives the person: the registry's, and the role phrase right before the
    mention at ``at`` ("политический аналитик Иван Петров сказал"), when there is a mention there."""
    roles = {r for r in (person.role, ctx.registry.role_before(ctx.text, at) if at >= 0 else None) if r}
    return frozenset(lem for r in roles for lem in role_lemmas(r))


def _with_role(text: str, pos: int, lem: str) -> bool:
    """The name at pos comes right after a role phrase headed by the role lem ("боец UFC Хабиб Нурмагомедов")."""
    if lem[:4] not in text[max(0, pos - 100):pos].lower().replace("ё", "е"):
        return False  # (a cheap test first)
    ms = list(WORDS_RE.finditer(text, max(0, pos - 100), pos))[-_ROLE_INTRO_WORDS:]
    return any(lem in _role_heads(w.group()) and _role_phrase_to(text, w.end(), pos) and _nominative_singular(w.group())
               for w in reversed(ms))


def _nominative_singular(word: str) -> bool:
    """The word can be nominative singular ("политолог", not "по мнению политологов, Тереза Мэй", nor "адвокат
    министра Олег Зорин": the role of someone else)."""
    return any(p.tag.number == "sing" and p.tag.case == "nomn" for p in parses(word.lower())[:3])


def _role_phrase_to(text: str, a: int, b: int) -> bool:
    """text[a:b] is the rest of a role phrase before a name; after a comma only more role words ("политолог,
    профессор МГУ Иван Петров")."""
    head, _, rest = text[a:b].partition(",")
    return _role_complement(head) and (not rest or any(is_role_word(w) for w in words(rest)) and _role_complement(rest))


def _synonym_phrase(w: str, nxt: str, heads: set[str], lem: str) -> bool:
    """"глава МИД" stands for "министр" (marks.ROLE_SYNONYMS), its head in the nominative singular."""
    head = lemma(w)
    return head in heads and marks.ROLE_SYNONYMS.get(f"{head} {lemma(nxt)}") == lem and _nominative_role(w, head)


_MAX_COMPLEMENT_WORDS = 6
_COMPLEMENT_BREAK = re.compile(r"[.;:!?()«»\"—–]")


def _nominative_role(w: str, lem: str) -> bool:
    """w is the role noun lem in the nominative singular ("депутат", not "депутатов")."""
    return any(p.normal_form == lem and p.tag.case == "nomn" and p.tag.number == "sing" for p in parses(w))


def _role_complement(between: str) -> bool:
    """Only the rest of a role phrase stands between a role word and a name ("и член коллегии украинского МВД"):
    a few words, no verb, preposition or sentence punctuation."""
    ws = words(between)
    if len(ws) > _MAX_COMPLEMENT_WORDS or _COMPLEMENT_BREAK.search(between):
        return False
    return not any(w[:1].islower() and any(p.tag.POS in ("VERB", "PREP", "INFN", "PRTF") for p in parses(w)[:1])
                   for w in ws)


_SUBORDINATE = re.compile(r"(?<![А-ЯЁа-яё])(?:что|чтобы|будто|если)(?![А-ЯЁа-яё])|:")


def _opinion_holder_at(text: str, a: int, pos: int) -> bool:
    """The name at pos is what "по словам"/"по мнению" governs, within the same clause."""
    m = None
    for m in _ACCORDING.finditer(text, a, pos):
        pass
    return m is not None and "," not in text[m.end():pos]


def _inverted_attribution(text: str, a: int, pos: int) -> bool:
    """"То, что произошло, — кульминация борьбы, считает научный сотрудник … Альберт Хаматшин": the name at pos ends
    the sentence's last clause, which opens with a speech verb; a "что" before that clause does not govern it."""
    cut = max(text.rfind(",", a, pos), text.rfind("—", a, pos))
    ws = words(text[cut + 1:pos]) if cut >= 0 else []
    return bool(ws) and speech_verb(ws[0])[0] and _SUBORDINATE.search(text, cut, pos) is None


def _introduced(text: str, pos: int) -> bool:
    """The name comes with its role in the nominative, as one introduces a commentator ("С коллегами не согласен
    главный редактор журнала Виктор Мураховский")."""
    role = role_before(text, pos)
    if not role:
        return False
    head = next((w for w in words(role) if is_role_word(w)), None)
    return head is not None and any(p.tag.case == "nomn" for p in parses(head.lower())[:2])


# --- speakers ----------------------------------------------------------------------------------

_SKIP_BEFORE = frozenset("""
в во на с со для у к о об про от из по за при до без через над под между перед изданию агентству телеканалу газете журналу радиостанции порталу
сайту каналу журналистам журналисту корреспонденту интервью эфире ссылкой ссылаясь им имени
""".split())
_NAMED_AFTER = re.compile(r"(?<![А-ЯЁа-яё])им(?:\.|ени)[ \u00a0]*(?:[А-ЯЁ]\.[ \u00a0]?){1,2}$")  # "им. М.В. Ломоносова"


def _prev_word(text: str, pos: int, lo: int) -> str:
    """The word before pos, lowercased, past a name's initials ("заявил В. Петров": "заявил", not the preposition
    "в")."""
    head = text[max(lo, pos - 30):pos]
    initials = INITIALS_BEFORE.search(head)
    ws = WORDS_RE.findall(head[:initials.start()] if initials else head)
    return ws[-1].lower() if ws else ""


def person_speaker(ctx: Context, g: Group, feminine: bool | None, lo: int) -> tuple[str, str | None]:
    """Canonical name and role for a name group found in an attribution clause starting at lo."""
    person = ctx.registry.lookup(g, feminine)
    role = ctx.registry.role_before(ctx.text, g.start)
    if role is not None and ctx.text.find(role.split(" ")[-1], lo) < 0:
        role = None
    if person is None:
        person = _lead_person(ctx, g)
        if person is not None:
            return person.name(feminine), role or person.role
    if person is None or _other_first_name(g, person.name(), feminine):
        return normalize_tokens(g.tokens, feminine)[0], role
    namesake = _namesake_of_gender(ctx, g, person) if _other_gender(person, g, feminine) else None
    if namesake is not None:
        return namesake, role
    if feminine is not None and person.feminine is None:
        person.feminine_hint = feminine
        ctx.forget_names()  # the hint may change the person's canonical name
    return person.name(), role or person.role


def _other_gender(person: Person, g: Group, feminine: bool | None) -> bool:
    """"Сама Багдасарян прокомментировала" after "её отец Эльмар Багдасарян": a surname alone whose verb shows the
    other gender than the one person the registry holds under it: a namesake (wife, daughter), not that person."""
    return feminine is not None and len(g.tokens) == 1 and person.feminine is not None \
        and person.feminine != feminine and len(person.genders) == 1


_FIRST_BEFORE_SURNAME = "(?<![А-ЯЁа-яё])([А-ЯЁ][а-яё]+)[ \u00a0]+{}(?![А-ЯЁа-яё])"
_NOT_FIRST_NAMES = frozenset("ADJF PRTF NPRO PREP CONJ PRCL VERB ADVB NUMR".split())


def _namesake_of_gender(ctx: Context, g: Group, person: Person) -> str | None:
    """The full name, in the body or the lead, of another bearer of the group's surname than person ("Мара
    Багдасарян" beside "Эльмар Багдасарян"), when just one such first name is given, else None. The word before
    the surname must read as one name with it, and be name-like where it opens a sentence or names a place."""
    surname = g.tokens[0]
    own = person.tokens[0].lower()
    pattern = re.compile(_FIRST_BEFORE_SURNAME.format(re.escape(surname)))
    firsts: dict[str, str] = {}  # stem: the form given in the nominative singular ("Мары"/"Мара": "Мара")
    for src, m in ((src, m) for src in (ctx.text, ctx.lead) for m in pattern.finditer(src)):
        first = parses(m.group(1).lower())[0]
        stem = _ENDING.sub("", m.group(1).lower())
        if stem == _ENDING.sub("", own) or first.tag.POS in _NOT_FIRST_NAMES \
                or name_kind(m.group(1)) is None and (_place_or_body(m.group(1)) or _opens_sentence(
                    src, m.start(1), max(0, m.start(1) - 200))) or not possible_genders((m.group(1), surname)):
            continue  # (not "Похороны Драчёва", a common word opening a sentence, "во Францию Петра", nor "над
            # Майклом Джонсоном Уайт заявил", words no one name's gender and case joins)
        if stem not in firsts or first.tag.case == "nomn" and first.tag.number == "sing":
            firsts[stem] = _nominative_first(m.group(1))
    return f"{firsts.popitem()[1]} {surname}" if len(firsts) == 1 else None


_ENDING = re.compile("[аяыиеёуюоьй]+$")


def _nominative_first(word: str) -> str:
    """A first name as written, or its nominative singular when it is read in another case ("Барбары": "Барбара")."""
    sing = next((p for p in parses(word.lower())[:4] if p.tag.number == "sing"), None)
    if sing is None or sing.tag.case == "nomn":
        return word
    return sing.normal_form.capitalize()


def _lead_person(ctx: Context, g: Group) -> Person | None:
    """A surname alone the body never gives in full, which the lead names in full ("Гэллоуэй выразил …" under the
    lead "По мнению … Джорджа Гэллоуэя, …"): that person."""
    lead = ctx.lead_context
    if lead is None or len(g.tokens) != 1 or g.kinds[0] != "Surn" and g.kinds[0] != "Unknown":
        return None
    person = lead.registry.lookup(g)
    return person if person is not None and len(person.tokens) >= 2 else None


def _oblique_form(ctx: Context, g: Group) -> bool:
    """"Мнение Пушкова подтвердил Хант": the group ends in another form of the surname of a person whose gender
    the article makes sure ("Алексей Пушков"): a genitive or other oblique case, not a subject; not "Ходорковского
    называют «…»" either."""
    person = ctx.registry.lookup(g)
    if person is None or not (len(person.genders) == 1 or person.surname_sure):
        return False
    names = person.name().lower().replace("ё", "е").split()
    last = g.tokens[-1].lower().replace("ё", "е")
    if len(g.tokens) == 1 and len(names) > 1 and last == names[0]:  # "Василий сказал:": his first name (not one in a title «…, Марина»)
        para = ctx.text.rfind("\n", 0, g.start) + 1
        return _inside_marks(ctx.text, para, g.start)
    return last != names[-1]


def _other_first_name(g: Group, name: str, feminine: bool | None) -> bool:
    """"Менеджер Хьюстон Патриша Хьюстон заявила": the group names a first name and surname, and the person the
    registry matched by the surname has another first name: a namesake, not that person."""
    if len(g.tokens) != 2 or g.kinds[:2] != ("Name", "Surn") or len(name.split()) < 2:
        return False
    own = normalize_tokens(g.tokens, feminine)[0].replace("ё", "е").split()
    other = name.replace("ё", "е").split()  # "Петр Порошенко" is "Пётр Порошенко", no namesake
    return own[-1] == other[-1] and own[0] != other[0]


@lru_cache(maxsize=100_000)
def _is_org_word(w: str) -> bool:
    low = w.lower()
    if low in marks.ORG_SPEAKERS or low in marks.MEDIA:
        return low in marks.ORG_SPEAKERS
    if len(w) >= 2 and w.isupper() and w.isalpha() and not w.isascii():
        return True
    if w[:1].isupper():
        lem = lemma(low)
        return lem in marks.ORG_SPEAKERS or any("Orgn" in p.tag.grammemes for p in parses(low)[:2])
    return False


def org_speaker(text: str, a: int, b: int) -> str | None:
    """An organisation speaking in text[a:b] ("МИД России", "в прокуратуре Ульяновской области"), nominative."""
    ms = list(WORDS_RE.finditer(text, a, b))
    ws = [m.group() for m in ms]
    for i, w in enumerate(ws):
        low = w.lower()
        if i and ws[i - 1].lower() in _SKIP_MEDIA:
            continue
        if _is_org_word(w):
            phrase = marks.ORG_PHRASES.get(lemma(low))
            if phrase is not None:
                if i + 1 < len(ws) and ws[i + 1].lower().startswith(phrase[0]):
                    return phrase[1]
                continue  # "Белый" without "дом" is no organisation
            head = w if w.isupper() or not w.isalpha() else lemma(low).capitalize()
            return " ".join([head, *_tail(ws[i + 1:i + 4])])
        if w[:1].islower() and lemma(low) in marks.ORG_NOUNS:
            tail = _tail(ws[i + 1:i + 5])
            if tail:
                return " ".join([lemma(low).capitalize(), *tail])
    for quoted in re.finditer(r"«([А-ЯЁA-Z][^«»]{1,40})»", text[a:b]):
        before = [w.lower().replace("ё", "е") for w in WORDS_RE.findall(text[a:a + quoted.start()])][-3:]
        if _outlet_writes(before):
            return quoted.group(1)  # "— пишет газета «Труд»": the outlet named speaks
        if any(w in _RELAY_WORDS for w in before):
            continue  # "приводит слова агента «Чемпионат»": the medium relays, it does not speak
        if _UTTERANCE_END.search(quoted.group(1)):
            continue  # "призывает: «Верьте!»", "на вопрос «Откуда вы?»": words said, not a name
        if _told_name(quoted.group(1), before[-1:]):
            continue  # "В Дептрансе «Медузе» пояснили": the outlet told, not who speaks
        if _in_quoted_list(text, a + quoted.start(), a + quoted.end()):
            continue  # "на вопросы («…», «Важнейшие качества мужчины», «…»)": listed phrases; several bodies at once
        if _named_in_genitive_of(quoted.group(1), before[-1:]):
            continue  # "заявили о противостоянии боевикам «Исламского государства»": whose fighters, not who speaks
        return _quoted_org_name(quoted.group(1).split())
    latin = re.search(r"\b[A-Z][A-Za-z0-9&.]+(?:['’][a-z]+)?(?: [A-Z0-9][A-Za-z0-9&.]*){0,3}", text[a:b])
    if latin and latin.group().lower() not in marks.MEDIA:
        prev = WORDS_RE.findall(text[a:a + latin.start()])
        if not prev or prev[-1].lower() not in _SKIP_MEDIA:
            return _off_platform(latin.group().rstrip("."))  # "сообщает NEWSru.com." ends the sentence, not the name
    if latin and _outlet_speaks(text, a, b, latin):
        return latin.group().rstrip(".")
    return None


_OUTLET_SUBJECT_NOUNS = frozenset("телеканал канал агентство газета издание журнал портал".split())


def _outlet_speaks(text: str, a: int, b: int, latin: re.Match) -> bool:
    """"— пишет Bloomberg.", "— отмечает телеканал CNN.", "— сообщило Reuters.": a Latin outlet name ends the clause
    text[a:b] as the subject of its verb (present tense, neuter past, or after "телеканал"), not the outlet told ("—
    сообщил CNN." may be "he told CNN"; "— заявил Bloomberg директор …"; "RT" is the article's own outlet)."""
    name = latin.group().rstrip(".")
    if name.lower() in _NOT_SPEAKING_OUTLETS or WORDS_RE.search(text, a + latin.start() + len(name), b) is not None:
        return False
    prev = WORDS_RE.findall(text, a, a + latin.start())[-1:]
    if not prev or not prev[0].islower():
        return False
    ps = parses(prev[0])[:1]
    tag = ps[0].tag if ps else None
    if lemma(prev[0]) in _OUTLET_SUBJECT_NOUNS:
        return tag is not None and tag.case == "nomn"  # not "в интервью газете La Stampa"
    return tag is not None and tag.POS == "VERB" and speech_verb(prev[0])[0] and (
        tag.tense == "pres" and tag.number == "sing" and tag.person == "3per" or tag.tense == "past" and tag.gender == "neut")


_NOT_SPEAKING_OUTLETS = frozenset("rt ria".split())


_LOCATIVE_PREPOSITIONS = frozenset("в во на".split())


_QUOTED_BEFORE = re.compile(r"»[ \u00a0]*(?:,|и)[ \u00a0]*\Z")


def _in_quoted_list(text: str, start: int, end: int) -> bool:
    """The quotation text[start:end] (marks included) is one of a list of them ("«…», «…» и «…»"): listed phrases
    or several bodies at once, no one speaker."""
    return _QUOTED_BEFORE.search(text, max(0, start - 4), start) is not None or list_follows(text, end)


def _named_in_genitive_of(name: str, before: list[str]) -> bool:
    """A quoted name read as a genitive (not a nominative or locative), right after a noun for people that is no
    spokesman or source ("боевикам «Исламского государства»", "поклонники «Халла»"; not "в пресс-службе «Нафтогаза»",
    "в заявлении «Барселоны»"): it tells whose people they are, not who speaks."""
    first = name.split()[0].lower()
    if not before or not first.isalpha():
        return False
    ps = parses(first)[:3]
    prev = parses(before[0])[:1]
    return bool(ps) and ps[0].tag.case == "gent" and not any(p.tag.case in ("nomn", "loct") for p in ps) and bool(prev) and prev[0].tag.POS == "NOUN" and prev[0].tag.animacy == "anim" \
        and lemma(before[0]) not in _NOT_PERSON_HEADS \
        and not is_role_word(before[0])


def _told_name(name: str, before: list[str]) -> bool:
    """A one-word quoted name in the dative, not after "в"/"на" («Медузе», «Интерфаксу»): the outlet the words were
    told to."""
    if " " in name or not name.isalpha() or before and before[0] in _LOCATIVE_PREPOSITIONS:
        return False
    ps = parses(name.lower())[:1]
    return bool(ps) and ps[0].tag.case == "datv"


def _off_platform(name: str) -> str:
    """"Twitter Anjanette Rodgers" -> "Anjanette Rodgers": the account holder speaks, not the platform."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in marks.NOT_OUTLETS else name


_UTTERANCE_END = re.compile(r"[?!…]\s*$|[.?!][ \u00a0]+[А-ЯЁ]")  # a quoted question, cry or sentences: no name
_RELAY_WORDS = frozenset("цитирует цитируют приводит приводят слова передает передают пишет".split())
_RELAYING_ONLY = frozenset("цитирует цитируют приводит приводят слова передает передают".split())


def _outlet_writes(before: list[str]) -> bool:
    """The words before a quoted name end with an outlet noun in the nominative after a verb that is not one of
    relaying ("— пишет газета «Труд»", ", уточняет газета «Труд», …"; not "— цитирует газета «Труд» …")."""
    if len(before) < 2 or lemma(before[-1]) not in marks.OUTLET_NOUNS or before[-2] in _RELAYING_ONLY:
        return False
    return any(p.tag.case == "nomn" for p in parses(before[-1])[:2]) and speech_verb(before[-2])[0]


def _quoted_org_name(inner: list[str]) -> str:
    """«Ближневосточного квартета» -> "Ближневосточный квартет"; «Газпрома» -> "Газпром"."""
    first = inner[0]
    if not first.isalpha() or first.isupper():
        return " ".join(inner)
    if len(inner) == 2 and inner[1].isalpha() and not inner[1].isupper():
        p0, p1 = parses(first.lower())[:1], parses(inner[1].lower())[:1]
        if p0 and p1 and p0[0].tag.POS == "ADJF" and p1[0].tag.POS == "NOUN":
            noun = p1[0].inflect({"nomn", "sing"})
            adj = p0[0].inflect({"nomn", "sing", p1[0].tag.gender}) if p1[0].tag.gender else None
            if noun is not None and adj is not None:
                return f"{adj.word.capitalize()} {noun.word}"
    return " ".join([lemma(first).capitalize(), *inner[1:]])


def _tail(ws: list[str]) -> list[str]:
    """Genitive words that complete an organisation's name: "Украины", "Ульяновской области", "ДНР"."""
    out: list[str] = []
    for w in ws:
        if w.lower() in marks.SPEECH_VERBS or w.lower() in _SKIP_BEFORE or w.lower() in marks.MEDIA \
                or lemma(w.lower()) in marks.MEDIA:  # "в пресс-службе Дептранса «Медузе» сообщили"
            break
        if w[:1].isupper() or (out and out[-1][:1].isupper() and w.lower() in ("области", "края", "республики", "района", "федерации")):
            out.append(w)
            continue
        break
    return out


_QUOTING_VERBS = frozenset("цитирует цитируют процитировал процитировала приводит приводят привел привела".split())
_SKIP_MEDIA = frozenset("интервью изданию агентству телеканалу газете журналу радиостанции порталу сайту каналу эфире эфир беседе".split())


_LATTER = {"последний": False, "последнего": False, "последняя": True, "последней": True}


def _pronoun_person(ctx: Context, lows: list[str], quote_start: int) -> tuple[bool, tuple[str | None, str | None]]:
    if lows and lows[-1] in _LATTER:  # "По словам последнего, «…»": the person named last
        person = ctx.registry.before(quote_start, _LATTER[lows[-1]])
        return True, (person.name(), person.role) if person is not None else (None, None)
    that_one = _that_one(lows)
    if that_one:  # "спросил Гляделкина …, тот ответил: «…»": the one named last, not the subject before
        person = ctx.registry.before(quote_start, False)
        return True, (person.name(False), person.role) if person is not None else (None, None)
    if "они" in lows and any(_plural(w) for w in lows):  # "«…», — добавили они." after "В пресс-службе МВД сообщили"
        body = documents.continuing_body(ctx, quote_start)
        if body is not None:
            return True, (body, None)
    for i, w in enumerate(lows):
        owned = w in ("его", "её", "ее") and _speech_noun_next(lows, i + 1)
        possessive = owned or w in ("его", "её", "ее") and i > 0 and lows[i - 1].replace("ё", "е") in _QUOTING_VERBS
        if (w in ("он", "она") or possessive) \
                and (i == 0 or owned or lows[i - 1] not in ("с", "со", "у", "к", "о", "на", "в")):  # "в её посте"
            who = ctx.refer(quote_start, marks.PRONOUNS[w])
            if _unnamed_subject_before(ctx, quote_start, who[1]) or _body_subject_before(ctx, quote_start):
                return True, (None, None)
            return True, who
    return False, (None, None)


def _speech_noun_next(lows: list[str], i: int) -> bool:
    """A speech noun at lows[i], or after one adjective there ("его последними словами были:")."""
    if i < len(lows) and lows[i] in marks.SPEECH_NOUNS:
        return True
    return i + 1 < len(lows) and lows[i + 1] in marks.SPEECH_NOUNS \
        and any(p.tag.POS == "ADJF" for p in parses(lows[i])[:1])


def _that_one(lows: list[str]) -> bool:
    """"тот" is the subject of the clause's speech verb, right before or after it ("тот ответил", "— ответил тот"),
    or ends the words before the verb ("…, тот" of "…, тот ответил:")."""
    if lows and lows[-1] == "тот" and (len(lows) == 1 or lows[-2] not in marks.PREPOSITIONS):
        return True
    for i, w in enumerate(lows):
        if w == "тот" and (i + 1 < len(lows) and speech_verb(lows[i + 1])[0]
                           or i > 0 and speech_verb(lows[i - 1])[0] and i + 1 == len(lows)):
            return True
    return False


_MAX_SUBJECT_MODIFIERS = 3


_PLACE_OR_BODY = frozenset({"Geox", "Orgn", "Abbr"})


def _place_or_body(word: str) -> bool:
    """One of the word's three best readings is a place, an organisation or an abbreviation: no newcomer's name."""
    return any(not _PLACE_OR_BODY.isdisjoint(p.tag.grammemes) for p in parses(word.lower())[:3])


def _animate_noun(word: str) -> bool:
    """The word reads first as a dictionary noun for a person, not a name ("подполковник", "Москвичка"; not
    "Рами")."""
    ps = parses(word.lower())[:1]
    return bool(ps) and ps[0].tag.POS == "NOUN" and ps[0].is_known and "anim" in ps[0].tag.grammemes \
        and "Name" not in ps[0].tag.grammemes


def _noun_like(word: str) -> bool:
    """The word reads first as a noun, or morphology does not know it ("Рами"; not "Вчера", "Однако")."""
    ps = parses(word.lower())[:1]
    return not ps or ps[0].tag.POS == "NOUN" or not ps[0].is_known


def _past_verb_feminine(text: str, a: int, b: int) -> bool | None:
    """Whether the first past-tense verb in text[a:b] is a woman's ("пригласила") or a man's ("пригласил"); None
    when there is none."""
    for m in WORDS_RE.finditer(text, a, b):
        tag = next(iter(parses(m.group().lower())[:1]), None)
        if tag is not None and tag.tag.POS == "VERB" and "past" in tag.tag.grammemes:
            return "femn" in tag.tag.grammemes if {"femn", "masc"} & tag.tag.grammemes else None
    return None


def _unnamed_subject_before(ctx: Context, pos: int, role: str | None) -> bool:
    """"Модный блогер … открывает … ресторан. В интервью … он заявил": the sentence before the pronoun's opens with
    a role noun naming nobody (no name in it), which the person the pronoun would fall back on does not hold."""
    text = ctx.text
    a = sentence_start(text, 0, min(pos + 1, len(text)))
    mark = _OPENING_MARK.search(text, a)
    mark = mark.start() if mark else -1
    if a < 2 or mark < 0 or _groups(ctx, a, mark) or not _PRONOUN_ANY.search(text, a, mark):  # pronoun, then quote
        return False
    pa = sentence_start(text, 0, _rstrip(text, 0, a) - 1)
    ws = words(text[pa:a])
    lead = 0
    while lead < len(ws) - 1 and _time_adverb(ws[lead]):  # "Накануне представитель Общества Красного Креста …"
        lead += 1
    ws = ws[lead:lead + _MAX_SUBJECT_MODIFIERS + 1]
    head = next((i for i, w in enumerate(ws) if is_role_word(w)), None)
    if head is None or any(not parses(w.lower()) or parses(w.lower())[0].tag.POS != "ADJF" for w in ws[:head]) \
            or not _nominative_singular(ws[head]) or _groups(ctx, pa, a) or "«" in text[pa:a]:
        return False
    held = ctx.refer(pa, role_word=ws[head].lower(), strict=True)[0]
    if held is not None and _gender_fits(ctx, held, _past_verb_feminine(text, pa, a)):
        return False  # "Политик отметил …": a role someone named earlier holds
    return lemma(ws[head]) not in (role_lemmas(role) if role else frozenset())


def _body_subject_before(ctx: Context, pos: int) -> bool:
    """"СБУ задержала … . Он заявил, что «…»": the sentence before the pronoun's opens (maybe after an adverb) with an
    organisation followed by its verb and names no person: the pronoun does not reach back past it to someone named
    earlier."""
    text = ctx.text
    a = sentence_start(text, 0, min(pos + 1, len(text)))
    mark = _OPENING_MARK.search(text, a)
    if a < 2 or mark is None or _groups(ctx, a, mark.start()) \
            or not _PRONOUN_ANY.match(text, a):  # the pronoun opens its sentence
        return False
    pa = sentence_start(text, 0, _rstrip(text, 0, a) - 1)
    if _groups(ctx, pa, a) or any(c in text[pa:a] for c in "«»"):
        return False
    org = next((m for m in ctx.orgs.mentions if pa <= m.start < a), None)
    if org is None or not all(_time_adverb(w) for w in words(text[pa:org.start])):
        return False
    after = WORDS_RE.search(text, org.end, a)
    return after is not None and text[org.end:after.start()].strip() == "" and is_verb(after.group().lower())


def _gender_fits(ctx: Context, name: str, feminine: bool | None) -> bool:
    """The person of that name may be of the gender a verb shows ("представитель … потребовал": not Мария Захарова,
    "официальный представитель МИД")."""
    person = ctx.people_by_name().get(name)
    return feminine is None or person is None or person.feminine in (None, feminine)


_OPENING_MARK = re.compile("[«\"„“]")


def _time_adverb(word: str) -> bool:
    """A capitalised adverb that may open a sentence before its subject ("Накануне", "Вчера", "Позднее")."""
    ps = parses(word.lower())[:1]
    return bool(ps) and ps[0].tag.POS == "ADVB"


@lru_cache(maxsize=100_000)
def _person_noun(w: str, case: str = "nomn") -> bool | None:
    """For a lowercase singular animate noun in the case ("британка", "правовед"): is it feminine? Else None."""
    if not w[:1].islower() or w in marks.PRONOUNS:
        return None
    ps = parses(w)
    if not ps:
        return None
    if case != "nomn":  # "слова политика": the genitive of "политик", not the nominative "политика"
        ps = tuple(p for p in ps if p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and p.tag.case == case)
        if not ps:
            return None
    tag = ps[0].tag
    if tag.POS != "NOUN" or "anim" not in tag.grammemes or tag.case != case or tag.number != "sing":
        return None
    return "femn" in tag.grammemes


_RELAYING = _QUOTING_VERBS | {"слова", "слов"}


_RELAY_MODIFIERS = frozenset("ADJF PRTF NUMR".split())  # "британского премьера", "двукратную чемпионку"
_RELAY_LOOKAHEAD = 5


@lru_cache(maxsize=50_000)
def _oblique_person_noun(w: str) -> tuple[str, bool] | None:
    """A lowercase singular animate noun in the genitive or accusative ("премьера", "чемпионку"): its lemma and
    whether it is feminine; None for anything else."""
    if not w[:1].islower() or w in marks.PRONOUNS or w in _RELAYING:
        return None
    for p in parses(w):
        tag = p.tag
        if tag.POS == "NOUN" and "anim" in tag.grammemes and tag.number == "sing" and tag.case in ("gent", "accs"):
            return p.normal_form, "femn" in tag.grammemes
    return None


def _relayed_person(ws: list[str]) -> tuple[int, str, bool] | None:
    """"— цитирует ТАСС британского премьера", "— цитирует чемпионку мира «Р-Спорт»", "— приводит AFP слова
    политика": the person whose words are relayed, named by an animate noun in the genitive or accusative after
    the relaying word (past the outlet's name and adjectives); (index, lemma, feminine?) or None."""
    lows = [w.lower().replace("ё", "е") for w in ws]
    for i, w in enumerate(lows):
        if w not in _RELAYING:
            continue
        for j in range(i + 1, min(len(ws), i + 1 + _RELAY_LOOKAHEAD)):
            if ws[j][:1].isupper() or lows[j] in _RELAYING:
                continue  # the outlet ("ТАСС", "Р-Спорт") or "слова"
            noun = _oblique_person_noun(lows[j])
            if noun is not None:
                return j, noun[0], noun[1]
            if not any(p.tag.POS in _RELAY_MODIFIERS for p in parses(lows[j])[:1]):
                break
    return None


def _relayed_speaker(ctx: Context, ws: list[str], ref: int, feminine: bool | None) -> tuple[str | None, str | None] | None:
    """Who the relayed person is: the holder of that role in the article when the noun is a role ("премьера" →
    the prime minister named before), else the person the text points back to."""
    found = _relayed_person(ws)
    if found is None:
        return None
    j, lem, fem = found
    fem = fem if feminine is None else feminine
    for role in (lem, marks.ROLE_ALIASES.get(lem)):
        if role and ctx.registry.by_role(role, ref) is not None:
            return ctx.refer(ref, fem, role_word=role, land=_role_land(ws, j))
    return ctx.refer(ref, fem)


def _groups(ctx: Context, s: int, e: int) -> list[Group]:
    """Name groups that can be a speaker: not after a preposition, not a quoted name («Алор Брокер»)."""
    return [g for g in ctx.registry.groups(ctx.text, s, e) if (_prev_word(ctx.text, g.start, s) not in _SKIP_BEFORE
                                                                or _interview_subject(ctx.text, g, s)
                                                                or _subject_after_audience(ctx.text, g, s)
                                                                or _subject_after_outlet(ctx, g, s, e))
            and ctx.text[g.start - 1:g.start] not in marks.ALL_MARKS
            and not _inside_quoted_name(ctx.text, s, g.start)
            and not _NAMED_AFTER.search(ctx.text, max(0, g.start - 16), g.start)
            and not _adjective_phrase(ctx, g)]


def _inside_quoted_name(text: str, s: int, pos: int) -> bool:
    """pos lies inside a quoted name the clause from s opens ("— подчеркнули в «Лаборатории Касперского»"): the name
    is a body's (a company, a theatre), not a person who speaks."""
    return text.rfind("«", s, pos) > text.rfind("»", s, pos)


def _adjective_phrase(ctx: Context, g: Group) -> bool:
    """"— заявил президент Боливарианской республики": a lone capitalised word the registry does not know, an
    adjective agreeing with the lowercase noun after it, opens a name of a land or body, not a person's."""
    return len(g.tokens) == 1 and adjective_of_next(ctx.text, g.end, g.tokens[0]) and ctx.registry.lookup(g) is None


def _subject_after_audience(text: str, g: Group, s: int) -> bool:
    """"— сообщил журналистам Трамп": after the audience in the plural dative a name in the nominative is the one
    who spoke (not the journalists, whom no name follows)."""
    return _prev_word(text, g.start, s) == "журналистам" and can_be_nominative(g.tokens)


_OUTLET_DATIVES = frozenset("""
изданию агентству телеканалу газете журналу радиостанции порталу сайту каналу журналисту корреспонденту интервью эфире
""".split())


def _subject_after_outlet(ctx: Context, g: Group, s: int, e: int) -> bool:
    """"— заявил в интервью Трамп.", "— рассказал агентству Басилашвили.": a name the article knows as a person,
    in the nominative, closing the clause right after the outlet or audience word is who spoke (not the outlet)."""
    if _prev_word(ctx.text, g.start, s) not in _OUTLET_DATIVES or WORDS_RE.search(ctx.text, g.end, e) is not None:
        return False
    return can_be_nominative(g.tokens) and (g.full or ctx.registry.lookup(g) is not None)


def _interview_subject(text: str, g: Group, s: int) -> bool:
    """"В одном из интервью Дутерте так прокомментировал": a name after "интервью" that a finite verb in the singular
    follows is the subject (not the outlet the interview was given to)."""
    if _prev_word(text, g.start, s) != "интервью":
        return False
    verb = _verb_after(text, g.end)
    return verb is not None and verb.tag.number == "sing"


def _other_speaker(ctx: Context, s: int, e: int, ref: int, feminine: bool | None,
                   before: bool = False) -> tuple[bool, tuple[str | None, str | None]]:
    """Pronoun, unnamed source, role or organisation in text[s:e]; (found?, (speaker, role))."""
    ws = words(ctx.text[s:e])
    lows = [w.lower() for w in ws]
    found, who = _pronoun_person(ctx, lows, ref)
    if found:
        return True, who
    unnamed = next((i for i, w in enumerate(lows) if w in marks.UNNAMED), None)
    if unnamed is not None and lows[unnamed] in marks.INTERLOCUTOR_FORMS and not _placed(lows[unnamed + 1:unnamed + 4]) \
            and not _body_source(ws[unnamed + 1:unnamed + 2]):
        return True, _interlocutor(ctx, ref, marks.INTERLOCUTOR_FORMS[lows[unnamed]] if feminine is None else feminine)
    if unnamed is not None and _placed(lows[unnamed + 1:unnamed + 4]):
        return True, (None, None)  # "высокопоставленный чиновник в администрации США": a source, not an office holder
    if unnamed is not None:
        holder = _holder_quoted_before(ctx, lows[unnamed], ref, feminine) or _body_member_before(
            ctx, lows[unnamed], ws[unnamed + 1:unnamed + 1 + _COMPLEMENT_WORDS], ref, feminine)
        if holder is not None and _told_outlet(ws[:unnamed]) and not _same_complement(ws[unnamed + 1:], holder[1]):
            holder = None  # "— сообщил РИА Новости представитель внешнеполитического ведомства": not "… Госдепартамента"
        if holder is None and is_role_word(lows[unnamed]) and not _told_outlet(ws[:unnamed]):
            told = ctx._speaker_told_before(ref)
            if told is None and _body_by_noun(ws[unnamed + 1:unnamed + 2]):
                told = _spoke_in_sentence_before(ctx, ref, feminine)
            holder = (told.name(feminine), told.role) if told is not None else None
        return True, holder or (None, None)
    opens_sentence = not ctx.text[sentence_start(ctx.text, max(0, s - 200), s):s].strip()
    opens_here = not opens_sentence and _OPENS_AT.search(ctx.text[max(0, s - 8):s]) is not None  # "Создатель … утверждает"
    for i, w in enumerate(ws):
        if (w[:1].islower() or i == 0 and (opens_sentence or opens_here)) and is_role_word(w) and not _object_form(w) \
                and not _object_before_subject(ws, i):
            initialled = None if _can_be_nominative(w) else _initialled_person(ctx, s, e)
            if initialled is not None:  # "— пообещал … главе московского правительства В.Путин": the addressee's role
                return True, (initialled.name(feminine), initialled.role)
            if _plural_only(w) and (i == 0 or lows[i - 1] not in marks.PREPOSITIONS and _can_be_nominative(w)):
                return True, (None, None)  # "по словам прокуроров", "— уверены эксперты" (not "отдыха сотрудников")
            if _plural_only(w) and i > 0 and ws[i - 1][:1].isupper():
                continue  # "— говорится на сайте Совета министров ДНР": a body's name, no one person's office
            phrase = f"{lemma(w)} {lemma(ws[i + 1]) if i + 1 < len(ws) else ''}".strip()
            land = _role_land(ws, i)
            if phrase not in marks.ROLE_SYNONYMS and i + 2 < len(ws) and country(ws[i + 1]) is not None:
                phrase = f"{lemma(w)} {lemma(ws[i + 2])}"  # "глава украинского кабмина": the land, then the body
                land = land or country(ws[i + 1])
            if phrase in marks.ROLE_SYNONYMS and land is None:  # "глава внешнеполитического ведомства Германии"
                land = next((c for c in map(_country_after, ws[i + 2:i + 4]) if c is not None), None)
            relayed_source = _relayed_source(lows, i)
            strict = _told_outlet(ws[:i]) and _qualified(ws[i + 1:i + 2]) or relayed_source
            who = ctx.refer(ref, feminine, role_word=marks.ROLE_SYNONYMS.get(phrase, w), land=land, strict=strict)
            if relayed_source and who[0] is None:
                who = _source_introduced(ctx, ws[i + 1:i + 4], ref, feminine)
            if phrase not in marks.ROLE_SYNONYMS:
                who = _complement_holder(ctx, w, ws[i + 1:i + 1 + _COMPLEMENT_WORDS], ref, feminine, who)
            if not before:
                who = _subject_named_right_before(ctx, ref, feminine, who) or who
            return True, (None, None) if _other_gender_than(ctx, who[0], feminine) else who
    for w in ws[:3] + _noun_after_modifiers(ws):
        person_noun = _person_noun(w)
        if person_noun is not None:
            return True, ctx.refer(ref, person_noun if feminine is None else feminine)
    relayed = _relayed_speaker(ctx, ws, ref, feminine)
    if relayed is not None:
        return True, relayed
    outlet = _bare_outlet(ws)
    if outlet is not None:
        named = _body_nearer_than_outlet(ctx, ref, lemma(lows[outlet])) \
            or _outlet_named_before(ctx, ref, lemma(lows[outlet]))
        if named is not None:
            return True, (named, None)
    ministry = _foreign_ministry(ctx, ws, ref)
    if ministry is not None:
        return True, (ministry or None, None)
    org = ctx.orgs.at(s, e, last=before)
    if org is not None and not _owns_object_document(ctx, s, e, org):
        return True, (org.name(), None)
    generic = next((i for i, w in enumerate(lows) if lemma(w) in marks.GENERIC_ORG_WORDS), None)
    if generic is not None:
        qualifier = ws[generic + 1] if generic + 1 < len(ws) and ws[generic + 1][:1].isupper() else None
        owned = generic > 0 and lemma(lows[generic - 1]) in marks.DOCUMENT_NOUNS  # "в сообщении ведомства"
        org = documents.issuing_body(ctx, ref, lows[generic], qualifier) if owned and qualifier is None \
            else ctx.orgs.refer(ref, lows[generic], qualifier)
        org = documents.reference_holds(ctx, org, lows[generic], ref)
        if org is None and documents.document_match(ctx.text, s, e) is not None:  # "— говорится в заявлении
            return True, (documents.acting_body(ctx, s, e, ref), None)  # комиссии" after "комиссия заключила"
        return True, (org.name() if org else None, None)
    capital = _capital_speaks(ctx, s, e)
    if capital is not None:
        return True, (capital, None)
    org = org_speaker(ctx.text, s, e)
    if org:
        return True, (org, None)
    return False, (None, None)


_SUBJECT_AFTER_OBJECT = 3  # words after a role noun in an oblique case where the subject's role noun may stand


def _object_before_subject(ws: list[str], i: int) -> bool:
    """"— поучал президента патриарх": the role noun ws[i] has no nominative reading and a lowercase role noun that
    can be nominative singular follows within a few words: the first is whom the act was aimed at, the second speaks."""
    if _can_be_nominative(ws[i]):
        return False
    return any(w[:1].islower() and is_role_word(w) and _nominative_singular(w)
               for w in ws[i + 1:i + 1 + _SUBJECT_AFTER_OBJECT])


def _body_by_noun(nxt: list[str]) -> bool:
    """"представитель министерства", "представитель ведомства": the body is referred to by a common noun in the
    genitive singular (one named before), not by its name ("представитель Минобороны") nor left out."""
    if not nxt or not nxt[0][:1].islower():
        return False
    ps = parses(nxt[0].lower())[:1]
    return bool(ps) and ps[0].tag.POS == "NOUN" and ps[0].tag.case == "gent" and ps[0].tag.number == "sing" \
        and "inan" in ps[0].tag.grammemes


def _subject_named_right_before(ctx: Context, ref: int, feminine: bool | None,
                                who: tuple[str | None, str | None]) -> tuple[str | None, str | None] | None:
    """"Путин подчеркнул, что … \n«…», — добавил президент"; "Госсекретарь США Рекс Тиллерсон согласился … «…», —
    сказал глава Госдепа": the sentence right before the quote (its paragraph's, or the paragraph before's last when
    the quote opens its own) has one person named in it, as the subject of a speech verb, and the role found names
    someone else who is not named there: the role goes on with that subject, not with a holder named further back."""
    text = ctx.text
    bounds = ctx._sentence_right_before(ref)
    if bounds is None:
        para = ctx._paragraph_before(ref)
        if para is None:
            return None
        bounds = (sentence_start(text, para[0], para[1] - 1), para[1])
    a, b = bounds
    if any(c in text[a:b] for c in "«»\"„“©") or text[a:b].rstrip().endswith(("...", "…")):
        return None  # (a teaser of another article ends in an ellipsis)
    inside = [m for m in ctx.registry.mentions if a <= m.pos < b and not m.quoted]
    if len({m.key for m in inside}) != 1 or not inside[0].nominative or off_narrative(text, inside[0].pos) \
            or not ctx._subject_at(inside[0].pos, a, b) or not _opens_as_subject(text, a, inside[0].pos) \
            or not speech_verb(text[inside[0].pos:b])[0]:  # (not "Михаил Саакашвили представил свой план")
        return None
    person = ctx.registry.people.get(inside[0].key)
    if person is None or feminine is not None and person.feminine not in (None, feminine):
        return None
    name = person.name(feminine)
    return (name, person.role) if who[0] is not None and who[0] != name else None


def _opens_as_subject(text: str, a: int, pos: int) -> bool:
    """The name at pos is the main clause's subject of the sentence from a: no verb, conjunction, pronoun or "по
    мнению/словам" before it ("Асмолов допускает …", "При этом Путин подчеркнул …"; not "Политолог заключает, что …
    Порошенко идёт", "По его мнению, Бэйли …", "С ним не согласен политик Джон Смит"; nor "Позже выступил Дмитрий Песков", where a role's holder named
    before may still speak)."""
    ws = [w.lower() for w in words(text[a:pos])]
    return not any(w in marks.SUBJECT_BLOCKERS or is_verb(w) for w in ws)


def _spoke_in_sentence_before(ctx: Context, ref: int, feminine: bool | None) -> Person | None:
    """"Россия выполнила свои обязательства, подчеркнул Рудской, … В свою очередь, «…», добавил представитель
    министерства": the person who spoke in the sentence right before the quote's, in the same paragraph (a speech
    verb's subject or "по словам" holder, named in full somewhere): the role reference goes on with them."""
    text = ctx.text
    a = sentence_start(text, 0, min(ref + 1, len(text)))
    para = text.rfind("\n", 0, ref) + 1
    prev = _previous_sentence(ctx, a, (para, a)) if a > para else None
    if prev is None or prev[0] < para:
        return None
    pa = prev[0]
    last = ctx._last_to_speak(ref, feminine, window=ref - pa)
    if last is None or not pa <= last[1] < a or len(last[0].tokens) < 2:
        return None
    return last[0]


def _owns_object_document(ctx: Context, s: int, e: int, org) -> bool:
    """"— так прокомментировал доклад Всемирного банка …": the body is named in the genitive after a document noun
    that is the object of a personal speech verb (no "в" before it, unlike "— сообщили в пресс-релизе компании"):
    it owns what is commented on, it does not speak."""
    text = ctx.text
    start = _org_start(ctx, org, s)
    ws = words(text[s:start])
    verb = next((w for w in ws if speech_verb(w)[0]), None)
    return len(ws) >= 2 and verb is not None and not _impersonal(verb) and lemma(verb.lower()) not in _QUOTING_LEMMAS \
        and lemma(ws[-1].lower()) in marks.DOCUMENT_NOUNS and ws[-2].lower() not in ("в", "во", "на")


_QUOTING_LEMMAS = frozenset("цитировать процитировать приводить привести передавать передать".split())  # "—
# цитирует агентство заявление МИДа": the statement quoted is the body's


def _verb_at(text: str, s: int, e: int) -> str | None:
    """The speech verb of the clause text[s:e], or the one right after it (speaker_before passes the text up to its
    verb)."""
    verb = next((m.group() for m in WORDS_RE.finditer(text, s, e) if speech_verb(m.group())[0]), None)
    if verb is None:
        nxt = WORDS_RE.match(text, e + len(text[e:e + 3]) - len(text[e:e + 3].lstrip()))
        verb = nxt.group() if nxt is not None and speech_verb(nxt.group())[0] else None
    return verb


def _capital_name(word: str, located: bool) -> str | None:
    """"Пекине" (after "в") or "Пекин" (as subject) -> "Пекин": a capital standing for its government."""
    low = word.lower().replace("ё", "е")
    if not word[:1].isupper():
        return None
    if located:
        low = low if low in marks.CAPITALS else lemma(low).replace("ё", "е")
    if low not in marks.CAPITALS:
        return None
    return word if not located or low == word.lower() else "-".join(p.capitalize() for p in low.split("-"))


def _capital_speaks(ctx: Context, s: int, e: int) -> str | None:
    """"В Пхеньяне также подчеркнули, что …", "— предупредили в Москве.", "Так, Киев настаивает на том, что …": a
    capital stands for its government when it is the clause's only actor: in the locative with an indefinite plural
    speech verb, or as the subject of a singular one, with nothing but conjunctions and adverbs (no person, no other
    place) around it in the clause."""
    text = ctx.text
    verb = _verb_at(text, s, e)
    if verb is None or _impersonal(verb):
        return None
    ms = list(WORDS_RE.finditer(text, s, e))
    lows = [m.group().lower() for m in ms]
    for i, m in enumerate(ms):
        located = i > 0 and lows[i - 1] in ("в", "во")
        name = _capital_name(m.group(), located)
        if name is None or located != (_plural(verb) or _plural_stance(verb)):
            continue
        before = lows[:i - 1] if located else lows[:i]
        after = ms[i + 1:]
        if not all(w in marks.CLAUSE_LEADS or w in marks.OFFICIAL or w == verb.lower() for w in before):
            continue
        if not located and _verb_follows(ms, i) and not _groups(ctx, s, e):
            return name  # "Пекин выразил протест, назвав действия США «…»": the capital is its verb's subject
        if any(w.group()[:1].isupper() or _animate_noun(w.group()) for w in after):
            continue  # "в Киеве чиновники заявили", "заключают в Берлине и Вене"
        if not located and any(w.group().lower() != verb.lower() and not _time_adverb(w.group()) for w in after):
            continue
        return name
    return None


def _verb_follows(ms: list[re.Match], i: int) -> bool:
    """The word after ms[i] is a finite verb in the singular ("Пекин выразил", "Киев настаивает")."""
    if i + 1 >= len(ms) or ms[i + 1].start() - ms[i].end() > 1:
        return False
    ps = parses(ms[i + 1].group().lower())[:1]
    return bool(ps) and ps[0].tag.POS == "VERB" and ps[0].tag.number == "sing"


def _plural_stance(word: str) -> bool:
    """"В Пхеньяне уверены, что …": a stance word that is a plural short form ("уверены", "убеждены") says
    many unnamed hold the view, as a plural speech verb does."""
    return speech_verb(word) == (True, None) and any(
        p.tag.POS in ("ADJS", "PRTS") and p.tag.number == "plur" for p in parses(word.lower())[:1])


def _relayed_source(lows: list[str], i: int) -> bool:
    """The role word at i is an unnamed source's head whose words the clause relays ("— цитирует РИА Новости
    представителя EBU", "— приводит слова представителя оргкомитета ТАСС"): only someone the article names so is
    meant, not whoever spoke last."""
    return lemma(lows[i]) in marks.RELAYED_SOURCE_HEADS and any(w in _RELAYING for w in lows[:i])


_SUBJECT_TO_VERB = 40  # characters from a subject's name to its speech verb ("Александр Рыбак отметил")
_INTRO_WINDOW = 200  # characters before a person's mention where a relayed source's complement ties it to them


def _source_introduced(ctx: Context, complement: list[str], ref: int, feminine: bool | None) -> tuple[str | None, str | None]:
    """The person last spoken of, when a capitalised word after a relayed source's head ("представителя УВКБ ООН",
    "представителя Кремля") was written right before that person's latest mention ("Пресс-секретарь … (УВКБ ООН)
    Андрей Махечич"); else nobody: an unnamed source."""
    name, role = ctx.refer(ref, feminine)
    if name is None:
        return None, None
    surname = name.split(" ")[-1]
    at = ctx.text.rfind(surname[:max(3, len(surname) - 2)], 0, ref)
    if at < 0:
        return None, None
    window = ctx.text[max(0, at - _INTRO_WINDOW):at].lower()
    stems = [w.lower()[:max(3, min(5, len(w) - 1))] for w in complement if len(w) >= 3 and w[:1].isupper()]
    return (name, role) if any(st in window for st in stems) or _spoke_just_before(ctx.text, at, ref) \
        else (None, None)


def _spoke_just_before(text: str, at: int, ref: int) -> bool:
    """The mention at ``at`` is in the paragraph right before the quote's, with a speech verb after it ("Прокурор
    Александр Рыбак отметил, что …" / «…», — приводит слова представителя надзорного ведомства РИА Новости)."""
    para = text.rfind("\n", 0, ref)
    if para < at or text.rfind("\n", at, para) >= 0:
        return False
    verb = next((m for m in WORDS_RE.finditer(text, at, min(para, at + _SUBJECT_TO_VERB)) if speech_verb(m.group())[0]),
                None)  # the name is the verb's subject: nothing but words between them
    return verb is not None and not re.search(r"[,.;:!?()«»\"]", text[at:verb.start()])


def _other_gender_than(ctx: Context, name: str | None, feminine: bool | None) -> bool:
    """"— сказала сенатор" resolved to Марк Уорнер: the article's person of that canonical name is known to be of
    the other gender than the verb shows (East Asian names, whose gender readings mislead, excepted)."""
    person = ctx.people_by_name().get(name) if name and feminine is not None else None
    return person is not None and person.feminine is not None and person.feminine != feminine \
        and person.tokens[0] not in marks.EAST_ASIAN_SURNAMES


def _can_be_nominative(w: str) -> bool:
    """Some reading of the word is in the nominative (or morphology does not know it)."""
    ps = parses(w.lower())
    return not ps or any(p.tag.case == "nomn" for p in ps)


def _plural_only(w: str) -> bool:
    """Every reading of the word is plural ("прокуроров", "эксперты")."""
    ps = parses(w.lower())
    return bool(ps) and all(p.tag.number == "plur" for p in ps)


def _complement_stems(after: list[str]) -> list[str]:
    """Stems of the words that tell whose a role is, right after the role noun in an attribution: names and words
    in the genitive up to the first preposition ("глава «Олимпстроя»", "глава комиссии ОП", "представитель
    Совфеда"); empty when there are none ("— прокомментировал эксперт ситуацию")."""
    stems = []
    for w in after:
        low = w.lower().replace("ё", "е")
        if low in marks.PREPOSITIONS or len(low) < 2:
            break
        if not w[:1].isupper() and not any(p.tag.case == "gent" for p in parses(low)[:3]):
            break
        if low in marks.GEO_ABBR or country(low) is not None or _place_word(w):
            continue  # "вице-президент Штатов", "глава российского правительства": the land, not the body
        stems.append(low[:max(marks.QUALIFIER_STEM, len(low) - 3)])
    return stems


def _place_word(w: str) -> bool:
    """A capitalised word pymorphy reads as a place name ("России") or "Штатов" (Соединённых Штатов)."""
    return w[:1].isupper() and any("Geox" in p.tag or p.normal_form == "штат" for p in parses(w.lower())[:2])


def _holds_complement(ctx: Context, person: Person, stems: list[str], ref: int) -> bool:
    """The article gave the person a role with one of the complement stems: in the registry's role or in the
    words right before a mention of them ("глава «Олимпстроя» Семен Вайншток")."""
    role = (person.role or "").lower().replace("ё", "е")
    if any(st in role for st in stems):
        return True
    return any(m.key == person.key and not m.quoted and any(st in _role_window(ctx, m.pos) for st in stems)
               for m in ctx.registry.mentions if m.pos < ref)


def _role_window(ctx: Context, pos: int) -> str:
    """The lowercase text before a mention at pos where its role phrase may stand: back QUALIFIER_REACH characters,
    not past the end of a sentence or another person's mention."""
    lo = max(0, pos - marks.QUALIFIER_REACH)
    lo = max([lo] + [m.pos + 1 for m in ctx.registry.mentions if lo <= m.pos < pos - 1])
    lo = max(lo, max(ctx.text.rfind(c, lo, pos) for c in ".!?\n") + 1)
    return ctx.text[lo:pos].lower().replace("ё", "е")


_COMPLEMENT_REACH = 5  # words from the role word to its holder's name ("глава конкурсной комиссии, депутат")


def _complement_named_before(ctx: Context, word: str, stems: list[str], ref: int,
                             feminine: bool | None) -> Person | None:
    """The person last named before ref right after the role word and one of its complement stems ("глава
    конкурсной комиссии, депутат Константин Изместьев" for "— отметил глава комиссии"), else None."""
    heads = _role_heads(word)
    for m in reversed(ctx.registry.mentions):
        if m.pos >= ref or m.quoted:
            continue
        if m.pos < ref - ROLE_INTRO_WINDOW:
            break
        after = words(_role_window(ctx, m.pos))[-_COMPLEMENT_REACH:]
        at = next((i for i in range(len(after) - 1, -1, -1) if lemma(after[i]) in heads), None)
        person = ctx.registry.people.get(m.key)
        if at is None or person is None or len(person.tokens) < 2 \
                or not any(w.startswith(st) for w in after[at + 1:] for st in stems):
            continue
        if feminine is None or person.feminine in (None, feminine):
            return person
    return None


def _complement_holder(ctx: Context, word: str, after: list[str], ref: int, feminine: bool | None,
                       who: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """"— пообещал глава «Олимпстроя»" when the role word alone pointed to another "глава" (of the organising
    committee, "глава оргкомитета Дмитрий Чернышенко"): the one the article named with the role word and its
    complement, when the person found holds that role word without it; ``who`` itself otherwise."""
    stems = _complement_stems(after)
    person = ctx.people_by_name().get(who[0]) if who[0] else None
    if not stems or person is None or not person.role or not _role_heads(word) & role_lemmas(person.role) \
            or _holds_complement(ctx, person, stems, ref):
        return who
    other = _complement_named_before(ctx, word, stems, ref, feminine)
    if other is None:
        other = _body_spokesperson_quoted(ctx, word, after, ref, person)
    return (other.name(feminine), other.role) if other is not None else who


def _body_spokesperson_quoted(ctx: Context, word: str, after: list[str], ref: int, found: Person) -> Person | None:
    """"— рассказал пресс-секретарь Роскомнадзора" when the role word alone pointed to "пресс-секретарь президента
    Дмитрий Песков": the one quoted last (within the interlocutor window) whose role makes them speak for that
    body ("руководитель пресс-службы Роскомнадзора Вадим Ампелонский"), else None."""
    if lemma(word) not in ("пресс-секретарь", "представитель"):
        return None
    body = _body_named(after)
    if not body:
        return None
    by_name = ctx.people_by_name()
    for _, name in sorted(((s, n) for s, n in ctx.spoken if ref - INTERLOCUTOR_WINDOW <= s < ref), reverse=True):
        person = by_name.get(name) if name else None
        if person is None or person.key == found.key:
            continue
        if any(_speaks_for(r, body, marks.SPOKESPERSON_STEMS) for r in _roles_given(ctx, person)):
            return person
    return None


_NOUN_MODIFIERS = frozenset("VERB ADJF PRTF NUMR ADVB".split())
_MODIFIED_NOUN_REACH = 5


def _noun_after_modifiers(ws: list[str]) -> list[str]:
    """"— сказал двукратный олимпийский чемпион": the first lowercase word past the verb and the adjectives before it
    (within five words), as a one-word list; empty when a word of another kind comes first."""
    for w in ws[:_MODIFIED_NOUN_REACH]:
        ps = parses(w.lower())[:1] if w[:1].islower() else ()
        if not ps:
            return []
        if ps[0].tag.POS not in _NOUN_MODIFIERS:
            return [w]
    return []


_OPENS_AT = re.compile(r"(?:^|\n|[.!?…][»\"”)]*)[ \u00a0\t]*$")


def _object_form(w: str) -> bool:
    """A role noun only in the instrumental ("основанная спикером Госдумы …") or the dative plural ("— сказала
    журналистам", "не оставила лидерам … времени"): by whom something was done, or whom it was told to, not who
    speaks. (A dative singular stays a role: "сказал генсеку НАТО" names the addressee's organisation next.)"""
    ps = parses(w.lower())
    return bool(ps) and all(p.tag.case == "ablt" or p.tag.case == "datv" and p.tag.number == "plur" for p in ps)


def _told_outlet(ws: list[str]) -> bool:
    """The words before a role noun name the outlet told ("— сообщил РИА Новости представитель ведомства", "рассказывает
    RT директор компании"): a comment given to that outlet, by whoever held the role, not by the one quoted before;
    not an outlet relaying ("— приводит РИА Новости слова украинского чиновника")."""
    lows = [w.lower().replace("ё", "е") for w in ws]
    if any(w in _RELAYING or w in _RELAY_WORDS for w in lows):
        return False
    return any(w.lower() in marks.MEDIA or w.lower() in _SKIP_MEDIA or lemma(w.lower()) in marks.MEDIA for w in ws)


def _qualified(nxt: list[str]) -> bool:
    """A lowercase word that is no preposition follows the role noun ("директор крупной … компании", "политолог,
    близкий к администрации"): the role is described, not just named ("— заявил RT молодой активист")."""
    return bool(nxt) and nxt[0][:1].islower() and nxt[0].lower() not in marks.PREPOSITIONS \
        and not _adverbial(nxt[0].lower())


_NOT_QUALIFYING = frozenset("ADVB PRCL CONJ VERB PRED INFN GRND".split())


def _adverbial(w: str) -> bool:
    """"также", "уже", "заявил": an adverb, particle or verb after a role noun says nothing about whose it is."""
    ps = parses(w)
    return bool(ps) and ps[0].tag.POS in _NOT_QUALIFYING


_COMPLEMENT_WORDS = 3  # words after a role noun that tell whose it is ("представитель внешнеполитического ведомства")


def _same_complement(after: list[str], role: str | None) -> bool:
    """The lowercase words right after a role noun share a lemma with the role the article gave the person, or there
    are none ("представитель ведомства" for "представитель ведомства Иван Петров", "представитель" alone)."""
    tail = []
    for w in after[:_COMPLEMENT_WORDS]:
        if not w[:1].islower() or w.lower() in marks.PREPOSITIONS:
            break
        tail.append(lemma(w.lower()))
    if not tail:
        return True
    own = {lemma(w.lower()) for w in words(role or "")}
    return bool(own & set(tail))


def _holder_quoted_before(ctx: Context, word: str, ref: int, feminine: bool | None) -> tuple[str, str | None] | None:
    """"— подытожила представитель МИД" right after a quote of the "официальный представитель китайского МИД Хуа
    Чуньин": an unnamed-source word that is the role of the one quoted just before is that person again."""
    if not is_role_word(word):
        return None
    if lemma(word) in marks.UNNAMED_OFFICE:
        return _official_last_to_speak(ctx, marks.UNNAMED_OFFICE[lemma(word)], ref, feminine)
    person = _interlocutor_before(ctx, ref, feminine)
    if person is None or not person.role or lemma(word) not in role_lemmas(person.role):
        return None
    return person.name(), person.role


_BODY_STEM = 5  # letters of a body's word compared across cases ("Совет Федерации" / "Совета Федерации")


def _body_named(after: list[str]) -> list[str]:
    """The stems of the capitalised words after a role noun that name a body ("представитель Совета Федерации":
    "совет", "федер"), up to an outlet ("представитель Роскомнадзора РИА Новости"); [] when none do."""
    body = []
    for w in after:
        if not w[:1].isupper() or w.isupper() and len(w) > 1 and w.lower() in marks.MEDIA:
            break
        body.append(w.lower()[:_BODY_STEM])
    return body


def _speaks_for(role: str, body: list[str], heads: tuple[str, ...]) -> bool:
    """The role holds every stem of the body and, when ``heads`` are given, one of them ("пресс-секретар")."""
    return all(b in _body_stems(role) for b in body) and (not heads or any(h in role.lower() for h in heads))


def _body_member_before(ctx: Context, word: str, after: list[str], ref: int,
                        feminine: bool | None) -> tuple[str, str | None] | None:
    """"— назвал представитель Совета Федерации" right after a quote of the "первый зампред комитета Совета Федерации
    Франц Клинцевич": a representative of the body (capitalised words) whose role holds the same body is that person
    again; None when the words after the noun name no body or the one quoted before belongs to another."""
    if word not in ("представитель", "представительница"):
        return None
    body = _body_named(after)
    if not body:
        return None
    spoke = ctx._last_to_speak(ref, feminine, window=INTERLOCUTOR_WINDOW)
    quoted = _interlocutor_before(ctx, ref, feminine)
    for person, heads in ((quoted, ()), (spoke[0] if spoke is not None else None, marks.SPOKESPERSON_STEMS)):
        if person is not None and any(_speaks_for(r, body, heads) for r in _roles_given(ctx, person)):
            return person.name(), person.role  # (the one who spoke last only when a "представитель" too)
    return None


def _body_stems(role: str) -> set[str]:
    return {w.lower()[:_BODY_STEM] for w in words(role)}


def _roles_given(ctx: Context, person: Person) -> list[str]:
    """The person's role in the text, and in the lead when the lead names them too ("официальный представитель Госдепа
    Джон Кирби" in the lead, "представитель американского ведомства" in the text)."""
    lead = ctx.lead_context
    other = lead.registry.people.get(person.key) if lead is not None else None
    return [r for r in (person.role, other.role if other is not None else None) if r]


def _official_last_to_speak(ctx: Context, offices: frozenset[str], ref: int,
                            feminine: bool | None) -> tuple[str, str | None] | None:
    """"— сказал чиновник" right after "замминистра Иван Петров заявил": the one who spoke last, when the article
    gave him an office of the kind; None otherwise (an unnamed official)."""
    last = ctx._last_to_speak(ref, feminine, window=INTERLOCUTOR_WINDOW)
    last = last or ctx.registry.topic(ctx.text, ref, feminine, window=INTERLOCUTOR_WINDOW)  # "от губернатора X"
    if last is None:
        return None
    person, at = last
    if not _spoken_role_lemmas(ctx, person, at) & offices:
        return None
    return person.name(feminine), person.role


_UNNAMED_SOURCE = re.compile(marks.UNNAMED_SOURCE, re.IGNORECASE)
_SOURCE_WORD = re.compile(marks.SOURCE_WORD, re.IGNORECASE)
_UNNAMED_SUBJECT = re.compile(marks.UNNAMED_SUBJECT, re.IGNORECASE)
# "сообщала газета … со ссылкой на свои источники": a source an outlet cites, not one who speaks in the narrative
_CITED_SOURCE = re.compile(r"ссылкой[ \u00a0]+на[ \u00a0]+(?:[а-яё]+[ \u00a0]+){0,2}$", re.IGNORECASE)
INTERLOCUTOR_WINDOW = 1500  # characters back "собеседник RT" may point


def _placed(after: list[str]) -> bool:
    """"собеседник «Медузы» в правительстве Москвы": a source described by where it works, not a named person."""
    return any(w in ("в", "во", "из") for w in after)


def _body_source(nxt: list[str]) -> bool:
    """"собеседник ведомства", "собеседница министерства": a source inside a body (a lowercase noun that is no
    outlet), not the outlet's interlocutor ("собеседник агентства", "собеседница издания")."""
    if not nxt or not nxt[0][:1].islower():
        return False
    ps = parses(nxt[0].lower())[:1]
    return bool(ps) and ps[0].tag.POS == "NOUN" and ps[0].tag.case == "gent" \
        and ps[0].normal_form not in marks.OUTLET_NOUNS | {"телеканал", "канал", "сайт", "радио"}


def _interlocutor(ctx: Context, ref: int, feminine: bool | None) -> tuple[str | None, str | None]:
    """"— добавил собеседник RT": the person who spoke last before ref (an expert just introduced or quoted), unless
    an unnamed source ("рассказал RT источник в правительстве", "один из учёных") came up in that person's paragraph
    or since: then the interlocutor is that source."""
    last = ctx._last_to_speak(ref, feminine, window=INTERLOCUTOR_WINDOW)
    if last is None:
        return None, None
    if feminine is not None:  # "Мэри Кобб рассказала … «…», — отметил собеседник ТАСС": not the man who spoke before her
        anyone = ctx._last_to_speak(ref, None, window=INTERLOCUTOR_WINDOW)
        if anyone is not None and anyone[1] > last[1] and anyone[0] is not last[0]:
            return None, None
    named_at = max((m.pos for m in ctx.registry.mentions if m.key == last[0].key and not m.quoted and m.pos < ref),
                   default=last[1])
    para = ctx.text.rfind("\n", 0, min(last[1], named_at)) + 1  # from where the person was last named
    mentions = [m.pos for m in ctx.registry.mentions if m.key == last[0].key and para <= m.pos < ref]
    if _unnamed_source_between(ctx.text, para, ref, ctx.quoted_regions(), mentions) \
            or _other_voice_since(ctx, last[1], ref):
        return None, None
    return last[0].name(feminine), last[0].role


def _other_voice_since(ctx: Context, at: int, ref: int) -> bool:
    """Someone else spoke between the person's mention at ``at`` and ref: an unnamed representative or official
    ("— сказал представитель НЦБ"), a body ("в Генпрокуратуре заявили"), or a quote left without a speaker (the
    interlocutor spoke before, unnamed): "собеседник" then stands for that voice, not for the person."""
    quoted = ctx.quoted_regions()
    for m in WORDS_RE.finditer(ctx.text, at, ref):
        low = m.group().lower()
        if any(qa <= m.start() < qb for qa, qb in quoted):
            continue
        if low in marks.UNNAMED_HEADS and low not in marks.INTERLOCUTOR_FORMS \
                or _plural(low) and not _points_to(ctx.text, m.start(), m.end()):
            return True
    spoken = {s for s, _ in ctx.spoken}
    from_documents = {k + d for k in ctx.documented for d in (-1, 0, 1, 2)}  # keyed by the mark or the quote's start
    return any(at < s < ref and s not in spoken and s not in from_documents for s, _ in ctx.taken)


_POINTS_TO = re.compile(r"[ \u00a0]+о[ \u00a0]+том(?![А-ЯЁа-яё])", re.IGNORECASE)


def _points_to(text: str, verb: int, at: int) -> bool:
    """"угрозы … лишь говорят о том, что …": a plural "говорят о том" not right after people ("жители говорят о
    том") means "show": nobody speaks."""
    before = words(text[max(0, verb - 40):verb])[-1:]
    return _POINTS_TO.match(text, at) is not None and not (before and _animate_noun(before[0]))


def _unnamed_source_between(text: str, lo: int, hi: int, quoted: list[tuple[int, int]] = (),
                            named_at: list[int] = ()) -> bool:
    """An unnamed source comes up in text[lo:hi] ("источник RT в министерстве", "один из учёных", "анонимно"); a bare
    "собеседник RT" is not one: it points back like the interlocutor being resolved (placed, "собеседник RT в
    коммуне", it is a source). Words inside the ``quoted`` regions are someone's speech, not the narrative ("«И, может
    быть, это одна из главных причин кризиса»")."""
    for m in _UNNAMED_SOURCE.finditer(text, lo, hi):
        if any(qa < m.start() < qb for qa, qb in quoted):
            continue
        word = m.group().lower()
        if word.split()[0] in ("один", "одна") and not _one_of_people(text, m.end()):
            continue  # "Один из вариантов для Трампа — …": one of things, no source
        if word.split()[0] in ("один", "одна") and _one_of_apposed(text, m.end(), named_at):
            continue  # "Один из авторов апелляции, …, доктор наук Юрий Панчин …": the one is named
        if word not in marks.INTERLOCUTOR_FORMS or _placed([w.lower() for w in words(text[m.end():m.end() + 60])[:3]]):
            return True
    return False


def _one_of_people(text: str, at: int) -> bool:
    """The noun after "один из"/"одна из" (past its adjectives) can be people: "один из учёных", "один из самых
    известных экспертов", not "один из вариантов" (an inanimate noun: one of things, no source)."""
    for w in words(text[at:at + 80])[:4]:
        ps = parses(w.lower())[:1]
        if not ps:
            return True
        if ps[0].tag.POS in _HOLDER_MODIFIERS:
            continue
        return not (ps[0].tag.POS == "NOUN" and "inan" in ps[0].tag.grammemes)
    return True


def _one_of_apposed(text: str, at: int, named_at: list[int]) -> bool:
    """"Один из авторов апелляции, заведующий лабораторией …, доктор биологических наук Юрий Панчин прокомментировал":
    the person named at one of named_at is the "один из" of text[:at] itself, set after a comma in apposition (the
    same sentence, no verb, no other mark of a clause between)."""
    end = sentence_end(text, at, len(text))
    for p in named_at:
        between = text[at:p]
        if at < p < end and "," in between and not re.search(r"[.:;!?«»\"()—–]", between) \
                and not any(w[:1].islower() and is_verb(w) for w in words(between)):
            return True
    return False


def _role_land(ws: list[str], i: int) -> str | None:
    """The country a role word at ws[i] is tied to, in the genitive: "французский президент", "президент России"."""
    land = country(ws[i - 1]) if i > 0 else None
    if land is None and i + 1 < len(ws):
        land = _country_after(ws[i + 1])
    if land is None and i + 2 < len(ws) and ws[i + 1][:1].isupper() and ws[i + 2][:1].isupper():
        land = _country_after(ws[i + 2], any_case=True)  # "президент Республики Корея", "лидер Северной Кореи"
        land = f"{ws[i + 1]} {land}" if land else None
    return land


def _bare_outlet(ws: list[str]) -> int | None:
    """Index of an outlet named by a common noun alone ("— пишет издание.", "в статье газеты"): lowercase, not
    followed by the outlet's name, and the subject (nominative) or the owner of a text (genitive)."""
    for i, w in enumerate(ws):
        if not (w[:1].islower() or i == 0 and w[1:].islower() and _CYRILLIC_LOWER.match(ws[i + 1:i + 2][0] if i + 1 < len(ws) else "а")) \
                or lemma(w.lower()) not in marks.OUTLET_NOUNS:
            continue  # "— пишет издание.", "Газета предполагает, что …" (not "Газета.ru")
        if i + 1 < len(ws) and not ws[i + 1][:1].islower():
            return None  # "газета Financial Times": the name is there
        cases = {p.tag.case for p in parses(w.lower())[:3]}
        after_text = i > 0 and lemma(ws[i - 1].lower()) in _DOCUMENTS_AND_ARTICLES
        held = i == len(ws) - 1 and all(is_adjective(x) for x in ws[:i])  # "По мнению американского издания, «…»"
        if "nomn" in cases or ("gent" in cases and (after_text or held)):
            return i
    return None


_LATIN_NAME = re.compile(r"(?<![A-Za-z])(?:The[ \u00a0]+)?[A-Z][A-Za-z.&'’-]+(?:[ \u00a0]+[A-Z][A-Za-z.&'’-]*){0,3}")
_QUOTED_OUTLET = re.compile(r"[«\"]([А-ЯЁA-Z][^«»\"\n]{1,30})[»\"]")
_OUTLET_WINDOW = 1500


def _outlet_nominative(name: str) -> str:
    """«Коммерсанта» (after "по данным") -> "Коммерсант": a one-word quoted name in the genitive singular."""
    if " " in name or not name.isalpha():
        return name
    ps = parses(name.lower())[:1]
    if ps and ps[0].tag.case == "gent" and ps[0].tag.number == "sing":
        return ps[0].normal_form.capitalize()
    return name


def _body_nearer_than_outlet(ctx: Context, pos: int, noun: str) -> str | None:
    """"— говорится на сайте агентства" after "Национальное агентство геопространственной разведки входит в …": a
    noun that names an outlet or a body alike ("агентство") stands for the body of that kind the article named
    last before pos, when no outlet is named after it; else None."""
    if noun not in marks.GENERIC_ORG_WORDS:
        return None
    org = ctx.orgs.refer(pos, noun)
    if org is None:
        return None
    at = max((m.start for m in ctx.orgs.mentions if m.start < pos and ctx.orgs.orgs[m.key] is org), default=-1)
    outlets = _outlets_named(ctx, max(0, pos - _OUTLET_WINDOW), pos)
    return org.name() if at >= 0 and all(o[0] < at for o in outlets) else None


def _outlet_named_before(ctx: Context, pos: int, noun: str | None = None) -> str | None:
    """The outlet named last before pos: a Latin name («The Guardian», "DW") or a quoted one («Фонтанка.ру») next to
    a word that marks an outlet ("издание DW", "пишет The Times", "по сведениям Al Arabiya"); else the first one
    named later in pos's paragraph ("По мнению американского издания, … пишет The Washington Post.")."""
    found = _outlets_named(ctx, max(0, pos - _OUTLET_WINDOW), pos)
    if noun is not None:  # "Журнал Time …, отмечает InoPressa. … как напоминает журнал": the one called so
        found = [f for f in found if f[2] == noun] or found
    if found:
        return max(found)[1]
    text = ctx.text
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    later = [f for f in _outlets_named(ctx, sentence_end(text, pos, end), end)
             if text.count("«", pos, f[0]) == text.count("»", pos, f[0])]
    return min(later)[1] if later else None


def _outlets_named(ctx: Context, lo: int, pos: int) -> list[tuple[int, str, str]]:
    """(position, name, the outlet noun right before it or "") of every outlet named in text[lo:pos] (see
    _outlet_named_before)."""
    text = ctx.text
    found: list[tuple[int, str, str]] = []
    for rx, group in ((_LATIN_NAME, 0), (_QUOTED_OUTLET, 1)):
        for m in rx.finditer(text, lo, pos):
            name = m.group(group).rstrip(".")
            name = _outlet_nominative(name) if group else name
            if name.lower() in marks.NOT_OUTLETS or len(name) < 2:
                continue
            near = [w.lower() for w in WORDS_RE.findall(text[max(lo, m.start() - 40):m.start()])][-3:]
            after = [w.lower() for w in WORDS_RE.findall(text[m.end():m.end() + 30])][:2]
            cued = any(w in marks.OUTLET_CUES or lemma(w) in marks.OUTLET_NOUNS for w in near + after) \
                or _writes(_WORD_AFTER.match(text, m.end())) or _writes(_WORD_BEFORE.search(text[max(lo, m.start() - 30):m.start()]))
            if cued or name.lower() in marks.MEDIA:
                noun = lemma(near[-1]) if near and lemma(near[-1]) in marks.OUTLET_NOUNS else ""
                found.append((m.start(), name, noun))
    return found


_WORD_AFTER = re.compile(r"[ \u00a0]+([а-яё]+)")
_WORD_BEFORE = re.compile(r"([а-яё]+)[ \u00a0]+$")


def _writes(m: re.Match | None) -> bool:
    """The word right next to a name, with only spaces between, is an active speech verb in the present singular:
    "«Время новостей» полагает, что …", "напоминает El Mundo" (not "«Это фильм против войны», — утверждает он",
    "«Радио Свобода». Отмечается")."""
    if m is None or not speech_verb(m.group(1))[0] or m.group(1).endswith(("ся", "сь")):
        return False
    ps = parses(m.group(1))[:1]
    return bool(ps) and ps[0].tag.POS == "VERB" and ps[0].tag.tense == "pres" and ps[0].tag.number == "sing"


def _country_after(word: str, any_case: bool = False) -> str | None:
    """"Грузии", "США" after "ведомство": a country in the genitive, as written (in any case with ``any_case``:
    "Корея" in "Республики Корея")."""
    if word.upper() == word and word.lower() in marks.GEO_ABBR:
        return word
    if word[:1].isupper() and any("Geox" in p.tag.grammemes and (any_case or p.tag.case == "gent")
                                  for p in parses(word.lower())[:2]):
        return word
    return None


def _foreign_ministry(ctx: Context, ws: list[str], ref: int) -> str | None:
    """A country's foreign ministry named by a generic word: "в американском дипведомстве" -> "Госдепартамент США",
    "внешнеполитическое ведомство Грузии" -> "МИД Грузии"; a bare "дипведомство" is the foreign ministry named
    before. None when the clause names none; "" when it names one that cannot be told."""
    lems = [lemma(w.lower()) if w[:1].islower() else "" for w in ws]
    for i, lem in enumerate(lems):
        if lem not in marks.DIPLOMATIC_BODY_WORDS:
            continue
        j = i + 1 if lem == "внешнеполитический" else i
        if j != i and (j >= len(lems) or lems[j] != "ведомство"):
            continue
        land = next((c for c in (country(w) for w in ws[max(0, i - 2):i] if w[:1].islower()) if c), None)
        if land is None and j + 1 < len(ws):
            land = _country_after(ws[j + 1])
        if land is not None:
            land = "России" if land == "РФ" else land
            return marks.FOREIGN_MINISTRY.get(land, f"МИД {land}")
        org = ctx.orgs.refer(ref, "дипведомство")
        return org.name() if org is not None else ""
    return None


_PRONOUN_RE = re.compile(r"(?<![А-ЯЁа-яё])(?:он|она)(?![А-ЯЁа-яё])")
_PRONOUN_ANY = re.compile(r"(?<![А-ЯЁа-яё])(?:он|она)(?![А-ЯЁа-яё])", re.IGNORECASE)
_CONTACT = re.compile(marks.CONTACT_CUES, re.IGNORECASE)
_THAT_WORD_ONLY = re.compile(r"(?<![А-ЯЁа-яё])что(?![А-ЯЁа-яё])", re.IGNORECASE)  # the name is in what is said
_CLAUSE_END_MARK = re.compile(r"[,.;:!?«»\"()—–]")


def speaker_in(ctx: Context, a: int, b: int, quote_start: int) -> tuple[str | None, str | None]:
    """Who speaks in an attribution clause after the quote: first name, else pronoun/role/organisation. A clause
    with an impersonal verb ("говорится в заявлении МИД") marks the quote as a document's, whoever issued it."""
    who = _speaker_in(ctx, a, b, quote_start)
    if who[0] is not None and _person_reference(ctx.text, a, b) and _named_inside_only(ctx, who[0], quote_start, a, b):
        who = _speaker_before_named(ctx, who[0], quote_start, a) or who
    verb = next((m.group() for m in WORDS_RE.finditer(ctx.text, a, b) if speech_verb(m.group())[0]), None)
    if verb is not None and _impersonal(verb):
        if who[0] is None:  # "— говорится в сообщении Центробанка по итогам заседания совета директоров"
            who = _issuer_in_clause(ctx, a, b), None
        elif _person_in_phrase_after_body(ctx, a, b, who[0]):
            who = _issuer_in_clause(ctx, a, b), None
        ctx.documented[quote_start] = who[0]
    return who


def _named_inside_only(ctx: Context, name: str, qs: int, qe: int, b: int) -> bool:
    """The person a role or pronoun after the quote was taken to be is talked about inside the quote text[qs:qe]
    ("«Паша Дацюк — это пример для спортсменов…», — добавил экс-тренер сборной"; inside its marks, not in an
    attribution that breaks it) and not named in the attribution text[qe:b]: the words are about him."""
    person = ctx.people_by_name().get(name)
    if person is None:
        return False
    inside = clause = False
    for m in ctx.registry.mentions:
        if m.key == person.key:
            inside = inside or m.quoted and qs <= m.pos < qe and not _inner_attribution_at(ctx.text, qs, m.pos) \
                and not _in_brackets(ctx.text, qs, m.pos)
            clause = clause or qe <= m.pos < b
    return inside and not clause


_INNER_BREAK = re.compile(r"[,!?…][ \u00a0]*[—–][ \u00a0]")


def _person_reference(text: str, a: int, b: int) -> bool:
    """The attribution text[a:b] refers to a person by a pronoun or a role ("— заявил он", "— добавил экс-тренер"),
    with a singular personal verb: not a body or a document ("— говорится в сообщении", "— спросил авиаконцерн")."""
    ws = [w.lower() for w in words(text[a:b].split(",")[0])]
    verb = next((w for w in ws if speech_verb(w)[0]), None)
    if verb is None or _impersonal(verb) or _plural(verb):
        return False
    return any(w in ("он", "она") or is_role_word(w) or _person_noun(w) is not None for w in ws)


def _in_brackets(text: str, qs: int, pos: int) -> bool:
    """pos lies in a bracketed note inside the quote ("(роль Харбора. — RT)")."""
    return text.rfind("(", qs, pos) > text.rfind(")", qs, pos)


def _inner_attribution_at(text: str, qs: int, pos: int) -> bool:
    """pos lies in the attribution that breaks a quote starting at qs ("«…, — уверен Пётр Петровский. — …»")."""
    brk = None
    for brk in _INNER_BREAK.finditer(text, qs, pos):
        pass
    return brk is not None and speech_verb(text[brk.end():pos])[0]


def _speaker_before_named(ctx: Context, name: str, qs: int, qe: int) -> tuple[str, str | None] | None:
    """Who spoke last before the quote at qs (a speech verb's subject, "по словам" holder or earlier quote's
    speaker; else the earlier quote's speaker), when not a person named inside the quote; else None."""
    spoke = ctx._last_to_speak(qs, None)
    prev = ctx.previous_speaker(qs)
    for person in (spoke[0] if spoke is not None else None, ctx.people_by_name().get(prev) if prev else None):
        if person is not None and person.name(None) != name \
                and not _named_inside_only(ctx, person.name(None), qs, qe, qe):
            return person.name(None), person.role
    return None


def _person_in_phrase_after_body(ctx: Context, a: int, b: int, name: str) -> bool:
    """The document the impersonal clause text[a:b] names is a body's, named right after it, and a prepositional
    phrase follows the body ("— отмечается в заявлении Минобороны по итогам послания президента", "— говорится в
    сообщении МИД РФ в ответ на выступление Терезы Мэй"): the person taken as the speaker is named only in that
    phrase, which tells of him; the body issued the text."""
    doc = documents.document_match(ctx.text, a, b)
    if name not in ctx.people_by_name() or doc is None:
        return False
    issuer = _issuer_after(ctx, doc.start(), doc.end())
    body = next((m for m in ctx.orgs.mentions if doc.end() <= m.start < b), None)
    if issuer is None or issuer == name or body is None or ctx.orgs.orgs[body.key].name() != issuer:
        return False
    after = words(ctx.text[body.end:b])
    return bool(after) and after[0].lower() in marks.PREPOSITIONS


def _issuer_in_clause(ctx: Context, a: int, b: int) -> str | None:
    """The issuer named right after the first document noun of the clause text[a:b], else None."""
    doc = documents.document_match(ctx.text, a, b)
    return _issuer_after(ctx, doc.start(), doc.end()) if doc is not None else None


_ANONYMITY = re.compile(marks.ANONYMITY, re.IGNORECASE)


_CITING_BEFORE = re.compile(r"(?:сослал(?:ся|ась|ись)|ссыла(?:ется|ются|ясь)|со[ \u00a0]+ссылкой)[ \u00a0]+на[ \u00a0]+$",
                            re.IGNORECASE)


def _anonymous(text: str, a: int, b: int) -> bool:
    """The attribution says the source stays unnamed ("пожелавший остаться неназванным"): nobody is named. Not
    when the speaker cites unnamed sources ("конгрессмен сослался на неназванные источники:"): they speak."""
    return any(_CITING_BEFORE.search(text, max(a, m.start() - 30), m.start()) is None
               for m in _ANONYMITY.finditer(text, a, b))


def _reported_from(text: str, verb: re.Match | None, b: int) -> int:
    """Where the words reported after the speech verb start ("Конуэй отметила, что все источники … неназванными"):
    an unnamed source is told before them, not inside them."""
    that = _THAT_ONLY.search(text, verb.end(), b) if verb is not None else None
    return that.start() if that is not None else b


def _speaker_in(ctx: Context, a: int, b: int, quote_start: int) -> tuple[str | None, str | None]:
    text = ctx.text
    if _anonymous(text, a, b):
        return None, None
    authors = documents.authors_issuer(ctx, a, b, quote_start)  # "— считают авторы доклада": its issuer
    if authors is not None:
        return authors
    _, feminine = speech_verb(text[a:b])
    cuts = [a] + [a + m.end() for m in re.finditer(",", text[a:b])] + [b]
    for s, e in zip(cuts, cuts[1:]):
        if _relaying_relative(text, s, e):
            continue
        groups = _groups(ctx, s, e)
        pronoun = _PRONOUN_RE.search(text, s, groups[0].start if groups else e)
        named = [g for g in groups if g.full or ctx.registry.lookup(g)]  # not "Росмолодежи"
        if groups and pronoun is None and not (not named and _body_after_role(ctx, s, groups[0])):
            best = named[0] if named else groups[0]
            if not _relays(text, s, best.start):  # "процитировал Трампа его помощник": Трамп speaks
                best = next((g for g in named if not _oblique_form(ctx, g)), best)
            best = _named_after_owner(ctx, s, best, groups)
            holder = _role_holder(ctx, s, best, quote_start, feminine)
            if holder is not None:
                return holder
            if _possessor_of_person_noun(ctx, s, best, feminine) or _owner_after_relational(ctx, s, best):
                return None, None  # "— рассказал ведомый Филипова": the wingman speaks, unnamed, not Филипов
            who = person_speaker(ctx, best, feminine, a)
            if _source_of(ctx, s, best, who[0]):
                return _named_after_source(ctx, groups, best, feminine, a)
            return who
        named_later = _named_after_enumeration(ctx, s, b)
        if named_later is not None:  # "— заявил зампред комитета по физической культуре, спорту, туризму … Валерий
            return person_speaker(ctx, named_later, feminine, a)  # Газзаев": the commas list the committee's fields
        found, who = _other_speaker(ctx, s, e, min(a, quote_start), feminine)
        if found:
            apposed = _apposed_past_roles(ctx, [c for c in cuts if c > e], e, a, feminine) \
                if e < b and not pronoun else None
            return apposed or who
    named = _proper_noun_after_verb(text, a, b)
    if named is not None:
        return named, None
    initialled = _initialled_person(ctx, a, b)
    if initialled is not None:
        return initialled.name(feminine), initialled.role
    written = _initialled_after_verb(ctx.text, a, b)
    if written is not None:
        return written, None
    verb = next((m.group() for m in WORDS_RE.finditer(text, a, b) if speech_verb(m.group())[0]), None)
    if verb is not None and _impersonal(verb):
        return document_speaker(ctx, a, b, quote_start), None
    return None, None


_ENUMERATION_POS = frozenset("NOUN ADJF PREP NUMR".split())


def _named_after_enumeration(ctx: Context, s: int, b: int) -> Group | None:
    """A full name that ends a role phrase running past commas from text[s:] ("— заявил зампред комитета Госдумы по
    физической культуре, спорту, туризму и молодёжной политике Валерий Газзаев"): the clause part at s holds a role
    word and no name, and every word up to the name is a noun, adjective, preposition or "и" (a list, not a clause)."""
    text = ctx.text
    comma = text.find(",", s, b)
    if comma < 0:
        return None
    g = next((g for g in _groups(ctx, comma, b) if g.full), None)
    if g is None or re.search(r"[.;:!?()«»\"\n—–]", text[s:g.start]) or not can_be_nominative(g.tokens):
        return None
    ws = words(text[s:g.start])
    lows = [w.lower() for w in ws]
    head = next((i for i, w in enumerate(ws) if w[:1].islower() and is_role_word(w)), None)
    if head is None or any(_groups(ctx, s, comma)):
        return None
    rest = lows[head + 1:]
    return g if all(w == "и" or (parses(w) and parses(w)[0].tag.POS in _ENUMERATION_POS) for w in rest) else None


def _body_after_role(ctx: Context, s: int, g: Group) -> bool:
    """"— отметил глава Мосгоризбиркома", "— утверждает директор Нацразведки США": the lone capitalised word after a
    role noun is a body in the genitive (an inanimate noun nobody in the article is named by), whose head or
    representative speaks, not the body: the role is read as a reference to a person."""
    if len(g.tokens) != 1 or g.kinds[0] != "Unknown" or ctx.registry.lookup(g) is not None:
        return False
    before = words(ctx.text[s:g.start])
    if not before or not before[-1][:1].islower() or not is_role_word(before[-1]) \
            or before[-1].lower() in marks.RELATIONAL_ROLES or not _nominative_singular(before[-1]):
        return False
    ps = parses(g.tokens[0].lower())[:1]
    return bool(ps) and ps[0].tag.POS == "NOUN" and ps[0].tag.case == "gent" and "inan" in ps[0].tag.grammemes


def _relational_before(ctx: Context, s: int, g: Group) -> str | None:
    """The relational role (marks.RELATIONAL_ROLES) right before the group in the clause from s, else None."""
    ws = [w for w in words(ctx.text[s:g.start]) if w.lower() not in marks.NAME_PARTICLES]  # "аль-Файеда"
    return ws[-1].lower() if ws and ws[-1].lower() in marks.RELATIONAL_ROLES else None


def _named_after_owner(ctx: Context, s: int, g: Group, groups: list[Group]) -> Group:
    """"— заявил пресс-секретарь Саакашвили Каха Имнадзе": a relational role, the owner's name in the genitive and
    the holder's own name right after it: the holder speaks. So after a friend or kin noun (marks.OWNER_NOUNS),
    whose own first name alone may follow ("— рассказала близкий друг Драчёва Валентина"). Else the group itself."""
    kin = _owner_noun_before(ctx, s, g)
    if _relational_before(ctx, s, g) is None and not kin:
        return g
    nxt = next((h for h in groups if h.start >= g.end), None)
    if nxt is None or ctx.text[g.end:nxt.start].strip():
        return g
    if nxt.full or ctx.registry.lookup(nxt) or kin and _first_name_alone(nxt):
        return nxt
    return g


def _owner_after_relational(ctx: Context, s: int, g: Group) -> bool:
    """"— сказал литературный агент Анны Политковской Тоби Иди": a full name in an oblique case right after a
    relational role (marks.RELATIONAL_ROLES) names whose agent, lawyer or spokesman speaks, never the speaker; when
    neither the holder's own name after it nor the role's holder is known, the speaker stays unnamed."""
    return g.full and _relational_before(ctx, s, g) is not None and _oblique_form(ctx, g)


def _possessor_of_person_noun(ctx: Context, s: int, g: Group, feminine: bool | None) -> bool:
    """"— рассказал ведомый Филипова", "— заявил адвокат Петрова", "— сказала мать Петрова": the name group right
    after a person noun in the nominative singular is in the genitive (another form than the canonical surname of
    a person whose gender the article makes sure, or no nominative reading at all): it names whose that person is,
    not the speaker. Only when the verb shows the possessor's own gender ("— рассказала супруга Винника" may be
    his namesake wife)."""
    ws = words(ctx.text[s:g.start])
    if not ws or not ws[-1][:1].islower() or ctx.text[g.start - 1] not in " \u00a0":
        return False
    noun = ws[-1].lower()
    if not (is_role_word(noun) and _nominative_singular(noun)) and not any(
            p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and p.tag.number == "sing" and p.tag.case == "nomn"
            for p in parses(noun)[:3]):
        return False
    person = ctx.registry.lookup(g)
    if person is None or not _oblique_form(ctx, g) or person.feminine is None or person.feminine != feminine:
        return False
    return _genitive_of(g.tokens[-1], person.name().split()[-1], "femn" if feminine else "masc")


def _genitive_of(token: str, surname: str, gender: str) -> bool:
    """The token is the genitive of the surname for that gender ("Филипова" of "Филипов"; not "Винника" of a woman's
    "Винник", which does not decline: another bearer's)."""
    low, sur = token.lower().replace("ё", "е"), surname.lower().replace("ё", "е")
    return surname_nominative(low, gender, "gent") == sur or any(
        p.tag.case == "gent" and p.tag.gender == gender and p.normal_form.replace("ё", "е") == sur
        for p in parses(low)[:4])


def _possessor_mention(ctx: Context, at: int, feminine: bool | None) -> bool:
    """The mention at ``at`` is not nominative and follows a person noun in the nominative singular of the pronoun's
    gender ("приветствовал адвокат Ассанжа"): it names whose that person is, and the pronoun after stands for the
    unnamed person, not for the one named."""
    m = next((m for m in ctx.registry.mentions if m.pos == at), None)
    if m is None or m.nominative or at < 2 or ctx.text[at - 1] not in " \u00a0":
        return False
    person = ctx.registry.people.get(m.key)
    written = re.match(r"[А-ЯЁ][А-ЯЁа-яё\-]*(?:[ \u00a0]+[А-ЯЁ][А-ЯЁа-яё\-]*)*", ctx.text[at:])
    if person is None or written is None or person.feminine is None:
        return False
    last, surname = written.group().split()[-1], person.name().split()[-1]
    if last.lower() == surname.lower() or not _genitive_of(last, surname, "femn" if person.feminine else "masc"):
        return False  # "генерал-полковник Сергей Рудской", "чемпионка Лилли Кинг": the name as written, nominative
    ws = words(ctx.text[max(0, at - 40):at])
    if not ws or not ws[-1][:1].islower():
        return False
    noun = ws[-1].lower()
    return any(p.tag.POS == "NOUN" and "anim" in p.tag.grammemes and p.tag.number == "sing" and p.tag.case == "nomn"
               and (feminine is None or (p.tag.gender == "femn") is feminine) for p in parses(noun)[:2])


def _owner_noun_before(ctx: Context, s: int, g: Group) -> bool:
    ws = words(ctx.text[s:g.start])
    return bool(ws) and ws[-1].lower() in marks.OWNER_NOUNS


def _first_name_alone(g: Group) -> bool:
    """One first name that may be in the nominative ("Валентина")."""
    return g.kinds == ("Name",) and any("nomn" in a.cases for a in analyses(g.tokens[0]))


def _role_holder(ctx: Context, s: int, g: Group, ref: int, feminine: bool | None) -> tuple[str | None, str | None] | None:
    """"— подчеркнул пресс-секретарь аль-Файеда": a role held towards another person (marks.RELATIONAL_ROLES) right
    before the surname of someone else: the one the article named as holding that role speaks."""
    role = _relational_before(ctx, s, g)
    if role is None or g.full and not _oblique_form(ctx, g):  # "пресс-секретарь Владимира Путина": his, not him
        return None
    holder = ctx.registry.by_role(role, ref)
    if holder is None or holder is ctx.registry.lookup(g) or surname_key(g.tokens[-1]) == holder.key.split("#")[0]:
        return None  # "адвокат Широченко": the holder named by his own surname
    return ctx.refer(ref, feminine, role_word=role)


def _source_of(ctx: Context, s: int, g: Group, name: str | None) -> bool:
    """"— сообщил «Интерфаксу» источник в ближайшем окружении Бакиева": an unnamed source stands before the name,
    in another case (whose circle, not who speaks): its surname differs from the canonical one."""
    before = words(ctx.text[s:g.start])
    if not any(w.lower() in marks.UNNAMED_HEADS for w in before):
        return False
    if before and lemma(before[-1].lower()) in marks.OUTLET_NOUNS and ctx.registry.lookup(g) is None:
        return True  # "— заявил собеседник агентства Рейтер": the outlet's name, not the source's
    return not name or g.tokens[-1] != name.split()[-1]


_RELATIVE = frozenset("который которая которое которые которого которой которых которую".split())


def _relaying_relative(text: str, s: int, e: int) -> bool:
    """"— говорится в заявлении, которое приводит агентство SANA": a relative clause naming the medium that relays
    the words; it names no speaker."""
    ws = [w.lower().replace("ё", "е") for w in words(text[s:e])[:3]]
    return bool(ws) and ws[0] in _RELATIVE and any(w in _RELAY_WORDS for w in ws[1:])


def _unnamed_source(text: str, a: int, b: int) -> bool:
    """"сообщал представитель движения «Братья-мусульмане»:": the clause gives the speaker as an unnamed source."""
    return any(w.lower() in marks.UNNAMED_HEADS for w in words(text[a:b]))


def _named_after_source(ctx: Context, groups: list[Group], best: Group, feminine: bool | None,
                        lo: int) -> tuple[str | None, str | None]:
    """"— заявил представитель Владимира Путина в Чечне Владимир Каламанов": the one named in the nominative after
    the name the unnamed source was tied to; (None, None) when there is none."""
    for g in groups:
        if g.start > best.start:
            who = person_speaker(ctx, g, feminine, lo)
            if who[0] and g.tokens[-1] == who[0].split()[-1]:
                return who
    return None, None


_APPOSITION_STOP = frozenset("что чтобы как который которая которые и а но или если когда где".split())


def _joins_names(ws: list[str], i: int) -> bool:
    """"специалист по США и Латинской Америке": "и" between two capitalised words joins places, not clauses."""
    return ws[i] == "и" and 0 < i < len(ws) - 1 and ws[i - 1][:1].isupper() and ws[i + 1][:1].isupper()


def _joins_complements(ws: list[str], i: int) -> bool:
    """"директор по закупкам, материально-техническому обеспечению и управлению качеством": "и" between two
    lowercase words inside a role's complement joins its parts, not clauses (the segment holds no verb)."""
    return ws[i] == "и" and 0 < i < len(ws) - 1 and ws[i - 1][:1].islower() and ws[i + 1][:1].islower()


def _apposition_name(ctx: Context, s: int, e: int, lo: int, feminine: bool | None,
                     max_words: int = 8) -> tuple[str, str | None] | None:
    """"— отметила двукратная чемпионка мира, американская скелетонистка Кэти Юлендер": after a role and a comma, a
    segment of more role words ending in a name in the nominative names the one the role described (not "…, добавив,
    что Петров …": no verb, conjunction or pronoun may stand in the segment)."""
    groups = [g for g in _groups(ctx, s, e) if g.full or ctx.registry.lookup(g)]
    if not groups:
        return None
    g = groups[0]
    if len(groups) > 1 and not may_be_subject(ctx.text, g):  # "…, старший научный сотрудник Института Людвига фон
        g = groups[-1]  # Мизеса Марк Тортон": a name in the genitive owns the role, the name after it is the speaker
    ws = words(ctx.text[s:e])
    lows = [w.lower() for w in ws]
    if len(words(ctx.text[s:g.start])) > max_words or any((w in _APPOSITION_STOP and not _joins_names(ws, i)
                                                   and not _joins_complements(ws, i)) or w in marks.PRONOUNS
                                                  for i, w in enumerate(lows)):
        return None
    if any(w[:1].islower() and (is_verb(w) or speech_verb(w)[0]) for w in ws):
        return None
    agrees = feminine is not None and all(_nominative_only(t, "femn" if feminine else "masc") for t in g.tokens)
    if not (may_be_subject(ctx.text, g) or agrees) or words(ctx.text[g.end:e]):
        return None  # ("эксперт Ассоциации военных политологов Андрей Кошкин": no genitive reading, as the verb)
    return person_speaker(ctx, g, feminine, lo)


_APPOSED_SEGMENTS = 4  # comma segments of roles a name in apposition may follow


def _apposed_past_roles(ctx: Context, later: list[int], e: int, lo: int,
                        feminine: bool | None) -> tuple[str, str | None] | None:
    """_apposition_name in the comma segment after e, or past up to three more segments that hold only role words
    ("— отметил заместитель главного судьи «Олимпийских надежд-2009», олимпийский чемпион (1996), бронзовый призер
    Олимпиады-2000 Николай Крюков": the name ends the third segment)."""
    s = e
    for n, nxt in enumerate(later[:_APPOSED_SEGMENTS]):
        found = _apposition_name(ctx, s, nxt, lo, feminine, 8 if n == 0 else _LONG_APPOSITION)
        if found is not None or not _role_segment(ctx, s, nxt):
            return found
        s = nxt
    return None


_LONG_APPOSITION = 12  # words before the name in a segment past role-only ones ("чемпион мира и неоднократный …")


def _role_segment(ctx: Context, s: int, e: int) -> bool:
    """text[s:e] is one more role of a speaker in apposition and nothing else ("олимпийский чемпион (1996)"): a few
    words, a person noun or role word in the nominative among them, no name, verb, pronoun or conjunction."""
    ws = words(ctx.text[s:e])
    if not ws or len(ws) > 6 or re.search(r"[.;:!?\n—–]", ctx.text[s:e]):
        return False
    lows = [w.lower() for w in ws]
    if any(w in _APPOSITION_STOP or w in marks.PRONOUNS or is_verb(w) or speech_verb(w)[0] for w in lows):
        return False
    if not any(w[:1].islower() and (_person_noun(w) is not None or is_role_word(w) and _can_be_nominative(w))
               for w in ws):
        return False
    return not any(g.full or ctx.registry.lookup(g) for g in _groups(ctx, s, e))


def document_speaker(ctx: Context, a: int, b: int, quote_start: int) -> str | None:
    """Who issued the document an impersonal clause quotes ("— говорится в документе", "Как отмечается в докладе"):
    the issuer named with an earlier mention of a document, else the body named right before (body_just_before),
    else the issuer of the quote just before when that one came from a document too, else the outlet of an article,
    else what the narrative before tells (documents.narrative_issuer); never a person who merely spoke nearby (the
    text is not theirs)."""
    issuer = _document_issuer(ctx, a, b, min(a, quote_start))
    issuer = issuer if issuer is not None else documents.body_just_before(ctx, a, b, min(a, quote_start))
    issuer = issuer if issuer is not None else ctx.same_document(quote_start)
    issuer = issuer if issuer is not None else _publishing_outlet(ctx, a, b, quote_start)
    issuer = issuer if issuer is not None else documents.narrative_issuer(ctx, a, b, quote_start)
    return issuer if issuer is not None else documents.body_noted_before(ctx, a, b, quote_start)


def _publishing_outlet(ctx: Context, a: int, b: int, quote_start: int) -> str | None:
    """"— говорится в статье." with no issuer named: the outlet named last before ("Газета The Times сообщает …")."""
    if not any(lemma(w) in marks.PUBLICATION_NOUNS for w in words(ctx.text[a:b])):
        return None
    return _outlet_named_before(ctx, min(a, quote_start))


_INITIALLED = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]\.(?:[ \u00a0]?[А-ЯЁ]\.)?[ \u00a0]?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")


def _initialled_person(ctx: Context, a: int, b: int) -> Person | None:
    """"— заявил В.Фортов": a surname after initials written without a space, of a person the article names in full
    ("Владимир Фортов"); None when there is none."""
    for m in _INITIALLED.finditer(ctx.text, a, b):
        key = surname_key(m.group(1))
        person = next((p for p in ctx.registry.people.values() if p.key.split("#")[0] == key), None)
        if person is not None:
            return person
    return None


_INITIAL_AFTER = re.compile(r"[ \u00a0]+([А-ЯЁ])\.[ \u00a0]?([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?=[ \u00a0]*(?:[.,;!?…)]|$|[ \u00a0][а-яё]))")


_INITIAL_REACH = 40


def _initialled_after_verb(text: str, a: int, b: int) -> str | None:
    """"— сказал С. Сквернялис в четверг": an initial and a surname right after the speech verb, of someone the
    registry does not hold; the article's full form ("Андрюс Кубилюс" for "А. Кубилюс") when it gives one, else
    the form as written."""
    for m in WORDS_RE.finditer(text, a, b):
        if not speech_verb(m.group())[0]:
            continue
        after = WORDS_RE.match(text, m.end() + 1, b) if m.end() + 1 < b else None
        start = after.end() if after is not None and after.group()[:1].islower() and not speech_verb(after.group())[0] \
            and not text[m.end():after.start()].strip() else m.end()  # "сказал журналистам А. Кубилюс"
        hi = min(len(text), b + _INITIAL_REACH)  # the clause was cut at the initial's full stop
        init = _INITIAL_AFTER.match(text, start, hi) or _INITIAL_AFTER.match(text, m.end(), hi)
        if init is None:
            return None
        full = re.search(rf"(?<![А-ЯЁа-яё]){init.group(1)}[а-яё]+[ \u00a0]+{init.group(2)}(?![а-яё])", text)
        return full.group().replace("\u00a0", " ") if full else f"{init.group(1)}. {init.group(2)}"
    return None


_CAP_AFTER = re.compile(r"[ \u00a0]+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?=[ \u00a0]*(?:[.,;!?…)]|$))")


def _proper_noun_after_verb(text: str, a: int, b: int) -> str | None:
    """"— сказала Мадонна.": a capitalised word that alone follows the speech verb and can be in the nominative is
    who speaks, even when morphology knows it as a common noun (not "сообщил Путину": that is a dative)."""
    for m in WORDS_RE.finditer(text, a, b):
        if not speech_verb(m.group())[0]:
            continue
        cap = _CAP_AFTER.match(text, m.end(), b)
        if cap is None:
            return None
        word = cap.group(1)
        ps = parses(word.lower())
        nominative = [p for p in ps if p.tag.case == "nomn" and p.tag.number != "plur"]
        if ps and not nominative:
            return None
        return word
    return None


def _document_issuer(ctx: Context, a: int, b: int, before: int, window: int = 800) -> str | None:
    """"— говорится в сообщении." after "… говорится в сообщении Трампа в Твиттере": who issued the document
    the clause names, from the last mention of the same document just before that names its issuer (any
    document when the clause calls it just "документ"/"текст"), or from a sentence that tells who published
    it ("Янукович обнародовал своё обращение")."""
    text = ctx.text
    doc = next((lemma(w) for w in words(text[a:b]) if lemma(w) in marks.DOCUMENT_NOUNS), None)
    if doc is None:
        return None
    if doc in marks.GENERIC_DOCUMENTS:  # "в тексте обращения": the appeal, not any document named before
        doc = documents.described_document(text, a, b) or doc
    for m in reversed(list(WORDS_RE.finditer(text, max(0, before - window), before))):
        lem = lemma(m.group())
        if lem != doc and (doc not in marks.GENERIC_DOCUMENTS or lem not in marks.FORMAL_DOCUMENTS):
            continue
        if any(qa <= m.start() < qb for qa, qb in ctx.quoted_regions()):
            continue  # "«Эта статья была обновлена…»": a document named inside a quotation
        issuer = _issuer_after(ctx, m.start(), m.end()) or _publisher(ctx, m.start(), m.end()) \
            or _site_named(text, lem, m.end())
        if issuer is not None or doc in marks.GENERIC_DOCUMENTS:
            return issuer  # "документ" is the closest document named before, whoever issued it
    return None


_SITE_NAME = re.compile(r"[ \u00a0]+«([А-ЯЁA-Z][^«»\n]{1,40})»")


def _site_named(text: str, noun: str, end: int) -> str | None:
    """"сайт «Радио Свобода»": a site's name in quotation marks right after "сайт"/"портал" is its owner's (not a
    document's title, as after "закон" or "доклад")."""
    m = _SITE_NAME.match(text, end) if noun in marks.SITE_NOUNS else None
    return m.group(1) if m is not None else None


def _issuer_after(ctx: Context, start: int, end: int) -> str | None:
    """The person or body named right after a document noun, in the genitive ("в указе Путина", "в заявлении
    пресс-секретаря Белого дома Сары Сандерс", "в сообщении МИД России")."""
    text = ctx.text
    stop = min(_clause_end(text, end, len(text)), end + 80)
    groups = _groups(ctx, end, stop)
    if groups:
        between = len(words(text[end:groups[0].start]))
        role = ctx.registry.role_before(text, groups[0].start) if between > 1 else None
        if between <= 1 or (role and between == len(words(role))):
            return person_speaker(ctx, groups[0], None, start)[0]
    org = ctx.orgs.at(end, stop)
    if org is not None and len(words(text[end:_org_start(ctx, org, end)])) <= 1:
        return org.name()
    return _generic_issuer(ctx, start, words(text[end:stop])[:2])


def _generic_issuer(ctx: Context, pos: int, ws: list[str]) -> str | None:
    """"в отчете компании", "в отчёте центра", "в сообщении российской компании": the organisation the generic
    word (marks.GENERIC_ORG_WORDS, in the genitive) points back to, else None."""
    for w in ws:
        low = w.lower()
        if not w[:1].islower():
            return None
        if lemma(low) in marks.GENERIC_ORG_WORDS and any(p.tag.case == "gent" for p in parses(low)[:2]):
            org = ctx.orgs.refer(pos, low)
            return org.name() if org is not None else None
    return None


def _publisher(ctx: Context, start: int, end: int) -> str | None:
    """Who published the document mentioned at text[start:end], when its sentence says so with a verb of
    publishing ("Янукович обнародовал своё обращение", "постановление подписал премьер Дмитрий Медведев") or, for a
    law or resolution, of adopting ("Верховная рада приняла закон"):
    the person named as the subject there, else the body (in the nominative)."""
    text = ctx.text
    line = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    a = sentence_start(text, line, start)
    b = sentence_end(text, end, len(text) if line_end < 0 else line_end)
    adopted = lemma(text[start:end].lower()) in marks.ADOPTED_DOCUMENTS
    verbs = [m for m in WORDS_RE.finditer(text, a, b) if m.group()[:1].islower() and (
        lemma(m.group()) in marks.PUBLISH_VERBS or adopted and lemma(m.group()) in marks.ADOPTING_VERBS)]
    if not verbs or not any(abs(v.start() - start) < 60 for v in verbs):
        return None
    for g in _groups(ctx, a, b):
        if may_be_subject(text, g) and not (start <= g.start < end + 80 and g.start > start):
            return person_speaker(ctx, g, None, a)[0]
    org = ctx.orgs.at(a, start)
    if org is not None and any(nom and a <= at < start for at, _, nom in org.forms):
        return org.name()
    return None


def _org_start(ctx: Context, org, lo: int) -> int:
    """Where the first mention of org at or after lo begins."""
    return next((m.start for m in ctx.orgs.mentions if m.start >= lo and ctx.orgs.orgs[m.key] is org), lo)


_THAT_ONE_SAID = re.compile(r"(?:^|(?<=[,;.]))[ \u00a0]*[Тт]от[ \u00a0]+([а-яё]+)")


_RELAYING_GERUNDS = frozenset("процитировав цитируя приведя приводя сославшись ссылаясь".split())
_QUOTE_THEN_DASH = re.compile(r"[ \u00a0\t]*[«\"„][^«»\n]*(?:«[^«»\n]*»[^«»\n]*)*[»\"“][ \u00a0\t]*[,!?…]?[ \u00a0\t]*[—–-][ \u00a0\t]*")


def speaker_before(ctx: Context, a: int, b: int) -> tuple[str | None, str | None]:
    """Who speaks in a clause before the quote ("X заявил:"): the subject before the verb, else after it."""
    text = ctx.text
    a = _last_clause_with_verb(text, a, b)
    that_one = _THAT_ONE_SAID.search(text, a, b)
    if that_one is not None and speech_verb(that_one.group(1))[0]:  # "спросил Гляделкина, …, тот ответил:"
        person = ctx.registry.before(that_one.start(), False)
        return (person.name(False), person.role) if person is not None else (None, None)
    verb = next((m for m in WORDS_RE.finditer(text, a, b) if speech_verb(m.group())[0]
                 and not _inside_marks(text, a, m.start())), None)
    _, feminine = speech_verb(text[a:b])
    v = verb.start() if verb else b
    if verb is not None and _QUOTE_THEN_DASH.fullmatch(text, a, v) and not _impersonal(verb.group()) \
            and not _relays(text, v, b) and not any(w.lower() in _RELAYING_GERUNDS for w in words(text[v:b])):
        that_after = _THAT.search(text, verb.end(), b)
        after = speaker_in(ctx, verb.end(), that_after.start() if that_after else b, v)
        if after[0] is not None:  # "«Деньги заложены …», – заявил на это Козак, добавив, что … «…»": not the words
            return after  # quoted before the verb, the one named after it
    later = _relative_speaker_after(ctx, a, verb, b) if verb is not None else None
    if later is not None:  # "цитируют министра … Авигдора Либермана, который уже предупредил … «…»"
        return later
    if _anonymous(text, a, _reported_from(text, verb, b)):
        return None, None
    outlet = _outlet_after_verb(text, verb.end(), b) if verb is not None else None
    if outlet is None and verb is not None:
        outlet = _bare_outlet_subject(ctx, a, verb)
    if outlet is not None:
        return outlet, None
    experiencer = _experiencer(ctx, a, b)
    if experiencer is not None:
        return experiencer
    authors = documents.authors_issuer(ctx, a, v, a)  # "Авторы доклада считают": the document's issuer
    if authors is not None:
        return authors
    cited = _cited_author(ctx, a, b)
    if cited is not None:
        return cited
    body = (_body_right_before(ctx, a, verb) or _reported_body(ctx, verb, b)) if verb is not None else None
    if body is not None:
        return body, None
    near = _subject_right_before(ctx, a, v, feminine)
    if near is not None:
        return near
    relative = _relative_subject(ctx, a, v, feminine)
    if relative is not None:  # "слова Льва Троцкого, который так прокомментировал …:"
        return relative
    groups = [g for g in _groups(ctx, a, v) if (may_be_subject(text, g) or _role_named(text, a, g)
                                                or _undeclined_subject(ctx, g) or _opinion_holder_at(text, a, g.start))
              and not _named_object(text, g) and not _after_pronoun_verb(text, a, g)
              and (not _oblique_form(ctx, g) or _opinion_holder_at(text, a, g.start))]  # "По словам Дмитрия …"
    that = _THAT_ONLY.search(text, a, v)
    if that and any(g.start < that.start() for g in groups):
        groups = [g for g in groups if g.start < that.start()]  # "X сказал, что Y …": Y is not the speaker
    if groups:
        return person_speaker(ctx, groups[-1], feminine, a)
    inverted = _subject_after_verb(ctx, verb.end(), b) if verb is not None else None
    if inverted is not None:
        return person_speaker(ctx, inverted, feminine, a)
    body = _body_after_verb(ctx, verb, b) if verb is not None else None
    if body is not None:
        return body, None
    apposed = _apposed_to_role(ctx, a, v, feminine)
    if apposed is not None:
        return person_speaker(ctx, apposed, feminine, a)
    found, who = _other_speaker(ctx, a, v, a, feminine, before=True)
    if found:
        return who
    if verb is not None:
        that_after = _THAT.search(text, verb.end(), b)
        if that_after is not None and _impersonal(verb.group()) and speech_verb(text[that_after.end():b])[0]:
            that_after = None  # "отмечается, что в ведомстве считают «…»": the clause after "что" names who speaks
        after_end = that_after.start() if that_after else b
        if any(_named_object(text, g) for g in _groups(ctx, verb.end(), after_end)[:1]):
            return None, None  # "пропаганда назвала Сталина «…»": the one named, no subject the rules can name
        after = speaker_in(ctx, verb.end(), after_end, a)
        if after != (None, None) or _unnamed_source(text, verb.end(), after_end):
            return after
        if _impersonal(verb.group()):
            ctx.documented[a] = document_speaker(ctx, a, b, a)
            return ctx.documented[a], None
        if _plural(verb.group()) and not any(may_be_subject(text, g) for g in _groups(ctx, a, b)):
            if _bare_verb(text, a, verb):  # "в МИД Болгарии заявили: «…». Но заметили, что «…»": the body goes on
                return documents.continuing_body(ctx, a), None
            return None, None  # "Как проинформировали медики, «…»": many unnamed speak, not the one named before
        return ctx.refer(a, feminine)
    return None, None


_INSERTED_OUTLET = re.compile(r"[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?([а-яё]+)[ \u00a0]+(?:«([А-ЯЁA-Z][^«»\n]{0,40}?)»|"
                             r"((?:The[ \u00a0]+)?[A-Z][A-Za-z.&'’-]+(?:[ \u00a0]+[A-Z][A-Za-z.&'’-]*){0,3}))[ \u00a0]*,")


_BARE_OPENERS = re.compile(r"(?:(?:но|а|и|также|еще|ещё|кроме того|при этом|тем не менее)(?: |$))*")  # whole phrases


def _bare_verb(text: str, a: int, verb: re.Match) -> bool:
    """Only a conjunction or a linking adverb stands before the verb in its clause ("Но заметили, что"): no word
    that could name who speaks ("Как проинформировали медики")."""
    return _BARE_OPENERS.fullmatch(" ".join(w.lower() for w in words(text[a:verb.start()]))) is not None \
        and not any(w[:1].isupper() for w in words(text[verb.end():_verb_clause_end(text, verb.end())]))


_CLAUSE_MARK = re.compile(r"[,:;.!?«»\"—–\n]")


def _verb_clause_end(text: str, pos: int) -> int:
    """Where the clause from pos ends: the next comma, colon, dash, quotation mark or sentence end."""
    m = _CLAUSE_MARK.search(text, pos)
    return m.start() if m is not None else len(text)


def _body_right_before(ctx: Context, a: int, verb: re.Match) -> str | None:
    """"После переговоров главы российского МИД Сергея Лаврова и госсекретаря США …, в Госдепе заявили, что …": a body
    in the locative right before a plural speech verb, with no subject of its own in its clause before it, speaks
    (not a role or a name in the genitive earlier in the clause)."""
    text = ctx.text
    if not _plural(verb.group()):  # ("поинтересовались" is plural, though it ends as an impersonal "-лись")
        return None
    mention = next((m for m in reversed(ctx.orgs.mentions) if a <= m.start and m.end <= verb.start()), None)
    if mention is None or text[mention.end:verb.start()].strip(" \u00a0") \
            or not re.search(r"(?<![А-ЯЁа-яё])[Вв]о?[ \u00a0]+$", text[max(a, mention.start - 4):mention.start]):
        return None
    if documents.subject_before(text, a, mention.start):
        return None  # "Представители партии в Госдуме заявили": the representatives speak
    return ctx.orgs.orgs[mention.key].name()


def _reported_body(ctx: Context, verb: re.Match, b: int) -> str | None:
    """"В издании отмечается, что в ответ на запрос Евангелической службы печати, в МИД ответили, что …": after an
    impersonal verb that reports a text, a body in the locative right before a later plural speech verb speaks (the
    words relayed are the original speaker's)."""
    if not _impersonal(verb.group()):
        return None
    text = ctx.text
    later = [m for m in WORDS_RE.finditer(text, verb.end(), b) if speech_verb(m.group())[0]
             and not _inside_marks(text, verb.end(), m.start())]
    return _body_right_before(ctx, verb.end(), later[-1]) if later else None


def _bare_outlet_subject(ctx: Context, a: int, verb: re.Match) -> str | None:
    """"Некоторые из них газета называет «…»": an outlet noun in the nominative singular right before a singular
    verb is its subject (not "некоторые", which would take "называют"); the outlet is the one the article names."""
    ws = words(ctx.text[a:verb.start()])
    if not ws or not ws[-1][1:].islower() or lemma(ws[-1].lower()) not in marks.OUTLET_NOUNS:
        return None
    noun = next((p for p in parses(ws[-1].lower())[:2] if p.tag.case == "nomn" and p.tag.number == "sing"), None)
    tag = next(iter(parses(verb.group().lower())[:1]), None)
    if noun is None or tag is None or tag.tag.POS != "VERB" or tag.tag.number != "sing" \
            or tag.tag.tense == "past" and tag.tag.gender != noun.tag.gender:
        return None
    return _outlet_named_before(ctx, verb.start(), lemma(ws[-1].lower()))


_COMMA_BEFORE = re.compile(r",[ \u00a0]*$")
_BODY_CLAUSE_END = re.compile(r"[,.;:!?«»\"()—–\n]")


def _body_after_verb(ctx: Context, verb: re.Match, b: int) -> str | None:
    """"Представители … примут участие в заседании …, сообщило Министерство энергетики Азербайджана.": after a
    comma, a singular speech verb whose clause goes on with an organisation (maybe after a time word) and nothing
    else: the body is the subject that says the words, whoever the reported clause before it names."""
    text = ctx.text
    if not _COMMA_BEFORE.search(text, max(0, verb.start() - 3), verb.start()) or _plural(verb.group()) \
            or _impersonal(verb.group()):
        return None
    end = _BODY_CLAUSE_END.search(text, verb.end(), b)
    end = end.start() if end is not None else b
    if ctx.orgs.at(verb.end(), end) is None or _groups(ctx, verb.end(), end):
        return None
    m = next((m for m in ctx.orgs.mentions if verb.end() <= m.start < end), None)
    if m is None or not all(w.islower() and (w in ("в", "во", "на") or _time_adverb(w) or _time_noun(w))
                            for w in words(text[verb.end():m.start])):
        return None
    if any(w[:1].isupper() for w in words(text[m.end:end])):
        return None  # more names after the body: another's words, or a person ("сообщил глава МЧС Иванов")
    return ctx.orgs.orgs[m.key].name()


def _time_noun(word: str) -> bool:
    """"в среду", "сегодня утром": a weekday or part of the day after a speech verb, before its subject."""
    return lemma(word) in marks.TIME_NOUNS


def _outlet_after_verb(text: str, v_end: int, b: int) -> str | None:
    """"Одна из групп протестующих, уточняет газета «Труд», пришла …": an outlet noun in the nominative and the
    outlet's name right after the speech verb, closed by a comma, is the verb's subject whatever comes before."""
    m = _INSERTED_OUTLET.match(text, v_end, b)
    if m is None or lemma(m.group(1)) not in marks.OUTLET_NOUNS \
            or not any(p.tag.case == "nomn" for p in parses(m.group(1))[:2]):
        return None
    return (m.group(2) or m.group(3)).rstrip(".")


_RELATIVE_SUBJECT = re.compile(r",[ \u00a0]+(который|которая)[ \u00a0]+")
_PRONOUN_VERB = re.compile(r"(?<![А-ЯЁа-яё])(?:он|она)[ \u00a0]+(?:не[ \u00a0]+)?[а-яё]+(?:л|ла|ло)[ \u00a0]+$")


def _relative_subject(ctx: Context, a: int, v: int, feminine: bool | None) -> tuple[str | None, str | None] | None:
    """"Хорошо известны слова Льва Троцкого, который так прокомментировал …:": a relative pronoun in the nominative
    opens the clause of the speech verb; the name right before its comma, in whatever case, is who speaks."""
    m = None
    for m in _RELATIVE_SUBJECT.finditer(ctx.text, a, v):
        pass
    if m is None:
        return None
    g = next((g for g in reversed(_groups(ctx, a, m.start())) if g.end == m.start()), None)
    return person_speaker(ctx, g, feminine, a) if g is not None else None


def _relative_speaker_after(ctx: Context, a: int, verb: re.Match, b: int) -> tuple[str | None, str | None] | None:
    """"Журналисты цитируют министра обороны Авигдора Либермана, который уже предупредил … «…»": after the clause's
    first speech verb, a relative clause ("…, который …") with a speech verb of its own comes last before the quote;
    the name right before its comma, in whatever case, speaks."""
    text = ctx.text
    m = None
    for m in _RELATIVE_SUBJECT.finditer(text, verb.end(), b):
        pass
    if m is None or _inside_marks(text, a, m.start()):
        return None
    said, feminine = speech_verb(text[m.end():b])
    if not said or feminine is not None and feminine != (m.group(1) == "которая"):
        return None
    g = next((g for g in reversed(_groups(ctx, verb.end(), m.start())) if g.end == m.start()), None)
    return person_speaker(ctx, g, feminine, a) if g is not None else None


def _after_pronoun_verb(text: str, a: int, g: Group) -> bool:
    """"он отправил Мэй письмо:": a name right after "он"/"она" and its verb is the verb's object, not its subject."""
    return _PRONOUN_VERB.search(text, max(a, g.start - 40), g.start) is not None


def _named_after_verb(ctx: Context, a: int, b: int) -> tuple[str, str | None] | None:
    """"Другие детали о госкорпорации добавлял бывший замминистра, член совета директоров Виктор Кудрявый: «…»":
    when the clause before a colon gave nobody, a person named in full after its speech verb speaks."""
    verb = next((m for m in WORDS_RE.finditer(ctx.text, a, b) if speech_verb(m.group())[0]
                 and not _inside_marks(ctx.text, a, m.start())), None)
    if verb is None or _impersonal(verb.group()):
        return None
    that = _THAT.search(ctx.text, verb.end(), b)
    after = speaker_in(ctx, verb.end(), that.start() if that else b, verb.start())
    return after if after[0] is not None and " " in after[0] and after[0] in ctx.people_by_name() else None


_COMPLEMENT_NEXT = re.compile(r"[ \u00a0]*(?:[«\"„“]|[а-яё])")


def _named_object(text: str, g: Group) -> bool:
    """"пропаганда назвала Сталина «самым успешным лидером»": a name right after a verb of naming with its
    complement following is the one named (not "назвал Владимир Путин:", the subject after the verb)."""
    return lemma(_prev_word(text, g.start, 0)) in marks.NAMING_VERBS and _COMPLEMENT_NEXT.match(text, g.end) is not None


_UNDECLINED_GAP = 3  # words ("так", "категорически", "не") between an undeclined subject and its verb


def _undeclined_subject(ctx: Context, g: Group) -> bool:
    """"В одном из интервью Дутерте так прокомментировал": a surname written as the article's canonical nominative
    gives it, though morphology reads it in an oblique case (it does not decline), with no preposition right before,
    and a finite verb in the singular just after that agrees with it (the noun before it, if any, does not)."""
    person = ctx.registry.lookup(g)
    if person is None or person.name().split()[-1] != g.tokens[-1] \
            or len(g.tokens) > 1 and not can_be_nominative(g.tokens[:-1]):
        return False  # (not "сторонников Брекзита Найджел Фарадж", "в окружении Михаила Саакашвили")
    text = ctx.text
    before = _prev_word(text, g.start, 0)
    if before in _SKIP_BEFORE and before != "интервью" or before in marks.PREPOSITION_NOUNS:
        return False  # ("в одном из интервью Дутерте так прокомментировал": his interview, his words)
    verb = _verb_after(text, g.end)
    if verb is None or verb.tag.number != "sing" or \
            (verb.tag.gender is not None and person.feminine is not None and
             verb.tag.gender != ("femn" if person.feminine else "masc")):
        return False
    return not any(p.tag.POS == "NOUN" and {"nomn", verb.tag.number} <= p.tag.grammemes
                   and (verb.tag.gender is None or p.tag.gender == verb.tag.gender) and not is_role_word(before)
                   for p in parses(before)[:2]) if before else True


def _verb_after(text: str, pos: int) -> Any | None:
    """The finite verb among the first words after pos, past adverbs and particles ("так", "не"), else None."""
    for m in list(WORDS_RE.finditer(text, pos, pos + 60))[:_UNDECLINED_GAP + 1]:
        ps = parses(m.group().lower())[:3]
        if ps and ps[0].tag.POS == "VERB":
            return ps[0]
        if not any(p.tag.POS in ("ADVB", "PRCL") for p in ps):
            return None
    return None


_EXPERIENCER_PRONOUNS = {"его": False, "её": True, "ее": True}


def _experiencer(ctx: Context, a: int, b: int) -> tuple[str | None, str | None] | None:
    """"Долгова смущает участие …:", "Его беспокоит …": an experiencer in the accusative opening the clause, right
    before a verb of feeling, is the one whose words follow: a person the article names, or who a pronoun points to."""
    ms = list(WORDS_RE.finditer(ctx.text, a, b))[:2]
    if len(ms) < 2 or ms[1].group().lower() not in marks.EXPERIENCER_VERBS or ctx.text[ms[0].end():ms[1].start()].strip():
        return None
    first = ms[0].group()
    if first.lower() in _EXPERIENCER_PRONOUNS:
        who = ctx.refer(ms[0].start(), _EXPERIENCER_PRONOUNS[first.lower()])
        return who if who[0] is not None else None
    g = next((g for g in _groups(ctx, ms[0].start(), ms[0].end()) if g.start == ms[0].start()), None)
    person = ctx.registry.lookup(g, None) if g is not None else None
    return (person.name(), person.role) if person is not None else None


def _apposed_to_role(ctx: Context, a: int, v: int, feminine: bool | None) -> Group | None:
    """"Представитель администрации президента Радж Шах пояснил": a name after a genitive role noun that cannot be
    in the genitive itself and agrees in gender with the verb is the head role's apposition, so the subject
    (not "Жена … вратаря Клаудио Браво отреагировала", where the name shows no case and the verb is feminine)."""
    if feminine is None:
        return None
    gender = "femn" if feminine else "masc"
    for g in reversed(_groups(ctx, a, v)):
        if any(not _nominative_only(t, gender) for t in g.tokens):
            continue
        role = role_before(ctx.text, g.start)
        if role is not None and role.split(" ")[0] in ctx.text[a:g.start].lower():
            return g
    return None


def _nominative_only(token: str, gender: str) -> bool:
    """The word reads as a nominative of the gender and never as a genitive or an indeclinable word."""
    ps = parses(token.lower())
    return bool(ps) and not any({"gent"} & p.tag.grammemes or "Fixd" in p.tag.grammemes for p in ps) \
        and any("nomn" in p.tag.grammemes and p.tag.gender == gender for p in ps)


def _clause_colon(text: str, a: int, b: int) -> int:
    """The last colon in text[a:b] that ends a clause (a blank after it), not one of a time or a score ("в 17:00",
    "2:1"); -1 when there is none."""
    c = text.rfind(":", a, b)
    while c >= 0 and not text[c + 1:c + 2].isspace():
        c = text.rfind(":", a, c)
    return c


def _last_clause_with_verb(text: str, a: int, b: int) -> int:
    """Where the last part of text[a:b] after a semicolon starts, when that part holds a speech verb ("Курировала
    проект Юлия Потапова; как отмечает Владимир Кумов, именно"): the clause before it has its own subject."""
    reply = None
    for reply in _REPLY.finditer(text, a, b):
        pass
    if reply is not None and not _inside_marks(text, a, reply.start()) and speech_verb(text[reply.end():b])[0]:
        a = reply.end()  # "Ведущая спросила у Бигелоу …, на что магнат ответил": the one who answers
    semi = max(text.rfind(";", a, b), _clause_colon(text, a, b))  # ("…, отмечают, что …: в сталинскую эпоху,
    if semi >= 0 and not _inside_marks(text, a, semi) and speech_verb(text[semi + 1:b])[0]:  # говорит Гнилорыбов, …")
        a = semi + 1
    a = _contrasted_subject_clause(text, a, b)
    return _reported_speaker_clause(text, a, b)


_CONTRAST = re.compile(r",[ \u00a0]+(?:а|но|однако|зато|тогда[ \u00a0]+как|в[ \u00a0]+то[ \u00a0]+время[ \u00a0]+как)[ \u00a0]+")


def _contrasted_subject_clause(text: str, a: int, b: int) -> int:
    """Where the last ", а …"/", но …"/", однако …" part of text[a:b] starts when it has a speech verb and a named subject of
    its own before it ("Линднер заявил, что …, а его коллега Фолькер Виссинг обвинил канцлера в «…»"): that
    subject speaks, not the one of the first clause."""
    last = None
    for last in _CONTRAST.finditer(text, a, b):
        pass
    if last is None or _inside_marks(text, a, last.start()):
        return a
    verb = next((m for m in WORDS_RE.finditer(text, last.end(), b) if speech_verb(m.group())[0]), None)
    if verb is None or _inside_marks(text, last.end(), verb.start()) \
            or _SUBORDINATE.search(text, last.end(), verb.start()):
        return a
    groups = find_groups(text, last.end(), verb.start())
    return last.end() if any(may_be_subject(text, g) or _role_named(text, last.end(), g) for g in groups) else a


def _role_named(text: str, lo: int, g: Group) -> bool:
    """A full name right after a role noun in the nominative ("чиновник Олег Митволь"), read as a subject even
    when the name's own forms are unsure."""
    before = words(text[lo:g.start])
    return len(g.tokens) >= 2 and bool(before) and is_role_word(before[-1]) and _nominative_singular(before[-1])


def _reported_speaker_clause(text: str, a: int, b: int) -> int:
    """Where the clause after "что" starts when it reports speech of its own with a named subject ("Эксперты
    считают, что Бласик произнёс следующие слова:"): the words quoted are that subject's, not the reporter's."""
    first = next((m for m in WORDS_RE.finditer(text, a, b) if speech_verb(m.group())[0]), None)
    if first is None:
        return a
    that = None
    for that in _THAT_ONLY.finditer(text, first.end(), b):
        pass
    if that is None or _inside_marks(text, a, that.start()):
        return a
    inner = next((m for m in WORDS_RE.finditer(text, that.end(), b) if speech_verb(m.group())[0]), None)
    if inner is None or _CLAUSE_BREAK.search(text, that.end(), inner.start()) \
            or not find_groups(text, that.end(), inner.start()):
        return a  # "что Джонсон сыграл роль …, а также назвал": the reporter goes on speaking
    return that.end()


_REPLY = re.compile(r",[ \u00a0]+на[ \u00a0]+что(?![А-ЯЁа-яё])")


def _inside_marks(text: str, a: int, pos: int) -> bool:
    """pos lies inside a quoted name opened after a: "радиостанции «Говорит Москва», сказал": not the clause's verb."""
    seg = text[a:pos]
    return seg.count("«") > seg.count("»") or seg.count('"') % 2 == 1


_INVERTED_WORDS = 8  # words after the verb a subject that follows it may stand


def _subject_after_verb(ctx: Context, v: int, b: int) -> Group | None:
    """"Мнение Пушкова подтвердил сам новый министр Джереми Хант, который …": with no subject before the verb, a full
    name in the nominative right after it (before any comma or "что") is the subject."""
    text = ctx.text
    stop = _CLAUSE_BREAK.search(text, v, b)
    that = _THAT.search(text, v, stop.start() if stop else b)
    end = that.start() if that else (stop.start() if stop else b)
    for g in _groups(ctx, v, end):
        if len(words(text[v:g.start])) > _INVERTED_WORDS:
            return None
        if (g.full or _also_named(ctx, v, g)) and may_be_subject(text, g) and not _oblique_form(ctx, g) \
                and not _named_object(text, g):
            return g
    return None


_ALSO_BEFORE = re.compile(r"[ \u00a0]+(?:и|также|тоже)[ \u00a0]+$")


def _also_named(ctx: Context, v: int, g: Group) -> bool:
    """"Его слова подтвердил и Трамп:": a surname alone the article named, right after the verb and "и"/"также" ("X
    too"): the subject (not the object, as in "предупредила Мэй")."""
    return ctx.text[v:g.start].count(" ") <= 2 and _ALSO_BEFORE.search(ctx.text, max(v, g.start - 12), g.start) is not None \
        and ctx.registry.lookup(g) is not None


def _relays(text: str, a: int, b: int) -> bool:
    """text[a:b] holds a word of relaying ("процитировал", "приводит слова"): the name after it is the one quoted."""
    return any(w.lower().replace("ё", "е") in _RELAYING for w in words(text[a:b]))


_CITED = re.compile(r"(?<![А-ЯЁа-яё])(?:цитат[аеуыой]{1,2}|строк[аиуой]{1,2})[ \u00a0]+из[ \u00a0]+(?=[А-ЯЁ])", re.IGNORECASE)


def _cited_author(ctx: Context, a: int, b: int) -> tuple[str | None, str | None] | None:
    """"цитата из Николая Карамзина:", "строки из Пушкина:": the person whose words are cited, named right after."""
    for m in _CITED.finditer(ctx.text, a, b):
        g = next((g for g in ctx.registry.groups(ctx.text, m.end(), b) if g.start == m.end()), None)
        if g is not None:
            return person_speaker(ctx, g, None, a)
    return None


_THAT = re.compile(r"(?<![А-ЯЁа-яё])(?:что|чтобы|как)(?![А-ЯЁа-яё])")
_CLAUSE_BREAK = re.compile(r"[,;:(]")
_THAT_ONE = re.compile(r"(?<![А-ЯЁа-яё])(?:тот|та)(?![А-ЯЁа-яё])")


def _subject_right_before(ctx: Context, a: int, v: int, feminine: bool | None) -> tuple[str | None, str | None] | None:
    """The subject in the clause right before the verb, when the sentence starts with another clause ("Касаясь
    того, что Си Цзиньпин …, эксперт отметил"): the name or role there, not a name from the clause before."""
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(ctx.text, a, v)), default=a)
    if cut == a or not ctx.text[cut:v].strip():
        return None
    groups = _groups(ctx, cut, v)
    if groups:
        return person_speaker(ctx, groups[-1], feminine, cut)
    named = _name_then_role(ctx, a, cut, v)
    if named is not None:
        return person_speaker(ctx, named, feminine, a)
    ws = words(ctx.text[cut:v])
    that_one = _THAT_ONE.search(ctx.text, cut, v)
    if that_one is not None:  # "поскольку тот утверждал": the person named last, not the subject before
        person = ctx.registry.before(that_one.start(), True if that_one.group() == "та" else feminine)
        return (person.name(), person.role) if person is not None else None
    if not any(w[:1].islower() and (is_role_word(w) or _person_noun(w) is not None) for w in ws):
        return None
    found, who = _other_speaker(ctx, cut, v, a, feminine, before=True)
    return who if found else None


def _name_then_role(ctx: Context, a: int, cut: int, v: int) -> Group | None:
    """"Виктор Казанцев, полномочный представитель Президента России в Южном федеральном округе сообщил:": the
    clause opens with a full name alone before a comma, and what follows up to the verb is a role with no verb,
    conjunction or pronoun: the role is the name's apposition, so the name is the subject."""
    first = ctx.text.find(",", a, v)
    if first < 0 or ctx.text.find(",", first + 1, v) >= 0 or first + 1 != cut:
        return None
    groups = _groups(ctx, a, first)
    if len(groups) != 1 or ctx.text[a:first].strip() != ctx.text[groups[0].start:groups[0].end].strip():
        return None
    g = groups[0]
    ws = words(ctx.text[cut:v])
    if not g.full or not may_be_subject(ctx.text, g) or not ws or not is_role_word(ws[0]) and not (
            len(ws) > 1 and is_role_word(ws[1])):
        return None
    if any(w[:1].islower() and (is_verb(w) or w.lower() in _APPOSITION_STOP or w.lower() in marks.PRONOUNS)
           for w in ws):
        return None
    return g


_THAT_ONLY = re.compile(r"(?<![А-ЯЁа-яё])(?:что|чтобы)(?![А-ЯЁа-яё])")  # not "как": "до того, как Трамп написал"


def _plural(verb: str) -> bool:
    """A speech verb in the plural ("заявили", "сообщили", "Они говорят:"): its subject is no single person."""
    if speech_verb(verb) != (True, None):
        return False
    low = verb.lower()
    return low.endswith("ли") or any(p.tag.POS == "VERB" and p.tag.number == "plur" for p in parses(low)[:1])


def _impersonal(verb: str) -> bool:
    """"говорится", "отмечалось", "сказано": a text speaks, not a person."""
    low = verb.lower()
    return low.endswith(("тся", "лось", "лись", "но")) and low not in ("заявлено",) or low in ("гласит",)


# --- article rules -----------------------------------------------------------------------------

_LABEL = re.compile(r"[ \u00a0\t]*([А-ЯЁA-Z][^:.!?«»\"\n]{1,80}):[ \u00a0\t]*(?:([—–-])[ \u00a0\t]*)?(.*)$")
_DASH_START = re.compile(r"[ \u00a0\t]*[—–-][ \u00a0\t]*")
_INTERVIEWER = frozenset("вопрос корреспондент журналист ведущий ведущая интервьюер rt".split())


def _label_name(name: str, tokens: tuple[str, ...]) -> str:
    """A speaker line names its speaker in the nominative: "Бусейна Шаабан:" is her name as written, whatever
    other forms the article suggests; a shorter label ("Путин:") takes the fuller name."""
    written = " ".join(tokens)
    if len(tokens) == len(name.split()) and written.lower() != name.lower() and all(t.istitle() for t in tokens):
        return written
    return name


def _speaker_label(ctx: Context, a: int, b: int) -> tuple[bool, str | None, str | None]:
    """Whether line a..b is an interview speaker line ("Александр Бурков:"), and who it names."""
    m = _LABEL.match(ctx.text, a, b)
    if not m:
        return False, None, None
    label = m.group(1).strip()
    ws = words(label)
    if not ws or len(ws) > 8 or any(w[:1].islower() and is_verb(w) for w in ws):
        return False, None, None  # "Пришел Путин к гадалке и спрашивает:" is narrative, not a speaker line
    groups = find_groups(ctx.text, m.start(1), m.end(1))
    if groups:
        person = ctx.registry.lookup(groups[-1])
        if person is not None:
            return True, _label_name(person.name(), groups[-1].tokens), person.role
        return True, " ".join(groups[-1].tokens), ctx.registry.role_before(ctx.text, groups[-1].start)  # nominative
    if any(w.lower() in _INTERVIEWER for w in ws):
        return True, "", None
    if any(is_role_word(w) for w in ws):
        person = ctx.registry.by_role(ws[0])
        return True, person.name() if person else None, label
    return False, None, None


_EXPERT_LABEL = re.compile(r"[ \u00a0\t]*([А-ЯЁ][^,:\n]{2,60}),[ \u00a0\t]*([^:\n]{3,300}):[ \u00a0\t]*"
                           r"(?:$|[—–-][ \u00a0\t]*(?=[А-ЯЁA-Z«\"]))")
_MAX_EXPERT_ROLE_WORDS = 40


def _expert_label(ctx: Context, i: int) -> tuple[str, str, int] | None:
    """"Виталий Егоров, организатор проекта …, научно-популярный блогер:" above a "— …" paragraph: a speaker line
    that names a person in full and describes them (no verb: not "Иван Петров, глава X, заявил:"); (name, role,
    where the turn may start on the same line). The line may be broken once inside the description (a link's
    words on a line of their own)."""
    a, b = ctx.paras[i]
    found = _named_label(ctx, _EXPERT_LABEL.match(ctx.text, a, b))
    if found is None and i > 0 and ctx.text[ctx.paras[i - 1][1] - 1:ctx.paras[i - 1][1]] not in ".!?…:":
        found = _named_label(ctx, _EXPERT_LABEL.match(ctx.text[:b].replace("\n", " "), ctx.paras[i - 1][0], b))
    if found is None:
        return None
    m, group = found
    ws = words(m.group(2))
    if len(ws) > _MAX_EXPERT_ROLE_WORDS or any(w[:1].islower() and (is_verb(w) or speech_verb(w)[0]) for w in ws):
        return None
    person = ctx.registry.lookup(group)
    name = person.name() if person is not None else normalize_tokens(group.tokens)[0]
    return name, m.group(2).strip(), m.end()


def _named_label(ctx: Context, m: re.Match | None) -> tuple[re.Match, Group] | None:
    """The label match and its name group, when what stands before the first comma is exactly one full name."""
    if m is None:
        return None
    groups = find_groups(ctx.text, m.start(1), m.end(1))
    if len(groups) != 1 or not groups[0].full or groups[0].start != m.start(1) or groups[0].end != m.end(1):
        return None
    return m, groups[0]


def _next_line(ctx: Context, i: int) -> int:
    """Index of the first non-blank paragraph after paragraph i (len(paras) when none)."""
    j = i + 1
    while j < len(ctx.paras) and not ctx.text[ctx.paras[j][0]:ctx.paras[j][1]].strip():
        j += 1
    return j


def _dash_follows(ctx: Context, i: int) -> bool:
    j = _next_line(ctx, i)
    return j < len(ctx.paras) and _DASH_START.match(ctx.text, *ctx.paras[j]) is not None


def interview_turns(ctx: Context) -> Iterator[Found]:
    """Interview blocks: a speaker line "Имя Фамилия:" then "— …" paragraphs, one quote per turn. Turns without
    dashes ("RT: …" / "Бусейна Шаабан:" over a plain paragraph) are not quotes: the text has no speech marks
    (the gold conventions, tests/gold/README.md)."""
    paras = ctx.paras
    labels: list[tuple[int, str | None, str | None, int]] = []  # para index, speaker, role, text start
    for i, (a, b) in enumerate(paras):
        line = ctx.text[a:b]
        if ":" not in line or len(line) > 400:
            continue
        ok, speaker, role = _speaker_label(ctx, a, b)
        if not ok:
            expert = _expert_label(ctx, i)
            if expert is None:
                continue
            speaker, role, start = expert
            if start < b:  # "…, астрофотограф: — Для меня …" on one line
                labels.append((i, speaker, role, start))
            elif _dash_follows(ctx, i):
                labels.append((i, speaker, role, _DASH_START.match(ctx.text, *ctx.paras[_next_line(ctx, i)]).end()))
            continue
        m = _LABEL.match(ctx.text, a, b)
        assert m is not None
        if m.group(3).strip():
            if m.group(2):
                labels.append((i, speaker, role, m.start(3)))
            continue
        j = _next_line(ctx, i)
        if j < len(paras):
            d = _DASH_START.match(ctx.text, paras[j][0], paras[j][1])
            if d:
                labels.append((i, speaker, role, d.end()))
    for n, (i, speaker, role, start) in enumerate(labels):
        stop_para = labels[n + 1][0] if n + 1 < len(labels) else len(paras)
        end = start
        for a, b in paras[i:stop_para]:
            if ctx.text[a:b].strip() and b > end:
                end = b
        end = _rstrip(ctx.text, start, end)
        if end - start < 2:
            continue
        yield Found(start, end, "interview_turn", speaker or None, role)  # "Корреспондент:" turns count too


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1].isspace():
        b -= 1
    return b


_DIALOGUE_ATTR = re.compile(r"([,!?…])[ \u00a0]*[—–-][ \u00a0]+(?=[а-яёa-zА-ЯЁ])")
_CONTINUE = re.compile(r"[.,:]?[ \u00a0]*[—–-][ \u00a0]+")


def dialogue_lines(ctx: Context) -> Iterator[Found]:
    """Direct speech after a dialogue dash: "— Текст, — сказал X. — Продолжение." (one quote)."""
    text = ctx.text
    for a, b in ctx.paras:
        d = _DASH_START.match(text, a, b)
        if not d or d.end() == a or not text[a:b].strip():
            continue
        start = d.end()
        for m in _DIALOGUE_ATTR.finditer(text, start, b):
            if text.count("«", start, m.start()) != text.count("»", start, m.start()) \
                    or text.count('"', start, m.start()) % 2:
                continue  # the attribution belongs to a quotation that closes inside this line
            clause_end = _clause_end(text, m.end(), b)
            has_verb, _ = speech_verb(text[m.end():clause_end])
            if not has_verb or len(words(text[m.end():clause_end])) > 14:
                continue
            cont = _CONTINUE.match(text, clause_end, b)
            end = _rstrip(text, start, b) if cont else m.start(1) + (1 if m.group(1) in "!?…" else 0)
            speaker, role = speaker_in(ctx, m.end(), clause_end, start)
            yield Found(start, end, "dialogue_dash", speaker, role)
            break


_CLAUSE_STOP = re.compile(r"[.!?…](?![0-9A-Za-zА-ЯЁа-яё])|[:;«\"\n]|[ \u00a0][—–-][ \u00a0]")


_ASKED = re.compile(r"(?<![А-ЯЁа-яё])вопрос[а-я]*[ \u00a0]*$")
_QUESTION = re.compile(r"«[^«»\n]{1,80}»")
# (The three alternatives never match the same text, so a failed match cannot backtrack exponentially: an initial's
# dot is its own alternative, followed by a space and a capital, after a capital standing alone.)
_SHORT_NAME = re.compile(r"[«\"](?:[^«»\".!?…\n]|\.(?=[A-Za-zА-ЯЁа-яё])|(?<=[^А-ЯЁа-яё][А-ЯЁ])\.[ \u00a0](?=[А-ЯЁ]))"
                         r"{1,60}[!?]?[»\"]")  # «Говорите громче!», «Туалет.ру», «Институт … имени А.Н. Соколовского»


def _clause_end(text: str, pos: int, hi: int) -> int:
    """End of an attribution clause: the next sentence end, dash or quotation mark (not a quoted name:
    "— сказал «НГ» начальник штаба")."""
    while True:
        m = _CLAUSE_STOP.search(text, pos, hi)
        if m is None:
            return hi
        name = _SHORT_NAME.match(text, m.start(), hi) if m.group() in "«\"" else None
        if name is None and m.group() == "«" and _ASKED.search(text, max(pos, m.start() - 12), m.start()):
            name = _QUESTION.match(text, m.start(), hi)  # "— ответил на вопрос «Откуда вы?» Иван Петров"
        if name is None and m.group() == "." and _ABBREVIATED.search(text, max(0, m.start() - 12), m.start()) \
                and _CAPITAL_NEXT.match(text, m.end(), hi):
            name = m  # "МГУ им. М.В. Ломоносова Владимир Бушуев": an abbreviation or an initial, not a sentence end
        if name is None and m.group() == "." and _ACTING.search(text, max(0, m.start() - 6), m.start()):
            name = m  # "— заявил и.о. главного юрисконсульта Twitter Шон Эджетт": "и.о." is no sentence end
        if name is None:
            return m.start()
        pos = name.end()  # past the quoted name's closing mark too ("— сообщил "Интерфаксу" источник")


_ABBREVIATED = re.compile(r"(?<![А-ЯЁа-яё])им(?:ени|\.)?(?:[ \u00a0]*[А-ЯЁ]\.){0,1}[ \u00a0]*[А-ЯЁ]?$")
_CAPITAL_NEXT = re.compile(r"[ \u00a0]?[А-ЯЁ]")
_ACTING = re.compile(r"(?<![А-ЯЁа-яё])и(?:\.[ \u00a0]?о)?$")


_LIST_START = re.compile(r"[ \u00a0\t]*(?:[—–\-•*·]|\d+[.)]|[a-zа-я][.)])")


def colon_block(ctx: Context) -> Iterator[Found]:
    """"Он сказал:" closing a paragraph, then a paragraph of unmarked direct speech."""
    text, paras = ctx.text, ctx.paras
    for i, (a, b) in enumerate(paras):
        end = _rstrip(text, a, b)
        if end == a or text[end - 1] != ":":
            continue
        sa = sentence_start(text, a, end)
        clause = text[sa:end]
        if not speech_verb(clause)[0] or len(words(clause)) > 25:
            continue
        j = i + 1
        while j < len(paras) and not text[paras[j][0]:paras[j][1]].strip():
            j += 1
        if j >= len(paras):
            continue
        qa, qb = paras[j]
        line = text[qa:qb].strip()
        if not line or line[0] in "«\"„“" or _LIST_START.match(text, qa, qb) or len(words(line)) < 4:
            continue
        speaker, role = speaker_before(ctx, sa, end)
        yield Found(qa, qb, "colon_block", speaker, role)


# --- quotation-mark rules ------------------------------------------------------------------------

_AFTER = re.compile(r"[,.!?…]?[ \u00a0]*[—–-][ \u00a0]+")


def _inner_words(ctx: Context, span: MarkSpan) -> list[str]:
    a, b = span.inner
    return words(ctx.text[a:b])


def _after_clause(ctx: Context, span: MarkSpan, hi: int) -> tuple[int, int] | None:
    m = _AFTER.match(ctx.text, span.close + 1, hi)
    if not m:
        return None
    end = _clause_end(ctx.text, m.end(), hi)
    link = _link_after_preposition(ctx.text, m.end(), end, hi)
    if link is not None:
        return m.end(), link
    if end >= _rstrip(ctx.text, m.end(), hi) and len(words(ctx.text[m.end():end])) <= 2:
        if not ctx.text[m.end():hi].strip():
            verb_line = _next_line_attribution(ctx.text, hi)
            if verb_line is not None:
                return m.end(), verb_line
        return m.end(), _next_line_name(ctx.text, hi, end)
    return m.end(), end


_PREPOSITION_END = re.compile(r"(?<![А-ЯЁа-яё])(?:в|во|на)$")
_LINK_LINE = re.compile(r"\r?\n([^\n.!?…:;«»\"]{1,60})(?=\r?\n|$)")  # a link's words on a line of their own


def _link_after_preposition(text: str, a: int, end: int, hi: int) -> int | None:
    """"«…», — говорится в ⏎заявлении ФСБ⏎": the clause runs to its paragraph's end on a preposition and the
    link's words on the next line finish it; the end of those words, or None."""
    stop = _rstrip(text, a, hi)
    if end < stop or not _PREPOSITION_END.search(text, max(a, stop - 3), stop):
        return None
    link = _LINK_LINE.match(text, hi)
    return link.end(1) if link is not None and link.group(1).strip() else None


_LOWER_LINE = re.compile(r"[ \u00a0]*\r?\n[ \u00a0]*(?=[а-яё])")


def _next_line_attribution(text: str, hi: int) -> int | None:
    """"«…», —⏎написала лидер демократов Нэнси Пелоси⏎в Twitter.": the line after a dash that ends its paragraph
    opens with the speech verb; the end of that attribution clause, or None."""
    m = _LOWER_LINE.match(text, hi)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    end = _clause_end(text, m.end(), len(text) if line_end < 0 else line_end)
    first = WORDS_RE.match(text, m.end())
    if first is None or not speech_verb(first.group())[0]:
        return None
    return end


_NAME_LINE = re.compile(r"[ \u00a0]*\r?\n[ \u00a0]*([^\n.!?«»\"]{2,40}?)[ \u00a0.]*\r?(?:\n|$)")


def _next_line_name(text: str, hi: int, end: int) -> int:
    """"— утверждает⏎The Daily Beast⏎": the speaker's name, a link in the original, went to a line of its own."""
    m = _NAME_LINE.match(text, _rstrip(text, 0, hi))
    if m is None or len(words(m.group(1))) > 5 or not m.group(1)[:1].isupper():
        return end
    rest = re.compile(r"[ \u00a0]*\r?\n[ \u00a0]*(?=[а-яё])").match(text, m.end(1) + (text[m.end(1):m.end(1) + 1] == " "))
    if rest is None:  # "— цитирует⏎Nasdaq⏎главного директора компании Дугласа Чифу.": the sentence goes on
        return m.end(1)
    line_end = text.find("\n", rest.end())
    return _clause_end(text, rest.end(), len(text) if line_end < 0 else line_end)


_CONTINUATION = re.compile(r"[.,:]?[ \u00a0]*[—–-][ \u00a0]*")


def _merge_continuation(ctx: Context, spans: list[MarkSpan], span: MarkSpan, clause_end: int, hi: int) -> int:
    """When «part one», — said X, — «part two» follows, return the end of part two; else span's end. The dash is
    needed: «A», — сказал X. «B» and «A», — сказал X, добавив, что «B» are two quotes."""
    m = _CONTINUATION.match(ctx.text, clause_end, hi)
    if m is None:
        return span.close
    nxt = m.end()
    for s in spans:
        if s.open == nxt and ctx.text[s.open] == ctx.text[span.open]:
            return s.close
    return span.close


def quote_dash_after(ctx: Context, span: MarkSpan, para: tuple[int, int], spans: list[MarkSpan]) -> Found | None:
    """«…», — заявил X.  /  «…», — X заявил.  /  «…», — приводит РИА Новости слова X."""
    clause = _after_clause(ctx, span, para[1])
    if clause is None:
        return None
    a, b = clause
    if _name_in_sentence(ctx, span, para):
        return None
    has_verb, _ = speech_verb(ctx.text[a:b])
    if has_verb and len(_inner_words(ctx, span)) <= 2 and not _verb_leads(ctx.text, a, b):
        return None  # «Новатор» — он иногда упоминается …: a name followed by a narrative dash
    if not has_verb:
        first = ctx.text[a:b].split(",")[0]
        if 3 <= len(_inner_words(ctx, span)) and len(words(first)) <= 5 and _starts_with_name(ctx, a, b):
            rule = "quote_dash_name"
        elif 3 <= len(_inner_words(ctx, span)) and len(words(first)) <= _MAX_ACT_WORDS and _past_verb_leads(ctx.text, a, b):
            rule = "quote_dash_act"  # «…», — проявил самоиронию футболист.
        elif 3 <= len(_inner_words(ctx, span)) and _verb_then_name(ctx, a, a + len(first)):
            rule = "quote_dash_act"  # «…», — не исключает аналитик компании «Финам» Алексей Коренев.
        else:
            return None
    else:
        rule = "quote_dash_verb"
    speaker, role = speaker_in(ctx, a, b, span.open)
    if speaker is None:
        inner = quote_inner_attribution(ctx, span, para, spans)  # «A, — отмечает X. — B», — говорит эксперт.
        speaker, role = (inner.speaker, inner.role) if inner is not None else (None, None)
    end = _merge_continuation(ctx, spans, span, b, para[1])
    return Found(span.open + 1, end, rule, speaker, role)


_MAX_NAME_WORDS = 4
_THAT_WORDS = frozenset("что чтобы будто как мол якобы".split())
_WORD_BEFORE = re.compile(r"([А-ЯЁа-яёA-Za-z-]+)[ \u00a0]*$")


def _name_in_sentence(ctx: Context, span: MarkSpan, para: tuple[int, int]) -> bool:
    """"… в «Црвене Звезде» и «Наполи», — приводит слова игрока …", "оплачивал ее подконтрольный ему «Российский
    фонд мира» — депутат говорил …": the quotation stands inside a sentence, after a lowercase word that is no
    speech verb, and is a short capitalised name or one or two lowercase words: a name or a term, not words said."""
    text = ctx.text
    a = sentence_start(text, para[0], span.open)
    m = _WORD_BEFORE.search(text, a, span.open)
    if m is None or not m.group(1)[:1].islower() or speech_verb(m.group(1))[0] or m.group(1) in _THAT_WORDS:
        return False  # "заявил, что «Мы готовы к диалогу», — …": the clause of what was said
    inner = text[span.open + 1:span.close].strip()
    ws = words(inner)
    if inner[:1].islower():
        return len(ws) <= 2
    return inner[:1].isupper() and len(ws) <= _MAX_NAME_WORDS and not re.search(r"[.!?…,:;]", inner)


_MAX_ACT_WORDS = 6


def _past_verb_leads(text: str, a: int, b: int) -> bool:
    """The clause after «…», — opens with a verb in the past tense (any act of the speaker: "проявил самоиронию",
    "не скрывал радости"), so it attributes the quote even without a speech verb."""
    ws = words(text[a:b])[:2]
    if ws and ws[0].lower() == "не":
        ws = ws[1:]
    if not ws or not ws[0][:1].islower():
        return False
    ps = parses(ws[0])
    return bool(ps) and ps[0].tag.POS == "VERB" and ps[0].tag.tense == "past" and ps[0].score > 0.5


_MAX_NAMED_ACT_WORDS = 12


def _verb_then_name(ctx: Context, a: int, b: int) -> bool:
    """The clause after «…», — opens with a finite verb of any tense (not a speech verb: "не исключает", "уверен")
    and goes on to name a person in the nominative ("аналитик компании «Финам» Алексей Коренев"), as an
    attribution does."""
    ws = words(ctx.text[a:b])
    if len(ws) > _MAX_NAMED_ACT_WORDS:
        return False
    head = ws[1:2] if ws[:1] == ["не"] else ws[:1]
    if not head or not head[0][:1].islower():
        return False
    ps = parses(head[0])
    if not ps or ps[0].tag.POS not in ("VERB", "PRTS", "ADJS") or ps[0].score < 0.5:
        return False
    return any(g.full and may_be_subject(ctx.text, g) for g in _groups(ctx, a, b))


def _verb_leads(text: str, a: int, b: int) -> bool:
    """The attribution clause opens with its speech verb, maybe after a pronoun ("— крикнул он", "— он сказал")."""
    ws = words(text[a:b])[:2]
    if ws and ws[0].lower() in marks.PRONOUNS:
        ws = ws[1:]
    return bool(ws) and speech_verb(ws[0])[0]


def _starts_with_name(ctx: Context, a: int, b: int) -> bool:
    groups = find_groups(ctx.text, a, b)
    return bool(groups) and not ctx.text[a:groups[0].start].strip(" \u00a0")


_INNER_ATTR = re.compile(r"([,!?…])[ \u00a0]*[—–-][ \u00a0]+(?=[а-яё])")


def _verb_opens(text: str, a: int, b: int) -> bool:
    """The clause between the two parts starts with a finite verb of the third person ("— вещал Каганович, —",
    "— поддерживает коллегу евродепутат X. —"): any verb there attributes the quotation."""
    ws = words(text[a:b])
    if len(ws) < 2:
        return False
    ps = parses(ws[0].lower())
    if not ps:  # text pymorphy3 cannot take
        return False
    tag = ps[0].tag
    return tag.POS == "VERB" and "1per" not in tag.grammemes and "2per" not in tag.grammemes


_CONJUNCTIONS = frozenset("а и но или что как ведь да зато однако".split())


def _conjunction_opens(text: str, a: int, b: int) -> bool:
    """The dashed-off words open with a conjunction ("— а касалось их, как они считали, … —"): the quotation's own
    aside, not its attribution."""
    first = WORDS_RE.search(text, a, b)
    return first is not None and first.group() in _CONJUNCTIONS


def quote_inner_attribution(ctx: Context, span: MarkSpan, para: tuple[int, int], spans: list[MarkSpan]) -> Found | None:
    """«Часть первая, — сказал X. — Часть вторая» (one quote)."""
    a, b = span.inner
    for m in _INNER_ATTR.finditer(ctx.text, a, b):
        clause_end = _clause_end(ctx.text, m.end(), b)
        if not _CONTINUE.match(ctx.text, clause_end, b) or _conjunction_opens(ctx.text, m.end(), clause_end):
            continue
        if not speech_verb(ctx.text[m.end():clause_end])[0] and not _verb_opens(ctx.text, m.end(), clause_end):
            continue
        speaker, role = speaker_in(ctx, m.end(), clause_end, span.open)
        return Found(a, b, "quote_inner_attribution", speaker, role)
    return None


def _before_clause(ctx: Context, pos: int, para: tuple[int, int]) -> tuple[int, int]:
    return sentence_start(ctx.text, para[0], pos), pos


_BOX_LINES = 4  # lines a box of related links takes: its head, a headline, a lead, maybe a blank


def _before_related_box(text: str, pos: int) -> int:
    """Where the lines just before pos start, when they are a box of related links (" Также по теме \n «…»: Путин о
    … \n Телеканал … у... \n") set between a colon and its quotation; else pos."""
    end = pos - 1
    for n in range(_BOX_LINES):
        if end <= 0:
            break
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip().lower() in marks.RELATED_BOX_HEADS:
            return start if n >= 2 else pos  # a headline right under the head is part of the box, not after it
        end = start - 1
    return pos


def _colon_clause(ctx: Context, span: MarkSpan, para: tuple[int, int]) -> tuple[int, int] | None:
    """The clause that ends with the colon right before «…» (maybe at the end of the previous paragraph)."""
    text = ctx.text
    pre = text[max(para[0], span.open - 4):span.open].rstrip(" \u00a0\t")
    if pre.endswith(":"):
        a, b = _before_clause(ctx, span.open, para)
    elif not text[para[0]:span.open].strip() and para[0] >= 2:
        prev_end = _rstrip(text, 0, para[0] - 1)
        if prev_end > 0 and text[prev_end - 1] != ":":
            prev_end = _rstrip(text, 0, _before_related_box(text, para[0]) - 1)
        if prev_end == 0 or text[prev_end - 1] != ":":
            return None
        lo = text.rfind("\n", 0, prev_end) + 1
        a, b = sentence_start(text, lo, prev_end), prev_end
    else:
        return None
    return max(a, text.rfind(";", a, b) + 1), b  # "заключили соглашение; получили в Балаклаве: «…»": the last clause


def quote_colon_before(ctx: Context, span: MarkSpan, para: tuple[int, int], spans: list[MarkSpan]) -> Found | None:
    """X заявил: «…»  (also when the colon ends the previous paragraph)."""
    clause = _colon_clause(ctx, span, para)
    if clause is None:
        return None
    a, b = clause
    text = ctx.text
    label = _label_before(ctx, span, para)
    if label is not None and len(_inner_words(ctx, span)) >= 2:
        return Found(span.open + 1, span.close, "quote_colon", label, None)
    has_verb, _ = speech_verb(text[a:b])
    groups = find_groups(text, a, b)
    nouns = any(w.lower() in marks.SPEECH_NOUNS for w in words(text[a:b]))
    if not (has_verb or nouns or (groups and _name_label(ctx, groups[-1], b, span))):
        return None
    if not has_verb and not nouns and _labelled_heading(ctx, span, para, a):
        return None
    if len(_inner_words(ctx, span)) < 2:
        return None
    speaker, role = speaker_before(ctx, a, b)
    if speaker is None:
        speaker, role = _named_after_verb(ctx, a, b) or (speaker, role)
    if speaker is None:
        speaker, role = _owner_of_words(ctx, a, b) or (speaker, role)
    return Found(span.open + 1, span.close, "quote_colon", speaker, role)


_OWNER_MODIFIERS = 2  # adjectives between the noun and its owner's name ("афоризм незабвенного Виктора Черномырдина")


def _owner_of_words(ctx: Context, a: int, b: int) -> tuple[str, str | None] | None:
    """"Заявление Сергея Бодрунова:", "Не менее любопытно высказывание Терезы Мэй:": a noun for words said
    (marks.OWNED_SPEECH_NOUNS) with a person's name in the genitive right after it (maybe after an adjective or two)
    in the clause before the colon: that person. A name that is the sentence's subject is speaker_before's."""
    text = ctx.text
    for m in WORDS_RE.finditer(text, a, b):
        w = m.group().lower()
        if lemma(w) not in marks.OWNED_SPEECH_NOUNS:
            continue
        g = next((g for g in _groups(ctx, m.end(), b) if g.start >= m.end()), None)
        if g is None:
            return None
        between = words(text[m.end():g.start])
        if len(between) > _OWNER_MODIFIERS or not all(
                w[:1].islower() and any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "gent" for p in parses(w)[:2])
                for w in between):
            return None
        if may_be_subject(text, g) or not (g.full or ctx.registry.lookup(g)) or ctx.orgs.at(g.start, g.end):
            return None
        return person_speaker(ctx, g, None, a)
    return None


_LABEL_QUOTE = re.compile(r"[ \u00a0\t]*([А-ЯЁ][^,:\n]{2,60}),[ \u00a0\t]*([^:\n«»\"]{3,300}):[ \u00a0\t]*[«\"]")


def _label_before(ctx: Context, span: MarkSpan, para: tuple[int, int]) -> str | None:
    """"Иосиф Линдер, президент … ассоциации: «…»": a paragraph that opens with a full name and a description with no
    verb, then the quotation after a colon: that person's canonical name, else None."""
    m = _LABEL_QUOTE.match(ctx.text, para[0], span.open + 1)
    if m is None or m.end() != span.open + 1:
        return None
    found = _named_label(ctx, m)
    if found is None or any(w[:1].islower() and (is_verb(w) or speech_verb(w)[0]) for w in words(m.group(2))):
        return None
    own = normalize_tokens(found[1].tokens)[0]
    person = ctx.registry.lookup(found[1])
    if person is None or person.name().split()[-1] != own.split()[-1]:
        return own  # ("Олег Аронович, врач …" is not "Олег Меерович" named before)
    return person.name()


def quote_colon_sentence(ctx: Context, span: MarkSpan, para: tuple[int, int], spans: list[MarkSpan]) -> Found | None:
    """X настроен скептически: «Можно …».  — whole quoted sentences after a colon, with no speech verb; tried after
    the rules that read a speech verb or "по словам", so it never overrides their speaker."""
    clause = _colon_clause(ctx, span, para)
    if clause is None or _DASH_START.match(ctx.text, para[0], para[1]) or not _whole_sentences(ctx, span, para, *clause):
        return None  # inside a dash turn, «…» is speech within the speech
    speaker, role = speaker_before(ctx, *clause)
    if speaker is not None and speaker not in _article_names(ctx) and not _after_role(ctx, *clause, speaker):
        speaker, role = None, None  # without a speech verb only a person the article names is trusted to speak
    if speaker is None:
        speaker, role = _speaker_goes_on(ctx, clause[0], para) or _opinion_holder_clause(ctx, *clause) \
            or (speaker, role)
    return Found(span.open + 1, span.close, "quote_colon_sentence", speaker, role)


def _opinion_holder_clause(ctx: Context, a: int, b: int) -> tuple[str, str | None] | None:
    """"По мнению кандидата исторических наук Фёдора Гайда, речь Милюкова была направлена …:" then «…»: a clause
    opening with "по мнению"/"по словам" and a name up to its comma, before the colon: that person."""
    m = _ACCORDING.match(ctx.text, a) or _inserted_according(ctx.text, a, b)
    if m is None:
        return None
    comma = ctx.text.find(",", m.end(), b)
    if comma < 0:
        return None
    who = speaker_in(ctx, m.end(), comma, b)
    return who if who[0] is not None and who[0] in _article_names(ctx) else None


_COMMA_BEFORE = re.compile(r",[ \u00a0]*$")


def _inserted_according(text: str, a: int, b: int) -> re.Match | None:
    """"…, то это, по мнению Брауна, можно объяснить …:": "по мнению" set off by a comma inside the clause, outside
    quotation marks."""
    return next((m for m in _ACCORDING.finditer(text, a, b) if _COMMA_BEFORE.search(text, a, m.start())
                 and not _inside_marks(text, a, m.start())), None)


def _speaker_goes_on(ctx: Context, a: int, para: tuple[int, int]) -> tuple[str, str | None] | None:
    """"Николай Петров, в свою очередь, уверен, что заявки надо было подавать на 19 марта. И теперь это обязательно
    нужно сделать на начало мая: «…»": a clause before the colon that names nobody and has no pronoun or person noun,
    right after a sentence of the same paragraph in which a named person is the subject of a speech verb and nothing is
    quoted: that person goes on speaking."""
    text = ctx.text
    if _groups(ctx, a, text.find(":", a) if text.find(":", a) > 0 else a) or ctx.orgs.at(a, text.find(":", a)):
        return None
    if any(w.lower() in marks.PRONOUNS or w.lower() in _FIRST_PERSON or is_role_word(w) or _person_noun(w.lower())
           is not None for w in words(text[a:text.find(":", a)])):
        return None
    prev = _previous_sentence(ctx, a, para)
    if prev is None or prev[0] < para[0] or any(c in text[prev[0]:prev[1]] for c in "«»\"„“"):
        return None
    verb = next((m for m in WORDS_RE.finditer(text, *prev) if speech_verb(m.group())[0]), None)
    if verb is None or _impersonal(verb.group()) or _plural(verb.group()):
        return None
    subjects = [g for g in _groups(ctx, prev[0], verb.start()) if may_be_subject(text, g) and (
        g.full or ctx.registry.lookup(g))]
    if len(subjects) != 1:
        return None
    return person_speaker(ctx, subjects[0], speech_verb(verb.group())[1], prev[0])


_MIN_COLON_SENTENCE_WORDS = 5


def _article_names(ctx: Context) -> set[str]:
    """Canonical names of the people the body names, and of those its lead names in full."""
    names = {p.name() for p in ctx.registry.people.values()}
    lead = ctx.lead_context
    if lead is not None:
        names |= {p.name() for p in lead.registry.people.values() if len(p.tokens) >= 2}
    return names


def _after_role(ctx: Context, a: int, b: int, speaker: str) -> bool:
    """The speaker is a name in the clause right after a role phrase ("военный в отставке Жером свое мнение
    обосновал так:"): someone the article introduces there, trusted though the registry does not hold them."""
    return any(" ".join(g.tokens) == speaker and (role_before(ctx.text, g.start) is not None
                                                  or _described_before(ctx.text, a, g.start))
               for g in _groups(ctx, a, b))


_DESCRIBED = re.compile(r"(?<![А-ЯЁа-яё])([а-яё]+)(?:[ \u00a0]+(?:в[ \u00a0]+отставке|на[ \u00a0]+пенсии))?[ \u00a0]+$")


def _described_before(text: str, a: int, pos: int) -> bool:
    """"военный в отставке Жером": a person noun or a substantivised adjective in the nominative right before."""
    m = _DESCRIBED.search(text, a, pos)
    return m is not None and any({"nomn", "sing"} <= p.tag.grammemes and (p.tag.POS == "ADJF" or "anim" in p.tag.grammemes)
                                 for p in parses(m.group(1)))


_ELIDED_OPENING = " \u00a0\t….[]()"


def _capitalised(inner: str) -> bool:
    """The quoted words open with a capital letter, past an ellipsis marking a cut («…Хватаюсь за книгу», «[…] Мы»)."""
    return inner.lstrip(_ELIDED_OPENING)[:1].isupper()


def _whole_sentences(ctx: Context, span: MarkSpan, para: tuple[int, int], a: int, b: int) -> bool:
    """After a colon, «…» is an utterance even without a speech verb ("Директор настроен скептически: «Можно …»",
    "формулирует так: «…»"): five words or more, capitalised, the sentence ending where the quotation does, and
    a clause before with a verb (not "Лето в России:") that shows no inscription ("вывесили баннер:")."""
    text = ctx.text
    inner = text[span.open + 1:span.close].strip()
    if len(words(inner)) < _MIN_COLON_SENTENCE_WORDS or not _capitalised(inner) or _heading(ctx, span, para):
        return False
    if not (span.close + 1 >= para[1] or _AFTER_END.match(text, span.close + 1, para[1])):
        return False
    lows = [w.lower() for w in words(text[a:b])]
    if any(lemma(w) in marks.NOT_UTTERANCE_WORDS for w in lows):
        return False
    return any(is_verb(w) or _short_form(w) for w in lows)


def _short_form(word: str) -> bool:
    """"настроен", "уверена": a short participle or adjective as the predicate."""
    ps = parses(word)
    return bool(ps) and ps[0].tag.POS in ("PRTS", "ADJS")


def _labelled_heading(ctx: Context, span: MarkSpan, para: tuple[int, int], clause: int) -> bool:
    """A paragraph that is only a name, a colon and a quotation with no stop at its end ("Кирпа: «Противник был
    скользкий, но результатом я доволен»"): a section heading over the turns or words it sums up, not a quote of
    its own. "Андрей Рябинский: «… если память не изменяет»." ends a sentence: a quote."""
    return not ctx.text[para[0]:clause].strip() and _alone_after(ctx.text, span, para) \
        and not _CLOSING_STOP.search(ctx.text[span.open + 1:span.close])


def _alone_after(text: str, span: MarkSpan, para: tuple[int, int]) -> bool:
    """Nothing but blanks after the closing mark in the paragraph."""
    return not text[span.close + 1:para[1]].strip()


def _name_label(ctx: Context, g: Group, colon: int, span: MarkSpan) -> bool:
    """"Путин: «Мы …»": a speaker's name right before the colon, not a place ("в Балаклаве: «штольню …»")."""
    text = ctx.text
    return not text[g.end:colon].strip(" \u00a0:") and _prev_word(text, g.start, 0) not in _SKIP_BEFORE \
        and _capitalised(text[span.open + 1:span.close])


_ACCORDING = re.compile(marks.ACCORDING_TO, re.IGNORECASE)


def quote_according_to(ctx: Context, span: MarkSpan, para: tuple[int, int], spans: list[MarkSpan]) -> Found | None:
    """По словам X, «…».  /  Как заявил X, «…»."""
    a = sentence_start(ctx.text, para[0], span.open)
    m = None
    for found in _ACCORDING.finditer(ctx.text, a, span.open):
        if not _inside_marks(ctx.text, a, found.start()):
            m = found  # not "«…, как выразился Ленин», — напишет Троцкий, назвавший … «…»": words quoted before
    if m is None or len(_inner_words(ctx, span)) < 3:
        return None
    comma = ctx.text.find(",", m.end(), span.open)
    clause_end = comma if comma > 0 else span.open
    if _several_holders(ctx, m.end(), span.open):
        return Found(span.open + 1, span.close, "quote_according_to", None, None)
    speaker, role = speaker_in(ctx, m.end(), clause_end, span.open)
    if speaker is None and re.search(r"\b(его|её|ее)\b", ctx.text[m.start():clause_end]):
        fem = "его" not in ctx.text[m.start():clause_end]
        speaker, role = ctx.refer(m.start(), fem)  # "по его словам, … Ханта, который «…»": not Хант
    if speaker is None and m.group().lower().split()[1].startswith("собственн") and words(ctx.text[a:m.start()]):
        speaker, role = speaker_before(ctx, a, m.start())  # "… сплоховал, по собственному признанию: «…»": the subject's
    if speaker is None and comma > 0:
        speaker, role = _holder_apposed(ctx, m.end(), comma, span.open) or (speaker, role)
    if speaker is None:
        speaker, role = _holder_by_noun(ctx, m.end(), clause_end) or (speaker, role)
    if speaker is None:
        speaker = _adjective_surname_holder(ctx.text, m, clause_end)
    return Found(span.open + 1, span.close, "quote_according_to", speaker, role)


_HOLDERS_JOINED = re.compile(r"[ \u00a0]*(?:,|и)[ \u00a0]*(?:[А-ЯЁ]\.[ \u00a0]?){0,2}")


def _several_holders(ctx: Context, a: int, qs: int) -> bool:
    """"По оценке исследователей Эрнста Ульриха фон Вайцзеккера, Эймори Блок Ловинса и Л. Хантер Ловинса, «…»": the
    words are held by two or more people named in a list joined by commas and "и": several people speak together,
    none of them alone (the gold's null)."""
    groups = [g for g in _groups(ctx, a, qs) if g.full or ctx.registry.lookup(g)]
    if len(groups) < 2 or "," in ctx.text[a:groups[0].start] \
            or " и " not in ctx.text[groups[0].end:groups[-1].start].replace("\u00a0", " "):
        return False
    return all(_HOLDERS_JOINED.fullmatch(ctx.text, x.end, y.start) for x, y in zip(groups, groups[1:])) \
        and not words(ctx.text[groups[-1].end:qs].split(",")[0])


_INITIALS_HEAD = re.compile(r"[ \u00a0]*(?:[А-ЯЁ]\.[ \u00a0]?){1,2}(?=[А-ЯЁ][а-яё])")


def _adjective_surname_holder(text: str, m: re.Match, end: int) -> str | None:
    """"Как пишет Швабский, «…»", "По словам Швабского, «…»": a lone capitalised surname shaped like an adjective
    ("-ский", which name groups keep only after a first name) is all the clause holds: that surname, in the
    nominative."""
    ws = words(text[m.end():end])
    initialled = _INITIALS_HEAD.match(text, m.end(), end) is not None  # "Как пишет В. Швабский, «…»"
    if initialled:
        ws = ws[len(_INITIALS_HEAD.match(text, m.end(), end).group().split(".")) - 1:]
    if len(ws) != 1 or not ws[0][:1].isupper() or name_kind(ws[0]) != "Adj":
        return None
    if m.group().lower().startswith("как") and not initialled:
        return _proper_noun_after_verb(text, m.start(), end)
    return normalize_tokens((ws[0],), None)[0]


_HOLDER_MODIFIERS = frozenset("ADJF PRTF NUMR".split())


def _holder_by_noun(ctx: Context, a: int, b: int) -> tuple[str, str | None] | None:
    """"По мнению конгрессмена, …", "по словам оппозиционного кандидата": the holder after "по словам" is a person
    noun in the genitive singular (after its adjectives only), no name, no unnamed source: the person it refers back
    to, as a role word ("конгрессмен" held by someone named) or as a pronoun would."""
    ws = words(ctx.text[a:b])
    lows = [w.lower() for w in ws]
    i = 0
    while i < len(lows) - 1 and any(p.tag.POS in _HOLDER_MODIFIERS for p in parses(lows[i])[:1]):
        i += 1
    if not lows or i >= len(lows) or not ws[i][:1].islower():
        return None
    w = lows[i]
    feminine = _person_noun(w, "gent")
    if feminine is None or lemma(w) in marks.UNNAMED or w in marks.UNNAMED or lemma(w) in marks.NOT_HOLDER_NOUNS:
        return None
    if any(p.tag.POS == "NOUN" and p.tag.case == "gent" and p.tag.number == "plur" for p in parses(w)[:1]):
        return None
    nominative = next((p.normal_form for p in parses(w) if p.tag.POS == "NOUN" and p.tag.case == "gent"), w)
    role_word = nominative if is_role_word(nominative) else None
    who = ctx.refer(a, True if feminine else None, role_word=role_word)
    return who if who[0] is not None else None


def _holder_apposed(ctx: Context, a: int, comma: int, qs: int) -> tuple[str, str | None] | None:
    """"По мнению доктора технических наук, профессора МЭИ Бориса Кудрина, «…»": the holder's role, a comma and more
    roles ending in a name in the genitive, closed by a comma before the words reported: that name."""
    end = ctx.text.find(",", comma + 1, qs)
    if end < 0:
        return None
    head = [w for w in words(ctx.text[a:comma]) if w[:1].islower()]
    if not head or not (any(is_role_word(w) or _person_noun(w, "gent") is not None for w in head)
                        or _one_of_head(ctx.text, a, comma)):
        return None
    groups = [g for g in _groups(ctx, comma + 1, end) if g.full or ctx.registry.lookup(g)]
    if len(groups) != 1 or words(ctx.text[groups[0].end:end]):
        return None
    ws = words(ctx.text[comma + 1:groups[0].start])
    if len(ws) > 8 or any(w[:1].islower() and (is_verb(w) or speech_verb(w)[0] or w.lower() in _APPOSITION_STOP
                                               and not _joins_roles(ws, i) or w.lower() in marks.PRONOUNS)
                          for i, w in enumerate(ws)):
        return None
    return person_speaker(ctx, groups[0], None, a)


def _one_of_head(text: str, a: int, comma: int) -> bool:
    """"По словам одного из участников пикетов, епископа … Григория Михнова-Вайтенко, …": the holder is "one of"
    some people, whom the apposition after the comma then names."""
    m = re.match(r"[ \u00a0]*(?:одного|одной)[ \u00a0]+из[ \u00a0]+", text[a:comma], re.IGNORECASE)
    return m is not None and _one_of_people(text, a + m.end())


def _joins_roles(ws: list[str], i: int) -> bool:
    """"журналиста и писателя Николая Долгополова": "и" between two lowercase role words joins the roles of one."""
    return ws[i] == "и" and 0 < i < len(ws) - 1 and ws[i - 1][:1].islower() and ws[i + 1][:1].islower() \
        and is_role_word(ws[i - 1]) and is_role_word(ws[i + 1])


def quote_in_speech_sentence(ctx: Context, span: MarkSpan, para: tuple[int, int], spans: list[MarkSpan]) -> Found | None:
    """X заявил, что «…» / X назвал это «…»: a quoted phrase of 3+ words in a sentence with a speech verb."""
    text = ctx.text
    ws = _inner_words(ctx, span)
    if len(ws) < 3 and not _clause_after_that(ctx, span):
        return None
    a = sentence_start(text, para[0], span.open)
    b = sentence_end(text, span.close + 1, para[1])
    has_before, _ = speech_verb(text[a:span.open])
    has_after, _ = speech_verb(text[span.close + 1:b])
    if not (has_before or has_after):
        said = _participle_speaker(ctx, a, span.open, introducing=True)  # "… Сара Вагенкнехт, подчеркнувшая: … «…»"
        return Found(span.open + 1, span.close, "quote_speech_sentence", *said) if said is not None else None
    first_verb = next((m.group().lower() for m in WORDS_RE.finditer(text, a, span.open) if speech_verb(m.group())[0]), "")
    if has_before and first_verb in marks.GERUNDS and span.close + 1 < b:
        speaker, role = speaker_in(ctx, span.close + 1, b, span.open)  # "Отметив, что «…», в МИД заявили"
        if speaker is None:
            speaker, role = speaker_before(ctx, a, span.open)
    elif has_before:
        speaker, role = speaker_before(ctx, a, span.open)
    else:
        speaker, role = _body_relayed(ctx, a, span, b) or speaker_in(ctx, span.close + 1, b, span.open)
    if has_before:
        speaker, role = _participle_speaker(ctx, a, span.open) or _newcomer_subject(ctx, a, span.open, para, speaker) \
            or (speaker, role)
    return Found(span.open + 1, span.close, "quote_speech_sentence", speaker, role)


_RELAYED_AFTER = re.compile(r"[^.!?\n]*?,[ \u00a0]*(?:[—–][ \u00a0]*)?(?:" + "|".join(marks.RELAYING_VERBS) + r")(?![А-ЯЁа-яё])")


def _body_relayed(ctx: Context, a: int, span: MarkSpan, b: int) -> tuple[str, None] | None:
    """"Совет национальной безопасности и обороны (СНБО) Украины на заседании единогласно утвердил применение «…» в
    отношении военнослужащей Надежды Савченко, …, передает пресс-служба ведомства": the quote's sentence opens with
    a body as the subject of its own verb, no person named before the quote, and the speech verb after it only
    relays the news (whoever is named between is talked about): the body's words."""
    if _RELAYED_AFTER.match(ctx.text, span.close + 1, b) is None or _groups(ctx, a, span.open):
        return None
    opening = _opening_body(ctx, a, span.open, 3)
    return (opening[0].name(), None) if opening is not None else None


def _newcomer_subject(ctx: Context, a: int, qs: int, para: tuple[int, int],
                      speaker: str | None) -> tuple[str, str | None] | None:
    """"… подожгли автомобиль главного редактора сайта Сергея Гузя. Он отметил, что … «…»", "… подкрепил доклад
    гендиректора центра Алексея Мухина. Эксперт обратил внимание, что «…»": a sentence whose subject is "он"/"она" or
    a bare person noun follows a sentence of the same paragraph that quotes nothing, reports no speech and names one
    person in full, in any case: that newcomer is who the subject stands for, not whoever spoke before."""
    text = ctx.text
    verb = next((m for m in WORDS_RE.finditer(text, a, qs) if speech_verb(m.group())[0]), None)
    ws = words(text[a:verb.start()]) if verb is not None else []
    if not ws or len(ws) > 2 or _groups(ctx, a, verb.start()):
        return None
    head = ws[0].lower()
    feminine = marks.PRONOUNS.get(head) if head in ("он", "она") else _person_noun(head)
    if head not in ("он", "она") and (feminine is None or not (is_role_word(head) or lemma(head) in marks.GENERIC_ROLES)):
        return None
    if speech_verb(verb.group())[1] is not None:
        feminine = speech_verb(verb.group())[1]
    prev = _previous_sentence(ctx, a, para)
    if prev is None or prev[0] < para[0] or any(c in text[prev[0]:prev[1]] for c in "«»\"") \
            or speech_verb(text[prev[0]:prev[1]])[0] or _ACCORDING.search(text, *prev):
        return None
    mentioned = {m.key for m in ctx.registry.mentions if prev[0] <= m.pos < prev[1] and not m.quoted}
    if len(mentioned) != 1:
        return None
    person = ctx.registry.people.get(next(iter(mentioned)))
    if person is None or len(person.tokens) < 2 or feminine is not None and person.feminine not in (None, feminine) \
            or person.name(feminine) == speaker:
        return None
    held = ctx.registry.by_role(head, qs) if head not in ("он", "она") else None
    if held is not None and held.key != person.key:
        return None  # "Президент Дмитрий Медведев … доклада вице-премьера Сергея Иванова. Президент распорядился"
    if head not in ("он", "она") and lemma(head) not in marks.GENERIC_ROLES and person.role \
            and lemma(head) not in role_lemmas(person.role):
        return None  # "… доклада вице-премьера Сергея Иванова. Президент распорядился": another office
    return person.name(feminine), person.role


_ENDS_SENTENCE = re.compile(r"[.!?…:][»\"”)]*[ \u00a0\t]*$")
_AFTER_END = re.compile(r"[»\"“”]*[.!?…]?[»\"“”)]*[ \u00a0\t]*(?:$|\n|[А-ЯЁA-Z«\"„“])")


def _previous_sentence(ctx: Context, pos: int, para: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence that ends right before pos (possibly the last one of the previous paragraph)."""
    text = ctx.text
    end = pos
    while end > 0 and text[end - 1] in " \u00a0\t\r\n":
        end -= 1
    if end == 0 or pos - end > 6:
        return None
    lo = text.rfind("\n", 0, end) + 1
    return sentence_start(text, lo, end - 1), end


def quote_after_speech_sentence(ctx: Context, span: MarkSpan, para: tuple[int, int], spans: list[MarkSpan]) -> Found | None:
    """X заявил, что … . «Quoted sentences.»  — a quotation of its own sentences right after a speech sentence."""
    text = ctx.text
    a, b = span.inner
    if len(words(text[a:b])) < 4 or not _capitalised(text[a:b]) or _heading(ctx, span, para) \
            or _section_heading(ctx, span, para) or _latin_line(text[a:b]):
        return None
    lead = text[para[0]:span.open]
    if lead.strip() and not _ENDS_SENTENCE.search(lead):
        return None
    if not _AFTER_END.match(text, min(span.close + 1, len(text)), para[1]) and span.close + 1 < para[1]:
        return None
    prev = _previous_sentence(ctx, span.open, para)
    if prev is None or text.count("«", *prev) > text.count("»", *prev):
        return None
    if not speech_verb(text[prev[0]:prev[1]])[0]:
        prev = _speech_setting(ctx, prev) or _speech_paragraph_before(ctx, span, para, prev)
        if prev is None:
            return None
    speaker, role = speaker_before(ctx, prev[0], prev[1])
    return Found(a, b, "quote_after_speech", speaker, role)


_SPEECH_SETTING = re.compile(r"(?<![А-ЯЁа-яё])в[ \u00a0]+(?:беседе|интервью|разговоре)(?![А-ЯЁа-яё])")


def _speech_setting(ctx: Context, prev: tuple[int, int]) -> tuple[int, int] | None:
    """"Михаил Касьянов в беседе с «НГ» связал … с тем, что … . «…»": the sentence before names a conversation
    the speaker had, with no speech verb; the clause up to that phrase names who talked."""
    m = _SPEECH_SETTING.search(ctx.text, *prev)
    return (prev[0], m.start()) if m is not None else None


_SENTENCE_INSIDE = re.compile(r"[.!?…][ \u00a0]+[А-ЯЁA-Z]")


def _speech_paragraph_before(ctx: Context, span: MarkSpan, para: tuple[int, int],
                             prev: tuple[int, int]) -> tuple[int, int] | None:
    """"Судаков также отметил, что … . Именно эти страны … .⏎«…»": a quotation opening its paragraph, after a
    paragraph of the author's own sentences (no quotation marks) whose first sentence reports someone's speech,
    goes on with that speaker's words. The quotation holds two sentences or more (a one-sentence line there is
    mostly the heading of the next section). The first sentence of that paragraph, when it has a speech verb."""
    text = ctx.text
    if text[para[0]:span.open].strip() or prev[0] >= para[0] or not _SENTENCE_INSIDE.search(text, *span.inner):
        return None
    line = text.rfind("\n", 0, prev[0]) + 1
    if any(c in text[line:prev[1]] for c in "«»\"„“"):
        return None
    first = (line, sentence_end(text, line, prev[1]))
    return first if speech_verb(text[first[0]:first[1]])[0] and first[1] < prev[1] else None


def _heading(ctx: Context, span: MarkSpan, para: tuple[int, int]) -> bool:
    """A quoted line alone in its paragraph, with no punctuation at all: a section heading («Нам запрещают
    читать WikiLeaks»), not speech."""
    return _alone_in_paragraph(ctx.text, span, para) and not re.search(r"[.!?…,:;—–]", ctx.text[span.open + 1:span.close])


def _alone_in_paragraph(text: str, span: MarkSpan, para: tuple[int, int]) -> bool:
    """Nothing but blanks before the opening mark and after the closing one in the paragraph."""
    return not text[para[0]:span.open].strip() and _alone_after(text, span, para)


_LATIN = re.compile("[A-Za-z]")


def _latin_line(inner: str) -> bool:
    """Mostly Latin letters: the original of an embedded tweet or post ("To all the little girls watching…") set
    under its Russian retelling, not a quote of its own."""
    return len(_LATIN.findall(inner)) > 3 * len(_CYRILLIC.findall(inner))


_MAX_HEADING_WORDS = 12
_CLOSING_STOP = re.compile(r"[.!?…][ \u00a0\t]*$")


def _section_heading(ctx: Context, span: MarkSpan, para: tuple[int, int]) -> bool:
    """A short quoted line alone in its paragraph, with nothing after the closing mark and no stop at its end,
    right after a sentence that ends a paragraph: the heading of the next section («Цель США — устранить Асада»,
    «Жёстко? Аж кровь стынет»), which reuses words said in it but is no quote of its own."""
    inner = ctx.text[span.open + 1:span.close]
    return _alone_in_paragraph(ctx.text, span, para) and len(words(inner)) <= _MAX_HEADING_WORDS \
        and not _CLOSING_STOP.search(inner)


_MIN_CARRIED_WORDS = 3


def quote_carried_fragment(ctx: Context, span: MarkSpan, para: tuple[int, int], spans: list[MarkSpan]) -> Found | None:
    """"Действия истребителя, по словам Бальданцы, небезопасны. … привёл к «очень сильной турбулентности»": a
    lowercase fragment of 3+ words in a sentence with no speech verb goes on with the words of the speaker the
    sentence right before (same paragraph) reported with a speech verb or "по словам"/"по мнению". Five words or more
    are left to quote_verbatim_fragment, which knows documents quoted piece by piece."""
    text = ctx.text
    a, b = span.inner
    inner = text[a:b].lstrip()
    ws = words(inner)
    if not inner[:1].islower() and not inner[:1].isdigit() or len(ws) >= _MIN_FRAGMENT_WORDS \
            or sum(w.lower() not in marks.PREPOSITIONS for w in ws) < _MIN_CARRIED_WORDS:
        return None  # longer fragments are quote_verbatim_fragment's; "налог на особняки" is a phrase, not words said
    sa = sentence_start(text, para[0], span.open)
    if sa <= para[0] or text.count("«", sa, span.open) > text.count("»", sa, span.open):
        return None
    prev = _previous_sentence(ctx, sa, (para[0], sa))
    if prev is None or prev[0] < para[0] or any(may_be_subject(text, g) for g in _groups(ctx, sa, span.open)) \
            or ctx.orgs.at(sa, span.open) is not None:
        return None  # "Михаил Кузнецов прочитал стихи, посвященные «своей малой родине»": a new subject
    according = None
    for according in _ACCORDING.finditer(text, *prev):
        pass
    if according is not None and according.group().lower().endswith("данным"):
        return None  # "по данным Росреестра": facts, not words
    if according is not None:
        comma = text.find(",", according.end(), prev[1])
        speaker, role = speaker_in(ctx, according.end(), comma if comma > 0 else prev[1], span.open)
        if speaker is None and re.search(r"\b(его|её|ее)\b", text[according.start():according.end()]):
            speaker, role = ctx.refer(according.start(), "его" not in text[according.start():according.end()])
        if speaker is None:
            speaker, role = _holder_by_noun(ctx, according.end(), comma if comma > 0 else prev[1]) or (speaker, role)
    elif speech_verb(text[prev[0]:prev[1]])[0] and text.count("«", *prev) == text.count("»", *prev):
        speaker, role = speaker_before(ctx, prev[0], prev[1])
    else:
        return None
    return Found(a, b, "quote_carried_fragment", speaker, role)


_MIN_FRAGMENT_WORDS = 5


def quote_verbatim_fragment(ctx: Context, span: MarkSpan, para: tuple[int, int], spans: list[MarkSpan]) -> Found | None:
    """Подрядчики будут «в указанные сроки обеспечивать суда …»: a long lowercase fragment woven into a sentence
    with no speech verb is still somebody's (or some document's) words; names and scare quotes are short or
    capitalised. The speaker is whoever was quoted just before (documents are mostly quoted piece by piece), if
    anyone was: the sentence's own subject is more often the document's topic than its author."""
    text = ctx.text
    a, b = span.inner
    inner = text[a:b].lstrip()
    ws = words(inner)
    if not _CYRILLIC_LOWER.match(inner) or len(ws) < _MIN_FRAGMENT_WORDS \
            or sum(bool(_CYRILLIC.search(w)) for w in ws) < 0.8 * len(ws):
        return None  # markup, links, a slogan in English
    sa = sentence_start(text, para[0], span.open)
    said = _participle_speaker(ctx, sa, span.open) or _stance_speaker(ctx, sa, span.open)
    if said is not None:
        return Found(a, b, "quote_fragment", *said)
    owned = _owned_words_that(ctx, sa, span.open)
    if owned is not None:
        return Found(a, b, "quote_fragment", *owned)
    subject = _subject_of_quoted_verb(ctx, sa, span.open, inner, para)
    if subject is not None:
        return Found(a, b, "quote_fragment", *subject)
    body = _body_subject_that(ctx, sa, span.open) or _according_to_document(ctx, sa, span.open)
    if body is not None:
        return Found(a, b, "quote_fragment", body)
    worded = _wording_owner(ctx, sa, span.open)
    if worded is not None:
        return Found(a, b, "quote_fragment", *worded)
    said = _said_back_next(ctx, span, para)
    if said is not None:
        return Found(a, b, "quote_fragment", *said)
    reporter = _paragraph_reporter(ctx, para, sa)
    if reporter is not None:
        return Found(a, b, "quote_fragment", *reporter)
    return Found(a, b, "quote_fragment", _fragment_goes_on(ctx, span, para, sa))


_ABOUT_THAT = re.compile(r"(?<![А-ЯЁа-яё])(?:о[ \u00a0]+том[ \u00a0]*,[ \u00a0]*)?что(?![А-ЯЁа-яё])")


def _owned_words_that(ctx: Context, sa: int, qs: int) -> tuple[str, str | None] | None:
    """"… спустя сутки после слов Порошенко о том, что Украина «сама производит …»": a noun for words said
    (marks.OWNED_SPEECH_NOUNS) with the name of a person the article knows right after it, then "(о том,) что"
    opening the clause the fragment is in, with no speech verb between: that person's words."""
    text = ctx.text
    that = _ABOUT_THAT.search(text, sa, qs)
    if that is None or speech_verb(text[that.end():qs])[0]:
        return None
    noun = None
    for m in WORDS_RE.finditer(text, sa, that.start()):
        if lemma(m.group().lower()) in marks.OWNED_SPEECH_NOUNS:
            noun = m  # (the last such noun before "что": "Заявление было сделано … после слов Порошенко")
    if noun is None:
        return None
    g = next((g for g in _groups(ctx, noun.end(), that.start())), None)
    if g is None or words(text[noun.end():g.start]) or words(text[g.end:that.start()]) \
            or ctx.registry.lookup(g) is None or ctx.orgs.at(g.start, g.end) is not None:
        return None  # the name right after the noun, "(о том,) что" right after the name
    return person_speaker(ctx, g, None, noun.start())


def _finite_singular_verb(word: str) -> bool:
    """The word reads first as a verb in the indicative, singular, in the third person or the past ("рекомендует",
    "призвал"): a predicate that needs a subject."""
    ps = parses(word.lower())[:1]
    if not ps or ps[0].tag.POS != "VERB" or ps[0].tag.number != "sing" or ps[0].tag.mood != "indc":
        return False
    return ps[0].tag.tense == "past" or ps[0].tag.person == "3per"


def _subject_of_quoted_verb(ctx: Context, sa: int, qs: int, inner: str,
                            para: tuple[int, int]) -> tuple[str, None] | None:
    """"Европарламент «рекомендует сосредоточить внимание …»": a fragment that opens with a finite verb in the
    singular quotes the organisation that stands in the nominative right before the opening mark, whose own
    document speaks of it so. Not a person ("Гутерреш «был воодушевлён …»", "Бастрыкин «поручил …»": a spokesman's
    or a release's words about them), nor a subject inside someone's report ("заявившего, что …", "по сообщению
    …"), nor after a sentence that names another document ("Об этом говорится в пресс-релизе Минфина России.
    Лондонский суд «признал …»")."""
    text = ctx.text
    first = WORDS_RE.match(inner)
    if first is None or not _finite_singular_verb(first.group()) or ctx.orgs.at(sa, qs) is None:
        return None
    end = _rstrip(text, sa, qs)
    org = next((m for m in ctx.orgs.mentions if sa <= m.start and m.end == end), None)
    if org is None or speech_verb(text[sa:org.start])[0] or _ACCORDING.search(text, sa, org.start):
        return None
    prev = _previous_sentence(ctx, sa, para)
    if prev is not None and prev[0] >= para[0] and documents.document_match(text, *prev) is not None:
        return None
    body = ctx.orgs.orgs[org.key]
    return (body.name(), None) if any(at == org.start and nom for at, _, nom in body.forms) else None


def _fragment_goes_on(ctx: Context, span: MarkSpan, para: tuple[int, int], sa: int) -> str | None:
    """Whose words a fragment woven into the narrative goes on with: the speaker of the closest quote in its own
    paragraph or the one before; a person quoted further back only when the fragment's sentence names them
    as a subject ("Когогин оценивал затраты «не в один миллион евро»"), not across paragraphs retelling a decree or a law."""
    if _unnamed_plural_report(ctx.text, sa, span.open):
        return None  # "В ведомстве объясняли, что это позволит … «…»": they speak, not who was quoted before
    near = ctx.closest_quote_speaker(span.open, since=_paragraph_before_start(ctx, para))
    if near is not None:
        return near
    far = ctx.closest_quote_speaker(span.open)
    person = ctx.people_by_name().get(far) if far else None
    if person is None:
        return far if far is not None and far in ctx.documented.values() else None  # a document is retold
    end = sentence_end(ctx.text, span.close + 1, para[1])
    named = any(m.key == person.key and sa <= m.pos < end and not m.quoted and m.nominative
                for m in ctx.registry.mentions)
    return far if named else None


def _unnamed_plural_report(text: str, sa: int, qs: int) -> bool:
    """The fragment's sentence reports, before the quote, words of many: a verb in the plural that is a speech verb
    or opens a "что" clause ("В ведомстве объясняли, что …", "Эксперты считают, что …"): not the words of one person
    quoted before."""
    for m in WORDS_RE.finditer(text, sa, qs):
        w = m.group()
        if w[:1].islower() and _plural_verb(w) and (speech_verb(w)[0] or _THAT_NEXT.match(text, m.end())
                                                    and not w.endswith(("ся", "сь"))):  # ("доводы … не принимаются, что")
            return True
    return False


_THAT_NEXT = re.compile(r"[ \u00a0]*,[ \u00a0]*что(?![А-ЯЁа-яё])")


def _plural_verb(word: str) -> bool:
    ps = parses(word.lower())[:1]
    return bool(ps) and ps[0].tag.POS == "VERB" and ps[0].tag.number == "plur"


def _paragraph_before_start(ctx: Context, para: tuple[int, int]) -> int:
    """Start of the paragraph of text right before para (para's own start when it is the first), past photo
    captions (lines set off by blanks, with no stop at their end: " Эммануэль Макрон ", " Reuters "; a section
    heading still counts): a fragment goes on with words quoted there or in its own paragraph, not with a chain
    reaching back across the article."""
    before = [p for p in ctx.paras if p[1] <= para[0] and ctx.text[p[0]:p[1]].strip() and not _caption(ctx.text, p)]
    return before[-1][0] if before else para[0]


def _caption(text: str, p: tuple[int, int]) -> bool:
    """A photo caption line: opens and ends with a blank, no stop at its end (" Reuters ", " Эммануэль Макрон ")."""
    line = text[p[0]:p[1]]
    return line[:1] in (" ", "\u00a0") and line[-1:] in (" ", "\u00a0", "\t") and not ends_sentence(line)


_WORDING_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])(?:с[ \u00a0]+формулировкой|со[ \u00a0]+словами)[ \u00a0]*:?[ \u00a0]*$")


def _wording_owner(ctx: Context, sa: int, qs: int) -> tuple[str, str | None] | None:
    """"Янукович отправил в отставку … губернаторов с формулировкой «в связи с окончанием срока полномочий …»": the
    wording of a decision (or words said, "со словами") is the clause subject's, when the article names that person."""
    if _WORDING_BEFORE.search(ctx.text, max(sa, qs - 24), qs) is None or ctx.orgs.at(sa, qs) is not None:
        return None  # ("Федерация велоспорта оштрафовала спортсмена с формулировкой": a body's)
    g = next((g for g in _groups(ctx, sa, qs) if may_be_subject(ctx.text, g) and not _oblique_form(ctx, g)), None)
    if g is None:
        return None
    speaker, role = person_speaker(ctx, g, None, sa)
    return (speaker, role) if speaker in _article_names(ctx) else None


def _paragraph_reporter(ctx: Context, para: tuple[int, int], sa: int) -> tuple[str, str | None] | None:
    """"Марина Лыкова … рассказала о своем творческом пути. Дело в том, что Марина начала писать … «управляющим
    взрослыми дядями и тетями»": when nobody was quoted yet in this paragraph, the person named as the subject of a
    speech verb in the sentence right before the fragment's — opening it, or right after a verb that opens its clause
    ("…, заявил … президент России Владимир Путин") — is whose words they are (not the one quoted in an earlier
    paragraph; nobody when "…, заявил в суде прокурор" names no one)."""
    if sa <= para[0] or any(para[0] <= s < sa for s, _ in ctx.spoken):
        return None
    text = ctx.text
    prev = _previous_sentence(ctx, sa, para)
    if prev is None or prev[0] < para[0] or text.count("«", *prev) != text.count("»", *prev):
        return None
    verb = next((m for m in WORDS_RE.finditer(text, *prev) if speech_verb(m.group())[0]), None)
    if verb is None:
        return None
    _, feminine = speech_verb(verb.group())
    opens = not words(text[max(text.rfind(",", prev[0], verb.start()), prev[0]):verb.start()])
    after = [w.lower() for w in words(text[verb.end():prev[1]].split(",")[0])]
    first = next(iter(_groups(ctx, prev[0], verb.start())), None)
    if opens and (_groups(ctx, verb.end(), prev[1]) or any(is_role_word(w) for w in after)):
        who = _subject_after_verb(ctx, verb.end(), prev[1])  # "…, заявил в суде прокурор": not the one before
    elif first is not None and (not words(text[prev[0]:first.start]) or _role_opens(ctx, prev[0], first)) \
            and may_be_subject(text, first):
        who = first  # "Марина Лыкова, прежде чем …, рассказала"; "Глава МИД Британии Борис Джонсон … заявил"
    else:
        return None
    if who is None:
        return None
    speaker, role = person_speaker(ctx, who, feminine, prev[0])
    return (speaker, role) if speaker in _article_names(ctx) else None


def _role_opens(ctx: Context, lo: int, g: Group) -> bool:
    """The words from lo to the name are just the person's role ("Глава МИД Британии Борис Джонсон")."""
    role = ctx.registry.role_before(ctx.text, g.start)
    return role is not None and [w.lower() for w in words(ctx.text[lo:g.start])] == [w.lower() for w in words(role)]


def _present_tense(verb: str) -> bool:
    ps = parses(verb.lower())[:1]
    return bool(ps) and ps[0].tag.tense == "pres"


_SAID_BACK = re.compile(marks.SAID_BACK_OPENER)
_SAID_BACK_GAP = 4  # words between the opener and its verb ("Об этом в интервью RT заявил")



def _said_back_next(ctx: Context, span: MarkSpan, para: tuple[int, int]) -> tuple[str | None, str | None] | None:
    """"Санкционный режим стал «мотивирующим фактором …». Такое заявление сделал глава Минэкономразвития Максим
    Орешкин": the sentence of the quote has no speech verb, and the next one in the paragraph opens by pointing back at
    these words with a past-tense speech verb ("Об этом заявил …", "Об этом он сообщил …"; not an outlet's "Об этом
    пишет …") or an act of stating ("сделал", "выступил"): its subject speaks; None when there is no such sentence or
    it names nobody."""
    text = ctx.text
    sa = sentence_start(text, para[0], span.open)
    end = sentence_end(text, span.close + 1, para[1])
    if speech_verb(text[sa:span.open])[0] or speech_verb(text[span.close + 1:end])[0]:
        return None
    nxt = end
    while nxt < para[1] and text[nxt] in " \u00a0\t":
        nxt += 1
    m = _SAID_BACK.match(text, nxt, para[1])
    if m is None:
        return None
    stop = sentence_end(text, m.end(), para[1])
    verb = next((w for w in WORDS_RE.finditer(text, m.end(), stop)
                 if speech_verb(w.group())[0] or w.group().lower() in marks.SAID_BACK_ACTS), None)
    if verb is None or len(words(text[m.end():verb.start()])) > _SAID_BACK_GAP or _present_tense(verb.group()):
        return None  # "Об этом в интервью RT заявил …"; not "Об этом пишет Global Times": an outlet's report
    who = speaker_in(ctx, m.end(), stop, span.open)
    return who if who[0] is not None else None


_ALIAS_AFTER = re.compile(r"[ \u00a0]*\([^()\n]{1,40}\)")
_TO_THAT = re.compile(r"(?:[ \u00a0]+[а-яё]+){0,3}?[ \u00a0]*,[ \u00a0]*что(?![А-ЯЁа-яё])")


def _body_subject_that(ctx: Context, sa: int, qs: int) -> str | None:
    """"Командование США предвидит, что «…»", "Европейское командование … (EUCOM) распространило сообщение, что
    основной целью учений является «…»": the fragment's sentence opens (maybe after an adverb) with an organisation
    in the nominative and its verb, the fragment in the "что" clause that verb (and at most a few words) introduces
    or in the document it publishes (_issued_document), no person named before it: the body's words."""
    opening = _opening_body(ctx, sa, qs, 0)
    if opening is None:
        return None
    body, verb = opening
    that = _TO_THAT.match(ctx.text, verb.end()) or _issued_document(ctx.text, verb, qs)
    if that is None or that.end() > qs or _groups(ctx, sa, that.end()) or _inside_marks(ctx.text, sa, that.end()):
        return None
    return body.name()


_ACCORDING_DOCUMENT = re.compile(r"[Сс]огласно[ \u00a0]+")


def _according_to_document(ctx: Context, sa: int, qs: int) -> str | None:
    """"Согласно пресс-релизу, выпущенному Следственным комитетом днем 23 мая, обыски проходят «…»", "Согласно
    сообщениям ЦАХАЛа, маневры … «…»": the sentence opens with "согласно" and a document whose issuer it names
    (in the genitive, or after a participle of publishing): the fragment is that document's words, its issuer's."""
    text = ctx.text
    lead = next((m for m in WORDS_RE.finditer(text, sa, qs) if not _sentence_lead(m.group())), None)
    if lead is None or not _ACCORDING_DOCUMENT.match(text, lead.start()):
        return None
    doc = documents.document_match(text, lead.end(), min(qs, lead.end() + 40))
    if doc is None or len(words(text[lead.end():doc.start()])) > 2 or _inside_marks(text, sa, doc.start()):
        return None
    if lemma(doc.group().lower()) in marks.GENERIC_DOCUMENTS:  # "Согласно документу": the one named before
        return _document_issuer(ctx, lead.start(), doc.end(), sa)
    stop = min(qs, doc.end() + 80)
    org = ctx.orgs.at(doc.end(), stop)
    if org is None:
        return None
    between = words(text[doc.end():_org_start(ctx, org, doc.end())])
    published = len(between) == 1 and lemma(between[0].lower()) in _PUBLISHING_VERBS
    if between and not published or not between and "," in text[doc.end():_org_start(ctx, org, doc.end())]:
        return None
    return org.name()


def _opening_body(ctx: Context, sa: int, qs: int, gap: int) -> tuple[Any, re.Match] | None:
    """The organisation that opens the sentence at sa (maybe after an adverb or a date) in the nominative, and its
    verb: right after the name (its acronym in brackets and a place after it may come between), or after at most
    `gap` lowercase words of no clause of their own ("на заседании единогласно утвердил"); None otherwise."""
    text = ctx.text
    org = next((m for m in ctx.orgs.mentions if sa <= m.start < qs), None)
    if org is None or not all(map(_sentence_lead, words(text[sa:org.start]))):
        return None
    body = ctx.orgs.orgs[org.key]
    if not any(at == org.start and nom for at, _, nom in body.forms):
        return None
    end = org.end
    alias = _ALIAS_AFTER.match(text, end)
    end = alias.end() if alias else end
    rest = list(WORDS_RE.finditer(text, end, qs))
    if alias and rest and ctx.orgs.orgs[org.key].name().endswith(" " + rest[0].group()):
        rest = rest[1:]  # "(СНБО) Украины": the name's place after its acronym
    for verb in rest[:gap + 1]:
        if is_verb(verb.group().lower()):
            if any(c in text[end:verb.start()] for c in ",;:«»\"—"):
                return None
            return body, verb
        if not verb.group()[:1].islower():
            return None
    return None


def _sentence_lead(word: str) -> bool:
    """A word that may open a sentence before its subject: a conjunction or adverb ("Так", "Накануне"), a date
    ("В начале июля", "15 мая 2017 года", "в среду")."""
    low = word.lower()
    return low.isdigit() or low in marks.CLAUSE_LEADS or _time_adverb(word) or lemma(low) in marks.DATE_WORDS \
        or lemma(low) in marks.TIME_NOUNS


def _issued_document(text: str, verb: re.Match, qs: int) -> re.Match | None:
    """"Cabin Crew United опубликовал список требований …, включая создание «…»": a publishing verb whose object,
    within two words, is a document or a list of demands (its text is what the quote reproduces); the match of
    that noun, else None."""
    if lemma(verb.group().lower()) not in _PUBLISHING_VERBS:
        return None
    for m in list(WORDS_RE.finditer(text, verb.end(), qs))[:3]:
        if lemma(m.group().lower()) in _DOCUMENTS_AND_LISTS:
            return m
    return None


_STANCE = re.compile(r"(?<![А-ЯЁа-яё])(?:выраз(?:ил|ила|или|ив|ит|ят)[ \u00a0]+(?:[а-яё]+[ \u00a0]+){0,2}?(?:"
                     + "|".join(marks.STANCE_STEMS) + ")|(?:" + "|".join(marks.STANCE_VERBS) + ")(?![А-ЯЁа-яё]))",
                     re.IGNORECASE)


def _stance_speaker(ctx: Context, a: int, qs: int) -> tuple[str, str | None] | None:
    """"Политолог Александр Кынев выразил мнение, что после увольнения «…»", "Премьер-министр выразил уверенность, что
    Япония «…»": a stated stance (marks.STANCE_STEMS) in the fragment's sentence; its subject said the words."""
    stance = None
    for stance in _STANCE.finditer(ctx.text, a, qs):
        pass
    if stance is None or _inside_marks(ctx.text, a, stance.start()):
        return None
    clause = max(a, ctx.text.rfind(",", a, stance.start()) + 1) if _THAT.search(ctx.text, a, stance.start()) else a
    ws = words(ctx.text[clause:stance.start()])
    role_word = next((w for w in ws if is_role_word(w)), None)
    subjects = [g for g in _groups(ctx, clause, stance.start()) if may_be_subject(ctx.text, g)]
    if subjects or any(w.lower() in ("он", "она") for w in ws):
        speaker, role = speaker_before(ctx, clause, stance.start())
    elif role_word is not None and not _groups(ctx, clause, stance.start()):  # "Верховный главнокомандующий выразил
        speaker, role = ctx.refer(clause, None, role_word=role_word.lower(), strict=True)  # …": only a holder named so
    else:
        return None  # "СБУ задержала журналиста …, обвинив его «…»": no person is the subject
    return (speaker, role) if speaker is not None else None


_PAST_PARTICIPLE = re.compile(r"([а-яё]+?)в?ш(?:ий|ая|ее|его|ей|ему|им|ую|ие|их|ими|ем|ой)")
_PARTICIPLE_GAP = re.compile(r"[ \u00a0]*,?[ \u00a0]*")


_INTRODUCES_SPEECH = re.compile(r"[ \u00a0]*(?::|,?[ \u00a0]*что(?![А-ЯЁа-яё]))")


def _participle_speaker(ctx: Context, a: int, qs: int, introducing: bool = False) -> tuple[str, str | None] | None:
    """"сенатор Линдси Грэм, отметивший, что президенту хватило «…»", "заявление министра Бориса Джонсона, назвавшего
    референдум «…»": the last speech word before the quote in its sentence is a past participle of a speech verb
    ("отметивший" as "отметил"), right after a name: that person said it (not whoever was quoted before). With
    ``introducing`` the participle must bring in what was said, by "что" or a colon ("подчеркнувшая: …"), not a
    name ("назвавшая себя «…»", "рассказавшей о ней для байопика «…»")."""
    text = ctx.text
    last = None
    for m in WORDS_RE.finditer(text, a, qs):
        low = m.group().lower().replace("ё", "е")
        part = _PAST_PARTICIPLE.fullmatch(low)
        if part is not None and speech_verb(part.group(1) + "л")[0] and any(
                p.tag.POS == "PRTF" for p in parses(low)[:2]):
            last = m
        elif speech_verb(low)[0]:
            last = None  # a finite speech verb after the participle has its own subject
    if last is None or _inside_marks(text, a, last.start()) \
            or introducing and not _INTRODUCES_SPEECH.match(text, last.end(), qs):
        return None
    g = next(iter(reversed(_groups(ctx, a, last.start()))), None)
    if g is None or not _PARTICIPLE_GAP.fullmatch(text, g.end, last.start()) or not (g.full or ctx.registry.lookup(g)):
        return None
    feminine = True if last.group().lower().endswith(("шая", "шей", "шую")) else None
    return person_speaker(ctx, g, feminine, a)


_SHOUT_WORDS = (r"(?<![А-ЯЁа-яё])(?:с[ \u00a0]+(?:" + "|".join(marks.SHOUT_NOUNS) + r")|(?:"
                + "|".join(marks.SHOUT_VERB_STEMS) + r")(?:л[аио]?|ть|вш[а-яё]+))")
_SHOUTED_CUE = re.compile(_SHOUT_WORDS + r"[ \u00a0]*:?[ \u00a0]*$", re.IGNORECASE)
_SHOUT_ANYWHERE = re.compile(_SHOUT_WORDS, re.IGNORECASE)  # (a paragraph with none has no shouted quotation)
_LISTED_BEFORE = re.compile(r"[»\"][ \u00a0]*(?:,|и)[ \u00a0]*$")


def _shouted_cue(ctx: Context, span: MarkSpan, spans: list[MarkSpan], para: tuple[int, int]) -> int | None:
    """Where "с криками"/"с возгласом"/"крикнул" stands right before the quotation, or before the first of a list of them
    ("с криками «Смерть России!», «Прочь ФСБ!»"); None when there is none."""
    text = ctx.text
    key = (para, len(spans))  # (once per paragraph and its pairs of marks, not per quotation)
    cues = ctx._shouts.get(key)
    if cues is None:
        m = _SHOUT_ANYWHERE.search(text, para[0], para[1])
        cues = ctx._shouts[key] = (None if m is None else m.start(), {s.close: s for s in spans})
    first, closing = cues
    if first is None or first >= span.open:
        return None  # (most paragraphs: no cue at all, nothing to walk back through)
    cur = span
    while True:
        m = _SHOUTED_CUE.search(text, max(para[0], cur.open - 30), cur.open)
        if m is not None:
            return m.start()
        lst = _LISTED_BEFORE.search(text, max(para[0], cur.open - 6), cur.open)
        prev = closing.get(lst.start()) if lst is not None else None
        if prev is None or prev.open >= cur.open:
            return None
        cur = prev


def _shouted_words(ctx: Context, span: MarkSpan, spans: list[MarkSpan], para: tuple[int, int]) -> bool:
    """«Аллах акбар!», «Мы требуем справедливости» after "с криками": two shouted words or more are a whole
    utterance, not a name or a title."""
    return len(_inner_words(ctx, span)) >= 2 and _shouted_cue(ctx, span, spans, para) is not None


def quote_shouted(ctx: Context, span: MarkSpan, para: tuple[int, int], spans: list[MarkSpan]) -> Found | None:
    """"неизвестные напали на активиста с криками «Это привет от …!»", "Халилов с криками «Аллах акбар!» открыл
    стрельбу": words shouted, two or more, are a quote; the shouter is the sentence's one named subject before the
    cue, if there is one (the crowd, "нападавшие", stays unnamed)."""
    if len(_inner_words(ctx, span)) < 2:
        return None
    cue = _shouted_cue(ctx, span, spans, para)
    if cue is None:
        return None
    text = ctx.text
    a = sentence_start(text, para[0], cue)
    a = max((m.end() for m in _SHORT_CLAUSE_BREAK.finditer(text, a, cue)), default=a)  # "…, как болельщик крикнул"
    subjects = [g for g in _groups(ctx, a, cue) if may_be_subject(text, g)]
    speaker, role = person_speaker(ctx, subjects[0], None, a) if len(subjects) == 1 else (None, None)
    return Found(span.open + 1, span.close, "quote_shouted", speaker, role)


_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
_CYRILLIC_LOWER = re.compile("[а-яё]")
SpanRule = Callable[[Context, MarkSpan, tuple[int, int], list[MarkSpan]], "Found | None"]
SPAN_RULES: list[SpanRule] = [
    quote_dash_after,
    quote_inner_attribution,
    quote_colon_before,
    quote_according_to,
    quote_in_speech_sentence,
    quote_shouted,
    quote_after_speech_sentence,
    quote_colon_sentence,
    quote_carried_fragment,
    quote_verbatim_fragment,
]


_THAT_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])что[ \u00a0]*$")


def _clause_after_that(ctx: Context, span: MarkSpan) -> bool:
    """"заверила, что «липы живы»": two quoted words that are a whole clause, a subject and its predicate."""
    a, b = span.inner
    ws = words(ctx.text[a:b])
    if len(ws) != 2 or not _THAT_BEFORE.search(ctx.text, max(0, span.open - 8), span.open):
        return False
    subj, pred = (parses(w.lower())[:1] for w in ws)
    return bool(subj and pred) and subj[0].tag.POS in ("NOUN", "NPRO") and subj[0].tag.case == "nomn" \
        and pred[0].tag.POS in ("VERB", "ADJS", "PRED")


def looks_like_name(ctx: Context, span: MarkSpan, para: tuple[int, int]) -> bool:
    """«Газпром», партия «Яблоко», фильм «Время», so-called «…»: names and scare quotes, not speech."""
    text = ctx.text
    a, b = span.inner
    inner = text[a:b]
    ws = words(inner)
    if not ws:
        return True
    before = text[max(para[0], span.open - 40):span.open].lower()
    before = re.split(r"[.!?…:;]", before)[-1]  # a name head stays in the same sentence
    prev = WORDS_RE.findall(before)
    prev_word = prev[-1] if prev else ""
    if before.rstrip().endswith(marks.NAME_PREFIXES):
        return True
    if prev_word.startswith(marks.NAME_HEADS) and not (inner[:1].islower() and len(ws) >= 4):
        return True
    if prev and prev[-1].upper() in marks.ORG_ABBREVIATIONS and text[span.open - 1] == " ":
        raw_prev = WORDS_RE.findall(text[max(para[0], span.open - 12):span.open])
        if raw_prev and raw_prev[-1].isupper():
            return True
    return False


def looks_like_title(ctx: Context, span: MarkSpan) -> bool:
    """A short capitalised phrase without sentence punctuation: «Северный поток — 2», «Время первых»."""
    a, b = span.inner
    inner = ctx.text[a:b]
    sentence_like = bool(re.search(r"[.!?…,:;]", inner.rstrip(".!?…")))
    return len(words(inner)) <= 3 and inner[:1].isupper() and not sentence_like


def _short_colon_sentence(ctx: Context, span: MarkSpan, para: tuple[int, int]) -> bool:
    """"Дутерте отрезал: «Я убью его».": a short quotation of two words or more that is a whole sentence (capitalised,
    with a finite verb, ending where the sentence does) right after a colon closing a clause with a speech verb."""
    text = ctx.text
    inner = text[span.open + 1:span.close].strip()
    ws = words(inner)
    if len(ws) < 2 or not inner[:1].isupper() or not text[max(para[0], span.open - 4):span.open].rstrip().endswith(":"):
        return False
    if not (span.close + 1 >= para[1] or _AFTER_END.match(text, span.close + 1, para[1])
            or inner.endswith("!") and text.startswith(",", span.close + 1)):
        return False  # a whole sentence; "крикнул: «Слава Украине!», …": an exclamation goes on with a comma
    a = sentence_start(text, para[0], span.open)
    last = max((m.end() for m in _SHORT_CLAUSE_BREAK.finditer(text, a, span.open)), default=a)
    clause = words(text[last:span.open])
    verb = next((w for w in clause if speech_verb(w)[0]), None)
    if verb is None or not speech_verb(text[last:span.open])[0] or _impersonal(verb) or verb.lower() in _SAYING_VERBS \
            or any(lemma(w.lower()) in marks.NOT_UTTERANCE_WORDS for w in clause):
        return False  # not "… ворвалась в здание под лозунгом: «Остановите кражу!»", "… надпись:", "в народе говорят:"
    return inner.endswith("!") or any(p.tag.POS == "VERB" for w in ws for p in parses(w.lower())[:1])


_SAYING_VERBS = frozenset("говорят говаривали".split())  # a saying, not words anyone said once
_SHORT_CLAUSE_BREAK = re.compile(r"[,;(«»\"]|[ \u00a0][—–-][ \u00a0]")


def _attributed_after(ctx: Context, span: MarkSpan, para: tuple[int, int]) -> bool:
    clause = _after_clause(ctx, span, para[1])
    return clause is not None and speech_verb(ctx.text[clause[0]:clause[1]])[0]


def _linked_headline(text: str, span: MarkSpan) -> bool:
    """" Также по теме ⏎ «Люди состоятельные платят хуже»: в России назвали …": the quotation opens the headline of
    a linked article, on the line right under the head of a box of related links."""
    line = text.rfind("\n", 0, span.open) + 1
    if line < 2 or text[line:span.open].strip():
        return False
    head = text[text.rfind("\n", 0, line - 1) + 1:line - 1]
    return head.strip().lower() in marks.RELATED_BOX_HEADS


_SAYING = re.compile(marks.SAYING_CUE, re.IGNORECASE)
_SAYING_LOOKBACK = 50


def is_saying(ctx: Context, span: MarkSpan) -> bool:
    """The quotation is a saying the author brings in ("как гласит пословица, «у кого суп жидкий…»", "как известно,
    «в каждой шутке есть доля правды»"): nobody is quoted."""
    return _SAYING.search(ctx.text, max(0, span.open - _SAYING_LOOKBACK), span.open) is not None


def marked_quotes(ctx: Context) -> Iterator[Found]:
    """Quotes in quotation marks, each span tried against SPAN_RULES in order."""
    accepted: list[tuple[int, int]] = []
    for para, spans in ctx.marked_blocks():
        for span in spans:
            if any(s <= span.open and span.close <= e for s, e in accepted) or not ctx.free(span.open, span.close + 1):
                continue
            if looks_like_name(ctx, span, para) or is_saying(ctx, span) or _linked_headline(ctx.text, span):
                continue
            if not _attributed_after(ctx, span, para) and not _clause_after_that(ctx, span) and (
                    len(_inner_words(ctx, span)) <= 2 or looks_like_title(ctx, span)) \
                    and not _short_colon_sentence(ctx, span, para) and not _shouted_words(ctx, span, spans, para):
                continue
            for rule in SPAN_RULES:
                found = rule(ctx, span, para, spans)
                if found is not None:
                    accepted.append((found.start - 1, found.end + 1))
                    yield found
                    break


_FIRST_PERSON = frozenset("я мы".split())


_CITING_MYSELF = frozenset("цитирую процитирую привожу".split())  # the one who retells names the source just before


def _first_person_word(w: str) -> bool:
    return w in _FIRST_PERSON or any(p.tag.POS == "VERB" and "1per" in p.tag.grammemes for p in parses(w)[:1])


def _reported_by_another(text: str, a: int, b: int, last_clause: bool = False) -> bool:
    """The clause before a nested quotation reports someone else's speech ("ребята сказали:"), not the quoted
    speaker's own ("я ему сказал:"), whose words are part of the quotation already. With ``last_clause`` only the
    words after the last comma count ("Порой я могу что-то перевести, а он уже говорит:"), and "цитирую" is no
    speech of one's own ("Пол Кругман … написал в своей статье, цитирую:")."""
    if not speech_verb(text[a:b])[0]:
        return False
    ws = [w.lower() for w in words(text[a:b])]
    if last_clause:
        ws = [w.lower() for w in words(text[max(a, text.rfind(",", a, b) + 1):b])]
        if ws and all(w in _CITING_MYSELF for w in ws):
            return True
        if not speech_verb(" ".join(ws))[0]:
            return False
    return not any(_first_person_word(w) for w in ws)


def _nested_according(ctx: Context, outer: tuple[int, int], span: MarkSpan) -> Found | None:
    """«… Как сказал тогда министр Платон Ширинский-Шихматов, «польза философии не доказана». …»: a quotation inside
    a quote after "как сказал X," with a named X other than the one quoting."""
    text = ctx.text
    a = sentence_start(text, outer[0], span.open)
    m = _ACCORDING.match(text, a, span.open)
    comma = text.rfind(",", a, span.open)
    if m is None or comma < m.end() or text[comma + 1:span.open].strip():
        return None
    speaker, role = speaker_in(ctx, m.end(), comma, span.open)
    if speaker is None or (outer[0], speaker) in ctx.spoken:
        return None
    return Found(span.open + 1, span.close, "nested_quote", speaker, role, nested=True)


def nested_quotes(ctx: Context, in_turns: bool = False) -> Iterator[Found]:
    """«… И ребята сказали: «Маркус, мы ничего не принимали». …»: a quotation inside a quote, after a speech verb
    and a colon, is another person's words (a quote of its own). ``in_turns``: inside interview turns, where the
    clause right before the colon tells who speaks."""
    text = ctx.text
    outers = sorted(ctx.taken)
    for _, spans in ctx.marked_blocks():
        for span in spans:
            outer = next(((s, e) for s, e in outers if s < span.open and span.close <= e), None)
            if outer is None or len(_inner_words(ctx, span)) < 3:
                continue
            colon = _rstrip(text, outer[0], span.open)
            if colon <= outer[0] or text[colon - 1] != ":":
                according = _nested_according(ctx, outer, span)
                if according is not None:
                    yield according
                continue
            a = sentence_start(text, outer[0], colon - 1)
            if not _reported_by_another(text, a, colon - 1, last_clause=in_turns):
                continue
            speaker, role = speaker_before(ctx, a, colon - 1)
            if speaker is not None and (outer[0], speaker) in ctx.spoken:
                speaker, role = None, None  # not the one who quotes: the text names no other speaker
            yield Found(span.open + 1, span.close, "nested_quote", speaker, role, nested=True)


def nested_in_turns(ctx: Context) -> Iterator[Found]:
    """Once interview turns replaced the quotes they retell ("я сказал ему: «…»", the interviewee's own words), the
    quotations inside them that report someone else ("и он сказал: «Жду вас в гости»") are quotes of their own."""
    if ctx.superseded:
        yield from nested_quotes(ctx, in_turns=True)
