"""Title, publisher, dateline and publication-date decisions, each with the basis it was taken from."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .rules import CleaningRules

_NON_WORD = re.compile(r"[\W_]+")


def resolve_publisher(token: str | None, rules: CleaningRules) -> str | None:
    """Canonical publisher name for a dateline token or metadata source; unknown tokens stay as written."""
    if not token or not token.strip():
        return None
    token = token.strip()
    return rules.publisher_lookup.get(token.casefold(), token)


def publisher_from_url(url: str | None, rules: CleaningRules) -> str | None:
    """Known publisher whose host is the URL's host or a parent domain of it (www., news. ...)."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").casefold()
    except ValueError:
        return None
    while host:
        if host in rules.publisher_lookup:
            return rules.publisher_lookup[host]
        _, _, host = host.partition(".")
        if "." not in host:
            break
    return None


def format_place(place: str) -> str:
    """'MOSKOW' -> 'Moskow'; mixed-case places are kept as written."""
    return place.title() if place.isupper() else place


def title_key(text: str) -> str:
    """Comparison key for matching a printed headline against the metadata title."""
    return _NON_WORD.sub(" ", text).strip().casefold()


def is_headline_like(text: str, rules: CleaningRules) -> bool:
    """Short and not ending like a sentence: a headline, deck or sub-heading, not body prose."""
    words = text.split()
    return 0 < len(words) <= rules.headline_max_words and text.rstrip()[-1] not in rules.terminal_punctuation
