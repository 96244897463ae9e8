"""Entity resolution and event coding validate, stage and publish one chunk of articles at a time (issue 12):
the same rows as one chunk, a failing chunk holds the whole batch back and stops downstream, and after kill -9
between chunks the rerun ends with the tables of an uninterrupted run. Real Dagster, DuckDB, GX; Stanza runs
once, to build the warehouse every test starts from."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import polars as pl
import pytest

from assets.entities import entity_mentions
from assets.events import event_mentions, events
from pipelines.definitions import build_resources
from tests.assets.mention_crash_driver import ARTICLES_PER_CHUNK
from tests.chain import (
    check_outcomes,
    materialized,
    served,
    settings_for,
    stage_metadata,
    table_snapshot,
)

# run ids and times; resolution_run_id is the run that resolved the mentions a coding used
VOLATILE = ("run_id", "resolved_at", "coded_at", "resolution_run_id")
TABLES = ("entity_mentions", "entity_resolutions", "event_mentions", "event_codings", "events")


def _published(log: str, asset: str) -> list[int]:
    """Articles per chunk that `asset` logged as published (committed)."""
    return [int(n) for n in re.findall(rf"{asset} - published chunk \d+/\d+: (\d+) articles", log)]


def _snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    return {t: table_snapshot(warehouse, t, VOLATILE) for t in TABLES}


def _working(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.stem + ".writer.duckdb")


@pytest.fixture(scope="module")
def built(samples_chain) -> tuple[Path, dict[str, list[tuple]]]:
    """A warehouse with the samples through the whole chain (every stage in one chunk: the session's run,
    tests/conftest.py), and its tables."""
    warehouse = samples_chain.warehouse
    expected = _snapshot(warehouse)
    n_articles = len(expected["entity_resolutions"])
    assert n_articles > 2 * ARTICLES_PER_CHUNK and expected["event_mentions"]
    return warehouse, expected


@pytest.fixture
def copy(built, tmp_path) -> Path:
    """A copy of the built warehouse."""
    shutil.copytree(built[0].parent, tmp_path / "wh")
    return tmp_path / "wh" / "warehouse.duckdb"


def _forget(warehouse: Path, *ledgers: str) -> None:
    """Drop ledger rows, so that every article is resolved or coded again (its old rows stay until then)."""
    with duckdb.connect(str(_working(warehouse))) as con:
        for ledger in ledgers:
            con.execute(f"DELETE FROM main.{ledger}")


def _run(warehouse: Path, instance) -> dg.ExecuteInProcessResult:
    resources = build_resources(settings_for(warehouse.parent / "inbox", warehouse))
    return dg.materialize([entity_mentions, event_mentions, events], resources=resources, instance=instance,
                          raise_on_error=False)


def test_resolved_and_coded_in_chunks_the_tables_equal_those_of_one_chunk(
        built, copy, dagster_instance, monkeypatch):
    _forget(copy, "entity_resolutions")  # every article resolved again, hence coded again
    monkeypatch.setattr("warehouse.batches.ARTICLES_PER_READ", ARTICLES_PER_CHUNK)
    result = _run(copy, dagster_instance)
    assert result.success, check_outcomes(result)
    assert check_outcomes(result) == {"entity_mentions_valid": True, "event_mentions_valid": True,
                                      "events_valid": True}
    n_articles = len(built[1]["entity_resolutions"])
    chunks = -(-n_articles // ARTICLES_PER_CHUNK)
    assert stage_metadata(result, "entity_mentions")["chunks"] == chunks >= 3
    assert stage_metadata(result, "event_mentions")["chunks"] == chunks
    assert stage_metadata(result, "entity_mentions")["mentions"] == len(built[1]["entity_mentions"])
    assert _snapshot(copy) == built[1]
    assert served(copy, "SELECT count(*) FROM staging.entity_mentions") == [(0,)]


def test_a_failing_chunk_holds_the_whole_batch_back_and_stops_downstream(
        built, copy, dagster_instance, monkeypatch):
    import assets.entities

    _forget(copy, "entity_resolutions")
    monkeypatch.setattr("warehouse.batches.ARTICLES_PER_READ", ARTICLES_PER_CHUNK)
    real_resolve = assets.entities.resolve_frame
    calls = {"n": 0}

    def resolve_with_a_bad_second_chunk(*args):
        mentions, summary, failed = real_resolve(*args)
        calls["n"] += 1
        if calls["n"] == 2:  # the second chunk: every mention gets an iso3 that does not exist
            assert mentions.height
            mentions = mentions.with_columns(pl.lit("XXX").alias("iso3"))
        return mentions, summary, failed

    monkeypatch.setattr(assets.entities, "resolve_frame", resolve_with_a_bad_second_chunk)
    failed = _run(copy, dagster_instance)
    assert not failed.success
    assert check_outcomes(failed) == {"entity_mentions_valid": False}  # one result for all chunks
    assert not materialized(failed) & {"entity_mentions", "event_mentions", "events"}
    n_articles = len(built[1]["entity_resolutions"])
    assert calls["n"] == -(-n_articles // ARTICLES_PER_CHUNK)  # every chunk was validated
    # nothing was published, not even the chunk before the bad one: the batch is in staging to inspect
    after = _snapshot(copy)
    assert after["entity_resolutions"] == []
    assert {t: after[t] for t in TABLES if t != "entity_resolutions"} == {
        t: built[1][t] for t in TABLES if t != "entity_resolutions"}
    assert served(copy, "SELECT count(*) FROM staging.entity_resolutions") == [(n_articles,)]
    bad = served(copy, "SELECT count(*) FROM staging.entity_mentions WHERE iso3 = 'XXX'")[0][0]
    assert bad > 0
    assert served(copy, """SELECT unexpected_count FROM dq_results
                           WHERE check_name = 'entity_mentions_valid' AND NOT passed""") == [(bad,)]

    monkeypatch.setattr(assets.entities, "resolve_frame", real_resolve)  # fixed: the rerun does it all
    rerun = _run(copy, dagster_instance)
    assert rerun.success, check_outcomes(rerun)
    assert _snapshot(copy) == built[1]


def _drive(warehouse: Path, *kill: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tests.assets.mention_crash_driver", str(warehouse), *kill],
                          capture_output=True, text=True, timeout=600, cwd=Path(__file__).parents[2])


@pytest.mark.slow  # kills a run and runs it again, in fresh processes: CI-only (`-m slow`)
@pytest.mark.parametrize(("table", "ledger"), [("entity_mentions", "entity_resolutions"),
                                               ("event_mentions", "event_codings")])
def test_kill_between_chunks_then_rerun_ends_with_the_uninterrupted_tables(built, copy, table, ledger):
    _forget(copy, ledger)
    killed = _drive(copy, "--kill-publishing", table, "2")
    log = killed.stdout + killed.stderr
    assert killed.returncode == -9, log[-3000:]
    assert _published(log, table) == [ARTICLES_PER_CHUNK]  # chunk 2 died in its transaction
    # the working database keeps chunk 1 and nothing of chunk 2 (its transaction never committed)
    assert len(table_snapshot(_working(copy), ledger)) == ARTICLES_PER_CHUNK

    rerun = _drive(copy)
    log = rerun.stdout + rerun.stderr
    assert rerun.returncode == 0, log[-3000:]
    n_articles = len(built[1][ledger])
    # the rerun does only what was not published; every row once
    assert sum(_published(log, table)) == n_articles - ARTICLES_PER_CHUNK
    assert _snapshot(copy) == built[1]
