"""A batch staged in chunks and published one chunk per transaction (issue 12): the same rows as publishing it
at once, each chunk replaces only its own articles, and what is not yet published stays staged."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from warehouse.connection import Warehouse
from warehouse.publish import append_staging, clear_staging, publish, publish_chunks, write_staging

TABLES = [("entity_resolutions", "article_id", "entity_resolutions")]


def _ledger(ids: list[str], run_id: str) -> pl.DataFrame:
    return pl.DataFrame({
        "article_id": ids, "annotation_run_id": "ann", "knowledge_version": "k", "n_mentions": 1,
        "n_states": 0, "run_id": run_id, "resolved_at": dt.datetime(2026, 12, 5),
    })


def _main(con) -> list[tuple]:
    return con.execute("SELECT article_id, run_id FROM main.entity_resolutions ORDER BY ALL").fetchall()


def _staged(con) -> list[str]:
    rows = con.execute("SELECT article_id FROM staging.entity_resolutions ORDER BY 1").fetchall()
    return [r[0] for r in rows]


@pytest.fixture
def wh(warehouse_path) -> Warehouse:
    wh = Warehouse(warehouse_path)
    with wh.writer() as con:  # an earlier run: a..e published
        write_staging(con, "entity_resolutions", _ledger(list("abcde"), "old"))
        publish(con, replace=TABLES)
    return wh


def test_chunks_published_one_by_one_give_the_rows_of_one_publish(wh):
    ids = list("bcdfgh")
    with wh.writer() as con:
        write_staging(con, "entity_resolutions", _ledger(ids, "new"))
        publish(con, replace=TABLES)
        at_once = _main(con)
    with wh.writer() as con:
        write_staging(con, "entity_resolutions", _ledger(list("abcde"), "old"))
        publish(con, replace=TABLES)
        clear_staging(con, "entity_resolutions")
        for start in range(0, len(ids), 2):  # staged chunk by chunk
            append_staging(con, "entity_resolutions", _ledger(ids[start:start + 2], "new"))
        done = []
        totals = publish_chunks(con, TABLES, [("b", "c"), ("d", "f"), ("g", "h")],
                                lambda k, rows: done.append((k, rows["entity_resolutions"])))
        assert _main(con) == at_once
        assert done == [(1, 2), (2, 2), (3, 2)] and totals == {"entity_resolutions": 6}
        assert _staged(con) == []


def test_a_chunk_replaces_only_its_own_articles_and_the_rest_stays_staged(wh):
    with wh.writer() as con:
        append_staging(con, "entity_resolutions", _ledger(list("bcdf"), "new"))
        assert publish(con, replace=TABLES, key_range=("b", "c")) == {"entity_resolutions": 2}
        assert _main(con) == [("a", "old"), ("b", "new"), ("c", "new"), ("d", "old"), ("e", "old")]
        assert _staged(con) == ["d", "f"]  # not published yet: a crash here loses nothing published


def test_a_key_range_is_only_for_replace_batches(wh):
    with wh.writer() as con, pytest.raises(ValueError, match="replace"):
        publish(con, appends=["entity_resolutions"], key_range=("a", "b"))
