"""EZSP security commands of the virtual NCP: keys, transient keys, security state.

Rules: transient keys go to the shared trust-center model (``TABLE_FULL`` /
``FULL`` when its table is full, nothing stored); keys are exported only as
EmberZNet does to its host (the network and trust-center link keys once a
network is formed), never logged or recorded; the key table is empty.
"""

# Command handlers are named after EZSP frames and take the schema's field names.
# ruff: noqa: N802, N803

from __future__ import annotations

from typing import Any

import bellows.types as t
import zigpy.types as zt

from .constants import HASHED_TCLK
from .dispatch import FrameDispatch


class SecurityCommands(FrameDispatch):
    """Key handling of ``VirtualCoordinator``."""

    def _key_struct(self, key_type: t.EmberKeyType) -> t.EmberKeyStruct:
        s = self.state
        bitmask = (
            t.EmberKeyStructBitmask.KEY_HAS_SEQUENCE_NUMBER
            | t.EmberKeyStructBitmask.KEY_HAS_OUTGOING_FRAME_COUNTER
        )
        if key_type == t.EmberKeyType.CURRENT_NETWORK_KEY:
            return t.EmberKeyStruct(
                bitmask=bitmask,
                type=key_type,
                key=s.network_key,
                outgoingFrameCounter=s.nwk_frame_counter,
                incomingFrameCounter=0,
                sequenceNumber=s.network_key_seq,
                partnerEUI64=zt.EUI64.convert("00:00:00:00:00:00:00:00"),
            )
        return t.EmberKeyStruct(
            bitmask=bitmask | t.EmberKeyStructBitmask.KEY_HAS_PARTNER_EUI64,
            type=key_type,
            key=s.tc_link_key,
            outgoingFrameCounter=s.aps_frame_counter,
            incomingFrameCounter=0,
            sequenceNumber=0,
            partnerEUI64=s.ieee,
        )

    def _cmd_getKey(self, keyType: t.EmberKeyType) -> dict[str, Any]:
        if not self.state.formed or keyType not in (
            t.EmberKeyType.CURRENT_NETWORK_KEY,
            t.EmberKeyType.TRUST_CENTER_LINK_KEY,
        ):
            return self._error_response("getKey", t.EmberStatus.KEY_INVALID)
        return {"status": t.EmberStatus.SUCCESS, "keyStruct": self._key_struct(keyType)}

    def _cmd_getCurrentSecurityState(self) -> dict[str, Any]:
        bitmask = (
            t.EmberCurrentSecurityBitmask.GLOBAL_LINK_KEY
            | t.EmberCurrentSecurityBitmask.HAVE_TRUST_CENTER_LINK_KEY
        )
        if self.state.security_bitmask & HASHED_TCLK == HASHED_TCLK:
            bitmask |= t.EmberCurrentSecurityBitmask.TRUST_CENTER_USES_HASHED_LINK_KEY
        status = (
            t.EmberStatus.SUCCESS if self.state.formed else t.EmberStatus.NOT_JOINED
        )
        return {
            "status": status,
            "state": t.EmberCurrentSecurityState(
                bitmask=bitmask, trustCenterLongAddress=self.state.ieee
            ),
        }

    def _cmd_clearKeyTable(self) -> dict[str, Any]:
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_getKeyTableEntry(self, index: int) -> dict[str, Any]:
        size = self.config.get(int(t.EzspConfigId.CONFIG_KEY_TABLE_SIZE), 0)
        status = (
            t.EmberStatus.NOT_FOUND
            if index < size
            else t.EmberStatus.INDEX_OUT_OF_RANGE
        )
        return self._error_response("getKeyTableEntry", status)

    def _cmd_findKeyTableEntry(
        self, address: zt.EUI64, linkKey: bool
    ) -> dict[str, Any]:
        return {"index": 0xFF}

    def _cmd_eraseKeyTableEntry(self, index: int) -> dict[str, Any]:
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_addOrUpdateKeyTableEntry(self, **kw: Any) -> dict[str, Any]:
        return {"status": t.EmberStatus.SUCCESS}

    def _cmd_addTransientLinkKey(
        self, partner: zt.EUI64, transientKey: zt.KeyData
    ) -> dict[str, Any]:
        ok = self.trust_center.add_transient_key(partner, transientKey)
        return {"status": t.EmberStatus.SUCCESS if ok else t.EmberStatus.TABLE_FULL}

    def _cmd_importTransientKey(
        self, eui64: zt.EUI64, plaintext_key: zt.KeyData, flags: int
    ) -> dict[str, Any]:
        ok = self.trust_center.add_transient_key(eui64, plaintext_key)
        return {"status": t.sl_Status.OK if ok else t.sl_Status.FULL}

    def _cmd_clearTransientLinkKeys(self) -> dict[str, Any]:
        self.trust_center.clear_transient_keys()
        return {}

    def _transient_v8(self, entry: Any) -> t.EmberTransientKeyDataV8:
        remaining = max(0, int(entry.expires_at - self.trust_center.clock()))
        return t.EmberTransientKeyDataV8(
            eui64=entry.ieee,
            keyData=entry.key,
            bitmask=t.EmberKeyStructBitmask.KEY_HAS_KEY_DATA,
            remainingTimeSeconds=min(remaining, 0xFFFF),
        )

    def _cmd_getTransientLinkKey(self, eui64: zt.EUI64) -> dict[str, Any]:
        entry = self.trust_center.transient_key(eui64)
        if entry is None:
            return self._error_response("getTransientLinkKey", t.EmberStatus.NOT_FOUND)
        return {
            "status": t.EmberStatus.SUCCESS,
            "transient_key_data": self._transient_v8(entry),
        }

    def _cmd_getTransientKeyTableEntry(self, index: int) -> dict[str, Any]:
        keys = self.trust_center.transient_keys()
        if index >= len(keys):
            return self._error_response(
                "getTransientKeyTableEntry", t.EmberStatus.NOT_FOUND
            )
        return {
            "status": t.EmberStatus.SUCCESS,
            "transient_key_data": self._transient_v8(keys[index]),
        }

    # v13 security manager
    def _cmd_exportKey(self, context: Any) -> dict[str, Any]:
        if context.core_key_type == t.SecurityManagerKeyType.NETWORK:
            return {"key": self.state.network_key, "status": t.sl_Status.OK}
        if context.core_key_type == t.SecurityManagerKeyType.TC_LINK:
            return {"key": self.state.tc_link_key, "status": t.sl_Status.OK}
        return {"key": zt.KeyData(bytes(16)), "status": t.sl_Status.NOT_FOUND}

    def _cmd_getNetworkKeyInfo(self) -> dict[str, Any]:
        return {
            "status": t.sl_Status.OK,
            "network_key_info": t.SecurityManagerNetworkKeyInfo(
                network_key_set=self.state.formed,
                alternate_network_key_set=False,
                network_key_sequence_number=self.state.network_key_seq,
                alt_network_key_sequence_number=0,
                network_key_frame_counter=self.state.nwk_frame_counter,
            ),
        }

    def _cmd_exportLinkKeyByIndex(self, index: int) -> dict[str, Any]:
        return self._error_response("exportLinkKeyByIndex", t.sl_Status.NOT_FOUND)

    def _cmd_importLinkKey(
        self, index: int, address: zt.EUI64, key: zt.KeyData
    ) -> dict[str, Any]:
        return {"status": t.sl_Status.OK}

    def _cmd_exportTransientKeyByEui(self, eui64: zt.EUI64) -> dict[str, Any]:
        entry = self.trust_center.transient_key(eui64)
        out = self._error_response(
            "exportTransientKeyByEui",
            t.sl_Status.NOT_FOUND if entry is None else t.sl_Status.OK,
        )
        if entry is not None:
            out["plaintext_key"] = entry.key
        return out

    def _cmd_tokenFactoryReset(
        self, excludeOutgoingFC: bool, excludeBootCounter: bool
    ) -> dict[str, Any]:
        return {}
