"""Shared fixtures: locating ../shared, building throwaway inboxes/warehouses, running the real chain."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


# -- warehouses built once per session -----------------------------------------------------------------------
# A chain_job run annotates with the real Stanza models, which is most of the test suite's time. Tests that
# start from the same run over the same inbox share it: those that only read it use it as it is, those that
# run the chain again (or change the warehouse) work on a copy (`BuiltWarehouse.copy`).


@dataclass(frozen=True)
class BuiltWarehouse:
    """A real chain_job run (default resources but annotation in this process, see `tests.chain.run_chain`;
    a fresh Dagster instance) over `inbox` into `warehouse`, and its result. Read it, never write it: a test
    that writes works on `copy`."""

    inbox: Path
    warehouse: Path
    result: Any  # dg.ExecuteInProcessResult of the run that built it

    def copy(self, dest: Path) -> tuple[Path, Path]:
        """A writable copy of the inbox and the warehouse directory under `dest` (working file, served
        snapshot, spool; file times kept, so the snapshot is still current). The copy is the state the run
        left: ingest skips files by content hash, the stages by their ledgers, so a rerun on it does exactly
        what a rerun on the original would."""
        inbox, wh = dest / "inbox", dest / "wh"
        shutil.copytree(self.inbox, inbox, symlinks=True)
        shutil.copytree(self.warehouse.parent, wh, symlinks=True)
        return inbox, wh / self.warehouse.name


def _build(root: Path, fill_inbox) -> BuiltWarehouse:
    import dagster as dg

    from tests.chain import check_outcomes, run_chain

    inbox, warehouse = root / "inbox", root / "wh" / "warehouse.duckdb"
    inbox.mkdir(parents=True)
    fill_inbox(inbox)
    with dg.instance_for_test(overrides={"concurrency": {"pools": {"default_limit": 1}}}) as instance:
        result = run_chain(inbox, warehouse, instance, job="chain_job")
    assert result.success, check_outcomes(result)
    return BuiltWarehouse(inbox, warehouse, result)


@pytest.fixture(scope="session")
def seeds_chain(tmp_path_factory) -> BuiltWarehouse:
    """The five seed articles (../shared/corpus/seeds, as inbox folder `seeds/`) through the whole chain."""
    seeds = shared_dir() / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed articles not found at {seeds} (set PERISTIWA_SHARED to the shared data)")
    return _build(tmp_path_factory.mktemp("seeds_chain"),
                  lambda inbox: shutil.copytree(seeds, inbox / "seeds"))


@pytest.fixture(scope="session")
def samples_chain(tmp_path_factory) -> BuiltWarehouse:
    """The bundled sample articles (as `sample_inbox` lays them out) through the whole chain."""
    return _build(tmp_path_factory.mktemp("samples_chain"), lambda inbox: shutil.copytree(
        SAMPLE_INBOX, inbox / "samples", ignore=shutil.ignore_patterns("*.md")))
