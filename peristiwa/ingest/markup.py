"""Detect an HTML page saved where an article was expected.

A page is quarantined (reason ``html``), never silently stripped: tag stripping loses structure
and keeps navigation/boilerplate, so the user should export the article text instead. Prose that
merely contains a few inline tags (``<b>``, ``<br>``) is not a page and passes.
"""

from __future__ import annotations

import re

_PAGE_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)
_PAGE_TAG = re.compile(r"<(?:html|head|body)[\s>]|</(?:html|body)>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]{0,500})?/?>")

# Dense markup: at least this many tags covering at least this share of the characters.
MIN_TAGS = 10
MIN_TAG_SHARE = 0.15
# Only the head of the text is inspected: a page shows itself early and this bounds the cost.
SCAN_CHARS = 20_000


def html_reason(text: str) -> str | None:
    """A human message when `text` is an HTML page, else None."""
    head = text[:SCAN_CHARS]
    if _PAGE_START.match(head):
        return "the content is an HTML page (starts with <!DOCTYPE html> or <html>); export the article text"
    page_tags = len(_PAGE_TAG.findall(head))
    tags = _TAG.findall(head)
    if page_tags >= 2:
        return f"the content is an HTML page ({page_tags} <html>/<head>/<body> tags); export the article text"
    share = sum(map(len, tags)) / max(len(head), 1)
    if len(tags) >= MIN_TAGS and share >= MIN_TAG_SHARE:
        return (
            f"the content is mostly HTML markup ({len(tags)} tags, {share:.0%} of the text); "
            "export the article text"
        )
    return None
