"""EZSP messaging commands of the virtual NCP: unicast (ZDO and ZCL), broadcast, multicast.

Rules: a message is answered first (status, APS sequence); then
``messageSentHandler`` follows, and then what the addressed device answers as
``incomingMessageHandler``. A silent, unresponsive or unknown device gets
``DELIVERY_FAILED``. Requests to the coordinator itself are answered from the
endpoints the host registered. A ZDO ``Mgmt_Leave_req`` makes the device
leave after its answer. Nothing is sent while the stack is down.
"""

# Command handlers are named after EZSP frames and take the schema's field names.
# ruff: noqa: N802, N803

from __future__ import annotations

from typing import Any

import bellows.types as t
import zigpy.types as zt
import zigpy.zdo.types as zdo_t

from virtual_coordinator.network.device import Endpoint, Reply, VirtualDevice
from virtual_coordinator.network.joins import COORDINATOR_NWK

from .constants import MFG_BOARD_NAME, MFG_STRING, SILABS_MANUFACTURER_CODE
from .dispatch import FrameDispatch


class MessagingCommands(FrameDispatch):
    """Messages to virtual devices and to the coordinator itself."""

    def _coordinator_device(self) -> VirtualDevice:
        dev = VirtualDevice(
            self.state.ieee,
            manufacturer=MFG_STRING.decode(),
            model=MFG_BOARD_NAME.decode(),
            endpoints=self.endpoints or [Endpoint(1)],
            manufacturer_code=SILABS_MANUFACTURER_CODE,
            logical_type=zdo_t.LogicalType.Coordinator,
        )
        dev.nwk = zt.NWK(COORDINATOR_NWK)
        return dev

    def _deliver_replies(self, sender: int, replies: list[Reply]) -> None:
        for reply in replies:
            self.emit(
                "incomingMessageHandler",
                type=t.EmberIncomingMessageType.INCOMING_UNICAST,
                apsFrame=t.EmberApsFrame(
                    profileId=reply.profile_id,
                    clusterId=reply.cluster_id,
                    sourceEndpoint=reply.src_ep,
                    destinationEndpoint=reply.dst_ep,
                    options=t.EmberApsOption.APS_OPTION_NONE,
                    groupId=0,
                    sequence=self._next_aps_seq(),
                ),
                lastHopLqi=255,
                lastHopRssi=-40,
                sender=sender,
                bindingIndex=0xFF,
                addressIndex=0xFF,
                messageContents=reply.payload,
            )

    def _cmd_sendUnicast(
        self,
        type: t.EmberOutgoingMessageType,
        indexOrDestination: int,
        apsFrame: t.EmberApsFrame,
        messageTag: int,
        messageContents: bytes,
    ) -> dict[str, Any]:
        if not self.stack_up:
            return {"status": t.EmberStatus.NETWORK_DOWN, "sequence": 0}
        dest = int(indexOrDestination)
        seq = self._next_aps_seq()
        delivered = True
        replies: list[Reply] = []
        leave = False
        target: VirtualDevice | None
        if dest == COORDINATOR_NWK:
            target = self._coordinator_device()
        else:
            target = self._device_by_nwk(dest)
        if target is None or target.ieee in self._silent or not target.responsive:
            delivered = False
        else:
            replies, leave = target.handle(
                apsFrame.profileId,
                apsFrame.clusterId,
                apsFrame.sourceEndpoint,
                apsFrame.destinationEndpoint,
                bytes(messageContents),
            )
        self.emit(
            "messageSentHandler",
            type=type,
            indexOrDestination=dest,
            apsFrame=apsFrame,
            messageTag=messageTag,
            status=t.EmberStatus.SUCCESS
            if delivered
            else t.EmberStatus.DELIVERY_FAILED,
            messageContents=b"",
        )
        self._deliver_replies(dest, replies)
        if leave and target is not None and dest != COORDINATOR_NWK:
            self._device_left(target, source="mgmt_leave")
        return {"status": t.EmberStatus.SUCCESS, "sequence": seq}

    def _cmd_sendBroadcast(
        self,
        destination: int,
        apsFrame: t.EmberApsFrame,
        radius: int,
        messageTag: int,
        messageContents: bytes,
    ) -> dict[str, Any]:
        return self._sent_to_nobody(
            t.EmberOutgoingMessageType.OUTGOING_BROADCAST,
            destination,
            apsFrame,
            messageTag,
        )

    def _cmd_sendMulticast(
        self,
        apsFrame: t.EmberApsFrame,
        hops: int,
        nonmemberRadius: int,
        messageTag: int,
        messageContents: bytes,
    ) -> dict[str, Any]:
        return self._sent_to_nobody(
            t.EmberOutgoingMessageType.OUTGOING_MULTICAST,
            apsFrame.groupId,
            apsFrame,
            messageTag,
        )

    def _sent_to_nobody(
        self,
        kind: t.EmberOutgoingMessageType,
        destination: int,
        apsFrame: t.EmberApsFrame,
        messageTag: int,
    ) -> dict[str, Any]:
        """Send a broadcast or multicast no device answers: a sequence, then
        ``messageSentHandler`` (NETWORK_DOWN while the stack is down)."""
        if not self.stack_up:
            return {"status": t.EmberStatus.NETWORK_DOWN, "sequence": 0}
        seq = self._next_aps_seq()
        self.emit(
            "messageSentHandler",
            type=kind,
            indexOrDestination=destination,
            apsFrame=apsFrame,
            messageTag=messageTag,
            status=t.EmberStatus.SUCCESS,
            messageContents=b"",
        )
        return {"status": t.EmberStatus.SUCCESS, "sequence": seq}
