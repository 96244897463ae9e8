"""Query latency of a pair's monthly series over a synthetic 10-million-event warehouse.

Generates events (plus one mention per event and articles with publishers, so n_articles/n_sources take the
real distinct-count path) with DuckDB range(), builds the dyad panels with peristiwa.aggregates.dyads, then
times the monthly series of IRN->PAK from dyad_month (cold: fresh connection; warm: median of repeats) and,
for scale, the same series computed straight from events.

    nice python benchmarks/dyad_query_latency.py [--events 10000000] [--db /tmp/dyad_bench.duckdb]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from pathlib import Path

import duckdb

from peristiwa.aggregates.dyads import Sources, refresh_dyads
from warehouse.schema import apply_schema

# 60 countries; IRN and PAK first so the benchmarked pair is among the busiest (skewed draw below).
COUNTRIES = [
    "IRN",
    "PAK",
    "RUS",
    "USA",
    "CHN",
    "ISR",
    "AZE",
    "IDN",
    "MYS",
    "SGP",
    "THA",
    "VNM",
    "PHL",
    "AUS",
    "JPN",
    "KOR",
    "PRK",
    "IND",
    "BGD",
    "AFG",
    "IRQ",
    "SYR",
    "TUR",
    "SAU",
    "ARE",
    "QAT",
    "EGY",
    "JOR",
    "LBN",
    "YEM",
    "UKR",
    "BLR",
    "POL",
    "DEU",
    "FRA",
    "GBR",
    "ITA",
    "ESP",
    "NLD",
    "BEL",
    "SWE",
    "NOR",
    "FIN",
    "CAN",
    "MEX",
    "BRA",
    "ARG",
    "CHL",
    "COL",
    "PER",
    "NGA",
    "KEN",
    "ETH",
    "ZAF",
    "DZA",
    "MAR",
    "TUN",
    "LBY",
    "SDN",
    "SOM",
]
SERIES_SQL = "SELECT * FROM dyad_month WHERE src_iso3 = 'IRN' AND tgt_iso3 = 'PAK' ORDER BY month"
RAW_SQL = """
SELECT date_trunc('month', date_min) AS month, count(*) AS n_events, sum(goldstein) AS goldstein_sum
FROM events WHERE counted_in_aggregates AND source_iso3 = 'IRN' AND target_iso3 = 'PAK'
  AND date_min = date_max GROUP BY ALL ORDER BY month"""


def generate(con: duckdb.DuckDBPyConnection, n: int) -> None:
    k = len(COUNTRIES)
    con.execute("CREATE OR REPLACE TEMP TABLE iso (ci INTEGER, iso3 VARCHAR)")
    con.executemany("INSERT INTO iso VALUES (?, ?)", list(enumerate(COUNTRIES)))
    # Skewed countries (squared uniform), 300 months from 2000-01; ~85% day-dated, ~10% month-only,
    # ~5% spanning months; 20% in reciprocal pairs (pair_id shared by i and i+1); 95% counted.
    con.execute(
        f"""
        INSERT INTO events BY NAME
        WITH g AS (
            SELECT i, hash(i) AS h, hash(i * 7919 + 1) AS h2, hash(i * 104729 + 3) AS h3
            FROM range({n}) t(i)),
        d AS (
            SELECT i, h, h2, h3,
                   CAST(floor(pow((h % 1000000) / 1e6, 2) * {k}) AS INT) AS s,
                   DATE '2000-01-01' + CAST(h2 % 9125 AS INT) AS dday, (h3 % 100) AS r
            FROM g)
        SELECT 'e' || i AS event_id, '042' AS cameo_code, '04' AS cameo_root,
               ((h3 // 100) % 201) / 10.0 - 10 AS goldstein, 1 + CAST((h3 // 7) % 4 AS INT) AS quad_class,
               src.iso3 AS source_iso3, tgt.iso3 AS target_iso3,
               CASE WHEN i % 10 IN (0, 1) THEN 'p' || (i // 2) END AS pair_id,
               dday AS event_date,
               CASE WHEN r < 85 THEN dday WHEN r < 95 THEN CAST(date_trunc('month', dday) AS DATE)
                    ELSE dday - 40 END AS date_min,
               CASE WHEN r < 85 THEN dday WHEN r < 95 THEN CAST(last_day(dday) AS DATE)
                    ELSE dday END AS date_max,
               CASE WHEN r < 85 THEN 'day' WHEN r < 95 THEN 'month' ELSE 'range' END AS date_precision,
               'asserted' AS modality, 'positive' AS polarity, 1 AS num_mentions, 1 AS num_articles,
               1 AS num_sources, ['m' || i] AS mention_ids, (h % 20) <> 0 AS counted_in_aggregates,
               'within-article' AS dedup_method, 'bench' AS run_id
        FROM d JOIN iso src ON src.ci = s
        JOIN iso tgt ON tgt.ci = (s + 1 + CAST(h2 // 9125 % {k - 1} AS INT)) % {k}
        """
    )
    # One mention per event, ~3 events per article, 40 publishers.
    con.execute(
        f"""CREATE TABLE bench_mentions AS
        SELECT 'm' || i AS mention_id, 'a' || (i // 3) AS article_id FROM range({n}) t(i)"""
    )
    con.execute(
        f"""CREATE TABLE bench_articles AS
        SELECT 'a' || i AS article_id, 'pub' || (i % 40) AS publisher FROM range({n} // 3 + 1) t(i)"""
    )


def timed(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[float, int]:
    t = time.perf_counter()
    n = len(con.execute(sql).fetchall())
    return time.perf_counter() - t, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/dyad_bench.duckdb"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args()
    args.db.unlink(missing_ok=True)
    settings = {"threads": args.threads, "memory_limit": "6GB"}
    con = duckdb.connect(str(args.db), config=settings)
    apply_schema(con)
    t0 = time.perf_counter()
    generate(con, args.events)
    t1 = time.perf_counter()
    written = refresh_dyads(
        con, src=Sources("main.events", "bench_mentions", "bench_articles"), schema="main", run_id="bench"
    )
    t2 = time.perf_counter()
    # The contract views were created by apply_schema; they read the tables just filled.
    con.execute("CHECKPOINT")
    con.close()
    print(f"events: {args.events:,}  generate: {t1 - t0:.1f}s  build dyad panels (full): {t2 - t1:.1f}s")
    print("rows: " + ", ".join(f"{k}={v:,}" for k, v in written.items()))
    print(f"db size: {args.db.stat().st_size / 2**20:.0f} MiB  threads: {args.threads}")

    for label, sql in (
        ("dyad_month series IRN->PAK", SERIES_SQL),
        ("dyad_series('IRN','PAK') macro", "FROM dyad_series('IRN', 'PAK')"),
        ("same series from raw events", RAW_SQL),
    ):
        con = duckdb.connect(str(args.db), read_only=True, config=settings)
        cold, n = timed(con, sql)
        warm = [timed(con, sql)[0] for _ in range(args.repeats)]
        con.close()
        print(
            f"{label:32s} rows={n:4d}  cold={cold * 1e3:8.1f} ms"
            f"  warm median={statistics.median(warm) * 1e3:8.1f} ms"
            f"  (min {min(warm) * 1e3:.1f}, n={args.repeats})"
        )

    # Incremental: recompute one month after a batch of new events in it.
    con = duckdb.connect(str(args.db), config=settings)
    t = time.perf_counter()
    refresh_dyads(
        con,
        [dt.date(2024, 6, 1)],
        src=Sources("main.events", "bench_mentions", "bench_articles"),
        schema="main",
        run_id="inc",
    )
    print(f"incremental refresh of one month: {time.perf_counter() - t:.1f}s")
    con.close()


if __name__ == "__main__":
    main()
