"""Run a central provisioning server's provider: polling, storage and the outbox."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, cast

from homeassistant.config_entries import ConfigFlowContext, ConfigSubentry
from homeassistant.core import HomeAssistant, callback
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
from .core.remote import RemoteProvider
from .core.remote_client import (
    RemoteAuthError,
    RemoteError,
    RemoteProvisioningClient,
)
from .issues import async_update_warning

if TYPE_CHECKING:
    from .coordinator import ProvisioningCoordinator

BACKOFF = (5, 15, 60, 300)


class RemoteProviderRunner:
    """Poll one provisioning server, keep its last good list, and send reports."""

    def __init__(
        self,
        hass: HomeAssistant,
        coordinator: ProvisioningCoordinator,
        subentry: ConfigSubentry,
    ) -> None:
        """Initialize from a provider subentry."""
        self.hass = hass
        self.coordinator = coordinator
        self.subentry = subentry
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
            f"{DOMAIN}.{coordinator.config_entry.entry_id}.{subentry.subentry_id}",
        )
        self._wake = asyncio.Event()
        self._failures = 0
        self.available = True
        self.syncs = 0

    @property
    def issue_prefix(self) -> str:
        """Return the prefix of this provider's repair issues."""
        return f"{self.subentry.subentry_id}_"

    async def async_load(self) -> None:
        """Restore the last good list and the outbox."""
        if (stored := await self._store.async_load()) is not None:
            self.provider.restore(stored)

    def start(self) -> None:
        """Start polling in the background."""
        self.coordinator.config_entry.async_create_background_task(
            self.hass, self._async_run(), f"{DOMAIN} {self.subentry.title} poll"
        )

    @callback
    def async_poll_now(self) -> None:
        """Poll without waiting for the interval."""
        self._wake.set()

    async def _async_run(self) -> None:
        while True:
            delay = await self._async_poll()
            self._wake.clear()
            try:
                async with asyncio.timeout(delay):
                    await self._wake.wait()
            except TimeoutError:
                pass

    async def _async_poll(self) -> float:
        try:
            result = await self.provider.async_sync()
            await self.provider.async_flush_outbox()
        except RemoteError as err:
            return self._failed(err)
        self._failures = 0
        if not self.available:
            LOGGER.info(
                "Provisioning server %s is available again", self.subentry.title
            )
            self.available = True
        ir.async_delete_issue(self.hass, DOMAIN, f"{self.issue_prefix}auth")
        self._update_invalid_issue(len(result.invalid))
        self.syncs += 1
        self._async_save()
        self.coordinator.async_update_listeners()
        return float(self.poll_interval)

    def _failed(self, err: RemoteError) -> float:
        self._failures += 1
        if self.available:
            LOGGER.warning(
                "Provisioning server %s is unavailable: %s", self.subentry.title, err
            )
            self.available = False
        if isinstance(err, RemoteAuthError):
            self.coordinator.config_entry.async_start_reauth(
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
        self.coordinator.async_update_listeners()
        return float(
            min(BACKOFF[min(self._failures, len(BACKOFF)) - 1], self.poll_interval)
        )

    def _update_invalid_issue(self, count: int) -> None:
        async_update_warning(
            self.hass,
            f"{self.issue_prefix}invalid_entries",
            active=bool(count),
            translation_key="remote_invalid_entries",
            placeholders={"title": self.subentry.title, "count": str(count)},
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
            "invalid": [list(item) for item in state.invalid],
            "outbox": len(state.outbox),
        }
