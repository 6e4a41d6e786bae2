"""What the MT handlers may use of the Z-Stack coordinator they serve.

Rules:

- The handler mixins (``handlers_*.py``) type ``self`` against
  ``ZnpCoordinatorSurface``, never against the coordinator class: the
  coordinator imports the handlers, so the handlers must not import it back.
- The protocol lists only what a handler reaches that another part provides
  (state, persistence, the device network, what another mixin answers); a
  handler that needs more adds it here first.
"""

from __future__ import annotations

from typing import Any, Protocol

import zigpy.types as zt
import zigpy.zdo.types as zdo_t
import zigpy_znp.types as t

from virtual_coordinator.network.device import Endpoint, Reply, VirtualDevice

from .nvram import NvStore
from .trust import ZStackTrustCenter


class ZnpCoordinatorSurface(Protocol):
    """The coordinator as its MT handlers see it."""

    nv: NvStore
    trust_center: ZStackTrustCenter
    stack_up: bool
    tx_power: int
    primary_channels: t.Channels | None
    endpoints: list[Endpoint]
    devices: dict[zt.EUI64, VirtualDevice]

    def save_state(self) -> None:
        """Write the state file soon."""

    def reboot(self, *, reason: str) -> None:
        """A reset: RAM state is lost, NVRAM and the APS key table stay."""

    def forget_devices(self) -> None:
        """A new network: no device is joined any more."""

    def send(self, *commands: Any) -> None:
        """Send callbacks to the host outside the current request's answer."""

    def send_later(self, delay: float, *commands: Any) -> None:
        """Send callbacks to the host after ``delay`` seconds."""

    def on_network(self, nwk: int) -> bool:
        """Whether a device on the network has this short address."""

    def deliver(
        self,
        nwk: int,
        *,
        profile: int,
        cluster: int,
        src_ep: int,
        dst_ep: int,
        data: bytes,
    ) -> list[Any]:
        """Hand a frame to the device at ``nwk``; return the callbacks it causes."""

    def broadcast_zdo(self, cluster: int, data: bytes) -> None:
        """Devices take a broadcast ZDO request."""

    # provided by the handler mixins themselves
    def incoming(self, nwk: int, reply: Reply) -> Any:
        """The callback that carries what a device sent to the coordinator."""

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
        """The callbacks an AF frame causes, after its SRSP."""

    def neighbors(self, start: int) -> zdo_t.Neighbors:
        """The coordinator's neighbor table from ``start``."""

    def node_descriptor(self) -> zdo_t.NodeDescriptor:
        """The coordinator's node descriptor."""

    def next_zdo_tsn(self) -> int:
        """The sequence number of the next ZDO frame the coordinator sends."""

    def form_network(self, channels: t.Channels | None) -> None:
        """Form a network from the commissioning items; the stack is up."""

    def reset_indication(self) -> Any:
        """The ``SYS.ResetInd`` a reset sends."""

    def apply_startup_option(self) -> None:
        """On reset: apply the start-up option NV item."""

    def _own_zdo(self, cluster: int, data: bytes) -> list[Any]:
        """Answer a ZDO request addressed to the coordinator itself."""
