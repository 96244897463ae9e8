"""Blocking GX checks gating the dyad panels (`dyad_day`, `dyad_month`, `dyad_month_undirected`).

The panels are validated in staging, before publication: every cell row with its derived flags
(quad counts add up, two different countries, traceable to a counted event), and one row of
reconciliation counts from `peristiwa.aggregates.dyads.check_dyads` (totals equal the placed events,
days roll up into months).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import dagster as dg
import duckdb
import polars as pl

from checks.gx import SuiteOutcome, combine, run_suite, skipped
from peristiwa.aggregates.dyads import check_dyads, months_filter, placed_events_sql

DAY_CHECK = "dyad_day_valid"
MONTH_CHECK = "dyad_month_valid"
UNDIRECTED_CHECK = "dyad_month_undirected_valid"

SPECS = [
    dg.AssetCheckSpec(
        DAY_CHECK, asset="dyad_day", blocking=True,
        description="Counts non-negative, quad counts sum to n_events, no self-dyads, Goldstein means in "
        "[-10, 10], every cell traceable to a counted event, days roll up into dyad_month.",
    ),
    dg.AssetCheckSpec(
        MONTH_CHECK, asset="dyad_month", blocking=True,
        description="As dyad_day, plus: sum of n_events equals the number of counted events placed in the "
        "recomputed months, and each cell's n_events is the sum of its placements (day, month only, "
        "reported, estimated).",
    ),
    dg.AssetCheckSpec(
        UNDIRECTED_CHECK, asset="dyad_month_undirected", blocking=True,
        description="Pairs ordered a < b, counts non-negative, quad counts sum to n_events, means in "
        "[-10, 10], every cell traceable to a counted event.",
    ),
]

CHECK_ASSETS = {spec.name: spec.asset_key.to_user_string() for spec in SPECS}

_COUNTS = ("n_events", "n_verbal_cooperation", "n_material_cooperation", "n_verbal_conflict",
           "n_material_conflict", "n_articles", "n_sources", "n_mentions")
_QUADS = "n_verbal_cooperation + n_material_cooperation + n_verbal_conflict + n_material_conflict"


def panel_frames(
    con: duckdb.DuckDBPyConnection, months: Sequence[dt.date] | None, schema: str = "staging",
    events: str = "main.events",
) -> dict[str, pl.DataFrame]:
    """Staged cells of each panel with the flags the suites check, plus the reconciliation counts."""
    where, params = months_filter(months)
    placed = f"SELECT * FROM ({placed_events_sql(events)}) WHERE month IS NOT NULL"
    directed = """
        SELECT *, ({quads}) = n_events AS quad_sum_ok, src_iso3 <> tgt_iso3 AS distinct_countries,
               EXISTS (SELECT 1 FROM placed p WHERE p.src_iso3 = c.src_iso3 AND p.tgt_iso3 = c.tgt_iso3
                       AND p.month = c.month {day_match}) AS traceable
        FROM {schema}.{table} c {where}"""
    frames = {
        "dyad_day": con.sql(
            f"WITH placed AS ({placed}) "
            + directed.format(quads=_QUADS, schema=schema, table="dyad_day", where=where,
                              day_match="AND p.day = c.day"),
            params=params or None,
        ).pl(),
        "dyad_month": con.sql(
            f"WITH placed AS ({placed}) "
            + directed.format(quads=_QUADS, schema=schema, table="dyad_month", where=where, day_match=""),
            params=params or None,
        ).pl(),
        "dyad_month_undirected": con.sql(
            f"""WITH placed AS ({placed})
            SELECT *, ({_QUADS}) = n_events AS quad_sum_ok, a_iso3 < b_iso3 AS pair_ordered,
                   EXISTS (SELECT 1 FROM placed p WHERE least(p.src_iso3, p.tgt_iso3) = c.a_iso3
                           AND greatest(p.src_iso3, p.tgt_iso3) = c.b_iso3 AND p.month = c.month) AS traceable
            FROM {schema}.dyad_month_undirected c {where}""",
            params=params or None,
        ).pl(),
    }
    frames["reconciliation"] = pl.DataFrame([check_dyads(con, schema=schema, events=events, months=months)])
    return frames


def _cell_expectations(gxe, ordered_flag: str) -> list:
    return [
        *(gxe.ExpectColumnValuesToBeBetween(column=c, min_value=0) for c in _COUNTS),
        gxe.ExpectColumnValuesToBeBetween(column="n_events", min_value=1),
        gxe.ExpectColumnValuesToBeInSet(column="quad_sum_ok", value_set=[True]),
        gxe.ExpectColumnValuesToBeInSet(column=ordered_flag, value_set=[True]),
        gxe.ExpectColumnValuesToBeBetween(column="goldstein_mean", min_value=-10, max_value=10),
        gxe.ExpectColumnValuesToBeBetween(column="goldstein_weighted_mean", min_value=-10, max_value=10),
        gxe.ExpectColumnValuesToBeInSet(column="traceable", value_set=[True]),
    ]


def _zero(gxe, *columns: str) -> list:
    return [gxe.ExpectColumnValuesToBeBetween(column=c, min_value=0, max_value=0) for c in columns]


def validate_panels(frames: dict[str, pl.DataFrame]) -> list[SuiteOutcome]:
    """One outcome per panel asset, in the order of SPECS."""
    recon = frames["reconciliation"]
    outcomes = []
    for check, table, flag, recon_cols in (
        (DAY_CHECK, "dyad_day", "distinct_countries", ("day_rollup_mismatch",)),
        (MONTH_CHECK, "dyad_month", "distinct_countries",
         ("total_mismatch", "negative_counts", "self_dyads", "untraceable_cells", "placement_sum_mismatch")),
        (UNDIRECTED_CHECK, "dyad_month_undirected", "pair_ordered",
         ("quad_sum_mismatch", "mean_out_of_range")),
    ):
        parts = [run_suite(check, recon, lambda gxe, cols=recon_cols: _zero(gxe, *cols))]
        if frames[table].height:
            parts.append(run_suite(check, frames[table], lambda gxe, f=flag: _cell_expectations(gxe, f)))
        outcomes.append(combine(check, parts))
    return outcomes


def nothing_to_check(note: str) -> list[SuiteOutcome]:
    return [skipped(spec.name, note) for spec in SPECS]
