"""Parse a search query as a person types it into a tree of :mod:`presssearch.query.ast` nodes.

The language, briefly (see ``parse``): words must all match; ``OR``/``ИЛИ``, ``AND``/``И``,
``NOT``/``НЕ``, ``-word``, ``+word``, ``( )``; ``"phrases"`` (also «…», „…“, “…”) and
``"phrase"~5``; ``=exact`` and ``="exact phrase"``; ``prefix*``; ``field:`` before a word, phrase
or group; ``date:2019``, ``date:[2019-01 TO *]``, ``date:>=2019-03``.

``OR`` binds tighter than ``AND`` (explicit or implied), as in web search engines:
``Бурков губернатор OR мэр`` means Бурков AND (губернатор OR мэр).

The scanner walks the text once and the parser once; nesting is bounded by ``max_depth``, so any
string either parses or raises :class:`~presssearch.errors.QueryError`, quickly.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import QueryError
from . import dates
from .ast import And, DateRange, Exact, FieldValue, MatchAll, Node, Not, Or, Phrase, Prefix, Word, count_terms
from .vocab import (
    DATE_FIELD,
    FIELD_ALIASES,
    KEYWORD_FIELDS,
    MAX_SLOP,
    OPENING_QUOTES,
    OPERATORS,
    QUOTE_MARKS,
    QUOTES,
    RANGE_SEPARATORS,
    WORD_BREAKS,
)

__all__ = ["parse"]

# Token kinds.
LPAREN, RPAREN, OP, NEG, PLUS, FIELD, WORD, PREFIX, PHRASE, DATE, EOF = (
    "(", ")", "op", "-", "+", "field", "word", "prefix", "phrase", "date", "end",
)

DATE_HINT = "Write date:2019, date:2019-11-06, date:[2019-01 TO 2019-06], date:>=2019-03 or date:<2020."
EXACT_HINT = 'Write =Бурков for one exact word form or ="в Омске" for an exact phrase.'
STAR_HINT = "Only a trailing * is supported, after at least two letters, as in казах*"
TILDE_HINT = 'Proximity goes right after a closing quote: "Бурков Казахстан"~5. To search for "~" itself, put it in quotes.'


@dataclass(frozen=True)
class Token:
    """One piece of the query. ``text``: the word, prefix, canonical operator or field name, or a
    phrase's text with spaces collapsed."""

    kind: str
    pos: int
    text: str = ""
    words: tuple[str, ...] = ()
    slop: int = 0
    exact: bool = False
    dates: DateRange | None = None


def _has_alnum(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _excerpt(query: str, pos: int, width: int = 30) -> str:
    """The query, or the part of a long one around ``pos``."""
    if len(query) <= 2 * width:
        return query
    start = max(0, pos - width)
    end = min(len(query), pos + width)
    return ("…" if start else "") + query[start:end] + ("…" if end < len(query) else "")


def _error(query: str, pos: int, message: str, hint: str) -> QueryError:
    """A QueryError whose message quotes the query near ``pos`` (reported 1-based)."""
    return QueryError(f'{message} at position {pos + 1} in "{_excerpt(query, pos)}"', hint=hint)


# ---------------------------------------------------------------------------------------------
# Scanning: text -> tokens


class _Scanner:
    """Turns the query text into tokens in one pass."""

    def __init__(self, query: str):
        self.q = query
        self.n = len(query)
        self.tokens: list[Token] = []

    def fail(self, pos: int, message: str, hint: str) -> QueryError:
        return _error(self.q, pos, message, hint)

    def run(self) -> list[Token]:
        i = 0
        while i < self.n:
            c = self.q[i]
            if c.isspace() or (c in QUOTE_MARKS and c not in OPENING_QUOTES):
                i += 1  # a stray closing quote is just a boundary
            elif c in "()":
                self.tokens.append(Token(LPAREN if c == "(" else RPAREN, i))
                i += 1
            elif c in OPENING_QUOTES:
                i = self.phrase(i)
            else:
                i = self.bare(i, self.run_end(i))
        self.tokens.append(Token(EOF, self.n))
        return self.tokens

    def run_end(self, i: int) -> int:
        """Where the bare run of characters starting at ``i`` ends."""
        while i < self.n and not self.q[i].isspace() and self.q[i] not in WORD_BREAKS:
            i += 1
        return i

    def quoted(self, k: int) -> tuple[str, int, bool]:
        """The text inside the quote opened at ``k``, the index after it, and whether it was closed.
        An unclosed quote runs to the end of the query."""
        closers = QUOTES[self.q[k]]
        end = k + 1
        while end < self.n and self.q[end] not in closers:
            end += 1
        if end < self.n:
            return self.q[k + 1 : end], end + 1, True
        return self.q[k + 1 :], self.n, False

    def phrase(self, k: int, exact: bool = False) -> int:
        """Scan ``"..."`` (and a following ``~N``) at ``k``; return the index after it."""
        content, after, closed = self.quoted(k)
        if "*" in content:
            raise self.fail(k + 1 + content.index("*"), 'A "*" inside quotes', STAR_HINT + " (outside quotes)")
        slop = 0
        if closed and after < self.n and self.q[after] == "~":
            slop, after = self.slop(after)
            if exact:
                raise self.fail(k, 'An exact phrase ="..." cannot have a "~" distance', 'Drop the "=": "Бурков Казахстан"~5')
        words = tuple(w for w in content.split() if _has_alnum(w))
        self.tokens.append(Token(PHRASE, k, " ".join(content.split()), words, slop, exact))
        return after

    def slop(self, tilde: int) -> tuple[int, int]:
        """The number after the ``~`` at ``tilde``, and the index after it."""
        end = tilde + 1
        while end < self.n and "0" <= self.q[end] <= "9":
            end += 1
        digits = self.q[tilde + 1 : end]
        if not digits:
            raise self.fail(tilde, 'A number must follow "~"', 'Write the largest distance in words: "Бурков Казахстан"~5')
        if len(digits) > 3 or int(digits) > MAX_SLOP:
            raise self.fail(tilde, f'The distance "~{digits}" is too large', f"Use a distance from 1 to {MAX_SLOP}.")
        return int(digits), end

    def bare(self, i: int, j: int) -> int:
        """Scan the run ``q[i:j]``: modifiers (``-``, ``+``, ``=``), ``field:`` and a word."""
        pending: list[Token] = []
        k = i
        while k < j:
            c = self.q[k]
            if c in "+-":
                pending.append(Token(NEG if c == "-" else PLUS, k))
                k += 1
                continue
            if c == "=":
                return self.exact(k, j, pending)
            colon = self.q.find(":", k, j)
            name = FIELD_ALIASES.get(self.q[k:colon].lower()) if colon > k else None
            if name == DATE_FIELD:
                self.tokens.extend(pending)
                return self.date(k, colon + 1)
            if name is None:
                break
            pending.append(Token(FIELD, k, name))
            k = colon + 1
        if k == j:
            return self.dangling(pending, j)
        self.word(self.q[k:j], k, pending)
        return j

    def dangling(self, pending: list[Token], j: int) -> int:
        """Modifiers with no word after them in their run. Kept before ``(`` or a quote; a field is
        kept (its value may follow a space); lone ``-``/``+``/``=`` (a dash, say) are dropped."""
        nxt = self.q[j] if j < self.n else ""
        if nxt and nxt in "(" + OPENING_QUOTES:
            self.tokens.extend(pending)
        else:
            fields = [n for n, t in enumerate(pending) if t.kind == FIELD]
            self.tokens.extend(pending[: fields[-1] + 1] if fields else [])
        return j

    def exact(self, k: int, j: int, pending: list[Token]) -> int:
        """``=word`` (the rest of the run, taken literally) or ``="phrase"``."""
        rest = self.q[k + 1 : j]
        if rest:
            self.word(rest, k + 1, pending, exact=True)
            return j
        nxt = self.q[j] if j < self.n else ""
        if nxt and nxt in OPENING_QUOTES:
            self.tokens.extend(pending)
            return self.phrase(j, exact=True)
        if nxt == "(":
            raise self.fail(k, '"=" applies to one word or a quoted phrase, not to a group', EXACT_HINT)
        return self.dangling(pending, j)

    def word(self, text: str, pos: int, pending: list[Token], exact: bool = False) -> None:
        """Emit a word, prefix or operator (with its pending modifiers), or drop a word of no letters."""
        if not exact and not pending and text in OPERATORS:
            self.tokens.append(Token(OP, pos, OPERATORS[text]))
            return
        if "~" in text:
            raise self.fail(pos + text.index("~"), 'A "~" outside quotes', TILDE_HINT)
        if "*" in text:
            self.tokens.extend(pending)
            self.tokens.append(self.prefix(text, pos, exact))
            return
        if not _has_alnum(text):
            fields = [t for t in pending if t.kind == FIELD]
            if fields:
                raise self.empty_field(fields[-1])
            return  # punctuation such as "—" is no word; its modifiers go with it
        self.tokens.extend(pending)
        self.tokens.append(Token(WORD, pos, text, exact=exact))

    def prefix(self, text: str, pos: int, exact: bool) -> Token:
        """``казах*`` -> a PREFIX token; a star anywhere else, or too short a stem, is an error."""
        if exact:
            raise self.fail(pos, '"=" (exact form) cannot be combined with "*"', "Use either =Бурков or Бурк*.")
        star = text.index("*")
        if star != len(text) - 1:
            raise self.fail(pos + star, f'A "*" inside "{text}"', STAR_HINT)
        if sum(c.isalnum() for c in text) < 2:
            hint = STAR_HINT + ("; to list everything, leave the query empty" if text == "*" else "")
            raise self.fail(pos, f'The prefix "{text}" is too short', hint)
        return Token(PREFIX, pos, text[:-1])

    def empty_field(self, field: Token) -> QueryError:
        return _empty_field(self.q, field)

    def date(self, pos: int, k: int) -> int:
        """Scan the value of ``date:`` (``pos`` is where the field name starts, ``k`` after its colon)."""
        while k < self.n and self.q[k].isspace():
            k += 1
        if k >= self.n or self.q[k] == ")":
            raise self.fail(pos, 'The field "date:" has no value', DATE_HINT)
        if self.q[k] == "(":
            raise self.fail(k, '"date:" takes one date or a range, not a group', DATE_HINT + " Or: (date:2019 OR date:2021).")
        try:
            found, after = self.date_value(k)
        except dates.DateValueError as e:
            raise self.fail(k, str(e), e.hint) from None
        self.tokens.append(Token(DATE, pos, dates=found))
        return after

    def date_value(self, k: int) -> tuple[DateRange, int]:
        """A range ``[a TO b]``, a comparison ``>=a`` or a single value at ``k``."""
        c = self.q[k]
        if c == "[":
            close = self.q.find("]", k)
            if close < 0:
                raise self.fail(k, 'The date range "[" is never closed', "Close it with ]: date:[2019-01 TO 2019-06]")
            return _date_range(self.q[k + 1 : close]), close + 1
        if c in "<>":
            op = c + "=" if self.q.startswith("=", k + 1) else c
            value, after = self.plain_value(k + len(op))
            return dates.comparison(op, value), after
        value, after = self.plain_value(k + 1 if c == "=" else k)
        return dates.single(value), after

    def plain_value(self, k: int) -> tuple[str, int]:
        """A date as typed at ``k`` (after optional spaces), bare or quoted."""
        while k < self.n and self.q[k].isspace():
            k += 1
        if k < self.n and self.q[k] in OPENING_QUOTES:
            content, after, _ = self.quoted(k)
            value = content.strip()
        else:
            after = self.run_end(k)
            value = self.q[k:after]
        if not value:
            raise dates.DateValueError("A date is missing", DATE_HINT)
        return value, after


def _date_range(content: str) -> DateRange:
    """The inside of ``[2019-01 TO 2019-06]`` (the ``TO`` may be left out)."""
    parts = content.split()
    if len(parts) == 3 and parts[1].lower() in RANGE_SEPARATORS:
        return dates.between(parts[0], parts[2])
    if len(parts) == 2:
        return dates.between(parts[0], parts[1])
    raise dates.DateValueError(
        f'"[{content}]" is not a date range', "Write a range as date:[2019-01-01 TO 2019-06-30]; use * for an open end."
    )


def _empty_field(query: str, field: Token) -> QueryError:
    return _error(
        query,
        field.pos,
        f'The field "{field.text}:" has no value',
        f'Put a word, a "phrase" or a (group) right after it: {field.text}:Бурков',
    )


# ---------------------------------------------------------------------------------------------
# Building the tree


def make_and(children: list[Node]) -> Node | None:
    """AND of ``children``: flattened; a purely negative one gets :class:`MatchAll` in front.
    One child comes back as it is (a lone Not too: the caller places it)."""
    flat: list[Node] = []
    for child in children:
        flat.extend(child.children if isinstance(child, And) else (child,))
    flat = [c for c in flat if not isinstance(c, MatchAll)]
    if not flat:
        return None
    if len(flat) == 1:
        return flat[0]
    if all(isinstance(c, Not) for c in flat):
        flat.insert(0, MatchAll())
    return And(tuple(flat))


def make_or(children: list[Node]) -> Node | None:
    """OR of ``children``: flattened; a negated alternative becomes ``MatchAll AND NOT ...``."""
    flat: list[Node] = []
    for child in children:
        flat.extend(child.children if isinstance(child, Or) else (child,))
    if not flat:
        return None
    if len(flat) == 1:
        return flat[0]
    return Or(tuple(_placed(c) for c in flat))


def make_not(child: Node) -> Node:
    """NOT ``child``; a double negation cancels out."""
    return child.child if isinstance(child, Not) else Not(child)


def _placed(node: Node) -> Node:
    """A lone Not gets the ``MatchAll`` it needs to stand where an And is not."""
    return And((MatchAll(), node)) if isinstance(node, Not) else node


def _starts_operand(token: Token) -> bool:
    return token.kind not in (EOF, RPAREN) and not (token.kind == OP and token.text in ("AND", "OR"))


class _Parser:
    """Recursive descent over the tokens. Grammar (``OR`` binds tighter than ``AND``)::

        query   := and EOF
        and     := (or | "AND" | "OR")*          stray operators are dropped
        or      := unary ("OR" unary)*
        unary   := ("NOT" | "-" | "+" | field:)* primary
        primary := "(" and ")" | word | prefix | phrase | date
    """

    def __init__(self, query: str, tokens: list[Token], max_depth: int):
        self.q = query
        self.tokens = tokens
        self.i = 0
        self.max_depth = max_depth

    def peek(self) -> Token:
        return self.tokens[self.i]

    def advance(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse(self) -> Node | None:
        node = self.and_(0, None)
        token = self.peek()
        if token.kind == RPAREN:
            raise _error(self.q, token.pos, 'Unbalanced parenthesis: ")" has no matching "("', 'Remove the ")" or add the missing "(".')
        return node

    def and_(self, depth: int, field: str | None) -> Node | None:
        children: list[Node] = []
        while True:
            token = self.peek()
            if token.kind in (EOF, RPAREN):
                return make_and(children)
            if token.kind == OP and token.text in ("AND", "OR"):
                self.advance()  # AND between operands, or a stray AND/OR: nothing to do
                continue
            node = self.or_(depth, field)
            if node is not None:
                children.append(node)

    def or_(self, depth: int, field: str | None) -> Node | None:
        first = self.unary(depth, field)
        children = [first] if first is not None else []
        while self.peek().kind == OP and self.peek().text == "OR":
            while self.peek().kind == OP and self.peek().text == "OR":
                self.advance()
            if not _starts_operand(self.peek()):
                break  # "a OR" at the end: the OR is dropped
            node = self.unary(depth, field)
            if node is not None:
                children.append(node)
        return make_or(children)

    def unary(self, depth: int, field: str | None) -> Node | None:
        negate = False
        field_token: Token | None = None
        while True:
            token = self.peek()
            if token.kind == NEG or (token.kind == OP and token.text == "NOT"):
                negate = not negate
            elif token.kind == FIELD:
                field, field_token = token.text, token
            elif token.kind != PLUS:
                break
            self.advance()
        node = self.primary(depth, field) if _starts_operand(self.peek()) else None
        if node is None:
            if field_token is not None:
                raise _empty_field(self.q, field_token)
            return None  # "NOT" at the end, "()" ...: dropped
        return make_not(node) if negate else node

    def primary(self, depth: int, field: str | None) -> Node | None:
        token = self.advance()
        if token.kind == LPAREN:
            return self.group(token, depth, field)
        if token.kind == WORD:
            return _word_node(token, field)
        if token.kind == PREFIX:
            return Prefix(token.text, field)
        if token.kind == PHRASE:
            return _phrase_node(token, field)
        assert token.kind == DATE and token.dates is not None, token
        return token.dates

    def group(self, opening: Token, depth: int, field: str | None) -> Node | None:
        if depth >= self.max_depth:
            raise _error(
                self.q, opening.pos, f"Parentheses are nested more than {self.max_depth} levels deep",
                "Remove some parentheses: a OR b OR c needs none.",
            )
        node = self.and_(depth + 1, field)
        if self.peek().kind != RPAREN:
            raise _error(self.q, opening.pos, 'Unbalanced parenthesis: "(" is never closed', 'Add the missing ")" or remove the "(".')
        self.advance()
        return node


def _word_node(token: Token, field: str | None) -> Node:
    if field in KEYWORD_FIELDS:
        return FieldValue(field, token.text)
    if token.exact:
        return Exact((token.text,), field)
    return Word(token.text, field)


def _phrase_node(token: Token, field: str | None) -> Node | None:
    if field in KEYWORD_FIELDS:
        return FieldValue(field, token.text) if token.text else None
    if not token.words:
        return None  # "" is nothing
    if token.exact:
        return Exact(token.words, field)
    if len(token.words) == 1:
        return Word(token.words[0], field)
    return Phrase(token.words, field, token.slop)


# ---------------------------------------------------------------------------------------------
# The entry point


def parse(text: str, *, max_length: int = 1000, max_depth: int = 16, max_terms: int = 64) -> Node:
    """Parse a query into a tree (see :mod:`presssearch.query.ast` for its guarantees).

    An empty query (or one of only operators and punctuation) is :class:`MatchAll`.
    Raises :class:`QueryError` (message quoting the problem, 1-based position, and a hint) for
    unbalanced parentheses, empty field values, misplaced ``*`` or ``~``, impossible dates, and a
    query longer than ``max_length`` characters, nested deeper than ``max_depth`` parentheses, or
    holding more than ``max_terms`` terms (words, phrases, prefixes, field values, dates).
    """
    # Lone surrogates (what undecodable command-line bytes become) cannot be indexed terms.
    if _has_surrogates(text):
        text = text.encode("utf-8", "replace").decode("utf-8")
    if len(text) > max_length:
        raise QueryError(
            f'The query is too long: {len(text)} characters, the limit is {max_length} ("{text[:40]}…")',
            hint="Keep the few words that matter most; a phrase in quotes finds a passage better than a long paste.",
        )
    try:
        tokens = _Scanner(text).run()
        node = _Parser(text, tokens, max_depth).parse()
    except RecursionError:
        raise QueryError(f'The query is nested too deeply: "{_excerpt(text, 0)}"', hint="Remove some parentheses.") from None
    tree: Node = MatchAll() if node is None else _placed(node)
    terms = count_terms(tree)
    if terms > max_terms:
        raise QueryError(
            f'The query has too many terms: {terms}, the limit is {max_terms} ("{_excerpt(text, 0)}")',
            hint='Remove some words; a "phrase in quotes" counts as one term.',
        )
    return tree


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
