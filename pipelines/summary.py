"""Turns a finished in-process run into the per-stage summary `peristiwa run` prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import dagster as dg

STAGES = (
    "raw_articles", "articles_clean", "sentences_parquet", "sentences", "entity_mentions", "event_mentions",
    "events", "dyad_day", "dyad_month", "dyad_month_undirected",
)
# Ops that materialise several assets: a failure of the step is a failure of each.
STEP_ASSETS = {"dyad_panels": ("dyad_day", "dyad_month", "dyad_month_undirected")}
# Metadata meant for the UI (images, markdown tables), not for a terminal line.
_UI_ONLY = ("outcomes", "countries", "roots", "chart", "top_pairs")


@dataclass
class StageSummary:
    asset: str
    status: str = "not run"
    metadata: dict[str, Any] = field(default_factory=dict)
    checks: list[tuple[str, bool, dict[str, Any]]] = field(default_factory=list)


def _plain(metadata: dict[str, Any]) -> dict[str, Any]:
    return {k: getattr(v, "value", v) for k, v in metadata.items()}


def summarize(result: dg.ExecuteInProcessResult, stages_in_job: list[str]) -> dict[str, StageSummary]:
    stages = {name: StageSummary(name) for name in STAGES if name in stages_in_job}
    for event in result.all_events:
        if event.is_step_materialization:
            mat = event.event_specific_data.materialization
            name = mat.asset_key.to_user_string()
            stage = stages.setdefault(name, StageSummary(name))
            stage.status = "materialized"
            stage.metadata = _plain(mat.metadata)
        elif event.event_type_value == "ASSET_CHECK_EVALUATION":
            evaluation = event.event_specific_data
            name = evaluation.asset_key.to_user_string()
            stage = stages.setdefault(name, StageSummary(name))
            stage.checks.append((evaluation.check_name, evaluation.passed, _plain(evaluation.metadata)))
        elif event.is_step_failure:
            for name in STEP_ASSETS.get(event.step_key, (event.step_key,)):
                if name in stages:
                    stages[name].status = "failed"
    return stages


def _failed_verdict(metadata: dict[str, Any]) -> str:
    if metadata.get("override"):
        return "FAILED, ACCEPTED (override: published anyway)"
    if metadata.get("advisory"):
        return "WARNING (advisory, does not block)"
    return "FAILED"


def _offending_items(metadata: dict[str, Any], limit: int = 10) -> list[str]:
    """The first rows of the check's offending-items table, indented."""
    rows = str(metadata.get("offending_items") or "").splitlines()[2:]
    shown = [f"        {row}" for row in rows[:limit]]
    if len(rows) > limit:
        shown.append(f"        ... {len(rows) - limit} more (UI check metadata, or dq_results.items)")
    return shown


def format_summary(stages: dict[str, StageSummary], warehouse: str) -> str:
    lines = []
    for stage in stages.values():
        lines.append(f"{stage.asset}: {stage.status}")
        shown = {k: v for k, v in stage.metadata.items() if k not in _UI_ONLY}
        if shown:
            lines.append("    " + ", ".join(f"{k}={v}" for k, v in shown.items()))
        if "top_pairs" in stage.metadata:
            lines.append("    top pairs by events (chart in the Dagster UI, or `peristiwa plot --pair A,B`):")
            lines.extend(f"      {row}" for row in str(stage.metadata["top_pairs"]).splitlines())
        if stage.asset == "raw_articles" and "outcomes" in stage.metadata:
            reasons = {k: v for k, v in stage.metadata["outcomes"].items() if k.startswith("quarantined:")}
            if reasons:
                lines.append("    quarantine reasons: " + ", ".join(f"{k.split(':', 1)[1]}={v}"
                                                                  for k, v in sorted(reasons.items())))
        for check_name, passed, metadata in stage.checks:
            verdict = "PASSED" if passed else _failed_verdict(metadata)
            note = f" ({metadata['note']})" if metadata.get("note") else ""
            lines.append(f"    check {check_name}: {verdict}{note}")
            if not passed:
                for failure in metadata.get("failed") or []:
                    lines.append(f"        {failure}")
                lines.extend(_offending_items(metadata))
    lines.append(f"warehouse: {warehouse}")
    return "\n".join(lines)
