"""Write-audit-publish glue shared by every stage asset: record the checks, publish only what passed."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import dagster as dg
import duckdb

from checks.gx import SuiteOutcome, dq_rows, failure_summary, to_check_result
from warehouse.publish import publish, record_dq_results


@dataclass(frozen=True)
class GateDecision:
    asset: str
    outcomes: Sequence[SuiteOutcome]
    published_rows: dict[str, int]
    # check name -> asset key, for ops that produce several assets (Dagster cannot infer the target)
    check_assets: Mapping[str, str] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return all(o.passed for o in self.outcomes)

    def check_results(self) -> Iterator[dg.AssetCheckResult]:
        for outcome in self.outcomes:
            yield to_check_result(outcome, self.check_assets.get(outcome.check_name))

    def raise_if_failed(self) -> None:
        """Stop the run before the asset is materialised: downstream steps never start."""
        if not self.passed:
            raise dg.Failure(
                description=f"{self.asset}: blocking data-quality check failed; published tables are "
                f"unchanged. {failure_summary(self.outcomes)}",
                metadata={"failed_checks": [o.check_name for o in self.outcomes if not o.passed]},
                allow_retries=False,
            )


def publish_or_fail(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    asset: str,
    outcomes: Sequence[SuiteOutcome],
    appends: Sequence[str] = (),
    replace: Sequence[tuple[str, str, str]] = (),
    overwrite: Sequence[str] = (),
    check_assets: Mapping[str, str] | None = None,
) -> GateDecision:
    """Log every expectation to dq_results; publish the staged batch only when every suite passed."""
    record_dq_results(con, dq_rows(outcomes, run_id, asset))
    decision = GateDecision(asset, outcomes, {}, check_assets or {})
    if not decision.passed:
        return decision
    published = publish(con, appends=appends, replace=replace, overwrite=overwrite)
    return GateDecision(asset, outcomes, published, check_assets or {})
