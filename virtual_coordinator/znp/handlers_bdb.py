"""MT APP_CNF (BDB) command handlers: commissioning, channels, install codes.

Rules:

- ``BDBStartCommissioning`` (formation) answers its SRSP, then the state
  changes and commissioning notifications Z-Stack sends: a formed network is
  restored (``NetworkRestored`` then ``Success``), otherwise a network is
  formed from what the host wrote to NVRAM. The NIB is complete before the
  last notification, because zigpy-znp polls it next.
- ``BDBAddInstallCode`` stores the key in the APS key table, which persists
  across resets and has a limited capacity: when it is full the answer is
  ``APS_TABLE_FULL`` and nothing is stored. Only the key-derived format is
  accepted; a raw install code is converted first, as Z-Stack does.
- ``BDBSetJoinUsesInstallCodeKey`` sets the RAM flag the join decision reads;
  a reset clears it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import zigpy.types as zt
from zigpy.util import convert_install_code
import zigpy_znp.commands as c
import zigpy_znp.types as t

from .registry import handles

if TYPE_CHECKING:
    from .surface import ZnpCoordinatorSurface

Mode = c.app_config.BDBCommissioningMode
Status = c.app_config.BDBCommissioningStatus
Format = c.app_config.InstallCodeFormat


class BdbHandlers:
    """APP_CNF subsystem."""

    @handles(c.AppConfig.BDBSetChannel)
    def _set_channel(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        if req.IsPrimary:
            self.primary_channels = t.Channels(req.Channel)
        return [c.AppConfig.BDBSetChannel.Rsp(Status=t.Status.SUCCESS)]

    @handles(c.AppConfig.BDBStartCommissioning)
    def _start_commissioning(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        out: list[Any] = [
            c.AppConfig.BDBStartCommissioning.Rsp(Status=t.Status.SUCCESS)
        ]
        if not req.Mode & Mode.NwkFormation:
            out.append(
                c.AppConfig.BDBCommissioningNotification.Callback(
                    Status=Status.Success, Mode=req.Mode, RemainingModes=Mode.NONE
                )
            )
            return out
        started = c.ZDO.StateChangeInd.Callback(
            State=t.DeviceState.StartedAsCoordinator
        )
        if self.nv.formed:
            self.stack_up = True
            self.trust_center.log(
                "network_up", pan_id=int(self.nv.nib.nwkPanId), resumed=True
            )
            out += [
                started,
                c.AppConfig.BDBCommissioningNotification.Callback(
                    Status=Status.NetworkRestored,
                    Mode=Mode.NONE,
                    RemainingModes=Mode.NwkFormation,
                ),
                c.AppConfig.BDBCommissioningNotification.Callback(
                    Status=Status.Success,
                    Mode=Mode.NwkFormation,
                    RemainingModes=Mode.NONE,
                ),
            ]
            return out
        self.form_network(self.primary_channels)
        self.primary_channels = None
        out += [
            c.ZDO.StateChangeInd.Callback(State=t.DeviceState.StartingAsCoordinator),
            c.AppConfig.BDBCommissioningNotification.Callback(
                Status=Status.InProgress,
                Mode=Mode.NwkFormation,
                RemainingModes=Mode.NwkFormation,
            ),
            started,
            c.AppConfig.BDBCommissioningNotification.Callback(
                Status=Status.Success,
                Mode=Mode.NwkFormation,
                RemainingModes=Mode.NONE,
            ),
        ]
        return out

    def form_network(self: ZnpCoordinatorSurface, channels: t.Channels | None) -> None:
        """Form a network from the commissioning items; the stack is up."""
        self.nv.form(channels)
        self.stack_up = True
        self.forget_devices()
        self.save_state()
        nib = self.nv.nib
        self.trust_center.log(
            "network_formed",
            pan_id=int(nib.nwkPanId),
            extended_pan_id=str(nib.extendedPANID),
            channel=int(nib.nwkLogicalChannel),
        )

    @handles(c.AppConfig.BDBAddInstallCode)
    def _add_install_code(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        data = bytes(req.InstallCode)
        if req.InstallCodeFormat == Format.InstallCodeAndCRC:
            key = convert_install_code(data)
            if key is None:
                return [
                    c.AppConfig.BDBAddInstallCode.Rsp(Status=t.Status.INVALID_PARAMETER)
                ]
            data = bytes(key)
        if len(data) != 16:
            return [
                c.AppConfig.BDBAddInstallCode.Rsp(Status=t.Status.INVALID_PARAMETER)
            ]
        added = self.trust_center.add_transient_key(req.IEEE, zt.KeyData(data))
        if not added:
            return [c.AppConfig.BDBAddInstallCode.Rsp(Status=t.Status.APS_TABLE_FULL)]
        self.save_state()
        return [c.AppConfig.BDBAddInstallCode.Rsp(Status=t.Status.SUCCESS)]

    @handles(c.AppConfig.BDBSetJoinUsesInstallCodeKey)
    def _join_uses_install_code(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        self.trust_center.set_install_code_only(bool(req.BdbJoinUsesInstallCodeKey))
        return [c.AppConfig.BDBSetJoinUsesInstallCodeKey.Rsp(Status=t.Status.SUCCESS)]

    @handles(c.AppConfig.BDBSetTcRequireKeyExchange)
    def _key_exchange(self: ZnpCoordinatorSurface, req: Any) -> list[Any]:
        return [c.AppConfig.BDBSetTcRequireKeyExchange.Rsp(Status=t.Status.SUCCESS)]
