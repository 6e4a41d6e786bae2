"""The virtual EmberZNet NCP: the EZSP front-end on the shared network model.

Layers, from the bottom: ``ash`` (ASH framing) and ``transport`` (TCP,
pseudo-terminal), ``codec`` and ``dispatch`` (EZSP frames to ``_cmd_*``
handlers), the handlers by area (``handlers_config``, ``handlers_security``,
``handlers_network``, ``handlers_messaging``, ``handlers_tables``),
``devices`` (joins and leaves as EZSP callbacks) and ``persistence``. This
module puts them together with the radio-independent ``network`` package
(trust center, devices, record), and adds resets and the public accessors.
"""

from __future__ import annotations

from collections.abc import Callable
import os
import pathlib
import random
import time

import bellows.types as t
import zigpy.types as zt

from virtual_coordinator.listener import DEFAULT_PORT
from virtual_coordinator.network.device import Endpoint, VirtualDevice
from virtual_coordinator.network.record import Record
from virtual_coordinator.network.trust_center import (
    DEFAULT_KEY_TABLE_CAPACITY,
    DEFAULT_KEY_TIMEOUT_S,
    TrustCenter,
    WrongKeyMode,
)

from .codec import EzspCodec
from .devices import DeviceReports
from .handlers_config import ConfigCommands
from .handlers_messaging import MessagingCommands
from .handlers_network import NetworkCommands
from .handlers_security import SecurityCommands
from .handlers_tables import TableCommands
from .persistence import NetworkState, load_network_state, save_network_state

__all__ = ["DEFAULT_PORT", "NetworkState", "VirtualCoordinator"]

DEFAULT_CONFIG = {
    t.EzspConfigId.CONFIG_SECURITY_LEVEL: 5,
    t.EzspConfigId.CONFIG_KEY_TABLE_SIZE: 4,
    t.EzspConfigId.CONFIG_ADDRESS_TABLE_SIZE: 16,
    t.EzspConfigId.CONFIG_MULTICAST_TABLE_SIZE: 16,
    t.EzspConfigId.CONFIG_SOURCE_ROUTE_TABLE_SIZE: 200,
    t.EzspConfigId.CONFIG_PACKET_BUFFER_COUNT: 255,
    t.EzspConfigId.CONFIG_STACK_PROFILE: 2,
    t.EzspConfigId.CONFIG_MAX_END_DEVICE_CHILDREN: 32,
    t.EzspConfigId.CONFIG_TRANSIENT_KEY_TIMEOUT_S: DEFAULT_KEY_TIMEOUT_S,
}


class VirtualCoordinator(
    ConfigCommands,
    NetworkCommands,
    SecurityCommands,
    MessagingCommands,
    TableCommands,
    DeviceReports,
):
    """An emulated Silicon Labs EmberZNet NCP speaking EZSP over ASH."""

    def __init__(
        self,
        *,
        ezsp_version: int = 8,
        state_file: str | os.PathLike[str] | None = None,
        ieee: str | None = None,
        key_timeout_s: float = DEFAULT_KEY_TIMEOUT_S,
        key_table_capacity: int = DEFAULT_KEY_TABLE_CAPACITY,
        wildcard_key_counts: bool = True,
        wrong_key: WrongKeyMode = "deny",
        clock: Callable[[], float] = time.monotonic,
        rstack_on_connect: bool = False,
        serial_number: str | None = None,
    ) -> None:
        self.codec = EzspCodec(ezsp_version)
        self.ezsp_version = ezsp_version
        self.record = Record()
        self._watch_record()
        self.trust_center = TrustCenter(
            self.record,
            key_timeout_s=key_timeout_s,
            key_table_capacity=key_table_capacity,
            wildcard_key_counts=wildcard_key_counts,
            wrong_key=wrong_key,
            clock=clock,
        )
        self.state_file = pathlib.Path(state_file) if state_file else None
        self._init_transports(rstack_on_connect=rstack_on_connect)
        self.state = load_network_state(self.state_file, ieee)
        self.serial_number = serial_number or str(self.state.ieee).replace(":", "")
        self.stack_up = False
        self.config: dict[int, int] = {int(k): v for k, v in DEFAULT_CONFIG.items()}
        self.config[int(t.EzspConfigId.CONFIG_TRANSIENT_KEY_TIMEOUT_S)] = int(
            key_timeout_s
        )
        self.values: dict[int, bytes] = {}
        self.policies: dict[int, int] = {}
        self.endpoints: list[Endpoint] = []
        self.extended_timeouts: dict[zt.EUI64, bool] = {}
        self.devices: dict[zt.EUI64, VirtualDevice] = {}
        self._silent: set[zt.EUI64] = set()
        self.frames: list[str] = []  # names of the frames received, in order
        self._last_seq = 0
        self._deferred = None
        self._aps_seq = random.randint(0, 255)

    # -- public accessors ------------------------------------------------------
    @property
    def ieee(self) -> zt.EUI64:
        return self.state.ieee

    def save_state(self) -> None:
        save_network_state(self.state_file, self.state)

    # -- resets ----------------------------------------------------------------

    def _reboot(self) -> None:
        self.stack_up = False
        self.trust_center.reboot()
        self.extended_timeouts.clear()

    def _reset_received(self) -> None:
        self.trust_center.log("reset")
        self._reboot()

    def reset_ncp(
        self, reset_code: t.NcpResetCode = t.NcpResetCode.RESET_SOFTWARE
    ) -> None:
        """Reboot on the NCP's own (watchdog, power glitch, firmware assert).

        RAM state is lost (transient keys, permit, policy back to the default)
        and the host gets an unsolicited RSTACK; bellows takes it as a failure
        and reports the connection lost.
        """
        self._require_idle_context()
        self.trust_center.log("reset", source="ncp")
        self._reboot()
        if self._ash is not None:
            self._ash.restart()
            self._ash.send_rstack(reset_code)

    def set_policy_directly(self, decision: int) -> None:
        """Change the trust-center policy behind the host's back (another client)."""
        self.trust_center.set_policy(decision, source="control")
