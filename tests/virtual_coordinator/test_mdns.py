"""mDNS for real: the advertisement goes out over multicast, python-zeroconf
browses it, and the integration's zeroconf step binds to that coordinator's ZHA
entry. Also the ``serve --advertise`` command line, for both personalities."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from ipaddress import ip_address
import os
import pathlib
import signal
import sys
from typing import Any

from homeassistant import config_entries
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers.service_info.zeroconf import ZeroconfServiceInfo
import pytest
from zeroconf import ServiceStateChange
from zeroconf.asyncio import AsyncServiceBrowser, AsyncServiceInfo, AsyncZeroconf

from custom_components.provisioning.const import CONF_ZHA_ENTRY_ID, DOMAIN
from tests.test_znp_admission import make_coordinator, setup_zha_for
from virtual_coordinator.mdns import SERVICE_TYPE, Advertiser

REPO = pathlib.Path(__file__).parents[2]


def real_interfaces() -> list[str]:
    """The machine's IPv4 addresses.

    The Home Assistant test harness replaces ``ifaddr.get_adapters`` for the
    whole session with one fake adapter, 10.10.10.10; ifaddr's own function
    still lists the real ones.
    """
    from ifaddr import _posix

    return [
        str(ip.ip)
        for adapter in _posix.get_adapters()
        for ip in adapter.ips
        if ip.is_IPv4 and not str(ip.ip).startswith("127.")
    ]


@pytest.fixture
async def browser_zeroconf(socket_enabled: None) -> AsyncGenerator[AsyncZeroconf]:
    """A python-zeroconf instance on the real network interfaces."""
    interfaces = real_interfaces()
    assert interfaces, "no network interface for multicast"
    zeroconf = AsyncZeroconf(interfaces=interfaces)
    try:
        yield zeroconf
    finally:
        await zeroconf.async_close()


async def browse(zeroconf: AsyncZeroconf, serial_number: str) -> AsyncServiceInfo:
    """Browse ``_zigbee-coordinator._tcp`` until the coordinator shows up; resolve it."""
    found: asyncio.Queue[str] = asyncio.Queue()

    def on_change(
        zeroconf: Any, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        if state_change is ServiceStateChange.Added:
            found.put_nowait(name)

    browser = AsyncServiceBrowser(zeroconf.zeroconf, SERVICE_TYPE, handlers=[on_change])
    try:
        async with asyncio.timeout(20):
            while True:
                name = await found.get()
                if serial_number not in name:
                    continue  # someone else's coordinator on this network
                info = AsyncServiceInfo(SERVICE_TYPE, name)
                if await info.async_request(zeroconf.zeroconf, 3000):
                    return info
    finally:
        await browser.async_cancel()


def discovery_info(info: AsyncServiceInfo) -> ZeroconfServiceInfo:
    """What Home Assistant's zeroconf integration hands to a config flow."""
    addresses = [ip_address(a) for a in info.parsed_addresses()]
    return ZeroconfServiceInfo(
        ip_address=addresses[0],
        ip_addresses=addresses,
        port=info.port,
        hostname=info.server or "",
        type=info.type,
        name=info.name,
        properties={
            k.decode(): (v.decode() if v is not None else None)
            for k, v in info.properties.items()
        },
    )


@pytest.mark.parametrize("radio", ["ezsp", "znp"])
async def test_advertisement_found_over_multicast_binds_to_zha(
    hass: HomeAssistant,
    tmp_path: pathlib.Path,
    browser_zeroconf: AsyncZeroconf,
    radio: str,
) -> None:
    """Browse the advertisement and hand it to the zeroconf step: it binds."""
    coordinator = make_coordinator(radio, tmp_path / "coordinator.json")
    await coordinator.start_tcp("127.0.0.1", 0)
    advertiser = Advertiser(
        port=coordinator.port,
        serial_number=coordinator.serial_number,
        host="127.0.0.1",
        radio_type=radio,
        interfaces=real_interfaces(),
    )
    await advertiser.start()
    try:
        zha = await setup_zha_for(hass, coordinator)
        info = await browse(browser_zeroconf, coordinator.serial_number)
        assert info.port == coordinator.port
        assert info.properties[b"radio_type"] == radio.encode()
        assert info.properties[b"serial_number"] == coordinator.serial_number.encode()

        result = await hass.config_entries.flow.async_init(
            DOMAIN,
            context={"source": config_entries.SOURCE_ZEROCONF},
            data=discovery_info(info),
        )
        assert result["type"] is FlowResultType.FORM
        assert result["step_id"] == "confirm"
        result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
        assert result["type"] is FlowResultType.CREATE_ENTRY
        entry = result["result"]
        await hass.async_block_till_done()
        assert entry.unique_id == str(coordinator.ieee)
        assert entry.data[CONF_ZHA_ENTRY_ID] == zha.entry_id
        await coordinator.wait_idle()
        for loaded in (entry, zha):
            await hass.config_entries.async_unload(loaded.entry_id)
        await hass.async_block_till_done()
    finally:
        await advertiser.stop()
        await coordinator.stop()


@pytest.mark.parametrize("radio", ["ezsp", "znp"])
async def test_serve_advertise_command_line(
    tmp_path: pathlib.Path, browser_zeroconf: AsyncZeroconf, radio: str
) -> None:
    """``serve --advertise`` starts, advertises, and is found on the network."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "virtual_coordinator",
        "serve",
        "--radio",
        radio,
        "--port",
        "0",
        "--control-port",
        "0",
        "--advertise",
        "--state",
        str(tmp_path / "state.json"),
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    lines: list[str] = []
    try:
        async with asyncio.timeout(30):
            while not any(line.startswith("Advertised") for line in lines):
                line = (await process.stdout.readline()).decode()
                assert line, "".join(lines)  # the process ended early
                lines.append(line)
        serial_number = lines[-1].split()[-1]
        port = int(lines[0].split(":")[-1].split()[0])
        info = await browse(browser_zeroconf, serial_number)
        assert info.port == port
        assert info.properties[b"radio_type"] == radio.encode()
    finally:
        process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(10):
            await process.wait()
