"""A persistent Dagster home under the data dir, so CLI runs and the UI share one run history."""

from __future__ import annotations

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
