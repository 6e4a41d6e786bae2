"""Zigbee devices on the technology-neutral list: ids from IEEE addresses.

Rules:

- A Zigbee device's ``DeviceId`` is a ``ZigbeeId``: its text is the IEEE
  address (``00:11:22:33:44:55:66:77``) and it carries the ``EUI64`` the
  radio adapters need. It compares and hashes like any ``DeviceId`` with that
  text, so a plain id read from storage finds it.
- ``ieee_of`` and ``link_key_of`` are how Zigbee adapters read an entry; they
  refuse an entry of another technology with ``TypeError`` (a programming
  error: lists are per network, and a Zigbee network's adapter only gets
  Zigbee entries).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zigpy.types import EUI64, KeyData

from custom_components.provisioning.core.identity import DeviceId, Technology

from .codes import InstallCode, LinkKey, parse_ieee

if TYPE_CHECKING:
    from custom_components.provisioning.core.entry import ProvisioningEntry


class ZigbeeId(DeviceId):
    """The id of a Zigbee device: its IEEE address."""

    __slots__ = ("ieee",)

    ieee: EUI64

    def __init__(self, ieee: EUI64) -> None:
        """Initialize from an IEEE address."""
        super().__init__(Technology.ZIGBEE, str(ieee))
        object.__setattr__(self, "ieee", ieee)

    def __reduce__(self) -> tuple[type[ZigbeeId], tuple[EUI64]]:  # type: ignore[override]
        """Copy and pickle with the address."""
        return ZigbeeId, (self.ieee,)


def zigbee_id(ieee: EUI64 | str) -> ZigbeeId:
    """Return the id of an IEEE address (text in any accepted form, or EUI64)."""
    if isinstance(ieee, str):
        ieee = parse_ieee(ieee)
    return ZigbeeId(ieee)


def as_zigbee_id(device: DeviceId) -> ZigbeeId:
    """Return the Zigbee id of ``device``, rebuilt from its text if plain."""
    if isinstance(device, ZigbeeId):
        return device
    if device.technology is not Technology.ZIGBEE:
        raise TypeError(f"Not a Zigbee device: {device!r}")
    return zigbee_id(device.text)


def ieee_of(entry: ProvisioningEntry | DeviceId) -> EUI64:
    """Return the IEEE address of a Zigbee entry or id."""
    device = entry if isinstance(entry, DeviceId) else entry.device
    return as_zigbee_id(device).ieee


def link_key_of(entry: ProvisioningEntry) -> KeyData:
    """Return the link key of a Zigbee entry."""
    credential = entry.credential
    if not isinstance(credential, InstallCode | LinkKey):
        raise TypeError(f"Not a Zigbee credential: {credential!r}")
    return credential.link_key
