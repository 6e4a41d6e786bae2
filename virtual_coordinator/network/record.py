"""The record of events both personalities keep, and waiting on it.

Rules: every event is appended through ``Record.append`` (listeners see each
one, in order); an event never carries a key, only IEEE addresses and flags.
Waiting is on conditions, woken by each new event or frame, never on a fixed
delay.
"""

# ruff: noqa: ASYNC109

from __future__ import annotations

import asyncio
from collections.abc import Callable
import contextlib
import dataclasses
import logging
import time
from typing import Any

_LOGGER = logging.getLogger(__name__)


@dataclasses.dataclass
class Event:
    """One entry of the coordinator's record."""

    time: float
    kind: str
    details: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.details[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.details.get(key, default)


class Record(list[Event]):
    """Timestamped events: policy, key_added, keys_cleared, key_expired, permit,
    join, leave, unknown_frame, ..."""

    def __init__(self) -> None:
        super().__init__()
        self.listeners: list[Callable[[Event], None]] = []

    def append(self, event: Event) -> None:
        super().append(event)
        for listener in self.listeners:
            listener(event)

    def of_kind(self, *kinds: str) -> list[Event]:
        return [e for e in self if e.kind in kinds]

    def log(self, kind: str, **details: Any) -> Event:
        event = Event(time=time.time(), kind=kind, details=details)
        self.append(event)
        return event


class RecordWaiter:
    """Reading and waiting on a coordinator's record (both personalities).

    ``frame_protocol`` names the host protocol in the warning an unsupported
    frame causes.
    """

    frame_protocol = "host"
    record: Record
    _record_changed: asyncio.Event | None

    def _watch_record(self) -> None:
        self._record_changed = None
        self.record.listeners.append(self._on_record)

    def events(self, *kinds: str) -> list[Event]:
        return self.record.of_kind(*kinds) if kinds else list(self.record)

    def _on_record(self, event: Event) -> None:
        if event.kind == "unknown_frame":
            _LOGGER.warning(
                "Unsupported %s frame: %s", self.frame_protocol, event.details
            )
        self._notify()

    def _notify(self) -> None:
        if self._record_changed is not None:
            self._record_changed.set()

    async def wait_for_event(
        self,
        kind: str,
        predicate: Callable[[Event], bool] = lambda _e: True,
        *,
        timeout: float = 10,
        start: int = 0,
    ) -> Event:
        """Wait until the record holds a matching event at index >= start."""
        async with asyncio.timeout(timeout):
            while True:
                for event in self.record[start:]:
                    if event.kind == kind and predicate(event):
                        return event
                if self._record_changed is None:
                    self._record_changed = asyncio.Event()
                self._record_changed.clear()
                await self._record_changed.wait()

    async def wait_until(
        self,
        condition: Callable[[], bool],
        *,
        timeout: float = 10,
        poll_interval: float = 0.05,
    ) -> None:
        """Wait until ``condition()`` holds.

        Re-checked whenever the emulator handles a frame or records an event
        (on EZSP also when the host acknowledges the last frame sent to it),
        and every ``poll_interval`` seconds for state that changes on the host
        side only.
        """
        async with asyncio.timeout(timeout):
            while not condition():
                if self._record_changed is None:
                    self._record_changed = asyncio.Event()
                self._record_changed.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._record_changed.wait(), poll_interval)
