"""Benchmark: the whole chain (ingest -> dyad panels) on the first N articles of a shared corpus.

    .venv/bin/python benchmarks/chain_slice.py --corpus clickid --limit 1000 [--keep DIR] [--sample 30]

Prints wall time per stage, articles/min, the share of time in Stanza (the `sentences` step) against
the rest, and what came out: events per article, share of event mentions with both actors resolved,
top 20 directed dyads, top 15 undirected pairs by events and by net Goldstein, and `--sample` randomly
drawn counted events with their sentences (for reading and judging precision by hand).
With --keep the inbox, warehouse and Dagster home stay in DIR for SQL afterwards.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import dagster as dg
import duckdb

from pipelines.definitions import build_definitions
from pipelines.settings import REPO_ROOT, Settings

QUERIES = {
    "events per article": """
        SELECT count(*) AS articles, (SELECT count(*) FROM event_mentions) AS event_mentions,
               round((SELECT count(*) FROM event_mentions) / count(*), 2) AS mentions_per_article,
               (SELECT count(*) FROM events) AS events,
               (SELECT count(*) FROM events WHERE counted_in_aggregates) AS counted_events,
               round((SELECT count(*) FROM events WHERE counted_in_aggregates) / count(*), 2)
                   AS counted_per_article
        FROM articles_clean""",
    "event mentions with both actors resolved": """
        SELECT count(*) AS mentions,
               count(*) FILTER (WHERE coalesce(source_iso3, '') <> '' AND coalesce(target_iso3, '') <> '')
                   AS both_resolved,
               round(100.0 * both_resolved / count(*), 1) AS pct
        FROM event_mentions""",
    "dyad placement of counted events": """
        SELECT placement, count(*) AS events FROM v_dyad_placed_events GROUP BY ALL ORDER BY events DESC""",
    "top 20 directed dyads": """
        SELECT src_iso3, tgt_iso3, sum(n_events) AS n_events,
               sum(n_verbal_cooperation + n_material_cooperation) AS coop,
               sum(n_verbal_conflict + n_material_conflict) AS conflict,
               round(sum(goldstein_sum), 1) AS net_goldstein
        FROM dyad_month GROUP BY ALL ORDER BY n_events DESC, src_iso3, tgt_iso3 LIMIT 20""",
    "top 15 undirected pairs by events": """
        SELECT a_iso3, b_iso3, n_events, n_reciprocal, n_cooperation, n_conflict,
               round(net_goldstein, 1) AS net
        FROM v_top_undirected_pairs ORDER BY events_rank, a_iso3, b_iso3 LIMIT 15""",
    "top 15 undirected pairs by net Goldstein": """
        SELECT a_iso3, b_iso3, n_events, round(net_goldstein, 1) AS net, round(goldstein_mean, 2) AS mean
        FROM v_top_undirected_pairs ORDER BY net_goldstein_rank, a_iso3, b_iso3 LIMIT 15""",
}

SAMPLE_SQL = """
SELECT e.event_id, e.source_iso3 || '->' || e.target_iso3 AS dyad, e.cameo_code, e.event_date,
       (SELECT min(s.sentence_text) FROM v_event_sentences s WHERE s.event_id = e.event_id) AS sentence
FROM events e WHERE e.counted_in_aggregates
ORDER BY hash(e.event_id || $seed) LIMIT $n
"""


def step_seconds(instance: dg.DagsterInstance, run_id: str) -> dict[str, float]:
    return {
        stat.step_key: stat.end_time - stat.start_time
        for stat in instance.get_run_step_stats(run_id)
        if stat.start_time and stat.end_time
    }


def show(con: duckdb.DuckDBPyConnection, title: str, sql: str, params: dict | None = None) -> None:
    print(f"\n== {title}")
    print(con.sql(sql, params=params))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--corpus", choices=("clickid", "indosum"), default="clickid")
    parser.add_argument("--limit", type=int, default=1000, help="first N lines of the corpus")
    parser.add_argument("--keep", type=Path, help="keep inbox, warehouse and Dagster home here")
    parser.add_argument("--sample", type=int, default=0, help="print N random counted events")
    parser.add_argument("--seed", default="peristiwa")
    parser.add_argument("--resume", action="store_true",
                        help="with --keep: rerun on the kept inbox and warehouse (incremental)")
    args = parser.parse_args()
    corpus = args.shared / "corpus" / args.corpus / "articles.jsonl"
    root = args.keep or Path(tempfile.mkdtemp(prefix="peristiwa-chain-"))
    inbox = root / "inbox"
    with corpus.open(encoding="utf-8") as lines:
        head = [line for _, line in zip(range(args.limit), lines, strict=False)]
    if not (args.resume and args.keep):
        if root.exists() and args.keep:
            shutil.rmtree(root)
        inbox.mkdir(parents=True)
        (inbox / f"{args.corpus}.jsonl").write_text("".join(head), encoding="utf-8")
    settings = Settings(data_dir=root, inbox=inbox, warehouse=root / "warehouse.duckdb",
                        shared_dir=args.shared, dagster_home=root / "dagster_home")
    defs = build_definitions(settings)
    job = defs.resolve_job_def("chain_job")
    try:
        with dg.instance_for_test() as instance:
            started = time.perf_counter()
            result = job.execute_in_process(instance=instance, raise_on_error=False)
            wall = time.perf_counter() - started
            steps = step_seconds(instance, result.run_id)
        print(f"chain_job on {len(head)} {args.corpus} lines: {'SUCCESS' if result.success else 'FAILURE'} "
              f"in {wall:.1f}s = {60 * len(head) / wall:.1f} articles/min")
        for step, seconds in steps.items():
            print(f"  {step:24s} {seconds:8.1f}s  {100 * seconds / wall:5.1f}%")
        stanza = steps.get("sentences", 0.0)
        print(f"  Stanza (sentences step) {100 * stanza / wall:.1f}% of the run, the rest "
              f"{100 * (wall - stanza) / wall:.1f}%")
        with duckdb.connect(str(settings.warehouse), read_only=True) as con:
            for title, sql in QUERIES.items():
                show(con, title, sql)
            if args.sample:
                rows = con.sql(SAMPLE_SQL, params={"seed": args.seed, "n": args.sample}).fetchall()
                print(f"\n== {len(rows)} random counted events (seed {args.seed!r})")
                for i, (event_id, dyad, code, date, sentence) in enumerate(rows, 1):
                    print(f"{i:2d}. {dyad} {code} {date} [{event_id[:10]}]\n    {sentence}")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if args.keep:
        print(f"\nkept: {root} (warehouse {settings.warehouse})")


if __name__ == "__main__":
    main()
