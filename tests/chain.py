"""Runs the real chain job in-process (real Dagster, real DuckDB, real GX) against throwaway paths."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dagster as dg
import duckdb

from pipelines.definitions import build_definitions
from pipelines.partitions import all_shards_tags
from pipelines.settings import Settings

CONTRACT_TABLES = (
    "articles_raw", "ingest_log", "quarantine", "inbox_files", "articles_clean", "cleaning_audit",
)


def settings_for(inbox: Path, warehouse: Path) -> Settings:
    base = warehouse.parent
    return Settings(data_dir=base, inbox=inbox, warehouse=warehouse, shared_dir=base / "shared",
                    dagster_home=base / "dagster_home")


def in_process_nlp(resources: dict | None = None) -> dict:
    """`resources` with the NLP resource set to annotate in this process (workers=1) unless it names a
    worker count itself.

    With the default worker count every run starts two fresh worker processes that each import torch and
    load the Stanza models (30-40 s a run on two busy cores); in this process the models load once per test
    session (`load_pipeline` caches them). The annotations are the same either way: the worker pool is
    compared with annotating in this process in tests/annotation/test_pool.py (`-m slow`), and the whole
    chain runs with the default worker processes in the CLI tests (`peristiwa run`,
    tests/pipelines/test_cli.py), in `peristiwa eval events` (tests/assets/test_events_e2e.py) and in the
    UI test."""
    from pipelines.resources import NlpResource

    out = dict(resources or {})
    nlp = out.get("nlp") or NlpResource()
    if nlp.workers == 0:
        out["nlp"] = nlp.but(workers=1)
    return out


def run_chain(inbox: Path, warehouse: Path, instance: Any, resources: dict | None = None,
              reprocess_all: bool = False, job: str = "ingest_clean_job", accept: tuple[str, ...] = (),
              retry_quarantined: bool = False) -> dg.ExecuteInProcessResult:
    """Ingest + clean by default (what most platform tests are about); job="chain_job" adds the NLP stages.

    `accept` names failed blocking checks to accept on purpose (as `peristiwa run --accept`). The NLP stage
    annotates in this process (`in_process_nlp`) unless `resources` names a worker count."""
    from pipelines.cli import CLEAN_CHECKS, RAW_CHECKS

    defs = build_definitions(settings_for(inbox, warehouse), resources=in_process_nlp(resources))
    job_def = defs.resolve_job_def(job)
    return job_def.execute_in_process(
        instance=instance,
        raise_on_error=False,
        run_config={"ops": {
            "raw_articles": {"config": {"retry_quarantined": retry_quarantined,
                                        "accept_failed_checks": [c for c in accept if c in RAW_CHECKS]}},
            "articles_clean": {"config": {"reprocess_all": reprocess_all,
                                          "accept_failed_checks": [c for c in accept if c in CLEAN_CHECKS]}},
        }},
        tags=all_shards_tags() if job_def.partitions_def else None,
    )


def served(warehouse: Path, query: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(query, params or []).fetchall()


def table_snapshot(warehouse: Path, table: str, exclude: tuple[str, ...] = ()) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns = [r[0] for r in con.execute(f"DESCRIBE main.{table}").fetchall() if r[0] not in exclude]
        return con.execute(f"SELECT {', '.join(columns)} FROM main.{table} ORDER BY ALL").fetchall()


def check_outcomes(result: dg.ExecuteInProcessResult) -> dict[str, bool]:
    return {
        e.event_specific_data.check_name: e.event_specific_data.passed
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    }


def materialized(result: dg.ExecuteInProcessResult) -> set[str]:
    return {
        e.event_specific_data.materialization.asset_key.to_user_string()
        for e in result.all_events
        if e.is_step_materialization
    }


def stage_metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict[str, Any]:
    for e in result.all_events:
        if e.is_step_materialization:
            mat = e.event_specific_data.materialization
            if mat.asset_key.to_user_string() == asset:
                return {k: getattr(v, "value", v) for k, v in mat.metadata.items()}
    raise AssertionError(f"{asset} was not materialised")
