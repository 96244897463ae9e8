"""Country-pair (dyad) panels as DuckDB SQL over the warehouse: dyad_day, dyad_month, dyad_month_undirected.

Only events with counted_in_aggregates (and two different, non-empty countries) are aggregated.

Date placement (why: "in January" must not become 1 January, yet an event the text dates only loosely is
still an event of some month, and a panel that drops it undercounts exactly the pairs whose news is vague):
  * day       the interval is one day (date_min = date_max; a 'day' precision without bounds uses event_date)
              -> dyad_day and dyad_month (n_events_day);
  * month     the interval lies inside one calendar month -> dyad_month only (n_events_month_only);
  * reported  the text gives no date, only that the event happened by the time of writing (date_min NULL,
              date_max = publication date) -> dyad_month of the publication month, counted apart in
              n_events_reported (GDELT's convention of dating by report, made visible so strict users can
              subtract it); never in dyad_day;
  * estimated the interval crosses a month boundary ('range' "tahun lalu", 'approx' inheritances, a year-less
              month read two ways) or has an open end -> dyad_month of the best-estimate date (event_date),
              counted apart in n_events_estimated; its precision stays on the event (date_precision, shown
              by v_dyad_placed_events); never in dyad_day;
  * unplaced  no usable date (reason no_date: neither a best-estimate date nor a publication bound, e.g. an
              undated article whose text gives no absolute date) or an invalid dyad (invalid_dyad) -> in no
              panel; listed with the reason by `placement_totals` and the view v_dyad_unplaced_events, so
              totals still reconcile: counted events = sum(dyad_month.n_events) + unplaced.

n_articles / n_sources are DISTINCT counts over the cell's mentions (mention_ids -> event_mentions.article_id
-> articles_clean.publisher, the article when the publisher is unknown), not sums of the events' counts: one
article reporting three IRN->PAK events is one article.

Undirected panel: pair (least, greatest); events sharing pair_id (the two directions of a reciprocal event)
merge into one unit placed in the earliest month of its directions; the unit takes the Goldstein weight and
quad class of its lowest event_id (both directions carry the same code) and the larger num_articles and
num_mentions.

Incremental: every table carries `month`; `refresh_dyads(con, months)` deletes and re-inserts only those
months (and upserts their dyad_periods rows, including months left empty). `touched_months(con, old, new)`
finds the months whose cells can differ between two versions of the events table; `stale_months(con)` the
months a change of the placement rule itself left out of date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import duckdb

TABLES = ("dyad_day", "dyad_month", "dyad_month_undirected", "dyad_periods")
_MONTHS = "_dyad_months"  # temp table holding the months being (re)computed


@dataclass(frozen=True)
class Sources:
    """Where the inputs live (qualified table names): events, their mentions, cleaned articles (publisher)."""

    events: str = "main.events"
    mentions: str = "main.event_mentions"
    articles: str = "main.articles_clean"


# The placement rule, shared with the views (a test checks v_dyad_placed_events agrees with it).
_LO = "coalesce(date_min, CASE WHEN date_precision = 'day' THEN event_date END)"
_HI = "coalesce(date_max, CASE WHEN date_precision = 'day' THEN event_date END)"
PLACEMENT_SQL = f"""CASE
        WHEN coalesce(source_iso3, '') = '' OR coalesce(target_iso3, '') = '' OR source_iso3 = target_iso3
            THEN 'invalid_dyad'
        WHEN {_LO} IS NULL AND {_HI} IS NOT NULL THEN 'reported'
        WHEN {_LO} = {_HI} THEN 'day'
        WHEN date_trunc('month', {_LO}) = date_trunc('month', {_HI}) THEN 'month'
        WHEN event_date IS NOT NULL THEN 'estimated'
        ELSE 'no_date' END"""
PLACEMENTS = ("day", "month", "reported", "estimated")  # the placements that put an event in dyad_month
UNPLACED = ("no_date", "invalid_dyad")


def placed_events_sql(events: str) -> str:
    """Every counted event with its placement, day (day placement only) and month (placed events only)."""
    return f"""
    SELECT event_id, source_iso3 AS src_iso3, target_iso3 AS tgt_iso3, pair_id, quad_class, goldstein,
           num_articles, num_mentions, mention_ids, placement,
           CASE WHEN placement = 'day' THEN {_LO} END AS day,
           CASE WHEN placement IN ('day', 'month') THEN CAST(date_trunc('month', {_LO}) AS DATE)
                WHEN placement = 'reported' THEN CAST(date_trunc('month', {_HI}) AS DATE)
                WHEN placement = 'estimated' THEN CAST(date_trunc('month', event_date) AS DATE) END AS month
    FROM (SELECT *, {PLACEMENT_SQL} AS placement FROM {events} WHERE counted_in_aggregates)
    """


def _measures(prefix: str = "") -> str:
    """Quad counts and Goldstein measures over rows of (quad_class, goldstein, num_articles, num_mentions)."""
    p = prefix
    return f"""
        count(*) FILTER (WHERE {p}quad_class = 1) AS n_verbal_cooperation,
        count(*) FILTER (WHERE {p}quad_class = 2) AS n_material_cooperation,
        count(*) FILTER (WHERE {p}quad_class = 3) AS n_verbal_conflict,
        count(*) FILTER (WHERE {p}quad_class = 4) AS n_material_conflict,
        sum({p}goldstein) AS goldstein_sum,
        avg({p}goldstein) AS goldstein_mean,
        coalesce(sum({p}goldstein) FILTER (WHERE {p}goldstein > 0), 0) AS goldstein_coop_sum,
        coalesce(sum({p}goldstein) FILTER (WHERE {p}goldstein < 0), 0) AS goldstein_conflict_sum,
        coalesce(sum({p}goldstein * {p}num_articles) / nullif(sum({p}num_articles), 0), avg({p}goldstein))
            AS goldstein_weighted_mean"""


def _event_articles_sql(src: Sources) -> str:
    """(event_id, article_id, source_key) for the placed events of the months being computed."""
    return f"""
    SELECT p.event_id, m.article_id, coalesce(nullif(a.publisher, ''), m.article_id) AS source_key
    FROM (SELECT * FROM _dyad_placed_all
          -- reciprocal partners may sit in a month not being computed but still feed an undirected unit
          WHERE month IN (SELECT month FROM _dyad_months) OR pair_id IS NOT NULL) p,
         unnest(p.mention_ids) AS u(mention_id)
    JOIN {src.mentions} m ON m.mention_id = u.mention_id
    LEFT JOIN {src.articles} a ON a.article_id = m.article_id
    """


def _insert_sql(schema: str) -> dict[str, str]:
    """INSERTs for the months in _MONTHS, from the temp tables _dyad_placed(_all) and _dyad_event_articles."""
    art = """count(DISTINCT ea.article_id) AS n_articles, count(DISTINCT ea.source_key) AS n_sources"""
    return {
        "dyad_day": f"""
        INSERT INTO {schema}.dyad_day BY NAME
        WITH cells AS (
            SELECT src_iso3, tgt_iso3, day, any_value(month) AS month, count(*) AS n_events, {_measures()},
                   sum(num_mentions) AS n_mentions
            FROM _dyad_placed WHERE placement = 'day' GROUP BY src_iso3, tgt_iso3, day),
        arts AS (
            SELECT p.src_iso3, p.tgt_iso3, p.day, {art}
            FROM _dyad_placed p JOIN _dyad_event_articles ea USING (event_id)
            WHERE p.placement = 'day' GROUP BY ALL)
        SELECT c.*, coalesce(a.n_articles, 0) AS n_articles, coalesce(a.n_sources, 0) AS n_sources
        FROM cells c LEFT JOIN arts a USING (src_iso3, tgt_iso3, day)
        """,
        "dyad_month": f"""
        INSERT INTO {schema}.dyad_month BY NAME
        WITH cells AS (
            SELECT src_iso3, tgt_iso3, month, count(*) AS n_events,
                   count(*) FILTER (WHERE placement = 'day') AS n_events_day,
                   count(*) FILTER (WHERE placement = 'month') AS n_events_month_only,
                   count(*) FILTER (WHERE placement = 'reported') AS n_events_reported,
                   count(*) FILTER (WHERE placement = 'estimated') AS n_events_estimated, {_measures()},
                   sum(num_mentions) AS n_mentions
            FROM _dyad_placed GROUP BY src_iso3, tgt_iso3, month),
        arts AS (
            SELECT p.src_iso3, p.tgt_iso3, p.month, {art}
            FROM _dyad_placed p JOIN _dyad_event_articles ea USING (event_id) GROUP BY ALL)
        SELECT c.*, coalesce(a.n_articles, 0) AS n_articles, coalesce(a.n_sources, 0) AS n_sources
        FROM cells c LEFT JOIN arts a USING (src_iso3, tgt_iso3, month)
        """,
        "dyad_month_undirected": f"""
        INSERT INTO {schema}.dyad_month_undirected BY NAME
        WITH units AS (
            SELECT a_iso3, b_iso3, unit_id, min(month) AS month, count(*) AS n_directed,
                   count(DISTINCT src_iso3) AS n_directions,
                   arg_min(quad_class, event_id) AS quad_class, arg_min(goldstein, event_id) AS goldstein,
                   max(num_articles) AS num_articles, max(num_mentions) AS num_mentions,
                   list(event_id) AS event_ids
            FROM (SELECT *, least(src_iso3, tgt_iso3) AS a_iso3, greatest(src_iso3, tgt_iso3) AS b_iso3,
                         coalesce(pair_id, 'event:' || event_id) AS unit_id
                  FROM _dyad_placed_all)
            GROUP BY a_iso3, b_iso3, unit_id),
        kept AS (SELECT * FROM units WHERE month IN (SELECT month FROM {_MONTHS})),
        cells AS (
            SELECT a_iso3, b_iso3, month, count(*) AS n_events, sum(n_directed) AS n_events_directed,
                   count(*) FILTER (WHERE n_directions > 1) AS n_reciprocal, {_measures()},
                   sum(num_mentions) AS n_mentions
            FROM kept GROUP BY a_iso3, b_iso3, month),
        arts AS (
            SELECT k.a_iso3, k.b_iso3, k.month, {art}
            FROM kept k, unnest(k.event_ids) AS u(event_id)
            JOIN _dyad_event_articles ea ON ea.event_id = u.event_id GROUP BY ALL)
        SELECT c.*, coalesce(a.n_articles, 0) AS n_articles, coalesce(a.n_sources, 0) AS n_sources
        FROM cells c LEFT JOIN arts a USING (a_iso3, b_iso3, month)
        """,
    }


def _set_months(con: duckdb.DuckDBPyConnection, months: Iterable[dt.date] | None, src: Sources) -> None:
    con.execute(f"CREATE OR REPLACE TEMP TABLE {_MONTHS} (month DATE PRIMARY KEY)")
    if months is None:
        con.execute(
            f"INSERT INTO {_MONTHS} SELECT DISTINCT month FROM ({placed_events_sql(src.events)}) "
            "WHERE month IS NOT NULL"
        )
    else:
        # Normalise to the first of the month so callers may pass any day of it.
        firsts = sorted({dt.date(m.year, m.month, 1) for m in months})
        if firsts:
            con.executemany(f"INSERT INTO {_MONTHS} VALUES (?)", [(m,) for m in firsts])


def refresh_dyads(
    con: duckdb.DuckDBPyConnection,
    months: Iterable[dt.date] | None = None,
    *,
    src: Sources = Sources(),
    schema: str = "staging",
    run_id: str = "",
    transaction: bool = True,
) -> dict[str, int]:
    """Recompute the dyad panels for `months` (None: every month with a placed event) into `<schema>.dyad_*`.

    Rows of those months are deleted from the four target tables, then re-inserted (months with no events
    left keep a dyad_periods row with n_events 0, so a publish that replaces by `month` also removes their old
    cells). With months=None the target tables are emptied first (full rebuild). Runs in its own transaction;
    pass transaction=False when the caller holds one (DuckDB has no nested transactions, and a failed BEGIN
    would abort the caller's). Returns the rows written per table.
    """
    own_tx = transaction
    if own_tx:
        con.execute("BEGIN TRANSACTION")
    try:
        _set_months(con, months, src)
        con.execute(f"CREATE OR REPLACE TEMP TABLE _dyad_placed_all AS {placed_events_sql(src.events)}")
        # Undirected units need every direction of a pair, so only the directed panels filter early.
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _dyad_placed AS SELECT * FROM _dyad_placed_all "
            f"WHERE month IN (SELECT month FROM {_MONTHS})"
        )
        con.execute(f"CREATE OR REPLACE TEMP TABLE _dyad_event_articles AS {_event_articles_sql(src)}")
        for table in TABLES:
            if months is None:
                con.execute(f"DELETE FROM {schema}.{table}")
            else:
                con.execute(f"DELETE FROM {schema}.{table} WHERE month IN (SELECT month FROM {_MONTHS})")
        written = {}
        for table, sql in _insert_sql(schema).items():
            con.execute(sql)
            written[table] = con.execute(
                f"SELECT count(*) FROM {schema}.{table} WHERE month IN (SELECT month FROM {_MONTHS})"
            ).fetchall()[0][0]
        con.execute(
            f"""
            INSERT INTO {schema}.dyad_periods BY NAME
            SELECT m.month, coalesce(sum(d.n_events), 0) AS n_events, count(d.month) AS n_cells,
                   ? AS run_id, now()::TIMESTAMP AS computed_at
            FROM {_MONTHS} m LEFT JOIN {schema}.dyad_month d USING (month) GROUP BY m.month
            """,
            [run_id],
        )
        written["dyad_periods"] = con.execute(f"SELECT count(*) FROM {_MONTHS}").fetchall()[0][0]
        for tmp in ("_dyad_placed_all", "_dyad_placed", "_dyad_event_articles", _MONTHS):
            con.execute(f"DROP TABLE IF EXISTS {tmp}")
        if own_tx:
            con.execute("COMMIT")
        return written
    except Exception:
        if own_tx:
            con.execute("ROLLBACK")
        raise


# Every events column the panels read: a snapshot of these is enough to find touched months later.
INPUT_COLUMNS = (
    "event_id, source_iso3, target_iso3, pair_id, quad_class, goldstein, num_articles, num_mentions, "
    "mention_ids, counted_in_aggregates, event_date, date_min, date_max, date_precision"
)


def touched_months(con: duckdb.DuckDBPyConnection, old_events: str, new_events: str) -> list[dt.date]:
    """Months whose dyad cells can differ between two versions of the events table.

    An event counts as changed when any column the panels read differs (event_ids are hashes of member
    mentions, so a grown cluster is a removed event plus an added one). Touched = the placement months of the
    changed events in both versions, plus the months of any event sharing a pair_id with one of them (the
    undirected unit moves to the earliest month of its directions).
    """
    rows = con.execute(
        f"""
        WITH changed AS (
            (SELECT {INPUT_COLUMNS} FROM {old_events} EXCEPT SELECT {INPUT_COLUMNS} FROM {new_events})
            UNION ALL
            (SELECT {INPUT_COLUMNS} FROM {new_events} EXCEPT SELECT {INPUT_COLUMNS} FROM {old_events})),
        placed AS (
            SELECT month, pair_id FROM ({placed_events_sql("changed")})),
        partners AS (
            SELECT month FROM ({placed_events_sql(old_events)})
            WHERE pair_id IN (SELECT pair_id FROM placed WHERE pair_id IS NOT NULL)
            UNION ALL
            SELECT month FROM ({placed_events_sql(new_events)})
            WHERE pair_id IN (SELECT pair_id FROM placed WHERE pair_id IS NOT NULL))
        SELECT DISTINCT month FROM (SELECT month FROM placed UNION ALL SELECT month FROM partners)
        WHERE month IS NOT NULL ORDER BY month
        """
    ).fetchall()
    return [r[0] for r in rows]


def stale_months(
    con: duckdb.DuckDBPyConnection, inputs: str = "main.dyad_event_inputs", panel: str = "main.dyad_month"
) -> list[dt.date]:
    """Months whose published totals differ from what the current placement rule makes of the very events
    the panels were built from: the rule changed since (an upgrade that places events it used to leave out).
    touched_months cannot see this, as no event changed."""
    rows = con.execute(
        f"""
        WITH want AS (SELECT month, count(*) AS n FROM ({placed_events_sql(inputs)})
                      WHERE month IS NOT NULL GROUP BY month),
             have AS (SELECT month, sum(n_events) AS n FROM {panel} GROUP BY month)
        SELECT month FROM want FULL JOIN have USING (month)
        WHERE coalesce(want.n, 0) <> coalesce(have.n, 0) ORDER BY month
        """
    ).fetchall()
    return [r[0] for r in rows]


def months_filter(months: Sequence[dt.date] | None) -> tuple[str, list]:
    """A `WHERE month IN (...)` clause and its parameter for `months` (nothing for None: every month)."""
    if months is None:
        return "", []
    return "WHERE month IN (SELECT unnest(?::DATE[]))", [list(months)]


def placement_totals(con: duckdb.DuckDBPyConnection, events: str = "main.events") -> dict[str, int]:
    """Counted events per placement (day, month, reported, estimated; unplaced: no_date, invalid_dyad).

    The reconciliation check: sum(dyad_month.n_events) == the placed ones; placements sum to counted.
    """
    rows = con.execute(
        f"SELECT placement, count(*) FROM ({placed_events_sql(events)}) GROUP BY ALL"
    ).fetchall()
    out = {k: 0 for k in (*PLACEMENTS, *UNPLACED)}
    out.update({k: int(v) for k, v in rows})
    out["counted"] = sum(out.values())
    return out


def check_dyads(
    con: duckdb.DuckDBPyConnection,
    schema: str = "staging",
    events: str = "main.events",
    months: Sequence[dt.date] | None = None,
) -> dict[str, int]:
    """Violation counts of the issue's checks (all 0 when the panels are sound), for the lead's GX checks.

    With `months`, totals are compared over those months only (an incremental batch).
    """
    where, params = months_filter(months)
    placed = f"SELECT * FROM ({placed_events_sql(events)}) WHERE month IS NOT NULL"
    and_where = "AND" if where else "WHERE"
    q = {
        "negative_counts": f"""SELECT count(*) FROM {schema}.dyad_month {where} {and_where}
            least(n_events, n_events_day, n_events_month_only, n_events_reported, n_events_estimated,
                  n_verbal_cooperation, n_material_cooperation, n_verbal_conflict, n_material_conflict,
                  n_articles, n_sources, n_mentions) < 0""",
        # n_events is the sum of its placements.
        "placement_sum_mismatch": f"""SELECT count(*) FROM {schema}.dyad_month {where} {and_where}
            n_events <> n_events_day + n_events_month_only + n_events_reported + n_events_estimated""",
        "quad_sum_mismatch": f"""SELECT count(*) FROM (
            SELECT n_events, n_verbal_cooperation + n_material_cooperation + n_verbal_conflict
                   + n_material_conflict AS q FROM {schema}.dyad_day {where}
            UNION ALL SELECT n_events, n_verbal_cooperation + n_material_cooperation + n_verbal_conflict
                   + n_material_conflict FROM {schema}.dyad_month {where}
            UNION ALL SELECT n_events, n_verbal_cooperation + n_material_cooperation + n_verbal_conflict
                   + n_material_conflict FROM {schema}.dyad_month_undirected {where}) WHERE q <> n_events""",
        "self_dyads": f"""SELECT (SELECT count(*) FROM {schema}.dyad_day WHERE src_iso3 = tgt_iso3)
            + (SELECT count(*) FROM {schema}.dyad_month WHERE src_iso3 = tgt_iso3)
            + (SELECT count(*) FROM {schema}.dyad_month_undirected WHERE a_iso3 >= b_iso3)""",
        "mean_out_of_range": f"""SELECT count(*) FROM (
            SELECT goldstein_mean m, goldstein_weighted_mean w FROM {schema}.dyad_day
            UNION ALL SELECT goldstein_mean, goldstein_weighted_mean FROM {schema}.dyad_month
            UNION ALL SELECT goldstein_mean, goldstein_weighted_mean FROM {schema}.dyad_month_undirected)
            WHERE NOT (m BETWEEN -10 AND 10 AND w BETWEEN -10 AND 10)""",
        # |sum(n_events) - counted placed events| over the months checked.
        "total_mismatch": f"""SELECT abs((SELECT coalesce(sum(n_events), 0) FROM {schema}.dyad_month {where})
            - (SELECT count(*) FROM ({placed}) {where}))""",
        "day_rollup_mismatch": f"""SELECT count(*) FROM {schema}.dyad_month m FULL JOIN (
                SELECT src_iso3, tgt_iso3, month, sum(n_events) AS n FROM {schema}.dyad_day GROUP BY ALL
            ) d USING (src_iso3, tgt_iso3, month)
            WHERE coalesce(m.n_events_day, 0) <> coalesce(d.n, 0) {
            "AND month IN (SELECT unnest(?::DATE[]))" if months is not None else ""
        }""",
        "untraceable_cells": f"""SELECT count(*) FROM {schema}.dyad_month c {where} {and_where}
            NOT EXISTS (SELECT 1 FROM ({placed}) p WHERE p.src_iso3 = c.src_iso3 AND p.tgt_iso3 = c.tgt_iso3
                        AND p.month = c.month)""",
    }
    out = {}
    for name, sql in q.items():
        n_params = sql.count("?::DATE[]")
        out[name] = int(con.execute(sql, params * n_params).fetchall()[0][0])
    return out
