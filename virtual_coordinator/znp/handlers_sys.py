"""MT SYS and UTIL command handlers: identity, reset, NVRAM, LEDs, association table.

Rules: every SREQ gets exactly one SRSP (the dispatcher sends an RPC error for
anything without a handler); OSAL item writes that do not fit the stored size
fail as on Z-Stack; a reset sends ``SYS.ResetInd`` and applies the start-up
option (ClearState wipes the network), and recreates a deleted EXTADDR from
the hardware address.
"""

# Handlers take zigpy-znp's request objects, whose fields are CamelCase.

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

import zigpy_znp.commands as c
import zigpy_znp.types as t
from zigpy_znp.types.nvids import NvSysIds, OsalNvIds

from .registry import handles

if TYPE_CHECKING:
    from .surface import ZnpCoordinatorSurface

CODE_REVISION = 20240710
CAPABILITIES = (
    t.MTCapabilities.SYS
    | t.MTCapabilities.AF
    | t.MTCapabilities.ZDO
    | t.MTCapabilities.UTIL
    | t.MTCapabilities.APP_CNF
    | t.MTCapabilities.GP
)
VERSION = {
    "TransportRev": 2,
    "ProductId": 1,
    "MajorRel": 2,
    "MinorRel": 7,
    "MaintRel": 1,
}
ASSOC_DEVICE_SIZE = 36  # aligned associated_devices_t (CC2652)


class SysHandlers:
    """SYS and UTIL subsystems."""

    @handles(c.SYS.Ping)
    def _ping(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        return [c.SYS.Ping.Rsp(Capabilities=CAPABILITIES)]

    @handles(c.SYS.Version)
    def _version(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        return [
            c.SYS.Version.Rsp(
                **VERSION,
                CodeRevision=CODE_REVISION,
                BootloaderBuildType=c.sys.BootloaderBuildType.NON_BOOTLOADER_BUILD,
                BootloaderRevision=0xFFFFFFFF,
            )
        ]

    @handles(c.SYS.ResetReq)
    def _reset(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        self.reboot(reason="host")
        return [self.reset_indication()]

    def reset_indication(self) -> Any:
        return c.SYS.ResetInd.Callback(Reason=t.ResetReason.PowerUp, **VERSION)

    @handles(c.SYS.SetTxPower)
    def _tx_power(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        self.tx_power = int(req.TXPower)
        return [c.SYS.SetTxPower.Rsp(StatusOrPower=t.Status.SUCCESS)]

    @handles(c.SYS.GetExtAddr)
    def _ext_addr(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        return [c.SYS.GetExtAddr.Rsp(ExtAddr=self.nv.ieee)]

    # -- OSAL NV items ---------------------------------------------------------------
    @handles(c.SYS.OSALNVLength)
    def _nv_length(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        return [c.SYS.OSALNVLength.Rsp(ItemLen=self.nv.length(req.Id))]

    @handles(c.SYS.OSALNVRead, c.SYS.OSALNVReadExt)
    def _nv_read(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        value = self.nv.read(req.Id, req.Offset)
        if value is None:
            return [req.Rsp(Status=t.Status.INVALID_PARAMETER, Value=t.ShortBytes())]
        return [req.Rsp(Status=t.Status.SUCCESS, Value=t.ShortBytes(value))]

    @handles(c.SYS.OSALNVWrite, c.SYS.OSALNVWriteExt)
    def _nv_write(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        ok = self.nv.write(req.Id, req.Offset, bytes(req.Value))
        if ok:
            self.save_state()
        status = t.Status.SUCCESS if ok else t.Status.INVALID_PARAMETER
        return [req.Rsp(Status=status)]

    @handles(c.SYS.OSALNVItemInit)
    def _nv_init(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        if len(req.Value) > req.ItemLen:
            return [req.Rsp(Status=t.Status.INVALID_PARAMETER)]
        created = self.nv.init(req.Id, req.ItemLen, bytes(req.Value))
        self.save_state()
        status = t.Status.NV_ITEM_UNINIT if created else t.Status.SUCCESS
        return [req.Rsp(Status=status)]

    @handles(c.SYS.OSALNVDelete)
    def _nv_delete(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        if self.nv.length(req.Id) != req.ItemLen or not self.nv.delete(req.Id):
            return [req.Rsp(Status=t.Status.INVALID_PARAMETER)]
        self.save_state()
        return [req.Rsp(Status=t.Status.SUCCESS)]

    # -- extended NV tables ----------------------------------------------------------
    @handles(c.SYS.NVLength)
    def _exnv_length(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        length = 0
        if req.SysId == NvSysIds.ZSTACK:
            length = self.nv.table_length(req.ItemId, req.SubId)
        return [c.SYS.NVLength.Rsp(Length=length)]

    @handles(c.SYS.NVRead)
    def _exnv_read(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        value = None
        if req.SysId == NvSysIds.ZSTACK:
            value = self.nv.table_read(req.ItemId, req.SubId, req.Offset, req.Length)
        if value is None:
            return [c.SYS.NVRead.Rsp(Status=t.Status.FAILURE, Value=t.ShortBytes())]
        return [c.SYS.NVRead.Rsp(Status=t.Status.SUCCESS, Value=t.ShortBytes(value))]

    @handles(c.SYS.NVWrite)
    def _exnv_write(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        ok = req.SysId == NvSysIds.ZSTACK and self.nv.table_write(
            req.ItemId, req.SubId, req.Offset, bytes(req.Value)
        )
        if ok:
            self.save_state()
        return [c.SYS.NVWrite.Rsp(Status=t.Status.SUCCESS if ok else t.Status.FAILURE)]

    @handles(c.SYS.NVCreate)
    def _exnv_create(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        if req.SysId != NvSysIds.ZSTACK:
            return [c.SYS.NVCreate.Rsp(Status=t.Status.FAILURE)]
        created = self.nv.table_create(req.ItemId, req.SubId, req.Length)
        self.save_state()
        status = t.Status.NV_ITEM_UNINIT if created else t.Status.SUCCESS
        return [c.SYS.NVCreate.Rsp(Status=status)]

    @handles(c.SYS.NVDelete)
    def _exnv_delete(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        ok = req.SysId == NvSysIds.ZSTACK and self.nv.table_delete(
            req.ItemId, req.SubId
        )
        if ok:
            self.save_state()
        status = t.Status.SUCCESS if ok else t.Status.NV_OPER_FAILED
        return [c.SYS.NVDelete.Rsp(Status=status)]

    # -- UTIL --------------------------------------------------------------------------
    @handles(c.UTIL.LEDControl)
    def _led(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        return [c.UTIL.LEDControl.Rsp(Status=t.Status.SUCCESS)]

    @handles(c.UTIL.AssocFindDevice)
    def _assoc_find(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        # No child in the association table: an empty, aligned entry
        return [c.UTIL.AssocFindDevice.Rsp(Device=t.Bytes(b"\xff" * ASSOC_DEVICE_SIZE))]

    @handles(c.UTIL.GetDeviceInfo)
    def _device_info(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        return [
            c.UTIL.GetDeviceInfo.Rsp(
                Status=t.Status.SUCCESS,
                IEEE=self.nv.ieee,
                NWK=0x0000 if self.stack_up else 0xFFFE,
                DeviceType=t.DeviceTypeCapabilities(7),
                DeviceState=(
                    t.DeviceState.StartedAsCoordinator
                    if self.stack_up
                    else t.DeviceState.InitializedNotStarted
                ),
                AssociatedDevices=[],
            )
        ]

    def apply_startup_option(self) -> None:
        """On reset: ClearState wipes the network; a deleted EXTADDR comes back."""
        nv = cast("ZnpCoordinatorSurface", self).nv
        option = nv.startup_option()
        if option & t.StartupOptions.ClearState:
            nv.clear_network()
            nv.legacy[OsalNvIds.STARTUP_OPTION] = b"\x00"
            cast("ZnpCoordinatorSurface", self).trust_center.log(
                "network_left", source="startup_option"
            )
        if OsalNvIds.EXTADDR not in nv.legacy:
            nv.legacy[OsalNvIds.EXTADDR] = nv.hardware_ieee
