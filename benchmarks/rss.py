"""Peak resident memory of this process and all its descendants (Stanza worker processes included),
sampled from /proc every 0.2 s by a background thread (Linux).

Two sums are kept. RSS counts a page shared by several processes (the mapped torch and Stanza libraries of
each spawned worker) once per process, so the RSS sum overstates what the tree takes from the machine. PSS
(proportional set size, /proc/PID/smaps_rollup) charges a shared page to its sharers in equal parts, so
the PSS sum is the memory the tree really holds."""

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


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree(pid: int | None = None) -> list[int]:
    todo, found = [pid or os.getpid()], []
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(_children(p))
    return found


def tree_rss(pid: int | None = None) -> int:
    """Resident bytes of ``pid`` (default: this process) and every descendant."""
    return sum(_rss(p) for p in _tree(pid))


def tree_pss(pid: int | None = None) -> int:
    """Proportional resident bytes of ``pid`` (default: this process) and every descendant."""
    return sum(_pss(p) for p in _tree(pid))


class PeakRss:
    """With keep_samples, every sample is kept (unix time, bytes), for peak_between."""

    def __init__(self, interval_s: float = 0.2, keep_samples: bool = False) -> None:
        self.interval_s = interval_s
        self.peak_bytes = 0
        self.peak_pss_bytes = 0
        # PSS of each process at the PSS peak: this process first, then its descendants
        self.peak_pss_parts: list[int] = []
        self.samples: list[tuple[float, int]] | None = [] if keep_samples else None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            rss = tree_rss()
            self.peak_bytes = max(self.peak_bytes, rss)
            parts = [_pss(p) for p in _tree()]
            if sum(parts) > self.peak_pss_bytes:
                self.peak_pss_bytes, self.peak_pss_parts = sum(parts), parts
            if self.samples is not None:
                self.samples.append((time.time(), rss))
            self._stop.wait(self.interval_s)

    def peak_pss_breakdown(self) -> str:
        """ "main 0.95 GB + 0.77 + 0.84 GB": who held the memory at the PSS peak."""
        if not self.peak_pss_parts:
            return "no samples"
        main, *rest = (b / 1e9 for b in self.peak_pss_parts)
        others = " + ".join(f"{b:.2f}" for b in rest if b > 0.01)
        return f"main {main:.2f} GB" + (f", descendants {others} GB" if others else "")

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
