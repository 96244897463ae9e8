"""Dagster resources: the configuration each stage needs, nothing else."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from peristiwa.ingest import IngestLimits
from warehouse.connection import Warehouse

WRITER_POOL = "duckdb_writer"


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse. `path` is the served file users query; the writer works beside it."""

    path: str
    lock_timeout_s: float = 600.0

    def get(self) -> Warehouse:
        return Warehouse(Path(self.path))


class InboxResource(dg.ConfigurableResource):
    """Folder scanned recursively for `.txt` (one article per file) and `.jsonl` (one per line)."""

    path: str
    max_article_bytes: int = 2_000_000
    min_text_chars: int = 200

    def limits(self) -> IngestLimits:
        return IngestLimits(max_article_bytes=self.max_article_bytes, min_text_chars=self.min_text_chars)


class CleaningResource(dg.ConfigurableResource):
    """Cleaning rules file; empty means the rules shipped in peristiwa/cleaning/rules.yaml."""

    rules_path: str = ""


class QualityGates(dg.ConfigurableResource):
    """Thresholds of the blocking data-quality checks (each failing one stops the chain)."""

    max_quarantine_share: float = 0.5
    min_indonesian_share: float = 1.0
    min_clean_chars: int = 100
    max_clean_chars: int = 1_000_000
    max_residue_share: float = 0.01
    min_published_date_share: float = 0.6
