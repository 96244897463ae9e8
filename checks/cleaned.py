"""Blocking GX check gating `articles_clean`: invariants of the cleaned batch, and systemic failures of
a source judged against that source's own recent history.

Per source (the publisher, else the delivery the article came in) with at least
`QualityGates.min_systemic_items` articles in the batch:
* boilerplate residue: the share of articles still matching a `residue` pattern may exceed the
  source's recent share by at most `max_residue_share` (a leftover "Baca juga:" in one article of 20
  is 5%, not systemic; 50 articles all keeping their boilerplate is);
* date extraction: the share of dated articles may fall below the source's recent share by at most
  `max_date_share_drop`, judged only when the history holds `min_systemic_items` articles too. An
  undated source is normal input; a source that suddenly stops yielding dates is a parser breaking.
A failing check lists the offending articles (file, line, reason) in its metadata and dq_results.items.
"""

from __future__ import annotations

from typing import Any

import dagster as dg
import polars as pl

from checks.gx import SuiteOutcome, combine, run_suite, skipped, with_items
from pipelines.resources import QualityGates

CLEAN_CHECK = "articles_clean_valid"
CHECK_NAMES = (CLEAN_CHECK,)

SPECS = [
    dg.AssetCheckSpec(
        CLEAN_CHECK, asset="articles_clean", blocking=True,
        description="Cleaned batch: unique ids, text length bounds, known date bases; no source whose "
        "boilerplate-residue rate rises, or whose date-extraction rate collapses, against its own recent "
        "history (judged from gates.min_systemic_items articles per source). Failing metadata lists the "
        "articles.",
    ),
]

DATE_BASES = ["metadata", "text_timestamp", "text_weekday_date", "file_mtime", "none"]


def source_stats(batch: pl.DataFrame, history: pl.DataFrame, minimum: int) -> pl.DataFrame:
    """One row per source: batch and history sizes and shares, and the two systemic measures.

    batch: source, dated, has_residue (one row per cleaned article of this run);
    history: source, dated, has_residue (the source's recent published articles).
    A measure is null where a side is too small to judge, and GX skips nulls.
    """
    def shares(frame: pl.DataFrame, prefix: str) -> pl.DataFrame:
        frame = frame.with_columns(pl.col("source").cast(pl.String))
        return frame.group_by("source").agg(
            pl.len().alias(f"{prefix}_n"),
            pl.col("dated").mean().alias(f"{prefix}_date_share"),
            pl.col("has_residue").mean().alias(f"{prefix}_residue_share"),
        )

    stats = shares(batch, "batch").join(shares(history, "history"), on="source", how="left").with_columns(
        pl.col("history_n").fill_null(0)
    )
    judged = pl.col("batch_n") >= minimum
    return stats.with_columns(
        pl.when(judged).then(pl.col("batch_residue_share") - pl.col("history_residue_share").fill_null(0.0))
        .otherwise(None).alias("residue_share_rise"),
        pl.when(judged & (pl.col("history_n") >= minimum))
        .then(pl.col("history_date_share") - pl.col("batch_date_share"))
        .otherwise(None).alias("date_share_drop"),
    ).sort("source")


def _items(frame: pl.DataFrame, reason: pl.Expr) -> list[dict[str, Any]]:
    return frame.select("source_path", "line_no", "article_id", reason.alias("reason")).to_dicts()


def validate_clean(batch: pl.DataFrame, history: pl.DataFrame, gates: QualityGates) -> SuiteOutcome:
    """batch: the cleaned articles of this run that were not set aside, with columns article_id, text,
    n_chars, published_date_basis, source, dated, residue (list of pattern names), has_residue,
    source_path, line_no; history: source, dated, has_residue."""
    if batch.height == 0:
        return skipped(CLEAN_CHECK, "no new or re-cleaned articles in this run; nothing to validate")
    articles = batch.select("article_id", "text", "n_chars", "published_date_basis")
    invariants = run_suite(CLEAN_CHECK, articles, lambda gxe: [
        gxe.ExpectColumnValuesToBeUnique(column="article_id"),
        gxe.ExpectColumnValuesToNotBeNull(column="text"),
        gxe.ExpectColumnValuesToBeBetween(column="n_chars", min_value=gates.min_clean_chars,
                                          max_value=gates.max_clean_chars),
        gxe.ExpectColumnValuesToBeInSet(column="published_date_basis", value_set=DATE_BASES),
    ])
    stats = source_stats(batch, history, gates.min_systemic_items)
    systemic = run_suite(CLEAN_CHECK, stats.select("source", "batch_n", "history_n", "residue_share_rise",
                                                   "date_share_drop"), lambda gxe: [
        gxe.ExpectColumnValuesToBeBetween(column="residue_share_rise", max_value=gates.max_residue_share),
        gxe.ExpectColumnValuesToBeBetween(column="date_share_drop", max_value=gates.max_date_share_drop),
    ])

    residue_sources = stats.filter(pl.col("residue_share_rise") > gates.max_residue_share)["source"]
    date_sources = stats.filter(pl.col("date_share_drop") > gates.max_date_share_drop)["source"]
    in_sources = pl.col("source").is_in
    residue_items = batch.filter(in_sources(residue_sources.implode()) & pl.col("has_residue"))
    undated_items = batch.filter(in_sources(date_sources.implode()) & ~pl.col("dated")).join(
        stats.select("source", "history_date_share"), on="source", how="left"
    )
    return with_items(combine(CLEAN_CHECK, [invariants, systemic]), {
        "residue_share_rise": _items(
            residue_items,
            pl.format("boilerplate left: {}", pl.col("residue").cast(pl.List(pl.String)).list.join(", ")),
        ),
        "date_share_drop": _items(
            undated_items,
            pl.format("no publication date found (source {} usually dated: {})", pl.col("source"),
                      (pl.col("history_date_share") * 100).round(0).cast(pl.Int64).cast(pl.String) + "%"),
        ),
    })
