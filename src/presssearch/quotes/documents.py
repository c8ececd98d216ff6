"""Who issued a document an article quotes ("«…», — говорится в сообщении"), when the clause itself does not say.

The issuer is taken only from what the article states: an earlier mention of the same document that names who
issued it ("Агентство … опубликовало контракт", "В палате общин подготовили документ"), or the body the paragraph
before the quote is about ("заявило Министерство обороны США. … «…», — говорится в сообщении"). When nothing
names it, there is no issuer: a wrong issuer is worse than none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import marks
from .orgs import Org, country
from .speakers import find_groups, is_verb, lemma, may_be_subject, parses
from .text import PHOTO_CREDIT, WORDS_RE, ends_sentence, list_follows, sentence_end, sentence_start, speech_verb

if TYPE_CHECKING:  # rules.py imports this module
    from .orgs import OrgMention
    from .rules import Context

_MENTIONS = 4  # earlier mentions of the same document looked at, nearest first
_NARRATIVE_REACH = 500  # characters before the quote where the body speaking may be named
_INVERTED_REACH = 40  # characters after the verb where its subject may stand ("заявило в среду Минобороны")
_SENTENCES_BACK = 2  # sentences before the quote that may say who issued the document


def document_match(text: str, a: int, b: int) -> re.Match | None:
    """The first document noun in the attribution clause text[a:b] ("сообщении", "докладе"), else None."""
    return next((m for m in WORDS_RE.finditer(text, a, b) if lemma(m.group()) in marks.DOCUMENT_NOUNS), None)


def clause_document(text: str, a: int, b: int) -> str | None:
    """Lemma of the first document noun in the attribution clause text[a:b] ("сообщение", "доклад"), else None."""
    m = document_match(text, a, b)
    return lemma(m.group()) if m is not None else None


def narrative_issuer(ctx: Context, a: int, b: int, quote_start: int) -> str | None:
    """The issuer of the document an impersonal clause text[a:b] quotes, from the narrative before the quote: an
    order's text ("«Назначить …»") its signer's; else an earlier mention of the same document (or of the one it
    describes) with its issuer; else the body the sentence before has speak or act; else, for a bare document, the
    issuer of one quoted before or the body the text opens with; else the person who signed the order the text
    before tells of."""
    if _order_text(ctx.text, quote_start):  # "«Принять отставку …», — говорится в документе": the signer's order
        signer = decree_signer(ctx, a, b, min(a, quote_start), ordered=True)
        if signer is not None:
            return signer
    issuer = _narrative_issuer(ctx, a, b, quote_start)
    return issuer if issuer is not None else decree_signer(ctx, a, b, min(a, quote_start))


def body_noted_before(ctx: Context, a: int, b: int, quote_start: int) -> str | None:
    """"Сирийское правительство … обвинило США «…». Отмечается, что … «…»": an impersonal verb that opens its
    sentence and names no document ("Отмечается, что", "Подчёркивается, что") goes on with the body the sentence
    right before has as the subject that spoke, when it is a body (orgs.py knows it); else None (not a person: the
    outlet's own report may follow one)."""
    text = ctx.text
    clause = WORDS_RE.match(text, a + len(text[a:b]) - len(text[a:b].lstrip()))
    if clause is None or clause.group().lower() not in marks.NOTED_VERBS or document_match(text, a, b) is not None:
        return None
    start = sentence_start(text, max(0, a - _NARRATIVE_REACH), a + 1)
    if text[start:a].strip():
        return None  # ("Как отмечается, …" or the verb inside a sentence: not an opening of its own)
    end = len(text[:start].rstrip())
    lo = sentence_start(text, max(0, end - _NARRATIVE_REACH), max(0, end - 1))
    if lo >= end or "\n" in text[end:start]:
        return None
    org = _subject_org(ctx, lo, end, referring=False)
    return org.name() if org is not None else None


def _order_text(text: str, quote_start: int) -> bool:
    """The quote opens as an order does, with an infinitive of ordering ("Назначить …", "Освободить …", "Принять
    отставку …")."""
    ws = [m.group() for m in WORDS_RE.finditer(text, quote_start, min(len(text), quote_start + 60))][:2]
    return bool(ws) and ws[0][:1].isupper() and any(p.tag.POS == "INFN" for p in parses(ws[0].lower())[:1]) \
        and _ordering(ws)


def _ordering(ws: list[str]) -> bool:
    """The words open with a verb of signing or appointing ("назначил", "принял отставку")."""
    verb = lemma(ws[0].lower())
    return verb in marks.DECREE_VERBS or len(ws) > 1 and (verb, lemma(ws[1].lower())) in marks.DECREE_PHRASES


def _narrative_issuer(ctx: Context, a: int, b: int, quote_start: int) -> str | None:
    before = min(a, quote_start)
    doc = clause_document(ctx.text, a, b) or _pronoun_document(ctx, a, b, before)
    if doc is None:
        return None
    qualifier = _qualifier(ctx.text, a, b)
    if qualifier is not None:
        referred = _referred_issuer(ctx, qualifier, before)  # "в заявлении партии", "в сообщении дипмиссии"
        if referred is not None or _animate(qualifier.group()):
            return referred  # "в заявлении экспертов": people the article does not name
    issuer = _issuer_in_chain(ctx, a, b)
    described = described_document(ctx.text, a, b)
    issuer = issuer if issuer is not None else _issuer_of_mention(ctx, doc, before,
                                                                  signed=qualifier is None and _signed_kind(described))
    issuer = issuer if issuer is not None or described is None else _issuer_of_mention(ctx, described, before)
    if issuer is not None:
        return issuer
    told, issuer = _body_speaking_before(ctx, before)
    issuer = issuer if issuer is not None else acting_body(ctx, a, b, before)
    if told or issuer is not None or not _bare_document(ctx.text, a, b):
        return issuer  # the text before tells who issued something, or the clause qualifies the document
    issuer = _issuer_quoted_before(ctx, doc, before)
    return issuer if issuer is not None else _topic_body(ctx, before)


def acting_body(ctx: Context, a: int, b: int, before: int) -> str | None:
    """The body the sentence right before the quote opens with as the subject of its first verb, whatever the verb
    ("Прокуратура установила ряд нарушений … «…», — говорится в сообщении.", "Таким образом, комиссия заключила,
    что … «…», — говорится в заявлении комиссии."): the statement quoted tells of its act, and is its own; a body
    orgs.py knows (nominative), else a phrase headed by an organisation noun, named in the fullest form the article
    gives. None when the clause qualifies its document by a word that does not fit that body, or nothing fits."""
    text = ctx.text
    end = len(text[:past_caption(text, before)].rstrip())
    start = sentence_start(text, max(0, end - _NARRATIVE_REACH), max(0, end - 1))
    if start >= end or any(start <= at < end for at, _ in ctx.taken) or _after_related_box(text, before):
        return None
    verb = _first_verb(ctx, start, end)
    if verb is None:
        return None
    lo = _opening(text, start, verb.start())
    org = next((m for m in _mentions_in(ctx, lo, lo + 1) if _nominative_at(ctx, m) and not _quoted(ctx, m.start)
                and not text[m.end:verb.start()].strip()), None)
    if org is not None:
        body = ctx.orgs.orgs[org.key]
        name, head, kinds = body.name(), body.head, body.kinds
    else:
        phrase = _issuer_phrase(text, lo, verb.start(), verb.group())
        if phrase is None or phrase[0] != lo or _quoted(ctx, phrase[0]):
            return None
        _, words_, head = phrase
        name, kinds = _fuller_common(ctx, words_, head, phrase[0]), frozenset()
    qualifier = _qualifier(text, a, b)
    if qualifier is not None and lemma(qualifier.group()) != head and lemma(qualifier.group()) not in kinds:
        return None  # "в заявлении партии" after "Прокуратура установила": another body's statement
    return name


_INTRO = re.compile(r"(?:[Тт]аким образом|[Кк]роме того|[Тт]акже|[Пп]ри этом|[Вв] итоге|[Вв] результате|[Оо]днако)"
                    r"[ \u00a0]*,?[ \u00a0]*")


def _opening(text: str, start: int, verb: int) -> int:
    """Where the sentence's subject may start: after an opening link word ("Таким образом, комиссия заключила")."""
    m = _INTRO.match(text, start, verb)
    return m.end() if m else start


def _first_verb(ctx: Context, lo: int, hi: int) -> re.Match | None:
    """The first lowercase word of text[lo:hi] whose likeliest reading is a finite verb, outside quotations, when
    it tells of an act done or doing, not one to come ("правительство США столкнётся с проблемой")."""
    for m in WORDS_RE.finditer(ctx.text, lo, hi):
        w = m.group()
        if w[:1].islower() and not _quoted(ctx, m.start()):
            p = parses(w)[:1]
            if p and p[0].tag.POS == "VERB":
                return m if p[0].tag.tense != "futr" else None
    return None


def _fuller_common(ctx: Context, words_: list[str], head: str, pos: int) -> str:
    """A body phrase not known to orgs.py in the fullest form the article gives: as written, with proper words after
    it ("Исследовательская служба конгресса США"); a bare head ("Прокуратура установила") in the last nominative
    form with adjectives before it the text gives earlier ("Норильская транспортная прокуратура")."""
    if len(words_) > 1:
        return _fullest(ctx, words_)
    text = ctx.text
    best = None
    for m in WORDS_RE.finditer(text, 0, pos):
        if lemma(m.group().lower()) != head or _quoted(ctx, m.start()) or not _likely_nominative_noun(m.group()):
            continue
        ws = list(WORDS_RE.finditer(text, max(0, m.start() - 60), m.start()))
        gender = parses(m.group().lower())[0].tag.gender
        i = len(ws)
        while i > 0 and not _CLAUSE_BREAK.search(text, ws[i - 1].end(), ws[i].start() if i < len(ws) else m.start()) \
                and _agreeing_adjective(ws[i - 1].group(), gender):
            i -= 1
        if i < len(ws):
            best = [w.group() for w in ws[i:]] + [m.group()]
    name = " ".join(best if best else words_)
    return name[:1].upper() + name[1:]


def _topic_body(ctx: Context, before: int) -> str | None:
    """The body the article's text opens with as its subject ("Госдепартамент Америки совместно с посольством США в
    Багдаде ищут местные НКО, …"): the documents it quotes with nothing else naming their issuer are its own (its
    grant, its tender); None when the text opens otherwise, or the quote is far from the opening."""
    text = ctx.text
    start = len(text) - len(text.lstrip())
    if before - start > _TOPIC_REACH:
        return None
    first = next(iter(_mentions_in(ctx, start, start + 1)), None)
    if first is None or _quoted(ctx, first.start) or not _nominative_at(ctx, first) or _dateline(text, first):
        return None
    return ctx.orgs.orgs[first.key].name()


_TOPIC_REACH = 2000  # characters from the text's opening to a quote whose document may be the opening body's


def _dateline(text: str, m: OrgMention) -> bool:
    """The mention is a dateline's place in capitals ("ПАРИЖ, 5 фев - РИА Новости."), not the subject."""
    word = text[m.start:m.end]
    return len(word) >= 4 and word.isupper() and text[m.end:m.end + 1] == ","


_DECREE_REACH = 700  # characters before the quote where the signer of an order may be named
_DECREE_SENTENCES = 3  # sentences before the quote looked at for it


def decree_signer(ctx: Context, a: int, b: int, before: int, ordered: bool = False) -> str | None:
    """"Президент России Владимир Путин назначил … Указ о назначении опубликован … «Назначить …», — говорится в
    документе": the text of an order is its signer's, the person named as the subject of a verb of signing or
    appointing in the sentences before the quote, when the clause or those sentences name an order (указ,
    распоряжение, постановление, приказ) and the clause does not qualify its document ("в постановлении суда");
    None otherwise. ``ordered``: the quote reads as an order's text ("Назначить …"), an order even when nothing names
    one."""
    text = ctx.text
    doc = clause_document(text, a, b)
    if doc is None or doc not in marks.DECREE_DOCUMENTS and doc not in marks.GENERIC_DOCUMENTS \
            or _qualifier(text, a, b) is not None or not _signed_kind(described_document(text, a, b)):
        return None  # (nor "в тексте обращения": an appeal, not an order)
    decree = doc in marks.DECREE_DOCUMENTS or ordered
    lo = max(0, before - _DECREE_REACH)
    end = before
    for _ in range(_DECREE_SENTENCES):
        end = lo + len(text[lo:end].rstrip())  # (blank lines between paragraphs are no sentences)
        start = sentence_start(text, lo, max(lo, end - 1))
        if start >= end or any(start <= at <= start + 3 for at, _ in ctx.taken):
            break  # (a sentence that quotes someone tells nothing of the order)
        decree = decree or _names_decree(ctx, start, end)
        signer = _signer(ctx, start, end)
        if signer is not None:
            return signer if decree else None
        end = start
    return None


def _names_decree(ctx: Context, lo: int, hi: int) -> bool:
    """text[lo:hi] names an order outside quotations ("Указ о назначении опубликован", "Согласно тексту указа")."""
    return any(lemma(m.group()) in marks.DECREE_DOCUMENTS and not _quoted(ctx, m.start())
               for m in WORDS_RE.finditer(ctx.text, lo, hi))


def _signer(ctx: Context, lo: int, hi: int) -> str | None:
    """The person the registry knows named as the subject of the first verb of signing or appointing in
    text[lo:hi] ("Премьер-министр России Дмитрий Медведев освободил от должности …"): the last name before the
    verb that may be a subject, outside quotations; None when there is no such verb or name."""
    text = ctx.text
    ws = list(WORDS_RE.finditer(text, lo, hi))
    verb = next((m for i, m in enumerate(ws) if m.group()[:1].islower()
                 and _ordering([w.group() for w in ws[i:i + 2]])
                 and any(p.tag.POS == "VERB" for p in parses(m.group().lower())[:1])), None)
    if verb is None:
        return None
    groups = [g for g in find_groups(text, lo, verb.start()) if not _quoted(ctx, g.start) and may_be_subject(text, g)]
    for g in reversed(groups):
        person = ctx.registry.lookup(g)
        if person is not None:
            return person.name()
    return None


_PRONOUNS = frozenset("нем нём ней них".split())  # "В нем говорится:" after "(CSIS) выпустил доклад"
_PRONOUN_REACH = 300  # characters back to the document such a pronoun stands for


def _pronoun_document(ctx: Context, a: int, b: int, before: int) -> str | None:
    """The document a pronoun in the clause text[a:b] stands for ("В нем говорится"): the last document noun
    outside quotations in the sentence or two before, else None."""
    if not any(m.group().lower() in _PRONOUNS for m in WORDS_RE.finditer(ctx.text, a, b)):
        return None
    for m in reversed(list(WORDS_RE.finditer(ctx.text, max(0, before - _PRONOUN_REACH), min(a, before)))):
        lem = lemma(m.group())
        if lem in marks.FORMAL_DOCUMENTS and not _quoted(ctx, m.start()):
            return lem
    return None


def described_document(text: str, a: int, b: int) -> str | None:
    """The formal document the clause's document noun is about, right after it in the genitive or after "к" ("в
    описании тендера", "в пояснительной записке к постановлению"): its issuer issued both; None when there is none."""
    doc = document_match(text, a, b)
    if doc is None:
        return None
    ws = list(WORDS_RE.finditer(text, doc.end(), min(b, doc.end() + 40)))[:2]
    if ws and ws[0].group().lower() == "к":
        ws = ws[1:]
    if not ws or text[doc.end():ws[0].start()].strip(" \u00a0к"):
        return None
    lem = lemma(ws[0].group().lower())
    return lem if lem in marks.FORMAL_DOCUMENTS else None


def _qualifier(text: str, a: int, b: int) -> re.Match | None:
    """The common noun in the genitive that qualifies the clause's document noun, after at most two adjectives
    ("в заявлении партии", "в сообщении британской дипмиссии", "в сообщении регулятора"), not another document
    ("в тексте закона") or a name; None when there is none."""
    doc = document_match(text, a, b)
    if doc is None:
        return None
    pos = doc.end()
    for _ in range(3):
        w = WORDS_RE.match(text, pos + 1, b) if text[pos:pos + 1] == " " else None
        if w is None or not w.group()[:1].islower():
            return None
        p = parses(w.group().lower())[:1]
        if not p or p[0].tag.case != "gent":
            return None
        if p[0].tag.POS == "NOUN":
            return None if lemma(w.group()) in marks.FORMAL_DOCUMENTS or lemma(w.group()) in marks.DOCUMENT_NOUNS \
                else w
        if p[0].tag.POS not in ("ADJF", "PRTF"):
            return None
        pos = w.end()
    return None


def _animate(word: str) -> bool:
    """The noun's likeliest reading is animate ("экспертов", "сенаторов")."""
    ps = parses(word.lower())[:1]
    return bool(ps) and ps[0].tag.animacy == "anim"


_REFER_REACH = 2500  # characters back to the body a generic word in the clause stands for


def _referred_issuer(ctx: Context, word: re.Match, before: int) -> str | None:
    """The body a generic word qualifying the document stands for ("партии": the party named before), when the
    word is such a word and the body is named within the reach; None otherwise ("в заявлении экспертов")."""
    lem = lemma(word.group())
    if lem not in marks.ISSUER_REFERENCES:
        return None
    prev = [m.group() for m in WORDS_RE.finditer(ctx.text, max(0, word.start() - 30), word.start())][-1:]
    land = country(prev[0]) if prev else None
    org = issuing_body(ctx, word.start(), word.group(), land)
    if org is None or not _named_within(ctx, org, word.start(), _REFER_REACH):
        return None
    return org.name()


def issuing_body(ctx: Context, pos: int, word: str, land: str | None = None) -> Org | None:
    """The body a generic word owning a document at pos ("— сказано в сообщении ведомства") stands for: the nearest
    body it fits named before pos, unless the sentence naming that one has another body it fits as the subject that
    spoke or issued something ("Следственный комитет России объявил о возбуждении дела в отношении двух сотрудников
    Росгвардии": the committee issues its statement, not the guard)."""
    nearest = ctx.orgs.refer(pos, word, land)
    if nearest is None or land:
        return nearest
    lem = lemma(word.lower())
    last = next((m for m in reversed(ctx.orgs.mentions) if m.start < pos and ctx.orgs.orgs[m.key] is nearest
                 and not _quoted(ctx, m.start)), None)
    if last is None:
        return nearest
    text = ctx.text
    lo = sentence_start(text, max(0, last.start - _NARRATIVE_REACH), last.start)
    subject = _subject_org(ctx, lo, sentence_end(text, last.end, min(len(text), last.end + _NARRATIVE_REACH)),
                           referring=False)
    if subject is not None and subject is not nearest and (lem in subject.kinds or lem == subject.head) \
            and not any(ctx.orgs.orgs[m.key] is subject and m.start < last.end and last.start < m.end
                        for m in ctx.orgs.mentions):  # (not the same body, an alias in brackets)
        return subject
    return nearest


def _named_within(ctx: Context, org: Org, pos: int, reach: int) -> bool:
    """The body is named in the reach before pos."""
    return any(pos - reach <= m.start < pos and ctx.orgs.orgs[m.key] is org for m in ctx.orgs.mentions)


def reference_holds(ctx: Context, org: Org | None, word: str, pos: int) -> Org | None:
    """The body a generic word at pos ("— отметили в ведомстве") was found to stand for, when nothing closer may be
    meant: no other kind of body that the word fits, left unregistered ("По сообщению прокуратуры, …" after
    "УФСИН"), is named after the body's last mention; None otherwise."""
    if org is None:
        return None
    named = [m for m in ctx.orgs.mentions if m.start < pos and ctx.orgs.orgs[m.key] is org]
    if not named:
        return org  # the lead names it ("Об этом сообщили в Минобороны России. В ведомстве отметили …")
    lem = lemma(word.lower())
    last = named[-1].end
    for m in WORDS_RE.finditer(ctx.text, last, max(last, pos - len(word))):
        head = lemma(m.group().lower())
        if not m.group()[:1].islower() or head not in marks.ORG_HEADS or _quoted(ctx, m.start()) \
                or any(o.start <= m.start() < o.end for o in ctx.orgs.mentions):
            continue
        if (head == lem or lem in marks.ORG_KINDS.get(head, ())) and head != org.head and head not in org.kinds \
                and _speaks_as_body(ctx.text, m):
            return None  # "прокуратуры" after "УФСИН": the office the word stands for may be that one
    return org


_SOURCE_OF = frozenset("сообщению данным информации мнению словам".split())  # "по сообщению прокуратуры"


def _speaks_as_body(text: str, m: re.Match) -> bool:
    """The body noun at m is told as a source: a subject in the nominative ("прокуратура выяснила"), or after "по
    сообщению", "по данным" ("По сообщению прокуратуры, …"); not "после переговоров российского командования"."""
    before = [w.lower() for w in WORDS_RE.findall(text, max(0, m.start() - 30), m.start())][-2:]
    if len(before) == 2 and before[0] == "по" and before[1] in _SOURCE_OF:
        return True
    ps = parses(m.group().lower())[:1]
    return bool(ps) and ps[0].tag.case == "nomn" and (not before or before[-1] not in marks.PREPOSITIONS)


_CHAIN = 2  # genitive words between a document noun and its issuer ("в описании тендера ЕС")


def _issuer_in_chain(ctx: Context, a: int, b: int) -> str | None:
    """The body the clause text[a:b] names at the end of a short genitive chain after its document noun ("—
    говорится в описании тендера ЕС", "в докладе рабочей группы ООН"), else None."""
    text = ctx.text
    doc = document_match(text, a, b)
    if doc is None:
        return None
    pos = doc.end()
    for _ in range(_CHAIN + 1):
        gap = text[pos:pos + 2]
        if not gap[:1].isspace():
            return None
        start = pos + len(gap) - len(gap.lstrip())
        org = next((m for m in _mentions_in(ctx, start, start + 1)), None)
        if org is not None:
            return ctx.orgs.orgs[org.key].name() if pos > doc.end() else None  # right after: the rules' case
        w = WORDS_RE.match(text, start, b)
        if w is None or not w.group()[:1].islower() or not _genitive_word(w.group()):
            return None
        pos = w.end()
    return None


def _genitive_word(word: str) -> bool:
    """A noun or adjective that reads as genitive ("тендера", "рабочей"), not a preposition or a verb."""
    low = word.lower()
    return low not in marks.PREPOSITIONS and any(p.tag.POS in ("NOUN", "ADJF") and p.tag.case == "gent"
                                                 for p in parses(low)[:2])


def _bare_document(text: str, a: int, b: int) -> bool:
    """The clause text[a:b] names its document with nothing qualifying it ("— говорится в сообщении.", "… в
    документе, опубликованном …"), not "в заявлении военного штаба" or "в заявлении на сайте правительства"."""
    doc = document_match(text, a, b)
    if doc is not None and re.match(r"[ \u00a0]+к[ \u00a0]", text[doc.end():doc.end() + 4]):
        return True  # "в описании к гранту": what the document is to, not who issued it
    return doc is not None and (doc.end() >= b or not text[doc.end()].isspace())


_QUOTED_REACH = 3000  # characters back to an earlier quote of the same document (long documents are quoted often)


def _issuer_quoted_before(ctx: Context, doc: str, before: int) -> str | None:
    """The issuer found for the nearest earlier quote from a document of the same kind ("«…», — говорится в
    сообщении дипмиссии" … "«…», — говорится в сообщении."), within the reach, whoever was quoted in between;
    None when that quote has no issuer either."""
    for at, who in sorted(ctx.documented.items(), reverse=True):
        if not before - _QUOTED_REACH <= at < before:
            continue
        end = next((e for s, e in ctx.taken if abs(s - at) <= 3), None)
        if end is None:
            continue
        other = clause_document(ctx.text, end, sentence_end(ctx.text, end, min(len(ctx.text), end + 200)))
        if other is not None and _same_kind(doc, other) and not _signed_elsewhere(ctx, doc, who):
            return who
    return None


def _signed_elsewhere(ctx: Context, doc: str, who: str | None) -> bool:
    """A person issued the earlier document (an order they signed) and the later clause names a statement, not an
    order or a generic document ("«…», — говорится в документе" by Путин, then "— сказано в сообщении" of the EU)."""
    return who is not None and doc not in marks.DECREE_DOCUMENTS and doc not in marks.GENERIC_DOCUMENTS \
        and who in ctx.people_by_name()


def _same_kind(doc: str, other: str) -> bool:
    """Two document nouns may name the same document: the same noun, two words for a statement ("сообщение",
    "заявление"), or a generic one ("документ", "текст") for any formal document."""
    if doc == other:
        return True
    if doc in marks.GENERIC_DOCUMENTS:
        return other in marks.FORMAL_DOCUMENTS or other in marks.GENERIC_DOCUMENTS
    if other in marks.GENERIC_DOCUMENTS:  # "— говорится в документе", then "— сообщается в докладе"
        return doc in marks.FORMAL_DOCUMENTS
    reports = marks.REPORT_DOCUMENTS
    return doc in _STATEMENTS and other in _STATEMENTS or doc in reports and other in reports


_STATEMENTS = frozenset("сообщение заявление коммюнике релиз пресс-релиз".split())  # words for one statement


def _signed_kind(described: str | None) -> bool:
    """The clause's document may be a signed order: it describes none, or a generic one or an order ("в тексте
    документа", "в тексте указа"; not "в тексте обращения")."""
    return described is None or described in marks.GENERIC_DOCUMENTS or described in marks.DECREE_DOCUMENTS


def _issuer_of_mention(ctx: Context, doc: str, before: int, signed: bool = False) -> str | None:
    """The organisation tied to the last few earlier mentions of the document (same noun; any formal document
    for "документ"/"текст"), outside quotations; with ``signed`` (the clause names its document bare), also the
    person who signed an order mentioned ("Трамп подписал указ о приостановке …")."""
    seen = 0
    for m in reversed(list(WORDS_RE.finditer(ctx.text, 0, before))):
        lem = lemma(m.group())
        if lem != doc and (doc not in marks.GENERIC_DOCUMENTS or lem not in marks.FORMAL_DOCUMENTS) \
                and not (doc in _STATEMENTS and lem in _STATEMENTS and _issued(ctx.text, m.start())) \
                and not (doc in marks.REPORT_DOCUMENTS and lem in marks.REPORT_DOCUMENTS):
            continue
        if _quoted(ctx, m.start()) or lem != doc and before - m.start() > _QUOTED_REACH:
            continue  # another document's name counts near the quote only
        org = _org_of_sentence(ctx, m.start(), m.end())
        if org is not None:
            return org.name()
        signer = _signer(ctx, sentence_start(ctx.text, 0, m.start()), m.start()) \
            if signed and lem in marks.DECREE_DOCUMENTS else None
        if signer is not None:
            return signer  # "Трамп подписал указ о приостановке приёма беженцев … «…», — говорится в документе"
        author = _sender(ctx, m)
        if author is not None:
            return author  # "Сенатор Элизабет Уоррен направила на рассмотрение в конгресс законопроект"
        seen += lem == doc  # other documents a generic noun may stand for do not use up the look back
        if seen >= _MENTIONS:
            break
    return None


_SENDER_REACH = 6  # words from a verb of publishing or sending to the document it has as its object
# Verbs (lemmas) by which a person puts out a document of their own ("направила законопроект", "внёс поправки",
# "опубликовал обращение"); not signing or issuing, which a president does to a law others wrote.


def _sender(ctx: Context, doc: re.Match) -> str | None:
    """"Американский сенатор Элизабет Уоррен направила на рассмотрение в конгресс законопроект": the person the
    registry knows named as the subject of a verb of sending or publishing (marks.SENDING_VERBS) whose object, a few words
    on, is the document mentioned at ``doc`` (accusative); the document's text is then that person's. None when the
    sentence has no such verb before the document, or no known person as its subject."""
    text = ctx.text
    if not any(p.tag.case == "accs" for p in parses(doc.group().lower())[:2]):
        return None
    start = sentence_start(text, 0, doc.start())
    ws = list(WORDS_RE.finditer(text, start, doc.start()))[-_SENDER_REACH:]
    verb = next((w for w in ws if w.group()[:1].islower() and lemma(w.group().lower()) in marks.SENDING_VERBS
                 and any(p.tag.POS == "VERB" for p in parses(w.group().lower())[:1])), None)
    if verb is None:
        return None
    groups = [g for g in find_groups(text, start, verb.start()) if not _quoted(ctx, g.start) and may_be_subject(text, g)]
    if len(groups) != 1:
        return None
    person = ctx.registry.lookup(groups[0])
    return person.name() if person is not None and len(person.tokens) > 1 else None


def _issued(text: str, pos: int) -> bool:
    """The statement noun at pos is the object of a verb of publishing just before it ("ЦТАК опубликовало
    сообщение", "выпустил заявление"), not a source relayed ("по сообщению агентства")."""
    ws = [w for w in WORDS_RE.findall(text, max(0, pos - 40), pos)][-3:]
    return any(lemma(w.lower()) in marks.PUBLISH_VERBS for w in ws) or _stated_in(ws)


_STATED_IN = frozenset("говорится говорилось сообщается сообщалось отмечается отмечалось указывается указывалось "
                       "сказано".split())


def _stated_in(ws: list[str]) -> bool:
    """The words before a statement noun are an impersonal verb of stating and "в" ("Об этом говорится в
    сообщении Центра …"): the narrative names the statement the quotes after it come from."""
    return len(ws) >= 2 and ws[-1].lower() in ("в", "во") and ws[-2].lower() in _STATED_IN


def _org_of_sentence(ctx: Context, start: int, end: int) -> Org | None:
    """The body that issues the document named at text[start:end]: in the genitive right after it ("доклад
    Мюнхенской конференции"), else the subject of its sentence ("USAID … опубликовало контракт", "В палате общин
    подготовили документ")."""
    text = ctx.text
    hi = sentence_end(text, end, len(text))
    after = next((mm for mm in _mentions_in(ctx, end, min(hi, end + 60))), None)
    if after is not None and _adjectives_only(text, end, after.start) \
            and _may_read_as(text, after.start, "gent"):  # not "в докладе Комитету палаты представителей"
        return ctx.orgs.orgs[after.key]
    lo = sentence_start(text, 0, start)
    return _subject_org(ctx, lo, hi)


def _adjectives_only(text: str, a: int, b: int) -> bool:
    """text[a:b] holds nothing, or only a lowercase country adjective ("в сообщении российского Центра по
    примирению"; not "по сообщениям западных СМИ")."""
    ws = WORDS_RE.findall(text, a, b)
    return not ws or len(ws) == 1 and ws[0][:1].islower() and country(ws[0]) is not None


def body_just_before(ctx: Context, a: int, b: int, before: int) -> str | None:
    """The body the sentence right before the quote has as the subject that spoke or issued something ("Под утро
    управление ФСБ по Ставропольскому краю сообщило, что … «…», — говорится в пресс-релизе."), when the clause
    text[a:b] names its document bare: it issued the document, whoever issued the one quoted before; else None."""
    if not _bare_document(ctx.text, a, b) or _after_related_box(ctx.text, before):
        return None
    return _body_speaking_before(ctx, before, sentences=1)[1]


_BOX_LINES = 4  # lines a box of related links takes: its head, a headline, a lead, maybe a blank


def _after_related_box(text: str, pos: int) -> bool:
    """A box of related links (" Также по теме \n «…» \n Евросоюз выступит … \n") stands right before pos: its
    lines tell of another article."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    for _ in range(_BOX_LINES):  # the last lines before pos, read back one by one (not the whole text split)
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip().lower() in marks.RELATED_BOX_HEADS:
            return True
        if start == 0:
            return False
        end = start - 1
    return False


_QUOTE_RIGHT_BEFORE = 12  # characters between a quote's end and the verb that goes on with its speaker (marks, blanks)


def continuing_body(ctx: Context, pos: int) -> str | None:
    """The body a plural verb with no subject of its own, or "они", at pos goes on with: the speaker of the quote
    that ends right before pos in its paragraph, when that is a body ("в МИД Болгарии заявили: «…». Но заметили,
    что «…»"), else the body the sentence right before pos has as the subject that spoke ("В пресс-службе МВД
    Германии RT сообщили, что … «…», — добавили они."); None otherwise."""
    text = ctx.text
    ends = [(s, e) for s, e in ctx.taken if e <= pos and pos - e <= _QUOTE_RIGHT_BEFORE
            and not text[e:pos].strip(" \u00a0.,!?…»\"“”")]
    if ends:
        start = max(ends)[0]
        who = next((n for s, n in ctx.spoken if abs(s - start) <= 3), None)
        return who if who is not None and who not in ctx.people_by_name() and _body_named(ctx, who) else None
    told, body = _body_speaking_before(ctx, pos, sentences=1)
    return body if told else None


def _body_named(ctx: Context, name: str) -> bool:
    """An organisation the article names goes by the name."""
    return any(org.name() == name for org in ctx.orgs.orgs.values())


def _body_speaking_before(ctx: Context, before: int, sentences: int = _SENTENCES_BACK) -> tuple[bool, str | None]:
    """Whether the last sentence or two before the quote tell that someone spoke or issued something, and the body
    they speak of as its subject (nominative, or "в ORG" with a plural verb: "В посольстве России отреагировали"),
    within the reach (a photo's caption and credits between them and the quote left out); None for the body when
    none is the subject."""
    text = ctx.text
    before = past_caption(text, before)
    lo = max(0, before - _NARRATIVE_REACH)
    end = before
    for _ in range(sentences):
        start = sentence_start(text, lo, max(lo, end - 1))
        if start >= end:
            break
        if any(start <= at <= start + 3 for at, _ in ctx.taken):
            break  # the sentence quotes someone ("«…», — сказал Онодэра."): it says nothing of the document
        if _about_this(text, start, end) or _posted_there(text, start, end):
            source = _source_told(ctx, start, end)
            if source is not None:
                return True, source.name()
        org = _subject_org(ctx, start, end) or _relayed_body(ctx, start, end)
        if org is not None:
            return True, org.name()
        if _issuing_verb(text, start, end) is not None and not _about_this(text, start, end):
            return True, None  # someone the registry does not know issued something there
        end = start
    return False, None


def past_caption(text: str, pos: int) -> int:
    """Where the narrative before pos ends when a photo's credits (" Reuters \n © Khalil Ashawi ") and maybe its
    caption line (one with no sentence end: " Генерал-майор Игорь Конашенков ") stand right before pos; else pos."""
    end, credits = pos, 0
    while credits < marks.PHOTO_CREDIT_LINES:
        line_end = len(text[:end].rstrip())
        start = text.rfind("\n", 0, line_end) + 1
        line = text[start:line_end].strip()
        if not line or not PHOTO_CREDIT.search(line) or start == 0:
            break
        end, credits = start, credits + 1
    if credits == 0:
        return pos
    line_end = len(text[:end].rstrip())
    start = text.rfind("\n", 0, line_end) + 1
    line = text[start:line_end].strip()
    return start if line and start > 0 and not ends_sentence(line) else end


_ABOUT_THIS = re.compile(r"[ \u00a0\t\n]*(?:[Оо]б[ \u00a0]+этом|[Оо]б[ \u00a0]+этом[ \u00a0]+же)[ \u00a0]+")


def _posted_there(text: str, lo: int, hi: int) -> bool:
    """The sentence text[lo:hi] opens with a page where a document appeared ("На сайте предприятия «Южмаш»
    появилось официальное заявление …", "На странице посольства опубликовано обращение"): the document quoted next
    is the page owner's."""
    ws = list(WORDS_RE.finditer(text, lo, min(hi, lo + 200)))
    if len(ws) < 3 or ws[0].group().lower() != "на" or lemma(ws[1].group().lower()) not in _SOURCE_NOUNS:
        return False
    verb = next((i for i, m in enumerate(ws) if lemma(m.group().lower()) in marks.POSTING_VERBS), None)
    return verb is not None and any(lemma(m.group().lower()) in marks.DOCUMENT_NOUNS
                                    for m in ws[verb + 1:verb + 4])


def _about_this(text: str, lo: int, hi: int) -> bool:
    """The sentence text[lo:hi] opens with "Об этом" ("Об этом сообщается на сайте регулятора."): where the news
    was told, with the body it is about the subject of the sentence before."""
    return _ABOUT_THIS.match(text, lo, hi) is not None


_SOURCE_CHAIN = 4  # lowercase words between a document or page noun and its owner ("в комментарии департамента
# информации и печати МИД России")


def _source_told(ctx: Context, lo: int, hi: int) -> Org | None:
    """The body an "Об этом …" sentence text[lo:hi] names as where the news was told, which the quotes after it come
    from: the owner of the document or page named ("Об этом сообщается на сайте ведомства", "Об этом говорится в
    комментарии департамента информации и печати МИД России"), a generic word standing for the body named before;
    None when it names none, or several ("в совместном заявлении организаций «Правый сектор», «Свобода» и …",
    "в материалах обеих компаний")."""
    text = ctx.text
    ws = list(WORDS_RE.finditer(text, lo, hi))
    for i, m in enumerate(ws):
        lem = lemma(m.group().lower())
        if lem not in marks.DOCUMENT_NOUNS and lem not in _SOURCE_NOUNS or _quoted(ctx, m.start()):
            continue
        for w in ws[i + 1:i + 2 + _SOURCE_CHAIN]:
            mention = next(iter(_mentions_in(ctx, w.start(), w.start() + 1)), None)
            if mention is not None:
                return None if list_follows(text, mention.end) else ctx.orgs.orgs[mention.key]  # (a joint document)
            low = w.group().lower()
            if not w.group()[:1].islower() or low in ("обеих", "обоих") or lemma(low) in marks.DOCUMENT_NOUNS:
                return None
            if lemma(low) in marks.ISSUER_REFERENCES and _genitive_word(low):
                return _news_subject(ctx, lo, lemma(low))
            if not _genitive_word(low) and low != "и":
                return None
        return None
    return None


def _news_subject(ctx: Context, lo: int, word: str) -> Org | None:
    """The body a generic word in an "Об этом …" sentence starting at lo stands for ("Генпрокуратура России …
    выявила нарушения. Об этом сообщается на сайте ведомства."): the first body of the sentence before, named in the
    nominative outside quotations, when the word fits it; None otherwise."""
    text = ctx.text
    last = len(text[:lo].rstrip())
    start = sentence_start(text, max(0, lo - _NARRATIVE_REACH), max(0, last - 1))
    first = next((m for m in _mentions_in(ctx, start, lo) if not _quoted(ctx, m.start)), None)
    if first is None or not (_nominative_at(ctx, first) or _people_of(ctx, start, first)):
        return None
    org = ctx.orgs.orgs[first.key]
    return org if word == "организация" or word in org.kinds or word == org.head else None


def _people_of(ctx: Context, lo: int, m: OrgMention) -> bool:
    """The mention is the genitive right after the sentence's subject, a plural noun for people in the nominative,
    adjectives aside ("Украинские радикалы движения «Освобождение» начали блокаду …"): what they do, their body
    tells of."""
    ws = list(WORDS_RE.finditer(ctx.text, lo, m.start))
    if not ws or ctx.text[ws[-1].end():m.start].strip():
        return False
    p = parses(ws[-1].group().lower())[:1]
    if not p or p[0].tag.POS != "NOUN" or p[0].tag.animacy != "anim" or p[0].tag.case != "nomn" \
            or p[0].tag.number != "plur":
        return False
    return all(any(q.tag.POS in ("ADJF", "PRTF") for q in parses(w.group().lower())[:1]) for w in ws[:-1])


def _subject_org(ctx: Context, lo: int, hi: int, referring: bool = True) -> Org | None:
    """The organisation named as the subject of the verb of speaking or issuing of text[lo:hi] ("заявило
    Министерство обороны США", "В посольстве отреагировали"): the closest nominative mention before the verb, or
    one right after it; outside quotations and brackets, not a bare generic word ("Центр")."""
    verb = _issuing_verb(ctx.text, lo, hi)
    if verb is None:
        return None
    v_start, v_end = verb
    before = [m for m in _mentions_in(ctx, lo, v_start) if _subject_mention(ctx, lo, hi, m)]
    if before:
        return ctx.orgs.orgs[before[-1].key]
    if referring:
        body = _generic_subject(ctx, lo, v_start)
        if body is not None:
            return body
    common = _common_issuer(ctx, lo, v_start, v_end)
    if common is not None:
        return common  # "исследовательская служба конгресса подготовила отчёт"
    if subject_before(ctx.text, lo, v_start):
        return None  # "Путин назвал НАТО …", "Авторы настаивают, что … палата": the body is not who speaks
    after = [m for m in _mentions_in(ctx, v_end, min(hi, v_end + _INVERTED_REACH)) if _subject_mention(ctx, lo, hi, m)
             and not _CLAUSE_BREAK.search(ctx.text, v_end, m.start)]
    return ctx.orgs.orgs[after[0].key] if after else None


_CLAUSE_BREAK = re.compile(r"[,;:()«»\"—–]")


def subject_before(text: str, lo: int, verb: int) -> bool:
    """text[lo:verb] holds a subject of its own: a noun or name in the nominative that no preposition governs
    ("Президент России Владимир Путин назвал", "Авторы настаивают"), not "Об этом в среду заявило", nor the object
    of an infinitive ("Прекратить бои вокруг Африна призвали и в МИД Германии")."""
    breaks = list(_CLAUSE_BREAK.finditer(text, lo, verb))
    prev = None
    for m in WORDS_RE.finditer(text, breaks[-1].end() if breaks else lo, verb):
        w = m.group()
        if (prev is None or not _preposition(prev) and not _infinitive_object(prev, w)) and _likely_nominative_noun(w):
            return True
        prev = w
    return False


def _preposition(word: str) -> bool:
    """A preposition: a listed one, or one whose likeliest reading is ("вокруг Африна", "после встречи")."""
    p = parses(word.lower())[:1]
    return word.lower() in marks.PREPOSITIONS or bool(p) and p[0].tag.POS == "PREP"


def _infinitive_object(prev: str, word: str) -> bool:
    """The word may be the accusative object of the transitive infinitive right before it ("Прекратить бои")."""
    p = parses(prev.lower())[:1]
    return bool(p) and p[0].tag.POS == "INFN" and "tran" in p[0].tag.grammemes \
        and any(q.tag.case == "accs" for q in parses(word.lower())[:3])


def _likely_nominative_noun(word: str) -> bool:
    """The word's likeliest reading is a noun in the nominative."""
    ps = parses(word.lower())[:1]
    return bool(ps) and ps[0].tag.POS == "NOUN" and ps[0].tag.case == "nomn"


def _generic_subject(ctx: Context, lo: int, verb: int) -> Org | None:
    """The body a generic word before the verb stands for as its subject ("На сайте организации был опубликован
    документ", "Ведомство опубликовало"): the body the sentence before has as its subject, when the word fits it;
    None when a noun in the nominative before that word is the subject ("Глава ведомства заявил")."""
    text = ctx.text
    for m in WORDS_RE.finditer(text, lo, verb):
        lem = lemma(m.group())
        if lem not in marks.ISSUER_REFERENCES or not m.group()[:1].islower() or _quoted(ctx, m.start()) \
                or any(o.start <= m.start() < o.end for o in _mentions_in(ctx, max(0, m.start() - 80), m.end())):
            continue
        if subject_before(text, lo, m.start()):
            return None
        last = len(text[:lo].rstrip())  # the end of the sentence before, blank lines aside
        start = sentence_start(text, max(0, lo - _NARRATIVE_REACH), max(0, last - 1))
        if start >= lo or any(start <= at <= start + 3 for at, _ in ctx.taken):
            return None
        body = _subject_org(ctx, start, lo, referring=False)
        return body if body is not None and (lem == "организация" or lem in body.kinds or lem == body.head) else None
    return None


_RELAYED = re.compile(r"(?:(?<![А-Яа-яЁё])[Кк]ак|,)[ \u00a0]+(?:сообща[а-яё]+|сообщил[аио]?|заявля[а-яё]+|заявил[аио]?|"
                      r"отмеча[а-яё]+|отметил[аио]?|уточня[а-яё]+|уточнил[аио]?|информиру[а-яё]+)[ \u00a0]+(?:(в|во)[ \u00a0]+)?")


def _relayed_body(ctx: Context, lo: int, hi: int) -> Org | None:
    """"Как сообщает Минздрав РФ, …", "Как сообщили в Минобороны, …", "…, сообщили в Минобороны.": the body named
    right after "как" (or a comma) and a verb of stating (a body, not an outlet: outlets are no organisations here),
    nominative or after "в" with a plural verb; None otherwise."""
    for m in _RELAYED.finditer(ctx.text, lo, hi):
        mention = next((o for o in _mentions_in(ctx, m.end(), m.end() + 1)), None)
        if mention is None or _quoted(ctx, mention.start):
            continue
        located = m.group(1) is not None and ctx.text[m.start():m.end()].rstrip().split()[1].endswith("ли")
        if located or m.group(1) is None and _nominative_at(ctx, mention):
            return ctx.orgs.orgs[mention.key]
    return None


# Pages and channels a body publishes on: "на сайте Кремля сообщается", "сообщается в Twitter канцелярии …".
_SITES = frozenset("сайт страница twitter твиттер аккаунт канал telegram-канал телеграм-канал блог микроблог".split())
_SOURCE_NOUNS = _SITES | frozenset("комментарий страница страничка".split())  # where news is told, besides documents
_LOOKALIKE = str.maketrans("ТАВЕКМНОРСХаеорсух", "TABEKMHOPCXaeopcyx")  # "Тwitter" with a Cyrillic "Т"


def _sited(ctx: Context, m: OrgMention) -> bool:
    """The mention is the genitive owner of a page or channel after "на"/"в" ("на сайте Кремля", "в Twitter
    канцелярии премьер-министра"): the body whose page it is speaks there."""
    ws = [w for w in WORDS_RE.finditer(ctx.text, max(0, m.start - 40), m.start)][-2:]
    if len(ws) < 2 or ctx.text[ws[-1].end():m.start].strip(" \u00a0"):
        return False
    site = ws[-1].group()
    site = (site.translate(_LOOKALIKE) if site.translate(_LOOKALIKE).isascii() else site).lower()
    if site not in _SITES and lemma(site) not in _SITES:
        return False
    return ws[-2].group().lower() in ("на", "в", "во") or _page_speaks(ws[-2].group(), site)


def _page_speaks(verb: str, site: str) -> bool:
    """"…, сообщает сайт Следственного комитета России": the page in the nominative is the subject of the stating
    verb right before it, so the body whose page it is speaks."""
    return verb[:1].islower() and speech_verb(verb)[0] \
        and any(p.tag.case == "nomn" for p in parses(site)[:1])


def _subject_mention(ctx: Context, lo: int, hi: int, m: OrgMention) -> bool:
    """The mention may be the sentence's subject: nominative or "в ORG" with a plural verb, not quoted, not in
    brackets, and a name rather than a bare generic word."""
    if _quoted(ctx, m.start):
        return False
    if ctx.text.count("(", lo, m.start) > ctx.text.count(")", lo, m.start) and not _bracketed_alias(ctx, m):
        return False
    name = ctx.orgs.orgs[m.key].name()
    if " " not in name and lemma(name.lower()) in marks.GENERIC_ORG_WORDS:
        return False
    return _nominative_at(ctx, m) or _located_speaker(ctx, lo, hi, m) or _members_of(ctx, lo, m) or _sited(ctx, m)


def _members_of(ctx: Context, lo: int, m: OrgMention) -> bool:
    """The mention is the genitive after a plural noun for the body's people in the nominative, adjectives
    aside: "Аналитики либерального Центра американского прогресса … заявили", "Авторы доклада из Центра"."""
    ws = list(WORDS_RE.finditer(ctx.text, lo, m.start))
    while ws and ws[-1].group()[:1].islower() and any(p.tag.POS == "ADJF" for p in parses(ws[-1].group())[:1]):
        ws.pop()
    if not ws or lemma(ws[-1].group()) not in marks.MEMBER_NOUNS:
        return False
    head = ws[-1].group().lower()
    prev = ws[-2].group().lower() if len(ws) > 1 else None
    return (prev is None or prev not in marks.PREPOSITIONS) and \
        any(p.tag.case == "nomn" and p.tag.number == "plur" for p in parses(head)[:2])


def _bracketed_alias(ctx: Context, m: OrgMention) -> bool:
    """The mention is a short name in brackets right after the full name of the same body ("Центральное
    телеграфное агентство Кореи (ЦТАК), … опубликовало"): it stands for the subject."""
    return any(o.key == m.key and o.end <= m.start and ctx.text[o.end:m.start].strip() == "("
               for o in ctx.orgs.mentions if m.start - 4 <= o.end <= m.start)


def _issuing_verb(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where text[lo:hi] has its verb of speaking or issuing ("заявило", "опубликовало", "отреагировали"), unless
    it relays a source ("как пишет", "как сообщает"); None when it has none."""
    ws = list(WORDS_RE.finditer(text, lo, hi))
    for i, m in enumerate(ws):
        w = m.group()
        if not w[:1].islower():
            continue
        if speech_verb(w)[0] or lemma(w) in marks.PUBLISH_VERBS or lemma(w) in marks.ISSUING_VERBS \
                or lemma(w) in _STATING_VERBS:
            if _aimed(w) or speech_verb(w)[0] and _in_relative_clause(text, lo, m.start()):
                continue
            if i > 0 and ws[i - 1].group().lower() == "как":
                return None
            return m.start(), m.end()
        if lemma(w) == "прийти" and " ".join(x.group().lower() for x in ws[i + 1:i + 3]) in _CONCLUDED:
            return m.start(), m.end()  # "Счётная палата США пришла к выводу"
    return None


def _in_relative_clause(text: str, lo: int, pos: int) -> bool:
    """The verb at pos stands in a relative clause opened since the last comma ("…, которые силовики называют
    «массовыми беспорядками», …"): a speech verb there is not the sentence's own verb of speaking."""
    comma = text.rfind(",", lo, pos)
    return comma >= 0 and any(lemma(w.lower()) == "который" for w in WORDS_RE.findall(text, comma, pos))


_CONCLUDED = frozenset(("к выводу", "к заключению"))
_STATING_VERBS = frozenset("выразить выражать считать".split())  # "В Госдуме выразили официальную позицию", "В
# Министерстве обороны России считают, что …"


def _aimed(word: str) -> bool:
    """"направлены на защиту": the short participle of "направить" in its sense of aiming, not of sending."""
    return lemma(word) in ("направить", "направлять") and any(p.tag.POS == "PRTS" for p in parses(word)[:1])


def _mentions_in(ctx: Context, lo: int, hi: int) -> list[OrgMention]:
    """Outermost organisation mentions starting inside text[lo:hi]."""
    inside = [m for m in ctx.orgs.mentions if lo <= m.start < hi]
    return [m for m in inside if not any(o.start < m.start and m.end <= o.end for o in inside)]


def _nominative_at(ctx: Context, m: OrgMention) -> bool:
    """The mention is in the nominative and no preposition governs it."""
    org = ctx.orgs.orgs[m.key]
    if not any(at == m.start and nom for at, _, nom in org.forms):
        return False
    if not _may_read_as(ctx.text, m.start, "nomn"):
        return False  # "в докладе Комитету палаты представителей заявил": a verb follows, the case is not nominative
    prev = _word_before(ctx.text, m.start)
    return prev is None or prev.lower() not in marks.PREPOSITIONS


def _may_read_as(text: str, pos: int, case: str) -> bool:
    """The word at pos may be in the case: it has such a reading, or no case at all (an acronym, a Latin name)."""
    first = WORDS_RE.match(text, pos)
    if first is None or first.group().isupper() or not first.group()[:1].isalpha():
        return True
    ps = parses(first.group().lower())[:4]
    return not ps or not ps[0].tag.case or any(p.tag.case == case for p in ps)


def _located_speaker(ctx: Context, lo: int, hi: int, m: OrgMention) -> bool:
    """"В посольстве России отреагировали": the body after "в"/"во" with a plural past verb in the sentence."""
    prev = _word_before(ctx.text, m.start)
    if prev is None or prev.lower() not in ("в", "во"):
        return False
    return any(w.group()[:1].islower() and (w.group().endswith("ли") and is_verb(w.group()) or _plural_present(w.group()))
               for w in WORDS_RE.finditer(ctx.text, lo, hi))


def _plural_present(word: str) -> bool:
    """"считают", "отмечают": a verb in the third person plural of the present."""
    return word.endswith(("ют", "ят", "ут", "ат")) and any({"VERB", "plur", "3per"} <= p.tag.grammemes
                                                          for p in parses(word.lower())[:2])


def _word_before(text: str, pos: int) -> str | None:
    """The word right before pos, when only spaces separate them."""
    j = pos
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "-"):
        k -= 1
    return text[k:j] if k < j else None


def _quoted(ctx: Context, pos: int) -> bool:
    """pos lies inside a quotation."""
    return any(qa <= pos < qb for qa, qb in ctx.quoted_regions())


_REPORT_VERBS = frozenset("подготовить опубликовать выпустить представить обнародовать".split())
_NP_TAIL = 6  # genitive words between an issuer's head noun and its verb ("служба конгресса США")


def _common_issuer(ctx: Context, lo: int, v_start: int, v_end: int) -> Org | None:
    """A body orgs.py does not know, the subject of a verb issuing a report in text[lo:]: a nominative phrase
    headed by an organisation noun ("исследовательская служба конгресса подготовила отчёт"), named in its fullest
    form in the body, lead or title ("Исследовательская служба конгресса США"); None otherwise."""
    text = ctx.text
    verb = text[v_start:v_end]
    obj = [w.group() for w in WORDS_RE.finditer(text, v_end, min(len(text), v_end + 40))][:2]
    if lemma(verb.lower()) not in _REPORT_VERBS or not any(lemma(w.lower()) in marks.REPORT_DOCUMENTS for w in obj):
        return None
    phrase = _issuer_phrase(text, lo, v_start, verb)
    if phrase is None:
        return None
    start, words_, head = phrase
    if _quoted(ctx, start):
        return None
    name = _fullest(ctx, words_)
    return Org(name.lower(), head, frozenset(), [(start, name, True)])


def _issuer_phrase(text: str, lo: int, verb_at: int, verb: str) -> tuple[int, list[str], str] | None:
    """(start, words, head lemma) of the nominative phrase right before the verb headed by an organisation noun
    that agrees with the verb, adjectives before it and genitives after it; None when there is none."""
    ws = list(WORDS_RE.finditer(text, lo, verb_at))
    if not ws or _CLAUSE_BREAK.search(text, ws[-1].end(), verb_at):
        return None
    vp = parses(verb.lower())[:1]
    if not vp or vp[0].tag.POS != "VERB" or vp[0].tag.number != "sing":
        return None
    i = len(ws) - 1
    while i >= 0 and len(ws) - i <= _NP_TAIL + 1:
        w = ws[i].group()
        p = parses(w.lower())[:1]
        if p and p[0].tag.POS == "NOUN" and p[0].tag.case == "nomn" and p[0].tag.number == "sing" \
                and lemma(w.lower()) in marks.ORG_HEADS:
            if vp[0].tag.gender and p[0].tag.gender != vp[0].tag.gender:
                return None
            break
        if not (w.isupper() or _genitive_word(w) or w == "и" and i < len(ws) - 1) or _CLAUSE_BREAK.search(text, ws[i].end(), ws[i + 1].start() if
                                                                           i + 1 < len(ws) else verb_at):
            return None
        i -= 1
    else:
        return None
    head_i = i
    gender = parses(ws[head_i].group().lower())[0].tag.gender
    while i > 0 and not _CLAUSE_BREAK.search(text, ws[i - 1].end(), ws[i].start()) and \
            _agreeing_adjective(ws[i - 1].group(), gender):
        i -= 1
    before = ws[i - 1].group().lower() if i > 0 and not _CLAUSE_BREAK.search(text, ws[i - 1].end(),
                                                                               ws[i].start()) else None
    if before is not None and (before in marks.PREPOSITIONS or _likely_nominative_noun(before)
                               or lemma(before) in marks.MEMBER_NOUNS):
        return None  # "в комиссии …", "эксперты комиссии …": the body is not the subject
    return ws[i].start(), [m.group() for m in ws[i:]], lemma(ws[head_i].group().lower())


def _agreeing_adjective(word: str, gender: str | None) -> bool:
    """A nominative singular adjective of the gender ("исследовательская" before "служба")."""
    p = parses(word.lower())[:1]
    return bool(p) and p[0].tag.POS in ("ADJF", "PRTF") and p[0].tag.case == "nomn" and \
        p[0].tag.number == "sing" and (gender is None or p[0].tag.gender == gender)


def _fullest(ctx: Context, words_: list[str]) -> str:
    """The phrase with the most proper words after it that the title, lead or body write for it ("исследовательская
    служба конгресса" -> "Исследовательская служба конгресса США"), its first letter capitalised."""
    stems = [re.escape(w.lower()[:max(3, len(w) - 3)]) + r"[а-яё]*" for w in words_]
    pattern = re.compile(r"(?<![А-ЯЁа-яё])" + r"\s+".join(stems) + r"(?![А-ЯЁа-яё])", re.IGNORECASE)
    extra: list[str] = []
    for source in (ctx.title or "", ctx.lead or "", ctx.text):
        for m in pattern.finditer(source):
            more = []
            for w in WORDS_RE.finditer(source, m.end(), min(len(source), m.end() + 80)):
                if source[m.end() if not more else more[-1].end():w.start()].strip() or not w.group()[:1].isupper() \
                        or not (w.group().isupper() or _genitive_word(w.group())):
                    break
                more.append(w)
            if len(more) > len(extra):
                extra = [w.group() for w in more]
    name = " ".join([*words_, *extra])
    return name[:1].upper() + name[1:]


_AUTHORS = frozenset("автор соавтор составитель".split())  # lemmas: "авторы доклада считают"


def authors_issuer(ctx: Context, a: int, b: int, quote_start: int) -> tuple[str | None, str | None] | None:
    """"Авторы доклада считают", "по мнению авторов исследования": the clause text[a:b] gives the authors of a
    document as who speaks; (its issuer, None), the issuer named right after the document ("авторы доклада
    Польского института") or from the narrative; None when the clause does not, names the author ("автор доклада
    Ричард Макларен") or the narrative does not tell the issuer (the rules may know a person who wrote it)."""
    text = ctx.text
    ws = list(WORDS_RE.finditer(text, a, b))
    for i, m in enumerate(ws[:-1]):
        if lemma(m.group().lower()) not in _AUTHORS or _quoted(ctx, m.start()):
            continue
        prev = WORDS_RE.findall(text, max(0, m.start() - 30), m.start())[-1:]  # the clause may start after it
        if not _authors_speak(m.group(), prev[0] if prev else None):
            continue
        doc = ws[i + 1]
        if lemma(doc.group().lower()) not in marks.FORMAL_DOCUMENTS or text[m.end():doc.start()].strip():
            continue
        right = next((o for o in _mentions_in(ctx, doc.end() + 1, doc.end() + 2)), None)
        if right is not None:
            return ctx.orgs.orgs[right.key].name(), None
        if any(w.group()[:1].isupper() for w in ws[i + 2:]):
            return None  # a name follows: the author is named
        issuer = narrative_issuer(ctx, doc.start(), doc.end(), quote_start)
        return (issuer, None) if issuer is not None else None  # unknown: the rules may know the author
    return None


_OPINION_OF = frozenset("мнению словам оценке данным".split())  # "по мнению авторов доклада"


def _authors_speak(word: str, prev: str | None) -> bool:
    """The authors word is a subject ("авторы", "автор") or whose opinion is told ("по мнению авторов")."""
    if prev is not None and prev.lower() in _OPINION_OF:
        return True
    return any(p.tag.case == "nomn" for p in parses(word.lower())[:1])
