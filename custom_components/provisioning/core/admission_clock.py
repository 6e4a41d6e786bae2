"""The clock and scheduler the admission state machine runs on.

The state machine never sleeps and never reads the time itself: it asks a
``Scheduler`` for the time, for timers and for background jobs. Home Assistant
provides one built on its own timers; ``LoopScheduler`` runs on a bare asyncio
loop; tests drive a manual one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

type Cancel = Callable[[], None]


class Scheduler(Protocol):
    """Time, timers and background jobs."""

    def monotonic(self) -> float:
        """Return the time in seconds, only ever increasing."""

    def call_later(self, delay: float, action: Callable[[], None]) -> Cancel:
        """Run action after delay seconds; return a function that cancels it."""

    def spawn(self, job: Coroutine[Any, Any, None]) -> None:
        """Run a job in the background; it handles its own errors."""


class LoopScheduler:
    """A scheduler on the running asyncio loop."""

    def __init__(self) -> None:
        """Initialize on the running loop."""
        self._loop = asyncio.get_running_loop()
        self._tasks: set[asyncio.Task[None]] = set()

    def monotonic(self) -> float:
        """Return the loop's time."""
        return self._loop.time()

    def call_later(self, delay: float, action: Callable[[], None]) -> Cancel:
        """Run action after delay seconds."""
        return self._loop.call_later(delay, action).cancel

    def spawn(self, job: Coroutine[Any, Any, None]) -> None:
        """Run a job, keeping a reference until it ends."""
        task = self._loop.create_task(job)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def async_drain(self) -> None:
        """Wait for the jobs running now (and those they start)."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
