"""MT AF and ZDO command handlers: endpoints, data requests, permit, link keys.

Rules:

- A data request (``AF_DATA_REQUEST`` to a short address, or
  ``AF_DATA_REQUEST_EXT``) is answered with its SRSP first; what the addressed virtual
  device answers follows as callbacks (``ZDO.MsgCbIncoming`` for ZDO,
  ``AF.DataConfirm`` then ``AF.IncomingMsg`` for ZCL), never before.
- Every accepted unicast to an application endpoint gets one ``AF.DataConfirm``
  with the request's TSN: ``SUCCESS`` when the short address belongs to a
  device on the network (its MAC acknowledges, whether or not it answers),
  ``NWK_NO_ROUTE`` (0xCD) after ``NO_ROUTE_DELAY`` when no device on the
  network has that address (never joined, or left): the coordinator has no
  neighbor, child or route entry for it, and the hosts send with route
  discovery suppressed. ZDO requests (source endpoint 0) get no
  ``AF.DataConfirm``: Z-Stack hands their confirmation to its own ZDO task,
  not to MT, so hosts never wait for one. Broadcasts get none either.
- ZDO requests to the coordinator itself (node, active endpoints and simple
  descriptors) are answered from the endpoints the host registered.
- Permit requests go to the shared trust-center model (refused while the
  coordinator is on no network); a device leaving
  because it was asked to is reported with ``ZDO.LeaveInd``.
- ``ZDO.RemoveLinkKey`` removes one device's key from the APS key table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import zigpy.types as zt
import zigpy.zdo.types as zdo_t
import zigpy_znp.commands as c
import zigpy_znp.types as t

from virtual_coordinator.network.device import PROFILE_HA, Endpoint, Reply
from virtual_coordinator.network.joins import COORDINATOR_NWK

from .registry import handles

if TYPE_CHECKING:
    from .surface import ZnpCoordinatorSurface

BROADCAST_ADDRESSES = (0xFFFC, 0xFFFD, 0xFFFF)
# How long Z-Stack takes to find it has no route to a unicast destination
NO_ROUTE_DELAY = 0.05


def zdo_payload(cluster: int, values: list[Any]) -> bytes:
    """Serialize a ZDO response body (without its TSN)."""
    _names, types = zdo_t.CLUSTERS[zdo_t.ZDOCmd(cluster)]
    return bytes(zt.serialize(values, types[: len(values)]))


class AfZdoHandlers:
    """AF and ZDO subsystems."""

    endpoints: list[Endpoint]

    # -- AF ----------------------------------------------------------------------------
    @handles(c.AF.Register)
    def _af_register(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        if any(ep.endpoint_id == req.Endpoint for ep in self.endpoints):
            return [c.AF.Register.Rsp(Status=t.Status.FAILURE)]
        self.endpoints.append(
            Endpoint(
                endpoint_id=req.Endpoint,
                device_type=req.DeviceId,
                input_clusters=list(req.InputClusters),
                output_clusters=list(req.OutputClusters),
                profile_id=req.ProfileId,
                device_version=req.DeviceVersion,
            )
        )
        return [c.AF.Register.Rsp(Status=t.Status.SUCCESS)]

    @handles(c.AF.DataRequestExt)
    def _af_data_request_ext(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        address = req.DstAddrModeAddress
        nwk = int(address.address) if address.mode == t.AddrMode.NWK else None
        return [
            c.AF.DataRequestExt.Rsp(Status=t.Status.SUCCESS),
            *self.af_send(
                nwk,
                dst_ep=req.DstEndpoint,
                src_ep=req.SrcEndpoint,
                cluster=req.ClusterId,
                tsn=req.TSN,
                payload=req.Data,
            ),
        ]

    @handles(c.AF.DataRequest)
    def _af_data_request(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        """``AF_DATA_REQUEST``: always to a short address (unicast or broadcast)."""
        nwk = int(req.DstAddr)
        return [
            c.AF.DataRequest.Rsp(Status=t.Status.SUCCESS),
            *self.af_send(
                None if nwk in BROADCAST_ADDRESSES else nwk,
                dst_ep=req.DstEndpoint,
                src_ep=req.SrcEndpoint,
                cluster=req.ClusterId,
                tsn=req.TSN,
                payload=req.Data,
            ),
        ]

    def af_send(
        self,
        nwk: int | None,
        *,
        dst_ep: int,
        src_ep: int,
        cluster: int,
        tsn: int,
        payload: bytes,
    ) -> list[Any]:
        """The callbacks an AF frame causes, after its SRSP (``nwk`` None: not
        to one device)."""
        coordinator = cast("ZnpCoordinatorSurface", self)
        data = bytes(payload)
        is_zdo = dst_ep == 0
        if nwk is None:
            if is_zdo and data:
                coordinator.broadcast_zdo(cluster, data)
            return []
        if is_zdo:
            if nwk == COORDINATOR_NWK:
                return coordinator._own_zdo(cluster, data)
            return coordinator.deliver(
                nwk, profile=0, cluster=cluster, src_ep=0, dst_ep=0, data=data
            )
        if not coordinator.on_network(nwk):
            coordinator.send_later(
                NO_ROUTE_DELAY,
                c.AF.DataConfirm.Callback(
                    Status=t.Status.NWK_NO_ROUTE, Endpoint=src_ep, TSN=tsn
                ),
            )
            return []
        out: list[Any] = [
            c.AF.DataConfirm.Callback(Status=t.Status.SUCCESS, Endpoint=src_ep, TSN=tsn)
        ]
        profile = next(
            (ep.profile_id for ep in coordinator.endpoints if ep.endpoint_id == src_ep),
            PROFILE_HA,
        )
        out.extend(
            coordinator.deliver(
                nwk,
                profile=profile,
                cluster=cluster,
                src_ep=src_ep,
                dst_ep=dst_ep,
                data=data,
            )
        )
        return out

    def incoming(self, nwk: int, reply: Reply) -> Any:
        """The callback that carries what a device sent to the coordinator."""
        if reply.profile_id == 0 and reply.dst_ep == 0:
            return c.ZDO.MsgCbIncoming.Callback(
                Src=nwk,
                IsBroadcast=t.Bool(False),
                ClusterId=reply.cluster_id,
                SecurityUse=0,
                TSN=reply.payload[0],
                MacDst=COORDINATOR_NWK,
                Data=t.Bytes(reply.payload[1:]),
            )
        return c.AF.IncomingMsg.Callback(
            GroupId=0x0000,
            ClusterId=reply.cluster_id,
            SrcAddr=nwk,
            SrcEndpoint=reply.src_ep,
            DstEndpoint=reply.dst_ep,
            WasBroadcast=t.Bool(False),
            LQI=255,
            SecurityUse=t.Bool(False),
            TimeStamp=0,
            TSN=0,
            Data=t.ShortBytes(reply.payload),
            MacSrcAddr=nwk,
            MsgResultRadius=30,
        )

    def _own_zdo(self, cluster: int, data: bytes) -> list[Any]:
        """Answer a ZDO request addressed to the coordinator itself."""
        tsn, body = data[0], data[1:]
        rsp = cluster | 0x8000
        success = zdo_t.Status.SUCCESS
        try:
            args, _ = zt.deserialize(body, zdo_t.CLUSTERS[zdo_t.ZDOCmd(cluster)][1])
        except KeyError, ValueError:
            return []
        if cluster == zdo_t.ZDOCmd.Node_Desc_req:
            values: list[Any] = [success, COORDINATOR_NWK, self.node_descriptor()]
        elif cluster == zdo_t.ZDOCmd.Active_EP_req:
            ids = [ep.endpoint_id for ep in self.endpoints]
            values = [success, COORDINATOR_NWK, ids]
        elif cluster == zdo_t.ZDOCmd.Simple_Desc_req:
            ep = next((e for e in self.endpoints if e.endpoint_id == args[1]), None)
            if ep is None:
                values = [zdo_t.Status.NOT_ACTIVE, COORDINATOR_NWK]
            else:
                values = [
                    success,
                    COORDINATOR_NWK,
                    zdo_t.SizePrefixedSimpleDescriptor(
                        endpoint=ep.endpoint_id,
                        profile=ep.profile_id,
                        device_type=ep.device_type,
                        device_version=ep.device_version,
                        input_clusters=list(ep.input_clusters),
                        output_clusters=list(ep.output_clusters),
                    ),
                ]
        elif cluster == zdo_t.ZDOCmd.Mgmt_Lqi_req:
            values = [success, self.neighbors(int(args[0]))]
        elif cluster == zdo_t.ZDOCmd.Mgmt_Rtg_req:
            values = [
                success,
                zdo_t.Routes(Entries=0, StartIndex=args[0], RoutingTableList=[]),
            ]
        elif cluster == zdo_t.ZDOCmd.Mgmt_NWK_Update_req:
            update = args[0]
            if update.ScanDuration > 5:
                return []  # a channel change or a manager update: no answer
            channels = list(update.ScanChannels)
            values = [
                success,
                update.ScanChannels,
                0,
                0,
                [200 - 5 * ch for ch in channels],
            ]
        else:
            return []
        return [
            self.incoming(
                COORDINATOR_NWK,
                Reply(0, rsp, 0, 0, bytes([tsn]) + zdo_payload(rsp, values)),
            )
        ]

    def neighbors(self, start: int) -> zdo_t.Neighbors:
        """The coordinator's neighbor table: the joined devices, 3 per page."""
        coordinator = cast("ZnpCoordinatorSurface", self)
        epid = coordinator.nv.nib.extendedPANID
        joined = [
            d for d in coordinator.devices.values() if d.joined and d.nwk is not None
        ]
        page = [
            zdo_t.Neighbor(
                extended_pan_id=zt.ExtendedPanId(epid),
                ieee=device.ieee,
                nwk=device.nwk,
                device_type=(
                    zdo_t.Neighbor.DeviceType.EndDevice
                    if device.logical_type == zdo_t.LogicalType.EndDevice
                    else zdo_t.Neighbor.DeviceType.Router
                ),
                rx_on_when_idle=zdo_t.Neighbor.RxOnWhenIdle.On,
                relationship=zdo_t.Neighbor.Relationship.Child,
                reserved1=0,
                permit_joining=zdo_t.Neighbor.PermitJoins.Unknown,
                reserved2=0,
                depth=1,
                lqi=255,
            )
            for device in joined[start : start + 3]
        ]
        return zdo_t.Neighbors(
            Entries=len(joined), StartIndex=start, NeighborTableList=page
        )

    def node_descriptor(self) -> zdo_t.NodeDescriptor:
        return zdo_t.NodeDescriptor(
            logical_type=zdo_t.LogicalType.Coordinator,
            complex_descriptor_available=0,
            user_descriptor_available=0,
            reserved=0,
            aps_flags=0,
            frequency_band=zdo_t.NodeDescriptor.FrequencyBand.Freq2400MHz,
            mac_capability_flags=zdo_t.NodeDescriptor.MACCapabilityFlags(0x8F),
            manufacturer_code=0x0000,
            maximum_buffer_size=80,
            maximum_incoming_transfer_size=160,
            server_mask=11265,
            maximum_outgoing_transfer_size=160,
            descriptor_capability_field=zdo_t.NodeDescriptor.DescriptorCapability(0),
        )

    # -- ZDO -------------------------------------------------------------------------
    @handles(c.ZDO.MgmtPermitJoinReq)
    def _permit(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        if not self.stack_up:
            # not on a network (after a reset, before commissioning)
            return [c.ZDO.MgmtPermitJoinReq.Rsp(Status=t.Status.FAILURE)]
        out: list[Any] = [c.ZDO.MgmtPermitJoinReq.Rsp(Status=t.Status.SUCCESS)]
        to_coordinator = (
            req.AddrMode == t.AddrMode.NWK and req.Dst == COORDINATOR_NWK
        ) or (req.AddrMode == t.AddrMode.Broadcast and req.Dst in BROADCAST_ADDRESSES)
        if to_coordinator:
            self.trust_center.permit(int(req.Duration))
            out.append(c.ZDO.PermitJoinInd.Callback(Duration=req.Duration))
        out.append(
            c.ZDO.MgmtPermitJoinRsp.Callback(
                Src=COORDINATOR_NWK, Status=t.ZDOStatus.SUCCESS
            )
        )
        return out

    @handles(c.ZDO.MsgCallbackRegister)
    def _callback_register(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        return [c.ZDO.MsgCallbackRegister.Rsp(Status=t.Status.SUCCESS)]

    @handles(c.ZDO.ExtRouteChk)
    def _route_check(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        return [c.ZDO.ExtRouteChk.Rsp(Status=c.zdo.RoutingStatus.SUCCESS)]

    @handles(c.ZDO.ExtRouteDisc)
    def _route_discovery(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        return [c.ZDO.ExtRouteDisc.Rsp(Status=t.Status.SUCCESS)]

    @handles(c.ZDO.RemoveLinkKey)
    def _remove_link_key(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        removed = self.trust_center.remove_key(req.IEEE)
        if removed:
            self.save_state()
        status = t.Status.SUCCESS if removed else t.Status.INVALID_PARAMETER
        return [c.ZDO.RemoveLinkKey.Rsp(Status=status)]

    @handles(c.ZDO.GetLinkKey)
    def _get_link_key(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        entry = self.trust_center.transient_key(req.IEEE)
        if entry is None:
            return [
                c.ZDO.GetLinkKey.Rsp(
                    Status=t.Status.INVALID_PARAMETER,
                    IEEE=req.IEEE,
                    LinkKeyData=t.KeyData(bytes(16)),
                )
            ]
        return [
            c.ZDO.GetLinkKey.Rsp(
                Status=t.Status.SUCCESS, IEEE=req.IEEE, LinkKeyData=entry.key
            )
        ]
