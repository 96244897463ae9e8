"""The NLP stage commits in chunks: after kill -9 at any point the rerun redoes at most one chunk and ends
with tables identical to an uninterrupted run. Real processes, real SIGKILL, real Stanza and DuckDB."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.chain import table_snapshot
from tests.conftest import SAMPLE_INBOX
from tests.crash_driver import CHUNK_ARTICLES

VOLATILE = ("run_id", "annotated_at")
TABLES = ("sentences", "annotations")
PLAN_RE = re.compile(r"(\d+) already annotated in the spool, annotating (\d+) in (\d+) chunk")
ANNOTATED_RE = re.compile(r"annotated chunk (\d+)/(\d+): (\d+) articles")
PUBLISHED_RE = re.compile(r"published chunk (\d+)/(\d+): (\d+) articles")

# Each test kills a run and runs it again, in fresh processes that load Stanza: CI-only (`-m slow`).
pytestmark = pytest.mark.slow


def _drive(inbox: Path, warehouse: Path, *kill: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tests.crash_driver", str(inbox), str(warehouse), *kill],
                          capture_output=True, text=True, timeout=900, cwd=Path(__file__).parents[2])


def _log(proc: subprocess.CompletedProcess) -> str:
    return proc.stdout + proc.stderr


def _snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    return {t: table_snapshot(warehouse, t, VOLATILE) for t in TABLES}


def _working(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.stem + ".writer.duckdb")


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> tuple[Path, dict[str, list[tuple]]]:
    root = tmp_path_factory.mktemp("uninterrupted")
    inbox = root / "inbox"
    # the five sample .txt articles: three chunks of at most CHUNK_ARTICLES
    shutil.copytree(SAMPLE_INBOX, inbox / "samples", ignore=shutil.ignore_patterns("*.md", "*.jsonl"))
    warehouse = root / "wh" / "warehouse.duckdb"
    proc = _drive(inbox, warehouse)
    assert proc.returncode == 0, _log(proc)[-3000:]
    plan = PLAN_RE.search(_log(proc))
    assert plan and int(plan.group(1)) == 0 and int(plan.group(3)) >= 3, _log(proc)[-3000:]
    return inbox, _snapshot(warehouse)


def test_kill_mid_chunk_then_rerun_redoes_at_most_one_chunk(uninterrupted, tmp_path):
    inbox, expected = uninterrupted
    warehouse = tmp_path / "wh" / "warehouse.duckdb"
    killed = _drive(inbox, warehouse, "--kill-annotating", "2")
    assert killed.returncode == -9, _log(killed)[-3000:]
    finished = [int(m.group(3)) for m in ANNOTATED_RE.finditer(_log(killed))]
    assert finished == [CHUNK_ARTICLES]  # chunk 1 was spooled, chunk 2 died halfway

    rerun = _drive(inbox, warehouse)
    assert rerun.returncode == 0, _log(rerun)[-3000:]
    reused, todo, _ = map(int, PLAN_RE.search(_log(rerun)).groups())
    assert reused == sum(finished) == CHUNK_ARTICLES  # every finished chunk is kept ...
    total = len(expected["annotations"])
    # ... so what is annotated again is the chunk that died (at most CHUNK_ARTICLES of work lost), plus the
    # chunks never started
    assert todo == total - reused
    assert _snapshot(warehouse) == expected


def test_kill_while_publishing_then_rerun_publishes_the_rest(uninterrupted, tmp_path):
    inbox, expected = uninterrupted
    warehouse = tmp_path / "wh" / "warehouse.duckdb"
    killed = _drive(inbox, warehouse, "--kill-publishing", "2")
    assert killed.returncode == -9, _log(killed)[-3000:]
    published = [int(m.group(3)) for m in PUBLISHED_RE.finditer(_log(killed))]
    assert published == [CHUNK_ARTICLES]  # chunk 1 committed, chunk 2 died inside its transaction
    # the working database keeps chunk 1 and nothing of chunk 2 (its transaction never committed)
    assert len(table_snapshot(_working(warehouse), "annotations")) == CHUNK_ARTICLES

    rerun = _drive(inbox, warehouse)
    assert rerun.returncode == 0, _log(rerun)[-3000:]
    reused, todo, _ = map(int, PLAN_RE.search(_log(rerun)).groups())
    total = len(expected["annotations"])
    assert (reused, todo) == (total - CHUNK_ARTICLES, 0)  # no NLP redone: the spool still has it all
    republished = sum(int(m.group(3)) for m in PUBLISHED_RE.finditer(_log(rerun)))
    assert republished == total - CHUNK_ARTICLES
    assert _snapshot(warehouse) == expected
    spool = warehouse.parent / "warehouse.spool" / "sentences"
    assert not list(spool.glob("*.parquet"))
    assert not list((spool / "inputs").glob("*"))  # each run deletes the articles it staged
