"""Indonesian date parsing. Month and weekday names come from rules.yaml (vocab), not from here."""

from __future__ import annotations

import datetime as dt
import re

from .rules import CleaningRules

# Metadata dates are machine-written ("2019-07-31T12:38", "2017-03-28", "2019-09-10T17:01 WIB"); only
# the calendar date is kept, because the article's own time zone is rarely stated.
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})")


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_metadata_date(value: str | None) -> dt.date | None:
    """Calendar date from a metadata string, or None when it is missing or not a date."""
    if not value:
        return None
    if m := _ISO_DATE.match(value):
        return safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY_DATE.match(value):
        return safe_date(int(m[3]), int(m[2]), int(m[1]))
    return None


def month_number(token: str, rules: CleaningRules) -> int | None:
    """'10' -> 10, 'Okt' -> 10, 'Oktober' -> 10, 'Agu.' -> 8; None if unknown."""
    token = token.strip().rstrip(".")
    if token.isdigit():
        n = int(token)
        return n if 1 <= n <= 12 else None
    return rules.months.get(token.casefold())


def date_from_match(m: re.Match[str], rules: CleaningRules) -> dt.date | None:
    """Build a date from a match with named groups day/month/year (+ optional weekday).

    A stated weekday that disagrees with the date makes the match unusable: one of the two is a typo
    and we cannot tell which, so we prefer no date to a wrong one.
    """
    month = month_number(m["month"], rules)
    if month is None:
        return None
    year = int(m["year"])
    if year < 100:  # "14/10/24": news sites only abbreviate years of this century
        year += 2000
    date = safe_date(year, month, int(m["day"]))
    if date is None:
        return None
    weekday = m.groupdict().get("weekday")
    if weekday:
        expected = rules.weekdays.get(weekday.casefold())
        if expected is not None and expected != date.isoweekday():
            return None
    return date


def latest_body_date(text: str, rules: CleaningRules) -> tuple[dt.date, str, str] | None:
    """The latest weekday-qualified full date in the body: (date, matched text, rule id).

    A report is written after the events it describes, so among "Jumat (11/10/2024)" (the meeting)
    and "dikutip ..., Senin (14/10/2024)" (the quote) the later one is the publication date.
    """
    best: tuple[dt.date, str, str] | None = None
    for rule in rules.of_kind("date"):
        for m in rule.regex.finditer(text):
            date = date_from_match(m, rules)
            if date is not None and (best is None or date > best[0]):
                best = (date, m.group(0), rule.id)
    return best
