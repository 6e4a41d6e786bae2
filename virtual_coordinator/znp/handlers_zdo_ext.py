"""MT ZDO requests beyond zigpy-znp's: per-cluster ZDO requests, start-up, groups.

Rules (Z-Stack Monitor and Test API; zigbee-herdsman's zstack adapter uses
these, zigpy-znp does not):

- A per-cluster ZDO request (``ZDO_ACTIVE_EP_REQ`` and the like; CMD1 is the
  ZDO cluster) carries the destination address, then the ZDO request
  payload. Its SRSP is SUCCESS once the request is sent; the answer comes
  later as callbacks (see ``mt_zdo``), from the device or, for address 0,
  from the coordinator itself. ``ZDO_NWK_ADDR_REQ`` has no destination: it is
  broadcast and answered by the device that has the IEEE address.
- ``ZDO_STARTUP_FROM_APP`` starts the stack: a network in NVRAM is restored
  (State 0), otherwise one is formed from the commissioning items (State 1);
  either way ``ZDO_STATE_CHANGE_IND`` DEV_ZB_COORD follows.
- ``ZDO_EXT_NWK_INFO`` reports the coordinator's address, state, PAN IDs,
  parent and logical channel.
- ``ZDO_EXT_FIND_GROUP`` answers an ``aps_Group_t`` (ID, then a 16-byte name
  whose first byte is its length) after the status, FAILURE when there is no
  such group; ``ZDO_EXT_ADD_GROUP`` adds one (``APS_DUPLICATE_ENTRY`` if it is
  there). The group table is kept in NVRAM.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import zigpy.zdo.types as zdo_t
import zigpy_znp.commands as c
import zigpy_znp.types as t

from virtual_coordinator.network.joins import COORDINATOR_NWK

from .mt_zdo import ZDO_SRSP, RawCommand
from .registry import handles

if TYPE_CHECKING:
    from .surface import ZnpCoordinatorSurface

BROADCASTS = range(0xFFF8, 0x10000)
GROUP_NAME_LENGTH = 16  # APS_GROUP_NAME_LEN: the length byte and 15 characters
# Requests whose payload is the destination address, then the ZDO request
UNICAST_REQUESTS = (
    c.ZDO.IEEEAddrReq,
    c.ZDO.NodeDescReq,
    c.ZDO.PowerDescReq,
    c.ZDO.SimpleDescReq,
    c.ZDO.ActiveEpReq,
    c.ZDO.MatchDescReq,
    c.ZDO.BindReq,
    c.ZDO.UnBindReq,
    c.ZDO.MgmtLqiReq,
    c.ZDO.MgmtRtgReq,
    c.ZDO.MgmtBindReq,
    c.ZDO.MgmtLeaveReq,
)


class ZdoExtHandlers:
    """ZDO requests by cluster, start-up from the application, groups."""

    @handles(*UNICAST_REQUESTS)
    def _zdo_unicast(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        raw = bytes(req.to_frame(align=True).data)
        cluster = int(req.header.id)
        if cluster == zdo_t.ZDOCmd.IEEE_addr_req:
            dst, payload = int.from_bytes(raw[:2], "little"), raw
        else:
            dst, payload = int.from_bytes(raw[:2], "little"), raw[2:]
        out: list[Any] = [req.Rsp(Status=t.Status.SUCCESS)]
        data = bytes([self.next_zdo_tsn()]) + payload
        if dst == COORDINATOR_NWK:
            out.extend(self._own_zdo(cluster, data))
        elif dst in BROADCASTS:
            self.broadcast_zdo(cluster, data)
        else:
            out.extend(
                self.deliver(
                    dst, profile=0, cluster=cluster, src_ep=0, dst_ep=0, data=data
                )
            )
        return out

    @handles(c.ZDO.NwkAddrReq)
    def _nwk_addr(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        out: list[Any] = [c.ZDO.NwkAddrReq.Rsp(Status=t.Status.SUCCESS)]
        payload = bytes(req.to_frame(align=True).data)
        data = bytes([self.next_zdo_tsn()]) + payload
        device = self.devices.get(req.IEEE)
        if self.nv.ieee == req.IEEE:
            out.extend(self._own_zdo(zdo_t.ZDOCmd.NWK_addr_req, data))
        elif device is not None and device.joined and device.nwk is not None:
            out.extend(
                self.deliver(
                    int(device.nwk),
                    profile=0,
                    cluster=zdo_t.ZDOCmd.NWK_addr_req,
                    src_ep=0,
                    dst_ep=0,
                    data=data,
                )
            )
        return out

    @handles(c.ZDO.StartupFromApp)
    def _startup_from_app(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        state = c.zdo.StartupState
        started = c.ZDO.StateChangeInd.Callback(
            State=t.DeviceState.StartedAsCoordinator
        )
        if self.stack_up:
            return [c.ZDO.StartupFromApp.Rsp(State=state.RestoredNetworkState)]
        if self.nv.formed:
            self.stack_up = True
            self.trust_center.log(
                "network_up", pan_id=int(self.nv.nib.nwkPanId), resumed=True
            )
            return [c.ZDO.StartupFromApp.Rsp(State=state.RestoredNetworkState), started]
        self.form_network(None)
        return [
            c.ZDO.StartupFromApp.Rsp(State=state.NewNetworkState),
            c.ZDO.StateChangeInd.Callback(State=t.DeviceState.StartingAsCoordinator),
            started,
        ]

    @handles(c.ZDO.ExtNwkInfo)
    def _ext_nwk_info(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        nib = self.nv.nib
        up = self.stack_up
        state = (
            t.DeviceState.StartedAsCoordinator
            if up
            else t.DeviceState.InitializedNotStarted
        )
        data = (
            (COORDINATOR_NWK if up else 0xFFFE).to_bytes(2, "little")
            + bytes([state])
            + int(nib.nwkPanId).to_bytes(2, "little")
            + int(nib.nwkCoordAddress).to_bytes(2, "little")
            + bytes(nib.extendedPANID.serialize())
            + bytes(nib.nwkCoordExtAddress.serialize())
            + bytes([int(nib.nwkLogicalChannel)])
        )
        return [RawCommand(ZDO_SRSP.with_id(req.header.id), data)]

    @handles(c.ZDO.ExtFindGroup)
    def _ext_find_group(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        name = self.nv.groups.get(int(req.Endpoint), {}).get(int(req.GroupId))
        if name is None:
            data = bytes([t.Status.FAILURE]) + bytes(2 + GROUP_NAME_LENGTH)
        else:
            data = (
                bytes([t.Status.SUCCESS])
                + int(req.GroupId).to_bytes(2, "little")
                + group_name_field(name)
            )
        return [RawCommand(ZDO_SRSP.with_id(req.header.id), data)]

    @handles(c.ZDO.ExtAddGroup)
    def _ext_add_group(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        groups = self.nv.groups.setdefault(int(req.Endpoint), {})
        if int(req.GroupId) in groups:
            return [c.ZDO.ExtAddGroup.Rsp(Status=t.Status.APS_DUPLICATE_ENTRY)]
        groups[int(req.GroupId)] = str(req.GroupName)[: GROUP_NAME_LENGTH - 1]
        self.save_state()
        return [c.ZDO.ExtAddGroup.Rsp(Status=t.Status.SUCCESS)]


def group_name_field(name: str) -> bytes:
    """The name of an ``aps_Group_t``: its length, then the characters, padded."""
    raw = name.encode("utf-8")[: GROUP_NAME_LENGTH - 1]
    return (bytes([len(raw)]) + raw).ljust(GROUP_NAME_LENGTH, b"\x00")
