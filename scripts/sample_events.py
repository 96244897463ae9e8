"""Print a seeded random sample of counted events from a warehouse, each with the sentence it came from, for
reading and judging precision by hand (issue 10's judged samples were drawn this way).

    .venv/bin/python scripts/sample_events.py WAREHOUSE.duckdb [--n 30] [--seed 20261204] [--part K/N]

`--part K/N` keeps the events whose first mention comes from an article in part K of N (by a digest of the
article id), so one run over a pool of articles gives several disjoint draws: read one before writing
rules, keep another unread to judge the rules afterwards.

Run the pipeline on a random draw of articles first (`peristiwa run --inbox DIR --warehouse WAREHOUSE`).
The sample is taken over events ordered by event_id, so the same warehouse and seed give the same sample.
"""

from __future__ import annotations

import argparse
import hashlib
import random

import duckdb


def in_part(article_id: str, part: tuple[int, int]) -> bool:
    """Whether an article falls in part K of N; a digest, so the split is the same on every machine."""
    k, n = part
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % n == k


def sample(warehouse: str, n: int, seed: int, part: tuple[int, int] = (0, 1)) -> list[str]:
    with duckdb.connect(warehouse, read_only=True) as con:
        rows = con.execute(
            """SELECT e.event_id, coalesce(e.source_iso3, e.source_sector),
                      coalesce(e.target_iso3, e.target_sector), e.cameo_code, e.modality, e.event_date,
                      e.mention_ids, m.article_id
               FROM events e JOIN event_mentions m ON m.mention_id = e.mention_ids[1]
               WHERE e.counted_in_aggregates ORDER BY e.event_id"""
        ).fetchall()
        events = [row[:-1] for row in rows if in_part(row[-1], part)]
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
    parser.add_argument("--part", default="0/1", help="K/N: only events from articles in part K of N")
    args = parser.parse_args()
    k, n = (int(x) for x in args.part.split("/"))
    if not 0 <= k < n:
        parser.error(f"--part {args.part}: K must be in 0..N-1")
    print("\n".join(sample(args.warehouse, args.n, args.seed, (k, n))))


if __name__ == "__main__":
    main()
