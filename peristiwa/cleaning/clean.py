"""clean_article: raw article -> CleanArticle, composing the single-purpose modules in a fixed order.

Order matters and is documented in RULES.md: Unicode and scraper repair first (so every later pattern
sees ASCII quotes/dashes and one paragraph per line), then footers and whole-line boilerplate, then the
head of the article (timestamp, captions, dateline, headline), then glue repair, spans and metadata.
"""

from __future__ import annotations

import datetime as dt

from .boilerplate import Audit, Line, cut_footer, dedupe_captions, drop_lines, normalise_lines
from .dates import date_from_match, latest_body_date, parse_metadata_date
from .glue import repair_glue
from .metadata import (
    format_place,
    is_headline_like,
    publisher_from_url,
    resolve_publisher,
    title_key,
)
from .model import ArticleInput, CleanArticle, Span
from .rules import CleaningRules, Rule


def _take_timestamp(lines: list[Line], rules: CleaningRules, audit: Audit):
    """A header line that is only a timestamp ("Okt 19, 2021 10:36 Asia/Jakarta"): drop it, keep the date."""
    for i, line in enumerate(lines[: rules.head_lines]):
        for rule in rules.of_kind("timestamp"):
            m = rule.regex.search(line.text)
            if m is None:
                continue
            date = date_from_match(m, rules)
            if date is None:
                continue
            audit.add(rule.id, rule.reason, line.text, line.line_no)
            del lines[i]
            return date, m.group(0)
    return None, None


def _take_dateline(lines: list[Line], rules: CleaningRules, audit: Audit):
    """Strip the first dateline in the head; returns (index of its line, place, publisher token)."""
    for i, line in enumerate(lines[: rules.head_lines]):
        if line.caption:
            continue
        for rule in rules.of_kind("dateline"):
            m = rule.regex.search(line.text)
            if m is None:
                continue
            audit.add(rule.id, rule.reason, m.group(0).strip(), line.line_no)
            line.text = line.text[m.end() :].strip()
            groups = m.groupdict()
            if not line.text:
                del lines[i]
            return i, groups.get("place"), groups.get("publisher")
    return None, None, None


def _take_headline(
    lines: list[Line], article: ArticleInput, dateline_idx: int | None, rules: CleaningRules, audit: Audit
) -> tuple[str | None, str]:
    """Remove the printed headline (and deck) from the body; returns (title, title_basis)."""
    if article.title and article.title.strip():
        key = title_key(article.title)
        while lines and title_key(lines[0].text) == key:  # printed headline repeats the metadata title
            audit.add("headline-metadata-title", "headline", lines[0].text, lines[0].line_no)
            del lines[0]
        return article.title.strip(), "metadata"
    if not lines or lines[0].caption:
        return None, "none"
    if dateline_idx is not None and dateline_idx > 0:
        head = lines[:dateline_idx]
        if all(is_headline_like(line.text, rules) for line in head):
            audit.add("headline-first-line", "headline", head[0].text, head[0].line_no)
            for deck in head[1:]:
                audit.add("headline-deck", "headline", deck.text, deck.line_no)
            del lines[:dateline_idx]
            return head[0].text, "first_line"
        return None, "none"
    if dateline_idx is None and len(lines) > 1 and is_headline_like(lines[0].text, rules):
        first = lines.pop(0)
        audit.add("headline-first-line", "headline", first.text, first.line_no)
        return first.text, "first_line"
    return None, "none"


def _publisher_in_text(lines: list[Line], rules: CleaningRules) -> str | None:
    return next(
        (r.publisher for r in rules.rules if r.publisher for line in lines if r.regex.search(line.text)), None
    )


def _repair_glue(lines: list[Line], rules: CleaningRules, audit: Audit) -> None:
    """Fix words glued together (in place), auditing each repair."""
    for line in lines:
        fixed, changes = repair_glue(line.text, rules)
        if changes:
            line.text = fixed
            for rule_id, before, after in changes:
                audit.add(rule_id, "glue_repair", f"{before} -> {after}", line.line_no)


def _line_span(
    line: Line, start: int, end: int, span_rules: tuple[Rule, ...], rules: CleaningRules
) -> Span | None:
    """The kind of span a kept line is (caption, or a headline-like line a span rule names), if any."""
    if line.caption:
        return Span("caption", start, end)
    for rule in span_rules:
        if rule.regex.search(line.text) and is_headline_like(line.text, rules):
            return Span(rule.span_kind or rule.reason, start, end)
    return None


def _compose(lines: list[Line], rules: CleaningRules) -> tuple[str, list[Span]]:
    """The cleaned text (one line a line) and the spans the cleaner knows about, as text offsets."""
    span_rules = rules.of_kind("span")
    spans: list[Span] = []
    parts: list[str] = []
    offset = 0
    for line in lines:
        start, end = offset, offset + len(line.text)
        if (span := _line_span(line, start, end, span_rules, rules)) is not None:
            spans.append(span)
        parts.append(line.text)
        offset = end + 1
    return "\n".join(parts), spans


def clean_article(
    article: ArticleInput, rules: CleaningRules, *, date_from_file_mtime: bool = False
) -> CleanArticle:
    """Clean one article and record everything removed or changed, and why.

    `date_from_file_mtime` (opt-in) lets an article that states no publication date anywhere take its
    file's modification time (basis 'file_mtime'); without it such an article is undated (basis
    'none'), which is normal input: it goes through every stage like any other.
    """
    audit = Audit()
    lines = normalise_lines(article.text or "", rules, audit)
    # Site lines that name the publisher are looked for before they are cut away with the footer.
    text_publisher = _publisher_in_text(lines, rules)
    lines = cut_footer(lines, rules, audit)
    lines = drop_lines(lines, rules, audit)
    ts_date, ts_text = _take_timestamp(lines, rules, audit)
    lines = dedupe_captions(lines, rules, audit)
    dateline_idx, place, dateline_publisher = _take_dateline(lines, rules, audit)
    title, title_basis = _take_headline(lines, article, dateline_idx, rules, audit)
    _repair_glue(lines, rules, audit)
    text, spans = _compose(lines, rules)

    published, basis, published_text = _publication_date(
        article, ts_date, ts_text, text, rules, date_from_file_mtime
    )
    publisher, publisher_basis = _publisher(article, dateline_publisher, text_publisher, rules)
    return CleanArticle(
        article_id=article.article_id,
        title=title,
        title_basis=title_basis,
        publisher=publisher,
        publisher_basis=publisher_basis,
        dateline_place=format_place(place) if place else None,
        published_date=published,
        published_date_basis=basis,
        published_date_text=published_text,
        text=text,
        spans=tuple(spans),
        removals=audit.removals(),
        rules_version=rules.version,
    )


def _publication_date(
    article: ArticleInput,
    ts_date: dt.date | None,
    ts_text: str | None,
    text: str,
    rules: CleaningRules,
    date_from_file_mtime: bool,
) -> tuple[dt.date | None, str, str | None]:
    """Bases in order of trust: metadata, a header timestamp, a weekday-qualified date in the body, and
    (opt-in) the file's modification time."""
    meta = parse_metadata_date(article.published)
    if meta is not None:
        return meta, "metadata", article.published
    if ts_date is not None:
        return ts_date, "text_timestamp", ts_text
    found = latest_body_date(text, rules)
    if found is not None:
        return found[0], "text_weekday_date", found[1]
    if date_from_file_mtime and article.file_mtime is not None:
        return article.file_mtime.date(), "file_mtime", article.file_mtime.isoformat(sep=" ")
    return None, "none", None


def _publisher(
    article: ArticleInput, dateline_publisher: str | None, text_publisher: str | None, rules: CleaningRules
) -> tuple[str | None, str]:
    if name := resolve_publisher(article.source, rules):
        return name, "metadata"
    if name := resolve_publisher(dateline_publisher, rules):
        return name, "dateline"
    if name := publisher_from_url(article.url, rules):
        return name, "url"
    if text_publisher:
        return text_publisher, "text"
    return None, "none"
