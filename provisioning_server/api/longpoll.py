"""Wake-ups of long polls (``GET .../devices?wait=S``) when a hub's list changes.

Rules:

* One :class:`asyncio.Event` per hub that somebody waits on; a change of that
  hub sets it, and a new one replaces it. Nothing is kept for hubs nobody waits on.
* A waiter takes the hub's event *before* it reads the revision, so a change
  between the read and the wait is never lost.
* Notifications come from the store's :meth:`~AsyncStore.watch` (any writer,
  any process or instance) and, for changes made through this process's API,
  directly, which saves the watcher's delay.
* At shutdown every waiter is released at once (it answers 304).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from provisioning_server.store import HubInfo


class Broker:
    """Lets requests wait until a hub's revision changes."""

    def __init__(self) -> None:
        """Start with nobody waiting."""
        self._events: dict[str, asyncio.Event] = {}
        self._waiting: dict[str, int] = {}
        self._closing = False

    def active(self) -> bool:
        """Whether anybody waits."""
        return bool(self._waiting)

    @property
    def waiting(self) -> int:
        """How many requests wait."""
        return sum(self._waiting.values())

    def notify(self, hub_id: str) -> None:
        """Wake the requests that wait on ``hub_id``."""
        event = self._events.pop(hub_id, None)
        if event is not None:
            event.set()

    def close(self) -> None:
        """Release every waiter, and let no new one wait."""
        self._closing = True
        for event in self._events.values():
            event.set()
        self._events.clear()

    async def wait_for_change(
        self,
        hub_id: str,
        revision: int,
        seconds: float,
        read: Callable[[], Awaitable[HubInfo | None]],
    ) -> HubInfo | None:
        """Wait until ``read()`` gives another revision; None after ``seconds``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        self._waiting[hub_id] = self._waiting.get(hub_id, 0) + 1
        try:
            while not self._closing:
                event = self._events.get(hub_id)
                if event is None:
                    event = self._events[hub_id] = asyncio.Event()
                hub = await read()
                if hub is None or hub.revision != revision:
                    return hub
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return None
                try:
                    async with asyncio.timeout(remaining):
                        await event.wait()
                except TimeoutError:
                    return None
            return None
        finally:
            count = self._waiting[hub_id] - 1
            if count:
                self._waiting[hub_id] = count
            else:
                del self._waiting[hub_id]
                event = self._events.get(hub_id)
                if event is not None and not event.is_set():
                    del self._events[hub_id]
