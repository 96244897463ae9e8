"""Country-pair panels through real Dagster runs on the seeds: must-shows, checks, charts, incremental."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from peristiwa.aggregates.dyads import TABLES, refresh_dyads
from tests.chain import check_outcomes, run_chain, served, stage_metadata
from tests.conftest import SAMPLE_INBOX

PERISTIWA = str(Path(sys.executable).with_name("peristiwa"))
PANELS = ("dyad_day", "dyad_month", "dyad_month_undirected")
JAN_2024, NOV_2024 = dt.date(2024, 1, 1), dt.date(2024, 11, 1)


@pytest.fixture
def seeded(seeds_chain):
    """The session's chain run over the seeds (tests/conftest.py), shared by the read-only tests below."""
    return seeds_chain.inbox, seeds_chain.warehouse, seeds_chain.result


def _cell(warehouse: Path, src: str, tgt: str, month: dt.date) -> dict:
    rows = served(warehouse, "SELECT * FROM dyad_month WHERE src_iso3 = ? AND tgt_iso3 = ? AND month = ?",
                  [src, tgt, month])
    with duckdb.connect(str(warehouse), read_only=True) as con:
        columns = [r[0] for r in con.execute("DESCRIBE dyad_month").fetchall()]
    return dict(zip(columns, rows[0], strict=True)) if rows else {}


def test_seed_must_shows(seeded):
    _, warehouse, result = seeded
    assert all(check_outcomes(result)[f"{p}_valid"] for p in PANELS)
    assert _cell(warehouse, "IRN", "PAK", JAN_2024).get("n_material_conflict", 0) >= 1
    assert _cell(warehouse, "PAK", "IRN", JAN_2024).get("n_material_conflict", 0) >= 1
    assert _cell(warehouse, "IRN", "AZE", NOV_2024).get("n_material_cooperation", 0) >= 1
    irn_rus = served(warehouse, """SELECT sum(n_verbal_cooperation + n_material_cooperation)
                                   FROM dyad_month WHERE src_iso3 = 'IRN' AND tgt_iso3 = 'RUS'""")
    assert irn_rus[0][0] >= 1
    assert served(warehouse, "SELECT count(*) FROM dyad_month WHERE src_iso3 = tgt_iso3") == [(0,)]
    assert served(warehouse, "SELECT count(*) FROM dyad_day WHERE src_iso3 = tgt_iso3") == [(0,)]


def test_totals_equal_counted_events(seeded):
    _, warehouse, result = seeded
    counted = served(warehouse, "SELECT count(*) FROM events WHERE counted_in_aggregates")[0][0]
    in_panels = served(warehouse, "SELECT sum(n_events) FROM dyad_month")[0][0]
    unplaced = served(warehouse, "SELECT count(*) FROM v_dyad_unplaced_events")[0][0]
    assert counted > 20
    assert in_panels + unplaced == counted
    meta = stage_metadata(result, "dyad_month")
    assert meta["counted_events"] == counted and meta["events_placed"] == in_panels
    # reciprocal events count once undirected: never more undirected events than directed ones
    directed, undirected = served(warehouse, """
        SELECT (SELECT sum(n_events) FROM dyad_month),
               (SELECT sum(n_events) FROM dyad_month_undirected)""")[0]
    assert undirected < directed


def test_every_cell_traces_back_to_sentences(seeded):
    _, warehouse, _ = seeded
    orphans = served(warehouse, """
        SELECT count(*) FROM dyad_month d WHERE NOT EXISTS (
            SELECT 1 FROM v_dyad_cell_events c WHERE c.src_iso3 = d.src_iso3 AND c.tgt_iso3 = d.tgt_iso3
            AND c.month = d.month AND c.sentence_text IS NOT NULL)""")
    assert orphans == [(0,)]
    sentences = served(warehouse, """SELECT sentence_text FROM v_dyad_cell_events
                                     WHERE src_iso3 = 'IRN' AND tgt_iso3 = 'PAK' AND month = ?""", [JAN_2024])
    assert any("Pakistan" in s for (s,) in sentences)


def test_ui_metadata_carries_rendered_charts(seeded):
    _, _, result = seeded
    for panel in ("dyad_month", "dyad_month_undirected"):
        chart = stage_metadata(result, panel)["chart"]
        assert chart.startswith("![") and "data:image/png;base64," in chart
        assert len(chart) < 400_000
    assert "|" in stage_metadata(result, "dyad_month_undirected")["top_pairs"]


def test_plot_command_writes_a_png(seeded, tmp_path):
    _, warehouse, _ = seeded
    out = tmp_path / "irn_pak.png"
    proc = subprocess.run([PERISTIWA, "plot", "--pair", "IRN,PAK", "--out", str(out),
                           "--warehouse", str(warehouse)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = subprocess.run([PERISTIWA, "plot", "--pair", "IRN", "--warehouse", str(warehouse)],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and "ISO3" in bad.stderr


def test_new_articles_recompute_only_touched_months_and_match_a_full_rebuild(
        seeds_chain, tmp_path, dagster_instance):
    inbox, warehouse = seeds_chain.copy(tmp_path)  # this test adds articles: its own copy of the seeds run
    instance = dagster_instance
    before = {r[0]: r[1] for r in served(warehouse, "SELECT month, computed_at FROM dyad_periods")}

    rerun = run_chain(inbox, warehouse, instance, job="chain_job")
    assert rerun.success
    assert stage_metadata(rerun, "dyad_month")["no_new_input"] is True
    assert "data:image/png;base64," in stage_metadata(rerun, "dyad_month")["chart"]  # charts stay in the UI

    shutil.copytree(SAMPLE_INBOX, inbox / "samples", ignore=shutil.ignore_patterns("*.md"))
    grown = run_chain(inbox, warehouse, instance, job="chain_job")
    assert grown.success, check_outcomes(grown)
    recomputed = stage_metadata(grown, "dyad_month")["months_recomputed"]
    assert recomputed != "all"
    after = {r[0]: r[1] for r in served(warehouse, "SELECT month, computed_at FROM dyad_periods")}
    touched = {m for m in after if m not in before or after[m] != before[m]}
    assert touched and touched == {dt.date.fromisoformat(m + "-01") for m in recomputed.split(", ")}
    assert len(touched) < len(after), "an incremental run must leave untouched months alone"

    # The incrementally maintained panels equal a rebuild from scratch of the same events.
    with duckdb.connect(str(warehouse), read_only=True) as served_con:
        panels = _panels(served_con)
    scratch = Path(str(warehouse) + ".scratch")
    shutil.copy(warehouse, scratch)
    with duckdb.connect(str(scratch)) as con:
        refresh_dyads(con, schema="main", run_id="scratch")
        rebuilt = _panels(con)
    # months emptied by the new data keep a zero dyad_periods row incrementally; a rebuild has none
    panels["dyad_periods"] = [r for r in panels["dyad_periods"] if r[1] > 0]
    assert panels == rebuilt


def _panels(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every panel's rows, sorted, doubles rounded (sums may add up in another order)."""
    out = {}
    for table in TABLES:
        if table == "dyad_periods":
            out[table] = sorted(con.execute("SELECT month, n_events, n_cells FROM dyad_periods").fetchall())
            continue
        columns = [f"round({name}, 6)" if kind == "DOUBLE" else name
                   for name, kind, *_ in con.execute(f"DESCRIBE {table}").fetchall()]
        out[table] = sorted(con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall())
    return out


def test_a_failing_panel_check_blocks_publication(
    sample_inbox, warehouse_path, dagster_instance, monkeypatch
):
    import assets.aggregates as asset_module

    def corrupting_refresh(con, *args, **kwargs):
        written = refresh_dyads(con, *args, **kwargs)
        con.execute("UPDATE staging.dyad_month SET n_material_conflict = n_material_conflict + 1")
        return written

    monkeypatch.setattr(asset_module, "refresh_dyads", corrupting_refresh)
    result = run_chain(sample_inbox, warehouse_path, dagster_instance, job="chain_job")
    assert not result.success
    assert check_outcomes(result)["dyad_month_valid"] is False
    assert check_outcomes(result)["events_valid"] is True  # upstream stages published
    assert served(warehouse_path, "SELECT count(*) FROM dyad_month") == [(0,)]
    assert served(warehouse_path, "SELECT count(*) FROM events WHERE counted_in_aggregates")[0][0] > 0
    failed = served(warehouse_path, "SELECT DISTINCT column_name FROM dq_results WHERE NOT passed "
                                    "AND check_name = 'dyad_month_valid'")
    assert ("quad_sum_ok",) in failed
