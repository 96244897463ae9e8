"""Where the warehouse lives and how to open it.

Two files, on purpose:
* the **working** database (``<name>.writer.duckdb``) is opened read-write by exactly one pipeline step at a
  time (a Dagster pool plus an OS file lock, so a second process waits or fails clearly);
* the **served** database (``PERISTIWA_WAREHOUSE``) is a snapshot of the working one, replaced atomically
  after each publish. Users and `peristiwa sql` only ever open the served file read-only, so an analyst's
  session can neither block a run nor see half-written state.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.schema import apply_schema


class WarehouseBusyError(RuntimeError):
    """Another process holds the writer lock for longer than we were willing to wait."""


class WarehouseMissingError(FileNotFoundError):
    """The served warehouse has not been published yet."""


@dataclass(frozen=True)
class Warehouse:
    served_path: Path

    @property
    def working_path(self) -> Path:
        return self.served_path.with_name(self.served_path.stem + ".writer.duckdb")

    @property
    def lock_path(self) -> Path:
        return self.served_path.with_name(self.served_path.stem + ".writer.lock")

    @contextmanager
    def _exclusive(self, timeout_s: float) -> Iterator[None]:
        self.served_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.lock_path, "w") as lock:
            deadline = time.monotonic() + timeout_s
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise WarehouseBusyError(
                            f"another peristiwa process has held the warehouse writer lock {self.lock_path} "
                            f"for more than {timeout_s:.0f}s"
                        ) from None
                    time.sleep(0.2)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    @contextmanager
    def writer(self, timeout_s: float = 600.0, serve: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """Exclusive read-write connection to the working database, schema applied.

        When the block exits normally the working file is checkpointed, closed and served (copied over the
        served snapshot atomically), all while the lock is still held. When the block raises, nothing is
        served: readers keep the previous snapshot. ``serve=False`` skips the copy (a block that only reads,
        or a long publish that serves once at its end).
        """
        with self._exclusive(timeout_s):
            con = duckdb.connect(str(self.working_path))
            try:
                apply_schema(con)
                yield con
                con.execute("CHECKPOINT")
            finally:
                con.close()
            if serve:
                self._serve()

    def _serve(self) -> None:
        tmp = self.served_path.with_name(f".{self.served_path.name}.{os.getpid()}.tmp")
        shutil.copyfile(self.working_path, tmp)
        os.replace(tmp, self.served_path)  # readers holding the old file keep their consistent view

    def reader(self) -> duckdb.DuckDBPyConnection:
        """Read-only connection to the served snapshot."""
        if not self.served_path.exists():
            raise WarehouseMissingError(
                f"no published warehouse at {self.served_path}; run `peristiwa run` first"
            )
        return duckdb.connect(str(self.served_path), read_only=True)
