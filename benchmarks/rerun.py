"""Benchmark: run the whole chain against an existing warehouse and inbox (a `--keep` folder of
corpus_cold.py) and print the wall time, the seconds of each step, the peak RSS of the process tree and
GX's share.

    cp -r KEPT /tmp/copy      # the run writes to the warehouse: never point it at a folder you want to keep
    .venv/bin/python benchmarks/rerun.py --warehouse-dir /tmp/copy [--runs 2]

With nothing new in the inbox this is the no-change rerun. `--runs 2` first lets one run settle what a newer
release would redo anyway (e.g. a coder whose rules version changed re-codes every article), then measures the
next. The served snapshot's modification time is printed before and after each run: a run that published
nothing leaves it alone. Machine load (1-min load average) is printed with every number.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
from pathlib import Path

import dagster as dg
from corpus_cold import instrument_gx, run

from pipelines.definitions import build_definitions
from pipelines.resources import QualityGates
from pipelines.settings import REPO_ROOT, Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--warehouse-dir", type=Path, required=True,
                        help="folder with warehouse.duckdb (+ writer file, spool) and inbox/")
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--runs", type=int, default=1, help="runs in a row; each is reported")
    parser.add_argument("--profile", type=Path,
                        help="write a cProfile of the last run here (and print its top)")
    args = parser.parse_args()
    root = args.warehouse_dir.resolve()
    served = root / "warehouse.duckdb"
    settings = Settings(data_dir=root, inbox=root / "inbox", warehouse=served, shared_dir=args.shared,
                        dagster_home=root / "dagster_home")
    # the same gates as corpus_cold.py (scraped news: measure, don't gate)
    gates = QualityGates(max_residue_share=1.0, min_state_share_foreign_affairs=0.0,
                         min_event_date_in_window_share=0.0)
    instrument_gx()
    job = build_definitions(settings, resources={"gates": gates}).resolve_job_def("chain_job")
    n_articles = sum(1 for p in (root / "inbox").rglob("*.jsonl") for _ in p.open(encoding="utf-8"))
    with dg.instance_for_test() as instance:
        for k in range(1, args.runs + 1):
            before = served.stat().st_mtime_ns if served.exists() else None
            profiler = cProfile.Profile() if args.profile and k == args.runs else None
            if profiler:
                profiler.enable()
            run(job, instance, f"run {k}/{args.runs} against {root}", n_articles)
            if profiler:
                profiler.disable()
                profiler.dump_stats(args.profile)
                pstats.Stats(str(args.profile)).sort_stats("cumulative").print_stats(40)
            after = served.stat().st_mtime_ns if served.exists() else None
            print(f"   served snapshot {'unchanged' if before == after else 'replaced'}", flush=True)
    print(f"load average now {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
