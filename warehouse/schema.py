"""Applies the warehouse DDL and reads the column documentation back out of it."""

from __future__ import annotations

import re
from functools import cache
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


# What applying the DDL decides, read back from the catalog: tables and their columns (order, type, default,
# comment) in both schemas, table comments, views and macros with their text and comments.
_CATALOG_SQL = """
SELECT 'column', schema_name, table_name, column_name, column_index::VARCHAR, data_type,
       coalesce(column_default, ''), coalesce(comment, '')
FROM duckdb_columns() WHERE database_name = current_database() AND schema_name IN ('main', 'staging')
UNION ALL
SELECT 'table', schema_name, table_name, '', '', '', '', coalesce(comment, '')
FROM duckdb_tables() WHERE database_name = current_database() AND schema_name IN ('main', 'staging')
  AND NOT temporary
UNION ALL
SELECT 'view', schema_name, view_name, '', '', sql, '', coalesce(comment, '')
FROM duckdb_views() WHERE database_name = current_database() AND schema_name IN ('main', 'staging')
  AND NOT internal AND NOT temporary
UNION ALL
SELECT 'macro', schema_name, function_name, '', '', coalesce(macro_definition, ''),
       coalesce(parameters::VARCHAR, ''), coalesce(comment, '')
FROM duckdb_functions() WHERE database_name = current_database() AND schema_name IN ('main', 'staging')
  AND function_type IN ('macro', 'table_macro') AND NOT internal
ORDER BY ALL
"""


def _catalog(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(_CATALOG_SQL).fetchall()


@cache
def _expected_catalog() -> tuple[tuple, ...]:
    """The catalog the DDL gives a new warehouse (built once per process, in memory)."""
    with duckdb.connect() as con:
        _apply(con)
        return tuple(_catalog(con))


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every contract table in `main` and its twin in `staging`, then the user views.

    Idempotent: existing tables are kept (CREATE ... IF NOT EXISTS), views are replaced. A warehouse whose
    catalog already is what the DDL gives is left untouched: re-applying rewrites every comment and view,
    which changes the file and would cost a new served snapshot on every run.
    """
    con.execute("SET schema = 'main'")
    if tuple(_catalog(con)) == _expected_catalog():
        return
    _apply(con)


def _apply(con: duckdb.DuckDBPyConnection) -> None:
    ddl = _sql("schema.sql")
    con.execute("CREATE SCHEMA IF NOT EXISTS staging")
    con.execute("SET schema = 'main'")
    # an older warehouse gets the columns added since before the DDL runs: its COMMENT ON COLUMN statements
    # name them, and fail on a table that lacks them
    _add_columns_with_defaults(con, "main")
    _add_new_columns(con, ddl)
    con.execute(ddl)
    for table in table_names():
        # Staging twins carry no primary key: a failed batch may hold anything, and we want to see it.
        con.execute(f"CREATE TABLE IF NOT EXISTS staging.{table} AS SELECT * FROM main.{table} LIMIT 0")
    _add_columns_with_defaults(con, "staging")
    for table in table_names():
        _add_new_columns_to_staging(con, table)
    con.execute(_sql("views.sql"))


def _add_columns_with_defaults(con: duckdb.DuckDBPyConnection, schema: str) -> None:
    """The ADDED_COLUMNS whose old rows need a value other than NULL, added with their DEFAULT before the
    generic pass (`_add_new_columns`) adds the rest. A table the warehouse does not have yet is left to the
    DDL, which creates it whole."""
    for table, column, type_ in ADDED_COLUMNS:
        if _columns(con, schema, table):
            con.execute(f"ALTER TABLE {schema}.{table} ADD COLUMN IF NOT EXISTS {column} {type_}")


def _columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[tuple[str, str]]:
    return con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = ? AND table_name = ? "
        "AND database_name = current_database() ORDER BY column_index",
        [schema, table],
    ).fetchall()


def _add_new_columns(con: duckdb.DuckDBPyConnection, ddl: str) -> None:
    """Additive migration: a warehouse created by an older release gets the columns the DDL has added to a
    CREATE TABLE since (at the end of the table, in DDL order, NULL for old rows); the staging twins follow in
    `_add_new_columns_to_staging`."""
    con.execute("CREATE SCHEMA IF NOT EXISTS _ddl_probe")
    try:
        con.execute("SET schema = '_ddl_probe'")
        con.execute(re.sub(r"(?m)^COMMENT ON .*$", "", ddl))
        for table in table_names():
            wanted = _columns(con, "_ddl_probe", table)
            have = {name for name, _ in _columns(con, "main", table)}
            for name, dtype in wanted:
                if have and name not in have:
                    con.execute(f"ALTER TABLE main.{table} ADD COLUMN {name} {dtype}")
    finally:
        con.execute("SET schema = 'main'")
        con.execute("DROP SCHEMA _ddl_probe CASCADE")


def _add_new_columns_to_staging(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Columns added to a contract table since the warehouse was created (ALTER TABLE ... ADD COLUMN in
    schema.sql) go onto its staging twin too, in the same order: publishing copies columns by position."""
    columns = """SELECT column_name, data_type, column_index FROM duckdb_columns()
                 WHERE database_name = current_database() AND schema_name = ? AND table_name = ?"""
    have = {name for name, _, _ in con.execute(columns, ["staging", table]).fetchall()}
    for name, data_type, _ in sorted(con.execute(columns, ["main", table]).fetchall(), key=lambda c: c[2]):
        if name not in have:
            con.execute(f"ALTER TABLE staging.{table} ADD COLUMN {name} {data_type}")


def column_docs(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, str]]:
    """(table, column, type, comment) for every column of the published tables and views."""
    return con.execute(
        """
        SELECT table_name, column_name, data_type, coalesce(comment, '')
        FROM duckdb_columns() WHERE schema_name = 'main' AND database_name = current_database()
        ORDER BY table_name, column_index
        """
    ).fetchall()
