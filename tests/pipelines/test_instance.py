"""A killed CLI run must not leave the writer pool slot claimed forever."""

from __future__ import annotations

import os
import subprocess
import uuid

import dagster as dg

from pipelines.instance import cli_run_tags, reap_orphaned_cli_runs
from tests.chain import run_chain


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def _cli_run(instance, pid: int, holds_slot: bool) -> str:
    run_id = str(uuid.uuid4())
    tags = {**cli_run_tags(), "peristiwa/pid": str(pid)}
    instance.add_run(dg.DagsterRun(job_name="chain_job", run_id=run_id, status=dg.DagsterRunStatus.STARTED,
                                   tags=tags))
    if holds_slot:
        instance.event_log_storage.set_concurrency_slots("duckdb_writer", 1)
        claim = instance.event_log_storage.claim_concurrency_slot("duckdb_writer", run_id, "raw_articles")
        assert claim.is_claimed
    return run_id


def test_dead_cli_run_is_failed_and_its_slot_freed(sample_inbox, warehouse_path, dagster_instance):
    orphan = _cli_run(dagster_instance, _dead_pid(), holds_slot=True)
    alive = _cli_run(dagster_instance, os.getpid(), holds_slot=False)  # our own process: alive, kept

    assert reap_orphaned_cli_runs(dagster_instance) == [orphan]
    assert dagster_instance.get_run_by_id(orphan).status == dg.DagsterRunStatus.FAILURE
    assert dagster_instance.get_run_by_id(alive).status == dg.DagsterRunStatus.STARTED
    info = dagster_instance.event_log_storage.get_concurrency_info("duckdb_writer")
    assert info.active_slot_count == 0
    # and the writer pool is usable again
    assert run_chain(sample_inbox, warehouse_path, dagster_instance).success
