"""Record types of the ingest step (the contract the `raw_articles` asset relies on).

Outcomes: every input item -- a `.txt` file, one JSONL line, or any other file found in the inbox --
gets exactly one `ItemOutcome`: ``ingested``, ``duplicate`` or ``quarantined``. Files skipped whole
because they are unchanged since an earlier run are listed in `IngestResult.unchanged_files` instead
(their items were accounted for by that earlier run).

Quarantine reason codes (`ItemOutcome.reason`):

``empty``             zero bytes, whitespace only, a blank JSONL line, or a JSONL file without lines
``binary``            NUL bytes or too many control characters: not a text file
``undecodable``       not valid UTF-8, no BOM, and not safely readable as cp1252 (probably another
                      legacy encoding); also text holding lone surrogates, which cannot be stored
``too_large``         a `.txt` file or JSONL line over `IngestLimits.max_article_bytes`
``malformed_json``    a JSONL line that is not valid JSON, or is valid JSON but not an object
``missing_text``      a JSONL object without a non-empty string ``text`` field
``html``              the text is an HTML page (doctype/<html>/dense tags); never silently stripped
``too_short``         stripped text shorter than `IngestLimits.min_text_chars` (a headline, a stub)
``not_indonesian``    language ID says another language (see `peristiwa.ingest.language`)
``unsupported_type``  a file whose extension is not `.txt`, `.jsonl` or `.ndjson`
``hidden``            a dot-file, or any file under a dot-directory (editor/OS/VCS files)
``partial_download``  `.part`, `.partial`, `.crdownload`, `.download`, `.tmp` or a name ending in
                      ``~``: a file still being written; it is picked up once renamed
``unreadable``        the OS refused to read it (permissions, broken symlink, vanished mid-scan)
``outside_inbox``     a symbolic link whose target lies outside the inbox (``evil.txt -> /etc/passwd``):
                      never opened; its ``file_sha256`` fingerprints the link target instead
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

OUTCOMES = ("ingested", "duplicate", "quarantined")

REASONS = (
    "empty",
    "binary",
    "undecodable",
    "too_large",
    "malformed_json",
    "missing_text",
    "html",
    "too_short",
    "not_indonesian",
    "unsupported_type",
    "hidden",
    "partial_download",
    "unreadable",
    "outside_inbox",
)


@dataclass(frozen=True)
class IngestLimits:
    """Limits for one scan. Passed in by the caller; this package never reads the environment."""

    # Per `.txt` file or per JSONL line (bytes as stored). 2 MB is ~100x the longest CLICK-ID article
    # (20k chars); anything bigger is a dump or a mistake and would dominate memory downstream.
    max_article_bytes: int = 2_000_000
    # Stripped text length. 200 chars is about two sentences: longer than any headline (CLICK-ID
    # headlines are < 150 chars) and below every real article; in CLICK-ID the 196 lines under it
    # are scraper failures (",,,,loading...", "#NAME?", empty).
    min_text_chars: int = 200
    # Language ID reads only this many characters: the lede decides, and it bounds the cost per item.
    language_prefix_chars: int = 2000
    # Malay and Indonesian share most vocabulary; an `ms` top label is accepted as Indonesian when
    # p(ms) - p(id) is at most this. Measured: Indonesian articles that langid calls `ms` have a
    # margin < 0.1; real Malaysian news prose has a margin > 0.9. See `language.py`.
    malay_margin: float = 0.5


@dataclass(frozen=True)
class RawArticle:
    article_id: str  # sha256 hex (first 32 chars) of the NFC-normalised, stripped text
    source_path: str  # relative to the inbox root, POSIX separators
    line_no: int | None  # 1-based JSONL line, None for .txt
    file_sha256: str  # hash of the whole input file
    source_id: str | None  # JSONL "id"
    url: str | None
    source: str | None
    published: str | None  # raw string as given
    title: str | None
    section: str | None
    text: str  # decoded text exactly as given (not cleaned)
    metadata_json: str  # JSON object of any other JSONL fields ("{}" if none)
    encoding: str  # 'utf-8', 'utf-8-sig', 'utf-16', 'cp1252', ...
    encoding_converted: bool  # True when characters were transcoded from a non-UTF-8 encoding
    byte_size: int
    language: str  # py3langid top label: 'id', or 'ms' when accepted by the Malay-margin rule
    language_score: float  # normalised probability of `language`
    file_mtime: dt.datetime | None = None  # the input file's modification time (UTC, naive) at ingest


@dataclass(frozen=True)
class ItemOutcome:
    """Exactly one per .txt file / JSONL line / other file."""

    source_path: str
    line_no: int | None
    file_sha256: str
    outcome: str  # 'ingested' | 'duplicate' | 'quarantined'
    article_id: str | None  # ingested/duplicate: the content hash (duplicate: the id it duplicates)
    reason: str | None  # quarantine reason code, see module docstring
    message: str | None  # human-readable explanation
    excerpt: str | None  # first 200 printable chars of the offending content (quarantine only)


@dataclass(frozen=True)
class IngestResult:
    articles: list[RawArticle]
    outcomes: list[ItemOutcome]
    unchanged_files: list[tuple[str, str]]  # (source_path, file_sha256) skipped: already fully processed

    def counts(self) -> dict[str, int]:
        """Outcome totals, ``unchanged_files``, and ``quarantined:<reason>`` per reason seen."""
        by_outcome = Counter(o.outcome for o in self.outcomes)
        counts = {name: by_outcome.get(name, 0) for name in OUTCOMES}
        counts["unchanged_files"] = len(self.unchanged_files)
        by_reason = Counter(o.reason for o in self.outcomes if o.outcome == "quarantined")
        for reason in sorted(by_reason, key=str):
            counts[f"quarantined:{reason}"] = by_reason[reason]
        return counts
