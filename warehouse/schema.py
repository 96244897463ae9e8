"""Applies the warehouse DDL and reads the column documentation back out of it."""

from __future__ import annotations

import re
from importlib import resources

import duckdb

SCHEMAS = ("main", "staging")
# Columns added to a contract table after it first shipped: (table, column, type). A warehouse created before
# gets them (in main and staging, at the end, where the DDL has them too) the next time it is opened.
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("sentences", "parsed", "BOOLEAN DEFAULT true"),
    ("annotations", "parse_scope", "VARCHAR DEFAULT 'all'"),
    ("annotations", "n_parsed", "INTEGER"),
)
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
    for table, column, type_ in ADDED_COLUMNS:
        for schema in SCHEMAS:
            con.execute(f"ALTER TABLE {schema}.{table} ADD COLUMN IF NOT EXISTS {column} {type_}")
    con.execute(_sql("views.sql"))


def column_docs(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str]]:
    """(table, column, type, comment) for every column of the published tables and views."""
    return con.execute(
        """
        SELECT table_name, column_name, data_type, coalesce(comment, '')
        FROM duckdb_columns() WHERE schema_name = 'main' AND database_name = current_database()
        ORDER BY table_name, column_index
        """
    ).fetchall()
