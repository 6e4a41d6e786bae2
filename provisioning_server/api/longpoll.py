"""Wake-ups of long polls (``GET .../devices?wait=S``) when a hub's list changes.

Rules:

* Each held request has an :class:`asyncio.Event` of its own; a change of its
  hub sets the events of all requests waiting on that hub. Nothing is kept
  for hubs nobody waits on.
* A waiter clears its event *before* it reads the revision, so a change
  between the read and the wait is never lost.
* Notifications come from the store's :meth:`~AsyncStore.watch` (any writer,
  any process or instance) and, for changes made through this process's API,
  directly, which saves the watcher's delay.
* A hub holds at most ``MAX_WAITERS_PER_HUB`` requests (a hub needs one); a
  further one releases the oldest with 304, so a leaked or shared token
  cannot pile up requests. A released waiter leaves the hub's list at once,
  not when its request wakes up: a burst of requests arriving before any
  released one has run counts only the requests still held, and each
  newcomer releases one that is still held.
* At shutdown every waiter is released at once (it answers 304).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from provisioning_server.store import HubInfo

MAX_WAITERS_PER_HUB = 8


class _Waiter:
    __slots__ = ("event", "released")

    def __init__(self) -> None:
        self.event = asyncio.Event()
        self.released = False


class Broker:
    """Lets requests wait until a hub's revision changes."""

    def __init__(self) -> None:
        """Start with nobody waiting."""
        self._waiters: dict[str, list[_Waiter]] = {}
        self._closing = False

    def active(self) -> bool:
        """Whether anybody waits."""
        return bool(self._waiters)

    @property
    def waiting(self) -> int:
        """How many requests wait."""
        return sum(len(waiters) for waiters in self._waiters.values())

    def notify(self, hub_id: str) -> None:
        """Wake the requests that wait on ``hub_id``."""
        for waiter in self._waiters.get(hub_id, ()):
            waiter.event.set()

    def close(self) -> None:
        """Release every waiter, and let no new one wait."""
        self._closing = True
        for waiters in self._waiters.values():
            for waiter in waiters:
                waiter.released = True
                waiter.event.set()

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
        waiter = _Waiter()
        waiters = self._waiters.setdefault(hub_id, [])
        while len(waiters) >= MAX_WAITERS_PER_HUB:
            oldest = waiters.pop(0)
            oldest.released = True
            oldest.event.set()
        waiters.append(waiter)
        try:
            while not self._closing:
                waiter.event.clear()
                hub = await read()
                if hub is None or hub.revision != revision:
                    return hub
                remaining = deadline - loop.time()
                if waiter.released or remaining <= 0:
                    return None
                try:
                    async with asyncio.timeout(remaining):
                        await waiter.event.wait()
                except TimeoutError:
                    return None
            return None
        finally:
            if waiter in waiters:  # not when a newcomer released it
                waiters.remove(waiter)
            if not waiters and self._waiters.get(hub_id) is waiters:
                del self._waiters[hub_id]
