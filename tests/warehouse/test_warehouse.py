"""Warehouse contract: documented schema, atomic publish, single writer, served snapshot."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest

from warehouse.connection import Warehouse, WarehouseBusyError, WarehouseMissingError
from warehouse.publish import publish, write_staging
from warehouse.schema import column_docs, table_names

CONTRACT = {
    "articles_raw", "quarantine", "articles_clean", "dq_results", "ingest_log", "inbox_files",
    "cleaning_audit", "sentences", "annotations", "entity_mentions", "entity_resolutions",
    "event_mentions", "event_codings", "events", "dyad_day", "dyad_month", "dyad_month_undirected",
    "dyad_periods", "dyad_event_inputs",
}


def _row(article_id: str, text: str = "teks") -> dict:
    return {"article_id": article_id, "rule_id": "r", "reason": "dateline", "text": text, "line_no": 1,
            "rules_version": "1", "run_id": "run"}


def test_every_contract_table_exists_and_every_column_is_documented(warehouse_path):
    wh = Warehouse(warehouse_path)
    with wh.writer() as con:
        docs = column_docs(con)
    tables = {t for t, *_ in docs}
    assert tables >= CONTRACT
    assert set(table_names()) == CONTRACT
    undocumented = [(t, c) for t, c, _, comment in docs if t in CONTRACT and not comment.strip()]
    assert undocumented == []
    assert ("articles_clean", "published_date") in {(t, c) for t, c, *_ in docs}


def test_reader_before_first_publish_says_what_to_do(warehouse_path):
    with pytest.raises(WarehouseMissingError, match="peristiwa run"):
        Warehouse(warehouse_path).reader()


def test_publish_is_all_or_nothing(warehouse_path):
    wh = Warehouse(warehouse_path)
    with wh.writer() as con:
        write_staging(con, "cleaning_audit", pl.DataFrame([_row("a"), _row("b")]))
        publish(con, appends=["cleaning_audit"])
        write_staging(con, "cleaning_audit", pl.DataFrame([_row("c")]))
        with pytest.raises(duckdb.Error):
            # the second table does not exist: the first append must be rolled back with it
            publish(con, appends=["cleaning_audit", "no_such_table"])
        assert con.execute("SELECT count(*) FROM main.cleaning_audit").fetchall()[0][0] == 2


def test_replace_removes_rows_the_new_result_no_longer_has(warehouse_path):
    wh = Warehouse(warehouse_path)
    with wh.writer() as con:
        write_staging(con, "cleaning_audit", pl.DataFrame([_row("a", "x"), _row("a", "y"), _row("b")]))
        publish(con, appends=["cleaning_audit"])
        write_staging(con, "cleaning_audit", pl.DataFrame([_row("a", "z")]))
        publish(con, replace=[("cleaning_audit", "article_id", "cleaning_audit")])
        rows = con.execute("SELECT article_id, text FROM main.cleaning_audit ORDER BY ALL").fetchall()
    assert rows == [("a", "z"), ("b", "teks")]


def test_second_writer_waits_then_fails_clearly(warehouse_path):
    wh = Warehouse(warehouse_path)
    with wh.writer(), pytest.raises(WarehouseBusyError, match="writer lock"), wh.writer(timeout_s=0.5):
        pass


def test_open_reader_keeps_its_snapshot_while_a_new_one_is_served(warehouse_path):
    wh = Warehouse(warehouse_path)
    with wh.writer() as con:
        write_staging(con, "cleaning_audit", pl.DataFrame([_row("a")]))
        publish(con, appends=["cleaning_audit"])
    reader = wh.reader()
    with wh.writer() as con:
        write_staging(con, "cleaning_audit", pl.DataFrame([_row("b")]))
        publish(con, appends=["cleaning_audit"])
    assert reader.execute("SELECT count(*) FROM cleaning_audit").fetchall()[0][0] == 1
    reader.close()
    with wh.reader() as fresh:
        assert fresh.execute("SELECT count(*) FROM cleaning_audit").fetchall()[0][0] == 2


def test_failed_block_serves_nothing_new(warehouse_path):
    wh = Warehouse(warehouse_path)
    with wh.writer():
        pass
    with pytest.raises(RuntimeError), wh.writer() as con:
        write_staging(con, "cleaning_audit", pl.DataFrame([_row("a")]))
        publish(con, appends=["cleaning_audit"])
        raise RuntimeError("stage crashed after publishing to the working copy")
    with wh.reader() as reader:
        assert reader.execute("SELECT count(*) FROM cleaning_audit").fetchall()[0][0] == 0


def test_warehouse_readme_is_generated_from_the_ddl():
    from warehouse.docs import README, generate

    assert README.read_text(encoding="utf-8") == generate(), "run `python -m warehouse.docs`"


def test_a_warehouse_from_before_new_columns_gains_them_in_main_and_staging(warehouse_path):
    added = {"articles_raw": ["file_mtime"], "quarantine": ["stage", "article_id"],
             "dq_results": ["items", "override"], "events": ["mentions_digest"],
             "annotations": ["selection_digest"]}
    wh = Warehouse(warehouse_path)
    with wh.writer() as con:
        fresh = {t: con.execute(f"DESCRIBE main.{t}").fetchall() for t in added}
        for table, columns in added.items():  # what an older release created
            for schema in ("main", "staging"):
                for column in columns:
                    con.execute(f"ALTER TABLE {schema}.{table} DROP COLUMN {column}")
    with wh.writer() as con:
        for table in added:
            assert con.execute(f"DESCRIBE main.{table}").fetchall() == fresh[table]
            staged = [row[:2] for row in con.execute(f"DESCRIBE staging.{table}").fetchall()]
            assert staged == [row[:2] for row in fresh[table]]  # same order: publish copies SELECT *


def test_the_writer_caps_duckdbs_memory_so_its_block_cache_does_not_grow_with_the_warehouse(
        warehouse_path):
    def limit(warehouse: Warehouse) -> str:
        with warehouse.writer() as con:
            return con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]

    assert limit(Warehouse(warehouse_path)) == "953.6 MiB"  # 1GB
    assert limit(Warehouse(warehouse_path, memory_limit="2GB")) == "1.8 GiB"


def test_the_writer_cap_is_set_from_the_environment_at_the_edge(tmp_path) -> None:
    from pipelines.definitions import build_resources
    from pipelines.settings import Settings

    settings = Settings.from_env({"PERISTIWA_HOME": str(tmp_path), "PERISTIWA_DUCKDB_MEMORY_LIMIT": "2GB"})
    assert build_resources(settings)["warehouse"].get().memory_limit == "2GB"
    assert Settings.from_env({"PERISTIWA_HOME": str(tmp_path)}).duckdb_memory_limit == "1GB"


# `annotations` and `sentences` as the releases before selective parsing created them (main and staging)
_OLD_ANNOTATIONS = """(article_id VARCHAR PRIMARY KEY, text_sha256 VARCHAR NOT NULL, models VARCHAR NOT NULL,
    n_sentences INTEGER NOT NULL, n_tokens INTEGER NOT NULL, run_id VARCHAR NOT NULL,
    annotated_at TIMESTAMP NOT NULL)"""
_OLD_SENTENCES = """(article_id VARCHAR NOT NULL, sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text VARCHAR NOT NULL, flags VARCHAR[] NOT NULL,
    conllu VARCHAR NOT NULL, run_id VARCHAR NOT NULL)"""


def test_a_warehouse_from_before_selective_parsing_opens_with_its_annotations_kept(warehouse_path):
    wh = Warehouse(warehouse_path)
    with wh.writer() as con:  # what a fresh warehouse has, to compare with
        fresh = {t: con.execute(f"DESCRIBE main.{t}").fetchall() for t in ("annotations", "sentences")}
    wh.working_path.unlink()
    with duckdb.connect(str(wh.working_path)) as con:  # what an older release created
        con.execute("CREATE SCHEMA staging")
        for schema in ("main", "staging"):
            con.execute(f"CREATE TABLE {schema}.annotations {_OLD_ANNOTATIONS}")
            con.execute(f"CREATE TABLE {schema}.sentences {_OLD_SENTENCES}")
        con.execute("INSERT INTO main.annotations VALUES ('a1', 'sha', '{}', 1, 3, 'old-run', '2026-01-01')")
        con.execute("INSERT INTO main.sentences VALUES ('a1', 0, 0, 5, 'Halo.', [], 'conllu', 'old-run')")

    with wh.writer() as con:
        for table in fresh:
            assert con.execute(f"DESCRIBE main.{table}").fetchall() == fresh[table]
            staged = [row[:2] for row in con.execute(f"DESCRIBE staging.{table}").fetchall()]
            assert staged == [row[:2] for row in fresh[table]]  # same order: publish copies SELECT *
        # the old rows survive; they were parsed in full, and have no selection digest
        assert con.execute("SELECT article_id, run_id, parse_scope, n_parsed, selection_digest "
                           "FROM main.annotations").fetchall() == [("a1", "old-run", "all", None, None)]
        assert con.execute("SELECT article_id, text, parsed FROM main.sentences").fetchall() == [
            ("a1", "Halo.", True)]
