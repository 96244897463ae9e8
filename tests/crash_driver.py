"""Runs the NLP part of the chain in this process and, on request, kills it with SIGKILL at a chosen point.

    python -m tests.crash_driver INBOX WAREHOUSE [--kill-annotating N | --kill-publishing N]

--kill-annotating N: the process kills itself halfway through annotating chunk N (earlier chunks are spooled).
--kill-publishing N: it kills itself inside the transaction that publishes chunk N of `sentences`, after the
    old rows were deleted and the new ones inserted, before the commit.
The kill is real (SIGKILL: no cleanup, no atexit, DuckDB recovers from its WAL on the next open); only where
it lands is arranged. Used by tests/assets/test_nlp_chunks.py.
"""

from __future__ import annotations

import argparse
import os
import signal
from pathlib import Path

CHUNK_ARTICLES = 2


def _kill() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _kill_while_annotating(chunk: int) -> None:
    from peristiwa.annotation import batch

    original = batch.AnnotationPool.annotate
    calls = {"n": 0}

    def annotate(self, rows):
        calls["n"] += 1
        if calls["n"] == chunk:
            original(self, rows[: max(1, len(rows) // 2)])  # real work on half the chunk, then die
            _kill()
        return original(self, rows)

    batch.AnnotationPool.annotate = annotate


def _kill_while_publishing(chunk: int) -> None:
    from assets import gating

    original = gating.publish
    calls = {"n": 0}

    def publish(con, appends=(), replace=(), overwrite=()):
        if any(table == "sentences" for table, _, _ in replace):
            calls["n"] += 1
            if calls["n"] == chunk:
                con.execute("BEGIN TRANSACTION")
                con.execute("DELETE FROM main.sentences WHERE article_id IN "
                            "(SELECT article_id FROM staging.annotations)")
                con.execute("INSERT INTO main.sentences SELECT * FROM staging.sentences")
                _kill()
        return original(con, appends=appends, replace=replace, overwrite=overwrite)

    gating.publish = publish


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("inbox", type=Path)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--kill-annotating", type=int)
    parser.add_argument("--kill-publishing", type=int)
    args = parser.parse_args()
    if args.kill_annotating:
        _kill_while_annotating(args.kill_annotating)
    if args.kill_publishing:
        _kill_while_publishing(args.kill_publishing)

    import dagster as dg

    from assets.cleaned import articles_clean
    from assets.entities import sentences, sentences_parquet
    from assets.raw import raw_articles
    from pipelines.definitions import build_resources
    from pipelines.partitions import all_shards_tags
    from pipelines.resources import NlpResource
    from tests.chain import settings_for

    resources = {**build_resources(settings_for(args.inbox, args.warehouse)),
                 "nlp": NlpResource(chunk_articles=CHUNK_ARTICLES, workers=1)}
    with dg.DagsterInstance.ephemeral() as instance:
        result = dg.materialize([raw_articles, articles_clean, sentences_parquet, sentences],
                                resources=resources, instance=instance, raise_on_error=False,
                                tags=all_shards_tags())
    print(f"RESULT {'SUCCESS' if result.success else 'FAILURE'}", flush=True)
    os._exit(0 if result.success else 1)


if __name__ == "__main__":
    main()
