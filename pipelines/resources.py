"""Dagster resources: the configuration each stage needs, nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import dagster as dg
from pydantic import Field

from peristiwa.annotation.batch import AnnotationConfig, cpu_count
from peristiwa.ingest import IngestLimits
from peristiwa.nlp.pipeline import NlpSettings
from warehouse.connection import WRITER_MEMORY_LIMIT, Warehouse

WRITER_POOL = "duckdb_writer"

# Constrained field types: a value outside them (a negative worker count, a share above 1) fails when the
# resource is built, naming the field, instead of surfacing later as a hang, an empty chunk or a gate that
# can never pass.
Count = Annotated[int, Field(ge=0)]
PositiveCount = Annotated[int, Field(ge=1)]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Seconds = Annotated[float, Field(gt=0.0)]


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse. `path` is the served file users query; the writer works beside it."""

    path: str
    lock_timeout_s: Seconds = 600.0
    # DuckDB memory cap of the writer connection: its block cache would otherwise grow with the warehouse
    # ('' = DuckDB's default, 80% of RAM)
    duckdb_memory_limit: str = WRITER_MEMORY_LIMIT

    spool_path: str = ""

    def get(self) -> Warehouse:
        return Warehouse(Path(self.path), memory_limit=self.duckdb_memory_limit)

    def spool(self, stage: str) -> Path:
        """Folder of the Parquet files a stage computes before publishing (beside the warehouse unless
        `spool_path` says otherwise; on a cluster, storage every worker and the publisher share)."""
        served = Path(self.path)
        base = Path(self.spool_path) if self.spool_path else served.with_name(served.stem + ".spool")
        return base / stage


class InboxResource(dg.ConfigurableResource):
    """Folder scanned recursively for `.txt` (one article per file) and `.jsonl` (one per line).

    Symbolic links are followed only inside the inbox and inside `symlink_roots` (folders you link in on
    purpose, e.g. a corpus); any other link is quarantined `outside_inbox` without being opened."""

    path: str
    max_article_bytes: PositiveCount = 2_000_000
    min_text_chars: Count = 200
    symlink_roots: list[str] = []

    def limits(self) -> IngestLimits:
        return IngestLimits(max_article_bytes=self.max_article_bytes, min_text_chars=self.min_text_chars)


class CleaningResource(dg.ConfigurableResource):
    """Cleaning rules file (empty: the rules shipped in peristiwa/cleaning/rules.yaml), and whether an
    article that states no publication date anywhere takes its file's modification time instead
    (`published_date_basis = 'file_mtime'`; off by default, since a copied file's time says little)."""

    rules_path: str = ""
    date_from_file_mtime: bool = False


class QualityGates(dg.ConfigurableResource):
    """Thresholds of the data-quality checks. Bad items are quarantined one by one; a blocking check
    (which stops the chain) fails only for systemic problems, judged on at least `min_systemic_items`
    items of one delivery or source, so a handful of files never looks systemic."""

    min_systemic_items: PositiveCount = 20
    max_html_share: Share = 0.5
    max_self_duplicate_share: Share = 0.5
    max_quarantine_share: Share = 0.5
    min_indonesian_share: Share = 1.0
    min_clean_chars: Count = 100
    max_clean_chars: PositiveCount = 1_000_000
    max_residue_share: Share = 0.2
    max_date_share_drop: Share = 0.5
    source_history_articles: PositiveCount = 500
    min_state_share_foreign_affairs: Share = 0.9
    event_date_window_days: PositiveCount = 3650
    min_event_date_in_window_share: Share = 0.85


class ActorsResource(dg.ConfigurableResource):
    """Actor knowledge files; empty means the files shipped in peristiwa/actors/data."""

    data_dir: str = ""


class EventCodingResource(dg.ConfigurableResource):
    """Trigger dictionary and CAMEO table; empty means the files shipped in peristiwa/events/data."""

    dictionary_path: str = ""
    cameo_path: str = ""
    dedup_window_days: Count = 1


class NlpResource(dg.ConfigurableResource):
    """Indonesian Stanza pipeline. Model lookup order: `model_paths`, then official models in
    `stanza_resources_dir` (STANZA_RESOURCES_DIR), then the models bundled in peristiwa/nlp/models/id.
    Nothing is ever downloaded.

    `parse_scope`: `selective` parses (POS, lemmas, dependencies) only the sentences an event can come from,
    `all` every sentence; every sentence gets tokens and NER either way. `workers` processes annotate in
    parallel, each with its own pipeline and `threads` torch threads (0 = auto: one worker per CPU core, up
    to 4; one thread each). Articles are annotated and published in chunks of `chunk_articles`."""

    model_paths: dict[str, str] = {}
    stanza_resources_dir: str = ""
    parse_scope: Literal["selective", "all"] = "selective"
    workers: Count = 0
    threads: Count = 0
    docs_per_batch: PositiveCount = 32
    # words per parser batch: Stanza's 1,500 made the parser's score tensors the largest allocation of a
    # worker (about 270 MB above its models); 200 gives the same parses (batch composition does not change
    # them) at the same speed
    depparse_batch_size: Count = 200
    chunk_articles: PositiveCount = 200
    # a worker process is replaced after this many chunks, which bounds its growth over a long run (0 = never)
    chunks_per_worker: Count = 25
    max_line_chars: PositiveCount = 2000

    def but(self, **changes: object) -> NlpResource:
        """A copy with some fields changed (built anew: Dagster configures a resource from its constructor
        arguments, so pydantic's model_copy would not reach a run)."""
        fields = {name: getattr(self, name) for name in type(self).model_fields}
        return NlpResource(**{**fields, **{k: v for k, v in changes.items() if v is not None}})

    def worker_count(self) -> int:
        if self.workers > 0:
            return self.workers
        return max(1, min(4, cpu_count()))

    def settings(self) -> NlpSettings:
        return NlpSettings(
            model_paths=self.model_paths,
            stanza_resources_dir=self.stanza_resources_dir or None,
            # one torch thread per process unless asked: intra-op threads on a busy 2-core machine were 6-11x
            # slower than one (benchmarks/nlp_cores.py); processes are how this uses more cores
            threads=self.threads or 1,
            docs_per_batch=self.docs_per_batch,
            depparse_batch_size=self.depparse_batch_size or None,
            max_line_chars=self.max_line_chars,
        )

    def annotation_config(self, actors: ActorsResource, coding: EventCodingResource) -> AnnotationConfig:
        """Settings plus where selective parsing takes its cue words and actor candidates from."""
        return AnnotationConfig(
            settings=self.settings(),
            parse_scope=self.parse_scope,
            actors_dir=actors.data_dir or None,
            dictionary_path=coding.dictionary_path or None,
            cameo_path=coding.cameo_path or None,
        )


class AggregatesResource(dg.ConfigurableResource):
    """Dyad panels: what the charts in the asset metadata show, and whether to rebuild every month."""

    chart_top_pairs: PositiveCount = 15
    chart_last_months: PositiveCount = 24
    full_refresh: bool = False
