"""Configuration at the edge, and the code location as Dagster loads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipelines.settings import REPO_ROOT, Settings


def test_defaults_live_under_the_data_dir(tmp_path):
    s = Settings.from_env({"PERISTIWA_HOME": str(tmp_path)})
    assert s.inbox == tmp_path / "inbox"
    assert s.warehouse == tmp_path / "warehouse.duckdb"
    assert s.dagster_home == tmp_path / "dagster_home"


def test_environment_overrides(tmp_path):
    s = Settings.from_env(
        {"PERISTIWA_INBOX": str(tmp_path / "in"), "PERISTIWA_WAREHOUSE": str(tmp_path / "w.duckdb")}
    )
    assert s.inbox == tmp_path / "in" and s.warehouse == tmp_path / "w.duckdb"
    assert s.data_dir == REPO_ROOT / "data"


def test_definitions_load_with_job_schedule_sensor_and_blocking_checks():
    from pipelines.definitions import defs

    job = defs.resolve_job_def("chain_job")
    assert {n.name for n in job.graph.node_defs} >= {"raw_articles", "articles_clean"}
    assert defs.resolve_schedule_def("daily_chain")
    assert defs.resolve_sensor_def("inbox_sensor")
    graph = defs.resolve_asset_graph()
    specs = [spec for key in graph.asset_check_keys for spec in [graph.get_check_spec(key)]]
    # every check gates its stage, except the advisory quarantine-rate warning (bad items never block)
    assert specs and all(spec.blocking for spec in specs if spec.name != "raw_quarantine_rate")
    assert not graph.get_check_spec(next(k for k in graph.asset_check_keys
                                         if k.name == "raw_quarantine_rate")).blocking
    for key in graph.get_all_asset_keys():
        # every asset that writes the warehouse is in the one-writer pool; computing the NLP (Parquet) is not
        expected = set() if key.to_user_string() == "sentences_parquet" else {"duckdb_writer"}
        assert graph.get(key).pools == expected, key


def test_dagster_validates_the_workspace():
    dagster = Path(sys.executable).with_name("dagster")
    proc = subprocess.run([str(dagster), "definitions", "validate", "-w", "workspace.yaml"], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_loading_the_definitions_imports_no_torch_or_stanza():
    # the run's main process only dispatches annotation to workers; torch would cost it about 180 MB
    code = "import sys, pipelines.definitions; print(sorted({'torch', 'stanza'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
