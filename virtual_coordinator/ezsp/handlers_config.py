"""EZSP configuration and value commands of the virtual NCP.

Rules: like EmberZNet, ``setConfigurationValue`` answers
``EZSP_ERROR_INVALID_CALL`` once the stack is up, while
``getConfigurationValue`` and ``getPolicy`` always answer; the
trust-center policy goes to the shared trust-center model; ``addEndpoint``
splits the cluster lists by ``inputClusterCount``; there are no vendor
extensions (``customFrame`` answers an error status and is recorded).
"""

# Command handlers are named after EZSP frames and take the schema's field names.
# ruff: noqa: N802, N803, N815

from __future__ import annotations

from typing import Any

import bellows.types as t

from virtual_coordinator.network.device import Endpoint

from .constants import (
    MFG_BOARD_NAME,
    MFG_STRING,
    STACK_VERSIONS,
    VERSION_INFO,
    VERSION_TYPE_GA,
)
from .dispatch import FrameDispatch


class ConfigCommands(FrameDispatch):
    """Version, configuration, values, policies, endpoints, tokens, radio."""

    def _cmd_version(self, desiredProtocolVersion: int) -> dict[str, Any]:
        return {
            "protocolVersion": self.ezsp_version,
            "stackType": 2,
            "stackVersion": STACK_VERSIONS[self.ezsp_version],
        }

    def _cmd_nop(self) -> dict[str, Any]:
        return {}

    def _cmd_getValue(self, valueId: t.EzspValueId) -> dict[str, Any]:
        if valueId == t.EzspValueId.VALUE_VERSION_INFO:
            major, minor, patch, special, build = VERSION_INFO[self.ezsp_version]
            # EmberVersion: build, major, minor, patch, special, then the
            # version type (0xAA: general availability); zigbee-herdsman reads all 7.
            value = build.to_bytes(2, "little") + bytes(
                [major, minor, patch, special, VERSION_TYPE_GA]
            )
            return {"status": t.EzspStatus.SUCCESS, "value": value}
        if valueId == t.EzspValueId.VALUE_FREE_BUFFERS:
            return {"status": t.EzspStatus.SUCCESS, "value": bytes([200])}
        if int(valueId) in self.values:
            return {"status": t.EzspStatus.SUCCESS, "value": self.values[int(valueId)]}
        return {"status": t.EzspStatus.ERROR_INVALID_ID, "value": b""}

    def _cmd_getExtendedValue(
        self, valueId: t.EzspExtendedValueId, characteristics: int
    ) -> dict[str, Any]:
        if valueId == t.EzspExtendedValueId.EXTENDED_VALUE_ENDPOINT_FLAGS:
            # characteristics is the endpoint; flags bit 0: endpoint enabled
            if any(ep.endpoint_id == characteristics for ep in self.endpoints):
                return {"status": t.EzspStatus.SUCCESS, "value": b"\x01\x00"}
            return {"status": t.EzspStatus.ERROR_INVALID_VALUE, "value": bytes(2)}
        if valueId == t.EzspExtendedValueId.EXTENDED_VALUE_GET_SOURCE_ROUTE_OVERHEAD:
            # characteristics is the destination's node id; no source routes here
            return {"status": t.EzspStatus.SUCCESS, "value": b"\x00"}
        return {"status": t.EzspStatus.ERROR_INVALID_ID, "value": b""}

    def _cmd_setValue(self, valueId: t.EzspValueId, value: bytes) -> dict[str, Any]:
        self.values[int(valueId)] = bytes(value)
        if valueId == t.EzspValueId.VALUE_NWK_FRAME_COUNTER:
            self.state.nwk_frame_counter = int.from_bytes(value, "little")
        elif valueId == t.EzspValueId.VALUE_APS_FRAME_COUNTER:
            self.state.aps_frame_counter = int.from_bytes(value, "little")
        return {"status": t.EzspStatus.SUCCESS}

    def _cmd_getConfigurationValue(self, configId: t.EzspConfigId) -> dict[str, Any]:
        return {
            "status": t.EzspStatus.SUCCESS,
            "value": self.config.get(int(configId), 0),
        }

    def _cmd_setConfigurationValue(
        self, configId: t.EzspConfigId, value: int
    ) -> dict[str, Any]:
        if self.stack_up:
            # EmberZNet takes configuration values only before the stack starts.
            return {"status": t.EzspStatus.ERROR_INVALID_CALL}
        self.config[int(configId)] = int(value)
        if configId == t.EzspConfigId.CONFIG_TRANSIENT_KEY_TIMEOUT_S:
            self.trust_center.key_timeout_s = int(value)
        return {"status": t.EzspStatus.SUCCESS}

    def _cmd_setPolicy(
        self, policyId: t.EzspPolicyId, decisionId: int
    ) -> dict[str, Any]:
        self.policies[int(policyId)] = int(decisionId)
        if policyId == t.EzspPolicyId.TRUST_CENTER_POLICY:
            self.trust_center.set_policy(int(decisionId))
        return {"status": t.EzspStatus.SUCCESS}

    def _cmd_getPolicy(self, policyId: t.EzspPolicyId) -> dict[str, Any]:
        if policyId == t.EzspPolicyId.TRUST_CENTER_POLICY:
            value = self.trust_center.policy
        else:
            value = self.policies.get(int(policyId), 0)
        return {"status": t.EzspStatus.SUCCESS, "decisionId": t.EzspDecisionId(value)}

    def _cmd_addEndpoint(self, **kw: Any) -> dict[str, Any]:
        # bellows' schema decodes the first cluster list greedily (it takes
        # every cluster); the counts say where the input list ends.
        clusters = [*kw["inputClusterList"], *kw["outputClusterList"]]
        n_in, n_out = int(kw["inputClusterCount"]), int(kw["outputClusterCount"])
        if len(clusters) != n_in + n_out:
            return {"status": t.EzspStatus.ERROR_INVALID_VALUE}
        self.endpoints.append(
            Endpoint(
                endpoint_id=kw["endpoint"],
                device_type=kw["deviceId"],
                input_clusters=clusters[:n_in],
                output_clusters=clusters[n_in:],
                profile_id=kw["profileId"],
                device_version=kw["deviceVersion"],
            )
        )
        return {"status": t.EzspStatus.SUCCESS}

    def _cmd_getMfgToken(self, tokenId: t.EzspMfgTokenId) -> dict[str, Any]:
        if tokenId == t.EzspMfgTokenId.MFG_STRING:
            data = MFG_STRING.ljust(16, b"\xff")
        elif tokenId == t.EzspMfgTokenId.MFG_BOARD_NAME:
            data = MFG_BOARD_NAME.ljust(16, b"\xff")
        elif tokenId == t.EzspMfgTokenId.MFG_CUSTOM_EUI_64:
            data = b"\xff" * 8
        else:
            data = b"\xff" * 2
        return {"tokenData": data}

    def _cmd_setManufacturerCode(self, code: int) -> dict[str, Any]:
        return {}

    def _cmd_setRadioPower(self, power: int) -> dict[str, Any]:
        self.state.tx_power = int(power) & 0xFF
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_readCounters(self) -> dict[str, Any]:
        return {"values": [0] * len(t.EmberCounterType)}

    _cmd_readAndClearCounters = _cmd_readCounters

    def _cmd_setConcentrator(self, **kw: Any) -> dict[str, Any]:
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_setSourceRouteDiscoveryMode(self, mode: int) -> dict[str, Any]:
        return {"remainingTime": 0}

    def _cmd_setSourceRoute(
        self, destination: int, relayList: list[int]
    ) -> dict[str, Any]:
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_customFrame(self, payload: bytes) -> dict[str, Any]:
        # No vendor extensions (XNCP): answer with an error status
        self.trust_center.log(
            "custom_frame", payload=bytes(payload).hex(), supported=False
        )
        return {"status": t.EmberStatus.INVALID_CALL, "reply": b""}

    def _cmd_getTokenData(self, token: int, index: int) -> Any:
        return {"status": t.EmberStatus.ERR_FATAL, "value": b""}
