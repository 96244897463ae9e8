"""Benchmark: peak RSS of the entity and event phases alone, over a kept warehouse (no ingest, no NLP).

    .venv/bin/python benchmarks/phase_memory.py ROOT [--limit N] [--copy-to DIR]

ROOT is a --keep folder of corpus_cold.py (warehouse.duckdb, warehouse.writer.duckdb). The run materialises
only `entity_mentions`, `event_mentions` and `events`, with a copy of the actor knowledge under another
version string, so every annotated article is resolved and coded again. `--limit N` first drops every article
but the first N from the ledgers' view (it deletes the other articles' `annotations` and `entity_resolutions`
rows: use it with --copy-to), to compare slices of different size. With --copy-to the warehouse is copied
there first (ROOT stays as it was).

Prints the wall time and the peak RSS of the whole process for the run and within each step (sampled every
0.2 s; DuckDB's buffer pool is part of it). On a shared machine timings move with its load (printed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

import dagster as dg
import duckdb
from recode_memory import forced_knowledge
from rss import PeakRss

from assets.entities import entity_mentions
from assets.events import event_mentions, events
from pipelines.definitions import build_resources
from pipelines.resources import ActorsResource, QualityGates
from pipelines.settings import REPO_ROOT, Settings


def _copy(root: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for name in ("warehouse.duckdb", "warehouse.writer.duckdb"):
        shutil.copyfile(root / name, into / name)
        stat = (root / name).stat()
        os.utime(into / name, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return into


def _limit(working: Path, n: int) -> None:
    con = duckdb.connect(str(working))
    try:
        con.execute("""CREATE TEMP TABLE _keep AS
                       SELECT article_id FROM main.annotations ORDER BY article_id LIMIT $n""", {"n": n})
        for table in ("annotations", "entity_resolutions"):
            con.execute(f"DELETE FROM main.{table} WHERE article_id NOT IN (SELECT article_id FROM _keep)")
        con.execute("CHECKPOINT")
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--copy-to", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    root = _copy(args.root, args.copy_to) if args.copy_to else args.root
    if args.limit:
        _limit(root / "warehouse.writer.duckdb", args.limit)
    settings = Settings(data_dir=root, inbox=root / "inbox", warehouse=root / "warehouse.duckdb",
                        shared_dir=args.shared, dagster_home=root / "dagster_home")
    gates = QualityGates(max_residue_share=1.0, min_state_share_foreign_affairs=0.0,
                         min_event_date_in_window_share=0.0)
    with tempfile.TemporaryDirectory(prefix="peristiwa-knowledge-") as tmp:
        actors = ActorsResource(data_dir=str(forced_knowledge(Path(tmp) / "data")))
        resources = {**build_resources(settings), "actors": actors, "gates": gates}
        load = os.getloadavg()[0]
        with dg.instance_for_test() as instance, PeakRss(keep_samples=True) as rss:
            started = time.perf_counter()
            result = dg.materialize([entity_mentions, event_mentions, events], resources=resources,
                                    instance=instance, raise_on_error=False)
            wall = time.perf_counter() - started
            stats = instance.get_run_step_stats(result.run_id)
            steps = [(s.step_key, s.start_time, s.end_time) for s in stats if s.start_time and s.end_time]
    outcome = "SUCCESS" if result.success else "FAILURE"
    print(f"{outcome}: {wall:.1f}s, peak RSS {rss.peak_bytes / 1e9:.2f} GB (load {load:.2f} -> "
          f"{os.getloadavg()[0]:.2f})")
    for step, start, end in steps:
        print(f"   {step:18s} {end - start:7.1f}s  peak RSS {rss.peak_between(start, end) / 1e9:.2f} GB")
    for event in result.all_events:
        if event.is_step_materialization:
            mat = event.event_specific_data.materialization
            meta = {k: getattr(v, "value", v) for k, v in mat.metadata.items()
                    if k in ("resolved_articles", "mentions", "coded_articles", "event_mentions", "events",
                             "chunks")}
            print(f"   {mat.asset_key.to_user_string()}: {meta}")


if __name__ == "__main__":
    main()
