"""The MT ZDO callbacks Z-Stack sends for ZDO traffic, in TI's documented layouts.

Rules (Z-Stack Monitor and Test API, ``MT_ZDO.c``):

- A ZDO response that reaches the coordinator is sent to the host twice: as
  its dedicated ``ZDO_*_RSP`` callback (the "direct callback": CMD1 is
  ``0x80`` plus the low byte of the response cluster, the payload the source
  address then the ZDO response without its sequence number) and as
  ``ZDO_MSG_CB_INCOMING``. zigpy-znp reads the second, zigbee-herdsman the
  first. (Z-Stack sends the second only for clusters registered with
  ``ZDO_MSG_CB_REGISTER``, which zigpy-znp does for all and zigbee-herdsman
  for none; the emulator sends it always, and zigbee-herdsman ignores it.)
- ``ZDO_NWK_ADDR_RSP`` and ``ZDO_IEEE_ADDR_RSP`` carry no source address, and
  put the start index before the number of associated devices.
- A device announcement also gives ``ZDO_END_DEVICE_ANNCE_IND``
  {SrcAddr, NwkAddr, IEEEAddr, Capabilities}.
- Frames built here are raw MT frames; each must parse under zigpy-znp's own
  definitions (the regression tests check that).
"""

from __future__ import annotations

from dataclasses import dataclass

import zigpy.zdo.types as zdo_t
from zigpy_znp.frames import GeneralFrame
import zigpy_znp.types as t

ZDO_AREQ = (
    t.CommandHeader(0).with_type(t.CommandType.AREQ).with_subsystem(t.Subsystem.ZDO)
)
ZDO_SRSP = (
    t.CommandHeader(0).with_type(t.CommandType.SRSP).with_subsystem(t.Subsystem.ZDO)
)
END_DEVICE_ANNCE_IND = 0xC1
# Responses whose direct callback Z-Stack's MT_ZdoDirectCB sends
DIRECT_CALLBACK_CLUSTERS = frozenset(
    {
        zdo_t.ZDOCmd.NWK_addr_rsp,
        zdo_t.ZDOCmd.IEEE_addr_rsp,
        zdo_t.ZDOCmd.Node_Desc_rsp,
        zdo_t.ZDOCmd.Power_Desc_rsp,
        zdo_t.ZDOCmd.Simple_Desc_rsp,
        zdo_t.ZDOCmd.Active_EP_rsp,
        zdo_t.ZDOCmd.Match_Desc_rsp,
        zdo_t.ZDOCmd.Bind_rsp,
        zdo_t.ZDOCmd.Unbind_rsp,
        zdo_t.ZDOCmd.Mgmt_Lqi_rsp,
        zdo_t.ZDOCmd.Mgmt_Rtg_rsp,
        zdo_t.ZDOCmd.Mgmt_Bind_rsp,
        zdo_t.ZDOCmd.Mgmt_Leave_rsp,
        zdo_t.ZDOCmd.Mgmt_Permit_Joining_rsp,
        zdo_t.ZDOCmd.Mgmt_NWK_Update_rsp,
    }
)


@dataclass(frozen=True)
class RawCommand:
    """An MT frame given as its header and payload bytes."""

    header: t.CommandHeader
    data: bytes

    def to_frame(self, *, align: bool = True) -> GeneralFrame:
        return GeneralFrame(self.header, t.Bytes(self.data))


def direct_callbacks(src: int, cluster: int, payload: bytes) -> list[RawCommand]:
    """The direct callbacks of a ZDO frame from ``src`` (payload without TSN)."""
    if cluster == zdo_t.ZDOCmd.Device_annce:
        return [
            RawCommand(
                ZDO_AREQ.with_id(END_DEVICE_ANNCE_IND),
                src.to_bytes(2, "little") + payload,
            )
        ]
    if cluster not in DIRECT_CALLBACK_CLUSTERS:
        return []
    header = ZDO_AREQ.with_id(0x80 | (cluster & 0xFF))
    if cluster in (zdo_t.ZDOCmd.NWK_addr_rsp, zdo_t.ZDOCmd.IEEE_addr_rsp):
        # Status, IEEE, NWK, then StartIndex before NumAssocDev
        body = bytearray(payload)
        if len(body) >= 13:
            body[11], body[12] = body[12], body[11]
        elif len(body) == 11:
            body += b"\x00\x00"  # no associated-device part: none of them
        return [RawCommand(header, bytes(body))]
    return [RawCommand(header, src.to_bytes(2, "little") + payload)]
