"""EZSP network commands of the virtual NCP: formation, resume, leave, scan, permit.

Rules: forming and leaving are saved to the state file at once; the stack
reports ``stackStatusHandler`` after the response; the network resumes
(``networkInit``) only when one was formed; permit requests go to the
shared trust-center model and are refused while the stack is down.
"""

# Command handlers are named after EZSP frames and take the schema's field names.
# ruff: noqa: N802, N803

from __future__ import annotations

from typing import Any

import bellows.types as t
import zigpy.types as zt

from virtual_coordinator.network.joins import COORDINATOR_NWK

from .dispatch import FrameDispatch


class NetworkCommands(FrameDispatch):
    """Network state, parameters, formation and the permit window."""

    def _network_parameters(self) -> t.EmberNetworkParameters:
        s = self.state
        return t.EmberNetworkParameters(
            extendedPanId=t.ExtendedPanId(s.extended_pan_id),
            panId=s.pan_id,
            radioTxPower=s.tx_power,
            radioChannel=s.channel,
            joinMethod=t.EmberJoinMethod.USE_MAC_ASSOCIATION,
            nwkManagerId=s.nwk_manager_id,
            nwkUpdateId=s.nwk_update_id,
            channels=t.Channels(s.channels),
        )

    def _cmd_networkState(self) -> dict[str, Any]:
        status = (
            t.EmberNetworkStatus.JOINED_NETWORK
            if self.stack_up
            else t.EmberNetworkStatus.NO_NETWORK
        )
        return {"status": status}

    def _network_init(self) -> t.EmberStatus:
        if not self.state.formed:
            return t.EmberStatus.NOT_JOINED
        self.stack_up = True
        self.trust_center.log("network_up", pan_id=self.state.pan_id, resumed=True)
        self.emit("stackStatusHandler", status=t.EmberStatus.NETWORK_UP)
        return t.EmberStatus.SUCCESS

    def _cmd_networkInit(self, networkInitBitmask: int) -> dict[str, Any]:
        return {"status": self._network_init()}

    def _cmd_networkInitExtended(self, networkInitStruct: int) -> dict[str, Any]:
        return {"status": self._network_init()}

    def _cmd_getNetworkParameters(self) -> dict[str, Any]:
        if not self.state.formed:
            return self._error_response(
                "getNetworkParameters", t.EmberStatus.NOT_JOINED
            )
        return {
            "status": t.EmberStatus.SUCCESS,
            "nodeType": t.EmberNodeType.COORDINATOR,
            "parameters": self._network_parameters(),
        }

    def _cmd_getNodeId(self) -> dict[str, Any]:
        return {"nodeId": COORDINATOR_NWK if self.stack_up else 0xFFFE}

    def _cmd_getEui64(self) -> dict[str, Any]:
        return {"eui64": self.state.ieee}

    def _cmd_getParentChildParameters(self) -> dict[str, Any]:
        return {
            "childCount": 0,
            "parentEui64": zt.EUI64.convert("00:00:00:00:00:00:00:00"),
            "parentNodeId": 0xFFFF,
        }

    def _cmd_setInitialSecurityState(
        self, state: t.EmberInitialSecurityState
    ) -> dict[str, Any]:
        s = self.state
        s.security_bitmask = int(state.bitmask)
        s.network_key = zt.KeyData(state.networkKey)
        s.network_key_seq = int(state.networkKeySequenceNumber)
        s.tc_link_key = zt.KeyData(state.preconfiguredKey)
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_formNetwork(self, parameters: t.EmberNetworkParameters) -> dict[str, Any]:
        s = self.state
        s.formed = True
        s.pan_id = int(parameters.panId)
        s.extended_pan_id = zt.EUI64(parameters.extendedPanId)
        s.channel = int(parameters.radioChannel)
        s.channels = int(parameters.channels)
        s.tx_power = int(parameters.radioTxPower)
        s.nwk_manager_id = int(parameters.nwkManagerId)
        s.nwk_update_id = int(parameters.nwkUpdateId)
        s.devices.clear()
        self.stack_up = True
        self.save_state()
        self.trust_center.log(
            "network_formed",
            pan_id=s.pan_id,
            extended_pan_id=str(s.extended_pan_id),
            channel=s.channel,
        )
        self.emit("stackStatusHandler", status=t.EmberStatus.NETWORK_UP)
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_leaveNetwork(self) -> dict[str, Any]:
        if not self.stack_up:
            return {"status": t.EmberStatus.INVALID_CALL}
        self.state.formed = False
        self.state.devices.clear()
        for device in self.devices.values():
            device.joined = False
        self.stack_up = False
        self.save_state()
        self.trust_center.log("network_left")
        self.emit("stackStatusHandler", status=t.EmberStatus.NETWORK_DOWN)
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_startScan(
        self, scanType: int, channelMask: int, duration: int
    ) -> dict[str, Any]:
        if scanType == t.EzspNetworkScanType.ENERGY_SCAN:
            for channel in range(11, 27):
                if int(channelMask) & (1 << channel):
                    self.emit(
                        "energyScanResultHandler",
                        channel=channel,
                        maxRssiValue=-90 + (channel % 5),
                    )
        self.emit("scanCompleteHandler", channel=0, status=t.EmberStatus.SUCCESS)
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_permitJoining(self, duration: int) -> dict[str, Any]:
        if not self.stack_up:
            return {"status": t.EmberStatus.NOT_JOINED}
        self.trust_center.permit(int(duration))
        return {"status": t.EmberStatus.SUCCESS}
