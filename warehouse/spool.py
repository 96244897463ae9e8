"""The spool: Parquet files a compute step writes without holding the warehouse writer, and a short publish
step loads under write-audit-publish.

A chunk is two files, ``<name>.sentences.parquet`` and ``<name>.annotations.parquet`` (the ledger, one row per
article, with its shard). Each file is written under a temporary name and renamed into place, the ledger last,
so a chunk whose ledger exists is complete; a kill leaves at most one incomplete chunk, which is ignored.
Files stay until none of their articles still needs publishing, so a rerun after a crash finds finished work
in the spool instead of redoing it.

A computing run also stages its input there (``inputs/<run_id>.parquet``: the articles to annotate) and reads
it one chunk at a time, so that its memory does not grow with the number of articles.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

LEDGER_SUFFIX = ".annotations.parquet"
SENTENCES_SUFFIX = ".sentences.parquet"


@dataclass(frozen=True)
class SpoolChunk:
    directory: Path
    name: str

    @property
    def ledger_path(self) -> Path:
        return self.directory / f"{self.name}{LEDGER_SUFFIX}"

    @property
    def sentences_path(self) -> Path:
        return self.directory / f"{self.name}{SENTENCES_SUFFIX}"

    def ledger(self) -> pl.DataFrame:
        return pl.read_parquet(self.ledger_path)

    def sentences(self, article_ids: Iterable[str] | None = None) -> pl.DataFrame:
        frame = pl.scan_parquet(self.sentences_path)
        if article_ids is not None:
            frame = frame.filter(pl.col("article_id").is_in(list(article_ids)))
        return frame.collect()

    def remove(self) -> None:
        for path in (self.ledger_path, self.sentences_path):
            path.unlink(missing_ok=True)


def _write_atomically(frame: pl.DataFrame, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    frame.write_parquet(tmp)
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def write_chunk(directory: Path, sentences: pl.DataFrame, ledger: pl.DataFrame) -> SpoolChunk:
    """Write one chunk; it becomes visible (complete) only when its ledger file is in place."""
    directory.mkdir(parents=True, exist_ok=True)
    chunk = SpoolChunk(directory, f"{time.time_ns():020d}-{os.getpid()}")
    _write_atomically(sentences, chunk.sentences_path)
    _write_atomically(ledger, chunk.ledger_path)
    return chunk


STALE_TMP_S = 24 * 3600


def _delete_stale(paths: Iterable[Path]) -> None:
    """Delete the files older than a day (another process may still be writing a younger one)."""
    now = time.time()
    for path in paths:
        try:
            if now - path.stat().st_mtime > STALE_TMP_S:
                path.unlink(missing_ok=True)
        except FileNotFoundError:
            pass


def list_chunks(directory: Path) -> list[SpoolChunk]:
    """Complete chunks, oldest first. Temporary files are another process's write in progress, or the leftover
    of a killed one: those older than a day are deleted."""
    if not directory.is_dir():
        return []
    _delete_stale(directory.glob(".*.tmp"))
    names = sorted(p.name[: -len(LEDGER_SUFFIX)] for p in directory.glob(f"*{LEDGER_SUFFIX}"))
    return [SpoolChunk(directory, n) for n in names if (directory / f"{n}{SENTENCES_SUFFIX}").exists()]


def spooled_ledger(chunks: Iterable[SpoolChunk]) -> pl.DataFrame:
    """Every chunk's ledger rows, with the chunk name (``chunk``), oldest chunk first (a column that older
    chunks lack is null in their rows)."""
    frames = [c.ledger().with_columns(pl.lit(c.name).alias("chunk")) for c in chunks]
    return pl.concat(frames, how="diagonal_relaxed") if frames else pl.DataFrame()


@dataclass(frozen=True)
class StagedInput:
    """A run's input rows in a Parquet file, read back a slice at a time."""

    path: Path

    def count(self) -> int:
        return int(pl.scan_parquet(self.path).select(pl.len()).collect().item())

    def rows(self, offset: int, size: int) -> list[dict]:
        return pl.scan_parquet(self.path).slice(offset, size).collect().to_dicts()

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def stage_input(relation: duckdb.DuckDBPyRelation, directory: Path, run_id: str) -> StagedInput:
    """Write a query's rows, in its order, to ``inputs/<run_id>.parquet`` under the spool; inputs of killed
    runs that are older than a day are deleted."""
    folder = directory / "inputs"
    folder.mkdir(parents=True, exist_ok=True)
    _delete_stale(folder.glob("*.parquet"))
    staged = StagedInput(folder / f"{run_id}.parquet")
    relation.write_parquet(str(staged.path))
    return staged
