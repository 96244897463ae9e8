"""Thin adapter from Great Expectations 1.x suites to Dagster asset-check results and `dq_results` rows.

GX validates pandas frames (its SQL path is broken on DuckDB 2.0, see shared design notes), so every
suite runs on a polars frame converted with `to_pandas()`. GX is imported lazily because the import
costs ~5 s; the in-process executor pays it once per run.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from itertools import count
from typing import Any

import dagster as dg
import polars as pl

SAMPLE_SIZE = 5
# Offending items kept per failed expectation in the check metadata and dq_results.items.
MAX_ITEMS = 50
_batch_ids = count()


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation: str
    column: str | None
    passed: bool
    observed: Any
    unexpected_count: int | None
    sample: list[str]
    # For a failed expectation about a batch or a source as a whole: the input items behind it,
    # each {source_path, line_no, article_id, reason} (GX's sample only shows the failing values).
    items: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class SuiteOutcome:
    check_name: str
    passed: bool
    batch_rows: int
    expectations: list[ExpectationOutcome] = field(default_factory=list)
    note: str | None = None
    # Set when the user accepted this failed check on purpose (see assets.gating); the batch publishes.
    override: str | None = None
    # False for an advisory check (AssetCheckSpec blocking=False): reported with WARN severity, never gates.
    blocking: bool = True

    @property
    def blocks(self) -> bool:
        return not self.passed and self.override is None and self.blocking


def with_items(outcome: SuiteOutcome, items_by_column: Mapping[str, list[dict[str, Any]]]) -> SuiteOutcome:
    """Attach the offending items to the failed expectations on the given columns."""
    expectations = [
        replace(e, items=list(items_by_column.get(e.column or "", []))[:MAX_ITEMS]) if not e.passed else e
        for e in outcome.expectations
    ]
    return replace(outcome, expectations=expectations)


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


def _forget(source: Any, asset_name: str) -> None:
    """Drop a validated frame from GX. The data source's execution engine caches the data of every batch it
    loaded (all of them, for the life of the process), so a stage validating chunk after chunk held the pandas
    frame of every chunk: the memory grew with the batch it had been split up to bound."""
    manager = source.get_execution_engine().batch_manager
    manager.reset_batch_cache()
    manager.batch_data_cache.clear()
    source.delete_asset(asset_name)


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
    try:
        result = batch.validate(suite)
    finally:
        _forget(source, asset.name)
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


def merge_chunks(outcomes: Sequence[SuiteOutcome]) -> SuiteOutcome:
    """One suite run over each of the disjoint chunks of a batch, as one outcome over the whole batch.

    Only for expectations about single rows (in a set, between bounds, not null): a row fails in its chunk
    exactly as it would in the whole batch, so the verdict and the unexpected counts are those of the
    batch. Expectations about a column as a whole (a mean, a share with `mostly`, uniqueness) differ by
    chunk: run those once, over the column of the whole batch."""
    if not outcomes:
        raise ValueError("no chunk outcomes to merge")
    merged = []
    for parts in zip(*(o.expectations for o in outcomes), strict=True):
        failing = [e for e in parts if not e.passed]
        counts = [e.unexpected_count for e in parts if e.unexpected_count is not None]
        merged.append(ExpectationOutcome(
            expectation=parts[0].expectation,
            column=parts[0].column,
            passed=not failing,
            observed=(failing or parts)[0].observed,
            unexpected_count=sum(counts) if counts else None,
            sample=[v for e in failing for v in e.sample][:SAMPLE_SIZE],
            items=[i for e in failing for i in e.items][:MAX_ITEMS],
        ))
    return SuiteOutcome(outcomes[0].check_name, all(o.passed for o in outcomes),
                        sum(o.batch_rows for o in outcomes), merged)


def skipped(check_name: str, note: str, blocking: bool = True) -> SuiteOutcome:
    """A check with nothing to validate (no new data) passes and says why."""
    return SuiteOutcome(check_name, True, 0, [], note, blocking=blocking)


def _items_table(items: Sequence[dict[str, Any]]) -> str:
    rows = ["| file | line | article | reason |", "|---|---|---|---|"]
    for item in items:
        cells = (item.get("source_path"), item.get("line_no"), item.get("article_id"), item.get("reason"))
        rows.append("| " + " | ".join("" if c is None else str(c).replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows)


def to_check_result(outcome: SuiteOutcome, asset_key: str | None = None) -> dg.AssetCheckResult:
    """The Dagster result of a suite; `asset_key` is needed when the asset op produces several assets.

    A failed check the user accepted on purpose is reported as failed with WARN severity (it does not
    block) and says so in its metadata.
    """
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
    items = [item for e in outcome.expectations if not e.passed for item in e.items]
    if items:
        metadata["offending_items"] = dg.MetadataValue.md(_items_table(items))
    if outcome.note:
        metadata["note"] = outcome.note
    if outcome.override:
        metadata["override"] = outcome.override
    if not outcome.blocking:
        metadata["advisory"] = True
    return dg.AssetCheckResult(
        asset_key=asset_key,
        check_name=outcome.check_name,
        passed=outcome.passed,
        severity=dg.AssetCheckSeverity.ERROR if outcome.blocking and not outcome.override
        else dg.AssetCheckSeverity.WARN,
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
            "items": json.dumps(e.items, default=str) if e.items else None,
            "override": o.override if not e.passed else None,
        }
        for o in outcomes
        for e in o.expectations
    ]
    schema = {
        "run_id": pl.String, "asset": pl.String, "check_name": pl.String, "expectation": pl.String,
        "column_name": pl.String, "passed": pl.Boolean, "observed": pl.String, "unexpected_count": pl.Int64,
        "sample": pl.String, "batch_rows": pl.Int64, "evaluated_at": pl.Datetime("us"),
        "items": pl.String, "override": pl.String,
    }
    return pl.DataFrame(rows, schema=schema)


def failure_summary(outcomes: Sequence[SuiteOutcome]) -> str:
    parts = []
    for o in outcomes:
        if not o.blocks:
            continue
        for e in o.expectations:
            if not e.passed:
                where = ", ".join(
                    f"{i.get('source_path')}{'' if i.get('line_no') is None else ':' + str(i['line_no'])}"
                    for i in e.items[:5]
                )
                more = f" (e.g. {where})" if where else ""
                parts.append(f"{o.check_name}: {e.expectation}({e.column or ''}) observed={e.observed}{more}")
    return "; ".join(parts)
