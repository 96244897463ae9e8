"""The Parquet spool between the NLP compute step and its publish step."""

from __future__ import annotations

import os
import time

import duckdb
import polars as pl

from warehouse.spool import STALE_TMP_S, list_chunks, spooled_ledger, stage_input, write_chunk


def _frames(*ids: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    sentences = pl.DataFrame({"article_id": [i for i in ids for _ in range(2)],
                              "sentence_index": [0, 1] * len(ids)})
    ledger = pl.DataFrame({"article_id": list(ids), "text_sha256": ["h"] * len(ids)})
    return sentences, ledger


def test_chunks_are_listed_oldest_first_and_read_back(tmp_path):
    first = write_chunk(tmp_path, *_frames("a", "b"))
    second = write_chunk(tmp_path, *_frames("c"))
    assert [c.name for c in list_chunks(tmp_path)] == [first.name, second.name]
    assert first.sentences(["b"])["article_id"].to_list() == ["b", "b"]
    ledger = spooled_ledger(list_chunks(tmp_path))
    assert ledger.select("article_id", "chunk").rows() == [("a", first.name), ("b", first.name),
                                                           ("c", second.name)]
    first.remove()
    assert [c.name for c in list_chunks(tmp_path)] == [second.name]


def test_a_chunk_is_complete_only_with_its_ledger_and_writes_in_progress_are_left_alone(tmp_path):
    chunk = write_chunk(tmp_path, *_frames("a"))
    chunk.ledger_path.unlink()  # killed between the two files: the sentences alone are no chunk
    assert list_chunks(tmp_path) == []
    fresh = tmp_path / ".x.sentences.parquet.123.tmp"
    stale = tmp_path / ".y.sentences.parquet.456.tmp"
    fresh.write_bytes(b"partial")
    stale.write_bytes(b"partial")
    old = time.time() - STALE_TMP_S - 60
    os.utime(stale, (old, old))
    list_chunks(tmp_path)
    assert fresh.exists() and not stale.exists()  # another process may still be writing the fresh one


def test_missing_spool_is_empty(tmp_path):
    assert list_chunks(tmp_path / "nope") == []
    assert spooled_ledger([]).height == 0


def test_a_staged_input_is_read_back_in_its_order_one_slice_at_a_time(tmp_path):
    rows = duckdb.sql("SELECT 'a' || i::VARCHAR AS article_id, i AS n FROM range(7) t(i) ORDER BY i DESC")
    staged = stage_input(rows, tmp_path, "run-1")
    assert staged.path == tmp_path / "inputs" / "run-1.parquet"
    assert staged.count() == 7
    assert [r["n"] for r in staged.rows(0, 3)] == [6, 5, 4]
    assert [r["n"] for r in staged.rows(6, 3)] == [0]
    staged.remove()
    assert not staged.path.exists()


def test_inputs_left_by_killed_runs_are_deleted_after_a_day(tmp_path):
    stale = tmp_path / "inputs" / "killed-long-ago.parquet"
    recent = tmp_path / "inputs" / "maybe-still-running.parquet"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"x")
    recent.write_bytes(b"x")
    old = time.time() - STALE_TMP_S - 60
    os.utime(stale, (old, old))
    stage_input(duckdb.sql("SELECT 1 AS n"), tmp_path, "run-2")
    assert recent.exists() and not stale.exists()
