"""Benchmark: how to use the cores for annotation: torch intra-op threads in one process against worker
processes (each its own Stanza pipeline, one thread), on the same articles.

    .venv/bin/python benchmarks/nlp_cores.py [--articles 60] [--scope selective] [--configs 1x1,1x2,2x1]

A config WxT is W worker processes with T threads each. Per config: the time to start the workers (load the
models), articles/min and tokens/s once started, and the peak resident memory of the whole process tree.
The 1-min load average is printed with each: on a shared machine the numbers move with it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import time
from pathlib import Path

from rss import PeakRss

from peristiwa.annotation.batch import AnnotationConfig, AnnotationPool
from peristiwa.nlp.pipeline import NlpSettings
from pipelines.settings import REPO_ROOT


def articles(shared: Path, n: int, offset: int) -> list[dict]:
    rows = []
    with (shared / "corpus" / "indosum" / "articles.jsonl").open(encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i < offset:
                continue
            if len(rows) == n:
                break
            data = json.loads(line)
            text = data["text"]
            rows.append({"article_id": hashlib.sha256(text.encode()).hexdigest()[:32], "title": data["title"],
                         "text": text, "spans_json": "[]", "text_sha256": "x", "published_date": None})
    return rows


def measure(rows: list[dict], warmup: list[dict], workers: int, threads: int, scope: str,
            chunk: int) -> dict:
    config = AnnotationConfig(settings=NlpSettings(threads=threads), parse_scope=scope)
    load = os.getloadavg()[0]
    with PeakRss() as rss, AnnotationPool(config, workers) as pool:
        started = time.perf_counter()
        pool.annotate(warmup)  # starts the workers and loads the models
        ready = time.perf_counter() - started
        started = time.perf_counter()
        tokens = 0
        for offset in range(0, len(rows), chunk):
            _, ledger = pool.annotate(rows[offset:offset + chunk])
            tokens += int(ledger["n_tokens"].sum())
        seconds = time.perf_counter() - started
    return {"ready": ready, "seconds": seconds, "tokens": tokens, "rss": rss.peak_bytes / 1e9,
            "load": (load, os.getloadavg()[0])}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--chunk", type=int, default=200)
    parser.add_argument("--scope", choices=("selective", "all"), default="selective")
    parser.add_argument("--configs", default="1x1,1x2,2x1", help="WxT: W worker processes x T threads")
    args = parser.parse_args()
    warmup = articles(args.shared, 2, 0)
    rows = articles(args.shared, args.articles, 2)
    print(f"{len(rows)} IndoSum articles, parse scope {args.scope}, chunks of {args.chunk}, "
          f"{os.cpu_count()} CPUs")
    for config in args.configs.split(","):
        workers, threads = (int(x) for x in config.split("x"))
        r = measure(rows, warmup, workers, threads, args.scope, args.chunk)
        print(f"  {workers} process(es) x {threads} thread(s): start {r['ready']:.1f}s, then "
              f"{r['seconds']:.1f}s = {60 * len(rows) / r['seconds']:.1f} articles/min, "
              f"{r['tokens'] / r['seconds']:.0f} tokens/s, peak RSS {r['rss']:.2f} GB "
              f"(load {r['load'][0]:.2f} -> {r['load'][1]:.2f})", flush=True)


if __name__ == "__main__":
    main()
