"""Inbox sensor: one run per distinct inbox state, never two for the same state."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import dagster as dg

from pipelines.jobs import chain_job
from pipelines.partitions import all_shards_tags
from pipelines.resources import InboxResource


def inbox_fingerprint(root: Path) -> tuple[str, int]:
    """Digest of (relative path, size, mtime) of every file under `root`, and the file count.

    Size + mtime is what `make` trusts; the ingest itself hashes contents, so a false "changed" only costs
    a cheap no-op run, while a missed change would be a real loss.
    """
    digest = hashlib.sha256()
    n_files = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            stat = path.stat()
            digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
            n_files += 1
    return digest.hexdigest(), n_files


@dg.sensor(
    job=chain_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Requests a chain run when files in the inbox are added, changed or removed.",
)
def inbox_sensor(context: dg.SensorEvaluationContext, inbox: InboxResource) -> dg.RunRequest | dg.SkipReason:
    root = Path(inbox.path)
    if not root.is_dir():
        return dg.SkipReason(f"inbox {root} does not exist yet")
    fingerprint, n_files = inbox_fingerprint(root)
    if n_files == 0:
        return dg.SkipReason(f"inbox {root} is empty")
    if fingerprint == context.cursor:
        return dg.SkipReason(f"inbox unchanged ({n_files} files) since the last run request")
    context.update_cursor(fingerprint)
    tags = {"peristiwa/trigger": "inbox_sensor", **all_shards_tags()}
    return dg.RunRequest(run_key=f"inbox-{fingerprint[:24]}", tags=tags)
