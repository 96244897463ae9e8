"""Benchmark: what a dictionary update that adds cue words costs on an existing warehouse, against annotating
afresh; and whether the updated warehouse equals one built afresh with the new dictionary.

    .venv/bin/python benchmarks/reselection.py --corpus indosum --start 1000 --limit 300 \
        --cue menggagalkan --cue mewaspadai [--keep DIR]

Builds a warehouse from a slice of the corpus (one JSONL line per article) with the shipped dictionary, then
reruns with a copy of the dictionary that has one new entry per `--cue` word (code 111), then reruns once
more, and finally builds a fresh warehouse with the new dictionary and compares the tables row for row (run
ids and times left out). One NLP worker, so that the two annotation times compare.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import dagster as dg
import yaml

from peristiwa.events.dictionary import TRIGGERS_YAML
from pipelines.resources import EventCodingResource, NlpResource
from pipelines.settings import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT))
from tests.chain import run_chain, stage_metadata, table_snapshot  # noqa: E402

TABLES = [("sentences", ("run_id",)), ("annotations", ("run_id", "annotated_at")),
          ("entity_mentions", ("run_id",)), ("event_mentions", ("run_id",))]
SHOWN = ("annotated", "reselected", "reparsed_for_cues", "sentences_reparsed_for_cues", "unparsed_for_cues",
         "seconds", "no_new_input")


def _dictionary(words: list[str], folder: Path) -> Path:
    raw = yaml.safe_load(TRIGGERS_YAML.read_text(encoding="utf-8"))
    raw["version"] = f"{raw['version']}-bench"
    for word in words:
        raw["triggers"].append({"id": f"bench_{word}", "code": "111", "words": [word]})
    path = folder / "triggers.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _run(label: str, inbox: Path, warehouse: Path, instance, dictionary: Path | None) -> None:
    resources: dict = {"nlp": NlpResource(workers=1)}
    if dictionary is not None:
        resources["coding"] = EventCodingResource(dictionary_path=str(dictionary))
    load = os.getloadavg()[0]
    started = time.perf_counter()
    result = run_chain(inbox, warehouse, instance, job="chain_job", resources=resources)
    wall = time.perf_counter() - started
    meta = stage_metadata(result, "sentences_parquet")
    shown = ", ".join(f"{k}={meta[k]}" for k in SHOWN)
    print(f"{label}: success={result.success} run {wall:.1f} s (load {load:.1f}); sentences_parquet: {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="indosum")
    parser.add_argument("--start", type=int, default=1000, help="first line (0-based) of the slice")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--cue", action="append", required=True, help="a cue word to add (repeatable)")
    parser.add_argument("--keep", type=Path, help="work here and keep the warehouses (default: a temp dir)")
    args = parser.parse_args()
    shared = Path(os.environ.get("PERISTIWA_SHARED") or REPO_ROOT.parent / "shared")
    root = args.keep or Path(tempfile.mkdtemp(prefix="reselection-"))
    inbox = root / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    with (shared / "corpus" / args.corpus / "articles.jsonl").open(encoding="utf-8") as corpus:
        lines = list(itertools.islice(corpus, args.start, args.start + args.limit))
    (inbox / "slice.jsonl").write_text("".join(lines), encoding="utf-8")
    (root / "dictionary").mkdir(exist_ok=True)
    dictionary = _dictionary(args.cue, root / "dictionary")
    existing, fresh = root / "existing" / "warehouse.duckdb", root / "fresh" / "warehouse.duckdb"
    try:
        with dg.instance_for_test() as instance:
            _run("build, shipped dictionary", inbox, existing, instance, None)
            _run(f"rerun, +{'/'.join(args.cue)}", inbox, existing, instance, dictionary)
            _run("rerun, nothing new", inbox, existing, instance, dictionary)
            _run("fresh warehouse, new dictionary", inbox, fresh, instance, dictionary)
        for table, leave_out in TABLES:
            same = table_snapshot(existing, table, leave_out) == table_snapshot(fresh, table, leave_out)
            print(f"{table}: {'equal' if same else 'DIFFERENT'} in the updated and the fresh warehouse")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
