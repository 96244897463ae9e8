"""Country-pair panels `dyad_day`, `dyad_month`, `dyad_month_undirected`: counted events by pair and period.

Incremental: the events the panels were last built from are kept in `dyad_event_inputs`; only the months
whose cells can differ from the current `events` are recomputed and replaced (keyed by `dyad_periods`).
"""

from collections.abc import Callable, Iterator

import dagster as dg
import duckdb

from assets.events import events
from assets.gating import GateDecision, publish_or_fail
from checks import aggregates as dyad_checks
from peristiwa.aggregates.dyads import (
    INPUT_COLUMNS,
    PLACEMENTS,
    TABLES,
    placement_totals,
    refresh_dyads,
    stale_months,
    touched_months,
)
from peristiwa.aggregates.plots import (
    markdown_image,
    most_active_pair,
    plot_net_goldstein_heatmap,
    plot_pair,
)
from pipelines.resources import WRITER_POOL, AggregatesResource, WarehouseResource

_PANELS = ("dyad_day", "dyad_month", "dyad_month_undirected")
_KINDS = {"duckdb"}


def _months_to_refresh(
    con: duckdb.DuckDBPyConnection, full_refresh: bool, log: Callable[[str], None]
) -> list | None:
    """None for a full rebuild (first run, asked for, or panels built under another placement rule), else
    the touched months (possibly none)."""
    built_before = con.execute("SELECT count(*) FROM main.dyad_periods").fetchall()[0][0]
    if full_refresh or not built_before:
        return None
    if stale := stale_months(con):
        # A rule change can also move undirected units between months: rebuild everything, once.
        log(f"the placement rule changed since the panels were built ({len(stale)} month(s) differ): "
            "rebuilding every month")
        return None
    return touched_months(con, "main.dyad_event_inputs", "main.events")


def _panel_metadata(con: duckdb.DuckDBPyConnection, config: AggregatesResource) -> dict[str, dict]:
    """What each panel's materialisation shows: rows, placement totals and, for the UI, charts.

    Also computed on a no-change run, so the latest materialisation always carries the charts.
    """
    meta = {t: {"rows": con.execute(f"SELECT count(*) FROM main.{t}").fetchall()[0][0]} for t in _PANELS}
    totals = placement_totals(con)
    placed = sum(totals[p] for p in PLACEMENTS)
    meta["dyad_month"] |= {
        "counted_events": totals["counted"],
        "events_placed": placed,
        "events_placed_by_report_month": totals["reported"],
        "events_placed_by_best_estimate": totals["estimated"],
        "events_unplaced": totals["counted"] - placed,
        "events_unplaced_no_date": totals["no_date"],
    }
    heatmap = plot_net_goldstein_heatmap(con, config.chart_top_pairs, last_months=config.chart_last_months)
    meta["dyad_month"]["chart"] = dg.MetadataValue.md(markdown_image(heatmap, "net Goldstein, top pairs"))
    pair = most_active_pair(con)
    if pair:
        series = plot_pair(con, *pair)
        meta["dyad_month_undirected"] |= {
            "chart": dg.MetadataValue.md(markdown_image(series, f"{pair[0]}-{pair[1]} monthly events")),
            "most_active_pair": f"{pair[0]}-{pair[1]}",
        }
    top = con.execute(
        "SELECT a_iso3, b_iso3, n_events, n_reciprocal, n_cooperation, n_conflict, round(net_goldstein, 1) "
        "FROM v_top_undirected_pairs ORDER BY events_rank, a_iso3, b_iso3 LIMIT ?",
        [config.chart_top_pairs],
    ).fetchall()
    table = "| pair | events | reciprocal | coop | conflict | net Goldstein |\n|---|---|---|---|---|---|\n"
    table += "".join(f"| {a}-{b} | {n} | {r} | {c} | {x} | {g} |\n" for a, b, n, r, c, x, g in top)
    meta["dyad_month_undirected"]["top_pairs"] = dg.MetadataValue.md(table)
    return meta


@dg.multi_asset(
    specs=[
        dg.AssetSpec("dyad_day", deps=[events], group_name="aggregates", kinds=_KINDS,
                     description="Directed country pair per day: counted events dated to one day."),
        dg.AssetSpec("dyad_month", deps=[events], group_name="aggregates", kinds=_KINDS,
                     description="Directed country pair per month: day- and month-dated events, undated "
                     "events in their publication month and events dated across months in the month of "
                     "their best-estimate date (both counted apart). Chart: net Goldstein heatmap."),
        dg.AssetSpec("dyad_month_undirected", deps=[events], group_name="aggregates", kinds=_KINDS,
                     description="Unordered pair per month; a reciprocal event counts once. Chart: the most "
                     "active pair's monthly series."),
    ],
    check_specs=dyad_checks.SPECS,
    pool=WRITER_POOL,
    can_subset=False,
)
def dyad_panels(
    context: dg.AssetExecutionContext, aggregates: AggregatesResource, warehouse: WarehouseResource
) -> Iterator[dg.AssetCheckResult | dg.MaterializeResult]:
    run_id = context.run.run_id
    with warehouse.get().writer(warehouse.lock_timeout_s) as con:
        months = _months_to_refresh(con, aggregates.full_refresh, context.log.info)
        if months == []:
            metadata = _panel_metadata(con, aggregates)
            yield from GateDecision("dyad_panels", dyad_checks.nothing_to_check("events unchanged"), {},
                                    dyad_checks.CHECK_ASSETS).check_results()
            for panel in _PANELS:
                yield dg.MaterializeResult(asset_key=panel,
                                           metadata={"no_new_input": True, **metadata[panel]})
            return
        context.log.info("rebuilding every month" if months is None
                         else f"recomputing {len(months)} touched month(s): {[str(m) for m in months]}")
        for table in (*TABLES, "dyad_event_inputs"):
            con.execute(f"DELETE FROM staging.{table}")
        written = refresh_dyads(con, months, schema="staging", run_id=run_id)
        con.execute(f"INSERT INTO staging.dyad_event_inputs SELECT {INPUT_COLUMNS} FROM main.events")
        outcomes = dyad_checks.validate_panels(dyad_checks.panel_frames(con, months))
        if months is None:
            publish_args = {"overwrite": [*TABLES, "dyad_event_inputs"]}
        else:
            publish_args = {"replace": [(t, "month", "dyad_periods") for t in TABLES],
                            "overwrite": ["dyad_event_inputs"]}
        decision = publish_or_fail(con, run_id, "dyad_panels", outcomes,
                                   check_assets=dyad_checks.CHECK_ASSETS, **publish_args)
        if decision.passed:
            metadata = _panel_metadata(con, aggregates)
    yield from decision.check_results()
    decision.raise_if_failed()
    recomputed = "all" if months is None else ", ".join(m.strftime("%Y-%m") for m in months)
    for panel in _PANELS:
        yield dg.MaterializeResult(asset_key=panel, metadata={
            "rows_recomputed": written[panel], "months_recomputed": recomputed, "no_new_input": False,
            **metadata[panel],
        })
