"""Render a query tree back to query text: canonical, explicit, and parsed back to the same tree.

For ``--explain`` and debugging: ``parse(to_text(parse(q))) == parse(q)``. Fields are written with
their English names, groups inside groups get parentheses, dates are compressed where exact
(``date:2019``, ``date:2019-02``) and written as ``date:[2019-03-01 TO *]`` otherwise.
"""
from __future__ import annotations

from . import dates
from .ast import And, DateRange, Exact, FieldValue, MatchAll, Node, Not, Or, Phrase, Prefix, Word
from .vocab import FIELD_ALIASES, OPERATORS, WORD_BREAKS

__all__ = ["to_text"]


def to_text(node: Node) -> str:
    """The canonical query text for ``node`` (``""`` for :class:`MatchAll`)."""
    if isinstance(node, And):
        return " ".join(_in_and(c) for c in node.children if not isinstance(c, MatchAll))
    if isinstance(node, Or):
        return " OR ".join(_in_or(c) for c in node.children)
    if isinstance(node, Not):
        return "-" + (f"({to_text(node.child)})" if isinstance(node.child, (And, Or, Not, MatchAll)) else to_text(node.child))
    if isinstance(node, MatchAll):
        return ""
    return _leaf(node)


def _in_and(node: Node) -> str:
    return f"({to_text(node)})" if isinstance(node, (And, Or)) else to_text(node)


def _in_or(node: Node) -> str:
    text = to_text(node)
    grouped = isinstance(node, Or) or (isinstance(node, And) and " " in text and not _is_single_negation(node))
    return f"({text})" if grouped else text


def _is_single_negation(node: And) -> bool:
    """``MatchAll AND NOT x`` renders as one ``-x`` and needs no parentheses."""
    rest = [c for c in node.children if not isinstance(c, MatchAll)]
    return len(rest) == 1 and isinstance(rest[0], Not)


def _leaf(node: Node) -> str:
    if isinstance(node, Word):
        return _field(node.field) + _word(node.text, attached=node.field is not None)
    if isinstance(node, Exact):
        if len(node.words) == 1 and _exact_safe(node.words[0]):
            return _field(node.field) + "=" + node.words[0]
        return _field(node.field) + "=" + _quote(" ".join(node.words))
    if isinstance(node, Phrase):
        return _field(node.field) + _quote(" ".join(node.words)) + (f"~{node.slop}" if node.slop else "")
    if isinstance(node, Prefix):
        return _field(node.field) + node.text + "*"
    if isinstance(node, FieldValue):
        return f"{node.field}:" + _word(node.value, attached=True)
    if isinstance(node, DateRange):
        return "date:" + _dates(node)
    raise TypeError(f"not a query node: {node!r}")


def _field(field: str | None) -> str:
    return f"{field}:" if field else ""


def _exact_safe(text: str) -> bool:
    """Can ``text`` follow ``=`` unquoted?"""
    return bool(text) and any(c.isalnum() for c in text) and not any(
        c.isspace() or c in WORD_BREAKS or c in "*~" for c in text
    )


def _word(text: str, attached: bool) -> str:
    """``text`` bare if it would scan back as the same word, else quoted."""
    colon = text.find(":")
    looks_like_field = colon > 0 and text[:colon].lower() in FIELD_ALIASES
    is_operator = not attached and text in OPERATORS
    if _exact_safe(text) and text[0] not in "+-=" and not looks_like_field and not is_operator:
        return text
    return _quote(text)


def _quote(text: str) -> str:
    """``text`` in the first kind of quotes it does not contain."""
    if '"' not in text:
        return f'"{text}"'
    if "»" not in text:
        return f"«{text}»"
    return f"„{text}“"


def _dates(node: DateRange) -> str:
    start, end = node.start, node.end
    if start is not None and end is not None:
        if start == end:
            return start
        for prefix in (start[:4], start[:7]):
            if _covers(prefix, start, end):
                return prefix
    return f"[{start or '*'} TO {end or '*'}]"


def _covers(prefix: str, start: str, end: str) -> bool:
    """Is ``start``..``end`` exactly the year or month ``prefix``?"""
    try:
        first, last = dates.bounds(prefix)
    except ValueError:
        return False
    return (first.isoformat(), last.isoformat()) == (start, end)
