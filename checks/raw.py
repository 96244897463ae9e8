"""Blocking GX checks gating `raw_articles`: the batch of newly ingested articles and its accounting."""

from __future__ import annotations

import dagster as dg
import polars as pl

from checks.gx import SuiteOutcome, run_suite, skipped
from pipelines.resources import QualityGates

ARTICLES_CHECK = "raw_articles_valid"
ACCOUNTING_CHECK = "raw_inbox_accounting"

SPECS = [
    dg.AssetCheckSpec(
        ARTICLES_CHECK, asset="raw_articles", blocking=True,
        description="New articles: unique content-hash ids, non-empty text within length bounds, Indonesian.",
    ),
    dg.AssetCheckSpec(
        ACCOUNTING_CHECK, asset="raw_articles", blocking=True,
        description="Every input item has exactly one outcome, and the quarantine rate is below "
        "the threshold.",
    ),
]


def validate_articles(articles: pl.DataFrame, gates: QualityGates, min_text_chars: int,
                      max_article_bytes: int) -> SuiteOutcome:
    if articles.height == 0:
        return skipped(ARTICLES_CHECK, "no new articles in this run; nothing to validate")
    frame = articles.select("article_id", "text", "language", "byte_size")

    def build(gxe):
        return [
            gxe.ExpectColumnValuesToBeUnique(column="article_id"),
            gxe.ExpectColumnValuesToMatchRegex(column="article_id", regex=r"^[0-9a-f]{32}$"),
            gxe.ExpectColumnValuesToNotBeNull(column="text"),
            gxe.ExpectColumnValueLengthsToBeBetween(column="text", min_value=min_text_chars),
            gxe.ExpectColumnValuesToBeBetween(column="byte_size", min_value=1, max_value=max_article_bytes),
            # 'ms' only appears for Indonesian texts whose Malay score was a close call (ingest's rule)
            gxe.ExpectColumnValuesToBeInSet(column="language", value_set=["id", "ms"],
                                            mostly=gates.min_indonesian_share),
        ]

    return run_suite(ARTICLES_CHECK, frame, build)


def validate_accounting(outcomes: pl.DataFrame, gates: QualityGates) -> SuiteOutcome:
    if outcomes.height == 0:
        return skipped(ACCOUNTING_CHECK, "no new or changed input files; nothing to account for")
    frame = outcomes.select(
        "source_path",
        "file_sha256",
        pl.col("line_no").fill_null(0).alias("line_no"),
        "outcome",
        (pl.col("outcome") == "quarantined").cast(pl.Int8).alias("is_quarantined"),
    )

    def build(gxe):
        return [
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["source_path", "file_sha256", "line_no"]),
            gxe.ExpectColumnValuesToBeInSet(column="outcome",
                                            value_set=["ingested", "duplicate", "quarantined"]),
            gxe.ExpectColumnMeanToBeBetween(column="is_quarantined", min_value=0.0,
                                            max_value=gates.max_quarantine_share),
        ]

    return run_suite(ACCOUNTING_CHECK, frame, build)
