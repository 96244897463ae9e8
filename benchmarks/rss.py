"""Peak resident memory of this process and all its descendants (Stanza worker processes included),
sampled from /proc every 0.2 s by a background thread (Linux)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int | None = None) -> int:
    """Resident bytes of ``pid`` (default: this process) and every descendant."""
    todo, total = [pid or os.getpid()], 0
    while todo:
        p = todo.pop()
        total += _rss(p)
        todo.extend(_children(p))
    return total


class PeakRss:
    """With keep_samples, every sample is kept (unix time, bytes), for peak_between."""

    def __init__(self, interval_s: float = 0.2, keep_samples: bool = False) -> None:
        self.interval_s = interval_s
        self.peak_bytes = 0
        self.samples: list[tuple[float, int]] | None = [] if keep_samples else None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            rss = tree_rss()
            self.peak_bytes = max(self.peak_bytes, rss)
            if self.samples is not None:
                self.samples.append((time.time(), rss))
            self._stop.wait(self.interval_s)

    def peak_between(self, start: float, end: float) -> int:
        """The highest sample taken between two unix times (keep_samples only)."""
        return max((rss for t, rss in self.samples or [] if start <= t <= end), default=0)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_bytes = max(self.peak_bytes, tree_rss())
