"""`scan_inbox`: turn every file in the inbox into articles and one outcome per item.

Per item the checks run cheapest first: size -> decoding (empty/binary/undecodable) -> JSON ->
text (missing/html/too short) -> duplicate -> language. The duplicate check comes before language ID
because known content already passed it once, which keeps re-scans of a changed batch cheap.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from peristiwa.ingest.decode import (
    Decoded,
    check_text,
    decode_bytes,
    detect_bom,
    printable_excerpt,
    sniff_container,
)
from peristiwa.ingest.inbox import InboxEntry, file_sha256, walk_inbox
from peristiwa.ingest.language import LanguageDecision, classify_language
from peristiwa.ingest.markup import html_reason
from peristiwa.ingest.records import IngestLimits, IngestResult, ItemOutcome, RawArticle

# JSONL fields with their own column; everything else goes to metadata_json.
_JSONL_FIELDS = ("id", "url", "source", "published", "title", "section", "text")
_DRAIN_CHUNK = 1 << 20
_EXCERPT_BYTES = 1024

# Entries walk_inbox has judged without opening them (a fifo read would block the scan, a link out of the
# inbox is never followed): they get their outcome unhashed.
_NEVER_OPENED = ("outside_inbox", "unreadable", "special")
_KIND_MESSAGES = {
    "hidden": "hidden file (name or a parent folder starts with '.'); not ingested",
    "partial_download": "looks like a partial download or temp file; ingested once renamed to .txt/.jsonl",
    "unsupported_type": "unsupported file type {suffix!r}; put articles in .txt (one per file) or .jsonl",
}


def article_id_for(text: str) -> str:
    """Content identity: sha256 (first 32 hex chars) of the NFC-normalised, stripped text."""
    return hashlib.sha256(unicodedata.normalize("NFC", text).strip().encode("utf-8")).hexdigest()[:32]


@dataclass
class _Item:
    """Where one item came from and how its bytes were read."""

    source_path: str
    line_no: int | None
    file_sha256: str
    byte_size: int
    encoding: str = "utf-8"
    converted: bool = False
    file_mtime: dt.datetime | None = None

    def where(self) -> str:
        return f"line {self.line_no}" if self.line_no is not None else "the file"


@dataclass
class _Scan:
    limits: IngestLimits
    known_ids: Set[str] | Collection[str]
    seen_ids: set[str] = field(default_factory=set)
    articles: list[RawArticle] = field(default_factory=list)
    outcomes: list[ItemOutcome] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)

    def quarantine(
        self,
        item: _Item | tuple[str, int | None, str],
        reason: str,
        message: str,
        excerpt: str | bytes | None = None,
    ) -> None:
        path, line_no, sha = (
            (item.source_path, item.line_no, item.file_sha256) if isinstance(item, _Item) else item
        )
        self.outcomes.append(
            ItemOutcome(path, line_no, sha, "quarantined", None, reason, message, printable_excerpt(excerpt))
        )

    # -- one decoded article text -------------------------------------------------------------
    def rejected_form(self, item: _Item, text: str) -> bool:
        """Quarantine a text that is HTML or too short to be an article (the cheap checks); True if it was."""
        limits = self.limits
        html = html_reason(text)
        if html is not None:
            self.quarantine(item, "html", f"{item.where()}: {html}", text)
            return True
        stripped_len = len(text.strip())
        if stripped_len < limits.min_text_chars:
            self.quarantine(
                item,
                "too_short",
                f"{item.where()}: text has {stripped_len} characters, fewer than the "
                f"minimum {limits.min_text_chars} for an article",
                text,
            )
            return True
        return False

    def settled(self, item: _Item, status: str, article_id: str) -> None:
        """Record the outcome of an item that was not quarantined (no reason, message or excerpt)."""
        self.outcomes.append(
            ItemOutcome(
                item.source_path, item.line_no, item.file_sha256, status, article_id, None, None, None
            )
        )

    def keep(
        self,
        item: _Item,
        text: str,
        fields: Mapping[str, str | None],
        metadata_json: str,
        article_id: str,
        lang: LanguageDecision,
    ) -> None:
        """Add the article that passed every check, with the JSONL fields that have their own column."""
        self.seen_ids.add(article_id)
        self.articles.append(
            RawArticle(
                article_id=article_id,
                source_path=item.source_path,
                line_no=item.line_no,
                file_sha256=item.file_sha256,
                source_id=fields.get("id"),
                url=fields.get("url"),
                source=fields.get("source"),
                published=fields.get("published"),
                title=fields.get("title"),
                section=fields.get("section"),
                text=text,
                metadata_json=metadata_json,
                encoding=item.encoding,
                encoding_converted=item.converted,
                byte_size=item.byte_size,
                language=lang.language,
                language_score=lang.score,
                file_mtime=item.file_mtime,
            )
        )
        self.settled(item, "ingested", article_id)

    def accept_text(
        self, item: _Item, text: str, fields: Mapping[str, str | None], metadata_json: str
    ) -> None:
        if self.rejected_form(item, text):
            return
        article_id = article_id_for(text)
        if article_id in self.seen_ids or article_id in self.known_ids:
            self.settled(item, "duplicate", article_id)
            return
        # language ID last: it is the dearest check, and known content passed it once already
        lang = classify_language(
            text, prefix_chars=self.limits.language_prefix_chars, malay_margin=self.limits.malay_margin
        )
        if not lang.accepted:
            self.quarantine(item, "not_indonesian", f"{item.where()}: {lang.message}", text)
            return
        self.keep(item, text, fields, metadata_json, article_id, lang)

    # -- .txt: one article per file ---------------------------------------------------------------
    def scan_txt(self, entry: InboxEntry, sha: str) -> None:
        stat = entry.path.stat()
        size = stat.st_size
        item = _Item(entry.rel_path, None, sha, size, file_mtime=_mtime(stat.st_mtime))
        if size > self.limits.max_article_bytes:
            with entry.path.open("rb") as fh:
                head = fh.read(_EXCERPT_BYTES)
            self.quarantine(
                item,
                "too_large",
                f"file is {size:,} bytes, over the limit of "
                f"{self.limits.max_article_bytes:,} bytes per article",
                head,
            )
            return
        data = entry.path.read_bytes()
        container = sniff_container(data[:8])
        if container is not None:
            self.quarantine(item, "binary", f"the file is {container}")
            return
        decoded = decode_bytes(data)
        if decoded.text is None:
            self.quarantine(item, decoded.reason or "undecodable", f"the file: {decoded.message}", data)
            return
        item.encoding, item.converted = decoded.encoding or "utf-8", decoded.converted
        self.accept_text(item, decoded.text, {}, "{}")

    # -- .jsonl: one article per line -------------------------------------------------------------
    def scan_jsonl(self, entry: InboxEntry, sha: str) -> None:
        before = len(self.outcomes)
        mtime = _mtime(entry.path.stat().st_mtime)
        with entry.path.open("rb") as fh:
            container = sniff_container(fh.read(8))
            if container is not None:  # one outcome for the file, not one per "line" of binary
                self.quarantine((entry.rel_path, None, sha), "binary", f"the file is {container}")
                return
            fh.seek(0)
            bom = detect_bom(fh.read(4))
            fh.seek(0)
            if bom is not None and bom[2] != "utf-8-sig":
                self._jsonl_wide(entry, sha, fh, bom, mtime)
            else:
                if bom is not None:
                    fh.seek(bom[0])
                self._jsonl_bytes(entry, sha, fh, mtime, with_bom=bom is not None)
        if len(self.outcomes) == before:  # no lines at all: the file itself still needs an outcome
            self.quarantine((entry.rel_path, None, sha), "empty", "the JSONL file contains no lines")

    def _jsonl_bytes(
        self, entry: InboxEntry, sha: str, fh: BinaryIO, mtime: dt.datetime, *, with_bom: bool
    ) -> None:
        limit = self.limits.max_article_bytes
        for line_no, raw, size in _read_lines(fh, limit):
            item = _Item(entry.rel_path, line_no, sha, size, file_mtime=mtime)
            if size > limit:
                self.quarantine(
                    item,
                    "too_large",
                    f"line {line_no} is {size:,} bytes, over the limit of {limit:,} bytes per article",
                    raw,
                )
                continue
            decoded = decode_bytes(raw)
            if decoded.text is None:
                reason = decoded.reason or "undecodable"
                message = (
                    f"line {line_no} is blank" if reason == "empty" else f"line {line_no}: {decoded.message}"
                )
                self.quarantine(item, reason, message, raw)
                continue
            item.encoding, item.converted = _line_encoding(decoded, with_bom)
            self.json_line(item, decoded.text)

    def _jsonl_wide(
        self, entry: InboxEntry, sha: str, fh: BinaryIO, bom: tuple[int, str, str], mtime: dt.datetime
    ) -> None:
        """UTF-16/32 JSONL: newlines are multi-byte, so decode as a text stream (rare; not hot)."""
        bom_len, codec, label = bom
        fh.seek(bom_len)
        stream = io.TextIOWrapper(fh, encoding=codec, errors="strict", newline="")
        line_no = 0
        limit = self.limits.max_article_bytes
        try:
            for line in stream:
                line_no += 1
                body = line.rstrip("\r\n")
                size = len(body.encode(codec, "surrogatepass"))
                item = _Item(entry.rel_path, line_no, sha, size, label, True, mtime)
                if item.byte_size > limit:
                    self.quarantine(
                        item,
                        "too_large",
                        f"line {line_no} is {item.byte_size:,} bytes "
                        f"({label}), over the limit of {limit:,} bytes per article",
                        body,
                    )
                    continue
                problem = check_text(body)
                if problem is not None:
                    reason, message = problem
                    self.quarantine(item, reason, f"line {line_no}: {message}", body)
                    continue
                self.json_line(item, body)
        except UnicodeDecodeError as exc:
            # The rest of the file cannot be split into lines reliably: one outcome covers it.
            self.quarantine(
                (entry.rel_path, line_no + 1, sha),
                "undecodable",
                f"line {line_no + 1} onward is not valid {label} ({exc.reason}); "
                "the rest of the file was not read",
            )
        finally:
            stream.detach()

    def json_line(self, item: _Item, line: str) -> None:
        n = item.line_no
        try:
            # strict=False: literal tabs/newlines inside strings are a common writer bug and lose
            # nothing; other control characters are still caught by check_text below.
            obj = json.loads(line, strict=False)
        except json.JSONDecodeError as exc:
            self.quarantine(
                item, "malformed_json", f"line {n} is not valid JSON: {exc.msg} at column {exc.colno}", line
            )
            return
        if not isinstance(obj, dict):
            self.quarantine(
                item,
                "malformed_json",
                f"line {n} is valid JSON but a {type(obj).__name__}, not an object",
                line,
            )
            return
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            if "text" not in obj:
                why = "has no 'text' field"
            elif text is None:
                why = "has 'text': null"
            elif isinstance(text, str):
                why = "has an empty 'text'"
            else:
                why = f"has a 'text' of type {type(text).__name__}, not a string"
            self.quarantine(item, "missing_text", f"line {n} {why}", line)
            return
        problem = check_text(text)
        if problem is not None:
            reason, message = problem
            self.quarantine(item, reason, f"line {n}: 'text' {message}", text)
            return
        fields = {key: _as_str(obj.get(key)) for key in _JSONL_FIELDS if key != "text"}
        extra = {key: value for key, value in obj.items() if key not in _JSONL_FIELDS}
        self.accept_text(item, text, fields, _to_json(extra))


def _mtime(seconds: float) -> dt.datetime:
    """A file's modification time as naive UTC, microsecond precision (what the warehouse stores)."""
    return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None)


def link_fingerprint(target: str) -> str:
    """Stands in for the content hash of a link that is never opened: changes when the target does."""
    return hashlib.sha256(f"symlink -> {target}".encode()).hexdigest()


def _line_encoding(decoded: Decoded, with_bom: bool) -> tuple[str, bool]:
    encoding = decoded.encoding or "utf-8"
    if with_bom and encoding == "utf-8":
        encoding = "utf-8-sig"
    return encoding, decoded.converted


def _read_lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes, int]]:
    """(line_no, bytes without line ending, size) per line; memory bounded by `limit`.

    An over-long line is drained in chunks and yielded with only its head (for the excerpt) and
    its full size, so one runaway line cannot exhaust memory.
    """
    line_no = 0
    while chunk := fh.readline(limit + 2):
        line_no += 1
        if not chunk.endswith(b"\n") and len(chunk) == limit + 2:
            head, size = chunk[:_EXCERPT_BYTES], len(chunk)
            while not chunk.endswith(b"\n"):
                chunk = fh.readline(_DRAIN_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
            yield line_no, head, size - (2 if chunk.endswith(b"\r\n") else 1 if chunk.endswith(b"\n") else 0)
            continue
        body = chunk.rstrip(b"\r\n")
        yield line_no, body, len(body)


def _storable(value: str) -> str:
    # Lone surrogates from JSON escapes cannot be written to Arrow/DuckDB; metadata fields get U+FFFD
    # for them (the article text itself is quarantined instead, see check_text).
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _as_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return _storable(value)
    return _to_json(value)  # numbers, booleans, nested values: kept verbatim as JSON text


def _to_json(value: object) -> str:
    return _storable(json.dumps(value, ensure_ascii=False))


def scan_inbox(
    inbox: Path,
    *,
    known_article_ids: Collection[str],
    known_files: Mapping[str, str],
    limits: IngestLimits = IngestLimits(),  # noqa: B008 - frozen dataclass, safe as a default
    link_roots: Iterable[Path] = (),
) -> IngestResult:
    """Scan `inbox` recursively; every file and JSONL line gets exactly one outcome.

    `known_files` maps source_path -> file_sha256 of files fully processed earlier: a file with the
    same path and hash is skipped whole (listed in `unchanged_files`). A changed file is processed
    again; items whose content hash is in `known_article_ids` become duplicates. Symlinks are followed
    only inside the inbox and inside `link_roots` (see `walk_inbox`).
    """
    inbox = Path(inbox)
    known_ids = known_article_ids if isinstance(known_article_ids, Set) else set(known_article_ids)
    scan = _Scan(limits, known_ids)
    for entry in walk_inbox(inbox, link_roots):
        if entry.kind in _NEVER_OPENED:
            _record_unopened(scan, entry, known_files)
        else:
            _scan_file(scan, entry, known_files)
    return IngestResult(scan.articles, scan.outcomes, scan.unchanged)


def _record_unopened(scan: _Scan, entry: InboxEntry, known_files: Mapping[str, str]) -> None:
    """The outcome of an entry never opened: a link out of the inbox (unchanged while its target is), an
    unreadable entry, or a fifo, socket or device."""
    if entry.kind == "outside_inbox":
        fingerprint = link_fingerprint(entry.link_target or "")
        if known_files.get(entry.rel_path) == fingerprint:
            scan.unchanged.append((entry.rel_path, fingerprint))
        else:
            scan.quarantine((entry.rel_path, None, fingerprint), "outside_inbox", entry.detail or "")
    elif entry.kind == "unreadable":
        scan.quarantine((entry.rel_path, None, ""), "unreadable", f"cannot read: {entry.detail}")
    else:  # "special"
        scan.quarantine((entry.rel_path, None, ""), "unsupported_type", f"{entry.detail}; not read")


def _scan_file(scan: _Scan, entry: InboxEntry, known_files: Mapping[str, str]) -> None:
    """A file skipped whole when its path and hash are known, else scanned item by item by its kind."""
    sha = ""  # stays empty when the file cannot even be hashed
    try:
        sha = file_sha256(entry.path)
        if known_files.get(entry.rel_path) == sha:
            scan.unchanged.append((entry.rel_path, sha))
            return
        if entry.kind == "txt":
            scan.scan_txt(entry, sha)
        elif entry.kind == "jsonl":
            scan.scan_jsonl(entry, sha)
        else:
            message = _KIND_MESSAGES[entry.kind].format(suffix=entry.path.suffix or entry.path.name)
            scan.quarantine((entry.rel_path, None, sha), entry.kind, message)
    except OSError as exc:
        # Vanished or became unreadable mid-scan. Items already recorded for it stay recorded.
        scan.quarantine((entry.rel_path, None, sha), "unreadable", f"cannot read: {exc}")
