"""Virtual Zigbee end devices that answer ZDO and ZCL requests."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from zigpy import zcl
import zigpy.types as zt
from zigpy.util import convert_install_code
from zigpy.zcl import foundation
import zigpy.zdo.types as zdo_t

from .trust_center import WELL_KNOWN_KEY

_LOGGER = logging.getLogger(__name__)

PROFILE_HA = 0x0104
ZDO_PROFILE = 0x0000
CLUSTER_BASIC = 0x0000
CLUSTER_ON_OFF = 0x0006


@dataclasses.dataclass
class Endpoint:
    """A device endpoint: profile, device type and its server/client clusters."""

    endpoint_id: int
    device_type: int = 0x0100  # On/Off light
    input_clusters: list[int] = dataclasses.field(
        default_factory=lambda: [0x0000, 0x0003, 0x0006]
    )
    output_clusters: list[int] = dataclasses.field(default_factory=list)
    profile_id: int = PROFILE_HA
    device_version: int = 1


def _parse_install_code(code: str | bytes) -> bytes:
    if isinstance(code, str):
        code = bytes.fromhex(code.replace(":", "").replace("-", "").replace(" ", ""))
    return code


@dataclasses.dataclass
class Reply:
    """A frame the device sends back to the coordinator."""

    profile_id: int
    cluster_id: int
    src_ep: int
    dst_ep: int
    payload: bytes


class VirtualDevice:
    """A Zigbee device that can join the virtual coordinator's network.

    Without ``install_code`` or ``link_key`` the device only knows the
    well-known key ``ZigBeeAlliance09``. With ``responsive=False`` it joins but
    never answers anything (its interview times out).
    """

    def __init__(
        self,
        ieee: str | zt.EUI64,
        *,
        install_code: str | bytes | None = None,
        link_key: str | bytes | zt.KeyData | None = None,
        manufacturer: str = "Virtual",
        model: str = "Light",
        endpoints: dict[int, Endpoint] | list[Endpoint] | None = None,
        responsive: bool = True,
        manufacturer_code: int = 0x1234,
        logical_type: zdo_t.LogicalType = zdo_t.LogicalType.Router,
        power_source: int = 0x01,  # mains, single phase
    ) -> None:
        self.ieee = zt.EUI64.convert(ieee) if isinstance(ieee, str) else zt.EUI64(ieee)
        if install_code is not None and link_key is not None:
            raise ValueError("Pass either install_code or link_key, not both")
        self.install_code = (
            _parse_install_code(install_code) if install_code is not None else None
        )
        if self.install_code is not None:
            self.link_key = convert_install_code(self.install_code)
        elif link_key is not None:
            if isinstance(link_key, str):
                link_key = zt.KeyData.convert(link_key)
            self.link_key = zt.KeyData(link_key)
        else:
            self.link_key = WELL_KNOWN_KEY
        self.manufacturer = manufacturer
        self.model = model
        if endpoints is None:
            endpoints = [Endpoint(1)]
        if isinstance(endpoints, dict):
            endpoints = list(endpoints.values())
        self.endpoints: dict[int, Endpoint] = {ep.endpoint_id: ep for ep in endpoints}
        self.responsive = responsive
        self.manufacturer_code = manufacturer_code
        self.logical_type = logical_type
        self.nwk: zt.NWK | None = None
        self.joined = False
        # (endpoint, cluster) -> {attribute id: python value}
        self.attributes: dict[tuple[int, int], dict[int, Any]] = {}
        for ep in self.endpoints.values():
            if CLUSTER_BASIC in ep.input_clusters:
                self.attributes[(ep.endpoint_id, CLUSTER_BASIC)] = {
                    0x0000: 8,  # zcl_version
                    0x0004: manufacturer,
                    0x0005: model,
                    0x0007: power_source,
                }
            if CLUSTER_ON_OFF in ep.input_clusters:
                self.attributes[(ep.endpoint_id, CLUSTER_ON_OFF)] = {0x0000: False}
        self.received: list[tuple[int, int, bytes]] = []  # (profile, cluster, data)

    def __repr__(self) -> str:
        return f"<VirtualDevice {self.ieee} {self.manufacturer} {self.model}>"

    @property
    def uses_well_known_key(self) -> bool:
        return self.link_key == WELL_KNOWN_KEY

    # -- ZDO ---------------------------------------------------------------
    def node_descriptor(self) -> zdo_t.NodeDescriptor:
        router = self.logical_type != zdo_t.LogicalType.EndDevice
        return zdo_t.NodeDescriptor(
            logical_type=self.logical_type,
            complex_descriptor_available=0,
            user_descriptor_available=0,
            reserved=0,
            aps_flags=0,
            frequency_band=zdo_t.NodeDescriptor.FrequencyBand.Freq2400MHz,
            mac_capability_flags=(
                zdo_t.NodeDescriptor.MACCapabilityFlags(0x8E)
                if router
                else zdo_t.NodeDescriptor.MACCapabilityFlags(0x80)
            ),
            manufacturer_code=self.manufacturer_code,
            maximum_buffer_size=82,
            maximum_incoming_transfer_size=82,
            server_mask=0x2C00,
            maximum_outgoing_transfer_size=82,
            descriptor_capability_field=zdo_t.NodeDescriptor.DescriptorCapability(0),
        )

    def device_annce(self, tsn: int) -> bytes:
        assert self.nwk is not None
        capability = 0x8E if self.logical_type != zdo_t.LogicalType.EndDevice else 0x80
        return zt.serialize(
            [tsn, self.nwk, self.ieee, capability],
            [zt.uint8_t, zt.NWK, zt.EUI64, zt.uint8_t],
        )

    def handle_zdo(self, cluster_id: int, data: bytes) -> tuple[list[Reply], bool]:
        """Answer a ZDO request. Returns the replies and whether to leave."""
        tsn, payload = data[0], data[1:]
        rsp_cluster = cluster_id | 0x8000
        leave = False
        try:
            cmd = zdo_t.ZDOCmd(cluster_id)
            _names, types = zdo_t.CLUSTERS[cmd]
            args, _ = zt.deserialize(payload, types)
        except ValueError, KeyError:
            return [
                self._zdo_reply(rsp_cluster, tsn, [zdo_t.Status.NOT_SUPPORTED])
            ], False

        success = zdo_t.Status.SUCCESS
        if cmd == zdo_t.ZDOCmd.Node_Desc_req:
            values: list[Any] = [success, self.nwk, self.node_descriptor()]
        elif cmd == zdo_t.ZDOCmd.Active_EP_req:
            values = [success, self.nwk, list(self.endpoints)]
        elif cmd == zdo_t.ZDOCmd.Simple_Desc_req:
            ep = self.endpoints.get(args[1])
            if ep is None:
                values = [zdo_t.Status.NOT_ACTIVE, self.nwk, None]
            else:
                values = [
                    success,
                    self.nwk,
                    zdo_t.SizePrefixedSimpleDescriptor(
                        endpoint=ep.endpoint_id,
                        profile=ep.profile_id,
                        device_type=ep.device_type,
                        device_version=ep.device_version,
                        input_clusters=list(ep.input_clusters),
                        output_clusters=list(ep.output_clusters),
                    ),
                ]
        elif cmd in (zdo_t.ZDOCmd.IEEE_addr_req, zdo_t.ZDOCmd.NWK_addr_req):
            values = [success, self.ieee, self.nwk, 0, 0, []]
        elif cmd in (
            zdo_t.ZDOCmd.Bind_req,
            zdo_t.ZDOCmd.Unbind_req,
            zdo_t.ZDOCmd.Mgmt_Permit_Joining_req,
        ):
            values = [success]
        elif cmd == zdo_t.ZDOCmd.Mgmt_Leave_req:
            values = [success]
            leave = True
        else:
            values = [zdo_t.Status.NOT_SUPPORTED]
        return [self._zdo_reply(rsp_cluster, tsn, values)], leave

    @staticmethod
    def _zdo_reply(cluster_id: int, tsn: int, values: list[Any]) -> Reply:
        try:
            types: Any
            _names, types = zdo_t.CLUSTERS[zdo_t.ZDOCmd(cluster_id)]
            if values[0] != zdo_t.Status.SUCCESS:
                # Optional fields are left out of error responses
                types = types[: len(values)]
                values = [v for v in values if v is not None]
                types = types[: len(values)]
            payload = zt.serialize(values, types)
        except ValueError, KeyError:
            payload = zt.uint8_t(values[0]).serialize()
        return Reply(ZDO_PROFILE, cluster_id, 0, 0, bytes([tsn]) + payload)

    # -- ZCL ---------------------------------------------------------------
    def handle_zcl(
        self, profile_id: int, cluster_id: int, src_ep: int, dst_ep: int, data: bytes
    ) -> list[Reply]:
        hdr, payload = foundation.ZCLHeader.deserialize(data)
        replies: list[Reply] = []
        manufacturer = (
            hdr.manufacturer if hdr.frame_control.is_manufacturer_specific else None
        )

        def reply(command_id: int, body: bytes) -> None:
            rsp_hdr = foundation.ZCLHeader.general(
                hdr.tsn,
                command_id,
                manufacturer=manufacturer,
                direction=foundation.Direction.Server_to_Client,
            )
            # zigpy annotates Struct.replace's keyword values as dicts
            rsp_hdr.frame_control = rsp_hdr.frame_control.replace(  # type: ignore[assignment]
                disable_default_response=True,  # type: ignore[arg-type]
            )
            replies.append(
                Reply(
                    profile_id, cluster_id, dst_ep, src_ep, rsp_hdr.serialize() + body
                )
            )

        if dst_ep not in self.endpoints:
            return replies
        attrs = self.attributes.setdefault((dst_ep, cluster_id), {})
        cluster_cls = zcl.Cluster._registry.get(cluster_id)

        if hdr.frame_control.is_general:
            cmd = hdr.command_id
            if cmd == foundation.GeneralCommand.Read_Attributes:
                ids, _ = zt.List[zt.uint16_t].deserialize(payload)
                records = []
                for attrid in ids:
                    records.append(self._read_record(cluster_cls, attrs, attrid))
                reply(
                    foundation.GeneralCommand.Read_Attributes_rsp,
                    b"".join(r.serialize() for r in records),
                )
            elif cmd == foundation.GeneralCommand.Write_Attributes:
                reply(foundation.GeneralCommand.Write_Attributes_rsp, b"\x00")
            elif cmd == foundation.GeneralCommand.Configure_Reporting:
                reply(foundation.GeneralCommand.Configure_Reporting_rsp, b"\x00")
            elif cmd == foundation.GeneralCommand.Discover_Attributes:
                reply(foundation.GeneralCommand.Discover_Attributes_rsp, b"\x01")
            elif not hdr.frame_control.disable_default_response:
                reply(
                    foundation.GeneralCommand.Default_Response,
                    bytes([cmd, foundation.Status.UNSUP_GENERAL_COMMAND]),
                )
            return replies

        # Cluster-specific command
        status = foundation.Status.UNSUP_CLUSTER_COMMAND
        if cluster_id == CLUSTER_ON_OFF and hdr.command_id in (0x00, 0x01, 0x02):
            current = bool(attrs.get(0x0000, False))
            attrs[0x0000] = {0x00: False, 0x01: True, 0x02: not current}[hdr.command_id]
            status = foundation.Status.SUCCESS
        elif cluster_id == 0x0003:  # Identify
            status = foundation.Status.SUCCESS
        if not hdr.frame_control.disable_default_response or status != 0:
            reply(
                foundation.GeneralCommand.Default_Response,
                bytes([hdr.command_id, status]),
            )
        return replies

    @staticmethod
    def _read_record(
        cluster_cls: Any, attrs: dict[int, Any], attrid: int
    ) -> foundation.ReadAttributeRecord:
        attr_def = None
        if cluster_cls is not None:
            attr_def = cluster_cls.attributes.get(attrid)
        if attrid not in attrs or attr_def is None:
            return foundation.ReadAttributeRecord(
                attrid=zt.uint16_t(attrid),
                status=foundation.Status.UNSUPPORTED_ATTRIBUTE,
            )
        value = attr_def.type(attrs[attrid])
        return foundation.ReadAttributeRecord(
            attrid=zt.uint16_t(attrid),
            status=foundation.Status.SUCCESS,
            value=foundation.TypeValue(type=attr_def.zcl_type, value=value),
        )

    def handle(
        self, profile_id: int, cluster_id: int, src_ep: int, dst_ep: int, data: bytes
    ) -> tuple[list[Reply], bool]:
        """Handle one APS frame addressed to this device."""
        self.received.append((profile_id, cluster_id, data))
        if profile_id == ZDO_PROFILE and dst_ep == 0:
            return self.handle_zdo(cluster_id, data)
        try:
            return self.handle_zcl(profile_id, cluster_id, src_ep, dst_ep, data), False
        except Exception:
            _LOGGER.debug("Could not handle ZCL frame %s", data.hex(), exc_info=True)
            return [], False
