"""Re-resolves and re-codes the articles of a warehouse in this process and, on request, kills it with SIGKILL
inside the transaction that publishes chunk N of `entity_mentions` or `event_mentions`.

    python -m tests.assets.mention_crash_driver WAREHOUSE [--kill-publishing TABLE N]

Articles are read, staged and published ARTICLES_PER_CHUNK at a time. The kill lands after the chunk's old
rows were deleted and its new ones inserted, before the commit (chunks before it are committed). The kill is
real (no cleanup; DuckDB recovers from its WAL on the next open). Used by tests/assets/test_mention_chunks.py.
"""

from __future__ import annotations

import argparse
import os
import signal
from pathlib import Path

ARTICLES_PER_CHUNK = 2


def _kill_while_publishing(table: str, chunk: int) -> None:
    from warehouse import publish as publishing

    original = publishing.publish
    calls = {"n": 0}

    def publish(con, appends=(), replace=(), overwrite=(), key_range=None):
        if key_range is not None and replace and replace[0][0] == table:
            calls["n"] += 1
            if calls["n"] == chunk:
                _, key, ledger = replace[0]
                in_range = f"{key} BETWEEN $1 AND $2"
                con.execute("BEGIN TRANSACTION")
                for name, _, _ in replace:
                    con.execute(f"DELETE FROM main.{name} WHERE {key} IN "
                                f"(SELECT {key} FROM staging.{ledger} WHERE {in_range})", list(key_range))
                    con.execute(f"INSERT INTO main.{name} SELECT * FROM staging.{name} WHERE {in_range}",
                                list(key_range))
                os.kill(os.getpid(), signal.SIGKILL)
        return original(con, appends=appends, replace=replace, overwrite=overwrite, key_range=key_range)

    publishing.publish = publish


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--kill-publishing", nargs=2, metavar=("TABLE", "N"))
    args = parser.parse_args()
    if args.kill_publishing:
        _kill_while_publishing(args.kill_publishing[0], int(args.kill_publishing[1]))

    import dagster as dg

    from assets.entities import entity_mentions
    from assets.events import event_mentions, events
    from pipelines.definitions import build_resources
    from tests.chain import settings_for
    from warehouse import batches

    batches.ARTICLES_PER_READ = ARTICLES_PER_CHUNK
    resources = build_resources(settings_for(args.warehouse.parent / "inbox", args.warehouse))
    with dg.DagsterInstance.ephemeral() as instance:
        result = dg.materialize([entity_mentions, event_mentions, events], resources=resources,
                                instance=instance, raise_on_error=False)
    print(f"RESULT {'SUCCESS' if result.success else 'FAILURE'}", flush=True)
    os._exit(0 if result.success else 1)


if __name__ == "__main__":
    main()
