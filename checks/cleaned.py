"""Blocking GX checks gating `articles_clean`: the batch of newly cleaned articles."""

from __future__ import annotations

import dagster as dg
import polars as pl

from checks.gx import SuiteOutcome, run_suite, skipped
from pipelines.resources import QualityGates

CLEAN_CHECK = "articles_clean_valid"

SPECS = [
    dg.AssetCheckSpec(
        CLEAN_CHECK, asset="articles_clean", blocking=True,
        description="Cleaned batch: unique ids, text length bounds, boilerplate residue rate, "
        "date-parse rate.",
    ),
]

DATE_BASES = ["metadata", "text_timestamp", "text_weekday_date", "none"]


def validate_clean(clean: pl.DataFrame, residue: dict[str, str], gates: QualityGates) -> SuiteOutcome:
    if clean.height == 0:
        return skipped(CLEAN_CHECK, "no new or re-cleaned articles in this run; nothing to validate")
    frame = clean.select("article_id", "text", "n_chars", "published_date", "published_date_basis")
    max_residue = 1.0 - gates.max_residue_share

    def build(gxe):
        suite = [
            gxe.ExpectColumnValuesToBeUnique(column="article_id"),
            gxe.ExpectColumnValuesToNotBeNull(column="text"),
            gxe.ExpectColumnValuesToBeBetween(column="n_chars", min_value=gates.min_clean_chars,
                                              max_value=gates.max_clean_chars),
            gxe.ExpectColumnValuesToNotBeNull(column="published_date", mostly=gates.min_published_date_share),
            gxe.ExpectColumnValuesToBeInSet(column="published_date_basis", value_set=DATE_BASES),
        ]
        suite += [
            gxe.ExpectColumnValuesToNotMatchRegex(column="text", regex=pattern, mostly=max_residue,
                                                  meta={"residue": name})
            for name, pattern in sorted(residue.items())
        ]
        return suite

    return run_suite(CLEAN_CHECK, frame, build)
