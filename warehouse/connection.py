"""Where the warehouse lives and how to open it.

Two files, on purpose:
* the **working** database (``<name>.writer.duckdb``) is opened read-write by exactly one pipeline step at a
  time (a Dagster pool plus an OS file lock, so a second process waits or fails clearly);
* the **served** database (``PERISTIWA_WAREHOUSE``) is a snapshot of the working one, replaced atomically
  after each publish. Users and `peristiwa sql` only ever open the served file read-only, so an analyst's
  session can neither block a run nor see half-written state.

The snapshot is a whole-file copy (1.5 GB for all of CLICK-ID, seconds each), so it is made only when the
working file changed since the snapshot was taken: a step that published nothing copies nothing.
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

# DuckDB keeps every block it has read cached, up to its memory limit (80% of RAM by default): a stage that
# reads all of CLICK-ID's sentences one chunk of articles at a time still grew by 0.7 GB of cache. The writer
# caps it (cached blocks are evicted; an operator that needs more spills to `<working file>.tmp`), so the
# pipeline's memory does not grow with the warehouse. `Warehouse.memory_limit` sets another cap ('' means
# DuckDB's default).
WRITER_MEMORY_LIMIT = "1GB"


class WarehouseBusyError(RuntimeError):
    """Another process holds the writer lock for longer than we were willing to wait."""


class WarehouseMissingError(FileNotFoundError):
    """The served warehouse has not been published yet."""


@dataclass(frozen=True)
class Warehouse:
    served_path: Path
    memory_limit: str = WRITER_MEMORY_LIMIT  # the writer connection's DuckDB memory_limit ('' = DuckDB's)

    @property
    def working_path(self) -> Path:
        return self.served_path.with_name(self.served_path.stem + ".writer.duckdb")

    @property
    def lock_path(self) -> Path:
        return self.served_path.with_name(self.served_path.stem + ".writer.lock")

    @property
    def unserved_path(self) -> Path:
        """Present while the working file may hold changes the served snapshot lacks (a writer block is
        open, raised, or ended with ``serve=False``): the next block that serves copies even if it changed
        nothing."""
        return self.served_path.with_name(self.served_path.stem + ".writer.unserved")

    @property
    def _wal_path(self) -> Path:
        return self.working_path.with_name(self.working_path.name + ".wal")

    def _file_state(self) -> tuple[int, int] | None:
        try:
            stat = self.working_path.stat()
        except FileNotFoundError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def _snapshot_is_current(self) -> bool:
        """The served file is the copy of the working file as it is now (a snapshot carries the working
        file's modification time and size; see `_serve`)."""
        try:
            served = self.served_path.stat()
        except FileNotFoundError:
            return False
        return self._file_state() == (served.st_mtime_ns, served.st_size)

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
        served snapshot atomically), all while the lock is still held; if neither this block nor an earlier
        unserved one changed the working file, the snapshot is current and nothing is copied. When the block
        raises, nothing is served: readers keep the previous snapshot. ``serve=False`` skips the copy (a
        block that only reads, or a long publish that serves once at its end); its changes are served by the
        next block that serves.
        """
        with self._exclusive(timeout_s):
            pending = self.unserved_path.exists()
            self.unserved_path.touch()  # until we know better: a crash inside the block leaves it
            before = self._file_state()
            config = {"memory_limit": self.memory_limit} if self.memory_limit else {}
            con = duckdb.connect(str(self.working_path), config=config)
            try:
                apply_schema(con)
                yield con
                # committed changes sit in the WAL until the checkpoint (large ones are checkpointed at
                # commit, which changes the file itself)
                logged = self._wal_path.exists() and self._wal_path.stat().st_size > 0
                con.execute("CHECKPOINT")
            finally:
                con.close()
            changed = logged or self._file_state() != before
            if serve:
                if changed or pending or not self._snapshot_is_current():
                    self._serve()
                self.unserved_path.unlink()
            elif not (changed or pending):
                self.unserved_path.unlink()

    def _serve(self) -> None:
        tmp = self.served_path.with_name(f".{self.served_path.name}.{os.getpid()}.tmp")
        shutil.copyfile(self.working_path, tmp)
        stat = self.working_path.stat()
        os.utime(tmp, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the snapshot says which state it copied
        os.replace(tmp, self.served_path)  # readers holding the old file keep their consistent view

    def reader(self) -> duckdb.DuckDBPyConnection:
        """Read-only connection to the served snapshot."""
        if not self.served_path.exists():
            raise WarehouseMissingError(
                f"no published warehouse at {self.served_path}; run `peristiwa run` first"
            )
        return duckdb.connect(str(self.served_path), read_only=True)
