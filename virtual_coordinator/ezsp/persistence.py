"""What the virtual NCP keeps in non-volatile memory, and its state file.

Rules: the network parameters, keys, frame counters and the joined devices
(IEEE -> NWK) survive restarts; transient keys, the permit window and the
policy live in RAM only and do not. The file is replaced whole.
"""

from __future__ import annotations

import dataclasses
import pathlib
from typing import Any

import zigpy.types as zt

from virtual_coordinator.network.persistence import (
    check_ieee,
    new_ieee,
    read_state,
    write_state,
)

# Silicon Labs' OUI, in the order zigpy's EUI64 holds its bytes
SILABS_OUI = (0x4B, 0x68, 0x00)


@dataclasses.dataclass
class NetworkState:
    """What the NCP keeps in non-volatile memory."""

    ieee: zt.EUI64
    formed: bool = False
    pan_id: int = 0xFFFF
    extended_pan_id: zt.EUI64 = dataclasses.field(
        default_factory=lambda: zt.EUI64.convert("00:00:00:00:00:00:00:00")
    )
    channel: int = 0
    channels: int = 0
    tx_power: int = 8
    nwk_manager_id: int = 0
    nwk_update_id: int = 0
    security_bitmask: int = 0
    network_key: zt.KeyData = dataclasses.field(
        default_factory=lambda: zt.KeyData(bytes(16))
    )
    network_key_seq: int = 0
    tc_link_key: zt.KeyData = dataclasses.field(
        default_factory=lambda: zt.KeyData(b"ZigBeeAlliance09")
    )
    nwk_frame_counter: int = 0
    aps_frame_counter: int = 0
    devices: dict[str, int] = dataclasses.field(default_factory=dict)  # ieee -> nwk

    def to_json(self) -> dict[str, Any]:
        return {
            "ieee": str(self.ieee),
            "formed": self.formed,
            "pan_id": self.pan_id,
            "extended_pan_id": str(self.extended_pan_id),
            "channel": self.channel,
            "channels": self.channels,
            "tx_power": self.tx_power,
            "nwk_manager_id": self.nwk_manager_id,
            "nwk_update_id": self.nwk_update_id,
            "security_bitmask": self.security_bitmask,
            "network_key": self.network_key.serialize().hex(),
            "network_key_seq": self.network_key_seq,
            "tc_link_key": self.tc_link_key.serialize().hex(),
            "nwk_frame_counter": self.nwk_frame_counter,
            "aps_frame_counter": self.aps_frame_counter,
            "devices": dict(self.devices),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NetworkState:
        return cls(
            ieee=zt.EUI64.convert(data["ieee"]),
            formed=data["formed"],
            pan_id=data["pan_id"],
            extended_pan_id=zt.EUI64.convert(data["extended_pan_id"]),
            channel=data["channel"],
            channels=data["channels"],
            tx_power=data["tx_power"],
            nwk_manager_id=data["nwk_manager_id"],
            nwk_update_id=data["nwk_update_id"],
            security_bitmask=data["security_bitmask"],
            network_key=zt.KeyData(bytes.fromhex(data["network_key"])),
            network_key_seq=data["network_key_seq"],
            tc_link_key=zt.KeyData(bytes.fromhex(data["tc_link_key"])),
            nwk_frame_counter=data["nwk_frame_counter"],
            aps_frame_counter=data["aps_frame_counter"],
            devices=dict(data.get("devices", {})),
        )


def load_network_state(path: pathlib.Path | None, ieee: str | None) -> NetworkState:
    """The state file's network, or a blank one for ``ieee`` (random if None)."""
    data = read_state(path)
    if data is not None:
        state = NetworkState.from_json(data)
        check_ieee(ieee, state.ieee)
        return state
    return NetworkState(ieee=new_ieee(SILABS_OUI, ieee))


def save_network_state(path: pathlib.Path | None, state: NetworkState) -> None:
    if path is not None:
        write_state(path, state.to_json())
