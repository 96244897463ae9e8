"""The Parquet spool between the NLP compute step and its publish step."""

from __future__ import annotations

import os
import time

import polars as pl

from warehouse.spool import STALE_TMP_S, list_chunks, spooled_ledger, write_chunk


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
