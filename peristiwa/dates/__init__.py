"""Event-date resolution from Indonesian text (explicit, year-less and relative dates; weekday checks)."""

from .resolve import (
    ArticleDates,
    DateResolution,
    article_dates,
    load_calendar,
    resolve_dates,
    weekday_consistent,
)

__all__ = [
    "ArticleDates",
    "DateResolution",
    "article_dates",
    "load_calendar",
    "resolve_dates",
    "weekday_consistent",
]
