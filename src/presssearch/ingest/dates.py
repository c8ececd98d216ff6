"""Validate article dates and write them as canonical ISO text at the precision given."""
from __future__ import annotations

import calendar
import re

MIN_YEAR = 1000
MAX_YEAR = 2999
MAX_DATE_CHARS = 64

_ISO = re.compile(
    r"(?P<y>\d{4})"
    r"(?:-(?P<m>\d{1,2})"
    r"(?:-(?P<d>\d{1,2})"
    r"(?:[T ]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?P<frac>[.,]\d{1,9})?)?"
    r"\s*(?P<tz>Z|UTC|[+-]\d{2}(?::?\d{2})?)?"
    r")?)?)?",
    re.IGNORECASE | re.ASCII,
)
_DMY = re.compile(
    r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})"
    r"(?:[T ,]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?",
    re.ASCII,
)


def normalize_date(value: object) -> str | None:
    """Canonical ISO text for a date, or None when it is missing, malformed or impossible.

    Accepts "2019", "2019-11", "2019-11-06", "06.11.2019", "2019-11-06 11:03",
    "2019-11-06T11:03:00+00:00" (also "Z", "+0300"). The precision given is kept: a year stays
    a year, a time without offset stays without one ("2019-11-06T11:03"); an offset is written
    "+HH:MM" ("Z" -> "+00:00"). Years outside 1000..2999 count as invalid. Never raises.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value).strip()
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    match = _ISO.fullmatch(text) or _DMY.fullmatch(text)
    if match is None:
        return None
    return _canonical(match.groupdict())


def _canonical(g: dict[str, str | None]) -> str | None:
    year = int(g["y"] or 0)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    out = f"{year:04d}"
    if g["m"] is None:
        return out
    month = int(g["m"])
    if not 1 <= month <= 12:
        return None
    out += f"-{month:02d}"
    if g["d"] is None:
        return out
    day = int(g["d"])
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    out += f"-{day:02d}"
    if g["H"] is None:
        return out
    clock = _clock(g)
    offset = _offset(g.get("tz"))
    if clock is None or offset is None:
        return None
    return out + clock + offset


def _clock(g: dict[str, str | None]) -> str | None:
    hour, minute = int(g["H"] or 0), int(g["M"] or 0)
    if hour > 23 or minute > 59:
        return None
    out = f"T{hour:02d}:{minute:02d}"
    if g["S"] is not None:
        second = int(g["S"])
        if second > 59:
            return None
        out += f":{second:02d}"
        if g.get("frac"):
            out += "." + (g["frac"] or "")[1:]
    return out


def _offset(tz: str | None) -> str | None:
    """"+HH:MM" for a valid offset, "" for none, None for an impossible one."""
    if tz is None:
        return ""
    if tz.upper() in ("Z", "UTC"):
        return "+00:00"
    digits = tz[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 23 or minutes > 59:
        return None
    return f"{tz[0]}{hours:02d}:{minutes:02d}"
