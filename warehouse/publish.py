"""Write-audit-publish: stages write `staging.<table>`, checks validate it, and only then is it published.

After a publish the staging tables are emptied, so `staging.*` holds the last batch that failed its checks.

Publishing moves a validated batch from `staging` into `main` inside one transaction, so a reader of the
working database never sees half a batch, and the served snapshot is only replaced after the commit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

import duckdb
import polars as pl


def write_staging(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Replace the contents of `staging.<table>` with `frame` (columns matched by name)."""
    con.execute(f"DELETE FROM staging.{table}")
    append_staging(con, table, frame)


def append_staging(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Add `frame` to `staging.<table>` (columns matched by name): a stage that computes its batch in chunks
    stages one chunk at a time, so that it never holds the whole batch in memory."""
    if frame.height == 0:
        return
    columns = [row[0] for row in con.execute(f"DESCRIBE staging.{table}").fetchall()]
    missing = sorted(set(columns) - set(frame.columns))
    if missing:
        raise ValueError(f"batch for {table} lacks columns {missing}")
    con.register("_batch", frame.select(columns).to_arrow())
    try:
        con.execute(f"INSERT INTO staging.{table} SELECT * FROM _batch")
    finally:
        con.unregister("_batch")


def release_arrow_memory() -> None:
    """Hand back the pages that Arrow conversions for DuckDB (``to_arrow`` of every staged batch) left cached
    in pyarrow's memory pool: after ingest and cleaning of 22,000 articles about 130 MB, which a long step
    that follows would otherwise hold for its whole length."""
    import pyarrow

    pyarrow.default_memory_pool().release_unused()


def clear_staging(con: duckdb.DuckDBPyConnection, *tables: str) -> None:
    """Empty `staging.<table>` for each table (a batch staged in chunks starts so)."""
    for table in tables:
        con.execute(f"DELETE FROM staging.{table}")


def read_staging(con: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
    return con.sql(f"SELECT * FROM staging.{table}").pl()


def publish(
    con: duckdb.DuckDBPyConnection,
    appends: Sequence[str] = (),
    replace: Sequence[tuple[str, str, str]] = (),
    overwrite: Sequence[str] = (),
    key_range: tuple[str, str] | None = None,
) -> dict[str, int]:
    """Move validated staging batches into `main` atomically.

    appends: tables whose staging rows are added as they are.
    replace: (table, key, key_table) triples: main rows of `table` whose `key` appears in
      `staging.<key_table>` are deleted, then the staging rows of `table` are added. Re-processing an
      article thereby replaces its old rows, including rows the new result no longer has.
    overwrite: tables whose main contents are replaced whole by the staging rows.
    key_range: (first, last), with `replace` only: publish just the staged rows whose key lies in
      [first, last] (one chunk of a batch staged in chunks; each chunk is its own transaction); the rest
      stays in staging for the next call.
    Returns the number of rows published per table.
    """
    if key_range is not None and (appends or overwrite or not replace):
        raise ValueError("key_range publishes part of a `replace` batch only")
    published: dict[str, int] = {}
    in_range = "TRUE" if key_range is None else "{key} BETWEEN $first AND $last"
    params = {} if key_range is None else {"first": key_range[0], "last": key_range[1]}
    con.execute("BEGIN TRANSACTION")
    try:
        for table, key, key_table in replace:
            con.execute(f"DELETE FROM main.{table} WHERE {key} IN (SELECT {key} FROM staging.{key_table} "
                        f"WHERE {in_range.format(key=key)})", params)
        for table in overwrite:
            con.execute(f"DELETE FROM main.{table}")
        keys = {t: k for t, k, _ in replace}
        for table in [*appends, *(t for t, _, _ in replace), *overwrite]:
            rows = f"FROM staging.{table} WHERE {in_range.format(key=keys.get(table))}"
            n = con.execute(f"SELECT count(*) {rows}", params).fetchall()[0][0]
            con.execute(f"INSERT INTO main.{table} SELECT * {rows}", params)
            published[table] = n
            # staging keeps only what was rejected: a published batch would double the file for nothing
            con.execute(f"DELETE {rows}", params)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return published


def publish_chunks(
    con: duckdb.DuckDBPyConnection,
    replace: Sequence[tuple[str, str, str]],
    key_ranges: Sequence[tuple[str, str]],
    on_chunk: Callable[[int, dict[str, int]], None] | None = None,
) -> dict[str, int]:
    """Publish a validated `replace` batch staged in chunks, one transaction per chunk (`key_ranges`: each
    chunk's first and last key, disjoint). A crash between chunks leaves the chunks before it published with
    their ledger rows, and nothing of the others: the next run does those again, and duplicates nothing
    (a chunk replaces its keys' rows). `on_chunk(k, rows)` is called after chunk k (from 1) committed.
    Returns the number of rows published per table."""
    totals: dict[str, int] = {table: 0 for table, _, _ in replace}
    for k, key_range in enumerate(key_ranges, 1):
        published = publish(con, replace=replace, key_range=key_range)
        for table, n in published.items():
            totals[table] += n
        if on_chunk is not None:
            on_chunk(k, published)
    return totals


def record_dq_results(con: duckdb.DuckDBPyConnection, rows: pl.DataFrame) -> None:
    """dq_results is a log, not gated data: results land in `main` whether the check passed or not."""
    if rows.height == 0:
        return
    con.register("_dq", rows.to_arrow())
    try:
        columns = [row[0] for row in con.execute("DESCRIBE main.dq_results").fetchall()]
        con.execute(f"INSERT INTO main.dq_results SELECT {', '.join(columns)} FROM _dq")
    finally:
        con.unregister("_dq")


# An item is logged again only when its fate changes: never after it was ingested (or found a
# duplicate), and not when it is quarantined again for the same reason (a retried or re-scanned file).
_NEW_ITEMS_SQL = """
CREATE OR REPLACE TEMP TABLE _new_items AS
SELECT s.* FROM staging.ingest_log s
WHERE ($publish_articles OR s.outcome = 'quarantined')
  AND NOT EXISTS (
    SELECT 1 FROM main.ingest_log m
    WHERE m.source_path = s.source_path AND m.file_sha256 = s.file_sha256
      AND m.line_no IS NOT DISTINCT FROM s.line_no
      AND (m.outcome <> 'quarantined'
           OR (s.outcome = 'quarantined' AND m.reason IS NOT DISTINCT FROM s.reason)))
"""
_SAME_ITEM = """t.source_path = n.source_path AND t.file_sha256 = n.file_sha256
    AND t.line_no IS NOT DISTINCT FROM n.line_no"""
def publish_ingest(con: duckdb.DuckDBPyConnection, *, publish_articles: bool) -> dict[str, int]:
    """Publish an ingest batch from staging: the records always, the articles only when allowed.

    `ingest_log` and `quarantine` are the record of what happened to each input item, not data under
    test, so quarantined items land in `main` even when a blocking check holds the batch back. With
    `publish_articles` the rest lands too and every file is recorded in `inbox_files` (not read again
    until it changes). Without it the ingested and duplicate items stay in `staging` (the held batch)
    and no file is recorded, so the next run reads the batch again and the check judges it again,
    until the cause is removed or the batch is accepted; its quarantined items are not logged twice.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_NEW_ITEMS_SQL, {"publish_articles": publish_articles})
        counts = {"ingest_log": con.execute("SELECT count(*) FROM _new_items").fetchall()[0][0]}
        con.execute("INSERT INTO main.ingest_log SELECT * FROM _new_items")
        quarantine = f"""SELECT t.* FROM staging.quarantine t WHERE EXISTS (
            SELECT 1 FROM _new_items n WHERE n.outcome = 'quarantined' AND {_SAME_ITEM})"""
        counts["quarantine"] = con.execute(f"SELECT count(*) FROM ({quarantine})").fetchall()[0][0]
        con.execute(f"INSERT INTO main.quarantine {quarantine}")
        if publish_articles:
            for table in ("articles_raw", "inbox_files"):
                counts[table] = con.execute(f"SELECT count(*) FROM staging.{table}").fetchall()[0][0]
            con.execute("INSERT INTO main.articles_raw SELECT * FROM staging.articles_raw")
            con.execute("INSERT OR IGNORE INTO main.inbox_files SELECT * FROM staging.inbox_files")
            for table in ("articles_raw", "ingest_log", "quarantine", "inbox_files"):
                con.execute(f"DELETE FROM staging.{table}")
        else:
            # staging keeps the held batch: its articles, their log rows and their files
            con.execute("DELETE FROM staging.ingest_log WHERE outcome = 'quarantined'")
            con.execute("DELETE FROM staging.quarantine")
        con.execute("DROP TABLE _new_items")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts


_SETTLED = "article_id IN (SELECT article_id FROM _settled)"
# The cleaning stage's tables, each with the rows of the settled articles (earlier results included).
_CLEAN_TABLES = (
    ("articles_clean", _SETTLED),
    ("cleaning_audit", _SETTLED),
    ("quarantine", f"stage = 'clean' AND {_SETTLED}"),
)


def publish_clean(con: duckdb.DuckDBPyConnection, *, publish_articles: bool) -> dict[str, int]:
    """Publish a cleaning batch from staging, replacing earlier results for the same articles.

    The batch is `staging.articles_clean` (cleaned articles), `staging.cleaning_audit`, and the
    articles cleaning set aside (`staging.quarantine`, stage 'clean'). The set-aside articles are
    records and always land (their quarantine rows and audit); the cleaned articles and their audit
    land only with `publish_articles`, else they stay in staging.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _settled AS
            SELECT DISTINCT article_id FROM staging.quarantine WHERE stage = 'clean'
            UNION SELECT article_id FROM staging.articles_clean WHERE $publish_articles
        """, {"publish_articles": publish_articles})
        for table, where in _CLEAN_TABLES:
            con.execute(f"DELETE FROM main.{table} WHERE {where}")
        counts: dict[str, int] = {}
        for table, where in _CLEAN_TABLES:
            rows = f"SELECT * FROM staging.{table} WHERE {where}"
            counts[table] = con.execute(f"SELECT count(*) FROM ({rows})").fetchall()[0][0]
            con.execute(f"INSERT INTO main.{table} {rows}")
            con.execute(f"DELETE FROM staging.{table} WHERE {where}")
        con.execute("DROP TABLE _settled")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts


def record_failed_articles(
    con: duckdb.DuckDBPyConnection, failures: pl.DataFrame, stage: str, run_id: str, now: datetime
) -> int:
    """Quarantine rows (reason `processing_error`) for articles a stage raised on, written at once: they are
    a record of what happened, also when the stage's check then fails. A failed article is not in its
    stage's ledger, so every run tries it again; the same error is recorded once."""
    if failures.height == 0:
        return 0
    failed = failures.select(
        "article_id",
        pl.format("{} failed on this article ({}); it is tried again on every run", pl.lit(stage),
                  pl.col("error")).alias("message"),
    )
    con.register("_failed", failed.to_arrow())
    try:
        inserted = con.execute(
            """INSERT INTO main.quarantine
               SELECT r.source_path, r.line_no, r.file_sha256, 'processing_error', f.message,
                      left(r.text, 200), $run_id, $now, $stage, r.article_id
               FROM _failed f JOIN main.articles_raw r USING (article_id)
               WHERE NOT EXISTS (SELECT 1 FROM main.quarantine q
                                 WHERE q.article_id = r.article_id AND q.stage = $stage
                                   AND q.message = f.message)""",
            {"stage": stage, "run_id": run_id, "now": now},
        ).fetchall()
        return inserted[0][0]
    finally:
        con.unregister("_failed")
