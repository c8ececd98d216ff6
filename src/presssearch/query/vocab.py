"""The query language's vocabulary: operator words, field names and aliases, quote marks, limits.

Pure data; the rules that use it live in :mod:`presssearch.query.parse`.
"""
from __future__ import annotations

# Operator words, recognised only when typed exactly like this (upper case) and standing alone.
# Lower-case "и", "или", "не", "or" ... are ordinary words.
OPERATORS: dict[str, str] = {
    "AND": "AND",
    "OR": "OR",
    "NOT": "NOT",
    "И": "AND",
    "ИЛИ": "OR",
    "НЕ": "NOT",
}

# Canonical field names.
TEXT_FIELDS: tuple[str, ...] = ("title", "lead", "text")  # analysed text: words, phrases, prefixes
KEYWORD_FIELDS: tuple[str, ...] = ("source", "author", "speaker")  # whole values, see FieldValue
DATE_FIELD = "date"
FIELDS: tuple[str, ...] = TEXT_FIELDS + KEYWORD_FIELDS + (DATE_FIELD,)

# What a user may type before the colon (compared in lower case) -> canonical field name.
FIELD_ALIASES: dict[str, str] = {
    "title": "title",
    "заголовок": "title",
    "lead": "lead",
    "лид": "lead",
    "text": "text",
    "body": "text",
    "текст": "text",
    "source": "source",
    "источник": "source",
    "издание": "source",
    "author": "author",
    "автор": "author",
    "speaker": "speaker",
    "спикер": "speaker",
    "date": "date",
    "дата": "date",
}

# Opening quote mark -> the marks that close it. Straight quotes, Russian «ёлочки», „лапки“ and English “…”.
QUOTES: dict[str, str] = {
    '"': '"',
    "«": "»",
    "„": "“”",
    "“": "”“",
    "”": "”“",
}
OPENING_QUOTES: str = "".join(QUOTES)
QUOTE_MARKS: str = OPENING_QUOTES + "»"  # every quote mark; a stray closing one is a word boundary

# Characters that end a bare word (besides whitespace).
WORD_BREAKS: str = "()" + QUOTE_MARKS

# Words that separate the ends of a date range: date:[2019-01 TO 2019-06]
RANGE_SEPARATORS: frozenset[str] = frozenset({"to", "до"})

# The largest distance allowed in "phrase"~N.
MAX_SLOP = 100

MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
