"""GX checks gating `raw_articles`: the new articles, the accounting of every input item, and the
systemic failures that make a whole delivery suspect.

Bad items are quarantined one by one by ingest and never block the batch. What blocks is what no
single item shows: a delivery (a folder of `.txt` files, or one `.jsonl` file) that is mostly HTML
pages, as when a scraper starts saving the page instead of the article, or a batch mostly made of
copies of its own items. Both only count from `QualityGates.min_systemic_items` items on, so a handful
of files never looks systemic. The quarantine rate itself is advisory (a WARN check).
"""

from __future__ import annotations

from typing import Any

import dagster as dg
import polars as pl

from checks.gx import SuiteOutcome, combine, run_suite, skipped, with_items
from peristiwa.ingest.frames import delivery
from pipelines.resources import QualityGates

ARTICLES_CHECK = "raw_articles_valid"
ACCOUNTING_CHECK = "raw_inbox_accounting"
QUARANTINE_RATE_CHECK = "raw_quarantine_rate"
CHECK_NAMES = (ARTICLES_CHECK, ACCOUNTING_CHECK, QUARANTINE_RATE_CHECK)

SPECS = [
    dg.AssetCheckSpec(
        ARTICLES_CHECK, asset="raw_articles", blocking=True,
        description="New articles: unique content-hash ids, non-empty text within length bounds, Indonesian.",
    ),
    dg.AssetCheckSpec(
        ACCOUNTING_CHECK, asset="raw_articles", blocking=True,
        description="Every input item has exactly one outcome, and no systemic failure: no delivery (a "
        "folder of .txt files or one .jsonl file) of at least gates.min_systemic_items items that is mostly "
        "HTML pages, and no batch mostly made of copies of its own items. Failing metadata lists the items.",
    ),
    dg.AssetCheckSpec(
        QUARANTINE_RATE_CHECK, asset="raw_articles", blocking=False,
        description="Advisory: share of quarantined items per delivery of at least gates.min_systemic_items "
        "items. Bad items are quarantined one by one; the rest of the batch flows on.",
    ),
]


def _items(frame: pl.DataFrame) -> list[dict[str, Any]]:
    return frame.select("source_path", "line_no", "article_id", "reason").to_dicts()


def _share_if_systemic(numerator: str, n: str, minimum: int) -> pl.Expr:
    # Null below the minimum size: GX skips nulls, so small deliveries are never judged.
    return pl.when(pl.col(n) >= minimum).then(pl.col(numerator) / pl.col(n)).otherwise(None)


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


def _delivery_stats(outcomes: pl.DataFrame) -> pl.DataFrame:
    return (
        outcomes.with_columns(delivery(pl.col("source_path")).alias("delivery"))
        .group_by("delivery", maintain_order=True)
        .agg(
            pl.len().alias("n_items"),
            (pl.col("reason") == "html").sum().alias("n_html"),
            (pl.col("outcome") == "quarantined").sum().alias("n_quarantined"),
        )
    )


def _self_duplicates(outcomes: pl.DataFrame) -> pl.DataFrame:
    """Duplicate items whose original is another item of this same batch (not an older article)."""
    ingested = outcomes.filter(pl.col("outcome") == "ingested").select(
        "article_id", pl.format("copy of {}", pl.col("source_path")).alias("copy_of")
    )
    dupes = outcomes.filter(pl.col("outcome") == "duplicate").drop("reason")
    return dupes.join(ingested, on="article_id", how="inner").rename({"copy_of": "reason"})


def validate_accounting(outcomes: pl.DataFrame, gates: QualityGates) -> SuiteOutcome:
    if outcomes.height == 0:
        return skipped(ACCOUNTING_CHECK, "no new or changed input files; nothing to account for")
    minimum = gates.min_systemic_items
    items = outcomes.select(
        "source_path",
        "file_sha256",
        pl.col("line_no").fill_null(0).alias("line_no"),
        "outcome",
        ((pl.col("outcome") != "quarantined") | pl.col("reason").is_not_null())
        .alias("quarantine_has_reason"),
    )
    integrity = run_suite(ACCOUNTING_CHECK, items, lambda gxe: [
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["source_path", "file_sha256", "line_no"]),
        gxe.ExpectColumnValuesToBeInSet(column="outcome", value_set=["ingested", "duplicate", "quarantined"]),
        gxe.ExpectColumnValuesToBeInSet(column="quarantine_has_reason", value_set=[True]),
    ])

    deliveries = _delivery_stats(outcomes).with_columns(
        _share_if_systemic("n_html", "n_items", minimum).alias("html_share")
    )
    html = run_suite(ACCOUNTING_CHECK, deliveries.select("delivery", "n_items", "html_share"), lambda gxe: [
        gxe.ExpectColumnValuesToBeBetween(column="html_share", min_value=0.0, max_value=gates.max_html_share),
    ])
    copies = _self_duplicates(outcomes)
    batch = pl.DataFrame({"n_items": [outcomes.height], "n_copies": [copies.height]}).with_columns(
        _share_if_systemic("n_copies", "n_items", minimum).alias("self_duplicate_share")
    )
    duplicates = run_suite(ACCOUNTING_CHECK, batch, lambda gxe: [
        gxe.ExpectColumnValuesToBeBetween(column="self_duplicate_share", min_value=0.0,
                                          max_value=gates.max_self_duplicate_share),
    ])

    bad_deliveries = deliveries.filter(pl.col("html_share") > gates.max_html_share)["delivery"]
    html_items = outcomes.filter(
        (pl.col("reason") == "html") & delivery(pl.col("source_path")).is_in(bad_deliveries.implode())
    )
    return with_items(
        combine(ACCOUNTING_CHECK, [integrity, html, duplicates]),
        {"html_share": _items(html_items), "self_duplicate_share": _items(copies)},
    )


def validate_quarantine_rate(outcomes: pl.DataFrame, gates: QualityGates) -> SuiteOutcome:
    if outcomes.height == 0:
        return skipped(QUARANTINE_RATE_CHECK, "no new or changed input files", blocking=False)
    deliveries = _delivery_stats(outcomes).with_columns(
        _share_if_systemic("n_quarantined", "n_items", gates.min_systemic_items).alias("quarantine_share")
    )
    outcome = run_suite(QUARANTINE_RATE_CHECK, deliveries.select("delivery", "n_items", "quarantine_share"),
                        lambda gxe: [
        gxe.ExpectColumnValuesToBeBetween(column="quarantine_share", min_value=0.0,
                                          max_value=gates.max_quarantine_share),
    ])
    bad = deliveries.filter(pl.col("quarantine_share") > gates.max_quarantine_share)["delivery"]
    quarantined = outcomes.filter(
        (pl.col("outcome") == "quarantined") & delivery(pl.col("source_path")).is_in(bad.implode())
    )
    outcome = with_items(outcome, {"quarantine_share": _items(quarantined)})
    return SuiteOutcome(outcome.check_name, outcome.passed, outcome.batch_rows, outcome.expectations,
                        outcome.note, blocking=False)
