"""Public data types of the cleaning step (the contract the Dagster assets rely on)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

AUDIT_TEXT_MAX = 300


@dataclass(frozen=True)
class ArticleInput:
    article_id: str
    text: str  # decoded raw text of the article
    title: str | None = None  # from metadata (JSONL), may be None
    source: str | None = None  # site/publisher from metadata, e.g. "kompas.com"
    url: str | None = None
    published: str | None = None  # raw metadata string, e.g. "2019-07-31T12:38", "2017-03-28"
    source_path: str = ""
    file_mtime: dt.datetime | None = None  # input file's modification time (UTC), a last-resort date


@dataclass(frozen=True)
class Removal:
    rule_id: str  # id of the rule in rules.yaml
    reason: str  # machine category (dateline, byline, read_also, site_chrome, tags, initials, ...)
    text: str  # the removed (or changed) text, truncated to 300 chars
    line_no: int | None  # 1-based line in the raw text where it was found


@dataclass(frozen=True)
class Span:
    kind: str  # 'caption' | 'subheading': parts of the cleaned text that are not body prose
    start: int  # char offsets into CleanArticle.text
    end: int


@dataclass(frozen=True)
class CleanArticle:
    article_id: str
    title: str | None
    title_basis: str  # 'metadata' | 'first_line' | 'none'
    publisher: str | None
    publisher_basis: str  # 'metadata' | 'dateline' | 'url' | 'text' | 'none'
    dateline_place: str | None
    published_date: dt.date | None
    published_date_basis: str  # 'metadata' | 'text_timestamp' | 'text_weekday_date' | 'file_mtime' | 'none'
    published_date_text: str | None  # the exact text the date came from
    text: str  # cleaned body; paragraphs separated by "\n"; headline not included
    spans: tuple[Span, ...]
    removals: tuple[Removal, ...]
    rules_version: str
