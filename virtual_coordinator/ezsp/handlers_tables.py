"""EZSP table and addressing commands of the virtual NCP.

Rules: the child, address and multicast tables are empty (every device is
reached through its NWK address); lookups answer from the joined devices;
``removeDevice`` makes a joined device leave, reported as it leaves.
"""

# Command handlers are named after EZSP frames and take the schema's field names.
# ruff: noqa: N802, N803

from __future__ import annotations

from typing import Any

import bellows.types as t
import zigpy.types as zt

from virtual_coordinator.network.joins import COORDINATOR_NWK

from .dispatch import FrameDispatch


class TableCommands(FrameDispatch):
    """Child, address, multicast and timeout tables; address lookups."""

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
