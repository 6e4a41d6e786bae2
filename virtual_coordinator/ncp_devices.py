"""Virtual devices of the virtual NCP: power on (join or rejoin), leave, unplug."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import bellows.types as t
import zigpy.types as zt
import zigpy.zdo.types as zdo_t

from .constants import COORDINATOR_NWK
from .device import VirtualDevice


@dataclasses.dataclass(frozen=True)
class JoinResult:
    """Outcome of powering a virtual device on."""

    joined: bool
    reason: str
    nwk: int | None = None
    # A wrong key in "join_silent" mode: the host sees a join, nothing more
    announced: bool = False


class DeviceActions:
    """What virtual devices do on the network of ``VirtualCoordinator``."""

    def _assign_nwk(self, device: VirtualDevice) -> zt.NWK:
        known = self.state.devices.get(str(device.ieee))
        if known is not None:
            return zt.NWK(known)
        used = set(self.state.devices.values()) | {COORDINATOR_NWK}
        if device.nwk is not None and int(device.nwk) not in used:
            return device.nwk  # a device that left usually keeps its address
        while True:
            nwk = random.randint(0x0001, 0xFFF7)
            if nwk not in used:
                return zt.NWK(nwk)

    def _require_idle_context(self) -> None:
        if self._deferred is not None:
            raise RuntimeError("Devices cannot act from inside an EZSP command handler")

    def power_on(self, device: VirtualDevice) -> JoinResult:
        """Power a device on: it tries to join (or rejoin) the network."""
        self._require_idle_context()
        self.devices[device.ieee] = device
        tc = self.trust_center
        if device.joined:
            # A joined device that powers on again does a secured rejoin
            self._emit_join_handler(
                device,
                device.nwk,
                t.EmberDeviceUpdate.STANDARD_SECURITY_SECURED_REJOIN,
                t.EmberJoinDecision.NO_ACTION,
            )
            self._announce(device)
            tc.log(
                "join",
                ieee=str(device.ieee),
                joined=True,
                reason="rejoin",
                nwk=device.nwk,
            )
            return JoinResult(True, "rejoin", device.nwk)
        if not self.stack_up:
            tc.log("join", ieee=str(device.ieee), joined=False, reason="network_down")
            return JoinResult(False, "network_down")
        decision = tc.decide(device.ieee, device.link_key)
        key_kind = "well_known" if device.uses_well_known_key else "install_code"
        if decision.reason == "permit_closed":
            tc.log(
                "join",
                ieee=str(device.ieee),
                joined=False,
                reason=decision.reason,
                key=key_kind,
                policy=tc.policy,
            )
            return JoinResult(False, decision.reason)
        nwk = self._assign_nwk(device)
        if decision.admitted:
            device.nwk = nwk
            device.joined = True
            self._silent.discard(device.ieee)
            self.state.devices[str(device.ieee)] = int(nwk)
            self.save_state()
            tc.log(
                "join",
                ieee=str(device.ieee),
                joined=True,
                reason=decision.reason,
                key=key_kind,
                policy=tc.policy,
                nwk=int(nwk),
            )
            self._emit_join_handler(
                device,
                nwk,
                t.EmberDeviceUpdate.STANDARD_SECURITY_UNSECURED_JOIN,
                t.EmberJoinDecision.USE_PRECONFIGURED_KEY,
            )
            if device.responsive:
                self._announce(device)
            return JoinResult(True, decision.reason, int(nwk))
        if decision.reason == "wrong_key" and tc.wrong_key == "join_silent":
            # The trust center cannot tell: it sends the network key encrypted
            # with a key the device does not have, and the device stays silent.
            device.nwk = nwk
            self._silent.add(device.ieee)
            tc.log(
                "join",
                ieee=str(device.ieee),
                joined=False,
                reason="wrong_key",
                announced=True,
                key=key_kind,
                policy=tc.policy,
                nwk=int(nwk),
            )
            self._emit_join_handler(
                device,
                nwk,
                t.EmberDeviceUpdate.STANDARD_SECURITY_UNSECURED_JOIN,
                t.EmberJoinDecision.USE_PRECONFIGURED_KEY,
            )
            return JoinResult(False, "wrong_key", int(nwk), announced=True)
        tc.log(
            "join",
            ieee=str(device.ieee),
            joined=False,
            reason=decision.reason,
            key=key_kind,
            policy=tc.policy,
        )
        self._emit_join_handler(
            device,
            nwk,
            t.EmberDeviceUpdate.STANDARD_SECURITY_UNSECURED_JOIN,
            t.EmberJoinDecision.DENY_JOIN,
        )
        return JoinResult(False, decision.reason)

    def _emit_join_handler(
        self,
        device: VirtualDevice,
        nwk: Any,
        status: t.EmberDeviceUpdate,
        decision: t.EmberJoinDecision,
    ) -> None:
        """Tell the host how the trust center handled a device, as the NCP does."""
        self.emit(
            "trustCenterJoinHandler",
            newNodeId=nwk,
            newNodeEui64=device.ieee,
            status=status,
            policyDecision=decision,
            parentOfNewNodeId=COORDINATOR_NWK,
        )

    def _announce(self, device: VirtualDevice) -> None:
        assert device.nwk is not None
        self.emit(
            "incomingMessageHandler",
            type=t.EmberIncomingMessageType.INCOMING_BROADCAST,
            apsFrame=t.EmberApsFrame(
                profileId=0,
                clusterId=zdo_t.ZDOCmd.Device_annce,
                sourceEndpoint=0,
                destinationEndpoint=0,
                options=t.EmberApsOption.APS_OPTION_NONE,
                groupId=0,
                sequence=self._next_aps_seq(),
            ),
            lastHopLqi=255,
            lastHopRssi=-40,
            sender=device.nwk,
            bindingIndex=0xFF,
            addressIndex=0xFF,
            messageContents=device.device_annce(self._next_aps_seq()),
        )

    def _device_left(self, device: VirtualDevice, *, source: str) -> None:
        device.joined = False
        self._silent.discard(device.ieee)
        self.state.devices.pop(str(device.ieee), None)
        self.save_state()
        self.trust_center.log(
            "leave", ieee=str(device.ieee), nwk=device.nwk, source=source
        )
        self._emit_join_handler(
            device,
            device.nwk,
            t.EmberDeviceUpdate.DEVICE_LEFT,
            t.EmberJoinDecision.NO_ACTION,
        )

    def leave(self, device: VirtualDevice) -> bool:
        """The device leaves the network on its own. False if it was not joined."""
        self._require_idle_context()
        if not device.joined and device.ieee not in self._silent:
            return False
        self._device_left(device, source="device")
        return True

    def unplug(self, device: VirtualDevice) -> None:
        """Power the device off and forget it (it leaves first if joined)."""
        self.leave(device)
        self.devices.pop(device.ieee, None)

    def device(self, ieee: str | zt.EUI64) -> VirtualDevice:
        key = zt.EUI64.convert(ieee) if isinstance(ieee, str) else ieee
        return self.devices[key]
