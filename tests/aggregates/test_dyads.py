"""Dyad panels on synthetic events: placement, reciprocity, totals, checks and incremental recompute."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from peristiwa.aggregates.dyads import (
    PLACEMENT_SQL,
    TABLES,
    check_dyads,
    placed_events_sql,
    placement_totals,
    refresh_dyads,
    touched_months,
)

from .helpers import add_event, day, warehouse

JAN, FEB, MAR = day("2024-01-01"), day("2024-02-01"), day("2024-03-01")


def _seedlike(con: duckdb.DuckDBPyConnection) -> None:
    add_event(con, "strike-irn", "IRN", "PAK", 4, -10.0, "2024-01-17", articles=("a1", "a2"))
    add_event(con, "strike-pak", "PAK", "IRN", 4, -10.0, "2024-01-19", articles=("a2",))
    # A reciprocal meeting: coded both ways, linked by pair_id.
    add_event(con, "meet-ab", "IRN", "PAK", 1, 1.0, "2024-01-29", pair_id="p1", articles=("a3",))
    add_event(con, "meet-ba", "PAK", "IRN", 1, 1.0, "2024-01-29", pair_id="p1", articles=("a3",))
    # Known only to the month ("pada Januari"): dyad_month, never 1 January in dyad_day.
    add_event(con, "jan-only", "IRN", "PAK", 3, -2.0, "2024-01-01", "2024-01-31", precision="month")
    add_event(con, "aid", "IRN", "AZE", 2, 7.4, "2024-11-04", articles=("a4",))
    add_event(con, "rus", "IRN", "RUS", 1, 3.4, "2024-02-11", articles=("a5",))
    # Undated in the text, only "by publication": the publication month, counted apart.
    add_event(con, "reported", "RUS", "IRN", 1, 3.5, None, precision="approx")
    con.execute(
        "UPDATE events SET date_max = DATE '2023-10-24', event_date = date_max WHERE event_id = 'reported'"
    )
    # "tahun lalu": an interval across months, placed in the month of its best estimate (mid-year).
    add_event(con, "year", "IRN", "RUS", 2, 7.4, "2022-01-01", "2022-12-31", precision="range")
    con.execute("UPDATE events SET event_date = DATE '2022-07-01' WHERE event_id = 'year'")
    # Not placeable: no date at all; not counted; self-dyad.
    add_event(con, "undated", "RUS", "IRN", 1, 3.5, None, precision="none")
    add_event(con, "negated", "IRN", "PAK", 4, -10.0, "2024-01-20", counted=False)
    add_event(con, "self", "IRN", "IRN", 1, 1.0, "2024-01-20")


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    c = warehouse()
    _seedlike(c)
    refresh_dyads(c, schema="main", run_id="r1")
    return c


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_material_conflict_both_ways_in_january(con):
    got = _rows(
        con,
        "SELECT src_iso3, tgt_iso3, n_material_conflict, n_events FROM dyad_month "
        "WHERE month = '2024-01-01' ORDER BY ALL",
    )
    assert got == [("IRN", "PAK", 1, 3), ("PAK", "IRN", 1, 2)]
    assert _rows(
        con,
        "SELECT n_material_cooperation FROM dyad_month WHERE src_iso3 = 'IRN' AND tgt_iso3 = 'AZE'"
        " AND month = '2024-11-01'",
    ) == [(1,)]


def test_month_precision_event_is_not_on_day_one(con):
    assert _rows(con, "SELECT count(*) FROM dyad_day WHERE day = '2024-01-01'") == [(0,)]
    got = _rows(
        con,
        "SELECT n_events, n_events_day, n_events_month_only, n_verbal_conflict FROM dyad_month "
        "WHERE src_iso3 = 'IRN' AND tgt_iso3 = 'PAK' AND month = '2024-01-01'",
    )
    assert got == [(3, 2, 1, 1)]


def test_undated_event_goes_to_its_publication_month_and_is_counted_apart(con):
    got = _rows(
        con,
        "SELECT month, n_events, n_events_day, n_events_month_only, n_events_reported FROM dyad_month "
        "WHERE src_iso3 = 'RUS' AND tgt_iso3 = 'IRN'",
    )
    assert got == [(day("2023-10-01"), 1, 0, 0, 1)]
    assert _rows(con, "SELECT count(*) FROM dyad_day WHERE src_iso3 = 'RUS'") == [(0,)]
    assert _rows(con, "SELECT reason FROM v_dyad_unplaced_events WHERE event_id = 'undated'") == [
        ("no_date",)
    ]


def test_reciprocal_pair_counts_once_undirected(con):
    got = _rows(
        con,
        "SELECT a_iso3, b_iso3, n_events, n_events_directed, n_reciprocal, n_verbal_cooperation, "
        "goldstein_sum, n_articles FROM dyad_month_undirected WHERE month = '2024-01-01'",
    )
    # strike-irn, strike-pak, the meeting once, jan-only: 4 events from 5 directed ones.
    assert got == [("IRN", "PAK", 4, 5, 1, 1, -10.0 - 10.0 + 1.0 - 2.0, 4)]


def test_reciprocal_directions_in_different_months_count_once_in_the_earlier():
    c = warehouse()
    add_event(c, "ab", "IRN", "PAK", 1, 1.0, "2024-01-31", pair_id="p")
    add_event(c, "ba", "PAK", "IRN", 1, 1.0, "2024-02-01", pair_id="p")
    refresh_dyads(c, schema="main")
    assert _rows(c, "SELECT month, n_events, n_reciprocal FROM dyad_month_undirected") == [(JAN, 1, 1)]
    assert _rows(c, "SELECT dyad_periods.month, n_events FROM dyad_periods ORDER BY 1") == [
        (JAN, 1),
        (FEB, 1),
    ]


def test_quads_and_totals_reconcile(con):
    assert check_dyads(con, schema="main") == {k: 0 for k in check_dyads(con, schema="main")}
    totals = placement_totals(con)
    assert totals == {
        "day": 6,
        "month": 1,
        "reported": 1,
        "estimated": 1,
        "no_date": 1,
        "invalid_dyad": 1,
        "counted": 11,
    }
    n = _rows(con, "SELECT sum(n_events) FROM dyad_month")[0][0]
    assert n == totals["day"] + totals["month"] + totals["reported"] + totals["estimated"]
    assert n + len(_rows(con, "SELECT * FROM v_dyad_unplaced_events")) == totals["counted"]
    assert _rows(con, "SELECT count(*) FROM events WHERE counted_in_aggregates") == [(totals["counted"],)]


def test_self_dyads_and_uncounted_events_are_excluded(con):
    assert _rows(con, "SELECT count(*) FROM dyad_month WHERE src_iso3 = tgt_iso3") == [(0,)]
    assert _rows(con, "SELECT count(*) FROM dyad_day WHERE day = '2024-01-20'") == [(0,)]
    assert _rows(con, "SELECT reason FROM v_dyad_unplaced_events WHERE event_id = 'self'") == [
        ("invalid_dyad",)
    ]


def test_checks_catch_a_broken_panel(con):
    con.execute("UPDATE dyad_month SET n_verbal_conflict = n_verbal_conflict + 1 WHERE month = '2024-01-01'")
    con.execute(
        "INSERT INTO dyad_month SELECT * REPLACE ('2030-01-01'::DATE AS month) FROM dyad_month LIMIT 1"
    )
    bad = check_dyads(con, schema="main")
    assert bad["quad_sum_mismatch"] > 0 and bad["untraceable_cells"] == 1 and bad["total_mismatch"] > 0


def test_distinct_articles_and_sources_and_weighted_mean(con):
    got = _rows(
        con,
        "SELECT n_articles, n_sources, n_mentions, goldstein_weighted_mean FROM dyad_month "
        "WHERE src_iso3 = 'IRN' AND tgt_iso3 = 'PAK' AND month = '2024-01-01'",
    )
    # strike-irn (a1, a2), meet-ab (a3), jan-only (art1): 4 articles, but a1 and art1 share publisher pub-1;
    # weights 2, 1, 1.
    assert got == [(4, 3, 4, pytest.approx((-10.0 * 2 + 1.0 - 2.0) / 4))]
    # Two events reported by the same article: one article, not two.
    assert _rows(
        con, "SELECT n_articles FROM dyad_month_undirected WHERE a_iso3 = 'IRN' AND b_iso3 = 'PAK'"
    ) == [(4,)]


def test_day_panel_rolls_up_into_month(con):
    got = _rows(
        con,
        """SELECT d.src_iso3, d.tgt_iso3, d.month, sum(d.n_events), any_value(m.n_events_day)
                        FROM dyad_day d JOIN dyad_month m USING (src_iso3, tgt_iso3, month) GROUP BY ALL""",
    )
    assert all(r[3] == r[4] for r in got) and got


def test_views_placement_matches_builder(con):
    builder = _rows(
        con, f"SELECT event_id, placement, day, month FROM ({placed_events_sql('events')}) ORDER BY 1"
    )
    view = _rows(con, "SELECT event_id, placement, day, month FROM v_dyad_placed_events ORDER BY 1")
    assert builder == view
    assert "estimated" in PLACEMENT_SQL and "no_date" in PLACEMENT_SQL


def test_views_answer_the_users_questions(con):
    series = _rows(con, "SELECT src_iso3, tgt_iso3, month, n_events FROM dyad_series('IRN', 'PAK')")
    assert series == [("IRN", "PAK", JAN, 3), ("PAK", "IRN", JAN, 2)]
    top = _rows(
        con,
        "SELECT partner, cooperation_rank FROM top_partners('IRN', '2024-01-01', '2024-12-31') "
        "ORDER BY cooperation_rank LIMIT 1",
    )
    assert top == [("AZE", 1)]
    cell = _rows(
        con,
        "SELECT DISTINCT event_id FROM v_dyad_cell_events WHERE src_iso3 = 'IRN' AND tgt_iso3 = 'PAK'"
        " AND month = '2024-01-01' ORDER BY 1",
    )
    assert cell == [("jan-only",), ("meet-ab",), ("strike-irn",)]
    sentences = _rows(
        con, "SELECT count(sentence_text) FROM v_dyad_cell_events WHERE event_id = 'strike-irn'"
    )
    assert sentences == [(2,)]
    net = _rows(
        con,
        "SELECT net_cooperation, src_total_events, net_cooperation_share FROM v_net_cooperation "
        "WHERE src_iso3 = 'IRN' AND tgt_iso3 = 'PAK'",
    )
    assert net == [(1 - 2, 3, pytest.approx(-1 / 3))]
    pairs = _rows(
        con, "SELECT a_iso3, b_iso3, n_events FROM v_top_undirected_pairs ORDER BY events_rank LIMIT 1"
    )
    assert pairs == [("IRN", "PAK", 4)]
    assert _rows(con, "SELECT count(*) FROM v_top_partners WHERE iso3 = 'IRN'") == [(3,)]


def _snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {
        t: _rows(
            con,
            f"SELECT * EXCLUDE ({'run_id, computed_at' if t == 'dyad_periods' else 'month'}) "
            f"FROM main.{t} ORDER BY ALL",
        )
        for t in TABLES
    }


def test_incremental_recompute_touches_only_new_periods_and_equals_full_rebuild(con):
    con.execute("CREATE TABLE old_events AS SELECT * FROM events")
    # A new event in March, a re-dated one (Feb -> Jan), a reciprocal partner added in January.
    add_event(con, "new-mar", "IRN", "RUS", 2, 6.0, "2024-03-05", articles=("a6",))
    con.execute(
        "UPDATE events SET date_min = '2024-01-11', date_max = '2024-01-11', event_date = '2024-01-11' "
        "WHERE event_id = 'rus'"
    )
    add_event(con, "aid-back", "AZE", "IRN", 2, 7.4, "2024-11-04", pair_id="p2", articles=("a4",))
    con.execute("UPDATE events SET pair_id = 'p2' WHERE event_id = 'aid'")
    months = touched_months(con, "old_events", "events")
    assert months == [JAN, FEB, MAR, day("2024-11-01")]
    before = _rows(con, "SELECT month, run_id FROM dyad_periods ORDER BY 1")
    written = refresh_dyads(con, months, schema="main", run_id="r2")
    assert written["dyad_periods"] == 4
    # February lost its only event: its cells are gone but the month is recorded (a publish key).
    assert _rows(con, "SELECT n_events, n_cells FROM dyad_periods WHERE month = '2024-02-01'") == [(0, 0)]
    after = _rows(con, "SELECT month, run_id FROM dyad_periods ORDER BY 1")
    untouched = {m for m, _ in before} - set(months)
    assert {(m, r) for m, r in after if m in untouched} == {(m, r) for m, r in before if m in untouched}
    incremental = _snapshot(con)
    refresh_dyads(con, schema="main", run_id="full")
    full = _snapshot(con)
    full["dyad_periods"] = [r for r in full["dyad_periods"]]
    # A full rebuild lists only months with events; the incremental one also keeps the emptied February.
    assert [r for r in incremental["dyad_periods"] if r[1] > 0] == full["dyad_periods"]
    assert {t: v for t, v in incremental.items() if t != "dyad_periods"} == {
        t: v for t, v in full.items() if t != "dyad_periods"
    }
    assert check_dyads(con, schema="main", months=months)["total_mismatch"] == 0


def test_staging_refresh_leaves_main_alone(con):
    before = _snapshot(con)
    written = refresh_dyads(con, [dt.date(2024, 1, 15)], schema="staging", run_id="s")
    assert written["dyad_month"] == 2 and written["dyad_month_undirected"] == 1
    assert _rows(con, "SELECT DISTINCT month FROM staging.dyad_month") == [(JAN,)]
    assert _snapshot(con) == before
    assert check_dyads(con, schema="staging", months=[JAN]) == {
        k: 0 for k in check_dyads(con, "staging", months=[JAN])
    }


def test_refresh_inside_callers_transaction_rolls_back_with_it(con):
    con.execute("BEGIN TRANSACTION")
    refresh_dyads(con, schema="main", transaction=False)
    con.execute("DELETE FROM main.dyad_month")
    con.execute("ROLLBACK")
    assert _rows(con, "SELECT count(*) > 0 FROM main.dyad_month") == [(True,)]


# --- dating into panels: the best estimate, and what stays unplaced -----------------------------------------


def _placement(con: duckdb.DuckDBPyConnection, event_id: str) -> tuple:
    return _rows(
        con,
        "SELECT placement, month, day, date_precision FROM v_dyad_placed_events "
        f"WHERE event_id = '{event_id}'",
    )[0]


def test_an_interval_across_months_goes_to_the_month_of_its_best_estimate():
    c = warehouse()
    # "baru-baru ini" before 3 February: 20 January .. 3 February, best estimate the publication day.
    add_event(c, "recent", "IRN", "RUS", 1, 3.4, "2024-01-20", "2024-02-03", precision="approx")
    c.execute("UPDATE events SET event_date = DATE '2024-02-03' WHERE event_id = 'recent'")
    # An open end ("since" the story's last explicit date, in an undated article): the estimate decides.
    add_event(c, "open", "IRN", "RUS", 1, 3.4, "2024-03-10", precision="approx")
    c.execute("UPDATE events SET date_max = NULL WHERE event_id = 'open'")
    # Only a best estimate, no bounds.
    add_event(c, "estimate-only", "RUS", "IRN", 1, 3.4, None, precision="approx")
    c.execute("UPDATE events SET event_date = DATE '2024-03-15' WHERE event_id = 'estimate-only'")
    refresh_dyads(c, schema="main")
    assert _placement(c, "recent") == ("estimated", FEB, None, "approx")
    assert _placement(c, "open") == ("estimated", MAR, None, "approx")
    assert _placement(c, "estimate-only") == ("estimated", MAR, None, "approx")
    got = _rows(c, "SELECT src_iso3, month, n_events, n_events_estimated, n_events_day, n_events_month_only, "
                   "n_events_reported FROM dyad_month ORDER BY ALL")
    assert got == [("IRN", FEB, 1, 1, 0, 0, 0), ("IRN", MAR, 1, 1, 0, 0, 0), ("RUS", MAR, 1, 1, 0, 0, 0)]
    # dyad_day stays for events dated to one day.
    assert _rows(c, "SELECT count(*) FROM dyad_day") == [(0,)]
    assert _rows(c, "SELECT count(*) FROM v_dyad_unplaced_events") == [(0,)]
    assert check_dyads(c, schema="main") == {k: 0 for k in check_dyads(c, schema="main")}


def test_only_events_without_a_usable_date_stay_unplaced_and_totals_reconcile():
    c = warehouse()
    add_event(c, "dated", "IRN", "PAK", 4, -10.0, "2024-01-17")
    # An undated article whose text gives no date.
    add_event(c, "no-date", "IRN", "PAK", 4, -10.0, None, precision="none")
    add_event(c, "after-only", "IRN", "PAK", 4, -10.0, None, precision="unknown")
    c.execute("UPDATE events SET date_min = DATE '2024-01-17' WHERE event_id = 'after-only'")  # no estimate
    refresh_dyads(c, schema="main")
    assert _rows(c, "SELECT event_id, reason FROM v_dyad_unplaced_events ORDER BY 1") == [
        ("after-only", "no_date"),
        ("no-date", "no_date"),
    ]
    totals = placement_totals(c)
    assert (totals["no_date"], totals["counted"]) == (2, 3)
    placed = _rows(c, "SELECT sum(n_events) FROM dyad_month")[0][0]
    assert placed + totals["no_date"] == totals["counted"] == 3


def test_a_cell_whose_placements_do_not_add_up_fails_the_check(con):
    con.execute("UPDATE dyad_month SET n_events_estimated = 1 WHERE month = '2024-01-01'")
    assert check_dyads(con, schema="main")["placement_sum_mismatch"] == 2


def test_panels_built_under_an_older_placement_rule_are_found_and_rebuilt(con):
    from assets.aggregates import _months_to_refresh
    from peristiwa.aggregates.dyads import INPUT_COLUMNS, stale_months

    con.execute(f"INSERT INTO main.dyad_event_inputs SELECT {INPUT_COLUMNS} FROM main.events")
    assert stale_months(con) == []
    assert _months_to_refresh(con, False, print) == []  # nothing changed: nothing to do
    # The old rule left the "tahun lalu" event out of every panel.
    con.execute("DELETE FROM main.dyad_month WHERE month = '2022-07-01'")
    assert stale_months(con) == [day("2022-07-01")]
    logged: list[str] = []
    assert _months_to_refresh(con, False, logged.append) is None  # a full rebuild
    assert "placement rule changed" in logged[0]


def test_an_older_warehouse_gets_the_new_column_in_main_and_staging():
    from warehouse.schema import apply_schema

    c = warehouse()
    for schema in ("main", "staging"):
        c.execute(f"ALTER TABLE {schema}.dyad_month DROP COLUMN n_events_estimated")
    apply_schema(c)  # what the next writer does on a warehouse from before
    columns = {s: [r[0] for r in c.execute(f"DESCRIBE {s}.dyad_month").fetchall()]
               for s in ("main", "staging")}
    assert columns["main"] == columns["staging"] and "n_events_estimated" in columns["main"]
    _seedlike(c)
    refresh_dyads(c, schema="staging")
    c.execute("INSERT INTO main.dyad_month SELECT * FROM staging.dyad_month")  # publishing is positional
    assert _rows(c, "SELECT n_events_estimated FROM main.dyad_month WHERE month = '2022-07-01'") == [(1,)]
