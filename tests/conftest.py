"""Shared fixtures: locating ../shared, building throwaway inboxes/warehouses, running the real chain."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_INBOX = REPO_ROOT / "peristiwa" / "sample_data" / "inbox"


def shared_dir() -> Path:
    return Path(os.environ.get("PERISTIWA_SHARED") or REPO_ROOT.parent / "shared").resolve()


@pytest.fixture
def shared() -> Path:
    path = shared_dir()
    if not (path / "corpus").is_dir():
        pytest.skip(f"shared data not found at {path} (set PERISTIWA_SHARED to its location)")
    return path


@pytest.fixture
def seeds_dir(shared: Path) -> Path:
    return shared / "corpus" / "seeds"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    path = tmp_path / "inbox"
    path.mkdir()
    return path


@pytest.fixture
def sample_inbox(inbox: Path) -> Path:
    shutil.copytree(SAMPLE_INBOX, inbox / "samples", ignore=shutil.ignore_patterns("*.md"))
    return inbox


@pytest.fixture
def warehouse_path(tmp_path: Path) -> Path:
    return tmp_path / "wh" / "warehouse.duckdb"


@pytest.fixture
def dagster_instance() -> Iterator[object]:
    import dagster as dg

    with dg.instance_for_test(overrides={"concurrency": {"pools": {"default_limit": 1}}}) as instance:
        yield instance
