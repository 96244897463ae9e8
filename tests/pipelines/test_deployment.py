"""The docker deployment example (deploy/docker) is a valid Dagster instance for these definitions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from pipelines.settings import REPO_ROOT

DEPLOY = REPO_ROOT / "deploy" / "docker"


def _compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))


def test_instance_config_validates_against_dagster_and_its_launcher(monkeypatch):
    from dagster._config import validate_config
    from dagster._core.instance.config import dagster_instance_config, get_concurrency_config
    from dagster._core.run_coordinator import QueuedRunCoordinator
    from dagster_docker import DockerRunLauncher
    from dagster_postgres import DagsterPostgresStorage

    for name in ("DAGSTER_POSTGRES_USER", "DAGSTER_POSTGRES_PASSWORD", "DAGSTER_POSTGRES_DB"):
        monkeypatch.setenv(name, "x")
    config, _ = dagster_instance_config(str(DEPLOY))  # raises on any schema error
    launcher = config["run_launcher"]
    assert (launcher["module"], launcher["class"]) == ("dagster_docker", "DockerRunLauncher")
    assert validate_config(DockerRunLauncher.config_type(), launcher["config"]).success
    assert validate_config(DagsterPostgresStorage.config_type(), config["storage"]["postgres"]).success
    coordinator = config["run_coordinator"]
    assert coordinator["class"] == "QueuedRunCoordinator"
    assert validate_config(QueuedRunCoordinator.config_type(), coordinator.get("config") or {}).success
    assert validate_config(get_concurrency_config().config_type, config["concurrency"]).success
    assert config["concurrency"]["pools"]["default_limit"] == 1  # one warehouse writer at a time
    assert config["concurrency"]["runs"]["max_concurrent_runs"] >= 2  # NLP partitions compute side by side


def test_run_containers_share_the_warehouse_volume_and_settings():
    config = yaml.safe_load((DEPLOY / "dagster.yaml").read_text(encoding="utf-8"))
    compose = _compose()
    launcher = config["run_launcher"]["config"]
    volume, mount = launcher["container_kwargs"]["volumes"][0].split(":")
    assert compose["volumes"][volume]["name"] == volume  # the launcher finds the volume compose created
    env = compose["x-env"]
    assert Path(env["PERISTIWA_WAREHOUSE"]).parent == Path(mount)
    assert {"PERISTIWA_HOME", "PERISTIWA_INBOX", "PERISTIWA_WAREHOUSE"} <= set(launcher["env_vars"])
    services = compose["services"]
    assert {"postgres", "code", "webserver", "daemon"} <= set(services)
    assert launcher["network"] in compose["networks"]
    for name in ("code", "webserver", "daemon"):
        assert services[name]["image"] == launcher["image"]
        assert f"{volume}:{mount}" in services[name]["volumes"]
    workspace = yaml.safe_load((DEPLOY / "workspace.yaml").read_text(encoding="utf-8"))
    server = workspace["load_from"][0]["grpc_server"]
    assert server["host"] == "code" and str(server["port"]) in services["code"]["command"]
    module = services["code"]["command"][services["code"]["command"].index("-m") + 1]
    assert module == "pipelines.definitions"


def test_definitions_fit_the_deployment():
    """The tag and pool the instance limits are the ones the definitions use; the code location loads with
    the deployment's environment."""
    from pipelines.definitions import defs

    config = yaml.safe_load((DEPLOY / "dagster.yaml").read_text(encoding="utf-8"))
    runs = config["concurrency"]["runs"]
    limits = {(lim["key"], lim.get("value")) for lim in runs["tag_concurrency_limits"]}
    nlp_job = defs.resolve_job_def("nlp_job")
    assert ("peristiwa/stage", nlp_job.tags["peristiwa/stage"]) in limits
    assert ("dagster/job_name", "chain_job") in limits
    assert nlp_job.partitions_def is not None  # a backfill over it is one run per shard
    graph = defs.resolve_asset_graph()
    compute = graph.get(dg_key("sentences_parquet"))
    assert not compute.pools  # computing holds no writer slot: many run at once
    assert graph.get(dg_key("sentences")).pools == {"duckdb_writer"}

    env = {k: v for k, v in os.environ.items() if not k.startswith(("PERISTIWA_", "DAGSTER_HOME"))}
    env.update({k: str(v) for k, v in _compose()["x-env"].items() if k.startswith("PERISTIWA_")})
    dagster = Path(sys.executable).with_name("dagster")
    proc = subprocess.run([str(dagster), "definitions", "validate", "-m", "pipelines.definitions"],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def dg_key(name: str):
    import dagster as dg

    return dg.AssetKey(name)
