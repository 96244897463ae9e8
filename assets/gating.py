"""Write-audit-publish glue shared by every stage asset: record the checks, publish only what passed.

A blocking check can be accepted on purpose for one run (`accept_failed_checks` in the op config, or
`peristiwa run --accept CHECK`): the failed result is still recorded, in `dq_results.override` and as
a WARN-severity check result, and the batch is published anyway.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import dagster as dg
import duckdb
import polars as pl

from checks.gx import SuiteOutcome, dq_rows, failure_summary, to_check_result
from warehouse.publish import publish, record_dq_results, record_failed_articles

OVERRIDE_NOTE = "accepted on purpose (accept_failed_checks run config); the batch was published anyway"


@dataclass(frozen=True)
class GateDecision:
    asset: str
    outcomes: Sequence[SuiteOutcome]
    published_rows: dict[str, int]
    # check name -> asset key, for ops that produce several assets (Dagster cannot infer the target)
    check_assets: Mapping[str, str] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """Every check passed or was accepted on purpose: the batch may be published."""
        return not any(o.blocks for o in self.outcomes)

    def check_results(self) -> Iterator[dg.AssetCheckResult]:
        for outcome in self.outcomes:
            yield to_check_result(outcome, self.check_assets.get(outcome.check_name))

    def raise_if_failed(self) -> None:
        """Stop the run before the asset is materialised: downstream steps never start."""
        if not self.passed:
            raise dg.Failure(
                description=f"{self.asset}: blocking data-quality check failed; the batch was held back "
                f"(see staging.*; published data is unchanged). {failure_summary(self.outcomes)}",
                metadata={"failed_checks": [o.check_name for o in self.outcomes if o.blocks]},
                allow_retries=False,
            )


def apply_overrides(outcomes: Sequence[SuiteOutcome], accepted: Collection[str]) -> list[SuiteOutcome]:
    """Mark the failed checks the user accepted for this run; passing checks are left as they are."""
    return [
        replace(o, override=OVERRIDE_NOTE) if not o.passed and o.check_name in accepted else o
        for o in outcomes
    ]


def decide(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    asset: str,
    outcomes: Sequence[SuiteOutcome],
    accepted: Collection[str] = (),
    check_assets: Mapping[str, str] | None = None,
) -> GateDecision:
    """Log every expectation (with any override) to dq_results and say whether the batch may publish."""
    outcomes = apply_overrides(outcomes, accepted)
    record_dq_results(con, dq_rows(outcomes, run_id, asset))
    return GateDecision(asset, outcomes, {}, check_assets or {})


def publish_or_fail(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    asset: str,
    outcomes: Sequence[SuiteOutcome],
    appends: Sequence[str] = (),
    replace: Sequence[tuple[str, str, str]] = (),
    overwrite: Sequence[str] = (),
    check_assets: Mapping[str, str] | None = None,
    accepted: Collection[str] = (),
) -> GateDecision:
    """Log every expectation to dq_results; publish the staged batch only when every suite passed."""
    decision = decide(con, run_id, asset, outcomes, accepted, check_assets)
    if not decision.passed:
        return decision
    published = publish(con, appends=appends, replace=replace, overwrite=overwrite)
    return GateDecision(asset, decision.outcomes, published, check_assets or {})


def quarantine_failed_articles(
    context: dg.AssetExecutionContext, con: duckdb.DuckDBPyConnection, failed: pl.DataFrame, stage: str
) -> int:
    """Record the articles a stage raised on (quarantine rows, at once: they are what happened) and log each
    error; returns how many quarantine rows were new. The stage leaves them out of its ledger, so every run
    tries them again."""
    now = datetime.now(UTC).replace(tzinfo=None)
    n_new = record_failed_articles(con, failed, stage, context.run.run_id, now)
    for article_id, error in failed.iter_rows():
        context.log.error(f"{stage} failed on {article_id} (quarantined, tried again next run): {error}")
    return n_new
