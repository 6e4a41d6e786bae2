"""The virtual Z-Wave controller under a real zwave-js driver and Z-Wave JS
server, through zwave-js-server-python 0.73.1 (Home Assistant 2026.10's pin):
SmartStart provisioning, inclusion with S2, and the devices that must fail."""

from __future__ import annotations

import asyncio
import json
import pathlib
import sys

import pytest
from zwave_js_server.const import SecurityBootstrapFailure, SecurityClass

from tests.virtual_zwave.conftest import Network
from virtual_zwave.label import SmartStartLabel, dsk_from_bytes, dsk_to_bytes
from virtual_zwave.runner import VirtualZWave, install

pytestmark = pytest.mark.timeout(240)

REPO = pathlib.Path(__file__).resolve().parent.parent.parent
NOT_IN_LIST = "NWI Home ID not found in provisioning list, ignoring request"
DSK_REJECTED = "User rejected the DSK"


async def parse_qr(zwave: VirtualZWave, qr: str) -> dict[str, object]:
    """zwave-js's own parseQRCodeString, in Node; raises if it refuses."""
    script = (
        "import { parseQRCodeString } from 'zwave-js/Utils';"
        "console.log(JSON.stringify(await parseQRCodeString(process.argv[1])));"
    )
    process = await asyncio.create_subprocess_exec(
        "node",
        "--input-type=module",
        "-e",
        script,
        qr,
        cwd=install(zwave.cache),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    if process.returncode:
        raise ValueError(stderr.decode()[-2000:])
    parsed: dict[str, object] = json.loads(stdout)
    return parsed


async def test_label_is_a_smart_start_qr_code_of_the_device_key(
    zwave: VirtualZWave, network: Network
) -> None:
    device, label = await network.add_device()
    assert label.dsk == device["dsk"]  # the label names the device's own key
    parsed = await parse_qr(zwave, label.qr())
    assert parsed["version"] == 1  # SmartStart
    assert parsed["dsk"] == device["dsk"]
    assert parsed["requestedSecurityClasses"] == [0, 1]
    assert parsed["genericDeviceClass"] == 0x10
    assert parsed["manufacturerId"] == 0xFFFF
    tampered = label.qr()[:-1] + str((int(label.qr()[-1]) + 1) % 10)
    with pytest.raises(ValueError, match="Invalid QR code"):
        await parse_qr(zwave, tampered)


def test_label_reproduces_a_published_smart_start_qr_code() -> None:
    label = SmartStartLabel(
        dsk="51525-35455-41424-34445-31323-33435-21222-32425",
        requested_security_classes=(0, 1),
        generic_device_class=0x11,
        specific_device_class=0x01,
        installer_icon=0x0601,
        manufacturer_id=0xFFF0,
        product_type=100,
        product_id=3,
        application_version=(2, 66),
    )
    assert label.qr() == (
        "900132782003515253545541424344453132333435212223242500100435301537"
        "022065520001000000300578"
    )
    assert label.pin == "51525"


def test_dsk_text_round_trip() -> None:
    raw = bytes(range(16))
    assert dsk_from_bytes(raw) == "00001-00515-01029-01543-02057-02571-03085-03599"
    assert dsk_to_bytes(dsk_from_bytes(raw)) == raw
    with pytest.raises(ValueError, match="eight groups"):
        dsk_to_bytes("00001-00515")
    with pytest.raises(ValueError, match="eight groups"):
        SmartStartLabel("1-2", (0,), 0x10, 1).qr()


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a TCP socket listening on port (Linux)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        lines = pathlib.Path(table).read_text().splitlines()[1:]
        for line in lines:
            local, _remote, state = line.split()[1:4]
            address, local_port = local.split(":")
            if state == "0A" and int(local_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_every_port_listens_on_loopback_only(zwave: VirtualZWave) -> None:
    loopback = {"0100007F"}  # 127.0.0.1, as the kernel writes it
    for port in (zwave.server_port, zwave.serial_port, zwave.control_port):
        assert listening_addresses(port) == loopback


async def test_provisioned_device_is_included_with_s2(network: Network) -> None:
    device, label = await network.add_device()
    controller = network.controller
    await controller.async_provision_smart_start_node(label.qr())
    # The driver turns SmartStart listening on right after the entry is
    # stored; the device repeats its request until the controller hears it.
    await network.control("power", id=device["id"])
    added = await network.wait_for(lambda: network.event("node added"))
    node = added["node"]
    assert added["result"]["lowSecurity"] is False
    assert node.is_secure is True
    assert node.highest_security_class == SecurityClass.S2_AUTHENTICATED
    included = await network.device(device["id"])
    assert included["state"] == "included"
    assert included["node_id"] == node.node_id
    entries = await controller.async_get_provisioning_entries()
    entry = next(e for e in entries if e.dsk == device["dsk"])
    assert entry.additional_properties is not None
    assert entry.additional_properties["nodeId"] == node.node_id


async def test_unprovisioned_device_is_not_included_until_provisioned(
    network: Network,
) -> None:
    controller = network.controller
    # Something provisioned, so the controller listens for SmartStart requests.
    _other, other_label = await network.add_device()
    await controller.async_provision_smart_start_node(other_label.qr())
    device, label = await network.add_device()
    start = len(network.logs)
    await network.control("power", id=device["id"])
    await network.wait_for_log(NOT_IN_LIST, start)
    assert network.event("node added") is None
    assert network.event("inclusion started") is None
    assert (await network.device(device["id"]))["state"] == "requesting"
    # The device keeps asking; once its label is provisioned it gets in.
    await controller.async_provision_smart_start_node(label.qr())
    added = await network.wait_for(lambda: network.event("node added"))
    assert added["node"].highest_security_class == SecurityClass.S2_AUTHENTICATED
    assert (await network.device(device["id"]))["node_id"] == added["node"].node_id


async def test_device_failing_s2_bootstrapping_is_kept_with_low_security(
    network: Network,
) -> None:
    device, label = await network.add_device("s2_fail")
    await network.controller.async_provision_smart_start_node(label.qr())
    await network.control("power", id=device["id"])
    added = await network.wait_for(lambda: network.event("node added"))
    assert added["result"]["lowSecurity"] is True
    assert (
        added["result"]["lowSecurityReason"] == SecurityBootstrapFailure.NODE_CANCELED
    )
    assert added["node"].is_secure is False
    assert network.logged("The joining node canceled the Security S2 bootstrapping")


async def test_silent_device_is_never_included(network: Network) -> None:
    device, label = await network.add_device("silent")
    await network.controller.async_provision_smart_start_node(label.qr())
    await network.control("power", id=device["id"])
    await network.wait_for(lambda: network.event("inclusion failed"))
    assert network.event("inclusion started") is not None
    assert network.event("node added") is None
    assert (await network.device(device["id"]))["node_id"] is None
    entries = await network.controller.async_get_provisioning_entries()
    entry = next(e for e in entries if e.dsk == device["dsk"])
    assert "nodeId" not in (entry.additional_properties or {})
    off = await network.control("power_off", id=device["id"])
    assert off["device"]["state"] == "off"


async def test_label_not_matching_the_key_is_refused(network: Network) -> None:
    device, label = await network.add_device("wrong_label")
    assert label.dsk != device["dsk"]
    await network.controller.async_provision_smart_start_node(label.qr())
    await network.control("power", id=device["id"])
    added = await network.wait_for(lambda: network.event("node added"))
    assert network.logged(DSK_REJECTED)
    assert added["result"]["lowSecurity"] is True
    assert (
        added["result"]["lowSecurityReason"] == SecurityBootstrapFailure.USER_CANCELED
    )
    assert added["node"].is_secure is False


async def cli(*args: str) -> str:
    """``python -m virtual_zwave ARGS``; its standard output."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "virtual_zwave",
        *args,
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, stderr.decode()
    return stdout.decode()


async def test_command_line_prints_a_label_and_powers_the_device(
    zwave: VirtualZWave, network: Network
) -> None:
    port = str(zwave.control_port)
    text = await cli("device", "add", "--control-port", port)
    lines = dict(line.split(": ", 1) for line in text.splitlines()[1:])
    device_id = text.split()[1]
    device = await network.device(device_id)
    assert lines["DSK"] == device["dsk"]
    assert lines["PIN"] == device["dsk"][:5]
    assert (await parse_qr(zwave, lines["SmartStart QR"]))["dsk"] == device["dsk"]
    await network.controller.async_provision_smart_start_node(lines["SmartStart QR"])
    assert "powered on" in await cli(
        "device", "power", device_id, "--control-port", port
    )
    added = await network.wait_for(lambda: network.event("node added"))
    assert added["node"].highest_security_class == SecurityClass.S2_AUTHENTICATED
