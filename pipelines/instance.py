"""A persistent Dagster home under the data dir, so CLI runs and the UI share one run history."""

from __future__ import annotations

import os
import socket
from pathlib import Path

DAGSTER_YAML = """\
# Written by peristiwa. Runs from `peristiwa run` and `peristiwa ui` share this instance.
telemetry:
  enabled: false
concurrency:
  pools:
    default_limit: 1       # duckdb_writer: one warehouse writer at a time
  runs:
    max_concurrent_runs: 2
"""


def ensure_dagster_home(home: Path) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    return home


def cli_run_tags() -> dict[str, str]:
    """Tags that let a later CLI run recognise this one if its process dies."""
    return {
        "peristiwa/trigger": "cli",
        "peristiwa/host": socket.gethostname(),
        "peristiwa/pid": str(os.getpid()),
    }


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap_orphaned_cli_runs(instance) -> list[str]:
    """Mark CLI runs whose process died (killed, machine slept) as failed and free their pool slots.

    An in-process run holds the `duckdb_writer` slot while a step runs; if the process is killed the slot
    stays claimed and every later run would wait on it forever.
    """
    import dagster as dg

    reaped = []
    records = instance.get_run_records(
        filters=dg.RunsFilter(
            statuses=[dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.STARTING],
            tags={"peristiwa/trigger": "cli", "peristiwa/host": socket.gethostname()},
        )
    )
    for record in records:
        run = record.dagster_run
        pid = int(run.tags.get("peristiwa/pid", "0") or 0)
        if pid and not _alive(pid):
            instance.report_run_failed(run, f"process {pid} of this CLI run is gone; marked failed later")
            instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)
            reaped.append(run.run_id)
    return reaped
