"""Config flow for Device Provisioning."""

from __future__ import annotations

from collections.abc import Mapping
import os
from typing import Any
from urllib.parse import urlsplit

from homeassistant.config_entries import (
    ConfigEntry,
    ConfigEntryState,
    ConfigFlow,
    ConfigFlowResult,
    ConfigSubentryFlow,
    SubentryFlowResult,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import selector
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.service_info.mqtt import MqttServiceInfo
from homeassistant.helpers.service_info.usb import UsbServiceInfo
from homeassistant.helpers.service_info.zeroconf import ZeroconfServiceInfo
import probatio as vol

from .const import (
    CONF_AREA_ID,
    CONF_BASE_TOPIC,
    CONF_COORDINATOR_IEEE,
    CONF_HOME_ID,
    CONF_HUB_ID,
    CONF_IEEE,
    CONF_INSTALL_CODE,
    CONF_LINK_KEY,
    CONF_NAME,
    CONF_NETWORK,
    CONF_POLL_INTERVAL,
    CONF_QR_CODE,
    CONF_TOKEN,
    CONF_URL,
    CONF_VERIFY_SSL,
    CONF_ZHA_ENTRY_ID,
    CONF_ZWAVE_ENTRY_ID,
    DEFAULT_POLL_INTERVAL,
    DOMAIN,
    NETWORK_ZHA,
    NETWORK_ZIGBEE2MQTT,
    NETWORK_ZWAVE_JS,
    SUBENTRY_DEVICE,
    SUBENTRY_PROVIDER,
    ZHA_DOMAIN,
    ZWAVE_JS_DOMAIN,
)
from .core import ProvisioningError
from .core.remote_client import RemoteError, RemoteProvisioningClient
from .core.zigbee.z2m import BridgeInfo, parse_bridge_info
from .subentries import (
    device_subentry_data,
    device_subentry_title,
    ieee_in_use,
    list_is_full,
    other_list_with,
    parse_code_fields,
    server_title,
    updated_device_data,
)
from .z2m_link import async_find_bridges
from .zha_link import async_get_application
from .zwave_network import zwave_home_id


class ProvisioningConfigFlow(ConfigFlow, domain=DOMAIN):
    """Bind a provisioning list to one Zigbee coordinator: ZHA's, or a bridge's.

    One entry per coordinator: ZHA's (unique ID its IEEE, bound to the ZHA
    entry) and each Zigbee2MQTT bridge's (its base topic; unique ID its
    coordinator's IEEE). A flow the user starts wins over a discovery of the
    same coordinator still waiting for confirmation.
    """

    VERSION = 1
    MINOR_VERSION = 3

    _zha_entry: ConfigEntry
    _zwave_entry: ConfigEntry
    _home_id: str
    _base_topic: str
    _bridges: dict[str, BridgeInfo]

    @classmethod
    @callback
    def async_get_supported_subentry_types(
        cls, config_entry: ConfigEntry
    ) -> dict[str, type[ConfigSubentryFlow]]:
        """Return the subentry types this integration supports."""
        return {
            SUBENTRY_DEVICE: DeviceSubentryFlow,
            SUBENTRY_PROVIDER: ProviderSubentryFlow,
        }

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Set up without discovery: ZHA's coordinator or a Zigbee2MQTT bridge.

        There is one provisioning list per coordinator. The networks that have
        none yet are offered; with several, the user picks one. With none
        left, the flow explains where devices are added instead.
        """
        networks = await self._async_unbound_networks()
        if user_input is not None and user_input[CONF_NETWORK] in networks:
            return await self._async_network_chosen(user_input[CONF_NETWORK])
        if not networks:
            if self._async_current_entries(include_ignore=False):
                return self.async_abort(reason="every_network_bound")
            return self.async_abort(reason="no_network")
        if len(networks) == 1:
            return await self._async_network_chosen(next(iter(networks)))
        return self.async_show_form(
            step_id="user",
            data_schema=vol.Schema(
                {
                    vol.Required(CONF_NETWORK): selector.SelectSelector(
                        selector.SelectSelectorConfig(
                            options=[
                                selector.SelectOptionDict(value=key, label=label)
                                for key, label in networks.items()
                            ],
                            mode=selector.SelectSelectorMode.LIST,
                        )
                    )
                }
            ),
        )

    async def _async_unbound_networks(self) -> dict[str, str]:
        """The networks without a provisioning list: choice key → label."""
        bound_zha = set()
        bound_topics = set()
        for entry in self._async_current_entries(include_ignore=False):
            if entry.data.get(CONF_NETWORK) == NETWORK_ZIGBEE2MQTT:
                bound_topics.add(entry.data.get(CONF_BASE_TOPIC))
            elif entry.data.get(CONF_NETWORK) != NETWORK_ZWAVE_JS:
                bound_zha.add(entry.data.get(CONF_ZHA_ENTRY_ID))
        current_ids = self._async_current_ids(include_ignore=False)
        networks: dict[str, str] = {}
        for zwave_entry in self.hass.config_entries.async_entries(ZWAVE_JS_DOMAIN):
            home_id = zwave_home_id(self.hass, zwave_entry.entry_id)
            if home_id is not None and f"zwave_js_{home_id}" not in current_ids:
                networks[f"{NETWORK_ZWAVE_JS}:{zwave_entry.entry_id}"] = (
                    f"Z-Wave JS: {zwave_entry.title}"
                )
        for zha_entry in self.hass.config_entries.async_entries(ZHA_DOMAIN):
            if zha_entry.entry_id not in bound_zha:
                networks[f"{NETWORK_ZHA}:{zha_entry.entry_id}"] = (
                    f"Zigbee Home Automation (ZHA): {zha_entry.title}"
                )
        self._bridges = {}
        for bridge in await async_find_bridges(self.hass):
            if (
                bridge.base_topic in bound_topics
                or str(bridge.coordinator_ieee) in current_ids
            ):
                continue
            self._bridges[bridge.base_topic] = bridge
            networks[f"{NETWORK_ZIGBEE2MQTT}:{bridge.base_topic}"] = bridge_title(
                bridge.base_topic
            )
        return networks

    async def _async_network_chosen(self, choice: str) -> ConfigFlowResult:
        kind, _, key = choice.partition(":")
        if kind == NETWORK_ZWAVE_JS:
            home_id = zwave_home_id(self.hass, key)
            zwave_entry = self.hass.config_entries.async_get_entry(key)
            if home_id is None or zwave_entry is None:
                return self.async_abort(reason="zwave_js_not_ready")
            await self.async_set_unique_id(
                f"zwave_js_{home_id}", raise_on_progress=False
            )
            self._abort_if_unique_id_configured()
            self._zwave_entry = zwave_entry
            self._home_id = home_id
            return await self.async_step_confirm_zwave_js()
        if kind == NETWORK_ZIGBEE2MQTT:
            bridge = self._bridges[key]
            # a discovery flow of the same bridge may be open: this one wins
            await self.async_set_unique_id(
                str(bridge.coordinator_ieee), raise_on_progress=False
            )
            self._abort_if_unique_id_configured()
            self._base_topic = key
            return await self.async_step_confirm_zigbee2mqtt()
        zha_entry = self.hass.config_entries.async_get_entry(key)
        if zha_entry is None:
            return self.async_abort(reason="zha_not_set_up")
        # a discovery flow of the same coordinator may be open: this one wins
        return await self._async_bind(zha_entry, raise_on_progress=False)

    async def async_step_usb(self, discovery_info: UsbServiceInfo) -> ConfigFlowResult:
        """Handle a USB coordinator found by the hub."""
        device = discovery_info.device
        real = await self.hass.async_add_executor_job(os.path.realpath, device)
        for zha_entry in self.hass.config_entries.async_entries(ZHA_DOMAIN):
            path = zha_entry.data.get("device", {}).get("path", "")
            if path in (device, real) or (
                path.startswith("/dev/")
                and await self.hass.async_add_executor_job(os.path.realpath, path)
                == real
            ):
                return await self._async_bind(zha_entry)
        return self.async_abort(reason="zha_not_set_up")

    async def async_step_zeroconf(
        self, discovery_info: ZeroconfServiceInfo
    ) -> ConfigFlowResult:
        """Handle a network coordinator announced over mDNS."""
        hosts = {
            discovery_info.host,
            discovery_info.hostname.removesuffix("."),
            discovery_info.hostname.removesuffix(".local."),
        }
        for zha_entry in self.hass.config_entries.async_entries(ZHA_DOMAIN):
            path = urlsplit(zha_entry.data.get("device", {}).get("path", ""))
            if path.hostname in hosts and path.port in (discovery_info.port, None):
                return await self._async_bind(zha_entry)
        return self.async_abort(reason="zha_not_set_up")

    async def async_step_mqtt(
        self, discovery_info: MqttServiceInfo
    ) -> ConfigFlowResult:
        """Handle a Zigbee2MQTT bridge's retained ``<base>/bridge/info``.

        One entry per bridge: a bridge whose base topic or coordinator has
        its list already is not offered again.
        """
        base_topic = discovery_info.topic.removesuffix("/bridge/info")
        payload = discovery_info.payload
        if isinstance(payload, bytearray):
            payload = bytes(payload)
        info = parse_bridge_info(base_topic, payload)
        if info is None or info.coordinator_ieee is None:
            return self.async_abort(reason="not_zigbee2mqtt")
        self._async_abort_entries_match({CONF_BASE_TOPIC: base_topic})
        await self.async_set_unique_id(str(info.coordinator_ieee))
        self._abort_if_unique_id_configured()
        self._base_topic = base_topic
        self.context["title_placeholders"] = {"name": bridge_title(base_topic)}
        return await self.async_step_confirm_zigbee2mqtt()

    async def async_step_confirm_zigbee2mqtt(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Confirm binding to the Zigbee2MQTT bridge."""
        assert self.unique_id is not None
        if user_input is not None:
            return self.async_create_entry(
                title=bridge_title(self._base_topic),
                data={
                    CONF_NETWORK: NETWORK_ZIGBEE2MQTT,
                    CONF_BASE_TOPIC: self._base_topic,
                    CONF_COORDINATOR_IEEE: self.unique_id,
                },
            )
        return self.async_show_form(
            step_id="confirm_zigbee2mqtt",
            description_placeholders={
                "base_topic": self._base_topic,
                "ieee": self.unique_id,
            },
        )

    async def _async_bind(
        self, zha_entry: ConfigEntry, *, raise_on_progress: bool = True
    ) -> ConfigFlowResult:
        """Confirm binding to ZHA's coordinator.

        A discovery gives way to a flow of the same coordinator in progress;
        the user's flow does not (``raise_on_progress=False``): once it creates
        the entry, Home Assistant aborts the discovery flow.
        """
        application = async_get_application(self.hass)
        if zha_entry.state is not ConfigEntryState.LOADED or application is None:
            return self.async_abort(reason="zha_not_ready")
        await self.async_set_unique_id(
            str(application.state.node_info.ieee), raise_on_progress=raise_on_progress
        )
        self._abort_if_unique_id_configured()
        self._zha_entry = zha_entry
        self.context["title_placeholders"] = {"name": zha_entry.title}
        return await self.async_step_confirm()

    async def async_step_reauth(
        self, entry_data: Mapping[str, Any]
    ) -> ConfigFlowResult:
        """A provisioning server refused its token."""
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for a new token for the provisioning server."""
        entry = self._get_reauth_entry()
        subentry = entry.subentries[self.context["subentry_id"]]  # type: ignore[typeddict-item]
        errors: dict[str, str] = {}
        if user_input is not None:
            data = {**subentry.data, CONF_TOKEN: user_input[CONF_TOKEN]}
            if not (errors := await async_validate_provider(self.hass, data)):
                self.hass.config_entries.async_update_subentry(
                    entry, subentry, data=data
                )
                return self.async_abort(reason="reauth_successful")
        return self.async_show_form(
            step_id="reauth_confirm",
            data_schema=vol.Schema(
                {
                    vol.Required(CONF_TOKEN): selector.TextSelector(
                        selector.TextSelectorConfig(
                            type=selector.TextSelectorType.PASSWORD
                        )
                    )
                }
            ),
            description_placeholders={"title": subentry.title},
            errors=errors,
        )

    async def async_step_confirm_zwave_js(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Confirm keeping a provisioning list for a Z-Wave JS network."""
        if user_input is not None:
            return self.async_create_entry(
                title=self._zwave_entry.title,
                data={
                    CONF_NETWORK: NETWORK_ZWAVE_JS,
                    CONF_ZWAVE_ENTRY_ID: self._zwave_entry.entry_id,
                    CONF_HOME_ID: self._home_id,
                },
            )
        return self.async_show_form(
            step_id="confirm_zwave_js",
            description_placeholders={
                "name": self._zwave_entry.title,
                "home_id": self._home_id,
            },
        )

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Confirm binding to the coordinator."""
        assert self.unique_id is not None
        if user_input is not None:
            return self.async_create_entry(
                title=self._zha_entry.title,
                data={
                    CONF_NETWORK: NETWORK_ZHA,
                    CONF_ZHA_ENTRY_ID: self._zha_entry.entry_id,
                    CONF_COORDINATOR_IEEE: self.unique_id,
                },
            )
        return self.async_show_form(
            step_id="confirm",
            description_placeholders={
                "name": self._zha_entry.title,
                "ieee": self.unique_id,
            },
        )


def _text(defaults: Mapping[str, Any], key: str, *, masked: bool) -> tuple[Any, Any]:
    """Return an optional text field that shows what was typed before."""
    marker = vol.Optional(key, description={"suggested_value": defaults.get(key)})
    if not masked:
        return marker, selector.TextSelector()
    return marker, selector.TextSelector(
        selector.TextSelectorConfig(type=selector.TextSelectorType.PASSWORD)
    )


def _device_schema(defaults: Mapping[str, Any], *, with_code: bool) -> vol.Schema:
    """Return the device form; what was typed comes back after an error.

    The QR code text contains the install code, so it is masked like the code.
    """
    fields: dict[Any, Any] = {}
    keys = [(CONF_QR_CODE, True), (CONF_IEEE, False)] if with_code else []
    keys += [(CONF_INSTALL_CODE, True), (CONF_LINK_KEY, True), (CONF_NAME, False)]
    for key, masked in keys:
        marker, field = _text(defaults, key, masked=masked)
        fields[marker] = field
    fields[
        vol.Optional(
            CONF_AREA_ID, description={"suggested_value": defaults.get(CONF_AREA_ID)}
        )
    ] = selector.AreaSelector()
    return vol.Schema(fields)


def _code_error(err: ProvisioningError) -> dict[str, str]:
    """Put a code error on the field at fault (base when it is no one field)."""
    return {err.placeholders.get("field", "base"): err.translation_key}


def bridge_title(base_topic: str) -> str:
    """The title of a Zigbee2MQTT bridge's list."""
    return f"Zigbee2MQTT ({base_topic})"


class DeviceSubentryFlow(ConfigSubentryFlow):
    """Add or change a provisioned device (the local provider)."""

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Add a device from its QR code, or its IEEE and code or key."""
        errors: dict[str, str] = {}
        placeholders = {"title": ""}
        if user_input is not None:
            try:
                scanned = parse_code_fields(user_input)
            except ProvisioningError as err:
                errors = _code_error(err)
            else:
                ieee = str(scanned.device)
                field = CONF_QR_CODE if user_input.get(CONF_QR_CODE) else CONF_IEEE
                if ieee_in_use(self._get_entry(), ieee):
                    errors[field] = "already_provisioned"
                elif other := other_list_with(self.hass, self._get_entry(), ieee):
                    errors[field] = "listed_on_other_network"
                    placeholders["title"] = other.title
                elif list_is_full(self._get_entry(), ieee):
                    errors["base"] = "list_full"
                else:
                    name = user_input.get(CONF_NAME)
                    return self.async_create_entry(
                        title=device_subentry_title(ieee, name),
                        data=device_subentry_data(
                            scanned, name, user_input.get(CONF_AREA_ID)
                        ),
                        unique_id=ieee,
                    )
        return self.async_show_form(
            step_id="user",
            data_schema=_device_schema(user_input or {}, with_code=True),
            description_placeholders=placeholders,
            errors=errors,
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Change the name, area or key of a provisioned device."""
        subentry = self._get_reconfigure_subentry()
        ieee = subentry.data[CONF_IEEE]
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                data = updated_device_data(
                    subentry,
                    name=user_input.get(CONF_NAME),
                    area_id=user_input.get(CONF_AREA_ID),
                    key_fields=user_input,
                )
            except ProvisioningError as err:
                errors = _code_error(err)
            else:
                return self.async_update_and_abort(
                    self._get_entry(),
                    subentry,
                    title=device_subentry_title(ieee, data[CONF_NAME]),
                    data=data,
                )
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=_device_schema(
                user_input if user_input is not None else subentry.data,
                with_code=False,
            ),
            description_placeholders={"ieee": ieee},
            errors=errors,
        )


def _provider_schema(defaults: dict[str, Any]) -> vol.Schema:
    return vol.Schema(
        {
            vol.Required(
                CONF_URL, default=defaults.get(CONF_URL, "")
            ): selector.TextSelector(
                selector.TextSelectorConfig(type=selector.TextSelectorType.URL)
            ),
            vol.Required(CONF_TOKEN): selector.TextSelector(
                selector.TextSelectorConfig(type=selector.TextSelectorType.PASSWORD)
            ),
            vol.Required(
                CONF_HUB_ID, default=defaults[CONF_HUB_ID]
            ): selector.TextSelector(),
            vol.Required(
                CONF_POLL_INTERVAL,
                default=defaults.get(CONF_POLL_INTERVAL, DEFAULT_POLL_INTERVAL),
            ): selector.NumberSelector(
                selector.NumberSelectorConfig(
                    min=30,
                    max=86400,
                    unit_of_measurement="s",
                    mode=selector.NumberSelectorMode.BOX,
                )
            ),
            vol.Required(
                CONF_VERIFY_SSL, default=defaults.get(CONF_VERIFY_SSL, True)
            ): selector.BooleanSelector(),
        }
    )


async def async_validate_provider(
    hass: HomeAssistant, settings: Mapping[str, Any]
) -> dict[str, str]:
    """Fetch the list once; return the flow errors."""
    try:
        scheme = urlsplit(settings[CONF_URL].strip()).scheme.lower()
    except ValueError:
        return {"base": "invalid_url"}
    if scheme not in ("http", "https"):
        return {CONF_URL: "url_scheme_missing"}
    try:
        client = RemoteProvisioningClient(
            async_get_clientsession(hass, verify_ssl=settings[CONF_VERIFY_SSL]),
            settings[CONF_URL],
            settings[CONF_TOKEN],
            settings[CONF_HUB_ID],
        )
        await client.async_fetch_devices(None)
    except RemoteError as err:
        return {"base": err.translation_key}
    except ValueError:
        return {"base": "invalid_url"}
    return {}


class ProviderSubentryFlow(ConfigSubentryFlow):
    """Add or change a central provisioning server."""

    def _defaults(self) -> dict[str, Any]:
        return {CONF_HUB_ID: self._get_entry().unique_id}

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Connect to a provisioning server."""
        errors: dict[str, str] = {}
        if user_input is not None:
            user_input[CONF_POLL_INTERVAL] = int(user_input[CONF_POLL_INTERVAL])
            if not (errors := await async_validate_provider(self.hass, user_input)):
                return self.async_create_entry(
                    title=server_title(user_input[CONF_URL]), data=user_input
                )
        return self.async_show_form(
            step_id="user",
            data_schema=_provider_schema(user_input or self._defaults()),
            errors=errors,
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Change the server, its token, the hub id or the poll interval."""
        subentry = self._get_reconfigure_subentry()
        errors: dict[str, str] = {}
        if user_input is not None:
            user_input[CONF_POLL_INTERVAL] = int(user_input[CONF_POLL_INTERVAL])
            if not (errors := await async_validate_provider(self.hass, user_input)):
                # The entry's update listener sees the provider changed and
                # reloads it (Home Assistant refuses a reload from here while
                # an update listener is registered).
                return self.async_update_and_abort(
                    self._get_entry(),
                    subentry,
                    title=server_title(user_input[CONF_URL]),
                    data=user_input,
                )
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=_provider_schema(dict(subentry.data)),
            errors=errors,
        )
