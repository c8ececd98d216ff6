"""Interviews told as dialogue: runs of dash turns, which of them are questions and answers, and who answers
(the interviewee an article presents by a header line, an address, its title, a cue, an intro or its lead)."""
from __future__ import annotations

import re
from typing import Iterator

from . import marks
from .rules import Context, Found, _DASH_START, _rstrip
from .speakers import Mention, Person, find_groups, is_known, is_role_word, lemma, may_be_subject, parses, surname_key
from .speakers import _WORD_END  # a lowercase word right before a position
from .text import PHOTO_CREDIT, WORDS_RE, sentence_end, sentence_start, speech_verb, words


_TURN = re.compile(r"[ \u00a0\t]*[—–-][ \u00a0\t]*(?=[А-ЯЁA-Z«\"])")
_TURN_END = re.compile(r"[.!?…][»\"”)]*[ \u00a0\t]*$")
_ATTR_IN_TURN = re.compile(r"[,.!?…][ \u00a0]*[—–-][ \u00a0]+([а-яё]+)(?:[ \u00a0]+([а-яё]+))?")
_MAX_GAP_PARAS = 4  # non-dash lines ("Также по теме" boxes) a run of turns may skip


_SOFT_BREAK = re.compile(r"[^.!?…:;»\"”)\s][ \u00a0]+$")  # a line cut inside a sentence, its last space kept
_DASH_GOES_ON = re.compile(r"[ \u00a0\t]*[—–-][ \u00a0]+[а-яё]")  # "— это …": the sentence's own dash


def _soft_break(text: str, line: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """The line was broken inside a sentence, the next one going on with it ("— Этот самый наставник \nМэтт Уиткомб
    признался …?", "— Ситуации с флагами \n— это единственные …?"): the line ends in a word and a space, and the next
    line follows at once with a letter, a quoted name or the sentence's own dash (not a caption's leading space, an
    editor's bracket or a new turn)."""
    if nxt[0] - line[1] > 2 or not _SOFT_BREAK.search(text, line[0], line[1]):
        return False
    head = text[nxt[0]:nxt[1]]
    return head[:1].isalpha() or head[:1] == "«" or _DASH_GOES_ON.match(head) is not None


def _turn_extent(text: str, paras: list[tuple[int, int]], i: int) -> tuple[int, int]:
    """Index of the last line of the turn starting at line i (lines broken inside a sentence go on in lowercase)."""
    j = i
    while j + 1 < len(paras) and (text[paras[j + 1][0]:paras[j + 1][1]].lstrip()[:1].islower()
                                  or _soft_break(text, paras[j], paras[j + 1])):
        j += 1
    return j, _rstrip(text, paras[i][0], paras[j][1])


def _dash_turns(ctx: Context) -> list[list[tuple[int, int]]]:
    """Runs of dash paragraphs that read as dialogue turns; blank lines and short gaps of other lines between
    them are allowed, but not a paragraph of narrative."""
    runs: list[list[tuple[int, int]]] = [[]]
    text, paras = ctx.text, ctx.paras
    gap = 0
    i = 0
    while i < len(paras):
        a, b = paras[i]
        line = text[a:b]
        m = _TURN.match(text, a, b) if line.strip() else None
        if m:
            j, end = _turn_extent(text, paras, i)
            if _TURN_END.search(text[a:end]):
                runs[-1].append((m.end(), end))
                gap = 0
                i = j + 1
                continue
        if line.strip():
            gap += 1
            if runs[-1] and (gap > _MAX_GAP_PARAS or not WORDS_RE.search(line) or len(line) > 200 and _TURN_END.search(line)):
                runs.append([])
        i += 1
    return [r for r in runs if len(r) >= 2]


def _first_person(s: str) -> bool:
    """The attribution inside a turn is the narrator's own ("— спрашиваю", "констатирую я")."""
    for m in _ATTR_IN_TURN.finditer(s):
        for w in m.groups():
            if w and (w == "я" or any("1per" in p.tag.grammemes for p in parses(w)[:1])):
                return True
    return False


def _is_question(line: str) -> bool:
    return "?" in line


_MIN_ANSWER = 80  # mean length of interview answers; jokes and chats have short replies


def _interview(lines: list[str], flips: bool = True) -> int | None:
    """Questions and answers alternate: the parity (0 or 1) of the question turns, or None when this is no
    interview. Most turns of that parity ask something, few of the others do, and the answers are long. With
    ``flips`` (not in a story), the phase may flip once, each side alternating on its own."""
    if len(lines) == 2 and _is_question(lines[0]) and not _is_question(lines[1]) \
            and len(words(lines[0])) >= 5 and len(lines[1]) >= _MIN_ANSWER:
        return 0  # one exchange: a real question and a long answer
    parity = _alternating(lines)
    if parity is not None or not flips:
        return parity
    for k in range(_MIN_PHASE, len(lines) - _MIN_PHASE + 1):  # a question and answer merged into one turn
        first = _alternating(lines[:k])
        if first is not None and _alternating(lines[k:]) is not None:
            return first  # (_phased finds where the phase flips)
    return None


_MIN_PHASE = 4  # turns on each side of a flipped phase


def _alternating(lines: list[str]) -> int | None:
    """The parity of the question turns when questions and answers strictly alternate, else None."""
    for parity in (0, 1):
        qs, ans = lines[parity::2], lines[1 - parity::2]
        if len(qs) < 2 or not ans:
            continue
        asked = sum(map(_is_question, qs))
        if asked * 3 >= len(qs) * 2 and sum(map(_is_question, ans)) * 3 <= len(ans) \
                and sum(map(len, ans)) >= _MIN_ANSWER * len(ans):
            return parity
    return None


_BREAK_COST = 1.5  # a run of turns breaking the question/answer alternation (a turn merged or split)
_MISREAD_COST = 1.0  # a question without "?" or an answer ending with one


def _phased(lines: list[str], parity: int) -> list[bool]:
    """Which turns ask, in the strict alternation of ``parity`` unless breaking it once or more fits the question
    marks better (a question and answer merged into one line flips the phase for the rest): the cheapest
    labelling, each break costing more than one misread turn."""
    strict = [n % 2 == parity for n in range(len(lines))]
    if not lines:
        return strict
    ends = [_asks(line) for line in lines]
    costs = {True: 0.0 if ends[0] else _MISREAD_COST, False: _MISREAD_COST if ends[0] else 0.0}
    costs[not strict[0]] += _BREAK_COST  # the first turn keeps the parity the run showed
    back: list[dict[bool, bool]] = []
    for e in ends[1:]:
        step, prev = {}, {}
        for q in (True, False):
            src = min((True, False), key=lambda p: costs[p] + (_BREAK_COST if p == q else 0.0))
            prev[q] = src
            step[q] = costs[src] + (_BREAK_COST if src == q else 0.0) + (0.0 if e == q else _MISREAD_COST)
        costs = step
        back.append(prev)
    label = min((True, False), key=lambda q: (costs[q], q != strict[-1]))
    out = [label]
    for prev in reversed(back):
        label = prev[label]
        out.append(label)
    return out[::-1]


_ASKS = re.compile(r"\?[)]?[ \u00a0\t]*$")  # not "?»": an answer may end quoting someone's question
_MIN_LOOSE_ANSWER = 150  # mean answer length when turns do not alternate: only long answers make an interview


# a request for an answer opening the turn: "Расскажите о …", "А теперь поясните …", "Владимир, прокомментируйте …"
_REQUEST = re.compile(r"[ \u00a0\t]*(?:[А-ЯЁ][а-яё]+,[ \u00a0]+)?(?:(?:А|И)[ \u00a0]+)?(?:теперь[ \u00a0]+)?"
                      r"(?:расскажите|поясните|объясните|опишите|прокомментируйте|уточните|поделитесь)(?![а-яё])",
                      re.IGNORECASE)
_MAX_REQUEST = 300  # characters of a question asking to tell; a longer turn opening so is an answer merged into it


def _asks(line: str) -> bool:
    """The turn ends with a question mark, or is a short request to tell ("Расскажите о ситуации с браузером Tor."):
    an interviewer's question."""
    return bool(_ASKS.search(line)) or len(line) <= _MAX_REQUEST and _REQUEST.match(line) is not None \
        and _MERGED.search(line) is None


# a turn running into the next one, the line break lost after a question without its mark ("Расскажите о состоянии
# игроков — Завтра проведём …")
_MERGED = re.compile(r"[а-яё][ \u00a0\t]*\n?[ \u00a0\t]*[—–-][ \u00a0]+[А-ЯЁ]")


def _narrated(line: str) -> bool:
    """The turn goes on with the narrator's verb ("— Годится, — кивнул Сэмен."): a conversation in a story."""
    return any(w and any(p.tag.POS == "VERB" for p in parses(w)[:1])
               for m in _ATTR_IN_TURN.finditer(line) for w in m.groups())


_TOLD_SHARE = 4  # a run with a narrator's verb in this share of its turns or more is a story's dialogue
_MAX_NARRATED = 2  # this many dash turns with a narrator's verb make the article a story (no loose interview)


def _loose_interview(lines: list[str]) -> list[bool] | None:
    """Questions and answers that do not strictly alternate (an answer in two dash paragraphs, a rhetorical
    question, a question in two parts): which turns ask, or None when this is no interview. At least two turns
    end with a question mark, as many or more do not, one of the first two asks, and the answers are long."""
    asks = [_asks(line) for line in lines]
    answers = [line for line, q in zip(lines, asks) if not q]
    if sum(asks) < 2 or len(answers) < sum(asks) or not asks[0] and not asks[1]:
        return None
    if sum(map(len, answers)) < _MIN_LOOSE_ANSWER * len(answers):
        return None
    return asks


_TITLE_QUOTED = re.compile(r"«(?:[^«»]|«[^«»]*»)*»|\"[^\"]*\"|„[^“”]*[“”]")  # «… «закидонов» Фуркада»
_TITLE_WORD = re.compile(r"(?<![А-ЯЁа-яёA-Za-z-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?![А-ЯЁа-яё-])")


def _lone_name(word: str) -> str | None:
    """A capitalised title word as one person's single name, nominative: a word the dictionary does not know
    ("Дутерте", "Роналдиньо"), or a first name or surname it does ("Путина" → "Путин"); None for anything else."""
    low = word.lower()
    if not is_known(low):
        return None if is_role_word(low) else word
    for p in parses(low)[:2]:
        if p.tag.POS == "NOUN" and {"Name", "Surn"} & p.tag.grammemes and "plur" not in p.tag.grammemes:
            return p.normal_form.capitalize() if p.tag.case != "nomn" else word
    return None


# "«Испытывают давление …»: Алябьев о результатах …", "Кризис в Европе: Меркель о беженцах": a headline, then a colon,
# then who speaks (after role words) and about what
_TITLE_SPEAKS_ABOUT = re.compile(r".*:[ \u00a0]*"
                                 r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \u00a0]+(?:о|об|про)[ \u00a0]")


def title_interviewee(title: str) -> str | None:
    """The single name of the one interviewed, from a title that calls the article an interview ("полная версия
    интервью с президентом Филиппин Дутерте", "Роналдиньо дал интервью RT"): exactly one capitalised word outside
    quotation marks that can be a person's name; or from a headline, a colon, then who speaks about what
    ("«…»: Алябьев о результатах российских биатлонистов", "Кризис в Европе: Меркель о беженцах")."""
    about = _TITLE_SPEAKS_ABOUT.match(title)
    if about is not None:
        return _lone_name(about.group(1))
    plain = _TITLE_QUOTED.sub(" ", title)
    if not any(lemma(w) in marks.INTERVIEW_WORDS for w in words(plain.lower())):
        return None
    names = {n for n in (_lone_name(m.group()) for m in _TITLE_WORD.finditer(plain)) if n}
    return names.pop() if len(names) == 1 else None


_ADDRESS = re.compile(rf"(?m)^[ \u00a0\t]*[—–-][ \u00a0\t]*(?:{marks.ADDRESS_TITLES})[ \u00a0]+"
                      r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?=[ \u00a0]*[,!?])")


def _addressed(ctx: Context, pos: int) -> tuple[str, str | None] | None:
    """The one an interviewer's question up to the turn at pos addresses by a polite title ("— Господин Роудс,
    процесс расщепления …"), the last such: the person the article names so in full, else the surname as written
    (an address is in the nominative)."""
    m = None
    for m in _ADDRESS.finditer(ctx.text, 0, pos + 200):
        pass
    if m is None:
        return None
    person = ctx.registry.people.get(surname_key(m.group(1)))
    return (person.name(), person.role) if person is not None else (m.group(1), None)


# "RT попросил прокомментировать ситуацию … Владимира Драчёва", "обратился за комментарием к …": who is asked follows
_ASKED_CUE = (r"|(?<![А-ЯЁа-яё])(?:попросил[аи]?[ \u00a0]+(?:прокомментировать|оценить)|"
              r"обратил(?:ся|ась|ись)[ \u00a0]+за[ \u00a0]+комментари(?:ем|ями)[ \u00a0]+к)(?![А-ЯЁа-яё])")
_INTERVIEW_CUE = re.compile(marks.INTERVIEW_CUE + _ASKED_CUE, re.IGNORECASE)
# the talk with the interviewer named right after it ("Андрей Николишин в беседе с корреспондентом RT выразил
# мнение", "Владимир Левитин в разговоре с корреспондентом RT разобрал"): the interviewee is the subject before it
_TALK_WITH_ASKER = (r"|(?<![А-ЯЁа-яё])в[ \u00a0]+(?:беседе|разговоре|интервью)[ \u00a0]+со?[ \u00a0]+"
                    r"(?:корреспондент|журналист|ведущ|RT(?![А-ЯЁа-яёA-Za-z]))")
_SUBJECT_CUE = re.compile(marks.INTERVIEW_SUBJECT_CUE + _TALK_WITH_ASKER)
_CUE_WINDOW = 3500  # characters before an interview its introduction may stand


_PRONOUN_SUBJECT = re.compile(r"(?<![А-ЯЁа-яё])(?:он|она|они)(?![А-ЯЁа-яё])")


def _cue_mention(ctx: Context, cue: re.Match, by_subject: bool, pos: int) -> Mention | None:
    """The person an interview cue names in its sentence: the one named after it ("поговорил с политологом Майклом
    Томаски"), or with ``by_subject`` the last subject named before it ("… Андрей Чесноков рассказал RT")."""
    text, reg = ctx.text, ctx.registry
    if by_subject:
        start = sentence_start(text, max(0, cue.start() - 400), cue.start())
        named = next((m for m in reversed(reg.mentions)
                      if start <= m.pos < cue.start() and m.nominative and not m.quoted), None)
        if named is not None and _PRONOUN_SUBJECT.search(text, named.pos, cue.start()):
            # "… карьеры Даниила Квята он с радостью поделился с корреспондентом RT": "он", the one named before
            para = max((a for a, _ in ctx.paras if a <= start), default=0)
            return next((m for m in reversed(reg.mentions)
                         if para <= m.pos < start and m.nominative and not m.quoted), None)
        return named
    end = sentence_end(text, cue.end(), pos)
    named = [m for m in reg.mentions if cue.end() <= m.pos < end and not m.quoted]
    if named and _ABOUT.search(text, cue.end(), named[0].pos):
        # what the sentence is about, named before the verb and its subject ("В интервью RT о работе Александра
        # рассказал его бывший начальник Николай Левников")
        return next((m for m in named[1:] if m.nominative and speech_verb(text[named[0].pos:m.pos])[0]), named[0])
    return named[0] if named else None


_ABOUT = re.compile(r"(?<![А-ЯЁа-яё])(?:о|об|обо|про)(?:[ \u00a0]+[а-яё]+)?[ \u00a0]+$", re.IGNORECASE)


def _cued_interviewee(ctx: Context, pos: int) -> tuple[str | None, str | None] | None:
    """The person the last interview cue before the run names in its sentence ("… журналист «Медузы» поговорил с
    американским политологом Майклом Томаски", "Вишеманн обсудил с RT"), or for an earlier run; None when no cue
    names anyone."""
    fresh = _fresh_cue(ctx, pos)
    return fresh if fresh is not None else ctx.cued  # a later run past a box or a photo keeps the one named before


def _fresh_cue(ctx: Context, pos: int) -> tuple[str | None, str | None] | None:
    """The person an interview cue between the turns before and the run at pos names (remembered in ctx.cued)."""
    lo = max([pos - _CUE_WINDOW, 0] + [e for _, e in ctx.taken if e <= pos])  # not inside the turns before
    person = _cued_in(ctx, lo, pos)
    if person is None:
        return None
    ctx.cued = person.name(), person.role
    return ctx.cued


def _cues(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[re.Match, bool]]:
    """The interview cues in text[lo:hi] in order, each with True when the interviewee stands before its verb
    ("Вишеманн обсудил с RT": _SUBJECT_CUE) rather than after ("поговорил с X": _INTERVIEW_CUE)."""
    hi = len(text) if hi is None else hi
    return sorted([(c, False) for c in _INTERVIEW_CUE.finditer(text, lo, hi)]
                  + [(c, True) for c in _SUBJECT_CUE.finditer(text, lo, hi)], key=lambda c: c[0].start())


def _cued_in(ctx: Context, lo: int, hi: int) -> Person | None:
    """The person the last interview cue in ctx.text[lo:hi] names in its sentence, or None."""
    cues = _cues(ctx.text, lo, hi)
    for cue, by_subject in reversed(cues):
        m = _cue_mention(ctx, cue, by_subject, hi)
        if m is not None:
            return ctx.registry.people[m.key]
    return None


# interviewer forms (oblique, or "ведущая программы"): "в интервью ведущей RT Оксане Бойко", "корреспонденту RT Юлии …"
_ASKER_PHRASE = re.compile(r"(?<![А-ЯЁа-яё])(?:ведущ(?:ей|ему|ая|ий)[ \u00a0]+(?:RT|программ|телеканал|передач|шоу)|"
                          r"корреспонденту|корреспондента|журналисту|журналистке|журналиста|журналистки|"
                          r"интервьюеру|обозревателю)", re.IGNORECASE)
# "поговорил … с тренером …, бывшим ", "выяснил у сотрудника …", "дозвонился до менеджера …"
_WITH_GAP = re.compile(r"(?<![А-ЯЁа-яё])(со?|у|до)[ \u00a0]+[^«»\"„:.;!?]*$")
_GOVERNS = {"с": "ablt", "со": "ablt", "у": "gent", "до": "gent"}  # the case each of those prepositions asks for
_OBLIQUE_END = ("ом", "ем", "ым", "им", "ой", "ого", "его", "ому", "ему", "ых", "их")
_NAME_AT = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:[ \u00a0]+(?:[а-яё]{2,4}[ \u00a0]+)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)*")
# a comma opening a subordinate clause ("X рассказал RT, что …", ", останется ли …"); a comma before a role is an
# apposition, not a clause ("заявил автор закона, депутат … Альдо Каркасси")
_SUBCLAUSE = (r",[ \u00a0]+(?:[а-яё]+[ \u00a0]+ли(?![А-ЯЁа-яё])|(?:[а-яё]{1,2}[ \u00a0]+)?(?:что|чтобы|как|как[а-яё]{1,3}|"
                r"почему|зачем|кто|кого|кому|кем|чем|чём|чего|чему|когда|где|куда|откуда|сколько|насколько|ли|будто|"
                r"том|хотя|поскольку|потому|ведь|несмотря|который|котор[а-яё]{1,3})(?![А-ЯЁа-яё]))")
_SUBORDINATE_OPENER = re.compile(_SUBCLAUSE)  # its subject is not the one who speaks
_CLAUSE_OPENER = re.compile(_SUBCLAUSE + r"|,[ \u00a0]+(?:а|и|но|однако)(?![А-ЯЁа-яё])")  # or a coordinate clause
_TOPIC_WORD = re.compile(r"(?<![А-ЯЁа-яё])(?:о|об|обо|про)[ \u00a0]")
_AMBIGUOUS = "?"  # a lead sentence presenting several people interviewed together


def _interviewer(lead: Context, pos: int) -> bool:
    """The name at pos is the one asking: a role phrase of the interviewer runs up to it ("в интервью ведущей RT
    Софико Шеварднадзе"), not cut by "с", a comma, a sentence end ("Корреспондент RT побеседовала с Анной Тув") or
    another name ("… Софико Шеварднадзе футуролог Джейкоб Морган")."""
    lo = max(0, pos - 80)
    before = lead.text[lo:pos]
    cut = max(before.rfind(" с "), before.rfind(" со "), before.rfind(","), before.rfind("."))
    asker = _ASKER_PHRASE.search(before, cut + 1)
    return asker is not None and not any(lo + asker.end() <= m.pos < pos for m in lead.registry.mentions)


def _first_speech_verb_end(text: str, a: int, b: int) -> int | None:
    """End of the first speech verb in text[a:b], or None."""
    return next((m.end() for m in WORDS_RE.finditer(text, a, b) if speech_verb(m.group())[0]), None)


def _main_clause_end(text: str, at: int, end: int) -> int:
    """End of the clause that says who spoke, from at: the first comma opening another clause after the first speech
    verb at or after at ("… Долгов в эксклюзивном интервью рассказал RT, на какой стадии …"), else end."""
    verb = _first_speech_verb_end(text, at, end) or at
    opener = _CLAUSE_OPENER.search(text, verb, end)
    return opener.start() if opener is not None else end


def _lead_subjects(lead: Context, lo: int, hi: int, with_pos: bool = False) -> set:
    """Keys of the people named as subjects in lead.text[lo:hi], the interviewer and what is spoken about ("…
    рассказал RT о поединке между Фабио Мальдонадо и …") left out; with ``with_pos`` (key, position) pairs."""
    text = lead.text
    verb = _first_speech_verb_end(text, lo, hi)  # (one scan for every name of the span)
    return {(m.key, m.pos) if with_pos else m.key for m in lead.registry.mentions
            if lo <= m.pos < hi and (m.nominative or _undeclined(text, m.pos)) and not m.quoted
            and not _interviewer(lead, m.pos) and not _spoken_about(text, verb, m.pos)}


def _spoken_about(text: str, verb: int | None, pos: int) -> bool:
    """The name at pos follows the span's first speech verb (ending at ``verb``) and "о"/"об"/"про" after it: what
    someone speaks about."""
    if verb is None or verb > pos:
        return False
    topic = _TOPIC_WORD.search(text, verb, pos)
    return topic is not None and not any(is_role_word(w) for w in words(text[verb:topic.start()]))


def _name_tokens(text: str, pos: int) -> list[str]:
    """The capitalised words of the name starting at pos."""
    m = _NAME_AT.match(text, pos)
    return [w for w in words(m.group()) if w[:1].isupper()] if m is not None else []


def _undeclined(text: str, pos: int) -> bool:
    """The name at pos is one morphology cannot decline ("Альдо Каркасси", "Инес Сайнс") and reads as written in
    the nominative: every word an indeclinable name, a word the dictionary does not know without an oblique ending,
    or a word with a nominative reading, and at least one of the first two kinds."""
    tokens = _name_tokens(text, pos)
    fixed = 0
    for tok in tokens:
        low = tok.lower()
        if not is_known(low):
            if low.endswith(_OBLIQUE_END):
                return False
            fixed += 1
            continue
        ps = parses(low)
        if any("Fixd" in p.tag.grammemes and "Name" in p.tag.grammemes for p in ps):
            fixed += 1
        elif not any(p.tag.case == "nomn" for p in ps):
            return False
    return fixed > 0


def _in_case(text: str, pos: int, case: str) -> bool:
    """The first word of the name at pos may be in ``case`` (or morphology cannot tell)."""
    tokens = _name_tokens(text, pos)
    if not tokens:
        return True
    low = tokens[0].lower()
    ps = [p for p in parses(low) if {"Name", "Surn", "Patr"} & p.tag.grammemes] or (parses(low) if is_known(low) else [])
    return not ps or any(p.tag.case == case or "Fixd" in p.tag.grammemes for p in ps)


def _cue_person(lead: Context, cue: re.Match, title: str = "") -> str | None:
    """Key of the one interviewed in the lead sentence of an interview cue: the subject of its main clause
    ("Валентин Балахничёв рассказал RT, что …"), else the one it is held with ("RT поговорил с тренером Евгением
    Рукавицыным"), else the subject after it ("Об этом в интервью RT заявил Артём Пацев"), else, for a pronoun or
    role ("В интервью RT он рассказал"), the one subject the lead names before (of several, the one the title's role
    phrase points at); _AMBIGUOUS for several, None for nobody. Names in subordinate clauses are left out."""
    text = lead.text
    a, end = sentence_start(text, 0, cue.start()), sentence_end(text, cue.end(), len(text))
    clause = _main_clause_end(text, cue.start(), end)
    inner = _subordinate_spans(text, a, cue.start())  # not "…, как ещё называли дочь Ярослава Мудрого, …"
    pairs = [(k, at) for k, at in _lead_subjects(lead, a, clause, with_pos=True)
             if (at < cue.end() or not _TOPIC_WORD.search(text, cue.end(), at))  # not "поговорил с RT о …"
             and not any(s <= at < e for s, e in inner)]
    before = {k for k, at in pairs if at < cue.start()}
    if before:
        return before.pop() if len(before) == 1 else _AMBIGUOUS
    held = _held(lead, cue, clause)
    if held is not None:
        return held  # "RT обсудил … с адвокатом Алексеем Карпенко, представляющим интересы Поветкина"
    keys = {k for k, _ in pairs}
    if len(keys) > 1:
        return _AMBIGUOUS
    if keys:
        return keys.pop()
    earlier = _lead_subjects(lead, 0, a, with_pos=True)
    return _one_of(lead, earlier, title)


def _held(lead: Context, cue: re.Match, clause: int) -> str | None:
    """Key of the one the cue's talk was held with in its clause ("пообщался с тренером X", "выяснил у сотрудника
    Y"); of several, the one in the case the preposition asks for ("связались с супругой Виктора — Аллой Бут");
    _AMBIGUOUS for several ("пообщался с победителями — X, Y и Z"), None for nobody."""
    text, reg = lead.text, lead.registry
    held: dict[str, int] = {}
    for m in reg.mentions:
        if cue.end() <= m.pos < clause and not m.quoted and _held_with(text, cue, m.pos) \
                and not _interviewer(lead, m.pos):
            held.setdefault(m.key, m.pos)
    if len(held) > 1:
        agreeing = sorted((at, k) for k, at in held.items()
                          if _in_case(text, at, _GOVERNS[_WITH_GAP.search(text, cue.end(), at).group(1).lower()]))
        if len(agreeing) == 1 or len(agreeing) > 1 and not _listed(text, agreeing[0][0], agreeing[1][0]):
            return agreeing[0][1]  # "дозвонился до Кирилла Зангалиса и узнал …, что … поклонники Магнуса Карлсена"
        return _AMBIGUOUS
    return next(iter(held), None)


_LIST_GAP = 30  # characters between two names of one list ("с победителями — X, Y и Z")


def _listed(text: str, a: int, b: int) -> bool:
    """The names at a and b stand in one list: a short gap of at most one comma between them."""
    end = a + len(" ".join(_name_tokens(text, a)))
    gap = text[end:b]
    return len(gap) <= _LIST_GAP and gap.count(",") <= 1


def _one_of(lead: Context, pairs: set[tuple[str, int]], title: str) -> str | None:
    """Key of the one person of (key, position) pairs, or of several the one the title's role phrase points at
    ("глава МИД Кубы об …" for "… уверен глава МИД Кубы Бруно Родригес Парилья"); _AMBIGUOUS or None."""
    keys = {k for k, _ in pairs}
    if len(keys) <= 1:
        return keys.pop() if keys else None
    return _title_role_pick(lead, pairs, title) or _AMBIGUOUS


_ROLE_REACH = 60  # characters before a name its role phrase may take


def _title_role_pick(lead: Context, pairs: set[tuple[str, int]], title: str) -> str | None:
    """Of the people at (key, position) pairs, the one whose role words before the name share most words with the
    title's role phrase (the title up to what is spoken about: "лучший ассистент МЧМ по хоккею о бронзе"), when
    one does more than any other."""
    role = _title_role_words(title)
    if not role:
        return None
    text, score = lead.text, {}
    for k, at in pairs:
        lo = max(sentence_start(text, max(0, at - _ROLE_REACH), at), at - _ROLE_REACH)
        near = {lemma(w) for w in words(text[lo:at].lower())}
        score[k] = max(score.get(k, 0), len(near & role))
    best = max(score.values())
    top = [k for k, v in score.items() if v == best]
    return top[0] if best > 0 and len(top) == 1 else None


_ROLE_STOP = frozenset("в во на по с со и о об для из за от до к у".split())


def _title_role_words(title: str) -> set[str]:
    """Lemmas of the title's words outside quotation marks and before what is spoken about ("… о бронзе")."""
    plain = _TITLE_QUOTED.sub(" ", title or "")
    topic = _TOPIC_WORD.search(plain)
    head = plain[:topic.start()] if topic is not None else plain
    return {lemma(w) for w in words(head.lower()) if len(w) > 2 and w not in _ROLE_STOP}


def _held_with(text: str, cue: re.Match, pos: int) -> bool:
    """The name at pos closes the "с …" phrase of whom the cue's talk was with ("поговорил об успехе россиянина … с
    главным тренером … Сергеем Кряниным"), not one inside what was talked about ("поговорил с RT о сопернике
    подопечных Станислава Черчесова", "в интервью … рассказал о впечатлениях, отношениях с Валерием Брагиным")."""
    m = _WITH_GAP.search(text, cue.end(), pos)
    if m is None or _TOPIC_WORD.search(text, m.start(), pos) is not None:
        return False
    talked = not cue.group().lower().startswith(("интервью", "бесед"))  # поговорил, связался: "с" names the other side
    return talked or _TOPIC_WORD.search(text, cue.end(), m.start()) is None


def _lead_cued(lead: Context, cues: list[tuple[re.Match, bool]], title: str = "") -> str | None:
    """Key of the person the first of the lead's interview ``cues`` presents as interviewed (see _cue_person)."""
    for cue, _ in cues:
        key = _cue_person(lead, cue, title)
        if key is not None:
            return key
    return None


def _lead_speaker(lead: Context) -> str | None:
    """Key of the one person a lead names as a subject in its sentences with a speech verb ("… Евгений Бушманов
    считает, что …", "…, заявил экс-президент Турции Абдулла Гюль"), not in sentences that only tell what happened
    ("подопечные Массимо Карреры померятся силами"); None when it names none or several ("Каррера признался, …, а
    … Юрий Сёмин раскритиковал судейство")."""
    text, keys = lead.text, set()
    for a, b in _sentences(text):
        if speech_verb(text[a:b])[0]:
            inner = _subordinate_spans(text, a, b)
            keys |= {k for k, at in _lead_subjects(lead, a, b, with_pos=True)
                     if not any(s <= at < e for s, e in inner)}
    return keys.pop() if len(keys) == 1 else None


def _subordinate_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Subordinate clauses in text[a:b], each up to the next comma ("…, что к такому результату привело нежелание
    Массимо Карреры …")."""
    spans = []
    for m in _SUBORDINATE_OPENER.finditer(text, a, b):
        comma = text.find(",", m.end(), b)
        spans.append((m.start(), comma if comma >= 0 else b))
    return spans


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    a = 0
    while a < len(text):
        b = max(sentence_end(text, a, len(text)), a + 1)
        yield a, b
        a = b


def _lead_interviewee(ctx: Context, feminine: bool | None) -> tuple[str, str | None] | None:
    """The person the article's lead presents as interviewed: the one its first interview cue names ("Валентин
    Балахничёв рассказал RT", "RT поговорил с …"), else the one subject of a speech verb in it ("… Евгений Бушманов
    считает, что …"); named as the body names them unless the lead adds to that name. None when the lead names no
    such person, or several interviewed together."""
    lead = ctx.lead_context
    if lead is None:
        return None
    cues = _cues(lead.text)
    key = _lead_cued(lead, cues, ctx.title) if cues else _lead_speaker(lead)  # no guessing past a cue naming nobody
    if key is None or key == _AMBIGUOUS:
        return None
    person = lead.registry.people[key]
    body = ctx.registry.people.get(key) if "#" not in key else None  # namesakes are numbered apart in each text
    if body is not None and not (person.name().endswith(" " + body.name())):
        person = body
    return person.name(feminine), person.role


_INTERVIEWED_WITH = re.compile(r"(?<![А-ЯЁа-яё])(?:интервью|бесед[аеуы])[ \u00a0]+с[о]?[ \u00a0]+[^«»\"„:,.]*$", re.IGNORECASE)


def _title_subject(ctx: Context, feminine: bool | None, in_lead: bool = False) -> tuple[str, str | None] | None:
    """The one person the title names as its subject ("Смолов: …", "Карякин дал интервью RT", "интервью с Родриго
    Дутерте"), not one it names in an oblique case ("о дружбе с Павличенко", "ошибки в докладе Макларена"); None
    when it names no such person or several ("Смолов и Черчесов о матче"), or one a question asks about ("почему
    Порошенко претендует …"). People the body names, or with ``in_lead`` those the lead names."""
    plain = _TITLE_QUOTED.sub(lambda q: " " * len(q.group()), ctx.title)
    found: dict[str, Person] = {}
    if in_lead and ctx.lead_context is None:
        return None
    regs = [ctx.lead_context.registry] if in_lead else [ctx.registry]
    for g in find_groups(plain):
        person = next((p for p in (r.lookup(g) for r in regs) if p is not None), None)
        if person is not None and not _title_topic(plain, g.start) and not _TITLE_ASKS.search(plain, 0, g.start) \
                and not _after_place_preposition(plain, g.start) and not _after_genitive_noun(plain, g.start) \
                and (may_be_subject(plain, g) and not _oblique_form(g.tokens, person)
                     or _INTERVIEWED_WITH.search(plain, 0, g.start)):
            found[person.key] = person
    for m in _TITLE_WORD.finditer(plain):  # a lone surname find_groups leaves out ("Смолов и Черчесов о …")
        person = next((p for p in (r.people.get(surname_key(m.group())) for r in regs) if p is not None), None)
        if person is not None and person.name().split()[-1] == m.group() and not _title_topic(plain, m.start()) \
                and not _TITLE_ASKS.search(plain, 0, m.start()) \
                and _after_preposition(plain, m.start()) is None and not _after_place_preposition(plain, m.start()) \
                and not _after_genitive_noun(plain, m.start()):
            found[person.key] = person
    if len(found) != 1:
        return None
    (person,) = found.values()
    led = ctx.lead_context.registry.people.get(person.key) if not in_lead and ctx.lead_context is not None else None
    if led is not None and len(led.tokens) > 1 and len(person.tokens) > 1 and led.tokens[0] != person.tokens[0]:
        person = led  # the lead presents another of that name ("Хабиб Нурмагомедов", the body his father Абдулманап)
    return person.name(feminine), person.role




def _oblique_form(tokens: tuple[str, ...], person: Person) -> bool:
    """A surname alone the title writes otherwise than the body names that person ("отсутствие Габулова" for
    Владимир Габулов): an oblique case, not the subject."""
    return len(tokens) == 1 and " " in person.name() and person.name().split()[-1] != tokens[0] \
        and surname_key(person.name().split()[-1]) == surname_key(tokens[0])


_PLACE_PREPOSITIONS = frozenset("у в во на при".split())  # "У Карреры игроки бьются": whose, not who speaks
_CAPITAL_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])([А-ЯЁа-яё]{1,3})[ \u00a0]+$")


def _after_place_preposition(text: str, pos: int) -> bool:
    """The name at pos stands after "у"/"в"/"на"/"при", capitalised or not ("У Карреры игроки бьются")."""
    m = _CAPITAL_BEFORE.search(text, max(0, pos - 6), pos)
    return m is not None and m.group(1).lower() in _PLACE_PREPOSITIONS


# a question word opening the title's clause before a name: "Плач Ярославны: почему Порошенко претендует на …"
_TITLE_ASKS = re.compile(r"(?<![А-ЯЁа-яё])(?:почему|зачем|как|что|кто|чем|где|когда|куда|откуда|сколько|за что)"
                         r"(?![А-ЯЁа-яё])[^:—–]*$", re.IGNORECASE)


def _after_preposition(text: str, pos: int) -> str | None:
    """The preposition right before pos, if any ("с Павличенко")."""
    m = _WORD_END.search(text, max(0, pos - 30), pos)
    return m.group(1) if m is not None and m.group(1) in marks.PREPOSITIONS else None


def _after_genitive_noun(text: str, pos: int) -> bool:
    """The word right before pos is a noun in the genitive, never the nominative, whose dependent the name is ("экс-промоутер
    братьев Емельяненко о заявлениях бойца": the brothers are not who speaks)."""
    m = _WORD_END.search(text, max(0, pos - 30), pos)
    if m is None or is_role_word(m.group(1)):
        return False
    ps = parses(m.group(1))
    return bool(ps) and ps[0].tag.POS == "NOUN" and "gent" in ps[0].tag and not any("nomn" in p.tag for p in ps)


_TOPIC = re.compile(r"(?<![А-ЯЁа-яё])(?:о|об|обо|про)[ \u00a0][^:]*$", re.IGNORECASE)


def _title_topic(title: str, pos: int) -> bool:
    """The title word at pos is part of what someone speaks about ("тренер о помощи Виценко")."""
    return _TOPIC.search(title, 0, pos) is not None


def _title_topics(ctx: Context) -> set[str]:
    """Keys of the people the title names as what the article is about ("тренер о помощи Виценко")."""
    if not ctx.title:
        return set()
    plain = _TITLE_QUOTED.sub(lambda q: " " * len(q.group()), ctx.title)
    return {p.key for p in (ctx.registry.people.get(surname_key(m.group())) for m in _TITLE_WORD.finditer(plain)
                            if _title_topic(plain, m.start())) if p is not None}


_INTRO_HEADINGS = 3  # short heading lines ("«Сравнивать меня с Роналду неуместно»") between an intro and its turns
_MIN_INTRO = 100  # characters of a paragraph that introduces an interview (shorter lines are headings)


def _intro_paragraph(ctx: Context, pos: int) -> tuple[int, int] | None:
    """The narrative paragraph right before the turn at pos, past blank lines and a few short headings; after an
    earlier run of turns, only one that opens a new section under a heading of its own (not an answer going on)."""
    i = next((k for k in range(len(ctx.paras) - 1, -1, -1) if ctx.paras[k][1] <= pos), None)
    headings = 0
    while i is not None and i >= 0:
        a, b = ctx.paras[i]
        line = ctx.text[a:b].strip()
        box = _box_start(ctx, i)
        if box is not None:
            i = box - 1  # a box of links to other articles ("Также по теме") is no intro
            continue
        if _DASH_START.match(line):
            return None  # another run of turns right before: no intro
        if len(line) >= _MIN_INTRO:
            later = ctx.interviewed is not None  # then an intro opens a section: under a heading, or right before
            if (later or _dash_before(ctx, i)) and _answer_goes_on(ctx, a, b):
                return None  # an answer going on without a dash ("… Мы все аплодировали решению …")
            return (a, b) if not later or _under_heading(ctx, i) or not headings and _narrated_intro(ctx, a, b) \
                else None  # (a paragraph before a heading ends the section before)
        if line:
            headings += 1
            if headings > _INTRO_HEADINGS:
                return None
        i -= 1
    return None


def _dash_before(ctx: Context, i: int) -> bool:
    """Some paragraph before paragraph i opens with a dash: turns of talk came before it."""
    return any(_DASH_START.match(ctx.text, pa, pb) for pa, pb in ctx.paras[:i] if ctx.text[pa:pb].strip())


def _answer_goes_on(ctx: Context, a: int, b: int) -> bool:
    """The paragraph text[a:b] goes on with an answer, past a quoted line ("«Президент России …»" / ". Я называю
    это …"): it opens with punctuation or speaks in the first person outside quotations."""
    line = ctx.text[a:b].strip()
    return line[:1] in ".,;:)" or _in_first_person(_TITLE_QUOTED.sub(" ", line))


_BOX_HEAD = re.compile(r"[ \u00a0\t]*(?:Также|Читайте также)[ \u00a0]+по[ \u00a0]+теме[ \u00a0:]*$", re.IGNORECASE)
_BOX_LINES = 3  # lines of a box before its summary: the head, the linked title, blank lines


def _box_start(ctx: Context, i: int) -> int | None:
    """Index of the "Также по теме" head when paragraph i is the cut summary of such a box ("… сыграло вничью
    со..."), else None."""
    a, b = ctx.paras[i]
    if not ctx.text[a:b].rstrip().endswith(("...", "…")):
        return None
    seen = 0
    for k in range(i - 1, -1, -1):
        pa, pb = ctx.paras[k]
        if _BOX_HEAD.match(ctx.text, pa, pb):
            return k
        seen += bool(ctx.text[pa:pb].strip())
        if seen >= _BOX_LINES:
            return None
    return None


def _under_heading(ctx: Context, i: int) -> bool:
    """The non-blank line before paragraph i, past a photo's caption and credits ("Фигурист Максим Маринин / РИА
    Новости / © Александр Вильф"), is a short heading, not a turn, narrative or the end of an embedded post
    ("2 марта 2017 г.")."""
    credits = 0
    for a, b in reversed(ctx.paras[:i]):
        line = ctx.text[a:b].strip()
        if not line:
            continue
        if _POST_END.search(line):
            return False
        if PHOTO_CREDIT.search(line) and credits < marks.PHOTO_CREDIT_LINES:
            credits += 1
            continue
        return len(line) < _MIN_INTRO and not _DASH_START.match(line) and not line.startswith("(") \
            and not line.endswith(".")  # not a remark or a sentence ("(Смеётся.)")
    return False


_POST_END = re.compile(r"(?:^|[ \u00a0])\d{4}[ \u00a0]*г\.?$|pic\.twitter|https?:|\(@")  # an embedded post's last lines


_FIRST_PERSON = re.compile(r"(?<![А-ЯЁа-яё])(?:я|мы|мне|меня|мной|нам|нас|нами|мой|моя|моё|мое|мои|моего|моей|"
                           r"моих|наш|наша|наше|наши|нашего|нашей|нашим|наших)(?![А-ЯЁа-яё])", re.IGNORECASE)
# "Следующим к представителям СМИ подошёл защитник …", "в микст-зоне остановился лишь капитан …", "Внимание
# журналистам уделил заместитель министра …": meeting the press
_MEETS_PRESS = re.compile(r"(?<![А-ЯЁа-яё])(?:подош[её]л|подошла|вышел|вышла|остановил(?:ся|ась)|пообщал(?:ся|ась)|"
                          r"пообщаться|уделил[аи]?|(?:поговори|пообща)вш[а-яё]+)(?![А-ЯЁа-яё])[^.!?]*?"
                          r"(?:журналист|прессой|пресс[ыуе]|СМИ|микст-зон|корреспондент)"
                          # "В микст-зоне … остановился только вратарь Гильерме"
                          r"|(?<![А-ЯЁа-яё])(?:в|на)[ \u00a0]+(?:микст-зон[еу]|пресс-конференци[юи])[^.!?]*?"
                          r"(?<![А-ЯЁа-яё])(?:подош[её]л|подошла|остановил(?:ся|ась)|появил(?:ся|ась))(?![А-ЯЁа-яё])"
                          r"|(?<![А-ЯЁа-яё])(?:внимание|время)[ \u00a0]+(?:журналист|прессе|СМИ|корреспондент)[^.!?]*?"
                          r"(?<![А-ЯЁа-яё])уделил[аи]?(?![А-ЯЁа-яё])",  # "Внимание журналистам уделил заместитель …"
                          re.IGNORECASE)


def _narrated_intro(ctx: Context, a: int, b: int) -> bool:
    """The paragraph text[a:b] tells in the third person who spoke ("Вратарь … Антон Шунин был куда спокойнее.
    Футболист заявил, что …"): a speech verb and no word of the first person outside quotation marks, so not an
    answer going on without a dash."""
    plain = _TITLE_QUOTED.sub(" ", ctx.text[a:b])
    return bool(speech_verb(plain)[0] or _MEETS_PRESS.search(plain)) and not _in_first_person(plain) \
        and "?" not in plain  # not a question run on without a dash ("… заявил, что … Вы согласны?")


def _in_first_person(s: str) -> bool:
    """s speaks in the first person: a pronoun ("я", "нам") or a verb ("Считаю, он ошибся …")."""
    return _FIRST_PERSON.search(s) is not None or any(
        "1per" in ps[0].tag.grammemes for w in words(s) if w[:1].isalpha() and (ps := parses(w.lower())))


def _intro_subject(ctx: Context, pos: int, feminine: bool | None) -> tuple[str, str | None] | None:
    """The one person the paragraph introducing the turns names as a subject outside its subordinate clauses, in a
    paragraph with a speech verb or of meeting the press ("Фёдор Смолов, признанный лучшим дриблером первого тура,
    пообещал …", "… остановился лишь капитан Денис Глушаков, который признал …"); for a later section under a
    heading of its own, any paragraph ("Стиверн не скупился на комплименты …"). None when it names none or several."""
    para = _intro_paragraph(ctx, pos)
    if para is None:
        return None
    a, b = para
    told = speech_verb(ctx.text[a:b])[0] or _MEETS_PRESS.search(ctx.text, a, b) is not None
    if not told and ctx.interviewed is None:
        return None  # an intro says who spoke ("заявил", "пообещал"), not only what happened ("упал на трассе")
    headed = ctx.interviewed is None or _under_heading(ctx, _para_index(ctx, a))
    return _paragraph_subject(ctx, a, b, feminine, opening=not headed) or _opening_oblique(ctx, a, b, feminine)


def _opening_oblique(ctx: Context, a: int, b: int, feminine: bool | None) -> tuple[str, str | None] | None:
    """The person an intro paragraph opens with in an oblique case when it names no one in the nominative
    ("Капитану «Спартака» Денису Глушакову в этот вечер пришлось непросто …", "Для Екатерины Лагно успех …
    стал особенным", "Александре Костенюк, в отличие от Федосеева, опыта не занимать"): past role words only, or
    "для"; None when the paragraph names someone in the nominative or opens otherwise."""
    inner = _subordinate_spans(ctx.text, a, b)
    named = [m for m in ctx.registry.mentions if a <= m.pos < b and not m.quoted]
    if not named or any(m.nominative and not any(s <= m.pos < e for s, e in inner) for m in named):
        return None
    first = named[0]
    before = [w.lower() for w in words(ctx.text[a:first.pos])]
    if first.pos - a > _OPENING_REACH or sentence_end(ctx.text, a, first.pos) < first.pos \
            or any(w in marks.PREPOSITIONS for w in before[1:]) or before[:1] != ["для"] and before[:1] \
            and before[0] in marks.PREPOSITIONS:
        return None
    person = ctx.registry.people[first.key]
    return person.name(feminine), person.role


def _sectioned(ctx: Context, pos: int) -> bool:
    """The paragraph introducing the turns at pos stands right under a quoted heading ("«У нас достаточно опыта,
    чтобы противостоять «Манчестеру»" / "В преддверии … главный тренер ЦСКА Виктор Гончаренко …")."""
    para = _intro_paragraph(ctx, pos)
    if para is None:
        return False
    i = _para_index(ctx, para[0])
    prev = next((k for k in range(i - 1, -1, -1) if ctx.text[ctx.paras[k][0]:ctx.paras[k][1]].strip()), None)
    return prev is not None and _QUOTED_HEADING.match(ctx.text, *ctx.paras[prev]) is not None


def _para_index(ctx: Context, a: int) -> int:
    return next(i for i, (pa, _) in enumerate(ctx.paras) if pa == a)


def _paragraph_subject(ctx: Context, a: int, b: int, feminine: bool | None,
                       opening: bool = False) -> tuple[str, str | None] | None:
    """The one person text[a:b] names in the nominative outside quotations and subordinate clauses, or of several
    the one its first sentence names ("Виталий Мутко посетил тренировку … По его словам, подопечные …"); None
    when it names none, or several in its first sentence. With ``opening``, only a name the paragraph opens with,
    no preposition before it ("Вратарь … Антон Шунин был …", not "По мнению президента Обамы …")."""
    inner = _subordinate_spans(ctx.text, a, b)
    named = [m for m in ctx.registry.mentions if a <= m.pos < b and m.nominative and not m.quoted
             and not any(s <= m.pos < e for s, e in inner) and (not opening or _opens(ctx.text, a, m.pos))]
    keys = {m.key for m in named}
    if len(keys) > 1:
        first = sentence_end(ctx.text, a, b)
        keys = {m.key for m in named if m.pos < first}
    if len(keys) != 1:
        return None
    person = ctx.registry.people[keys.pop()]
    return person.name(feminine), person.role


_OPENING_REACH = 100  # characters of role words a paragraph may open with before the name of its subject


def _opens(text: str, a: int, pos: int) -> bool:
    """The paragraph at a opens with the name at pos, past role words only (no preposition, no sentence end)."""
    before = text[a:pos]
    return len(before) <= _OPENING_REACH and not any(w.lower() in marks.PREPOSITIONS for w in words(before)) \
        and sentence_end(text, a, pos) >= pos


def _section_between(ctx: Context, lo: int, hi: int) -> tuple[str, str | None] | None:
    """The speaker a section opening between two turns of one run presents ("«С Венгрией были как хорошие, так и
    плохие моменты» / Нападающий сборной России Дмитрий Полоз рассказал, …"): the last non-blank paragraph in
    text[lo:hi], told in the third person right under a quoted heading."""
    paras = [(a, b) for a, b in ctx.paras if lo <= a and b <= hi and ctx.text[a:b].strip()]
    if len(paras) < 2 or not _QUOTED_HEADING.match(ctx.text, *paras[-2]):
        return None
    a, b = paras[-1]
    if _DASH_START.match(ctx.text[a:b]):
        return None
    if _narrated_intro(ctx, a, b):
        return _paragraph_subject(ctx, a, b, None) or _opening_oblique(ctx, a, b, None)
    if _answer_goes_on(ctx, a, b) or "?" in ctx.text[a:b] or ctx.text[a:b].rstrip().endswith(("...", "…")):
        return None
    return _paragraph_subject(ctx, a, b, None, opening=True) \
        or _opening_oblique(ctx, a, b, None)  # "Глава … ФИФА Массимо Бузакка уделил внимание …", "Для Екатерины Лагно …"


_QUOTED_HEADING = re.compile(r"[ \u00a0\t]*[«\"„][^\n]{3,100}[»\"“][ \u00a0\t]*$")  # «Сделаем выводы из этой неудачи»


def _title_named(ctx: Context) -> tuple[str, None] | None:
    """The one name the title gives as its subject as written, when no text of the article names that person in
    full ("«…»: кёрлингистка Сидорова о запрещённых препаратах"); None when it gives none or several."""
    if not ctx.title:
        return None
    plain = _TITLE_QUOTED.sub(lambda q: " " * len(q.group()), ctx.title)
    names = {" ".join(g.tokens) for g in find_groups(plain)
             if may_be_subject(plain, g) and not _title_topic(plain, g.start) and _after_preposition(plain, g.start) is None
             and not _TITLE_ASKS.search(plain, 0, g.start)
             and all(_TITLE_WORD.fullmatch(t) for t in g.tokens)}
    return (names.pop(), None) if len(names) == 1 else None


def _completed(ctx: Context, who: tuple[str | None, str | None], feminine: bool | None) -> tuple[str | None, str | None]:
    """The interviewee named as fully as the article names them anywhere: a surname alone, maybe in the wrong gender
    ("Васильев" from a title), completed from the lead or the body ("Ольга Васильева"); a place glued before a
    first name left out ("Пхёнчхане Станислав Поздняков")."""
    name, role = who
    if not name:
        return who
    if " " in name:
        return _trimmed(name), role
    key = surname_key(name)
    for reg in [ctx.registry] + ([ctx.lead_context.registry] if ctx.lead_context is not None else []):
        person = reg.people.get(key)
        full = _trimmed(person.name(feminine)) if person is not None else ""
        last = full.split()[-1] if full else ""
        if " " in full and surname_key(last) == key and (last == name or not last.endswith(_OBLIQUE_SURNAME)):
            return full, role or person.role
        if " " in full and surname_key(last) == key and all(map(_nominative_word, full.split()[:-1])):
            return " ".join(full.split()[:-1] + [name]), role or person.role  # "Тео Падносу" + "Паднос"
    return who


def _nominative_word(word: str) -> bool:
    """A first name that may stand in the nominative as written ("Тео", "Ольга"), or one the dictionary does
    not know."""
    low = word.lower()
    return not is_known(low) or any(p.tag.case == "nomn" or "Fixd" in p.tag.grammemes for p in parses(low))


_OBLIQUE_SURNAME = ("у", "ю", "ом", "ем", "ым", "им", "ого", "ему", "ому", "ой")  # "Тео Падносу": no nominative


def _trimmed(name: str) -> str:
    """The name without words the dictionary does not know standing before a known first name ("Пхёнчхане
    Станислав Поздняков" → "Станислав Поздняков"), keeping two words at least."""
    tokens = name.split()
    for i in range(1, len(tokens) - 1):
        low = tokens[i].lower()
        if is_known(low) and any("Name" in p.tag.grammemes and p.tag.case == "nomn" for p in parses(low)):
            return " ".join(tokens[i:]) if not any(is_known(t.lower()) for t in tokens[:i]) else name
    return name


def _interviewee(ctx: Context, pos: int, feminine: bool | None = None) -> tuple[str | None, str | None]:
    """The interviewee (see _find_interviewee), named in full where the article anywhere does."""
    return _completed(ctx, _find_interviewee(ctx, pos, feminine), feminine)


def _find_interviewee(ctx: Context, pos: int, feminine: bool | None = None) -> tuple[str | None, str | None]:
    """The person an interview is with: the one its first question addresses ("Господин Роудс, …"), the one the
    title names as its subject ("Фанни Ардан — о фильме …", or a single name next to "интервью"), the one an
    interview cue before it names ("поговорил с … Майклом Томаски", "Вишеманн обсудил с RT"), the one the
    paragraph introducing the turns names as a subject, the one the article's lead presents ("Валентин Балахничёв
    рассказал RT, …"), the one the title names as its subject among the lead's people, the one name the title gives
    as its subject, else the one named most often as a subject before it, the first on ties; ``feminine``: the
    gender the answers show ("я волновалась")."""
    reg = ctx.registry
    addressed = _addressed(ctx, pos)
    if addressed is not None:
        return addressed
    if ctx.interviewed is not None:  # a later run: a section of its own may present another speaker
        section = _fresh_cue(ctx, pos) or _intro_subject(ctx, pos, feminine)
        if section is not None:
            return section
        if ctx.interviewed[0] and not _title_speaks(ctx.title):
            return ctx.interviewed  # the same interview goes on past a post or a photo; the title only tells news
    elif _sectioned(ctx, pos):  # the first of several sections, each under a quoted heading: its own intro
        section = _intro_subject(ctx, pos, feminine)
        if section is not None:
            return section
    titled = _title_subject(ctx, feminine)
    if titled is not None:
        return titled
    lone = title_interviewee(ctx.title) if ctx.title else None
    if lone is not None:
        person = reg.people.get(surname_key(lone))
        return (person.name(feminine), person.role) if person is not None else (lone, None)
    cued = _cued_interviewee(ctx, pos)
    if cued is not None:
        return cued
    intro = _intro_subject(ctx, pos, feminine)
    if intro is not None:
        return intro
    if ctx.interviewed is not None:
        return ctx.interviewed  # a later run of the same interview, past a box of links or a photo
    led = _lead_interviewee(ctx, feminine)
    if led is not None:
        return led
    named = _title_subject(ctx, feminine, in_lead=True) or (_title_named(ctx) if ctx.interviewed is None else None)
    if named is not None:
        return named
    labelled = _labelled(ctx, pos)
    if labelled is not None:
        return labelled
    counts: dict[str, int] = {}
    topics = _title_topics(ctx)
    for m in reg.mentions:
        if m.pos >= pos:
            break
        if not m.quoted and m.pos >= 0 and m.key not in topics and not any(s <= m.pos < e for s, e in ctx.taken):
            counts[m.key] = counts.get(m.key, 0) + (2 if m.nominative else 1)  # not named in turns or as the topic
    if not counts:
        return None, None
    best = max(counts.values())
    key = next(k for k in counts if counts[k] == best)
    if not _named_near(ctx, key, pos):
        return None, None  # named often, but far from the turns: a topic or a story's figure, not who answers
    person = reg.people[key]
    return person.name(feminine), person.role


_NEAR = 1500  # characters before a run of turns the most-named person must be named in to be taken as who answers


def _named_near(ctx: Context, key: str, pos: int) -> bool:
    """The person of key is named (any case, outside quotations) within _NEAR characters before pos past the turns
    before, or in the article's first paragraph ("Продолжаем отвечать на вопросы … вместе с иммунологом …
    Николаем Крючковым")."""
    lo = max([pos - _NEAR, 0] + [e for _, e in ctx.taken if e <= pos])
    opening = next((b for a, b in ctx.paras if ctx.text[a:b].strip()), 0)
    return any(m.key == key and (lo <= m.pos < pos or 0 <= m.pos < opening) and not m.quoted
               for m in ctx.registry.mentions)


# a paragraph opening with a full name and a colon, then the words ("Василий Филипчук: Окна возможностей …")
_NAME_LABEL = re.compile(r"[ \u00a0\t]*([А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:[ \u00a0]+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)+)"
                         r"[ \u00a0]*:[ \u00a0\t]*\S")


def _labelled(ctx: Context, pos: int) -> tuple[str, str | None] | None:
    """The one person the speaker lines before pos name, each a paragraph opening with a full name and a colon
    ("Василий Филипчук: Окна возможностей …", the format an interview may begin in before going on in dashes);
    None when they name no one or several."""
    found: dict[str, Person] = {}
    for a, b in ctx.paras:
        if a >= pos:
            break
        m = _NAME_LABEL.match(ctx.text, a, b)
        if m is None:
            continue
        groups = find_groups(ctx.text, m.start(1), m.end(1))
        if len(groups) == 1 and groups[0].start == m.start(1) and groups[0].end == m.end(1):
            person = ctx.registry.lookup(groups[0])
            if person is not None and " " in person.name():
                found[person.key] = person
    if len(found) != 1:
        return None
    (person,) = found.values()
    return person.name(), person.role


def _title_speaks(title: str | None) -> bool:
    """The title presents someone speaking: it quotes words, names an interview or tells what someone speaks about
    ("«…»: Губерниев о предстоящем чемпионате"), not only news ("шахматист Ковалёв покинул Кубок мира")."""
    if not title:
        return False
    plain = _TITLE_QUOTED.sub(" ", title)
    return plain != title or _TOPIC_WORD.search(plain) is not None or bool(speech_verb(plain)[0]) \
        or any(lemma(w) in marks.INTERVIEW_WORDS for w in words(plain.lower()))


_HEADER = re.compile(r"[ \u00a0\t]*([А-ЯЁ][^:\n«»\"]{2,60}?)[ \u00a0]*:[ \u00a0\t]*(?:[«\"„][^\n]*)?$")
# a headline giving a surname and what that person says, unquoted ("Головин: в сборной России нет таких звёздных
# игроков, как в Португалии"): lowercase after the colon, short, no full stop
_HEADLINE = re.compile(r"[ \u00a0\t]*([А-ЯЁ][^:\n«»\"]{2,60}?)[ \u00a0]*:[ \u00a0]+[а-яё][^\n«»\"]{5,100}(?<![.…])[ \u00a0\t]*$")
# "Андрей Рябинский: «… если память не изменяет»." ends a sentence: a quote set between the turns, not a header
_SENTENCE_AFTER_QUOTE = re.compile(r"[»\"“][ \u00a0]*[.!?…][ \u00a0\t]*$")
_HEADER_WINDOW = 600  # characters before a run of turns its header line may stand


def _headers(ctx: Context, lo: int, hi: int) -> list[tuple[int, str, str | None]]:
    """Header lines naming who answers the turns after them ("Игорь Акинфеев: «Успешным будет …»"): (where,
    name, role) for lines in [lo, hi) that are exactly a known person's name, a colon and maybe a quotation."""
    found = []
    for a, b in ctx.paras:
        if b <= lo or a >= hi or ":" not in ctx.text[a:b]:
            continue
        m = _HEADER.match(ctx.text, a, b) or (_HEADLINE.match(ctx.text, a, b) if _before_turn(ctx, b) else None)
        if m is None or _SENTENCE_AFTER_QUOTE.search(ctx.text, a, b) or _in_post(ctx, b) or _in_box(ctx, a):
            continue
        groups = find_groups(ctx.text, m.start(1), m.end(1))
        if len(groups) == 1 and groups[0].start == m.start(1) and groups[0].end == m.end(1):
            person = ctx.registry.lookup(groups[0])
            if person is not None:
                found.append((a, person.name(), person.role))
    return found


def _before_turn(ctx: Context, b: int) -> bool:
    """The next non-blank line after b is a dash turn (a headline right over the turns it names the speaker of)."""
    nxt = next((ctx.text[pa:pb] for pa, pb in ctx.paras if pa > b and ctx.text[pa:pb].strip()), "")
    return _DASH_START.match(nxt) is not None


def _in_box(ctx: Context, a: int) -> bool:
    """The line at a is a linked title in a box of links to other articles (right under "Также по теме")."""
    before = [(pa, pb) for pa, pb in ctx.paras if pb < a and ctx.text[pa:pb].strip()][-1:]
    return any(_BOX_HEAD.match(ctx.text, pa, pb) for pa, pb in before)


_POST_LINES = 3  # lines after a header line an embedded post's link or date may stand in


def _in_post(ctx: Context, b: int) -> bool:
    """The line ending at b belongs to an embedded post: a link or a post's date follows within a few lines
    ("Роберто Манчини: «Сыграли …»" / "https://t.co/…")."""
    after = [(pa, pb) for pa, pb in ctx.paras if pa > b and ctx.text[pa:pb].strip()][:_POST_LINES]
    return any(_POST_END.search(ctx.text[pa:pb].strip()) for pa, pb in after)


Speaker = tuple[str | None, str | None]  # (name, role)


def _answer_speakers(ctx: Context, run: list[tuple[int, int]], answers: list[bool],
                     default: Speaker) -> tuple[list[Speaker], Speaker | None]:
    """Who speaks each answer of a run: the one the last header line before it names ("Виктор Васин: «…»"),
    else the one its question addresses by name ("— Михаела, а вы …?"), else the interviewee; and the speaker a
    later run goes on with (the last header's or section's, not an addressed one's), None when the run has no
    answer."""
    lo = max([run[0][0] - _HEADER_WINDOW, 0] + [e for _, e in ctx.taken if e <= run[0][0]])
    heads = _headers(ctx, lo, run[-1][0])
    out = []
    prev = None
    since = -1  # where the last section the run presents began: header lines before it name no one after it
    asked = None  # the person the last question addressed by name
    for (a, b), answer in zip(run, answers):
        section = _section_between(ctx, prev, a) if prev is not None else None
        if section is not None:
            default = _completed(ctx, section, None)  # a new section of the run presents its own speaker
            since = prev
        prev = _ends(ctx, a)
        if not answer:
            asked = _vocative(ctx, a, b)
            out.append(default)
            continue
        head = next((h for h in reversed(heads) if since < h[0] < a), None)
        plain = _completed(ctx, (head[1], head[2]), None) if head is not None else default
        out.append(asked if head is None and asked is not None else plain)
        asked = None
    return out, (plain if any(answers) else None)


# a question opening with the name of the one asked and a comma: "— Михаела, а вы подтягиваетесь к Светлане?"
_VOCATIVE = re.compile(r"[ \u00a0\t]*(?:[—–-][ \u00a0\t]*)?([А-ЯЁ][а-яё]+(?:[ \u00a0]+[А-ЯЁ][а-яё]+)?)[ \u00a0]*,")


def _vocative(ctx: Context, a: int, b: int) -> tuple[str, str | None] | None:
    """The one person the question turn text[a:b] addresses by a first name or a name as the article writes it
    elsewhere ("— Михаела, как обстоят дела …?" with "Михаела Каланча" in the text), or None."""
    m = _VOCATIVE.match(ctx.text, a, b)
    if m is None:
        return None
    called = tuple(m.group(1).split())
    people = {p.key: p for p in ctx.registry.people.values()
              if len(p.tokens) > len(called) and tuple(p.tokens[:len(called)]) == called}
    if len(people) != 1:
        return None
    (person,) = people.values()
    # written with the first name as called, so in the nominative: as written ("Михаела Каланча", not "Михаел")
    return " ".join(person.tokens), person.role


def _ends(ctx: Context, a: int) -> int:
    """End of the paragraph holding position a."""
    return next((pb for pa, pb in ctx.paras if pa <= a <= pb), a)


_I_FEMININE = re.compile(r"(?<![А-ЯЁа-яё])я(?:[ \u00a0]+не)?[ \u00a0]+(?:[а-яё]+(?:ла|лась)|рада|уверена|готова)(?![а-яё])")
_I_MASCULINE = re.compile(r"(?<![А-ЯЁа-яё])я(?:[ \u00a0]+не)?[ \u00a0]+(?:[а-яё]+(?:[аеиоуыя]л|лся)|рад|уверен|готов)(?![а-яё])")


def _speaks_as(answers: list[str]) -> bool | None:
    """The gender interview answers show in the first person ("я волновалась", "я рада"): True when feminine,
    False when masculine, None when they do not tell."""
    text = " ".join(answers).lower()
    fem, masc = len(_I_FEMININE.findall(text)), len(_I_MASCULINE.findall(text))
    return True if fem > masc else False if masc > fem else None


def _closes_quotation(line: str) -> bool:
    """The turn ends with a closing mark it never opened: the conversation was part of a quoted post."""
    end = line.rstrip(" .\u00a0")
    if not end or end[-1] not in "»\"”":
        return False
    return end.count("«") < end.count("»") if end[-1] == "»" else end.count(end[-1]) % 2 == 1


def dialogue_block(ctx: Context) -> Iterator[Found]:
    """Runs of "— Реплика" paragraphs without attributions: an interview (one quote per turn, the questions by the
    unnamed interviewer, the answers by the person interviewed), or a conversation inside a quoted post
    (other people's turns, nested). A conversation in the narrative itself (jokes, imagined talk) is left out."""
    text = ctx.text
    runs = _dash_turns(ctx)
    story = sum(_narrated(text[a:b]) for run in runs for a, b in run) >= _MAX_NARRATED
    for run in runs:
        lines = [text[a:b] for a, b in run]
        told = sum(_narrated(line) for line in lines)  # a story's dialogue: its phase never flips into an interview
        parity = _interview(lines, flips=not story or told * _TOLD_SHARE < len(lines))
        inside = _inside_quote(ctx, run)
        asks = answers = None
        if parity is not None:  # strict alternation; _phased mends a question and answer run together
            asks, answers = _phased(lines, parity), lines[1 - parity::2]
        elif not story:
            asks = _loose_interview(lines)
            answers = [ln for ln, q in zip(lines, asks) if not q] if asks is not None else None
        if asks is not None and not inside:
            yield from _interview_turns(ctx, run, asks, answers)
            continue
        if not inside and not _closes_quotation(lines[-1]):
            continue
        for (a, b), line in zip(run, lines):  # a conversation inside a quoted post: other people's turns
            if any(abs(s - a) <= 3 for s, _ in ctx.taken):
                continue  # the turn opens a quote already taken (a monologue under a speaker line)
            if len(words(line)) >= 2 and not _first_person(line):
                yield Found(a, b, "dialogue_turn", None, None, nested=True)


def _inside_quote(ctx: Context, run: list[tuple[int, int]]) -> bool:
    """The run starts inside a quote taken before it (a conversation inside a quoted post); not when that quote is
    the run's own first turn, a monologue under its speaker line ("— Как мне удалось …? — рассказывает Манагарова.
    — …"), which the interview's questions then follow."""
    a = run[0][0]
    return any(s <= a < e and not (abs(s - a) <= 3 and e <= run[0][1] + 3) for s, e in ctx.taken)


def _interview_turns(ctx: Context, run: list[tuple[int, int]], asks: list[bool], answers: list[str]) -> Iterator[Found]:
    """The turns of an interview run: questions (no speaker) and answers (the interviewee, whose gender the
    ``answers`` may show)."""
    ctx.interviewed = _interviewee(ctx, run[0][0], _speaks_as(answers))
    speakers, carry = _answer_speakers(ctx, run, [not q for q in asks], ctx.interviewed)
    for (a, b), q, (speaker, role) in zip(run, asks, speakers):
        yield Found(a, b, "interview_question", supersedes=True) if q \
            else Found(a, b, "interview_answer", speaker, role, supersedes=True)
    if carry is not None and carry[0]:
        ctx.interviewed = carry  # a later run goes on with the speaker of the last section
