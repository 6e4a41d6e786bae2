"""Admission end to end: virtual coordinator, real ZHA and this integration."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import timedelta
import logging

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import MATCH_ALL
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import (
    area_registry as ar,
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
    label_registry as lr,
)
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.provisioning import admission
from custom_components.provisioning.const import DOMAIN
from custom_components.provisioning.core.zigbee.zigpy_radio import ZigpyRadio
from custom_components.provisioning.diagnostics import (
    async_get_config_entry_diagnostics,
)
from tests.conftest import add_provisioning_entry, find_secrets, status_entity
from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.pytest_plugin import setup_zha, wait_for_registry_device

IEEE = "00:11:22:33:44:55:66:77"
CODE = "83FED3407A939723A5C639B26916D505C3B5"
LINK_KEY = "66B6900981E1EE3CA4206B6B861C02BB"
QR = f"Z:{IEEE.replace(':', '')}$I:{CODE}"
INSTALL_CODE_ONLY = 0x11
ADMIT_BUTTON = "button.virtual_emberznet_virtual_coordinator_admit_provisioned_devices"
JOIN_WINDOW = "binary_sensor.virtual_emberznet_virtual_coordinator_join_window"
GUARD_SWITCH = (
    "switch.virtual_emberznet_virtual_coordinator_only_admit_provisioned_devices"
)


async def wait_for(hass: HomeAssistant, condition, timeout: float = 30) -> None:
    """Wait until condition() holds, re-checking on every event and every 50 ms."""
    changed = asyncio.Event()
    unsub = hass.bus.async_listen(MATCH_ALL, callback(lambda _e: changed.set()))
    try:
        async with asyncio.timeout(timeout):
            while not condition():
                changed.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), 0.05)
    finally:
        unsub()


def status(hass: HomeAssistant, entry: ConfigEntry, ieee: str) -> str:
    """Return the provisioning status of an IEEE."""
    for ieee_key, provisioning_entry in entry.runtime_data.data.items():
        if str(ieee_key) == ieee:
            return provisioning_entry.status.value
    raise AssertionError(f"{ieee} is not listed")


def zha_device(hass: HomeAssistant, ieee: str) -> dr.DeviceEntry | None:
    """Return ZHA's device for an IEEE."""
    registry = dr.async_get(hass)
    for device in registry.async_get_devices(
        connections={(dr.CONNECTION_ZIGBEE, ieee)}
    ):
        owner = hass.config_entries.async_get_entry(device.config_entry_id)
        if owner is not None and owner.domain == "zha":
            return device
    return None


def devices_of(hass: HomeAssistant, ieee: str) -> list[dr.DeviceEntry]:
    """Return every device registered for an IEEE, whichever entry owns it."""
    return dr.async_get(hass).async_get_devices(
        connections={(dr.CONNECTION_ZIGBEE, ieee)}
    )


async def start_pairing(hass: HomeAssistant, duration: int = 180) -> dict:
    """Call provisioning.start_pairing."""
    response = await hass.services.async_call(
        DOMAIN,
        "start_pairing",
        {"duration": duration},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    return response


async def test_use_case_scan_plug_press_installed(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """Scan the QR code, plug the device in, press the button: it is installed."""
    joined: list[Event] = []
    hass.bus.async_listen(
        "provisioning_device_joined", callback(lambda event: joined.append(event))
    )
    area = ar.async_get(hass).async_create("Kitchen")
    await hass.services.async_call(
        DOMAIN,
        "add_device",
        {"qr_code": QR, "name": "Kitchen light", "area_id": area.id},
        blocking=True,
    )
    device = VirtualDevice(IEEE, install_code=CODE, manufacturer="Acme", model="Bulb")
    assert not virtual_coordinator.power_on(device).joined  # network closed

    policy_before = virtual_coordinator.policy
    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": ADMIT_BUTTON},
        blocking=True,
    )
    assert hass.states.get(JOIN_WINDOW).state == "on"
    assert virtual_coordinator.policy == INSTALL_CODE_ONLY
    assert [str(k) for k in virtual_coordinator.transient_keys] == [IEEE]
    assert status(hass, provisioning_entry, IEEE) == "admitting"

    stranger = VirtualDevice("00:11:22:33:44:55:66:99")
    assert not virtual_coordinator.power_on(stranger).joined
    assert virtual_coordinator.power_on(device).joined

    await wait_for(hass, lambda: status(hass, provisioning_entry, IEEE) == "joined")
    installed = await wait_for_registry_device(
        hass, IEEE, predicate=lambda d: d.name_by_user == "Kitchen light"
    )
    assert installed.area_id == area.id
    assert installed.manufacturer == "Acme"
    # One device for the light: ZHA's, now also carrying its provisioning status
    await wait_for(hass, lambda: len(devices_of(hass, IEEE)) == 1)
    assert [device.id for device in devices_of(hass, IEEE)] == [installed.id]
    sensor = er.async_get(hass).async_get(status_entity(hass, IEEE))
    assert sensor.device_id == installed.id
    assert hass.states.get(sensor.entity_id).state == "joined"
    assert hass.states.get(sensor.entity_id).name == "Kitchen light Provisioning status"
    assert [event.data for event in joined] == [
        {
            "technology": "zigbee",
            "id": IEEE,
            "ieee": IEEE,
            "name": "Kitchen light",
            "provider": "local",
        }
    ]

    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    assert hass.states.get(JOIN_WINDOW).state == "off"
    assert virtual_coordinator.policy == policy_before
    assert virtual_coordinator.transient_keys == []
    assert virtual_coordinator.events("keys_cleared")


async def _assert_window_denies_well_known(
    hass: HomeAssistant, coordinator: VirtualCoordinator, start: int
) -> None:
    """Deny well-known-key devices now and after every later restore attempt."""
    assert not coordinator.power_on(VirtualDevice("00:00:00:00:00:00:0a:01")).joined
    # bellows' scheduled restore (time_s + 2 s) arrives during the window
    await coordinator.wait_for_event(
        "policy", lambda e: e["source"] == "host", start=start, timeout=15
    )
    assert coordinator.policy == INSTALL_CODE_ONLY
    assert not coordinator.power_on(VirtualDevice("00:00:00:00:00:00:0a:02")).joined
    assert all(
        not event["joined"]
        for event in coordinator.events("join")
        if str(event["ieee"]).startswith("00:00:00:00:00:00:0a")
    )


async def test_entities_follow_the_device_zha_has(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """The sensor lives on ZHA's device while ZHA has one; a removed device is pending."""
    await hass.services.async_call(
        "switch",
        "turn_off",
        {"entity_id": GUARD_SWITCH},
        blocking=True,
    )
    await hass.services.async_call("zha", "permit", {"duration": 60}, blocking=True)
    plug = VirtualDevice(IEEE, model="Plug")
    assert virtual_coordinator.power_on(plug).joined
    zha_plug = await wait_for_registry_device(
        hass, IEEE, predicate=lambda d: d.model == "Plug"
    )
    coordinator_device = zha_device(hass, str(virtual_coordinator.ieee))
    assert coordinator_device is not None
    assert er.async_get(hass).async_get(GUARD_SWITCH).device_id == coordinator_device.id

    area = ar.async_get(hass).async_create("Hall")
    await hass.services.async_call(
        DOMAIN,
        "add_device",
        {"qr_code": QR, "name": "Hall plug", "area_id": area.id},
        blocking=True,
    )
    sensor_id = status_entity(hass, IEEE)
    assert [device.id for device in devices_of(hass, IEEE)] == [zha_plug.id]
    assert er.async_get(hass).async_get(sensor_id).device_id == zha_plug.id
    named = zha_device(hass, IEEE)
    assert (named.name_by_user, named.area_id) == ("Hall plug", area.id)

    # ZHA removes the device: the entry's sensor goes back to a placeholder
    await hass.services.async_call("zha", "remove", {"ieee": IEEE}, blocking=True)
    await wait_for(hass, lambda: zha_device(hass, IEEE) is None)
    placeholder = dr.async_get(hass).async_get_device_by_connection(
        (dr.CONNECTION_ZIGBEE, IEEE), provisioning_entry.entry_id
    )
    assert placeholder is not None
    assert placeholder.name == "Hall plug"
    assert er.async_get(hass).async_get(sensor_id).device_id == placeholder.id

    # Paired again with its install code, then removed: joined, then pending
    await start_pairing(hass)
    assert virtual_coordinator.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    await wait_for(hass, lambda: hass.states.get(sensor_id).state == "joined")
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    await wait_for(hass, lambda: zha_device(hass, IEEE) is not None)
    await hass.services.async_call("zha", "remove", {"ieee": IEEE}, blocking=True)
    await wait_for(hass, lambda: hass.states.get(sensor_id).state == "pending")

    # Removing the entry removes its sensor and its placeholder
    await hass.services.async_call(
        DOMAIN, "remove_device", {"ieee": IEEE}, blocking=True
    )
    await hass.async_block_till_done()
    assert devices_of(hass, IEEE) == []
    assert er.async_get(hass).async_get(sensor_id) is None
    await virtual_coordinator.wait_idle()


async def test_window_right_after_zha_startup_is_install_code_only(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """The permit(0) at start-up leaves a wildcard key and a pending restore."""
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    permit0 = virtual_coordinator.events("permit")[-1]
    assert permit0["duration"] == 0
    start = len(virtual_coordinator.record)
    # the start-up restore has not fired yet: pairing starts inside the race
    assert not [
        event
        for event in virtual_coordinator.record[
            virtual_coordinator.record.index(permit0) + 1 :
        ]
        if event.kind == "policy" and event["decision"] != 0x03  # 0x03: pre_permit
    ]
    await start_pairing(hass)
    assert [str(k) for k in virtual_coordinator.transient_keys] == [IEEE]
    await _assert_window_denies_well_known(hass, virtual_coordinator, start)
    assert virtual_coordinator.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    await wait_for(hass, lambda: status(hass, provisioning_entry, IEEE) == "joined")
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_window_right_after_plain_zha_permit_is_install_code_only(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """ZHA's own "Add device" just before pairing cannot reopen the network."""
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await hass.services.async_call("zha", "permit", {"duration": 1}, blocking=True)
    assert virtual_coordinator.policy != INSTALL_CODE_ONLY
    start = len(virtual_coordinator.record)
    await start_pairing(hass)
    await _assert_window_denies_well_known(hass, virtual_coordinator, start)
    # ZHA's "Add device" during the window keeps it install-code-only too
    await hass.services.async_call("zha", "permit", {"duration": 30}, blocking=True)
    assert virtual_coordinator.policy == INSTALL_CODE_ONLY
    assert not virtual_coordinator.power_on(
        VirtualDevice("00:00:00:00:00:00:0a:03")
    ).joined
    assert all(
        str(k) != "ff:ff:ff:ff:ff:ff:ff:ff" for k in virtual_coordinator.transient_keys
    )
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)


async def test_guard_removes_unprovisioned_and_spares_existing(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    zha_entry: ConfigEntry,
) -> None:
    """A device admitted by a plain permit is removed; an older one is spared."""
    await hass.services.async_call("zha", "permit", {"duration": 60}, blocking=True)
    old = VirtualDevice("00:00:00:00:00:00:0b:01", manufacturer="Old", model="Plug")
    assert virtual_coordinator.power_on(old).joined
    await wait_for_registry_device(
        hass, old.ieee, predicate=lambda d: d.model == "Plug"
    )

    entry = await add_provisioning_entry(hass)
    removed: list[Event] = []
    hass.bus.async_listen(
        "provisioning_unprovisioned_device_removed",
        callback(lambda event: removed.append(event)),
    )
    intruder = VirtualDevice("00:00:00:00:00:00:0b:02")
    assert virtual_coordinator.power_on(intruder).joined
    await wait_for(hass, lambda: bool(removed))
    assert removed[0].data == {"ieee": str(intruder.ieee)}
    await virtual_coordinator.wait_until(lambda: not intruder.joined)
    assert ir.async_get(hass).async_get_issue(
        DOMAIN, f"unprovisioned_device_removed_{intruder.ieee}"
    )
    assert old.joined
    assert zha_device(hass, str(old.ieee)) is not None

    # With the guard off, nothing is removed
    await hass.services.async_call(
        "switch",
        "turn_off",
        {"entity_id": GUARD_SWITCH},
        blocking=True,
    )
    assert not entry.runtime_data.admission.guard_enabled
    allowed = VirtualDevice("00:00:00:00:00:00:0b:03", model="Allowed")
    assert virtual_coordinator.power_on(allowed).joined
    await wait_for_registry_device(
        hass, allowed.ieee, predicate=lambda d: d.model == "Allowed"
    )
    assert len(removed) == 1
    # zigpy may still be interviewing the removed device after its leave
    await wait_for(
        hass,
        lambda: not [t for t in asyncio.all_tasks() if t.get_name() == "initialize"],
        timeout=90,
    )
    await virtual_coordinator.wait_idle()


async def test_window_end_restores_policy_and_clears_keys(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """When the window times out, the policy goes back and the keys are cleared."""
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    policy_before = virtual_coordinator.policy
    await start_pairing(hass, duration=60)
    assert virtual_coordinator.policy == INSTALL_CODE_ONLY
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=61))
    await hass.async_block_till_done()
    await wait_for(
        hass,
        lambda: hass.states.get(JOIN_WINDOW).state == "off",
    )
    # what was there before, or what bellows asked for meanwhile (its restore)
    protocol = provisioning_entry.runtime_data.application._ezsp._protocol
    assert virtual_coordinator.policy in (policy_before, protocol.tc_policy)
    assert virtual_coordinator.policy != INSTALL_CODE_ONLY
    assert virtual_coordinator.transient_keys == []
    assert not virtual_coordinator.permit_open
    assert status(hass, provisioning_entry, IEEE) == "pending"


async def test_interview_failure_marks_failed(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """A device that joins but never answers its interview becomes failed."""
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    await start_pairing(hass)
    device = VirtualDevice(IEEE, install_code=CODE, responsive=False)
    assert virtual_coordinator.power_on(device).joined
    await wait_for(
        hass,
        lambda: IEEE in map(str, provisioning_entry.runtime_data.admission._interviews),
    )
    async_fire_time_changed(
        hass, dt_util.utcnow() + timedelta(seconds=admission.INTERVIEW_TIMEOUT + 1)
    )
    await wait_for(hass, lambda: status(hass, provisioning_entry, IEEE) == "failed")
    entry = provisioning_entry.runtime_data.data
    assert [e.status_reason for e in entry.values()] == ["interview_timeout"]
    # A failed entry is not loaded again by the next window
    response = await start_pairing(hass)
    assert response["keys_loaded"] == 0
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    # once it answers, zigpy's own retry completes the interview and it is joined
    device.responsive = True
    await wait_for(
        hass, lambda: status(hass, provisioning_entry, IEEE) == "joined", timeout=90
    )


async def test_capacity_reports_waiting_entries(
    hass: HomeAssistant,
    tmp_path,
    socket_enabled: None,
) -> None:
    """A full key table loads what fits and lists the entries that wait."""
    coordinator = VirtualCoordinator(
        state_file=tmp_path / "ncp.json", key_table_capacity=2
    )
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        await setup_zha(hass, coordinator)
        await add_provisioning_entry(hass)
        for index in range(3):
            await hass.services.async_call(
                DOMAIN,
                "add_device",
                {"ieee": f"00:11:22:33:44:55:66:7{index}", "link_key": LINK_KEY},
                blocking=True,
            )
        response = await start_pairing(hass)
        assert response["keys_loaded"] == 2
        assert len(response["waiting"]) == 1
        state = hass.states.get(JOIN_WINDOW)
        assert state.attributes["keys_loaded"] == 2
        assert state.attributes["waiting"] == response["waiting"]
        await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
        for entry in hass.config_entries.async_entries():
            await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
    finally:
        await coordinator.stop()


DERIVED_KEY = "66B6900981E1EE3CA4206B6B861C02BB"
SECRETS = (CODE, CODE[:32], DERIVED_KEY, LINK_KEY)
SECRET_LOGGERS = ("homeassistant", "custom_components", "zha", "zigpy", "bellows")


def capture_everything(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> list[Event]:
    """Log at debug level everywhere and record every event."""
    caplog.set_level(logging.DEBUG)
    for name in SECRET_LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    events: list[Event] = []
    hass.bus.async_listen(MATCH_ALL, callback(lambda event: events.append(event)))
    return events


def as_shown(result: dict) -> dict:
    """Return a flow result as the frontend receives it."""
    return {k: v for k, v in result.items() if k not in ("data", "context")}


async def run_use_case(
    hass: HomeAssistant, virtual_coordinator: VirtualCoordinator, entry: ConfigEntry
) -> list:
    """Pair, join, list, export and stop; return every service response."""
    responses: list = [await start_pairing(hass)]
    assert virtual_coordinator.power_on(VirtualDevice(IEEE, install_code=CODE)).joined
    await wait_for(hass, lambda: status(hass, entry, IEEE) == "joined")
    for service in ("list_devices", "export_devices"):
        responses.append(
            await hass.services.async_call(
                DOMAIN, service, {}, blocking=True, return_response=True
            )
        )
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)
    return responses


async def test_whole_flow_leaks_no_secret(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    caplog: pytest.LogCaptureFixture,
    hass_storage: dict,
) -> None:
    """Scan, pair and join at debug level: no code or key shows up anywhere."""
    events = capture_everything(hass, caplog)
    flow = hass.config_entries.subentries
    shown = []
    for user_input in (
        {"qr_code": QR, "name": "Lamp"},
        {"ieee": "00:11:22:33:44:55:66:78", "link_key": LINK_KEY},
    ):
        result = await flow.async_init(
            (provisioning_entry.entry_id, "device"), context={"source": "user"}
        )
        shown.append(as_shown(result))
        result = await flow.async_configure(result["flow_id"], user_input)
        assert result["type"] is FlowResultType.CREATE_ENTRY
        shown.append(as_shown(result))
    await hass.async_block_till_done()
    responses = await run_use_case(hass, virtual_coordinator, provisioning_entry)
    diagnostics = await async_get_config_entry_diagnostics(hass, provisioning_entry)

    captured = "\n".join(
        [
            caplog.text,
            repr([(event.event_type, event.data) for event in events]),
            repr([(s.state, s.attributes) for s in hass.states.async_all()]),
            repr(diagnostics),
            repr(responses),
            repr(shown),
        ]
    )
    # the capture is real: the key went over the wire, the device joined
    assert "addTransientLinkKey" in caplog.text
    assert "Sending data" in caplog.text
    assert IEEE in captured
    assert "provisioning_device_joined" in captured
    assert find_secrets(captured, SECRETS) == []

    # Restart: statuses come back from storage
    await hass.config_entries.async_unload(provisioning_entry.entry_id)
    await hass.async_block_till_done()
    stored = hass_storage[f"{DOMAIN}.{provisioning_entry.entry_id}.status"]
    assert IEEE in repr(stored["data"]["statuses"])
    assert await hass.config_entries.async_setup(provisioning_entry.entry_id)
    await hass.async_block_till_done()
    assert status(hass, provisioning_entry, IEEE) == "joined"
    assert status(hass, provisioning_entry, "00:11:22:33:44:55:66:78") == "pending"


async def test_service_path_leaks_only_through_core_echo(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Through add_device, only Home Assistant's own call_service echo shows the code."""
    events = capture_everything(hass, caplog)
    responses = [
        await hass.services.async_call(
            DOMAIN, "add_device", data, blocking=True, return_response=True
        )
        for data in (
            {"qr_code": QR, "name": "Lamp"},
            {"ieee": "00:11:22:33:44:55:66:78", "link_key": LINK_KEY},
        )
    ]
    responses += await run_use_case(hass, virtual_coordinator, provisioning_entry)
    diagnostics = await async_get_config_entry_diagnostics(hass, provisioning_entry)

    echoes = [event for event in events if event.event_type == "call_service"]
    assert find_secrets(repr([e.data for e in echoes]), SECRETS)  # core's echo
    core_echo_lines = [
        record
        for record in caplog.records
        if record.name == "homeassistant.core" and "call_service" in record.getMessage()
    ]
    captured = "\n".join(
        [
            "\n".join(
                record.getMessage()
                for record in caplog.records
                if record not in core_echo_lines
            ),
            repr([e.data for e in events if e not in echoes]),
            repr([(s.state, s.attributes) for s in hass.states.async_all()]),
            repr(diagnostics),
            repr(responses),
        ]
    )
    assert "addTransientLinkKey" in captured
    assert find_secrets(captured, SECRETS) == []


async def test_radio_that_cannot_enforce_is_explained(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    zha_entry: ConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With the generic zigpy adapter, a repair issue and the sensor say so."""
    monkeypatch.setattr(
        "custom_components.provisioning.coordinator.radio_for", ZigpyRadio
    )
    entry = await add_provisioning_entry(hass)
    issue_id = f"radio_not_install_code_only_{entry.entry_id}"
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders == {"radio": "bellows"}
    await hass.services.async_call(DOMAIN, "add_device", {"qr_code": QR}, blocking=True)
    response = await start_pairing(hass, duration=30)
    assert response["install_code_only"] is False
    assert response["keys_loaded"] == 1
    state = hass.states.get(JOIN_WINDOW)
    assert state.attributes["install_code_only"] is False
    await hass.services.async_call(DOMAIN, "stop_pairing", {}, blocking=True)

    monkeypatch.undo()
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
    assert hass.states.get(JOIN_WINDOW).attributes["install_code_only"] is True
    await virtual_coordinator.wait_idle()


async def test_setup_tidies_devices(
    hass: HomeAssistant,
    virtual_coordinator: VirtualCoordinator,
    provisioning_entry: ConfigEntry,
) -> None:
    """Set up again, the list moves to devices ZHA gained and drops stale ones."""
    await hass.services.async_call(
        DOMAIN, "add_device", {"qr_code": QR, "name": "Desk"}, blocking=True
    )
    dev_reg = dr.async_get(hass)
    placeholder = dev_reg.async_get_device_by_connection(
        (dr.CONNECTION_ZIGBEE, IEEE), provisioning_entry.entry_id
    )
    office = lr.async_get(hass).async_create("Office")
    dev_reg.async_update_device(placeholder.id, labels={office.label_id})
    stale = dev_reg.async_get_or_create(
        config_entry_id=provisioning_entry.entry_id,
        connections={(dr.CONNECTION_ZIGBEE, "00:11:22:33:44:55:66:99")},
        name="Long gone",
    )

    # the device joins through ZHA while the list is not running
    await hass.config_entries.async_unload(provisioning_entry.entry_id)
    await hass.services.async_call("zha", "permit", {"duration": 60}, blocking=True)
    assert virtual_coordinator.power_on(VirtualDevice(IEEE, model="Desk")).joined
    await wait_for_registry_device(hass, IEEE, predicate=lambda d: d.model == "Desk")
    assert await hass.config_entries.async_setup(provisioning_entry.entry_id)
    await hass.async_block_till_done()

    installed = zha_device(hass, IEEE)
    assert [device.id for device in devices_of(hass, IEEE)] == [installed.id]
    assert installed.name_by_user == "Desk"
    assert installed.labels == {office.label_id}
    assert dev_reg.async_get(stale.id) is None
    sensor = er.async_get(hass).async_get(status_entity(hass, IEEE))
    assert sensor.device_id == installed.id
    await virtual_coordinator.wait_idle()
