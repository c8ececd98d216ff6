"""Text helpers for quote extraction: paragraphs, sentences, quotation-mark pairs, speech-verb look-ups."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Callable

from . import marks

WORDS_RE = re.compile(r"[0-9A-Za-zА-ЯЁа-яё]+(?:[-'’][0-9A-Za-zА-ЯЁа-яё]+)*")
PHOTO_CREDIT = re.compile(marks.PHOTO_CREDIT)  # a photo's credit line (stripped)
_SENTENCE_STOPS = tuple(".!?…:»\"”")


def ends_sentence(line: str) -> bool:
    """The line ends as a sentence does (a stop, a colon or a closing quotation mark), not as a photo caption or a
    heading (" Эммануэль Макрон ")."""
    return line.rstrip().endswith(_SENTENCE_STOPS)
_SENT_END = re.compile(r"[.!?…][»\"”)]*[ \u00a0\t]+(?=[«\"„“—–(]?[ \u00a0]*[A-ZА-ЯЁ0-9«\"—–])|\n")
_SPEECH = {w.replace("ё", "е"): f for w, f in marks.SPEECH_VERBS.items()}


@dataclass(frozen=True)
class MarkSpan:
    """A pair of quotation marks: ``open`` and ``close`` are the marks' offsets."""

    open: int
    close: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


_ANCHOR_MAX = 60  # characters of a link's text on a line of its own
_ENDS_CLAUSE = ".!?…:;»\"”)"
_LINK_STOP = re.compile("[.!?…«»\"]")  # a line with one of these is not a link
# A line of at most _ANCHOR_MAX characters between two line breaks, after a line that ends in a space.
_SHORT_LINE = re.compile(f"\n(?<=[ (]\n)([^\n]{{0,{_ANCHOR_MAX}}})(?=\n)")
# A line break inside a sentence: after a lowercase word (no punctuation), before a lowercase word of two letters.
_RUNS_ON = re.compile(r"\n(?:(?<=[а-яё]{2}\n)|(?<=[а-яё]{2}[ \u00a0]\n))(?=[а-яё]{2})")  # "на официальном \nсайте" too; the break first: re skips to it
# (a space, then a capital or an opening quotation mark: "действия в \nШарлоттсвилле\n «противоречат …»")
_CONTINUES = re.compile(r"[ \u00a0\t]*(?:[,.;:)—–]|-[ \u00a0]|[a-zа-яё])|[ \u00a0\t]+[A-ZА-ЯЁ«„“]")


def soften_links(text: str) -> str:
    """The text with the line breaks around inline link texts turned into spaces (same length, same offsets).

    Web articles keep a link's words on a line of their own inside a sentence ("пишет газета \nFinancial
    Times\n. Далее…", "обозреватель \nCNN\n Дэвид Андельман, — …"); read as paragraph breaks they cut
    the sentence. A short line is such a link when the line before stops mid-sentence with a space after a word
    a comma or a dash (no final punctuation; verse lines end without one) and the line after goes on with punctuation,
    a lowercase word, or a space. Any line break between two lowercase words is a space too: the sentence runs on
    ("— так прокомментировал доклад Всемирного банка\nглавный стратег …"; unpunctuated verse lines join as well,
    which no attribution rule minds)."""
    breaks: list[int] = []  # offsets of the line breaks to turn into spaces
    for m in _SHORT_LINE.finditer(text):  # a short line after a line that ends in a space, a line after it
        line = m.group(1)
        if not line.strip() or _LINK_STOP.search(line):
            continue
        before = text[text.rfind("\n", 0, m.start()) + 1:m.start()].rstrip(" \u00a0\t\r")
        if not before or before[-1] in _ENDS_CLAUSE or not (before[-1].isalnum() or before[-1] in ",—–("):
            continue
        after_end = text.find("\n", m.end() + 1)
        if not _CONTINUES.match(text, m.end() + 1, len(text) if after_end < 0 else after_end):
            continue
        breaks += (m.start(), m.end())
    for m in _RUNS_ON.finditer(text):  # "— так прокомментировал доклад Всемирного банка\nглавный стратег …"
        breaks.append(m.end() - 1)
    if not breaks:
        return text
    out: list[str] = []
    done = 0
    for at in sorted(set(breaks)):  # (a list of every character costs more than the rest of the work)
        out += (text[done:at], " ")
        done = at + 1
    out.append(text[done:])
    return "".join(out)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, without the line break."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        out.append((pos, end - 1 if line.endswith("\r") else end))
        pos = end + 1
    return out


def words(s: str) -> list[str]:
    """The words of s (a new list: callers may change it); rules ask about the same clauses many times."""
    return list(_words(s))


@lru_cache(maxsize=8192)
def _words(s: str) -> tuple[str, ...]:
    return tuple(WORDS_RE.findall(s))


@lru_cache(maxsize=100_000)
def speech_verb(s: str) -> tuple[bool, bool | None]:
    """Whether s contains a speech verb, and the gender its first such verb shows (True = feminine); cached, the
    same clauses and words are looked at by several rules."""
    ws = WORDS_RE.findall(s)
    for i, w in enumerate(ws):
        low = w.lower().replace("ё", "е")
        if low in _SPEECH and not _object_follows(low, ws[i + 1:i + 3]):
            return True, _SPEECH[low]
    return False, None


def _object_follows(verb: str, after: list[str]) -> bool:
    """"заключили мировое соглашение", "заключен под стражу": the verb has its other sense."""
    return verb.startswith(marks.AMBIGUOUS_SPEECH_STEMS) and any(
        w.lower().startswith(marks.NOT_SPEECH_OBJECTS) for w in after)


@dataclass(frozen=True)
class SentenceMarks:
    """Every sentence break of one text (the matches of _SENT_END over the whole text), found once.

    ``needs[i]`` is where the text read by break i ends, its lookahead included (the shortest way it can
    match): a search limited to text[lo:hi] finds break i exactly when lo <= starts[i] and needs[i] <= hi,
    because no break can start inside another or inside the text its lookahead reads."""

    text: str
    starts: list[int]
    ends: list[int]
    needs: list[int]


# _SENT_END with its lookahead captured, lazily, so that the group ends where the shortest match of it does. Written
# to open with one character class ("[.!?…\n]", then which of them it was), so that re skips to the next candidate:
# the same matches as "[.!?…]…|\n", ~1.7× faster over a whole text.
_SENT_NEED = re.compile(r"[.!?…\n](?:(?<=[.!?…])[»\"”)]*[ \u00a0\t]+(?=([«\"„“—–(]??[ \u00a0]*?[A-ZА-ЯЁ0-9«\"—–]))|(?<=\n))")
_last_marks: list[SentenceMarks] = []


# «…!» or «…?» of up to 60 characters right after a title's head noun ("движения «Говорите громче!» Андрей …").
_TITLE_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])([а-яё]+)[ \u00a0]+«[^«»\n]{1,60}$")


def _exclaimed_title(text: str, i: int) -> bool:
    """The "!" or "?" at i closes the quoted name of a movement, group or act ("лидер движения «Вперёд!» Эммануэль
    Макрон", "декрета «Социалистическое отечество в опасности!» Главковерх"): no sentence ends there."""
    if text[i] not in "!?" or text[i + 1:i + 2] != "»":
        return False
    m = _TITLE_BEFORE.search(text, max(0, i - 90), i)
    return m is not None and m.group(1).startswith(marks.EXCLAIMED_TITLE_HEADS)


# A capital letter standing alone before the dot, then (another such initial and) a capitalised word: a person's
# initial ("заявил А. Петров", "Как пишет В. Швабский, «…»", "академика А. А. Кокошина"), not a sentence's end.
_LONE_CAPITAL = re.compile(r"(?<![0-9A-Za-zА-ЯЁа-яё\-])[А-ЯЁ]$")
_SURNAME_AFTER = re.compile(r"[ \u00a0](?:[А-ЯЁ]\.[ \u00a0]?)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\b")


def _initial(text: str, i: int) -> bool:
    """The "." at i closes a person's initial before the surname ("В. Швабский"): no sentence ends there. Not after
    a word that names a letter-labelled thing ("в группе А. Сборная …")."""
    if text[i] != "." or not _LONE_CAPITAL.search(text, max(0, i - 2), i):
        return False
    if not _SURNAME_AFTER.match(text, i + 1):
        return False
    before = text[max(0, i - 30):i - 1].split()
    return not (before and before[-1].lower().rstrip(",").startswith(marks.LETTER_LABEL_HEADS))


def sentence_marks(text: str) -> SentenceMarks:
    """The sentence breaks of text (the last text's are kept: rules ask about one article many times)."""
    cached = _last_marks[0] if _last_marks else None  # one read: safe if threads share the module
    if cached is not None and cached.text is text:
        return cached
    found_marks = [m for m in _SENT_NEED.finditer(text)  # (three passes over the matches: cheaper than one loop)
                   if not _exclaimed_title(text, m.start()) and not _initial(text, m.start())]
    starts = [m.start() for m in found_marks]
    ends = [m.end() for m in found_marks]
    needs = [m.end(1) if m.lastindex else m.end() for m in found_marks]
    found = SentenceMarks(text, starts, ends, needs)
    _last_marks[:] = [found]
    return found


def sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence that contains pos (not before lo): the end of the last break in text[lo:pos]."""
    sm = sentence_marks(text)
    i = bisect_right(sm.needs, max(pos, 0)) - 1
    return sm.ends[i] if i >= 0 and sm.starts[i] >= lo else lo


_LIST_GOES_ON = re.compile(r"[»\"“]?[ \u00a0]*(?:,|и[ \u00a0])[ \u00a0]*(?:«|[\"„“]?[А-ЯЁA-Z])")


def list_follows(text: str, pos: int) -> bool:
    """A name or quotation ending at pos is one of a list ("организаций «Правый сектор», «Свобода» и …", "«…», «…»"):
    a comma or "и", then another quotation or capitalised name."""
    return _LIST_GOES_ON.match(text, pos) is not None


def sentence_end(text: str, pos: int, hi: int) -> int:
    """End of the sentence that contains pos (not after hi): just after the first break in text[pos:hi]."""
    sm = sentence_marks(text)
    i = bisect_left(sm.starts, max(pos, 0))
    return sm.starts[i] + 1 if i < len(sm.starts) and sm.needs[i] <= max(hi, 0) else hi


def _straight_opens(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if before.isspace() or before in "([«„—–-:;/":
        return not after.isspace()
    return False


_MARK_RE = re.compile("[«»„“”\"]")
_INNER_ATTR = re.compile(r"[,!?…][ \u00a0]*[—–-][ \u00a0]+[а-яё]")
_AFTER_ATTR = re.compile(r"[,.!?…]?[ \u00a0]*[—–-][ \u00a0]")


def mark_spans(text: str, lo: int, hi: int) -> list[MarkSpan]:
    """Matched quotation-mark pairs within one paragraph; unmatched marks are dropped."""
    stacks: dict[str, list[int]] = {"«": [], "„": [], "“": [], '"': []}
    spans: list[MarkSpan] = []
    for mark in _MARK_RE.finditer(text, lo, hi):
        i = mark.start()
        ch = text[i]
        if ch == '"':
            st = stacks['"']
            if st and not _straight_opens(text, i, lo, hi):
                spans.append(MarkSpan(st.pop(), i))
            elif _straight_opens(text, i, lo, hi) or not st:
                st.append(i)
            continue
        if ch == "«":
            stacks["«"].append(i)
        elif ch == "»":
            st = stacks["«"]
            if st:
                # «Мы поддерживаем «Газпром», — сказал он: close the outer quote when an attribution follows.
                shared = len(st) > 1 and _AFTER_ATTR.match(text, i + 1, hi) and not _INNER_ATTR.search(text, st[0], st[-1])
                idx = 0 if shared else len(st) - 1
                spans.append(MarkSpan(st.pop(idx), i))
                if idx == 0:
                    if st:  # the innermost quotation shares the closing mark: it ends there too
                        spans.append(MarkSpan(st[-1], i))
                    st.clear()
        elif ch == "„":
            stacks["„"].append(i)
        elif ch == "“":
            if stacks["„"]:
                spans.append(MarkSpan(stacks["„"].pop(), i))
            else:
                stacks["“"].append(i)
        elif ch == "”":
            if stacks["“"]:
                spans.append(MarkSpan(stacks["“"].pop(), i))
    leftovers = [i for st in stacks.values() for i in st]
    if leftovers:
        leftovers = _shared_closers(text, lo, hi, leftovers, spans)
        leftovers = _shared_openers(text, lo, hi, leftovers, spans)
    if leftovers:
        spans.extend(_unclosed(text, min(leftovers), hi, spans))
    spans.sort(key=lambda s: (s.open, -s.close))
    return spans


_OPENS_SENTENCE = re.compile(r"[.!?…:][»\"”)]*[ \u00a0\t]*$")
# What follows a closing mark that ends a sentence (or the paragraph, or comes before an attribution).
_SHARED_END = re.compile(r"[.!?…]?[ \u00a0\t]*$|[.!?…][ \u00a0\t]+[«\"„“—–(]?[ \u00a0]*[A-ZА-ЯЁ0-9]|[,.!?…]?[ \u00a0]*[—–-][ \u00a0]")
_PAIRED = {"«": "»", '"': '"'}
_INNER_ATTR_OPEN = re.compile(r"[,!?…][ \u00a0]*[—–-][ \u00a0]")  # "…, – говорят, – «": an attribution in between
_MAX_SHARED_OPENING_WORDS = 3  # "Аль-Каида", "брекзит": a name opening a quotation is short
_MAX_SHARED_NAME_WORDS = 6  # a name or a short phrase; a longer inner quotation is a quotation of its own


def _opens_block_sentence(text: str, lo: int, i: int) -> bool:
    """The mark at i starts its paragraph or a sentence (_unclosed's case: such a quotation may run on past the
    name, «Киллер … «экс-донбассовец». И дальше …, — сообщила X)."""
    line = text.rfind("\n", lo, i) + 1 or lo
    return not text[line:i].strip() or bool(_OPENS_SENTENCE.search(text[max(line, i - 40):i]))


def _shared_closers(text: str, lo: int, hi: int, leftovers: list[int], spans: list[MarkSpan]) -> list[int]:
    """«… противодействовать российским системам «Искандер».: an opening mark left without a closing one, with a name
    in the same marks after it that closes where the sentence ends, lost its closing mark to the name's; the
    quotation ends there too (its span ends at the shared mark, which the convention leaves out). Only for a mark
    inside a sentence and a name of a few words. Appends those pairs to spans; returns the openers still unclosed."""
    return _pair_leftovers(leftovers, spans, lambda i: _name_sharing_closer(text, lo, hi, i, spans),
                           lambda i, name: MarkSpan(i, name.close))


def _pair_leftovers(leftovers: list[int], spans: list[MarkSpan], find: Callable[[int], MarkSpan | None],
                    pair: Callable[[int, MarkSpan], MarkSpan]) -> list[int]:
    """Each unmatched mark in order: when ``find(i)`` gives the name whose mark it shares, ``pair(i, name)`` is
    appended to spans; returns the marks still unmatched."""
    left: list[int] = []
    for i in sorted(leftovers):
        name = find(i)
        if name is None:
            left.append(i)
        else:
            spans.append(pair(i, name))
    return left


_OPENING_CLAUSE = re.compile(r"(?:[.!?…:][»\"”)]*|(?<![А-ЯЁа-яё])что)[ \u00a0\t]*$")


def _opens_clause(text: str, lo: int, at: int) -> bool:
    """Only blanks stand between the start of the paragraph or line and ``at``, or a sentence end, a colon or "что"
    does (``re``'s "^" would match only at the start of the whole text, not of a paragraph at ``lo``)."""
    start = max(lo, text.rfind("\n", lo, at) + 1)
    return not text[start:at].strip() or _OPENING_CLAUSE.search(text, max(start, at - 40), at) is not None


def _shared_openers(text: str, lo: int, hi: int, leftovers: list[int], spans: list[MarkSpan]) -> list[int]:
    """'заявил, что "брекзит" без сделки был бы для всех проигрышным"': a straight closing mark left over right after
    a quoted name that opens the sentence, a clause after a colon or "что", closes the quotation that the name's
    opening mark opened too. Appends those pairs to spans; returns the marks still unmatched."""
    return _pair_leftovers(leftovers, spans, lambda i: _name_sharing_opener(text, lo, hi, i, spans),
                           lambda i, name: MarkSpan(name.open, i))


def _name_sharing_opener(text: str, lo: int, hi: int, i: int, spans: list[MarkSpan]) -> MarkSpan | None:
    if text[i] != '"' or _straight_opens(text, i, lo, hi):
        return None
    name = max((s for s in spans if s.close < i), key=lambda s: s.close, default=None)
    if name is None or text[name.open] != '"' or _MARK_RE.search(text, name.close + 1, i) \
            or len(WORDS_RE.findall(text, name.open, name.close)) > _MAX_SHARED_OPENING_WORDS \
            or len(WORDS_RE.findall(text, name.close, i)) < 2 \
            or not _opens_clause(text, lo, name.open) \
            or not re.match(r"[,.!?…;]|[ \u00a0\t]*(?:$|[—–-][ \u00a0])", text[i + 1:hi]):
        return None
    return name


def _name_sharing_closer(text: str, lo: int, hi: int, i: int, spans: list[MarkSpan]) -> MarkSpan | None:
    """The first pair after the unclosed opening mark at i, in the same marks, when it is a short name closing where
    the sentence ends, with no attribution between (", – говорят, – «…»": two quotations, the first left open)."""
    ch = text[i]
    if ch not in _PAIRED or (ch == '"' and not _straight_opens(text, i, lo, hi)) or _opens_block_sentence(text, lo, i) \
            or any(s.open < i < s.close for s in spans):
        return None
    inner = next((s for s in sorted(spans, key=lambda s: s.open)
                  if s.open > i + 1 and text[s.open] == ch and text[s.close] == _PAIRED[ch]), None)
    if inner is None or len(WORDS_RE.findall(text, inner.open, inner.close)) > _MAX_SHARED_NAME_WORDS \
            or _SHARED_END.match(text, inner.close + 1, hi) is None or _INNER_ATTR_OPEN.search(text, i, inner.open) \
            or any(s.open < i and s.close > inner.close for s in spans):
        return None
    return inner


def _unclosed(text: str, i: int, hi: int, spans: list[MarkSpan]) -> list[MarkSpan]:
    """An opening mark never closed: when it starts a sentence, the quotation runs to the end of the block."""
    lo = text.rfind("\n", 0, i) + 1
    prefix = text[max(lo, i - 40):i]
    opens = not text[lo:i].strip() or bool(_OPENS_SENTENCE.search(prefix))
    if not opens or any(s.open < i < s.close for s in spans):
        return []
    end = hi
    while end > i and text[end - 1].isspace():
        end -= 1
    close = end - 1 if end > i + 1 and text[end - 1] in "»\"“”" else end
    close = _attribution_cut(text, i, close)
    if len(WORDS_RE.findall(text, i, close)) < 4:
        return []
    return [MarkSpan(i, close)]


_UNCLOSED_ATTR = re.compile(r"([,!?…])[ \u00a0]*[—–-][ \u00a0]+([а-яё]+(?:[ \u00a0]+[а-яё]+)?)[^.!?…\n]*([.!?…]?)")
_GOES_ON = re.compile(r"[ \u00a0]*[—–-][ \u00a0]")


def _attribution_cut(text: str, i: int, close: int) -> int:
    """«Без Меркель станет ясно, что …, — цитирует Bloomberg главу совета.": the closing mark was lost before an
    attribution that ends the sentence; the quotation ends there (after "!?…", which belong to it)."""
    for m in _UNCLOSED_ATTR.finditer(text, i, close):
        if not speech_verb(m.group(2))[0] or _GOES_ON.match(text, m.end(), close):
            continue  # «Раз, — сказал он. — Два»: the quotation goes on after its attribution
        return m.start() + (0 if m.group(1) == "," else 1)
    return close


_MAX_BLOCK_PARAS = 40
_MAX_BLOCK_CHARS = 8000


def _mark_balance(text: str, a: int, b: int) -> tuple[int, int]:
    """Unclosed guillemets and the parity of straight quotes in text[a:b]."""
    chunk = text[a:b]
    return chunk.count("«") - chunk.count("»"), chunk.count('"') % 2


def blocks(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraphs, with a quotation that opens in one paragraph and closes in a later one merged into one block."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(paras):
        a, b = paras[i]
        guil, straight = _mark_balance(text, a, b)
        j = i
        if guil > 0 or (straight and text[a:b].lstrip()[:1] == '"'):
            j = _closing_paragraph(text, paras, i, guil, straight)
        out.append((a, paras[j][1]))
        i = j + 1
    return out


def _closing_paragraph(text: str, paras: list[tuple[int, int]], i: int, guil: int, straight: int) -> int:
    """Index of the paragraph that closes the quotation left open in paragraph i (i itself when none does)."""
    start = paras[i][0]
    for j in range(i + 1, min(len(paras), i + _MAX_BLOCK_PARAS)):
        a, b = paras[j]
        if b - start > _MAX_BLOCK_CHARS:
            break
        g, s = _mark_balance(text, a, b)
        if guil > 0:
            guil += g
            if guil <= 0:
                return j if guil == 0 else i
            if text[a:b].lstrip()[:1] == "«" and g > 0 and "»" not in text[a:b]:
                break  # a new quotation opens: the first one was simply left unclosed
        elif s:
            return j
    return i
