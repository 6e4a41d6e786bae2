"""Run a central provisioning server's provider: polling, storage and the outbox.

Rules:

- One background task per server, and it never ends on an error. Every
  exception of a poll or an outbox flush, a `RemoteError` or any other, is
  contained: logged once when the server goes away (and once when it is back),
  counted in `failures`, recorded as the sync sensor's `last_error` (a
  translation key; `sync_failed` for an unexpected error), and retried with
  backoff. Logs name the exception's type and place, never its message, which
  could hold what the server sent.
- Long polling (see `core.remote_client`) is used while the server announces it
  and the last poll succeeded; otherwise the list is polled every
  `poll_interval` seconds, with backoff after errors. A long poll that brings
  no new revision is followed by the next one no sooner than
  `MIN_LONG_POLL_SPACING` after it started, so that a server answering at once
  can't make the hub spin; a new revision is followed by the next long poll at
  once, so that changes in quick succession are not delayed.
- A long poll that fails is not tried again for `poll_interval` seconds; the
  list is polled at the interval meanwhile, so a server or a proxy that can't
  hold requests costs one error per interval, not one per backoff step.
- A listener that fails when told about a sync is logged, and the task goes on.
- Entries past the list's limit (``core.limits.MAX_LIST_ENTRIES``) are left
  out: a repair issue says how many while it lasts, and a warning is logged
  each time their number changes.
- At most one request to a server at a time: a held long poll is cancelled, and
  its connection closed, before a sync now or a report sends anything.
- "Sync now" (`async_sync_now`) waits for a poll that starts after the request.
- This module does not import the coordinator: it is given the Home Assistant
  objects and a callback to call when its state changes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
import pathlib
import traceback
from typing import Any, Final, cast

from homeassistant.config_entries import ConfigEntry, ConfigFlowContext, ConfigSubentry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import (
    CONF_HUB_ID,
    CONF_POLL_INTERVAL,
    CONF_TOKEN,
    CONF_URL,
    CONF_VERIFY_SSL,
    DOMAIN,
    LOGGER,
    STORAGE_VERSION,
)
from .core import limits
from .core.remote import RemoteProvider, SyncResult
from .core.remote_client import (
    RemoteAuthError,
    RemoteError,
    RemoteProvisioningClient,
)
from .issues import async_update_warning

BACKOFF: Final = (5, 15, 60, 300)
MIN_LONG_POLL_SPACING: Final = 1.0
SYNC_NOW_TIMEOUT: Final = 120.0
UNEXPECTED_ERROR: Final = "sync_failed"


def _where(err: BaseException) -> str:
    """Name an exception by its type and the place it was raised, not its text."""
    last = traceback.extract_tb(err.__traceback__)[-1]
    return f"{type(err).__name__} at {pathlib.Path(last.filename).name}:{last.lineno}"


class RemoteProviderRunner:
    """Poll one provisioning server, keep its last good list, and send reports."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        subentry: ConfigSubentry,
        on_change: Callable[[], None],
    ) -> None:
        """Initialize from a provider subentry of the coordinator's entry."""
        self.hass = hass
        self.entry = entry
        self.subentry = subentry
        self._on_change = on_change
        self.settings = data = dict(subentry.data)
        client = RemoteProvisioningClient(
            async_get_clientsession(hass, verify_ssl=data.get(CONF_VERIFY_SSL, True)),
            data[CONF_URL],
            data[CONF_TOKEN],
            data[CONF_HUB_ID],
        )
        self.provider = RemoteProvider(
            f"remote:{subentry.subentry_id}",
            subentry.title,
            client,
            now=dt_util.utcnow,
        )
        self.provider.on_outbox = self._outbox_changed
        self.poll_interval: int = data.get(CONF_POLL_INTERVAL, 300)
        self._store: Store[dict[str, Any]] = Store(
            hass,
            STORAGE_VERSION,
            f"{DOMAIN}.{entry.entry_id}.{subentry.subentry_id}",
        )
        self._wake = asyncio.Event()
        self._waiters: list[asyncio.Future[str | None]] = []
        self._in_flight: list[asyncio.Future[str | None]] = []
        self._long_poll_paused_until = 0.0
        self._consecutive = 0
        self.failures = 0
        self.available = True
        self.syncs = 0
        self.last_result: SyncResult | None = None
        self._over_limit = 0

    @property
    def issue_prefix(self) -> str:
        """Return the prefix of this provider's repair issues."""
        return f"{self.subentry.subentry_id}_"

    @property
    def long_polling(self) -> bool:
        """Return whether the next poll is a long poll."""
        return self._long_poll_wait() is not None

    async def async_load(self) -> None:
        """Restore the last good list and the outbox."""
        if (stored := await self._store.async_load()) is not None:
            self.provider.restore(stored)

    def start(self) -> None:
        """Start polling in the background."""
        self.entry.async_create_background_task(
            self.hass, self._async_run(), f"{DOMAIN} {self.subentry.title} poll"
        )

    @callback
    def async_poll_now(self) -> None:
        """Poll without waiting for the interval (or the held long poll)."""
        self._wake.set()

    async def async_sync_now(self) -> SyncResult | None:
        """Poll now and wait for the result; raise a translated error on failure."""
        future: asyncio.Future[str | None] = self.hass.loop.create_future()
        self._waiters.append(future)
        self._wake.set()
        try:
            async with asyncio.timeout(SYNC_NOW_TIMEOUT):
                error = await future
        except TimeoutError:
            error = "remote_unavailable"
        if error is not None:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="sync_failed",
                translation_placeholders={
                    "title": self.subentry.title,
                    "error": error,
                },
            )
        return self.last_result

    async def _async_run(self) -> None:
        try:
            while True:
                try:
                    delay = await self._async_poll()
                except Exception as err:
                    self._resolve(self._in_flight, UNEXPECTED_ERROR)
                    delay = self._failed(err)
                if delay <= 0:
                    continue
                try:
                    async with asyncio.timeout(delay):
                        await self._wake.wait()
                except TimeoutError:
                    pass
        finally:
            self._resolve(self._in_flight + self._waiters, "remote_unavailable")

    def _long_poll_wait(self) -> int | None:
        if self._consecutive or self.provider.state.etag is None:
            return None
        if asyncio.get_running_loop().time() < self._long_poll_paused_until:
            return None
        return self.provider.client.long_poll_wait

    async def _async_long_poll(self, wait: int) -> SyncResult | None:
        """Hold a long poll until it answers or a wake-up; None when woken."""
        held = asyncio.ensure_future(self.provider.async_sync(wait=wait))
        woke = asyncio.ensure_future(self._wake.wait())
        try:
            done, _ = await asyncio.wait(
                (held, woke), return_when=asyncio.FIRST_COMPLETED
            )
        except asyncio.CancelledError:
            held.cancel()
            woke.cancel()
            raise
        woke.cancel()
        if held in done:
            if held.exception() is not None:
                # poll at the interval for a while before holding requests again
                loop = asyncio.get_running_loop()
                self._long_poll_paused_until = loop.time() + self.poll_interval
            return held.result()
        held.cancel()
        # wait for the connection to close; its outcome is superseded
        await asyncio.gather(held, return_exceptions=True)
        return None

    async def _async_poll(self) -> float:
        """Poll once and flush the outbox; return the delay before the next poll."""
        loop = asyncio.get_running_loop()
        started = loop.time()
        revision = self.provider.state.revision
        urgent = self._wake.is_set()
        self._wake.clear()
        self._in_flight = []
        try:
            result: SyncResult | None = None
            wait = self._long_poll_wait()
            if wait is not None and not urgent and not self._waiters:
                result = await self._async_long_poll(wait)
            if result is None:
                self._in_flight, self._waiters = self._waiters, []
                self._wake.clear()
                result = await self.provider.async_sync()
            await self.provider.async_flush_outbox()
        except Exception as err:
            delay = self._failed(err)
            self._resolve(self._in_flight, self.provider.state.last_error)
            return delay
        self._succeeded(result)
        self._resolve(self._in_flight, None)
        if self._wake.is_set():
            return 0.0
        if self._long_poll_wait() is not None:
            if self.provider.state.revision != revision:
                return 0.0
            return max(0.0, MIN_LONG_POLL_SPACING - (loop.time() - started))
        return float(self.poll_interval)

    @staticmethod
    def _resolve(waiters: list[asyncio.Future[str | None]], error: str | None) -> None:
        for future in waiters:
            if not future.done():
                future.set_result(error)

    def _notify(self) -> None:
        """Tell the coordinator; a failing listener doesn't stop the polls."""
        try:
            self._on_change()
        except Exception as err:
            LOGGER.error(
                "Updating after a synchronisation with provisioning server %s"
                " failed (%s)",
                self.subentry.title,
                _where(err),
            )

    def _succeeded(self, result: SyncResult) -> None:
        self._consecutive = 0
        self.last_result = result
        if not self.available:
            LOGGER.info(
                "Provisioning server %s is available again", self.subentry.title
            )
            self.available = True
        ir.async_delete_issue(self.hass, DOMAIN, f"{self.issue_prefix}auth")
        self._update_invalid_issue(len(result.invalid))
        self._update_over_limit(result.over_limit)
        self.syncs += 1
        self._async_save()
        self._notify()

    def _failed(self, err: Exception) -> float:
        self.failures += 1
        self._consecutive += 1
        state = self.provider.state
        if isinstance(err, RemoteError):
            state.last_error = err.translation_key
        else:
            state.last_error = UNEXPECTED_ERROR
        if self.available:
            if isinstance(err, RemoteError):
                LOGGER.warning(
                    "Provisioning server %s is unavailable: %s",
                    self.subentry.title,
                    err,
                )
            else:
                LOGGER.error(
                    "Synchronisation with provisioning server %s failed (%s);"
                    " retrying with backoff",
                    self.subentry.title,
                    _where(err),
                )
            self.available = False
        if isinstance(err, RemoteAuthError):
            self.entry.async_start_reauth(
                self.hass,
                context=cast(
                    ConfigFlowContext, {"subentry_id": self.subentry.subentry_id}
                ),
            )
            ir.async_create_issue(
                self.hass,
                DOMAIN,
                f"{self.issue_prefix}auth",
                is_fixable=False,
                severity=ir.IssueSeverity.ERROR,
                translation_key="remote_auth_failed",
                translation_placeholders={"title": self.subentry.title},
            )
        self._notify()
        step = BACKOFF[min(self._consecutive, len(BACKOFF)) - 1]
        return float(min(step, self.poll_interval))

    def _update_invalid_issue(self, count: int) -> None:
        async_update_warning(
            self.hass,
            f"{self.issue_prefix}invalid_entries",
            active=bool(count),
            translation_key="remote_invalid_entries",
            placeholders={"title": self.subentry.title, "count": str(count)},
        )

    def _update_over_limit(self, count: int) -> None:
        if count and count != self._over_limit:
            LOGGER.warning(
                "Provisioning server %s lists %d devices past the limit of %d"
                " devices per list; they were left out",
                self.subentry.title,
                count,
                limits.MAX_LIST_ENTRIES,
            )
        self._over_limit = count
        async_update_warning(
            self.hass,
            f"{self.issue_prefix}list_full",
            active=bool(count),
            translation_key="remote_list_full",
            placeholders={
                "title": self.subentry.title,
                "count": str(count),
                "limit": str(limits.MAX_LIST_ENTRIES),
            },
        )

    @callback
    def _async_save(self) -> None:
        self._store.async_delay_save(self.provider.to_storage, 0)

    @callback
    def _outbox_changed(self) -> None:
        self._async_save()
        self.async_poll_now()

    async def async_flush(self) -> None:
        """Write the list and the outbox now."""
        await self._store.async_save(self.provider.to_storage())

    def diagnostics(self) -> dict[str, Any]:
        """Return the sync state, without token or keys."""
        state = self.provider.state
        return {
            "title": self.subentry.title,
            "available": self.available,
            "entries": len(self.provider.entries()),
            "revision": state.revision,
            "last_success": state.last_success.isoformat()
            if state.last_success
            else None,
            "last_error": state.last_error,
            "failures": self.failures,
            "long_polling": self.long_polling,
            "invalid": [list(item) for item in state.invalid],
            "over_limit": state.over_limit,
            "outbox": len(state.outbox),
        }


async def async_sync_servers(
    runners: Mapping[str, RemoteProviderRunner], server: str | None = None
) -> dict[str, Any]:
    """Sync one server (by its subentry ID) or all of them now, and say how it went.

    Raises a translated error for an unknown server, or when a sync fails (after
    all the others are done).
    """
    if server is not None:
        if server not in runners:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="server_not_found",
                translation_placeholders={"server": server},
            )
        selected = [runners[server]]
    else:
        selected = list(runners.values())
    outcomes = await asyncio.gather(
        *(runner.async_sync_now() for runner in selected), return_exceptions=True
    )
    results: list[SyncResult | None] = []
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
        results.append(outcome)
    return {
        "servers": [
            {
                "server": runner.subentry.subentry_id,
                "title": runner.subentry.title,
                "entries": len(runner.provider.entries()),
                "revision": runner.provider.state.revision,
                "changed": bool(outcome and outcome.changed),
            }
            for runner, outcome in zip(selected, results, strict=True)
        ]
    }
