"""Date values of the query language, turned into inclusive ISO ranges.

Accepted values: ``2019``, ``2019-11``, ``2019-11-06`` and the Russian ``06.11.2019``, ``11.2019``.
A value stands for every day it covers: ``2019-02`` is 2019-02-01 .. 2019-02-28.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from .ast import DateRange
from .vocab import MONTH_NAMES

FORMAT_HINT = "Write dates as 2019, 2019-11 or 2019-11-06 (or 06.11.2019)."


class DateValueError(ValueError):
    """A date value that cannot be understood; ``hint`` says how to write it."""

    def __init__(self, message: str, hint: str = FORMAT_HINT):
        super().__init__(message)
        self.hint = hint


def _digits(text: str, sizes: tuple[int, ...]) -> int | None:
    """``text`` as a number if it is only ASCII digits and its length is one of ``sizes``."""
    if len(text) in sizes and all("0" <= c <= "9" for c in text):
        return int(text)
    return None


def _split_value(value: str) -> tuple[int, int | None, int | None]:
    """``"2019-11"`` -> (2019, 11, None); ``"06.11.2019"`` -> (2019, 11, 6)."""
    if "." in value:
        parts = value.split(".")
        if len(parts) in (2, 3):
            parts.reverse()  # year first
        else:
            parts = []
    else:
        parts = value.split("-")
    if not 1 <= len(parts) <= 3:
        raise DateValueError(f'"{value}" is not a date')
    year = _digits(parts[0], (4,))
    rest = [_digits(p, (1, 2)) for p in parts[1:]]
    if year is None or None in rest:
        raise DateValueError(f'"{value}" is not a date')
    month = rest[0] if rest else None
    day = rest[1] if len(rest) > 1 else None
    return year, month, day


def _check(value: str, year: int, month: int | None, day: int | None) -> None:
    """Raise for a year, month or day that does not exist."""
    if year < 1:
        raise DateValueError(f'"{value}" is not a real date: there is no year 0', "Years start at 0001.")
    if month is not None and not 1 <= month <= 12:
        raise DateValueError(f'"{value}" is not a real date: there is no month {month}', "Months go from 01 to 12.")
    if day is not None:
        assert month is not None
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateValueError(
                f'"{value}" is not a real date: {MONTH_NAMES[month - 1]} {year} has {last} days',
                f"Pick a day from 1 to {last}.",
            )


def bounds(value: str) -> tuple[date, date]:
    """The first and last day that a date value covers."""
    year, month, day = _split_value(value)
    _check(value, year, month, day)
    first = date(year, month or 1, day or 1)
    last_month = month or 12
    last = date(year, last_month, day or calendar.monthrange(year, last_month)[1])
    return first, last


def single(value: str) -> DateRange:
    """``date:2019-11`` -> every day of November 2019."""
    first, last = bounds(value)
    return DateRange(first.isoformat(), last.isoformat())


def _shift(day: date, days: int, value: str) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise DateValueError(f'Nothing can be dated {"after" if days > 0 else "before"} "{value}"') from None


def comparison(operator: str, value: str) -> DateRange:
    """``date:>=2019-03``, ``date:>2019-03`` (from April), ``date:<2020``, ``date:<=2020``."""
    first, last = bounds(value)
    if operator == ">=":
        return DateRange(first.isoformat(), None)
    if operator == ">":
        return DateRange(_shift(last, 1, value).isoformat(), None)
    if operator == "<=":
        return DateRange(None, last.isoformat())
    return DateRange(None, _shift(first, -1, value).isoformat())


def between(low: str, high: str) -> DateRange:
    """``date:[2019-01 TO 2019-06]`` -> 2019-01-01 .. 2019-06-30; ``*`` leaves that end open."""
    start = None if low == "*" else bounds(low)[0].isoformat()
    end = None if high == "*" else bounds(high)[1].isoformat()
    if start is not None and end is not None and start > end:
        raise DateValueError(
            f"The date range [{low} TO {high}] is empty: {start} is after {end}",
            "Put the earlier date first.",
        )
    return DateRange(start, end)
