"""`peristiwa ui`: webserver + daemon, asset graph over GraphQL, a launched run, a screenshot, clean stop."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipelines.partitions import all_shards_tags
from tests.conftest import SAMPLE_INBOX

PERISTIWA = str(Path(sys.executable).with_name("peristiwa"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graphql(port: int, query: str, variables: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.loads(response.read())
    assert "errors" not in body, body
    return body["data"]


def _wait_loaded(port: int, server: subprocess.Popen, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        assert server.poll() is None, "dagster dev exited during startup"
        try:
            data = _graphql(port, "{ workspaceOrError { ... on Workspace { locationEntries { name loadStatus "
                                  "locationOrLoadError { __typename ... on PythonError { message } } } } } }")
        except OSError:
            time.sleep(1)
            continue
        entries = data["workspaceOrError"]["locationEntries"]
        if entries and entries[0]["loadStatus"] == "LOADED":
            error = entries[0]["locationOrLoadError"]
            assert error["__typename"] == "RepositoryLocation", error
            return
        time.sleep(1)
    raise AssertionError("code location did not load in time")


def _check_statuses(port: int, timeout_s: float = 30) -> dict[str, tuple[bool, str | None]]:
    """{check name: (blocking, status of its latest execution)}. A check's execution record can trail the
    run's SUCCESS by a moment (one fresh-clone run read None), so poll until every check has one."""
    query = """{ assetNodes { assetKey { path }
        assetChecksOrError { ... on AssetChecks { checks { name blocking
          executionForLatestMaterialization { status } } } } } }"""
    deadline = time.monotonic() + timeout_s
    while True:
        nodes = _graphql(port, query)["assetNodes"]
        statuses = {c["name"]: (c["blocking"], (c["executionForLatestMaterialization"] or {}).get("status"))
                    for n in nodes for c in n["assetChecksOrError"].get("checks", [])}
        if all(status for _, status in statuses.values()) or time.monotonic() > deadline:
            return statuses
        time.sleep(1)


LAUNCH = """
mutation($p: ExecutionParams!) { launchRun(executionParams: $p) {
  __typename ... on LaunchRunSuccess { run { runId status } } ... on PythonError { message }
  ... on RunConfigValidationInvalid { errors { message } } } }
"""


@pytest.mark.ui
@pytest.mark.slow  # webserver, daemon, a launched run and Chromium: CI-only (`-m slow`)
def test_ui_graph_launch_screenshot_and_clean_stop(tmp_path):
    home = tmp_path / "home"
    shutil.copytree(SAMPLE_INBOX, home / "inbox" / "samples", ignore=shutil.ignore_patterns("*.md"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PERISTIWA_", "DAGSTER_HOME"))}
    env["PERISTIWA_HOME"] = str(home)
    port = _free_port()
    log = (tmp_path / "ui.log").open("w")
    server = subprocess.Popen([PERISTIWA, "ui", "--port", str(port)], env=env, stdout=log, stderr=log,
                              start_new_session=True)
    try:
        _wait_loaded(port, server)
        nodes = _graphql(port, "{ assetNodes { assetKey { path } dependencyKeys { path } } }")["assetNodes"]
        graph = {
            "/".join(n["assetKey"]["path"]): {"/".join(d["path"]) for d in n["dependencyKeys"]} for n in nodes
        }
        assert graph["articles_clean"] == {"raw_articles"}
        assert graph["raw_articles"] == set()

        selector = {"repositoryLocationName": "peristiwa", "repositoryName": "__repository__",
                    "jobName": "chain_job"}
        # one run over every NLP shard, as the schedule and the sensor launch it
        tags = [{"key": k, "value": v} for k, v in all_shards_tags().items()]
        params = {"selector": selector, "runConfigData": {}, "executionMetadata": {"tags": tags}}
        launched = _graphql(port, LAUNCH, {"p": params})["launchRun"]
        assert launched["__typename"] == "LaunchRunSuccess", launched
        run_id = launched["run"]["runId"]
        status, deadline = None, time.monotonic() + 180
        while time.monotonic() < deadline:
            status = _graphql(port, 'query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }',
                              {"id": run_id})["runOrError"]["status"]
            if status in ("SUCCESS", "FAILURE", "CANCELED"):
                break
            time.sleep(2)
        assert status == "SUCCESS"
        statuses = _check_statuses(port)
        assert statuses["raw_articles_valid"] == (True, "SUCCEEDED")
        assert statuses["articles_clean_valid"] == (True, "SUCCEEDED")

        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium:
            _graphql(port, "mutation { setNuxSeen }")  # the first-visit modal would cover the graph
            shot = tmp_path / "asset-graph.png"
            subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'chromium'}", "--hide-scrollbars", "--window-size=1400,900",
                 "--virtual-time-budget=15000", f"--screenshot={shot}",
                 f"http://127.0.0.1:{port}/asset-groups"],
                capture_output=True, timeout=120, check=False,
            )
            assert shot.exists() and shot.stat().st_size > 10_000
            artifacts = os.environ.get("PERISTIWA_TEST_ARTIFACTS")
            if artifacts:
                shutil.copy(shot, Path(artifacts) / "asset-graph.png")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            raise AssertionError("peristiwa ui did not stop on SIGTERM") from None
        log.close()
    # webserver, daemon and code server shut down after `dagster dev` itself: give them a moment
    deadline = time.monotonic() + 30
    while subprocess.run(["pgrep", "-g", str(server.pid)], capture_output=True).returncode == 0:
        assert time.monotonic() < deadline, "child processes survived SIGTERM"
        time.sleep(0.5)
