"""The served snapshot is replaced when, and only when, the working database changed since it was taken.

A snapshot is a whole-file copy (seconds for a large warehouse), so a step or a run with nothing new must not
make one; anything published must reach the served file, also when the block that published it did not serve.
"""

from __future__ import annotations

import time

import duckdb
import polars as pl
import pytest

from warehouse.connection import Warehouse
from warehouse.publish import publish, write_staging


def _audit(article_id: str) -> pl.DataFrame:
    return pl.DataFrame([{"article_id": article_id, "rule_id": "r", "reason": "dateline", "text": "t",
                          "line_no": 1, "rules_version": "1", "run_id": "run"}])


def _publish(con: duckdb.DuckDBPyConnection, article_id: str) -> None:
    write_staging(con, "cleaning_audit", _audit(article_id))
    publish(con, appends=["cleaning_audit"])


def _served_count(wh: Warehouse) -> int:
    with wh.reader() as reader:
        return reader.execute("SELECT count(*) FROM cleaning_audit").fetchall()[0][0]


def _snapshot_id(wh: Warehouse) -> tuple[int, int]:
    """Each snapshot is a new file renamed into place (its inode number may be one just freed, but its
    change time is new)."""
    stat = wh.served_path.stat()
    return stat.st_ino, stat.st_ctime_ns


@pytest.fixture
def wh(warehouse_path) -> Warehouse:
    wh = Warehouse(warehouse_path)
    with wh.writer() as con:
        _publish(con, "a")
    return wh


def test_a_block_that_changes_nothing_leaves_the_served_file_alone(wh):
    before = _snapshot_id(wh), wh.served_path.stat().st_mtime_ns, wh.served_path.read_bytes()
    for _ in range(3):
        with wh.writer() as con:
            con.execute("SELECT count(*) FROM main.cleaning_audit").fetchall()
            write_staging(con, "cleaning_audit", _audit("a").clear())
            publish(con, appends=["cleaning_audit"])  # an empty batch: nothing new
    assert (_snapshot_id(wh), wh.served_path.stat().st_mtime_ns, wh.served_path.read_bytes()) == before
    assert not wh.unserved_path.exists()


def test_a_block_that_publishes_serves_a_new_snapshot(wh):
    before = _snapshot_id(wh)
    time.sleep(0.02)  # past the file system's clock tick
    with wh.writer() as con:
        _publish(con, "b")
    assert _snapshot_id(wh) != before
    assert _served_count(wh) == 2


def test_changes_of_a_block_that_did_not_serve_reach_the_next_snapshot(wh):
    with wh.writer(serve=False) as con:
        _publish(con, "b")
    assert _served_count(wh) == 1
    assert wh.unserved_path.exists()
    with wh.writer():  # changes nothing itself
        pass
    assert _served_count(wh) == 2
    assert not wh.unserved_path.exists()


def test_changes_of_a_failed_block_are_served_only_by_a_later_block(wh):
    with pytest.raises(RuntimeError), wh.writer() as con:
        _publish(con, "b")
        raise RuntimeError("crashed after publishing to the working copy")
    assert _served_count(wh) == 1
    with wh.writer():
        pass
    assert _served_count(wh) == 2


def test_a_served_file_that_is_not_the_working_state_is_replaced(wh):
    wh.served_path.unlink()
    with wh.writer():
        pass
    assert _served_count(wh) == 1


def test_reopening_a_current_warehouse_does_not_change_its_file(wh):
    state = wh.working_path.stat().st_mtime_ns, wh.working_path.stat().st_size
    with wh.writer():
        pass
    assert (wh.working_path.stat().st_mtime_ns, wh.working_path.stat().st_size) == state
