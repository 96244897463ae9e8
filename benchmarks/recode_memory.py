"""Benchmark: re-resolve and re-code every article of a kept warehouse (no NLP) and print the wall time and
the peak RSS of the run, to check that actor resolution and event coding stay bounded in memory.

    .venv/bin/python benchmarks/recode_memory.py ROOT      # ROOT: a --keep folder of corpus_cold.py

Every article is redone because the run uses a copy of the actor knowledge with another version string.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

import dagster as dg
import yaml
from rss import PeakRss

from pipelines.definitions import build_definitions
from pipelines.partitions import all_shards_tags
from pipelines.resources import ActorsResource, QualityGates
from pipelines.settings import REPO_ROOT, Settings

KNOWLEDGE = REPO_ROOT / "peristiwa" / "actors" / "data"


def forced_knowledge(into: Path) -> Path:
    """A copy of the actor knowledge whose rules.yaml has another version: every article is re-resolved."""
    shutil.copytree(KNOWLEDGE, into, dirs_exist_ok=True)
    rules = into / "rules.yaml"
    data = yaml.safe_load(rules.read_text(encoding="utf-8"))
    text = rules.read_text(encoding="utf-8")
    text = text.replace(f'version: "{data["version"]}"', 'version: "recode-bench"', 1)
    rules.write_text(text, encoding="utf-8")
    return into


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    args = parser.parse_args()
    root = args.root
    settings = Settings(data_dir=root, inbox=root / "inbox", warehouse=root / "warehouse.duckdb",
                        shared_dir=args.shared, dagster_home=root / "dagster_home")
    gates = QualityGates(max_residue_share=1.0, min_state_share_foreign_affairs=0.0,
                         min_event_date_in_window_share=0.0)
    with tempfile.TemporaryDirectory(prefix="peristiwa-knowledge-") as tmp:
        actors = ActorsResource(data_dir=str(forced_knowledge(Path(tmp) / "data")))
        definitions = build_definitions(settings, resources={"actors": actors, "gates": gates})
        job = definitions.resolve_job_def("chain_job")
        load = os.getloadavg()[0]
        with dg.instance_for_test() as instance, PeakRss() as rss:
            started = time.perf_counter()
            result = job.execute_in_process(instance=instance, raise_on_error=False, tags=all_shards_tags())
            wall = time.perf_counter() - started
    outcome = "SUCCESS" if result.success else "FAILURE"
    print(f"{outcome}: {wall:.1f}s, peak RSS {rss.peak_bytes / 1e9:.2f} GB "
          f"(load {load:.2f} -> {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
