"""Thin adapter from Great Expectations 1.x suites to Dagster asset-check results and `dq_results` rows.

GX validates pandas frames (its SQL path is broken on DuckDB 2.0, see shared design notes), so every
suite runs on a polars frame converted with `to_pandas()`. GX is imported lazily because the import
costs ~5 s; the in-process executor pays it once per run.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from itertools import count
from typing import Any

import dagster as dg
import polars as pl

SAMPLE_SIZE = 5
_batch_ids = count()


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation: str
    column: str | None
    passed: bool
    observed: Any
    unexpected_count: int | None
    sample: list[str]


@dataclass(frozen=True)
class SuiteOutcome:
    check_name: str
    passed: bool
    batch_rows: int
    expectations: list[ExpectationOutcome] = field(default_factory=list)
    note: str | None = None


@lru_cache(maxsize=1)
def _context() -> Any:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False, "metric_calculations": False}
    context.data_sources.add_pandas("frames")
    return context


def expectations() -> Any:
    """The `great_expectations.expectations` module (imported on first use)."""
    _context()
    import great_expectations as gx

    return gx.expectations


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except TypeError:
        if hasattr(value, "item"):
            return value.item()
        return str(value)


def _excerpt(value: str, regex: str | None, width: int = 100) -> str:
    """The part of a failing value worth showing: around the regex match when there is one."""
    match = re.search(regex, value) if regex else None
    if match is None:
        return value[: 2 * width]
    start, end = max(0, match.start() - width), min(len(value), match.end() + width)
    return ("…" if start else "") + value[start:end] + ("…" if end < len(value) else "")


def run_suite(check_name: str, frame: pl.DataFrame, build: Callable[[Any], Sequence[Any]]) -> SuiteOutcome:
    """Validate `frame` against the expectations `build(gx.expectations)` returns."""
    import great_expectations as gx

    context = _context()
    source = context.data_sources.get("frames")
    asset = source.add_dataframe_asset(name=f"{check_name}_{next(_batch_ids)}")
    batch = asset.add_batch_definition_whole_dataframe("whole").get_batch(
        batch_parameters={"dataframe": frame.to_pandas()}
    )
    suite = gx.ExpectationSuite(name=check_name, expectations=list(build(expectations())))
    result = batch.validate(suite)
    outcomes = []
    for r in result.results:
        kwargs = r.expectation_config.kwargs
        column = kwargs.get("column") or ",".join(kwargs.get("column_list") or []) or None
        details = r.result or {}
        values = [] if r.success else details.get("partial_unexpected_list") or []
        sample = [_excerpt(str(v), kwargs.get("regex")) for v in values]
        outcomes.append(
            ExpectationOutcome(
                expectation=r.expectation_config.type,
                column=column,
                passed=bool(r.success),
                observed=_jsonable(details.get("observed_value")),
                unexpected_count=details.get("unexpected_count"),
                sample=sample[:SAMPLE_SIZE],
            )
        )
    return SuiteOutcome(check_name, bool(result.success), frame.height, outcomes)


def combine(check_name: str, parts: Sequence[SuiteOutcome]) -> SuiteOutcome:
    """One check made of suites over different frames (e.g. rows, and one row per article)."""
    return SuiteOutcome(
        check_name,
        all(p.passed for p in parts),
        max((p.batch_rows for p in parts), default=0),
        [e for p in parts for e in p.expectations],
    )


def skipped(check_name: str, note: str) -> SuiteOutcome:
    """A check with nothing to validate (no new data) passes and says why."""
    return SuiteOutcome(check_name, True, 0, [], note)


def to_check_result(outcome: SuiteOutcome, asset_key: str | None = None) -> dg.AssetCheckResult:
    """The Dagster result of a suite; `asset_key` is needed when the asset op produces several assets."""
    failed = [
        {"expectation": e.expectation, "column": e.column, "observed": e.observed,
         "unexpected_count": e.unexpected_count, "sample": e.sample}
        for e in outcome.expectations if not e.passed
    ]
    metadata: dict[str, Any] = {
        "batch_rows": outcome.batch_rows,
        "evaluated": len(outcome.expectations),
        "failed": dg.MetadataValue.json(failed),
        "observed": dg.MetadataValue.json(
            {f"{e.expectation}({e.column or ''})": e.observed for e in outcome.expectations}
        ),
    }
    if outcome.note:
        metadata["note"] = outcome.note
    return dg.AssetCheckResult(
        asset_key=asset_key,
        check_name=outcome.check_name,
        passed=outcome.passed,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata=metadata,
    )


def dq_rows(outcomes: Sequence[SuiteOutcome], run_id: str, asset: str) -> pl.DataFrame:
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = [
        {
            "run_id": run_id,
            "asset": asset,
            "check_name": o.check_name,
            "expectation": e.expectation,
            "column_name": e.column,
            "passed": e.passed,
            "observed": None if e.observed is None else json.dumps(e.observed),
            "unexpected_count": e.unexpected_count,
            "sample": json.dumps(e.sample) if e.sample else None,
            "batch_rows": o.batch_rows,
            "evaluated_at": now,
        }
        for o in outcomes
        for e in o.expectations
    ]
    schema = {
        "run_id": pl.String, "asset": pl.String, "check_name": pl.String, "expectation": pl.String,
        "column_name": pl.String, "passed": pl.Boolean, "observed": pl.String, "unexpected_count": pl.Int64,
        "sample": pl.String, "batch_rows": pl.Int64, "evaluated_at": pl.Datetime("us"),
    }
    return pl.DataFrame(rows, schema=schema)


def failure_summary(outcomes: Sequence[SuiteOutcome]) -> str:
    parts = []
    for o in outcomes:
        for e in o.expectations:
            if not e.passed:
                parts.append(f"{o.check_name}: {e.expectation}({e.column or ''}) observed={e.observed}")
    return "; ".join(parts)
