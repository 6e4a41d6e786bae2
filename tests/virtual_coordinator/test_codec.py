"""The table-driven EZSP codec and every frame the emulator handles."""

from __future__ import annotations

from bellows.ezsp.v8 import EZSPv8
from bellows.ezsp.v13 import EZSPv13
import bellows.types as t
import pytest
import zigpy.types as zt

from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.ezsp.codec import EzspCodec
from virtual_coordinator.ezsp.dispatch import _zero

PROTOCOLS = {8: EZSPv8, 13: EZSPv13}


def handled_frames(version: int) -> list[str]:
    codec = EzspCodec(version)
    return sorted(
        name for name in codec.commands if hasattr(VirtualCoordinator, f"_cmd_{name}")
    )


class Harness:
    def __init__(self, version: int) -> None:
        self.coordinator = VirtualCoordinator(ezsp_version=version)
        self.sent: list[bytes] = []
        self.coordinator._send = self.sent.append  # type: ignore[method-assign]
        self.host = PROTOCOLS[version](lambda *a: None, None)
        self.codec = self.coordinator.codec

    def request(self, name: str, **kwargs):
        frame = self.host._ezsp_frame(name, **kwargs)  # the bytes bellows sends
        self.host._seq = (self.host._seq + 1) % 256
        self.sent.clear()
        self.coordinator._frame_received(frame)
        seq, rsp_name, values = self.codec.decode_response(self.sent[0])
        assert seq == frame[0]
        callbacks = [self.codec.decode_response(f) for f in self.sent[1:]]
        return rsp_name, values, callbacks


def zero_args(version: int, name: str) -> dict:
    schema = EzspCodec(version).commands[name][1]
    return {field: _zero(tp) for field, tp in schema.items()}


@pytest.mark.parametrize("version", [8, 13])
def test_every_handled_frame_round_trips(version: int) -> None:
    names = handled_frames(version)
    assert "clearTransientLinkKeys" in names
    assert ("importTransientKey" in names) == (version == 13)
    assert ("addTransientLinkKey" in names) == (version == 8)
    harness = Harness(version)
    for name in names:
        rsp_name, values, _ = harness.request(name, **zero_args(version, name))
        assert rsp_name == name, (name, values)
    assert harness.coordinator.events("unknown_frame") == []


def test_legacy_version_negotiation() -> None:
    harness = Harness(8)
    # bellows starts with version(4) in the legacy frame format
    harness.sent.clear()
    harness.coordinator._frame_received(bytes([0x00, 0x00, 0x00, 0x04]))
    rsp = harness.sent[0]
    assert rsp[:3] == bytes([0x00, 0x80, 0x00])
    assert rsp[3] == 8  # protocol version
    assert rsp[4] == 2  # stack type
    _, values, _ = harness.request("version", desiredProtocolVersion=8)
    assert values["protocolVersion"] == 8


def test_unknown_frame_is_answered_with_an_error_and_recorded() -> None:
    harness = Harness(8)
    harness.coordinator._frame_received(bytes([0x07, 0x00, 0x01, 0xEE, 0x0E]))
    seq, name, values = harness.codec.decode_response(harness.sent[0])
    assert (seq, name) == (7, "invalidCommand")
    assert values["status"] == t.EzspStatus.ERROR_INVALID_FRAME_ID
    (event,) = harness.coordinator.events("unknown_frame")
    assert event["frame_id"] == 0x0EEE
    # A known frame without a handler is also refused and recorded
    harness.sent.clear()
    name = "gpProxyTableProcessGpPairing"
    harness.coordinator._frame_received(
        harness.host._ezsp_frame(name, **zero_args(8, name))
    )
    assert harness.codec.decode_response(harness.sent[0])[1] == "invalidCommand"
    assert (
        harness.coordinator.events("unknown_frame")[-1]["name"]
        == "gpProxyTableProcessGpPairing"
    )


def test_custom_frame_probe_is_refused_on_v13() -> None:
    harness = Harness(13)
    _, values, _ = harness.request("customFrame", payload=b"\x00\x00\x00")
    assert values["status"] != t.EmberStatus.SUCCESS
    assert harness.coordinator.events("custom_frame")


def test_callbacks_follow_the_response() -> None:
    harness = Harness(8)
    c = harness.coordinator
    c.state.formed = True
    name, values, callbacks = harness.request("networkInit", networkInitBitmask=0)
    assert name == "networkInit"
    assert values["status"] == t.EmberStatus.SUCCESS
    assert [cb[1] for cb in callbacks] == ["stackStatusHandler"]
    assert callbacks[0][2]["status"] == t.EmberStatus.NETWORK_UP


def test_transient_keys_and_table_full() -> None:
    harness = Harness(8)
    harness.coordinator.trust_center.key_table_capacity = 2
    key = zt.KeyData(b"0123456789abcdef")
    for i in range(2):
        _, values, _ = harness.request(
            "addTransientLinkKey", partner=zt.EUI64([i] * 8), transientKey=key
        )
        assert values["status"] == t.EmberStatus.SUCCESS
    _, values, _ = harness.request(
        "addTransientLinkKey", partner=zt.EUI64([9] * 8), transientKey=key
    )
    assert values["status"] == t.EmberStatus.TABLE_FULL
    _, values, _ = harness.request("getTransientLinkKey", eui64=zt.EUI64([1] * 8))
    assert values["transient_key_data"].keyData == key
    harness.request("clearTransientLinkKeys")
    assert harness.coordinator.transient_keys == []
    kinds = [e.kind for e in harness.coordinator.record]
    assert kinds == ["key_added", "key_added", "key_rejected", "keys_cleared"]


def test_import_transient_key_v13_table_full() -> None:
    harness = Harness(13)
    harness.coordinator.trust_center.key_table_capacity = 1
    key = zt.KeyData(b"0123456789abcdef")
    _, values, _ = harness.request(
        "importTransientKey", eui64=zt.EUI64([1] * 8), plaintext_key=key, flags=0
    )
    assert values["status"] == t.sl_Status.OK
    _, values, _ = harness.request(
        "importTransientKey", eui64=zt.EUI64([2] * 8), plaintext_key=key, flags=0
    )
    assert values["status"] != t.sl_Status.OK
