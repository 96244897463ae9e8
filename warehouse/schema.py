"""Applies the warehouse DDL and reads the column documentation back out of it."""

from __future__ import annotations

import re
from importlib import resources

import duckdb

SCHEMAS = ("main", "staging")
_TABLE_RE = re.compile(r"CREATE TABLE IF NOT EXISTS (\w+)")


def _sql(name: str) -> str:
    return resources.files("warehouse").joinpath("sql", name).read_text(encoding="utf-8")


def table_names() -> list[str]:
    """Contract tables, in DDL order."""
    return _TABLE_RE.findall(_sql("schema.sql"))


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every contract table in `main` and its twin in `staging`, then the user views.

    Idempotent: existing tables are kept (CREATE ... IF NOT EXISTS), views are replaced.
    """
    ddl = _sql("schema.sql")
    con.execute("CREATE SCHEMA IF NOT EXISTS staging")
    con.execute("SET schema = 'main'")
    con.execute(ddl)
    for table in table_names():
        # Staging twins carry no primary key: a failed batch may hold anything, and we want to see it.
        con.execute(f"CREATE TABLE IF NOT EXISTS staging.{table} AS SELECT * FROM main.{table} LIMIT 0")
        _add_missing_staging_columns(con, table)
    con.execute(_sql("views.sql"))


def _add_missing_staging_columns(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """A column added to `main.<table>` by a migration is appended to its staging twin too, so both keep
    the same column order (publishing copies rows with `INSERT ... SELECT *`)."""
    main_columns = con.execute(f"DESCRIBE main.{table}").fetchall()
    staged = {row[0] for row in con.execute(f"DESCRIBE staging.{table}").fetchall()}
    for name, column_type, *_ in main_columns:
        if name not in staged:
            con.execute(f'ALTER TABLE staging.{table} ADD COLUMN "{name}" {column_type}')


def column_docs(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str]]:
    """(table, column, type, comment) for every column of the published tables and views."""
    return con.execute(
        """
        SELECT table_name, column_name, data_type, coalesce(comment, '')
        FROM duckdb_columns() WHERE schema_name = 'main' AND database_name = current_database()
        ORDER BY table_name, column_index
        """
    ).fetchall()
