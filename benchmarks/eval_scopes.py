"""Event-coding scores under both parse scopes: the same gold, the same articles, `all` against `selective`.

    .venv/bin/python benchmarks/eval_scopes.py --gold ../shared/gold/dev_events.csv \
        --articles ../shared/corpus/dev

Runs `peristiwa eval events`' harness once per scope with the data-quality gates relaxed (a small
hand-picked folder is no batch to gate: one leftover "Baca juga" line is 5% of it) and prints each scope's
metrics.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from peristiwa.events.evaluate import format_metrics
from pipelines.cli_events import evaluate_events
from pipelines.resources import QualityGates

RELAXED = QualityGates(max_quarantine_share=1.0, min_indonesian_share=0.0, max_residue_share=1.0,
                       min_published_date_share=0.0, min_state_share_foreign_affairs=0.0,
                       min_event_date_in_window_share=0.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--articles", type=Path, required=True)
    parser.add_argument("--scopes", default="all,selective")
    args = parser.parse_args()
    results = {}
    for scope in args.scopes.split(","):
        with tempfile.TemporaryDirectory(prefix="peristiwa-eval-") as tmp:
            results[scope] = evaluate_events(args.gold, args.articles.resolve(), Path(tmp),
                                             resources={"gates": RELAXED}, parse_scope=scope)
        print(f"\n== parse scope {scope}\n{format_metrics(results[scope])}", flush=True)


if __name__ == "__main__":
    main()
