"""The trust-center model: keys, expiry, permit timing and join decisions."""

from __future__ import annotations

import pytest
import zigpy.types as zt
from zigpy.util import convert_install_code

from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.network.trust_center import (
    WELL_KNOWN_KEY,
    WILDCARD_IEEE,
    Record,
    TrustCenter,
)

IEEE = zt.EUI64.convert("00:11:22:33:44:55:66:77")
OTHER = zt.EUI64.convert("00:11:22:33:44:55:66:88")
INSTALL_CODE = "83FED3407A939723A5C639B26916D505C3B5"
IC_KEY = convert_install_code(bytes.fromhex(INSTALL_CODE))


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def make(**kwargs) -> tuple[TrustCenter, Clock]:
    clock = Clock()
    return TrustCenter(Record(), clock=clock, **kwargs), clock


def test_keys_expire() -> None:
    tc, clock = make(key_timeout_s=300)
    tc.add_transient_key(IEEE, IC_KEY)
    clock.now += 299
    assert tc.transient_key_ieees == [IEEE]
    clock.now += 1
    assert tc.transient_key_ieees == []
    assert [e.kind for e in tc.record] == ["key_added", "key_expired"]


def test_permit_window_opens_and_closes() -> None:
    tc, clock = make()
    assert not tc.permit_open
    tc.permit(60)
    assert tc.permit_open
    clock.now += 59.9
    assert tc.permit_open
    clock.now += 0.1
    assert not tc.permit_open
    assert tc.record[-1]["source"] == "timeout"
    tc.permit(255)
    clock.now += 10**6
    assert tc.permit_open
    tc.permit(0)
    assert not tc.permit_open


@pytest.mark.parametrize(
    ("policy", "keys", "ieee", "key", "wildcard_counts", "admitted", "reason"),
    [
        (0x11, {IEEE: IC_KEY}, IEEE, IC_KEY, True, True, "transient_key_ieee"),
        (0x11, {IEEE: IC_KEY}, OTHER, WELL_KNOWN_KEY, True, False, "no_transient_key"),
        (0x11, {IEEE: IC_KEY}, IEEE, WELL_KNOWN_KEY, True, False, "wrong_key"),
        (
            0x11,
            {IEEE: IC_KEY, WILDCARD_IEEE: WELL_KNOWN_KEY},
            OTHER,
            WELL_KNOWN_KEY,
            True,
            True,
            "transient_key_wildcard",
        ),
        (
            0x11,
            {IEEE: IC_KEY, WILDCARD_IEEE: WELL_KNOWN_KEY},
            OTHER,
            WELL_KNOWN_KEY,
            False,
            False,
            "no_transient_key",
        ),
        (0x01, {}, OTHER, WELL_KNOWN_KEY, True, True, "well_known_key"),
        (0x01, {}, IEEE, IC_KEY, True, False, "wrong_key"),
        (0x01, {IEEE: IC_KEY}, IEEE, IC_KEY, True, True, "transient_key_ieee"),
        (0x02, {IEEE: IC_KEY}, IEEE, IC_KEY, True, False, "joins_not_allowed"),
        (0x10, {IEEE: IC_KEY}, IEEE, IC_KEY, True, False, "joins_not_allowed"),
    ],
)
def test_join_decisions(  # noqa: PLR0917
    policy, keys, ieee, key, wildcard_counts, admitted, reason
) -> None:
    tc, _ = make(wildcard_key_counts=wildcard_counts)
    for k_ieee, k in keys.items():
        tc.add_transient_key(k_ieee, k)
    tc.set_policy(policy)
    tc.permit(60)
    decision = tc.decide(ieee, key)
    assert (decision.admitted, decision.reason) == (admitted, reason)


def test_permit_closed_denies() -> None:
    tc, _ = make()
    assert tc.decide(OTHER, WELL_KNOWN_KEY).reason == "permit_closed"


def test_reboot_clears_keys_and_permit() -> None:
    tc, _ = make()
    tc.add_transient_key(IEEE, IC_KEY)
    tc.set_policy(0x11)
    tc.permit(60)
    tc.reboot()
    assert tc.transient_key_ieees == []
    assert not tc.permit_open
    assert tc.policy == 0x03


def _ready_coordinator(**kwargs) -> VirtualCoordinator:
    c = VirtualCoordinator(**kwargs)
    c._send = lambda data: None  # type: ignore[method-assign]
    c.state.formed = True
    c.stack_up = True
    return c


def test_wrong_key_deny_and_join_silent() -> None:
    c = _ready_coordinator()
    c.trust_center.add_transient_key(IEEE, IC_KEY)
    c.trust_center.set_policy(0x11)
    c.trust_center.permit(60)
    wrong = VirtualDevice(IEEE, link_key=b"\x01" * 16)
    result = c.power_on(wrong)
    assert (result.joined, result.reason, result.announced) == (
        False,
        "wrong_key",
        False,
    )

    c = _ready_coordinator(wrong_key="join_silent")
    c.trust_center.add_transient_key(IEEE, IC_KEY)
    c.trust_center.set_policy(0x11)
    c.trust_center.permit(60)
    result = c.power_on(VirtualDevice(IEEE, link_key=b"\x01" * 16))
    assert (result.joined, result.reason, result.announced) == (
        False,
        "wrong_key",
        True,
    )
    assert result.nwk is not None
    join = c.events("join")[-1]
    assert join["announced"] is True


def test_install_code_key_derivation() -> None:
    device = VirtualDevice(IEEE, install_code=INSTALL_CODE)
    assert device.link_key == IC_KEY
    assert not device.uses_well_known_key
    assert VirtualDevice(OTHER).uses_well_known_key


def test_network_down_and_devices_cannot_act_inside_a_handler() -> None:
    c = VirtualCoordinator()
    assert c.power_on(VirtualDevice(OTHER)).reason == "network_down"
    c._deferred = []
    with pytest.raises(RuntimeError):
        c.power_on(VirtualDevice(OTHER))
