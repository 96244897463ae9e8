"""Write-audit-publish: stages write `staging.<table>`, checks validate it, and only then is it published.

After a publish the staging tables are emptied, so `staging.*` holds the last batch that failed its checks.

Publishing moves a validated batch from `staging` into `main` inside one transaction, so a reader of the
working database never sees half a batch, and the served snapshot is only replaced after the commit.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import polars as pl


def write_staging(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Replace the contents of `staging.<table>` with `frame` (columns matched by name)."""
    con.execute(f"DELETE FROM staging.{table}")
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


def read_staging(con: duckdb.DuckDBPyConnection, table: str) -> pl.DataFrame:
    return con.sql(f"SELECT * FROM staging.{table}").pl()


def publish(
    con: duckdb.DuckDBPyConnection,
    appends: Sequence[str] = (),
    replace: Sequence[tuple[str, str, str]] = (),
    overwrite: Sequence[str] = (),
) -> dict[str, int]:
    """Move validated staging batches into `main` atomically.

    appends: tables whose staging rows are added as they are.
    replace: (table, key, key_table) triples: main rows of `table` whose `key` appears in
      `staging.<key_table>` are deleted, then the staging rows of `table` are added. Re-processing an
      article thereby replaces its old rows, including rows the new result no longer has.
    overwrite: tables whose main contents are replaced whole by the staging rows.
    Returns the number of rows published per table.
    """
    published: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        for table, key, key_table in replace:
            con.execute(f"DELETE FROM main.{table} WHERE {key} IN (SELECT {key} FROM staging.{key_table})")
        for table in overwrite:
            con.execute(f"DELETE FROM main.{table}")
        for table in [*appends, *(t for t, _, _ in replace), *overwrite]:
            n = con.execute(f"SELECT count(*) FROM staging.{table}").fetchall()[0][0]
            con.execute(f"INSERT INTO main.{table} SELECT * FROM staging.{table}")
            published[table] = n
        for table in published:
            # staging keeps only what was rejected: a published batch would double the file for nothing
            con.execute(f"DELETE FROM staging.{table}")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return published


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
