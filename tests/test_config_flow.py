"""The config flow: binding to ZHA's coordinator, from the user and from discovery."""

from __future__ import annotations

import ast
import json

from homeassistant import config_entries
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import AbortFlow, FlowResultType, UnknownFlow
from homeassistant.helpers.service_info.usb import UsbServiceInfo
from homeassistant.helpers.service_info.zeroconf import ZeroconfServiceInfo
from homeassistant.helpers.translation import async_get_translations
from homeassistant.loader import async_get_integration
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.provisioning.config_flow import ProvisioningConfigFlow
from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.subentries import server_title
from tests.conftest import REPO

STRINGS = "custom_components/provisioning/strings.json"

USB = UsbServiceInfo(
    device="/dev/ttyUSB7",
    vid="10C4",
    pid="EA60",
    serial_number="1234",
    manufacturer="Silicon Labs",
    description="Sonoff Zigbee 3.0 USB Dongle Plus",
)


def zeroconf_info(host: str, port: int) -> ZeroconfServiceInfo:
    """Return an mDNS announcement of a network coordinator."""
    return ZeroconfServiceInfo(
        ip_address=host,  # type: ignore[arg-type]
        ip_addresses=[host],  # type: ignore[list-item]
        hostname="virtual-coordinator.local.",
        name="virtual-coordinator._zigbee-coordinator._tcp.local.",
        port=port,
        type="_zigbee-coordinator._tcp.local.",
        properties={"radio_type": "ezsp", "serial_number": "1234"},
    )


async def test_user_flow_without_a_network_explains(hass: HomeAssistant) -> None:
    """Without ZHA or a bridge the user step says what to set up first."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "no_network"
    message = json.loads((REPO / STRINGS).read_text())["config"]["abort"]["no_network"]
    assert "ZHA" in message
    assert "Zigbee2MQTT" in message


async def test_user_flow_with_zha_not_loaded(hass: HomeAssistant) -> None:
    """A ZHA entry that is not running makes the flow wait for it."""
    MockConfigEntry(
        domain="zha", data={"device": {"path": "/dev/ttyUSB7"}}
    ).add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "zha_not_ready"


async def test_usb_discovery_without_zha(hass: HomeAssistant) -> None:
    """A USB coordinator that ZHA does not run yet is explained, not bound."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USB}, data=USB
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "zha_not_set_up"


async def test_zeroconf_discovery_without_zha(hass: HomeAssistant) -> None:
    """A network coordinator that ZHA does not run yet is explained, not bound."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": config_entries.SOURCE_ZEROCONF},
        data=zeroconf_info("127.0.0.1", 6638),
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "zha_not_set_up"


async def test_user_flow_binds_to_zha_once(
    hass: HomeAssistant, virtual_coordinator, zha_entry
) -> None:
    """With one ZHA entry the user only confirms; a second flow aborts."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm"
    assert result["description_placeholders"]["ieee"] == str(virtual_coordinator.ieee)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].unique_id == str(virtual_coordinator.ieee)
    assert result["data"]["zha_entry_id"] == zha_entry.entry_id
    await hass.async_block_till_done()

    # One list per coordinator, and ZHA runs one coordinator: "Add Zigbee
    # network" again explains where devices are added instead.
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "every_network_bound"
    assert len(hass.config_entries.async_entries(DOMAIN)) == 1
    # Several lists are allowed (one per coordinator): HA offers the button,
    # under this integration's own label
    integration = await async_get_integration(hass, DOMAIN)
    assert not integration.single_config_entry
    translations = await async_get_translations(hass, "en", "config", [DOMAIN])
    assert (
        translations[f"component.{DOMAIN}.config.initiate_flow.user"]
        == "Add Zigbee network"
    )
    # ... and the refusal says, in this integration's words, where to go instead
    message = translations[f"component.{DOMAIN}.config.abort.every_network_bound"]
    assert "one provisioning list per Zigbee coordinator" in message
    assert "Provisioning panel" in message
    assert '"Add device"' in message


async def test_zeroconf_discovery_binds_to_zha(
    hass: HomeAssistant, virtual_coordinator, zha_entry
) -> None:
    """The announced network coordinator that ZHA runs leads to a confirm step."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": config_entries.SOURCE_ZEROCONF},
        data=zeroconf_info("127.0.0.1", virtual_coordinator.port),
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()

    # Discovered again later: never a duplicate
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": config_entries.SOURCE_ZEROCONF},
        data=zeroconf_info("127.0.0.1", virtual_coordinator.port),
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_user_flow_wins_over_a_pending_discovery(
    hass: HomeAssistant, virtual_coordinator, zha_entry
) -> None:
    """A discovery waiting for confirmation does not block "Add Zigbee network".

    The user's flow creates the entry and the discovery flow is aborted; a
    discovery that arrives while the user's flow waits gives way to it.
    """
    flows = hass.config_entries.flow
    discovery = await flows.async_init(
        DOMAIN,
        context={"source": config_entries.SOURCE_ZEROCONF},
        data=zeroconf_info("127.0.0.1", virtual_coordinator.port),
    )
    assert discovery["type"] is FlowResultType.FORM
    assert discovery["step_id"] == "confirm"

    user = await flows.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    assert user["type"] is FlowResultType.FORM, user
    assert user["step_id"] == "confirm"
    # both wait now; another discovery of the same coordinator gives way
    again = await flows.async_init(
        DOMAIN,
        context={"source": config_entries.SOURCE_ZEROCONF},
        data=zeroconf_info("127.0.0.1", virtual_coordinator.port),
    )
    assert again["type"] is FlowResultType.ABORT
    assert again["reason"] == "already_in_progress"
    assert {flow["flow_id"] for flow in flows.async_progress_by_handler(DOMAIN)} == {
        discovery["flow_id"],
        user["flow_id"],
    }

    result = await flows.async_configure(user["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].unique_id == str(virtual_coordinator.ieee)
    assert result["result"].source == config_entries.SOURCE_USER
    await hass.async_block_till_done()
    assert flows.async_progress_by_handler(DOMAIN) == []
    with pytest.raises(UnknownFlow):
        await flows.async_configure(discovery["flow_id"], {})
    assert len(hass.config_entries.async_entries(DOMAIN)) == 1
    for entry in hass.config_entries.async_entries(DOMAIN):
        await hass.config_entries.async_unload(entry.entry_id)
    await virtual_coordinator.wait_idle()


async def test_bound_coordinator_is_explained(
    hass: HomeAssistant, virtual_coordinator, zha_entry
) -> None:
    """Binding a coordinator that has its list says where to add devices.

    A list made before for this coordinator, bound to an earlier ZHA entry (ZHA
    was removed and added again), still holds the coordinator: the new ZHA
    entry is offered, and binding it explains.
    """
    MockConfigEntry(
        domain=DOMAIN,
        unique_id=str(virtual_coordinator.ieee),
        data={"network": "zha", "zha_entry_id": "an-earlier-zha-entry"},
    ).add_to_hass(hass)
    flow = ProvisioningConfigFlow()
    flow.hass = hass
    flow.context = {"source": config_entries.SOURCE_USER}
    flow.handler = DOMAIN
    with pytest.raises(AbortFlow) as err:
        await flow.async_step_user()
    assert err.value.reason == "already_configured"
    strings = json.loads((REPO / STRINGS).read_text())
    message = strings["config"]["abort"]["already_configured"]
    assert "Add device" in message
    assert "Provisioning panel" in message


async def test_zeroconf_discovery_of_another_coordinator(
    hass: HomeAssistant, virtual_coordinator, zha_entry
) -> None:
    """A coordinator that ZHA does not run is explained, not bound."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": config_entries.SOURCE_ZEROCONF},
        data=zeroconf_info("127.0.0.2", 6638),
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "zha_not_set_up"


async def test_usb_discovery_binds_to_zha(
    hass: HomeAssistant, virtual_coordinator_pty, socket_enabled
) -> None:
    """A serial coordinator that ZHA runs (here on a pty) leads to a confirm step."""
    from virtual_coordinator.pytest_plugin import setup_zha

    zha = await setup_zha(hass, virtual_coordinator_pty)
    info = UsbServiceInfo(
        device=virtual_coordinator_pty.pty_path,
        vid="10C4",
        pid="EA60",
        serial_number="1234",
        manufacturer="Silicon Labs",
        description="Sonoff Zigbee 3.0 USB Dongle Plus",
    )
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USB}, data=info
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    for entry in hass.config_entries.async_entries(DOMAIN):
        await hass.config_entries.async_unload(entry.entry_id)
    await virtual_coordinator_pty.wait_idle()
    await hass.config_entries.async_unload(zha.entry_id)
    await hass.async_block_till_done()


async def test_setup_waits_for_zha_and_follows_reloads(
    hass: HomeAssistant, virtual_coordinator, zha_entry
) -> None:
    """Setup retries while ZHA is down, and binds again after ZHA reloads."""
    from homeassistant.config_entries import ConfigEntryState

    from tests.conftest import add_provisioning_entry

    entry = await add_provisioning_entry(hass)
    first = entry.runtime_data.application
    await virtual_coordinator.wait_idle()
    assert await hass.config_entries.async_reload(zha_entry.entry_id)
    await hass.async_block_till_done()
    # while ZHA was down the entry waited; it binds again once ZHA runs
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert entry.runtime_data.application is not first

    await virtual_coordinator.wait_idle()
    assert await hass.config_entries.async_unload(zha_entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.SETUP_RETRY


async def test_usb_discovery_of_another_stick(
    hass: HomeAssistant, virtual_coordinator, zha_entry
) -> None:
    """A USB stick that ZHA does not run is explained, not bound."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USB}, data=USB
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "zha_not_set_up"


async def test_server_url_needs_its_scheme(
    hass: HomeAssistant, virtual_coordinator, zha_entry
) -> None:
    """A URL without https:// or http:// gets its own error, on the URL field."""
    from tests.conftest import add_provisioning_entry

    entry = await add_provisioning_entry(hass)
    flow = hass.config_entries.subentries
    result = await flow.async_init(
        (entry.entry_id, "provider"), context={"source": "user"}
    )
    for url in ("example.com", "example.com:8443", "ftp://example.com"):
        result = await flow.async_configure(
            result["flow_id"],
            {
                "url": url,
                "token": "t",
                "hub_id": entry.unique_id,
                "poll_interval": 30,
                "verify_ssl": True,
            },
        )
        assert result["errors"] == {"url": "url_scheme_missing"}, url
    assert not entry.subentries
    await hass.config_entries.async_unload(entry.entry_id)


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("https://example.com:8443/", "https://example.com:8443"),
        ("https://example.com", "https://example.com:443"),
        ("http://Example.com/base", "http://example.com:80"),
        ("http://[fe80::1]:8080", "http://[fe80::1]:8080"),
        ("http://example.com:99999", "http://example.com:99999"),
        ("example.com", "example.com"),
    ],
)
def test_server_title_shows_scheme_host_and_port(url: str, title: str) -> None:
    """A server's title says how it is reached."""
    assert server_title(url) == title


def test_no_runtime_module_imports_the_config_flow() -> None:
    """The device-subentry format lives in subentries.py, not in the config flow."""
    package = REPO / "custom_components" / "provisioning"
    importers = []
    for path in package.rglob("*.py"):
        if path.name == "config_flow.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            if any(module.endswith("config_flow") for module in modules):
                importers.append(path.name)
    assert importers == []
