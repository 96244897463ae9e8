"""Benchmark: NLP partition runs side by side. The same shards are annotated and published by separate
`dagster job execute` runs of `nlp_job` (one per shard, one NLP worker each), first one at a time, then two
at a time, each time into a copy of the same cleaned warehouse.

    .venv/bin/python benchmarks/partition_runs.py [--articles 200] [--shards 4] [--concurrency 1,2]

Prints throughput (articles/min) per concurrency, the publish step's time per shard, and a projection for
1 million articles on 16 and 64 cores: compute scales with the runs, publishing does not (one writer).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import dagster as dg
import duckdb

from pipelines.definitions import build_definitions
from pipelines.instance import ensure_dagster_home
from pipelines.partitions import shard_of
from pipelines.settings import REPO_ROOT, Settings

STEP_RE = re.compile(r'Finished execution of step "(sentences_parquet|sentences)" in ([\dhms.]+)\.')


def _seconds(text: str) -> float:
    """Dagster's durations: 850ms, 4.2s, 1m5s, 1h2m."""
    if text.endswith("ms"):
        return float(text[:-2]) / 1000
    total = 0.0
    for value, unit in re.findall(r"([\d.]+)([hms])", text):
        total += float(value) * {"h": 3600, "m": 60, "s": 1}[unit]
    return total


def publish_metadata(root: Path) -> list[dict]:
    """Per shard run, what `sentences` recorded: articles published and seconds the writer was held."""
    os.environ["DAGSTER_HOME"] = str(root / "dagster_home")
    with dg.DagsterInstance.get() as instance:
        records = instance.fetch_materializations(dg.AssetKey("sentences"), limit=1000).records
        return [{k: getattr(v, "value", v) for k, v in r.asset_materialization.metadata.items()}
                for r in records]


def prepare(root: Path, shared: Path, n: int) -> Settings:
    inbox = root / "inbox"
    inbox.mkdir(parents=True)
    with (shared / "corpus" / "indosum" / "articles.jsonl").open(encoding="utf-8") as handle:
        lines = [line for _, line in zip(range(n), handle, strict=False)]
    (inbox / "indosum.jsonl").write_text("".join(lines), encoding="utf-8")
    settings = Settings(data_dir=root, inbox=inbox, warehouse=root / "warehouse.duckdb", shared_dir=shared,
                        dagster_home=root / "dagster_home")
    job = build_definitions(settings).resolve_job_def("ingest_clean_job")
    with dg.instance_for_test() as instance:
        assert job.execute_in_process(instance=instance, raise_on_error=False).success
    return settings


def run_shard(root: Path, shard: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PERISTIWA_", "DAGSTER_HOME"))}
    env.update(PERISTIWA_HOME=str(root), DAGSTER_HOME=str(ensure_dagster_home(root / "dagster_home")),
               PERISTIWA_NLP_WORKERS="1")
    dagster = Path(sys.executable).with_name("dagster")
    started = time.perf_counter()
    proc = subprocess.run([str(dagster), "job", "execute", "-m", "pipelines.definitions", "-j", "nlp_job",
                           "--tags", json.dumps({"dagster/partition": shard})],
                          cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    steps = {m.group(1): _seconds(m.group(2)) for m in STEP_RE.finditer(log)}
    return {"shard": shard, "ok": proc.returncode == 0, "wall": time.perf_counter() - started, **steps,
            "tail": log[-1500:]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--shards", type=int, default=4, help="how many shards (the largest) to run")
    parser.add_argument("--concurrency", default="1,2")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="peristiwa-partitions-"))
    try:
        settings = prepare(base / "clean", args.shared, args.articles)
        with duckdb.connect(str(settings.warehouse), read_only=True) as con:
            ids = [r[0] for r in con.execute("SELECT article_id FROM articles_clean").fetchall()]
        sizes: dict[str, int] = {}
        for article_id in ids:
            sizes[shard_of(article_id)] = sizes.get(shard_of(article_id), 0) + 1
        shards = sorted(sizes, key=lambda s: -sizes[s])[: args.shards]
        n_articles = sum(sizes[s] for s in shards)
        print(f"{len(ids)} cleaned IndoSum articles; running shards {shards} ({n_articles} articles), "
              f"{os.cpu_count()} CPUs")
        results = {}
        for concurrency in (int(c) for c in args.concurrency.split(",")):
            root = base / f"c{concurrency}"
            shutil.copytree(base / "clean", root, ignore=shutil.ignore_patterns("dagster_home"))
            load = os.getloadavg()[0]
            started = time.perf_counter()
            with ThreadPoolExecutor(concurrency) as pool:
                runs = list(pool.map(lambda s, r=root: run_shard(r, s), shards))
            wall = time.perf_counter() - started
            failed = [r for r in runs if not r["ok"]]
            if failed:
                print(f"FAILED runs: {failed[0]['tail']}")
            held = publish_metadata(root)
            results[concurrency] = (wall, runs, held)
            print(f"\n{concurrency} concurrent run(s): {wall:.1f}s for {n_articles} articles = "
                  f"{60 * n_articles / wall:.1f} articles/min (load {load:.2f} -> {os.getloadavg()[0]:.2f})")
            for r in runs:
                print(f"   {r['shard']}: {sizes[r['shard']]} articles, run {r['wall']:.1f}s, compute step "
                      f"{r.get('sentences_parquet', 0):.1f}s, publish step {r.get('sentences', 0):.2f}s")
            print("   writer held by each publish: " + ", ".join(
                f"{m['publish_seconds']:.2f}s/{m['annotated']} articles" for m in held))
        wall1, runs1, held1 = results[min(results)]
        compute_per_article = sum(r.get("sentences_parquet", 0.0) for r in runs1) / n_articles
        published = max(1, sum(m["annotated"] for m in held1))
        held_per_article = sum(m["publish_seconds"] for m in held1) / published
        print(f"\none run, one worker: {compute_per_article:.2f}s of compute per article; the writer is held "
              f"{1000 * held_per_article:.1f} ms per published article (fixed cost of each publish included)")
        for cores in (16, 64):
            compute_h = 1e6 * compute_per_article / cores / 3600
            publish_h = 1e6 * held_per_article / 3600
            print(f"projection, 1M articles on {cores} cores ({cores} runs x 1 worker, if compute scales "
                  f"linearly): compute {compute_h:.1f} h, publishing {publish_h:.1f} h one writer at a time; "
                  f"bound by {'the single writer' if publish_h > compute_h else 'compute'}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
