"""Progress of a long job (an index build): stages with counts, shown as one bar on a terminal,
as a line per stage when piped, or handed to a callback (the bot edits its /reload reply)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from tqdm import tqdm


@dataclass(frozen=True)
class Step:
    """Where a job is: the stage, how far into it, and how long it has run."""

    stage: str
    done: int
    total: int
    unit: str
    seconds: float

    def line(self) -> str:
        rate = self.done / self.seconds if self.seconds > 0 else 0.0
        units = self.unit if self.total == 1 else f"{self.unit}s"
        return f"{self.stage}: {self.done:,} of {self.total:,} {units} in {self.seconds:.1f}s ({rate:.1f} {self.unit}s/s)"


class Progress:
    """Stages of one job; `notify` gets every step (throttled to one per `every` seconds and each stage's end)."""

    def __init__(self, notify: Callable[[Step], None] | None = None, every: float = 0.0) -> None:
        self.notify, self.every = notify, every
        self._stage, self._unit, self._total, self._done = "", "", 0, 0
        self._began = self._last = 0.0

    def stage(self, name: str, total: int, unit: str) -> None:
        """A stage begins (the one before, if any, ends)."""
        self.end()
        self._stage, self._unit, self._total, self._done = name, unit, total, 0
        self._began = self._last = time.perf_counter()
        self._tell(force=True)

    def advance(self, n: int = 1) -> None:
        self._done += n
        self._tell(force=False)

    def end(self) -> None:
        """The current stage ends."""
        if self._stage:
            self._done = max(self._done, self._total)
            self._tell(force=True, last=True)
            self._stage = ""

    def _tell(self, force: bool, last: bool = False) -> None:
        now = time.perf_counter()
        if self.notify is None or (not force and now - self._last < self.every):
            return
        self._last = now
        self.on_step(Step(self._stage, self._done, self._total, self._unit, now - self._began), last)

    def on_step(self, step: Step, last: bool) -> None:
        if self.notify is not None:
            self.notify(step)


class TerminalProgress(Progress):
    """One tqdm bar over the whole job on a terminal (its total grows as stages begin, so the ETA
    covers what is known); off a terminal, a line per finished stage with its rate."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        super().__init__(notify=lambda step: None)
        self.stream = stream
        self.tty = stream.isatty()
        self.bar: tqdm | None = None
        self._before = 0

    def on_step(self, step: Step, last: bool) -> None:
        if not self.tty:
            if last:
                print(step.line(), file=self.stream, flush=True)
            return
        if self.bar is None:
            self.bar = tqdm(total=0, unit="step", file=self.stream, dynamic_ncols=True)
        if step.done == 0 and not last:  # a stage begins: its work joins the total
            self._before = self.bar.n
            self.bar.total += step.total
            self.bar.set_description(step.stage)
        self.bar.update(self._before + step.done - self.bar.n)
        if last:
            self.bar.refresh()

    def close(self) -> None:
        self.end()
        if self.bar is not None:
            self.bar.close()
