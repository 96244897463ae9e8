"""Benchmark: the whole chain, cold, on the same articles under `--parse-scope all` and the default
(selective), in one script run.

    .venv/bin/python benchmarks/parse_scope.py --corpus indosum --limit 1000 [--workers 0] [--keep DIR]

For each scope: wall time of the run, seconds per step, articles/min, parsed share of tokens, peak RSS of the
process tree, and the event mentions it found; then the speed-up and whether both scopes found the same
event mentions (source, target, code, modality, polarity per sentence). Machine load (1-min load average) is
printed before and after each run: on a shared machine the numbers move with it.
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
from rss import PeakRss

from pipelines.definitions import build_definitions, build_resources
from pipelines.partitions import all_shards_tags
from pipelines.resources import QualityGates
from pipelines.settings import REPO_ROOT, Settings

MENTION_KEY = ("article_id, sentence_index, source_iso3, target_iso3, cameo_code, modality, polarity")


def load() -> float:
    return os.getloadavg()[0]


def run_scope(root: Path, inbox: Path, scope: str, workers: int, shared: Path) -> dict:
    settings = Settings(data_dir=root, inbox=inbox, warehouse=root / "warehouse.duckdb", shared_dir=shared,
                        dagster_home=root / "dagster_home")
    nlp = build_resources(settings)["nlp"].but(parse_scope=scope, workers=workers or None)
    # Real news text: measure, don't gate (the gates are not what is measured here).
    gates = QualityGates(max_residue_share=1.0, min_published_date_share=0.0,
                         min_state_share_foreign_affairs=0.0, min_event_date_in_window_share=0.0)
    job = build_definitions(settings, resources={"nlp": nlp, "gates": gates}).resolve_job_def("chain_job")
    before = load()
    with dg.instance_for_test() as instance, PeakRss() as rss:
        started = time.perf_counter()
        result = job.execute_in_process(instance=instance, raise_on_error=False, tags=all_shards_tags())
        wall = time.perf_counter() - started
        steps = {s.step_key: s.end_time - s.start_time for s in instance.get_run_step_stats(result.run_id)
                 if s.start_time and s.end_time}
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        mentions = set(con.sql(f"SELECT {MENTION_KEY} FROM event_mentions").fetchall())
        n_articles, tokens, parsed = con.sql(
            "SELECT count(*), sum(n_tokens), (SELECT count(*) FROM sentences) FROM annotations").fetchall()[0]
        parsed_tokens = con.sql("""
            SELECT coalesce(sum(len(regexp_extract_all(conllu, '\\n\\d+\\t'))) FILTER (WHERE parsed), 0)
            FROM sentences""").fetchall()[0][0]
    return {"scope": scope, "success": result.success, "wall": wall, "steps": steps, "mentions": mentions,
            "articles": n_articles, "tokens": tokens or 0, "parsed_tokens": parsed_tokens,
            "sentences": parsed, "load_before": before, "load_after": load(),
            "peak_rss_gb": rss.peak_bytes / 1e9}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=REPO_ROOT.parent / "shared")
    parser.add_argument("--corpus", choices=("clickid", "indosum"), default="indosum")
    parser.add_argument("--limit", type=int, default=1000, help="first N lines of the corpus")
    parser.add_argument("--scopes", default="all,selective")
    parser.add_argument("--workers", type=int, default=0, help="NLP worker processes (0 = the default)")
    parser.add_argument("--keep", type=Path, help="keep each scope's warehouse under DIR/<scope>")
    args = parser.parse_args()
    corpus = args.shared / "corpus" / args.corpus / "articles.jsonl"
    with corpus.open(encoding="utf-8") as lines:
        head = [line for _, line in zip(range(args.limit), lines, strict=False)]
    base = args.keep or Path(tempfile.mkdtemp(prefix="peristiwa-scopes-"))
    results = []
    try:
        for scope in args.scopes.split(","):
            root = base / scope
            shutil.rmtree(root, ignore_errors=True)
            inbox = root / "inbox"
            inbox.mkdir(parents=True)
            (inbox / f"{args.corpus}.jsonl").write_text("".join(head), encoding="utf-8")
            r = run_scope(root, inbox, scope, args.workers, args.shared)
            results.append(r)
            share = r["parsed_tokens"] / r["tokens"] if r["tokens"] else 0.0
            status = "SUCCESS" if r["success"] else "FAILURE"
            print(f"\n== scope {scope}: {status} on {len(head)} {args.corpus} articles in {r['wall']:.1f}s "
                  f"= {60 * len(head) / r['wall']:.1f} articles/min (load {r['load_before']:.2f} -> "
                  f"{r['load_after']:.2f}, peak RSS {r['peak_rss_gb']:.2f} GB)")
            print(f"   annotated {r['articles']} articles, {r['tokens']} tokens, {100 * share:.1f}% of "
                  f"tokens parsed; {len(r['mentions'])} event mentions")
            for step, seconds in r["steps"].items():
                print(f"   {step:22s} {seconds:8.1f}s  {100 * seconds / r['wall']:5.1f}%")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    if len(results) == 2:
        a, b = results
        def nlp(r: dict) -> float:
            return sum(v for k, v in r["steps"].items() if k.startswith("sentences"))

        print(f"\nspeed-up {a['scope']} -> {b['scope']}: {a['wall'] / b['wall']:.2f}x end to end; "
              f"NLP steps {nlp(a) / max(1e-9, nlp(b)):.2f}x")
        same = a["mentions"] == b["mentions"]
        print(f"event mentions identical: {same} ({len(a['mentions'])} vs {len(b['mentions'])}; "
              f"only {a['scope']}: {len(a['mentions'] - b['mentions'])}, "
              f"only {b['scope']}: {len(b['mentions'] - a['mentions'])})")


if __name__ == "__main__":
    main()
