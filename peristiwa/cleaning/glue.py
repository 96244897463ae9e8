"""Repair words glued together where a scraper removed a link ("IRNADiberitakan" -> "IRNA Diberitakan").

Which names are link-prone, which tokens are real names (McDonald, iPhone, DPRD, YouTube) and which
suffixes are clitics (KPKnya) is data in rules.yaml (glue section); the patterns are `glue` rules.
"""

from __future__ import annotations

import re

from .rules import CleaningRules

_TOKEN = re.compile(r"\w+")


def _token_at(text: str, start: int, end: int) -> tuple[str, int]:
    """The whole word around text[start:end] and where it ends, so exceptions see complete tokens."""
    left = start
    while left > 0 and (text[left - 1].isalnum() or text[left - 1] == "_"):
        left -= 1
    m = _TOKEN.match(text, left)
    return (m.group(0), m.end()) if m and m.end() >= end else (text[start:end], end)


def repair_glue(text: str, rules: CleaningRules) -> tuple[str, list[tuple[str, str, str]]]:
    """Split glued words. Returns (text, [(rule_id, before, after), ...])."""
    changes: list[tuple[str, str, str]] = []
    for rule in rules.of_kind("glue"):
        if not rule.regex.search(text):
            continue

        def split(m: re.Match[str], rule_id: str = rule.id) -> str:
            token, token_end = _token_at(m.string, m.start(), m.end())
            tail = m["tail"].casefold()
            # "KPKnya" (clitic) and "OOTDnya" (acronym ending in a capital + clitic) are single words,
            # and so is a site name in a domain ("CNNIndonesia.com", "IDNTimes.com").
            if (
                token in rules.glue_exceptions
                or (rules.glue_domain is not None and rules.glue_domain.match(m.string, token_end))
                or tail in rules.glue_keep_suffixes
                or (m["tail"][0].isupper() and tail[1:] in rules.glue_keep_suffixes)
            ):
                return m.group(0)
            fixed = f"{m['head']} {m['tail']}"
            changes.append((rule_id, token, token.replace(m.group(0), fixed, 1)))
            return fixed

        text = rule.regex.sub(split, text)
    return text, changes
