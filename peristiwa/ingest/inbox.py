"""Walk the inbox and classify each file by how it will be handled.

Sorted, recursive, with cycle protection. Symbolic links are followed only while they stay inside
the inbox (or inside a folder the caller allows explicitly, e.g. a corpus linked in on purpose): a link
that leaves it (``evil.txt -> /etc/passwd``) is never opened and is quarantined ``outside_inbox``.
Nothing found is left out: files that are not ingested get a `kind` that maps to a quarantine reason,
so every file is accounted for in the outcomes.

Hidden and partial files are *quarantined* (reasons ``hidden`` / ``partial_download``) rather than
given a fourth outcome: the contract has exactly three outcomes and the quarantine table is where a
user looks for "why was my file not ingested". A partial download is picked up once renamed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
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
    # | 'outside_inbox' ('special' = fifo/socket/device: never opened, a fifo read would block the
    # scan; 'outside_inbox' = a symlink leaving the inbox: never opened either)
    kind: str
    detail: str | None = None  # why, for 'unreadable', 'special' and 'outside_inbox'
    link_target: str | None = None  # where a symlink points ('outside_inbox' only)


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


def _inside(real: str, roots: tuple[str, ...]) -> bool:
    return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def walk_inbox(inbox: Path, link_roots: Iterable[Path] = ()) -> Iterator[InboxEntry]:
    """Yield every file under `inbox` in sorted path order.

    A symlink is followed when its real target lies inside the inbox or inside one of `link_roots`
    (folders the user allowed on purpose); otherwise it becomes an 'outside_inbox' entry, unopened.
    """
    if not inbox.is_dir():
        if inbox.exists():
            raise NotADirectoryError(f"ingest inbox is not a directory: {inbox}")
        raise FileNotFoundError(f"ingest inbox does not exist: {inbox}")
    # The inbox itself may be a link (data/inbox -> /mnt/news): its real location is what is "inside".
    roots = (os.path.realpath(inbox), *(os.path.realpath(root) for root in link_roots))
    seen_dirs: set[str] = set()
    yield from _walk(inbox, (), seen_dirs, roots)


def _walk(
    directory: Path, rel: tuple[str, ...], seen_dirs: set[str], roots: tuple[str, ...]
) -> Iterator[InboxEntry]:
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
        if child.is_symlink():
            target = os.path.realpath(path)
            if not _inside(target, roots):
                yield InboxEntry(
                    rel_path, path, "outside_inbox",
                    f"symbolic link to {target}, outside the inbox; not followed", target,
                )
                continue
        try:
            is_dir = child.is_dir(follow_symlinks=True)
            is_file = child.is_file(follow_symlinks=True)
        except OSError as exc:
            yield InboxEntry(rel_path, path, "unreadable", str(exc))
            continue
        if is_dir:
            yield from _walk(path, parts, seen_dirs, roots)
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
