"""Snippets with the matched words marked, as written in the text (any case form, ё or е).

Works on texts of any length (no 32K limit): the text is tokenised with the same analysis as
the index, and a word is marked when one of its terms is a term of the query. Words of a phrase
("цифровой экономики", ="в Омске", "Бурков Казахстан"~5) are marked only where the phrase matches.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count

from ..analysis.russian import exact_term, query_terms, word_terms
from ..analysis.tokenize import HYPHENS, WORD_RE, fold

OPEN, CLOSE = "<b>", "</b>"
TEXT_FIELDS = {None, "title", "lead", "body", "text"}


def _initial(term: str) -> str:
    """The letter a term starts with, spelling keys unmarked and э read as е (as the keys fold it)."""
    c = term.lstrip("\u2248")[:1]
    return "е" if c == "э" else c


def initials(terms) -> frozenset[str]:
    return frozenset(_initial(t) for t in terms)


def could_meet(word: str, letters: frozenset[str]) -> bool:
    """False when no term of ``word`` can be among terms starting with ``letters``: every stem, hyphen part and
    name lemma of a word starts with the first letter of the word or of one of its parts. This spares the
    morphological analysis of most words of a long text. (Only suppletive lemmas of capitalised common words,
    "Люди" → "человек", escape it; they are not marked.)"""
    folded = fold(word)
    if _initial(folded) in letters:
        return True
    return "-" in folded and any(_initial(p) in letters for p in folded.split("-"))


_phrase_initials = lru_cache(maxsize=1024)(initials)
_DOUBLED = re.compile(r"(\w)\1+")
_VOWELS = frozenset("аеиоуыюяaeiouy")


def _plain(s: str) -> str:
    """ё and э read as е, as spelling keys and folded stems have them."""
    return s.replace("ё", "е").replace("э", "е")


@lru_cache(maxsize=1024)
def heads(terms: frozenset[str]) -> frozenset[str]:
    """The first two letters of each term (the whole of a one-letter term), spelling keys unmarked, э as е."""
    return frozenset(_plain(t.lstrip("\u2248"))[:2] for t in terms)


def shares_head(word: str, heads_: frozenset[str]) -> bool:
    """``could_meet`` with two letters: False when no stem, hyphen part, name lemma or spelling key of ``word``
    can start like a term with ``heads_``. Stems are prefixes of the folded word and lemmas keep its first two
    letters, but for a fleeting vowel after the first letter ("Льва" → "лев"; spelling keys drop a doubled
    letter: "Ааронов" → "≈аронов"), so in a fresh process the morphology
    of a text's words is asked for only where a query term could be met, which is what the first run of a
    query costs."""
    folded = _plain(exact_term(word))
    for part in (folded, *folded.split("-")[1:]) if "-" in folded else (folded,):
        if part[:2] in heads_ or part[:1] in heads_:
            return True
        if part[1:2] not in _VOWELS and any(h[:1] == part[:1] for h in heads_):
            return True  # a fleeting vowel may come back in the lemma: "Льва" → "лев", "Дня" → "день"
        if part[1:2] == part[:1] and _DOUBLED.sub(r"\1", part)[:2] in heads_:
            return True
    return False


def stems_may_meet(word: str, terms: frozenset[str]) -> bool:
    """False when ``word`` is a plain lowercase word (not capitalised, not Latin) that no term of ``terms``
    starts, nor any of its hyphen parts: such a word's terms are the Snowball stems of it and of its parts,
    and a Russian stem is a prefix of what it stems (Snowball only removes endings), so none of its terms
    can be in ``terms``. This spares analysing most new lowercase words of a text. Capitalised words (name
    lemmas) and Latin ones (the English stemmer rewrites endings) are let through."""
    if word[:1].isupper():
        return True
    folded = exact_term(word)
    if folded.isascii():
        return True
    starts = _as_tuple(terms)
    if "-" in folded:
        return any(part.startswith(starts) for part in (folded, *folded.split("-")))
    return folded.startswith(starts)


_as_tuple = lru_cache(maxsize=1024)(tuple)


@dataclass(frozen=True)
class PhraseRule:
    """One phrase of the query: per word its terms (None for a stop word, which matches any word),
    how far apart its words may be (0: in order, side by side), and whether forms are exact."""

    words: tuple[frozenset[str] | None, ...]
    slop: int = 0
    exact: bool = False

    def fitting(self, j: int, words: set[str]) -> set[str]:
        """The words of ``words`` that can stand as the phrase's word ``j``: a cheap first-letter test, then
        ``matches`` (the test only drops words ``matches`` would refuse)."""
        seen = _rule_seen(self, j)
        out = set()
        for w in _may_start(words, _word_letters(self.words[j], self.exact)):
            found = seen.get(w)
            if found is None:
                found = seen[w] = self._matches(j, w)
            if found:
                out.add(w)
        return out

    def matches(self, j: int, word: str) -> bool:
        seen = _rule_seen(self, j)
        found = seen.get(word)
        if found is None:
            found = seen[word] = self._matches(j, word)
        return found

    def _matches(self, j: int, word: str) -> bool:
        want = self.words[j]
        if want is None:
            return True
        if self.exact:
            return exact_term(word) in want
        return stems_may_meet(word, want) and could_meet(word, _phrase_initials(want)) \
            and shares_head(word, heads(want)) and not want.isdisjoint(word_terms(word))


@lru_cache(maxsize=64)
def _rule_seen(rule: PhraseRule, j: int) -> dict[str, bool]:
    """The words judged so far for the phrase word ``j`` of ``rule`` (a judgement depends on nothing else),
    shared by the searches of the same phrase."""
    return _Judged()


class _Judged(dict):
    """word → judgement; forgets everything past ``SEEN_WORDS`` words rather than grow without end."""

    def __setitem__(self, word, value):
        if len(self) >= SEEN_WORDS:
            self.clear()
        super().__setitem__(word, value)


@lru_cache(maxsize=1024)
def _word_letters(want: frozenset[str], exact: bool) -> frozenset[str]:
    """Lowercase first letters of every word whose terms (or exact form) can be in ``want``: a folded ё or a
    stem's э counts as е, as ``could_meet`` reads them."""
    letters = {t[:1] for t in want} if exact else set(_phrase_initials(want))
    if "е" in letters:
        letters |= {"ё"} if exact else {"ё", "э"}
    return frozenset(letters)


@dataclass
class Matcher:
    """What a query marks: stemmed terms, exact forms, prefixes, and phrases."""

    terms: set[str] = field(default_factory=set)
    exact: set[str] = field(default_factory=set)
    prefixes: tuple[str, ...] = ()
    phrases: list[PhraseRule] = field(default_factory=list)

    _seen: dict = field(default_factory=dict, repr=False)
    _letters: tuple | None = field(default=None, repr=False)

    def matches(self, word: str) -> bool:
        """True if ``word`` matches a single-word part of the query (phrases aside); remembered
        per matcher (and by ``matcher_for``'s matchers of the same parts), since hits share most words."""
        found = self._seen.get(word)
        if found is None:
            found = self._seen[word] = self._matches(word)
        return found

    def _matches(self, word: str) -> bool:
        if self.exact and exact_term(word) in self.exact:
            return True
        if self.terms:
            letters = self.letters
            terms = self._letters[0]  # the frozen terms, as .letters has just made sure
            # the cheap tests first, the one refusing most words (plain lowercase ones) first of all
            if stems_may_meet(word, terms) and could_meet(word, letters) and shares_head(word, heads(terms)) \
                    and not self.terms.isdisjoint(word_terms(word)):
                return True
        if self.prefixes:
            f = fold(word)
            return any(f.startswith(p) for p in self.prefixes)
        return False

    @property
    def letters(self) -> frozenset[str]:
        if self._letters is None or self._letters[0] != self.terms:
            self._letters = (frozenset(self.terms), initials(self.terms))
        return self._letters[1]

    @property
    def first_letters(self) -> frozenset[str]:
        """Every lowercase first letter a word this matcher can mark may start with (ё/э for е)."""
        letters = set(self.letters) | {_initial(t) for t in self.exact} | {_initial(p) for p in self.prefixes}
        if "е" in letters:
            letters |= {"ё", "э"}
        return frozenset(letters)

    def __bool__(self) -> bool:
        return bool(self.terms or self.exact or self.prefixes or self.phrases)


def matcher_for(tree) -> Matcher:
    """Collect the positive (not negated) words, phrases and prefixes of a query tree."""
    m = Matcher()
    prefixes: list[str] = []

    def walk(node) -> None:
        kind = type(node).__name__
        if kind == "Not":
            return
        if kind in ("And", "Or"):
            for c in node.children:
                walk(c)
        elif kind == "Word" and node.field in TEXT_FIELDS:
            m.terms.update(query_terms(node.text))
        elif kind == "Phrase" and node.field in TEXT_FIELDS:
            per_word = tuple(frozenset(query_terms(w)) or None for w in node.words)
            _add_phrase(m, PhraseRule(per_word, node.slop), per_word)
        elif kind == "Exact":
            forms = tuple(frozenset({exact_term(w)}) for w in node.words)
            if len(forms) == 1:
                m.exact.update(forms[0])
            else:
                m.phrases.append(PhraseRule(forms, 0, exact=True))
        elif kind == "Prefix" and node.field in TEXT_FIELDS:
            prefixes.append(fold(node.text).rstrip("*"))

    walk(tree)
    m.prefixes = tuple(prefixes)
    m._seen = _shared_seen((frozenset(m.terms), frozenset(m.exact), m.prefixes))
    return m


SEEN_MATCHERS = 64  # the single-word parts of this many recent queries keep what their words gave
SEEN_WORDS = 10_000  # words remembered per query (or phrase word) at most
_SEEN: OrderedDict = OrderedDict()
_SEEN_LOCK = threading.Lock()


def _shared_seen(key: tuple) -> dict:
    """The words judged so far (word → marked?) by matchers of the same single-word parts (``Matcher.matches``
    depends on nothing else): searches repeating a query, or paging through it, judge each word once."""
    with _SEEN_LOCK:
        seen = _SEEN.get(key)
        if seen is None:
            seen = _SEEN[key] = _Judged()
        _SEEN.move_to_end(key)
        while len(_SEEN) > SEEN_MATCHERS:
            _SEEN.popitem(last=False)
        return seen


def _add_phrase(m: Matcher, rule: PhraseRule, per_word) -> None:
    kept = [t for t in per_word if t]
    if len(kept) == 1:
        m.terms.update(kept[0])  # a phrase of one real word is that word
    elif kept:
        m.phrases.append(rule)


def spans(text: str, m: Matcher) -> list[tuple[int, int]]:
    """Offsets of the words of ``text`` that the query matches, in order.

    Only the words that can match are looked at: those with a part starting with a letter the query's words
    can start with (``candidates``, found by regular expressions, not word by word in Python), each distinct
    one once. The matched words are then found in one regular-expression pass."""
    if not m:
        return []
    if not m.phrases:
        hit = _single_hits(candidates(text, m.first_letters), m)
        return word_spans(text, hit) if hit else []
    distinct = candidates(text, _all_letters(m))
    if all(rule.slop == 0 and rule.words[0] is not None for rule in m.phrases):
        return _side_by_side_spans(text, m, distinct)
    words = WORD_RE.findall(text)
    single = _single_hits(distinct, m)
    marked = set(_indexes(words, single)) if single else set()
    for rule in m.phrases:
        marked.update(phrase_hits(words, rule, distinct))
    if not marked:
        return []
    return _token_spans(text, words, marked)


def _side_by_side_spans(text: str, m: Matcher, distinct: set[str]) -> list[tuple[int, int]]:
    """``spans`` when every phrase is side by side (slop 0) and starts with a real word: each occurrence of a
    word that can start the phrase (``word_spans``) is kept when the tokens right after it are words that can
    follow (``_following``); no list of every token, and no pattern compiled per text. ``distinct``: the
    candidate words of the text."""
    found: set[tuple[int, int]] = set()
    single = _single_hits(distinct, m)
    if single:
        found.update(word_spans(text, single))
    for rule in m.phrases:
        fits = [None if want is None else rule.fitting(j, distinct) for j, want in enumerate(rule.words)]
        if any(f is not None and not f for f in fits):
            continue
        real = [j - 1 for j, want in enumerate(rule.words) if want is not None and j]
        for start, end in word_spans(text, fits[0]):
            after = _following(text, end, fits[1:])
            if after is not None:
                found.add((start, end))
                found.update(after[j] for j in real)
    return sorted(found)


_ANY_TOKEN = rf"[^\W_]+(?:[{HYPHENS}][^\W_]+)*"
_NEXT_TOKEN = re.compile(rf"[\W_]+({_ANY_TOKEN})")  # the token after a token's end (none between)


def _following(text: str, end: int, words: list[set[str] | None]) -> list[tuple[int, int]] | None:
    """Offsets of the tokens right after the token ending at ``end``, one per ``words`` (only non-word
    characters between two of them), if each is in its set of ``words`` (None: any token); else None."""
    out = []
    for want in words:
        x = _NEXT_TOKEN.match(text, end)
        if x is None or (want is not None and x.group(1) not in want):
            return None
        out.append(x.span(1))
        end = x.end()
    return out


def _indexes(words: list[str], chosen: set[str]) -> list[int]:
    """The indexes of the words in ``chosen``, ascending (one pass in C, no Python code per word)."""
    return list(compress(count(), map(chosen.__contains__, words)))


def _all_letters(m: Matcher) -> frozenset[str]:
    """Every first letter a word marked by ``m``, alone or in one of its phrases, may start with."""
    letters = set(m.first_letters)
    for rule in m.phrases:
        for want in rule.words:
            if want is not None:
                letters |= _word_letters(want, rule.exact)
    return frozenset(letters)


def _token_spans(text: str, words: list[str], indexes: set[int]) -> list[tuple[int, int]]:
    """Offsets of the tokens ``words[i]`` (``words``: the WORD_RE tokens of ``text``) for i in ``indexes``, in
    order: the k-th occurrence of their words (``word_spans``) is the k-th token of those words."""
    wanted = {words[i] for i in indexes}
    order = _indexes(words, wanted)
    return [span for i, span in zip(order, word_spans(text, wanted)) if i in indexes]


def _single_hits(distinct: set[str], m: Matcher) -> set[str]:
    """The words of ``distinct`` that match a single-word part of the query: a cheap first-letter test, then
    ``m.matches`` (the test only drops words it would refuse)."""
    return {w for w in _may_start(distinct, m.first_letters) if m.matches(w)}


def _may_start(words, letters: frozenset[str]) -> list[str]:
    """The words whose first letter is in ``letters``, and every hyphenated word (its parts may start with
    another letter): one pass, without a function call per word."""
    return [w for w in words if w[:1].lower()[:1] in letters or "-" in w or "\u2010" in w or "\u2011" in w]


# Characters whose lowercase is known here without asking: ASCII and the Cyrillic block. Any other character
# may lowercase to anything (U+212A KELVIN SIGN to "k"), so it is always let through as a possible start.
_PLAIN = [chr(c) for c in (*range(0x80), *range(0x400, 0x500))]


@lru_cache(maxsize=512)
def _candidate_re(letters: frozenset[str]) -> re.Pattern:
    """The pattern finding the tokens that start with a character whose lowercase starts with one of
    ``letters``. It begins with a character class, which the regular-expression engine skips to quickly; the
    look-behinds after that character make it the first of a WORD_RE token."""
    # as a negated class (the characters of _PLAIN that cannot start so, as ranges): one with ranges up to
    # U+10FFFF takes the regular-expression compiler ~15 ms, this one well under 1 ms
    starts = "^" + _char_ranges([c for c in _PLAIN if c.lower()[:1] not in letters])
    return re.compile(rf"[{starts}](?<=[^\W_])(?<![^\W_].)(?<![^\W_][{HYPHENS}].)[^\W_]*(?:[{HYPHENS}][^\W_]+)*")


def _candidate_res(letters: frozenset[str]) -> tuple[re.Pattern, frozenset[str]]:
    """What ``_found`` looks for: the tokens starting with ``letters`` (``_candidate_re``), and the letters,
    which the parts after a hyphen are tested against (``_hyphen_parts``)."""
    return _candidate_re(letters), letters


_HYPHEN_PART = re.compile(rf"[{HYPHENS}](?<=[^\W_].)(?=[^\W_])")  # a hyphen joining two parts of a token
_PLAIN_SET = frozenset(_PLAIN)


def _hyphen_parts(text: str, letters: frozenset[str]) -> set[str]:
    """The WORD_RE tokens of ``text`` with a part after a hyphen that starts with a character whose lowercase
    starts with one of ``letters`` (any character beyond _PLAIN counts): one pass over the text whatever the
    letters (hyphens joining parts are few; each is tested in Python)."""
    found = set()
    for x in _HYPHEN_PART.finditer(text):
        c = text[x.end()]
        if c not in _PLAIN_SET or c.lower()[:1] in letters:
            found.add(WORD_RE.match(text, _token_start(text, x.start())).group())
    return found


def _char_ranges(chars: list[str]) -> str:
    """The body of a character class holding exactly ``chars`` (ascending), runs of consecutive characters
    written as ranges (fewer items for the regular-expression compiler to parse)."""
    out, i = [], 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) if i == j else f"{re.escape(chars[i])}-{re.escape(chars[j])}")
        i = j + 1
    return "".join(out)


_COMBINED_AFTER = 12  # a set of letters gets its own compiled pattern once asked for by this many snippet texts
_ASKED_LETTERS: OrderedDict = OrderedDict()  # sets of letters asked for (bounded)


def candidates(text: str, letters: frozenset[str]) -> set[str]:
    """The distinct WORD_RE tokens of ``text`` that have a part (the whole token, or one after a hyphen)
    starting with a character whose lowercase starts with one of ``letters``: every word that ``could_meet``,
    an exact form or a prefix starting with those letters can accept (and a few more).

    A set of letters new to this process is looked for letter by letter, with each letter's patterns (kept,
    letters recur across queries), since compiling the patterns of a new set costs a few milliseconds; a set
    asked for again and again (repeated searches) gets its own patterns, one pass over the text."""
    if len(letters) > 1:
        with _SEEN_LOCK:
            asked = _ASKED_LETTERS.pop(letters, 0) + 1
            _ASKED_LETTERS[letters] = asked
            if len(_ASKED_LETTERS) > 4096:
                _ASKED_LETTERS.popitem(last=False)
        if asked <= _COMBINED_AFTER:
            found = _hyphen_parts(text, letters)
            for letter in letters:
                found.update(_candidate_re(frozenset((letter,))).findall(text))
            return found
    return _found(text, _candidate_res(letters))


def _found(text: str, patterns: tuple[re.Pattern, frozenset[str]]) -> set[str]:
    token, letters = patterns
    found = _hyphen_parts(text, letters)
    found.update(token.findall(text))
    return found


def _token_start(text: str, i: int) -> int:
    """Where the WORD_RE token holding the hyphen at ``i`` (between two letters or digits) starts."""
    while i > 0:
        c = text[i - 1]
        if c.isalnum():  # what [^\W_] matches
            i -= 1
        elif c in HYPHENS and i > 1 and text[i - 2].isalnum():
            i -= 2
        else:
            break
    return i


def word_spans(text: str, wanted: set[str]) -> list[tuple[int, int]]:
    """Offsets of the WORD_RE tokens of ``text`` that are in ``wanted``, in order: each word's occurrences are
    found by ``str.find`` and kept where a token starts and ends there (``_whole_token``). No pass over every
    token in Python and no pattern to compile, which the first search of a set of words would pay."""
    out: list[tuple[int, int]] = []
    for word in wanted:
        if WORD_RE.fullmatch(word):
            out.extend(_occurrences(text, word))
    out.sort()
    return out


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    """Offsets of the tokens of ``text`` equal to ``word`` (itself one token)."""
    out = []
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if _whole_token(text, i, i + n):
            out.append((i, i + n))
        i = text.find(word, i + 1)
    return out


def _whole_token(text: str, start: int, end: int) -> bool:
    """True if a WORD_RE token of ``text`` starts at ``start`` and ends at ``end`` (``text[start:end]`` being
    letters and digits, maybe joined by hyphens): no letter or digit touches it, nor a hyphen that would join
    one (``str.isalnum`` is what ``[^\\W_]`` matches)."""
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or (c in HYPHENS and start > 1 and text[start - 2].isalnum()):
            return False
    if end < len(text):
        c = text[end]
        if c.isalnum() or (c in HYPHENS and end + 1 < len(text) and text[end + 1].isalnum()):
            return False
    return True


def phrase_hits(words: list[str], rule: PhraseRule, distinct: set[str] | None = None) -> set[int]:
    """Indexes of the words (WORD_RE tokens of a text, in order) that take part in a match of ``rule``;
    ``distinct``, if given, holds at least every word of ``words`` that can stand for a word of the rule."""
    real = [j for j, w in enumerate(rule.words) if w is not None]
    if distinct is None:
        distinct = set(words)
    fits = {j: rule.fitting(j, distinct) for j in real}
    where = {j: _indexes(words, fits[j]) for j in real}
    out: set[int] = set()
    if rule.slop == 0:
        first = real[0]
        for i in where[first]:
            start = i - first
            if start < 0 or start + len(rule.words) > len(words):
                continue
            if all(words[start + j] in fits[j] for j in real):
                out.update(start + j for j in real)
        return out
    reach = rule.slop + len(rule.words) - len(real)  # stop words take positions
    for j in real:
        for i in where[j]:
            if all(_near(where[k], i, reach) for k in real if k != j):
                out.add(i)
    return out


def _near(positions: list[int], i: int, reach: int) -> bool:
    k = bisect_left(positions, i - reach)
    return k < len(positions) and positions[k] <= i + reach


def mark(text: str, found: list[tuple[int, int]], open_: str = OPEN, close: str = CLOSE) -> str:
    out, last = [], 0
    for s, e in found:
        out.append(text[last:s])
        out.append(open_ + text[s:e] + close)
        last = e
    out.append(text[last:])
    return "".join(out)


def snippet(text: str, m: Matcher, *, size: int = 220, fragments: int = 2, open_: str = OPEN,
            close: str = CLOSE) -> str:
    """Up to ``fragments`` windows of about ``size`` characters around the densest matches."""
    text = text or ""
    found = spans(text, m)
    if not found:
        return _trim(text, 0, size)
    chosen = best_windows(found, size, fragments)
    parts = []
    for start, end in chosen:
        start, end = _word_bounds(text, start, end)
        lo, hi = bisect_left(found, (start, start)), bisect_right(found, (end, end))
        inside = [(s - start, e - start) for s, e in found[lo:hi] if s >= start and e <= end]
        piece = mark(text[start:end], inside, open_, close)
        parts.append(("…" if start > 0 else "") + piece.strip() + ("…" if end < len(text) else ""))
    return " ".join(parts).replace("\n", " ")


def best_windows(found: list[tuple[int, int]], size: int, fragments: int) -> list[tuple[int, int]]:
    """Non-overlapping windows of ``size`` characters holding the most matches, in text order."""
    ends = [e for _, e in found]
    windows = []
    for i, (s, _) in enumerate(found):
        start = max(0, s - size // 4)
        end = start + size
        windows.append((bisect_right(ends, end, lo=i) - i, -start, start, end))
    windows.sort(reverse=True)
    chosen: list[tuple[int, int]] = []
    for _, _, start, end in windows:
        if all(end <= a or start >= b for a, b in chosen):
            chosen.append((start, end))
            if len(chosen) == fragments:
                break
    return sorted(chosen)


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    end = min(len(text), end)
    if start > 0:
        sp = text.find(" ", start)
        if 0 <= sp < start + 30:
            start = sp + 1
    if end < len(text):
        sp = text.rfind(" ", start, end)
        if sp > start + 30:
            end = sp
    return start, end


def _trim(text: str, start: int, size: int) -> str:
    s, e = _word_bounds(text, start, start + size)
    return (text[s:e].strip() + ("…" if e < len(text) else "")).replace("\n", " ")
