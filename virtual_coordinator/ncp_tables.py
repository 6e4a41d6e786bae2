"""EZSP table, addressing and messaging commands of the virtual NCP."""

# Command handlers are named after EZSP frames and take the schema's field names.
# ruff: noqa: N802, N803

from __future__ import annotations

from typing import Any

import bellows.types as t
import zigpy.types as zt
import zigpy.zdo.types as zdo_t

from .constants import (
    COORDINATOR_NWK,
    MFG_BOARD_NAME,
    MFG_STRING,
    SILABS_MANUFACTURER_CODE,
)
from .device import Endpoint, Reply, VirtualDevice


class TableCommands:
    """Tables, addressing and messaging of ``VirtualCoordinator``."""

    def _cmd_getChildData(self, index: int) -> dict[str, Any]:
        return self._error_response("getChildData", t.EmberStatus.NOT_JOINED)

    def _cmd_setChildData(self, index: int, child_data: Any) -> dict[str, Any]:
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_getAddressTableRemoteNodeId(
        self, addressTableIndex: int
    ) -> dict[str, Any]:
        return {"nodeId": 0xFFFF}

    def _cmd_getAddressTableRemoteEui64(self, addressTableIndex: int) -> dict[str, Any]:
        return {"eui64": zt.EUI64.convert("00:00:00:00:00:00:00:00")}

    def _cmd_replaceAddressTableEntry(self, **kw: Any) -> dict[str, Any]:
        return {
            "status": t.EmberStatus.SUCCESS,
            "oldEui64": zt.EUI64.convert("00:00:00:00:00:00:00:00"),
            "oldId": 0xFFFF,
            "oldExtendedTimeout": t.Bool.false,
        }

    def _cmd_getMulticastTableEntry(self, index: int) -> dict[str, Any]:
        return {
            "status": t.EmberStatus.SUCCESS,
            "value": t.EmberMulticastTableEntry(
                multicastId=0, endpoint=0, networkIndex=0
            ),
        }

    def _cmd_setMulticastTableEntry(self, index: int, value: Any) -> dict[str, Any]:
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_getExtendedTimeout(self, remoteEui64: zt.EUI64) -> dict[str, Any]:
        return {
            "extendedTimeout": t.Bool(self.extended_timeouts.get(remoteEui64, False))
        }

    def _cmd_setExtendedTimeout(
        self, remoteEui64: zt.EUI64, extendedTimeout: bool
    ) -> dict[str, Any]:
        self.extended_timeouts[remoteEui64] = bool(extendedTimeout)
        return {}

    def _device_by_nwk(self, nwk: int) -> VirtualDevice | None:
        for device in self.devices.values():
            if device.nwk == nwk and (device.joined or device.ieee in self._silent):
                return device
        return None

    def _cmd_lookupNodeIdByEui64(self, eui64: zt.EUI64) -> dict[str, Any]:
        device = self.devices.get(eui64)
        if device is not None and device.joined and device.nwk is not None:
            return {"nodeId": device.nwk}
        return {"nodeId": 0xFFFF}

    def _cmd_lookupEui64ByNodeId(self, nodeId: int) -> dict[str, Any]:
        if nodeId == COORDINATOR_NWK:
            return {"status": t.EmberStatus.SUCCESS, "eui64": self.state.ieee}
        device = self._device_by_nwk(nodeId)
        if device is None:
            return self._error_response("lookupEui64ByNodeId", t.EmberStatus.ERR_FATAL)
        return {"status": t.EmberStatus.SUCCESS, "eui64": device.ieee}

    def _cmd_removeDevice(
        self, destShort: int, destLong: zt.EUI64, targetLong: zt.EUI64
    ) -> dict[str, Any]:
        device = self.devices.get(targetLong)
        if device is not None and device.joined:
            self._device_left(device, source="remove_device")
        return {"status": t.EmberStatus.SUCCESS}

    def _next_aps_seq(self) -> int:
        self._aps_seq = (self._aps_seq + 1) % 256
        return self._aps_seq

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
        if not self.stack_up:
            return {"status": t.EmberStatus.NETWORK_DOWN, "sequence": 0}
        seq = self._next_aps_seq()
        self.emit(
            "messageSentHandler",
            type=t.EmberOutgoingMessageType.OUTGOING_BROADCAST,
            indexOrDestination=destination,
            apsFrame=apsFrame,
            messageTag=messageTag,
            status=t.EmberStatus.SUCCESS,
            messageContents=b"",
        )
        return {"status": t.EmberStatus.SUCCESS, "sequence": seq}

    def _cmd_sendMulticast(
        self,
        apsFrame: t.EmberApsFrame,
        hops: int,
        nonmemberRadius: int,
        messageTag: int,
        messageContents: bytes,
    ) -> dict[str, Any]:
        if not self.stack_up:
            return {"status": t.EmberStatus.NETWORK_DOWN, "sequence": 0}
        seq = self._next_aps_seq()
        self.emit(
            "messageSentHandler",
            type=t.EmberOutgoingMessageType.OUTGOING_MULTICAST,
            indexOrDestination=apsFrame.groupId,
            apsFrame=apsFrame,
            messageTag=messageTag,
            status=t.EmberStatus.SUCCESS,
            messageContents=b"",
        )
        return {"status": t.EmberStatus.SUCCESS, "sequence": seq}
