"""The radio adapter of a Zigbee2MQTT bridge, for the admission state machine.

It drives :class:`~.z2m.Zigbee2MqttBridge` through the same
:class:`~.radio.RadioAdapter` interface as the zigpy radios, so a Zigbee2MQTT
config entry reuses the list, the windows and the providers unchanged.

Rules:

- ``enforces_provisioned_only`` is False: Zigbee2MQTT cannot refuse a device
  at the trust center; the bridge removes an unprovisioned joiner after it
  joined. ``guard_foreign_permits`` has nothing to guard and is kept False.
- The same holds on a Z-Stack coordinator (zigbee-herdsman's zstack adapter
  never sends ``BDBSetJoinUsesInstallCodeKey``): the window's "Install code
  only" says False there too.
- Zigbee2MQTT removes no single key: when the window must hold fewer keys
  and the adapter clears codes on ``permit_join`` time 0 (ember: the radio's
  transient key table), they are all cleared, the remaining codes added again
  and the permit reopened for what is left of the window. On Z-Stack nothing
  clears them: the codes no longer wanted stay in the APS key table (the
  guard still removes a device that is not provisioned), and only the new
  codes are added.
- An EmberZNet radio forgets transient keys after ``key_lifetime_s`` (its
  default 300 s, which Zigbee2MQTT keeps); maintenance adds every code again
  before then. Z-Stack keeps them: nothing is added again.
- A bridge that does not answer during maintenance, or takes none of the codes
  it is given again, is a lost radio (:class:`~.radio.RadioLostError`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import time

from custom_components.provisioning.core.entry import ProvisioningEntry
from custom_components.provisioning.core.identity import DeviceId
from custom_components.provisioning.core.radio import (
    Maintenance,
    RadioLostError,
    WindowResult,
)

from .identity import ZigbeeId, ieee_of
from .z2m import Zigbee2MqttBridge, Zigbee2MqttError

DEFAULT_KEY_LIFETIME_S = 300.0
KEY_REFRESH_MARGIN_S = 60.0


class Zigbee2MqttRadio:
    """Windows opened through a Zigbee2MQTT bridge."""

    enforces_provisioned_only = False
    guard_foreign_permits = False

    def __init__(
        self,
        bridge: Zigbee2MqttBridge,
        *,
        clock: Callable[[], float] = time.monotonic,
        key_lifetime_s: float = DEFAULT_KEY_LIFETIME_S,
    ) -> None:
        """Adapter over a started bridge client."""
        self._bridge = bridge
        self._clock = clock
        self._key_lifetime_s = key_lifetime_s
        self._entries: dict[DeviceId, ProvisioningEntry] = {}
        self._ends_at: float | None = None
        self._keys_added_at = 0.0
        self._open = False

    async def async_open_window(
        self, entries: Sequence[ProvisioningEntry], duration: float | None
    ) -> WindowResult:
        """Add every code, then permit joins for duration (None: until closed)."""
        now = self._clock()
        self._ends_at = None if duration is None else now + duration
        result = await self._load(entries)
        await self._bridge.async_permit(duration)
        self._open = True
        return result

    async def _load(self, entries: Sequence[ProvisioningEntry]) -> WindowResult:
        added = await self._bridge.async_add_codes(entries)
        self._keys_added_at = self._clock()
        loaded = {ZigbeeId(ieee) for ieee in added.added}
        self._entries = {e.device: e for e in entries if e.device in loaded}
        return WindowResult(
            loaded=tuple(ZigbeeId(ieee) for ieee in added.added),
            waiting=tuple(ZigbeeId(ieee) for ieee in added.failed),
            enforced=False,
        )

    async def async_set_keys(
        self, entries: Sequence[ProvisioningEntry]
    ) -> WindowResult:
        """Make the open window hold exactly the codes of entries."""
        if not self._open:
            raise RadioLostError("no window is open")
        wanted = {e.device for e in entries}
        if not self._bridge.adapter.close_clears_codes:
            # Nothing removes a code: keep the wanted ones, add the new ones
            self._entries = {
                device: entry
                for device, entry in self._entries.items()
                if device in wanted
            }
        elif set(self._entries) - wanted:
            # No request removes one code: clear them all, add the rest again.
            await self._bridge.async_clear_keys()
            result = await self._load(entries)
            remaining = (
                None
                if self._ends_at is None
                else max(1.0, self._ends_at - self._clock())
            )
            await self._bridge.async_permit(remaining)
            return result
        new = [
            e
            for e in entries
            if e.device not in self._entries
            or not e.credential.same_key(self._entries[e.device].credential)
        ]
        added = await self._bridge.async_add_codes(new)
        loaded = {ZigbeeId(ieee) for ieee in added.added}
        self._entries.update({e.device: e for e in new if e.device in loaded})
        waiting = tuple(e.device for e in entries if e.device not in self._entries)
        return WindowResult(
            loaded=tuple(self._entries), waiting=waiting, enforced=False
        )

    async def async_maintain(self) -> Maintenance:
        """Renew the permit and the codes before Zigbee2MQTT's radio drops them."""
        if not self._open:
            return Maintenance()
        refreshed = 0
        try:
            await self._bridge.async_maintain()
            age = self._clock() - self._keys_added_at
            if (
                self._entries
                and self._bridge.adapter.codes_expire
                and age >= self._key_lifetime_s - KEY_REFRESH_MARGIN_S
            ):
                result = await self._bridge.async_add_codes(
                    list(self._entries.values())
                )
                self._keys_added_at = self._clock()
                refreshed = len(result.added)
                if not refreshed:
                    raise Zigbee2MqttError(
                        "z2m_timeout", {"request": "install_code/add"}
                    )
        except Zigbee2MqttError as err:
            raise RadioLostError(str(err)) from err
        return Maintenance(keys_refreshed=refreshed)

    async def async_close_window(self) -> None:
        """``permit_join`` time 0: joins end and the radio drops every code."""
        self.forget_window()
        await self._bridge.async_close()

    def forget_window(self) -> None:
        """Drop the window without a word to the bridge."""
        self._open = False
        self._entries.clear()
        self._ends_at = None
        self._bridge.forget_permit()

    async def async_clear_leftovers(self) -> None:
        """Close a permit and clear codes an earlier run left behind."""
        await self._bridge.async_clear_keys()

    async def async_remove_device(self, device: DeviceId) -> None:
        """Remove a device from the network."""
        await self._bridge.async_remove(ieee_of(device))
