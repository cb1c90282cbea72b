"""A one-line progress bar with documents per second, for loading and indexing."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class Progress:
    """``[#####.....]  45,000/100,000  5,123 docs/s  eta 11 s``, redrawn at most every ``every`` s."""

    def __init__(self, label: str, total: int, stream: TextIO | None = None, every: float = 0.5) -> None:
        self.label = label
        self.total = max(total, 1)
        self.stream = stream if stream is not None else sys.stderr
        self.every = every
        self.done = 0
        self.started = time.perf_counter()
        self.drawn = 0.0
        self.lines = 0
        self.tty = self.stream.isatty()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def advance(self, count: int) -> None:
        self.done += count
        now = time.perf_counter()
        if now - self.drawn >= self.every:
            self.drawn = now
            if self.tty:
                self.draw()
            elif self.done * 10 // self.total > self.lines:  # a log gets a line every 10%
                self.lines = self.done * 10 // self.total
                self.draw()
                self.stream.write("\n")

    def draw(self) -> None:
        filled = int(WIDTH * min(self.done, self.total) / self.total)
        rate = self.rate
        eta = (self.total - self.done) / rate if rate > 0 else float("inf")
        self.stream.write(
            ("\r" if self.tty else "") + f"{self.label:<22} [{'#' * filled}{'.' * (WIDTH - filled)}] "
            f"{self.done:>10,}/{self.total:,}  {rate:>8,.0f} docs/s  eta {eta:5.0f} s"
        )
        self.stream.flush()

    def close(self) -> None:
        self.draw()
        self.stream.write("\n")
        self.stream.flush()
