"""Print a seeded random sample of counted events from a warehouse, each with the sentence it came from, for
reading and judging precision by hand (issue 10's judged samples were drawn this way).

    .venv/bin/python scripts/sample_events.py WAREHOUSE.duckdb [--n 30] [--seed 20261204] [--part K/N]
        [--exclude EARLIER_SAMPLE.txt ...]

`--part K/N` keeps the events whose first mention comes from an article in part K of N (by a digest of the
article id), so one run over a pool of articles gives several disjoint draws: read one before writing
rules, keep another unread to judge the rules afterwards. `--exclude` takes samples printed before and
leaves out the events whose sentence they showed: a later draw from the same pool reads only unread events.

Run the pipeline on a random draw of articles first (`peristiwa run --inbox DIR --warehouse WAREHOUSE`).
The sample is taken over events ordered by event_id, so the same warehouse and seed give the same sample.
"""

from __future__ import annotations

import argparse
import hashlib
import random
from pathlib import Path

import duckdb


def in_part(article_id: str, part: tuple[int, int]) -> bool:
    """Whether an article falls in part K of N; a digest, so the split is the same on every machine."""
    k, n = part
    return int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % n == k


def read_sentences(paths: list[Path]) -> set[str]:
    """The sentences shown in earlier printed samples (the third line of each event)."""
    seen: set[str] = set()
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if line.startswith("#") and i + 2 < len(lines):
                seen.add(lines[i + 2].strip())
    return seen


def sample(warehouse: str, n: int, seed: int, part: tuple[int, int] = (0, 1),
           exclude: set[str] = frozenset()) -> list[str]:
    """``exclude``: sentences read before; an event with a mention in one of them is left out (the sample
    prints one mention's sentence, not always the first's), so that a new draw from the same warehouse shows
    only events nobody has judged."""
    with duckdb.connect(warehouse, read_only=True) as con:
        rows = con.execute(
            """SELECT e.event_id, coalesce(e.source_iso3, e.source_sector),
                      coalesce(e.target_iso3, e.target_sector), e.cameo_code, e.modality, e.event_date,
                      e.mention_ids, first.article_id,
                      (SELECT list(m.sentence_text) FROM event_mentions m
                       WHERE list_contains(e.mention_ids, m.mention_id))
               FROM events e JOIN event_mentions first ON first.mention_id = e.mention_ids[1]
               WHERE e.counted_in_aggregates ORDER BY e.event_id"""
        ).fetchall()
        events = [row[:-2] for row in rows if in_part(row[-2], part)]
        fresh = [row[:-2] for row in rows
                 if in_part(row[-2], part) and not any(t.strip() in exclude for t in row[-1])]
        random.Random(seed).shuffle(fresh)
        lines = [f"{len(events)} counted events; sample of {min(n, len(fresh))} (seed {seed})"
                 + (f" from the {len(fresh)} whose sentence no earlier sample showed" if exclude else "")]
        events = fresh
        for i, (_, src, tgt, code, modality, date, mention_ids) in enumerate(events[:n], start=1):
            trigger, source, target, rule, sentence = con.execute(
                """SELECT trigger_text, source_text, target_text, rule, sentence_text FROM event_mentions
                   WHERE list_contains(?, mention_id)
                   ORDER BY (cameo_code = ? AND modality = ?) DESC, modality = 'asserted' DESC, mention_id
                   LIMIT 1""",
                [mention_ids, code, modality],
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
    parser.add_argument("--exclude", type=Path, nargs="*", default=[],
                        help="earlier printed samples: leave out events from the sentences they showed")
    args = parser.parse_args()
    k, n = (int(x) for x in args.part.split("/"))
    if not 0 <= k < n:
        parser.error(f"--part {args.part}: K must be in 0..N-1")
    print("\n".join(sample(args.warehouse, args.n, args.seed, (k, n), read_sentences(args.exclude))))


if __name__ == "__main__":
    main()
