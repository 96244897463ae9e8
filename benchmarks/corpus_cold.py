"""Benchmark: a whole corpus through the chain cold, then a rerun with no new input, then a rerun with 1% new
articles; wall time, peak RSS of the process tree, and the share of each run spent in GX validations.

    .venv/bin/python benchmarks/corpus_cold.py --corpus clickid [--limit N] [--new-share 0.01] [--keep DIR]

The cold run gets all articles but the last `--new-share` of them; those arrive before the third run. Machine
load (1-min load average) is printed with every number: on a shared machine the numbers move with it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

import dagster as dg
from rss import PeakRss

import checks.aggregates
import checks.cleaned
import checks.entities
import checks.events
import checks.raw
from pipelines.definitions import build_definitions, build_resources
from pipelines.partitions import all_shards_tags
from pipelines.resources import QualityGates
from pipelines.settings import REPO_ROOT, Settings

GX_SECONDS = [0.0]


def _timed(function):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            GX_SECONDS[0] += time.perf_counter() - started
    return wrapper


def instrument_gx() -> None:
    """Count the time of every GX suite run (the import of GX included, in the first one)."""
    for module in (checks.raw, checks.cleaned, checks.entities, checks.events, checks.aggregates):
        if hasattr(module, "run_suite"):
            module.run_suite = _timed(module.run_suite)


def run(job, instance, label: str, n_articles: int) -> float:
    GX_SECONDS[0] = 0.0
    load = os.getloadavg()[0]
    with PeakRss() as rss:
        started = time.perf_counter()
        result = job.execute_in_process(instance=instance, raise_on_error=False, tags=all_shards_tags())
        wall = time.perf_counter() - started
    steps = {s.step_key: s.end_time - s.start_time for s in instance.get_run_step_stats(result.run_id)
             if s.start_time and s.end_time}
    print(f"\n== {label}: {'SUCCESS' if result.success else 'FAILURE'}, {n_articles} articles in the inbox, "
          f"{wall:.1f}s, peak RSS {rss.peak_bytes / 1e9:.2f} GB (PSS {rss.peak_pss_bytes / 1e9:.2f} GB), "
          f"GX {GX_SECONDS[0]:.1f}s = "
          f"{100 * GX_SECONDS[0] / wall:.1f}% (load {load:.2f} -> {os.getloadavg()[0]:.2f})", flush=True)
    print(f"   at the PSS peak: {rss.peak_pss_breakdown()}", flush=True)
    for step, seconds in steps.items():
        print(f"   {step:22s} {seconds:8.1f}s  {100 * seconds / wall:5.1f}%", flush=True)
    for event in result.all_events:
        if event.is_step_materialization:
            mat = event.event_specific_data.materialization
            if mat.asset_key.to_user_string() in ("sentences_parquet", "sentences"):
                meta = {k: getattr(v, "value", v) for k, v in mat.metadata.items()}
                print(f"   {mat.asset_key.to_user_string()}: {meta}")
                break
    return wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--corpus", choices=("clickid", "indosum"), default="clickid")
    parser.add_argument("--limit", type=int, default=0, help="first N lines only (0 = all)")
    parser.add_argument("--new-share", type=float, default=0.01)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    instrument_gx()
    with (args.shared / "corpus" / args.corpus / "articles.jsonl").open(encoding="utf-8") as handle:
        lines = handle.readlines()
    lines = lines[: args.limit] if args.limit else lines
    n_new = max(1, round(len(lines) * args.new_share))
    root = args.keep or Path(tempfile.mkdtemp(prefix="peristiwa-cold-"))
    shutil.rmtree(root, ignore_errors=True)
    inbox = root / "inbox"
    inbox.mkdir(parents=True)
    (inbox / "batch-1.jsonl").write_text("".join(lines[:-n_new]), encoding="utf-8")
    settings = Settings(data_dir=root, inbox=inbox, warehouse=root / "warehouse.duckdb",
                        shared_dir=args.shared, dagster_home=root / "dagster_home")
    nlp = build_resources(settings)["nlp"].but(workers=args.workers or None)
    # scraped news: measure, don't gate (CLICK-ID leaves more boilerplate than the default 1% residue gate)
    gates = QualityGates(max_residue_share=1.0, min_state_share_foreign_affairs=0.0,
                         min_event_date_in_window_share=0.0)
    job = build_definitions(settings, resources={"nlp": nlp, "gates": gates}).resolve_job_def("chain_job")
    try:
        with dg.instance_for_test() as instance:
            cold = run(job, instance, "cold", len(lines) - n_new)
            run(job, instance, "rerun, no new input", len(lines) - n_new)
            (inbox / "batch-2.jsonl").write_text("".join(lines[-n_new:]), encoding="utf-8")
            new = run(job, instance, f"rerun, {n_new} new articles ({100 * args.new_share:.0f}%)", len(lines))
            print(f"\n{100 * args.new_share:.0f}%-new rerun = {100 * new / cold:.1f}% of the cold run")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
