"""The config flow: binding to ZHA's coordinator, from the user and from discovery."""

from __future__ import annotations

from homeassistant import config_entries
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers.service_info.usb import UsbServiceInfo
from homeassistant.helpers.service_info.zeroconf import ZeroconfServiceInfo
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.provisioning.const import DOMAIN

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


async def test_user_flow_without_zha_explains(hass: HomeAssistant) -> None:
    """Without ZHA the user step says ZHA must be set up first."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": config_entries.SOURCE_USER}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "zha_not_set_up"


async def test_user_flow_with_zha_not_loaded(hass: HomeAssistant) -> None:
    """A ZHA entry that is not running makes the flow wait for it."""
    MockConfigEntry(domain="zha", data={"device": {"path": "/dev/ttyUSB7"}}).add_to_hass(
        hass
    )
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
