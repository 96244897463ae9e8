"""Polars frames of an `IngestResult`, with fixed schemas so an empty scan still has typed columns."""

from __future__ import annotations

from dataclasses import fields

import polars as pl

from peristiwa.ingest.records import IngestResult, ItemOutcome, RawArticle

ARTICLES_SCHEMA: dict[str, pl.DataType] = {
    "article_id": pl.String(),
    "source_path": pl.String(),
    "line_no": pl.Int64(),
    "file_sha256": pl.String(),
    "source_id": pl.String(),
    "url": pl.String(),
    "source": pl.String(),
    "published": pl.String(),
    "title": pl.String(),
    "section": pl.String(),
    "text": pl.String(),
    "metadata_json": pl.String(),
    "encoding": pl.String(),
    "encoding_converted": pl.Boolean(),
    "byte_size": pl.Int64(),
    "language": pl.String(),
    "language_score": pl.Float64(),
    "file_mtime": pl.Datetime("us"),
}

OUTCOMES_SCHEMA: dict[str, pl.DataType] = {
    "source_path": pl.String(),
    "line_no": pl.Int64(),
    "file_sha256": pl.String(),
    "outcome": pl.String(),
    "article_id": pl.String(),
    "reason": pl.String(),
    "message": pl.String(),
    "excerpt": pl.String(),
}

# The schemas must track the dataclasses; fail at import rather than at the first scan.
if list(ARTICLES_SCHEMA) != [f.name for f in fields(RawArticle)] or list(OUTCOMES_SCHEMA) != [
    f.name for f in fields(ItemOutcome)
]:
    raise RuntimeError("peristiwa.ingest.frames schemas are out of step with the record dataclasses")


def _frame(rows: list, schema: dict[str, pl.DataType]) -> pl.DataFrame:
    # Column-wise construction: faster than row dicts for 20k+ rows and keeps the column order.
    columns = {name: [getattr(row, name) for row in rows] for name in schema}
    return pl.DataFrame(columns, schema=schema)


def articles_frame(result: IngestResult) -> pl.DataFrame:
    """One row per `RawArticle`, all fields as columns."""
    return _frame(result.articles, ARTICLES_SCHEMA)


def outcomes_frame(result: IngestResult) -> pl.DataFrame:
    """One row per `ItemOutcome`."""
    return _frame(result.outcomes, OUTCOMES_SCHEMA)


def delivery(path: pl.Expr) -> pl.Expr:
    """What one scraper run delivers, from an item's `source_path`: a .jsonl/.ndjson file as a whole,
    or the folder holding .txt files ("." for the inbox root). Systemic checks judge deliveries."""
    folder = path.str.replace(r"/[^/]*$", "")
    is_jsonl = path.str.to_lowercase().str.contains(r"\.(jsonl|ndjson)$")
    return pl.when(is_jsonl).then(path).when(path.str.contains("/")).then(folder).otherwise(pl.lit("."))
