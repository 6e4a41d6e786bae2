"""Coordinator for Device Provisioning: the provisioning list of one Zigbee network.

Rules:

- Mirroring the device subentries into the local provider costs one pass over
  the subentries; a subentry whose data did not change (Home Assistant
  replaces the data of a subentry it updates) is not read again.
- Placeholders are put in their entry's area; the areas created from names
  come from a budget renewed only when the list's area names change, so that
  one import or synchronisation creates at most ``MAX_NEW_AREAS`` areas, and a
  repair issue says how many devices were left out of their area.
- Each server's list is kept within ``MAX_LIST_ENTRIES`` together with the
  other providers' (see ``listed_ieees``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import (
    device_registry as dr,
    issue_registry as ir,
)
from homeassistant.helpers.storage import Store
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator

from .admission import Admission
from .const import (
    CONF_COORDINATOR_IEEE,
    CONF_HOME_ID,
    CONF_NETWORK,
    CONF_URL,
    DOMAIN,
    LOGGER,
    NETWORK_ZWAVE_JS,
    STORAGE_VERSION,
    SUBENTRY_DEVICE,
    SUBENTRY_PROVIDER,
)
from .core import (
    DeviceId,
    EntryStatus,
    LocalProvider,
    ProvisioningEntry,
    ProvisioningService,
    Technology,
    parse_device_id,
)
from .core.limits import AreaBudget
from .core.zigbee.zigpy_radio import radio_for
from .describe import entry_dict
from .devices import DeviceLinks, resolve_area
from .issues import async_update_warning
from .network import Network, ZhaNetwork
from .remote import RemoteProviderRunner
from .subentries import LOCAL_TITLE, server_title, subentry_to_entry

if TYPE_CHECKING:
    from zigpy.application import ControllerApplication

type ProvisioningConfigEntry = ConfigEntry[ProvisioningCoordinator]


def zha_network(hass: HomeAssistant, application: ControllerApplication) -> ZhaNetwork:
    """ZHA's network, with the admission adapter for its radio library."""
    return ZhaNetwork(hass, application, radio_for(application))


def network_device_id(data: Mapping[str, Any]) -> DeviceId:
    """The id of the network's own node: the Zigbee coordinator's IEEE address,
    or a Z-Wave network's home ID (``home:<8 hex digits>``)."""
    if data.get(CONF_NETWORK) == NETWORK_ZWAVE_JS:
        return DeviceId(Technology.ZWAVE, f"home:{data[CONF_HOME_ID]}")
    return parse_device_id(data[CONF_COORDINATOR_IEEE])


class ProvisioningCoordinator(DataUpdateCoordinator[dict[DeviceId, ProvisioningEntry]]):
    """Keep the merged provisioning list and the hub-side status of its entries."""

    config_entry: ProvisioningConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        config_entry: ProvisioningConfigEntry,
        network: Network,
    ) -> None:
        """Initialize the coordinator."""
        super().__init__(
            hass,
            LOGGER,
            config_entry=config_entry,
            name=f"{DOMAIN} {config_entry.title}",
            update_interval=None,
            always_update=True,
        )
        self.network = network
        self.application: ControllerApplication | None = (
            network.application if isinstance(network, ZhaNetwork) else None
        )
        self.ieee = network_device_id(config_entry.data)
        self.local = LocalProvider()
        self.service: ProvisioningService  # built from storage in async_load
        self._store: Store[dict[str, Any]] = Store(
            hass, STORAGE_VERSION, f"{DOMAIN}.{config_entry.entry_id}.status"
        )
        self._subentry_by_ieee: dict[DeviceId, str] = {}
        self._read_subentries: dict[
            str, tuple[Mapping[str, Any], ProvisioningEntry]
        ] = {}
        self._area_names: frozenset[str] = frozenset()
        self._sync_scheduled = False
        self._sync_held = 0
        self.remotes: dict[str, RemoteProviderRunner] = {}
        self.devices = DeviceLinks(hass, self)
        self.admission = Admission(
            hass,
            config_entry.entry_id,
            network.radio,
            self.async_save,
            present=network.present,
        )

    async def async_load(self) -> None:
        """Restore statuses, build the local list from subentries, and start."""
        stored = await self._store.async_load() or {}
        self.service = ProvisioningService(statuses=stored.get("statuses"))
        self.service.add_provider(self.local)
        for subentry in self.config_entry.subentries.values():
            if subentry.subentry_type == SUBENTRY_PROVIDER:
                runner = RemoteProviderRunner(
                    self.hass, self.config_entry, subentry, self.async_update_listeners
                )
                await runner.async_load()
                runner.provider.listed_elsewhere = partial(
                    self.listed_ieees, runner.provider.provider_id
                )
                self.service.add_provider(runner.provider)
                self.remotes[subentry.subentry_id] = runner
        self.async_sync_subentries()
        self.config_entry.async_on_unload(
            self.service.add_listener(self._async_service_changed)
        )
        self.data = self._snapshot()
        admission = self.admission
        admission.async_setup(
            self.service,
            baseline={parse_device_id(ieee) for ieee in stored.get("baseline", [])}
            | self.network.known_devices(),
            guard_enabled=stored.get("guard_enabled", True),
            continuous=stored.get("continuous", False),
        )
        self.async_save()
        self._async_update_radio_issue()
        self.config_entry.async_on_unload(await self.network.async_attach(admission))
        await admission.async_begin()

    async def _async_update_data(self) -> dict[DeviceId, ProvisioningEntry]:
        return self._snapshot()

    def _snapshot(self) -> dict[DeviceId, ProvisioningEntry]:
        return {entry.device: entry for entry in self.service.entries()}

    @callback
    def async_sync_subentries(self) -> None:
        """Mirror the device subentries into the local provider."""
        entries: list[ProvisioningEntry] = []
        subentry_by_ieee: dict[DeviceId, str] = {}
        read = self._read_subentries
        still_read: dict[str, tuple[Mapping[str, Any], ProvisioningEntry]] = {}
        for subentry_id, subentry in self.config_entry.subentries.items():
            if subentry.subentry_type != SUBENTRY_DEVICE:
                continue
            known = read.get(subentry_id)
            if known is not None and known[0] is subentry.data:
                entry = known[1]
            else:
                try:
                    entry = subentry_to_entry(subentry)
                except (KeyError, ValueError) as err:
                    LOGGER.warning(
                        "Ignoring unreadable device subentry %s: %s",
                        subentry.subentry_id,
                        type(err).__name__,
                    )
                    continue
            still_read[subentry_id] = (subentry.data, entry)
            entries.append(entry)
            subentry_by_ieee[entry.device] = subentry.subentry_id
        self._read_subentries = still_read
        self._subentry_by_ieee = subentry_by_ieee
        self.local.set_entries(entries)

    def listed_ieees(self, except_provider: str | None = None) -> set[DeviceId]:
        """Return the devices the providers list (but one), conflicted ones too."""
        listed: set[DeviceId] = set()
        for provider_id, provider in self.service.providers.items():
            if provider_id != except_provider:
                listed.update(provider.entries())
        return listed

    @callback
    def async_schedule_sync(self) -> None:
        """Mirror the subentries once, at the end of this event-loop turn.

        Or reload the entry, if its provider subentries changed. Adding many
        subentries in one go (a CSV import) then costs one pass over the list
        instead of one per subentry.
        """
        if not self._sync_scheduled:
            self._sync_scheduled = True
            self.hass.loop.call_soon(self._async_scheduled_sync)

    @contextmanager
    def hold_scheduled_sync(self) -> Iterator[None]:
        """Hold the scheduled mirroring while a bulk change syncs at its own pace.

        Each added subentry schedules a sync; an import of thousands of rows
        calls ``async_sync_subentries`` every so many rows instead. A sync
        asked for meanwhile runs once the hold ends.
        """
        self._sync_held += 1
        try:
            yield
        finally:
            self._sync_held -= 1
            self.async_schedule_sync()

    @callback
    def _async_scheduled_sync(self) -> None:
        self._sync_scheduled = False
        if self._sync_held or self.config_entry.state is not ConfigEntryState.LOADED:
            return
        if self._providers_changed():
            self.hass.config_entries.async_schedule_reload(self.config_entry.entry_id)
            return
        self.async_sync_subentries()

    def _providers_changed(self) -> bool:
        """Return whether the provider subentries differ from those running."""
        providers = {
            subentry_id: dict(subentry.data)
            for subentry_id, subentry in self.config_entry.subentries.items()
            if subentry.subentry_type == SUBENTRY_PROVIDER
        }
        return providers != self.provider_settings

    def subentry_id_for(self, ieee: DeviceId) -> str | None:
        """Return the device subentry holding an IEEE, if it is a local entry."""
        return self._subentry_by_ieee.get(ieee)

    def placeholder_subentry_id(self, ieee: DeviceId) -> str | None:
        """Return the config subentry an entry's placeholder belongs to.

        A local entry's device subentry, or the provider subentry of the server
        that lists it, so that a server's devices are grouped under it.
        """
        if (subentry_id := self.subentry_id_for(ieee)) is not None:
            return subentry_id
        if (entry := self.data.get(ieee)) is None:
            return None
        return self._remote_subentry_id(entry.provider_id)

    def provider_title(self, provider_id: str) -> str:
        """Return how a provider is shown: "This hub", or its server's title."""
        if provider_id == LocalProvider.provider_id:
            return LOCAL_TITLE
        if (subentry_id := self._remote_subentry_id(provider_id)) is None:
            return provider_id
        url = self.remotes[subentry_id].settings.get(CONF_URL, "")
        return server_title(url) or provider_id

    def _remote_subentry_id(self, provider_id: str) -> str | None:
        """Return the provider subentry of the server with this provider ID."""
        return next(
            (
                subentry_id
                for subentry_id, runner in self.remotes.items()
                if runner.provider.provider_id == provider_id
            ),
            None,
        )

    @callback
    def _async_service_changed(self) -> None:
        self.async_save()
        self._async_update_conflict_issues()
        before = set(self.data)
        self.async_set_updated_data(self._snapshot())
        names = frozenset(entry.area for entry in self.data.values() if entry.area)
        if names != self._area_names:
            self._area_names = names
            self.devices.areas = AreaBudget()
        self.devices.async_list_changed(
            added=self.data.keys() - before, removed=before - self.data.keys()
        )
        self.async_apply_areas()
        self.admission.async_list_changed()

    @callback
    def async_save(self) -> None:
        """Schedule writing statuses, the guard and the known devices."""
        self._store.async_delay_save(self._data_to_store, 1)

    def _data_to_store(self) -> dict[str, Any]:
        return {
            "statuses": self.service.statuses_to_storage(),
            "guard_enabled": self.admission.guard_enabled,
            "continuous": self.admission.continuous,
            "baseline": sorted(str(ieee) for ieee in self.admission.baseline),
        }

    async def async_flush(self) -> None:
        """Write pending status changes now."""
        await self._store.async_save(self._data_to_store())
        for runner in self.remotes.values():
            await runner.async_flush()

    @property
    def provider_settings(self) -> dict[str, dict[str, Any]]:
        """Return the settings of the provider subentries the coordinator runs."""
        return {
            subentry_id: runner.settings for subentry_id, runner in self.remotes.items()
        }

    @callback
    def _async_update_radio_issue(self) -> None:
        """Say so when the radio can't limit joins to install codes by itself.

        Also when it holds one key per window (deCONZ), or can't admit by key
        at all (ZiGate).
        """
        radio = self.admission.radio
        by_key = getattr(radio, "admits_by_key", True)
        placeholders = {"radio": self.network.radio_name}
        entry_id = self.config_entry.entry_id
        for key, active in (
            (
                "radio_not_install_code_only",
                by_key and not radio.enforces_provisioned_only,
            ),
            ("radio_one_key_per_window", getattr(radio, "keys_per_window", None) == 1),
            ("radio_cannot_admit_by_key", not by_key),
        ):
            async_update_warning(
                self.hass,
                f"{key}_{entry_id}",
                active=active,
                translation_key=key,
                placeholders=placeholders,
            )

    @callback
    def _async_update_conflict_issues(self) -> None:
        current = {
            str(conflict.device): conflict for conflict in self.service.conflicts()
        }
        prefix = f"conflict_{self.config_entry.entry_id}_"
        issues = ir.async_get(self.hass).issues
        for domain, issue_id in list(issues):
            if (
                domain == DOMAIN
                and issue_id.startswith(prefix)
                and issue_id.removeprefix(prefix) not in current
            ):
                ir.async_delete_issue(self.hass, DOMAIN, issue_id)
        for ieee, conflict in current.items():
            async_update_warning(
                self.hass,
                f"{prefix}{ieee}",
                active=True,
                translation_key="provider_conflict",
                placeholders={
                    "ieee": ieee,
                    "providers": ", ".join(conflict.provider_ids),
                },
            )

    @callback
    def async_apply_areas(self) -> None:
        """Put each placeholder device in its area, unless the user moved it."""
        dev_reg = dr.async_get(self.hass)
        budget = self.devices.areas
        for entry in self.data.values():
            if entry.area is None:
                continue
            device = dev_reg.async_get_device_by_connection(
                (dr.CONNECTION_ZIGBEE, str(entry.device)), self.config_entry.entry_id
            )
            if device is None or device.area_id is not None:
                continue
            if (area_id := resolve_area(self.hass, entry.area, budget)) is not None:
                dev_reg.async_update_device(device.id, area_id=area_id)
        self._async_update_areas_issue(budget)

    @callback
    def _async_update_areas_issue(self, budget: AreaBudget) -> None:
        """Say how many devices the budget of new areas left out of their area."""
        issue_id = f"too_many_new_areas_{self.config_entry.entry_id}"
        if budget.refused and not ir.async_get(self.hass).async_get_issue(
            DOMAIN, issue_id
        ):
            LOGGER.warning(
                "Not creating more than %d areas at once for %s; %d devices were"
                " left out of their area",
                budget.limit,
                self.config_entry.title,
                budget.refused,
            )
        async_update_warning(
            self.hass,
            issue_id,
            active=bool(budget.refused),
            translation_key="too_many_new_areas",
            placeholders={
                "title": self.config_entry.title,
                "count": str(budget.refused),
                "limit": str(budget.limit),
            },
        )
        budget.refused = 0

    def entry_for(self, ieee: DeviceId) -> ProvisioningEntry | None:
        """Return the merged entry for an IEEE."""
        return self.service.get(ieee)

    async def async_set_status(
        self, ieee: DeviceId, status: EntryStatus, reason: str | None = None
    ) -> ProvisioningEntry:
        """Change the hub-side status of an entry and report it."""
        return await self.service.async_set_status(ieee, status, reason=reason)

    @property
    def zha_loaded(self) -> bool:
        """Return whether the bound ZHA entry is loaded."""
        entries = self.hass.config_entries.async_entries("zha")
        return any(entry.state is ConfigEntryState.LOADED for entry in entries)

    def diagnostics(self) -> Mapping[str, Any]:
        """Return a redaction-safe view for diagnostics."""
        return {
            "network": {
                "kind": self.network.kind,
                "radio": self.network.radio_name,
            },
            "entries": [entry_dict(entry) for entry in self.data.values()],
            "conflicts": [
                {"ieee": str(conflict.device), "providers": list(conflict.provider_ids)}
                for conflict in self.service.conflicts()
            ],
            "remote_providers": [
                runner.diagnostics() for runner in self.remotes.values()
            ],
            "providers": [
                {
                    "id": provider.provider_id,
                    "title": provider.title,
                    "precedence": provider.precedence,
                    "entries": len(provider.entries()),
                }
                for provider in self.service.providers.values()
            ],
        }
