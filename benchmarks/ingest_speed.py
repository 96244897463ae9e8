"""Ingest throughput on the CLICK-ID corpus (22,136 JSONL lines, 45 MB).

    python benchmarks/ingest_speed.py [--corpus PATH] [--lines N]

Builds a temporary inbox holding a symlink to the corpus (or a copy of its first N lines), runs
`scan_inbox` once cold and once more with everything known (the no-change rerun), and prints
items/s, seconds and the outcome counts. Exits non-zero if any line is unaccounted for.
Shared data: $PERISTIWA_SHARED, default <repo>/../shared.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from peristiwa.ingest import IngestLimits, articles_frame, outcomes_frame, scan_inbox  # noqa: E402


def default_corpus() -> Path:
    shared = Path(os.environ.get("PERISTIWA_SHARED", REPO.parent / "shared"))
    return shared / "corpus" / "clickid" / "articles.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--lines", type=int, default=0, help="only the first N lines (0 = all, symlinked)")
    parser.add_argument("--memory", action="store_true", help="also trace peak Python memory (slower)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        print(f"corpus not found: {args.corpus} (set PERISTIWA_SHARED)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="peristiwa-ingest-bench-") as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        target = inbox / "clickid" / "articles.jsonl"
        target.parent.mkdir()
        if args.lines:
            with args.corpus.open("rb") as src, target.open("wb") as dst:
                dst.writelines(itertools.islice(src, args.lines))
        else:
            target.symlink_to(args.corpus.resolve())
        with target.open("rb") as fh:
            expected = sum(1 for _ in fh)

        links = [args.corpus.resolve().parent]  # the corpus is linked into the inbox on purpose
        if args.memory:
            tracemalloc.start()
        start = time.perf_counter()
        result = scan_inbox(inbox, known_article_ids=set(), known_files={}, limits=IngestLimits(),
                            link_roots=links)
        scan_s = time.perf_counter() - start
        frames_start = time.perf_counter()
        articles, outcomes = articles_frame(result), outcomes_frame(result)
        frames_s = time.perf_counter() - frames_start
        peak = tracemalloc.get_traced_memory()[1] if args.memory else None

        known_ids = set(articles["article_id"].to_list())
        start = time.perf_counter()
        rerun_same = scan_inbox(inbox, known_article_ids=known_ids, known_files={}, limits=IngestLimits(),
                                link_roots=links)
        rerun_s = time.perf_counter() - start
        start = time.perf_counter()
        rerun_unchanged = scan_inbox(
            inbox,
            known_article_ids=known_ids,
            known_files={p: s for p, s in result.unchanged_files}
            | {o.source_path: o.file_sha256 for o in result.outcomes},
            limits=IngestLimits(),
            link_roots=links,
        )
        unchanged_s = time.perf_counter() - start

    n = len(result.outcomes)
    print(f"corpus: {args.corpus} ({expected:,} lines)")
    print(
        f"scan:   {scan_s:.1f} s, {n / scan_s:,.0f} items/s; frames {frames_s:.2f} s "
        f"({articles.height:,} article rows, {outcomes.height:,} outcome rows)"
    )
    if peak is not None:
        print(f"peak traced Python memory during scan: {peak / 2**20:.0f} MiB")
    print("counts:", result.counts())
    print(f"rerun, all content known, file hash unknown: {rerun_s:.1f} s -> {rerun_same.counts()}")
    print(f"rerun, file unchanged: {unchanged_s:.2f} s -> {rerun_unchanged.counts()}")
    accounted = n == expected and len({(o.source_path, o.line_no) for o in result.outcomes}) == expected
    print("every line accounted for:", accounted)
    return 0 if accounted else 1


if __name__ == "__main__":
    raise SystemExit(main())
