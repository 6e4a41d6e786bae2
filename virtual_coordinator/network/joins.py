"""Join simulation both personalities share: power on, rejoin, leave, unplug.

Rules:

- A device acts only outside a host request (``power_on``, ``leave``); its
  callbacks then go straight to the host.
- The trust center decides; this module applies the decision to the network
  (address, joined flag, the persisted IEEE -> NWK map) and records it. How
  the host hears of it (EZSP ``trustCenterJoinHandler``, MT ``ZDO.TCDevInd``)
  is the front-end's, through the ``_report_*`` hooks.
- A device keeps its NWK address when it leaves and rejoins, unless another
  device took it meanwhile.
- A wrong key in ``join_silent`` mode: the host sees a join, and the device
  then never answers (it could not decrypt the network key).
"""

from __future__ import annotations

import dataclasses
import random
from typing import TYPE_CHECKING, Any

import zigpy.types as zt

from .device import VirtualDevice
from .trust_center import TrustCenter

COORDINATOR_NWK = 0x0000


@dataclasses.dataclass(frozen=True)
class JoinResult:
    """Outcome of powering a virtual device on."""

    joined: bool
    reason: str
    nwk: int | None = None
    # A wrong key in "join_silent" mode: the host sees a join, nothing more
    announced: bool = False


class DeviceNetwork:
    """The virtual devices on a coordinator's network.

    A front-end provides ``trust_center``, ``stack_up``, ``save_state`` and
    the hooks below; it sets ``devices`` and ``_silent`` up in ``__init__``.
    """

    trust_center: TrustCenter
    stack_up: bool
    devices: dict[zt.EUI64, VirtualDevice]
    _silent: set[zt.EUI64]

    if TYPE_CHECKING:
        # provided by the front-end's persistence and request handling

        def save_state(self) -> None: ...

        def _require_idle_context(self) -> None: ...

    # -- the trust center's state, as both front-ends show it ----------------
    @property
    def policy(self) -> int:
        """Current trust-center policy decision bitmask."""
        return self.trust_center.policy

    @property
    def transient_keys(self) -> list[zt.EUI64]:
        """IEEE addresses that currently have a transient link key."""
        return self.trust_center.transient_key_ieees

    @property
    def permit_open(self) -> bool:
        return self.trust_center.permit_open

    # -- hooks of the front-end ---------------------------------------------
    def _joined_devices(self) -> dict[str, int]:
        """The persisted map of joined devices, IEEE text -> NWK."""
        raise NotImplementedError

    def _remember_device(self, device: VirtualDevice, nwk: int) -> None:
        self._joined_devices()[str(device.ieee)] = nwk

    def _forget_device(self, device: VirtualDevice) -> None:
        self._joined_devices().pop(str(device.ieee), None)

    def _report_rejoin(self, device: VirtualDevice) -> None:
        raise NotImplementedError

    def _report_join(self, device: VirtualDevice, nwk: int, *, announce: bool) -> None:
        """The trust center sent the network key (to a silent device too)."""
        raise NotImplementedError

    def _report_denied(self, device: VirtualDevice, nwk: int) -> None:
        raise NotImplementedError

    # -- the simulation ---------------------------------------------------------
    def _assign_nwk(self, device: VirtualDevice) -> zt.NWK:
        joined = self._joined_devices()
        known = joined.get(str(device.ieee))
        if known is not None:
            return zt.NWK(known)
        used = set(joined.values()) | {COORDINATOR_NWK}
        if device.nwk is not None and int(device.nwk) not in used:
            return device.nwk  # a device that left usually keeps its address
        while True:
            nwk = random.randint(0x0001, 0xFFF7)
            if nwk not in used:
                return zt.NWK(nwk)

    def _device_by_nwk(self, nwk: int) -> VirtualDevice | None:
        for device in self.devices.values():
            if device.nwk == nwk and (device.joined or device.ieee in self._silent):
                return device
        return None

    def power_on(self, device: VirtualDevice) -> JoinResult:
        """Power a device on: it tries to join (or rejoin) the network."""
        self._require_idle_context()
        self.devices[device.ieee] = device
        tc = self.trust_center
        ieee = str(device.ieee)
        if device.joined and device.nwk is not None:
            # A joined device that powers on again does a secured rejoin
            self._report_rejoin(device)
            tc.log("join", ieee=ieee, joined=True, reason="rejoin", nwk=device.nwk)
            return JoinResult(True, "rejoin", device.nwk)
        if not self.stack_up:
            tc.log("join", ieee=ieee, joined=False, reason="network_down")
            return JoinResult(False, "network_down")
        decision = tc.decide(device.ieee, device.link_key)
        key_kind = "well_known" if device.uses_well_known_key else "install_code"
        outcome: dict[str, Any] = {"key": key_kind, "policy": tc.policy}
        if decision.reason == "permit_closed":
            tc.log("join", ieee=ieee, joined=False, reason=decision.reason, **outcome)
            return JoinResult(False, decision.reason)
        nwk = self._assign_nwk(device)
        if decision.admitted:
            device.nwk = nwk
            device.joined = True
            self._silent.discard(device.ieee)
            self._remember_device(device, int(nwk))
            self.save_state()
            tc.log(
                "join",
                ieee=ieee,
                joined=True,
                reason=decision.reason,
                nwk=int(nwk),
                **outcome,
            )
            self._report_join(device, int(nwk), announce=device.responsive)
            return JoinResult(True, decision.reason, int(nwk))
        if decision.reason == "wrong_key" and tc.wrong_key == "join_silent":
            # The trust center cannot tell: it sends the network key encrypted
            # with a key the device does not have, and the device stays silent.
            device.nwk = nwk
            self._silent.add(device.ieee)
            tc.log(
                "join",
                ieee=ieee,
                joined=False,
                reason="wrong_key",
                announced=True,
                nwk=int(nwk),
                **outcome,
            )
            self._report_join(device, int(nwk), announce=False)
            return JoinResult(False, "wrong_key", int(nwk), announced=True)
        tc.log("join", ieee=ieee, joined=False, reason=decision.reason, **outcome)
        self._report_denied(device, int(nwk))
        return JoinResult(False, decision.reason)

    def _mark_left(self, device: VirtualDevice, *, source: str, nwk: Any) -> None:
        """A device is off the network: forgotten, saved and recorded."""
        device.joined = False
        self._silent.discard(device.ieee)
        self._forget_device(device)
        self.save_state()
        self.trust_center.log("leave", ieee=str(device.ieee), nwk=nwk, source=source)

    def _device_left(self, device: VirtualDevice, *, source: str) -> Any:
        raise NotImplementedError

    def _left_on_its_own(self, device: VirtualDevice) -> None:
        """Tell the host a device left on its own (outside a request)."""
        self._device_left(device, source="device")

    def leave(self, device: VirtualDevice) -> bool:
        """The device leaves the network on its own. False if it was not joined."""
        self._require_idle_context()
        if not device.joined and device.ieee not in self._silent:
            return False
        self._left_on_its_own(device)
        return True

    def unplug(self, device: VirtualDevice) -> None:
        """Power the device off and forget it (it leaves first if joined)."""
        self.leave(device)
        self.devices.pop(device.ieee, None)

    def device(self, ieee: str | zt.EUI64) -> VirtualDevice:
        key = zt.EUI64.convert(ieee) if isinstance(ieee, str) else ieee
        return self.devices[key]
