"""Walk the inbox and classify each file by how it will be handled.

Sorted, recursive, follows symlinks (a symlinked corpus is a normal way to feed the inbox) with
cycle protection. Nothing found is left out: files that are not ingested get a `kind` that maps to a
quarantine reason, so every file is accounted for in the outcomes.

Hidden and partial files are *quarantined* (reasons ``hidden`` / ``partial_download``) rather than
given a fourth outcome: the contract has exactly three outcomes and the quarantine table is where a
user looks for "why was my file not ingested". A partial download is picked up once renamed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PARTIAL_SUFFIXES = frozenset({".part", ".partial", ".crdownload", ".download", ".tmp"})

_HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class InboxEntry:
    rel_path: str  # relative to the inbox root, POSIX separators
    path: Path
    # 'txt' | 'jsonl' | 'hidden' | 'partial_download' | 'unsupported_type' | 'special' | 'unreadable'
    # ('special' = fifo/socket/device: never opened, a fifo read would block the scan)
    kind: str
    detail: str | None = None  # why, for 'unreadable' and 'special'


def classify_name(rel_parts: tuple[str, ...]) -> str:
    name = rel_parts[-1]
    if any(part.startswith(".") for part in rel_parts):
        return "hidden"
    suffix = Path(name).suffix.lower()
    if suffix in PARTIAL_SUFFIXES or name.endswith("~"):
        return "partial_download"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "unsupported_type"


def walk_inbox(inbox: Path) -> Iterator[InboxEntry]:
    """Yield every file under `inbox` in sorted path order."""
    if not inbox.is_dir():
        if inbox.exists():
            raise NotADirectoryError(f"ingest inbox is not a directory: {inbox}")
        raise FileNotFoundError(f"ingest inbox does not exist: {inbox}")
    seen_dirs: set[str] = set()
    yield from _walk(inbox, (), seen_dirs)


def _walk(directory: Path, rel: tuple[str, ...], seen_dirs: set[str]) -> Iterator[InboxEntry]:
    real = os.path.realpath(directory)
    if real in seen_dirs:  # symlink cycle or a directory linked twice: its files are already listed
        return
    seen_dirs.add(real)
    try:
        children = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield InboxEntry("/".join(rel) or ".", directory, "unreadable", f"cannot list directory: {exc}")
        return
    for child in children:
        parts = (*rel, child.name)
        rel_path = "/".join(parts)
        path = Path(child.path)
        try:
            is_dir = child.is_dir(follow_symlinks=True)
            is_file = child.is_file(follow_symlinks=True)
        except OSError as exc:
            yield InboxEntry(rel_path, path, "unreadable", str(exc))
            continue
        if is_dir:
            yield from _walk(path, parts, seen_dirs)
        elif is_file:
            yield InboxEntry(rel_path, path, classify_name(parts))
        elif child.is_symlink():
            yield InboxEntry(rel_path, path, "unreadable", "broken symbolic link")
        else:
            yield InboxEntry(rel_path, path, "special", "not a regular file (fifo, socket or device)")


def file_sha256(path: Path) -> str:
    """Streamed sha256 of a whole file (constant memory for big JSONL batches)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
