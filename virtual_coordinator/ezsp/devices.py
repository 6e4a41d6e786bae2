"""How the virtual NCP tells its host about devices joining and leaving.

The join simulation itself is the shared one (``network.joins``); this module
turns its outcomes into EZSP callbacks: ``trustCenterJoinHandler`` for each
decision (``DENY_JOIN`` for a denied device), a ZDO ``Device_annce`` as
``incomingMessageHandler`` for a device that announces itself, and
``DEVICE_LEFT`` for a leave.
"""

from __future__ import annotations

from typing import Any

import bellows.types as t
import zigpy.zdo.types as zdo_t

from virtual_coordinator.network.device import VirtualDevice
from virtual_coordinator.network.joins import COORDINATOR_NWK, DeviceNetwork

from .dispatch import FrameDispatch


class DeviceReports(FrameDispatch, DeviceNetwork):
    """The EZSP side of ``power_on``, ``leave`` and ``unplug``."""

    def _joined_devices(self) -> dict[str, int]:
        return self.state.devices

    def _report_rejoin(self, device: VirtualDevice) -> None:
        self._emit_join_handler(
            device,
            device.nwk,
            t.EmberDeviceUpdate.STANDARD_SECURITY_SECURED_REJOIN,
            t.EmberJoinDecision.NO_ACTION,
        )
        self._announce(device)

    def _report_join(self, device: VirtualDevice, nwk: int, *, announce: bool) -> None:
        self._emit_join_handler(
            device,
            nwk,
            t.EmberDeviceUpdate.STANDARD_SECURITY_UNSECURED_JOIN,
            t.EmberJoinDecision.USE_PRECONFIGURED_KEY,
        )
        if announce:
            self._announce(device)

    def _report_denied(self, device: VirtualDevice, nwk: int) -> None:
        self._emit_join_handler(
            device,
            nwk,
            t.EmberDeviceUpdate.STANDARD_SECURITY_UNSECURED_JOIN,
            t.EmberJoinDecision.DENY_JOIN,
        )

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
        self._mark_left(device, source=source, nwk=device.nwk)
        self._emit_join_handler(
            device,
            device.nwk,
            t.EmberDeviceUpdate.DEVICE_LEFT,
            t.EmberJoinDecision.NO_ACTION,
        )
