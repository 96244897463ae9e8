"""Print a seeded random sample of counted events from a warehouse, each with the sentence it came from, for
reading and judging precision by hand (issue 10's judged samples were drawn this way).

    .venv/bin/python scripts/sample_events.py WAREHOUSE.duckdb [--n 30] [--seed 20261204]

Run the pipeline on a random draw of articles first (`peristiwa run --inbox DIR --warehouse WAREHOUSE`).
The sample is taken over events ordered by event_id, so the same warehouse and seed give the same sample.
"""

from __future__ import annotations

import argparse
import random

import duckdb


def sample(warehouse: str, n: int, seed: int) -> list[str]:
    with duckdb.connect(warehouse, read_only=True) as con:
        events = con.execute(
            """SELECT event_id, coalesce(source_iso3, source_sector), coalesce(target_iso3, target_sector),
                      cameo_code, modality, event_date, mention_ids
               FROM events WHERE counted_in_aggregates ORDER BY event_id"""
        ).fetchall()
        random.Random(seed).shuffle(events)
        lines = [f"{len(events)} counted events; sample of {min(n, len(events))} (seed {seed})"]
        for i, (_, src, tgt, code, modality, date, mention_ids) in enumerate(events[:n], start=1):
            trigger, source, target, rule, sentence = con.execute(
                """SELECT trigger_text, source_text, target_text, rule, sentence_text FROM event_mentions
                   WHERE list_contains(?, mention_id) ORDER BY modality = 'asserted' DESC LIMIT 1""",
                [mention_ids],
            ).fetchall()[0]
            lines += [
                f"#{i} {src}->{tgt} {code} {modality} {date}",
                f"   trigger={trigger!r} source={source!r} target={target!r} rule={rule}",
                f"   {sentence}",
            ]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse")
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()
    print("\n".join(sample(args.warehouse, args.n, args.seed)))


if __name__ == "__main__":
    main()
