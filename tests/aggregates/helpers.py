"""Synthetic events (with their mentions and articles) in an in-memory warehouse."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from warehouse.schema import apply_schema

_FILL = {
    "VARCHAR": "x",
    "INTEGER": 0,
    "BIGINT": 0,
    "DOUBLE": 0.0,
    "BOOLEAN": False,
    "DATE": dt.date(2024, 1, 1),
}


def warehouse() -> duckdb.DuckDBPyConnection:
    """In-memory warehouse with the contract tables (main + staging) and the user views."""
    con = duckdb.connect()
    apply_schema(con)
    return con


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows by name, filling the NOT NULL columns they leave out with placeholders."""
    cols = con.execute(
        "SELECT column_name, data_type, is_nullable FROM duckdb_columns() "
        "WHERE schema_name = 'main' AND table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    for row in rows:
        full = {c: row.get(c, None if nullable else _FILL.get(ty, "x")) for c, ty, nullable in cols}
        if "TIMESTAMP" in {ty for c, ty, _ in cols if c not in row}:
            full |= {c: dt.datetime(2024, 1, 1) for c, ty, _ in cols if ty == "TIMESTAMP" and c not in row}
        names = ", ".join(full)
        marks = ", ".join("?" for _ in full)
        con.execute(f"INSERT INTO main.{table} ({names}) VALUES ({marks})", list(full.values()))


def day(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def add_event(
    con: duckdb.DuckDBPyConnection,
    event_id: str,
    src: str,
    tgt: str,
    quad: int,
    goldstein: float,
    date_min: str | None,
    date_max: str | None = None,
    *,
    precision: str | None = None,
    pair_id: str | None = None,
    counted: bool = True,
    articles: tuple[str, ...] = ("art1",),
    table: str = "events",
) -> None:
    """One event with one mention per article (mention ids '<event_id>/<article>')."""
    lo = day(date_min) if date_min else None
    hi = day(date_max) if date_max else lo
    prec = precision or ("day" if lo and lo == hi else "month")
    mids = [f"{event_id}/{a}" for a in articles]
    insert(
        con,
        table,
        [
            {
                "event_id": event_id,
                "cameo_code": "042",
                "cameo_root": "04",
                "goldstein": goldstein,
                "quad_class": quad,
                "source_iso3": src,
                "target_iso3": tgt,
                "pair_id": pair_id,
                "event_date": lo,
                "date_min": lo,
                "date_max": hi,
                "date_precision": prec,
                "modality": "asserted",
                "polarity": "positive",
                "num_mentions": len(mids),
                "num_articles": len(set(articles)),
                "num_sources": len(set(articles)),
                "mention_ids": mids,
                "counted_in_aggregates": counted,
                "dedup_method": "within-article",
                "run_id": "r",
            }
        ],
    )
    if table == "events":
        insert(
            con,
            "event_mentions",
            [
                {"article_id": a, "mention_id": m, "sentence_text": f"kalimat {m}", "pair_id": pair_id}
                for a, m in zip(articles, mids, strict=True)
            ],
        )
        for a in set(articles):
            if not con.execute("SELECT 1 FROM articles_clean WHERE article_id = ?", [a]).fetchall():
                insert(con, "articles_clean", [{"article_id": a, "publisher": f"pub-{a[-1]}"}])
                insert(con, "articles_raw", [{"article_id": a, "url": f"https://x/{a}"}])
