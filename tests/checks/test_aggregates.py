"""The dyad panel suites (real GX) accept sound panels and name what is wrong with broken ones."""

from __future__ import annotations

from checks.aggregates import DAY_CHECK, MONTH_CHECK, UNDIRECTED_CHECK, panel_frames, validate_panels
from peristiwa.aggregates.dyads import refresh_dyads
from tests.aggregates.helpers import add_event, warehouse


def _built():
    con = warehouse()
    add_event(con, "strike", "IRN", "PAK", 4, -10.0, "2024-01-17", articles=("a1",))
    add_event(con, "reply", "PAK", "IRN", 4, -10.0, "2024-01-18", articles=("a2",))
    add_event(con, "talks", "IRN", "RUS", 1, 1.0, "2024-02-01", "2024-02-29", precision="month")
    refresh_dyads(con, schema="staging", run_id="t")
    return con


def _failed(outcome) -> set[tuple[str, str | None]]:
    return {(e.expectation, e.column) for e in outcome.expectations if not e.passed}


def test_sound_panels_pass():
    outcomes = validate_panels(panel_frames(_built(), months=None))
    assert [o.check_name for o in outcomes] == [DAY_CHECK, MONTH_CHECK, UNDIRECTED_CHECK]
    assert all(o.passed for o in outcomes), [_failed(o) for o in outcomes]


def test_broken_panels_fail_on_the_broken_property():
    con = _built()
    con.execute("UPDATE staging.dyad_month SET n_verbal_conflict = 1 WHERE src_iso3 = 'IRN'")
    con.execute("UPDATE staging.dyad_month_undirected SET goldstein_mean = 12.5")
    con.execute("INSERT INTO staging.dyad_day SELECT * REPLACE ('RUS' AS src_iso3, 'RUS' AS tgt_iso3) "
                "FROM staging.dyad_day LIMIT 1")
    day, month, undirected = validate_panels(panel_frames(con, months=None))
    assert not day.passed and ("expect_column_values_to_be_in_set", "distinct_countries") in _failed(day)
    assert ("expect_column_values_to_be_in_set", "traceable") in _failed(day)
    assert not month.passed and ("expect_column_values_to_be_in_set", "quad_sum_ok") in _failed(month)
    assert not undirected.passed
    assert ("expect_column_values_to_be_between", "goldstein_mean") in _failed(undirected)


def test_totals_must_equal_the_counted_events():
    con = _built()
    con.execute("DELETE FROM staging.dyad_month WHERE src_iso3 = 'PAK'")
    _, month, _ = validate_panels(panel_frames(con, months=None))
    assert ("expect_column_values_to_be_between", "total_mismatch") in _failed(month)
