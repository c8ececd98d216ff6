"""extract_quotes: run the ordered rules over an article body and return its quotes."""
from __future__ import annotations

import logging
import re
from typing import Callable, Iterator

from ..model import Quote
from .interviews import dialogue_block
from .rules import (Context, Found, colon_block, dialogue_lines, interview_turns, marked_quotes, nested_in_turns,
                    nested_quotes)
from . import marks
from .text import paragraphs, soften_links

log = logging.getLogger(__name__)

ArticleRule = Callable[[Context], Iterator[Found]]
ARTICLE_RULES: list[ArticleRule] = [interview_turns, dialogue_lines, marked_quotes, nested_quotes, colon_block,
                                    dialogue_block, nested_in_turns]


def _trim(text: str, f: Found) -> tuple[int, int]:
    """Strip surrounding blanks so the quote starts and ends on visible characters."""
    a, b = f.start, f.end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


_LONE_DASH = re.compile(r"(?m)^[ \u00a0\t]*[—–][ \u00a0\t]*(\n)(?=[ \u00a0\t]*[А-ЯЁA-Z«\"])")
_DASH_LINE_END = re.compile(r"[—–][ \u00a0\t]*\n")  # what every _LONE_DASH match holds


def join_lone_dashes(text: str) -> str:
    """The text with a line holding only a dash joined to the line after it (same length, same offsets): web
    interviews keep a question's words, once a link, on a line of their own ("— \nНа скольких чемпионатах мира
    побывали вы?"), which would otherwise cut the run of dialogue turns."""
    if "\n" not in text or _DASH_LINE_END.search(text) is None:  # (a dash that ends a line: the cheap test first)
        return text
    return _LONE_DASH.sub(lambda m: m.group(0)[:-1] + " ", text)


_RETOLD_RULES = ("quote_", "nested_quote")  # quotation-mark quotes a turn may hold; not dialogue or interview lines


def _retold(ctx: Context, quotes: list[Quote], a: int, b: int) -> bool:
    """Every quote taken that meets [a, b) lies strictly inside it (past the turn's opening) and came from
    quotation marks: the turn retells them."""
    meeting = [q for q in quotes if q.start < b and q.end > a]
    return bool(meeting) and all(a < q.start and q.end <= b and q.rule.startswith(_RETOLD_RULES) for q in meeting) \
        and len(meeting) == sum(1 for s, e in ctx.taken if s < b and e > a)


def _drop_inside(ctx: Context, quotes: list[Quote], a: int, b: int) -> list[Quote]:
    """The quotes without those inside [a, b), forgotten by the context too (taken spans, speakers)."""
    inside = {(q.start, q.end) for q in quotes if a <= q.start and q.end <= b}
    ctx.taken[:] = [t for t in ctx.taken if t not in inside]
    ctx.spoken[:] = [(s, n) for s, n in ctx.spoken if not a <= s < b]
    ctx.superseded = True
    return [q for q in quotes if (q.start, q.end) not in inside]


def _unnamed_media(speaker: str | None) -> bool:
    """"СМИ США", "СМИ": the media named only as a kind are an unnamed source."""
    return bool(speaker) and speaker.split(" ", 1)[0].lower() in marks.UNNAMED_MEDIA


def extract_quotes(text: str, *, debug: bool = False, title: str | None = None,
                   lead: str | None = None) -> list[Quote]:
    """Direct quotations in an article body, sorted by start; text[q.start:q.end] == q.text.

    ``title`` (optional) helps name speakers the body only refers to ("пишет бывший политик" under the
    title "Николай Травкин: …"). ``lead`` (optional), the article's lead, names the interviewee of an interview
    whose title and body do not ("Валентин Балахничёв рассказал RT, …"); no quotes are taken from it and
    offsets stay offsets into ``text``."""
    if not text or not isinstance(text, str):
        return []
    soft = join_lone_dashes(soften_links(text))  # rules read the text with links mended; quotes keep the original
    ctx = Context(soft, paragraphs(soft), title=title if isinstance(title, str) else "",
                  lead=soften_links(lead) if isinstance(lead, str) else "")
    quotes: list[Quote] = []
    for rule in ARTICLE_RULES:
        for found in rule(ctx):
            a, b = _trim(text, found)
            if b > a and found.supersedes and not ctx.free(a, b) and _retold(ctx, quotes, a, b):
                quotes = _drop_inside(ctx, quotes, a, b)
            if b <= a or not (ctx.free(a, b) or (found.nested and ctx.nestable(a, b))):
                continue
            ctx.taken.append((a, b))
            if found.speaker:
                ctx.spoken.append((a, found.speaker))
            speaker, role = (None, None) if _unnamed_media(found.speaker) else (found.speaker or None, found.role)
            quotes.append(Quote(text[a:b], a, b, speaker, role, found.rule))
            if debug:
                log.debug("%s [%d:%d] %s: %.60s", found.rule, a, b, found.speaker, text[a:b])
    quotes.sort(key=lambda q: q.start)
    return quotes
