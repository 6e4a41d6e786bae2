"""The provisioning list's Z-Wave side: what we want zwave-js's SmartStart
provisioning list to hold, what it holds, and the commands between the two.

Rules:

- Pure: no Home Assistant, no Z-Wave client, no I/O. ``plan`` takes what we
  want (``DesiredProvision``) and what zwave-js reported (``ProvisionedEntry``,
  read from the entry dicts of ``controller.get_provisioning_entries``) and
  returns the commands that bring zwave-js to what we want.
- Ownership: every entry we provision carries one extra property,
  ``"provisioning": "owned-by:<owner>"`` (zwave-js keeps extra properties of a
  provisioning entry and returns them unchanged, across driver restarts, as it
  does for Home Assistant's ``device_id``). An entry without our exact marker
  is foreign: ``plan`` never provisions over it nor unprovisions it, and lists
  it in ``Plan.foreign`` for a read-only display.
- An entry of ours is provisioned again only when it differs from what we want
  in security classes, requested classes (when we give them), status, name,
  location or protocol, keeping its other extra properties; one we no longer
  want is unprovisioned (an included node stays in the network). A restart
  with nothing changed plans nothing.
- Adoption: a wanted entry whose identity is in ``adopt`` takes over the one
  foreign entry with the same full DSK: it is provisioned with our marker and
  the foreign entry's extra properties (Home Assistant's ``device_id`` stays,
  so Home Assistant still merges its ``provision_{dsk}`` placeholder). A
  foreign entry with another PIN is never adopted (a conflict).
- Identity is the masked DSK (last seven groups). A wanted DSK whose identity
  a foreign entry holds is a conflict (not provisioned); two wanted DSKs with
  the same identity and different fields (another PIN, or anything else) are
  a conflict: neither is provisioned, and an entry of ours with that identity
  stays as it is. An entry of ours with the same identity
  but another PIN is unprovisioned before the wanted one is provisioned.
- Unprovisions come before provisions; each group is sorted by identity, so a
  plan is deterministic.
- The full DSK (PIN included) is a secret: ``repr`` of every type here shows
  the masked DSK only; the full text is produced only by
  ``Provision.to_zwave_js`` and ``Plan``'s unprovision DSKs' ``reveal()``, for
  the Z-Wave driver.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from custom_components.provisioning.core.errors import ZWaveCodeError

from .dsk import Dsk, parse_dsk
from .qr import Protocol
from .security import SecurityClass

OWNER_PROPERTY = "provisioning"
OWNER_PREFIX = "owned-by:"
NAME_PROPERTY = "name"
LOCATION_PROPERTY = "location"
# Keys of an entry dict that are not extra properties.
_KNOWN_KEYS = frozenset(
    {
        "dsk",
        "securityClasses",
        "requestedSecurityClasses",
        "status",
        "protocol",
        "nodeId",
        NAME_PROPERTY,
        LOCATION_PROPERTY,
        OWNER_PROPERTY,
    }
)


class ProvisioningStatus(IntEnum):
    """zwave-js's ``ProvisioningEntryStatus``."""

    Active = 0
    Inactive = 1


def owner_marker(owner: str) -> str:
    """The value of the ownership property for ``owner`` (a list id)."""
    return f"{OWNER_PREFIX}{owner}"


@dataclass(frozen=True, slots=True)
class DesiredProvision:
    """An entry we want in zwave-js's provisioning list. ``repr`` masks the DSK.

    ``requested_security_classes`` are the label's (a QR code's), kept for
    display by zwave-js's clients; None when not known.
    """

    dsk: Dsk
    security_classes: frozenset[SecurityClass]
    active: bool = True
    name: str | None = None
    location: str | None = None
    protocol: Protocol | None = None
    requested_security_classes: frozenset[SecurityClass] | None = None

    @property
    def id(self) -> str:
        """The public identity: the masked DSK."""
        return self.dsk.masked


@dataclass(frozen=True, slots=True)
class ProvisionedEntry:
    """An entry of zwave-js's provisioning list, as reported. ``repr`` masks
    the DSK; ``extra`` holds the other extra properties (such as Home
    Assistant's ``device_id``)."""

    dsk: Dsk
    security_classes: frozenset[SecurityClass]
    active: bool = True
    node_id: int | None = None
    name: str | None = None
    location: str | None = None
    protocol: Protocol | None = None
    requested_security_classes: frozenset[SecurityClass] | None = None
    owner: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    @property
    def id(self) -> str:
        """The public identity: the masked DSK."""
        return self.dsk.masked

    def owned_by(self, owner: str) -> bool:
        """Whether the entry carries ``owner``'s marker."""
        return self.owner == owner_marker(owner)


class MalformedEntryError(ValueError):
    """zwave-js reported an entry this module cannot read (never shows it)."""


def _classes(values: Any) -> frozenset[SecurityClass]:
    if not isinstance(values, list):
        raise MalformedEntryError("security classes are not a list")
    try:
        return frozenset(SecurityClass(value) for value in values)
    except (ValueError, TypeError) as err:
        raise MalformedEntryError("unknown security class") from err


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def parse_reported(data: Mapping[str, Any]) -> ProvisionedEntry:
    """Read one entry dict of ``controller.get_provisioning_entries``.

    Raises MalformedEntryError only; its message never quotes the entry.
    """
    dsk_text = data.get("dsk")
    if not isinstance(dsk_text, str):
        raise MalformedEntryError("no DSK")
    try:
        dsk = parse_dsk(dsk_text)
    except ZWaveCodeError as err:
        raise MalformedEntryError("bad DSK") from err
    status = data.get("status", ProvisioningStatus.Active)
    protocol_value = data.get("protocol")
    try:
        protocol = None if protocol_value is None else Protocol(protocol_value)
    except ValueError as err:
        raise MalformedEntryError("unknown protocol") from err
    requested = data.get("requestedSecurityClasses")
    node_id = data.get("nodeId")
    return ProvisionedEntry(
        dsk=dsk,
        security_classes=_classes(data.get("securityClasses")),
        active=status != ProvisioningStatus.Inactive,
        node_id=node_id if isinstance(node_id, int) else None,
        name=_text(data.get(NAME_PROPERTY)),
        location=_text(data.get(LOCATION_PROPERTY)),
        protocol=protocol,
        requested_security_classes=None if requested is None else _classes(requested),
        owner=_text(data.get(OWNER_PROPERTY)),
        extra={k: v for k, v in data.items() if k not in _KNOWN_KEYS},
    )


def parse_reported_list(
    entries: Iterable[Mapping[str, Any]],
) -> tuple[list[ProvisionedEntry], int]:
    """Read a list of entry dicts; return the readable ones and how many were
    skipped (an unreadable entry is never ours to touch)."""
    result: list[ProvisionedEntry] = []
    skipped = 0
    for data in entries:
        try:
            result.append(parse_reported(data))
        except MalformedEntryError:
            skipped += 1
    return result, skipped


@dataclass(frozen=True, slots=True)
class Provision:
    """Provision (add or replace) one entry. ``new`` is False for a change or
    an adoption; ``keep`` are the extra properties of the entry replaced
    (such as Home Assistant's ``device_id``), sent again unchanged."""

    desired: DesiredProvision
    new: bool
    keep: Mapping[str, Any] = field(default_factory=dict)
    adopted: bool = False

    def to_zwave_js(self, owner: str) -> dict[str, Any]:
        """The entry dict for ``controller.provision_smart_start_node``.

        Secret: it holds the full DSK; hand it to the driver only.
        """
        desired = self.desired
        entry: dict[str, Any] = {
            **{k: v for k, v in self.keep.items() if k not in _KNOWN_KEYS},
            "dsk": desired.dsk.reveal(),
            "securityClasses": sorted(int(c) for c in desired.security_classes),
            "status": int(
                ProvisioningStatus.Active
                if desired.active
                else ProvisioningStatus.Inactive
            ),
            OWNER_PROPERTY: owner_marker(owner),
        }
        if desired.requested_security_classes is not None:
            entry["requestedSecurityClasses"] = sorted(
                int(c) for c in desired.requested_security_classes
            )
        if desired.protocol is not None:
            entry["protocol"] = int(desired.protocol)
        if desired.name is not None:
            entry[NAME_PROPERTY] = desired.name
        if desired.location is not None:
            entry[LOCATION_PROPERTY] = desired.location
        return entry


@dataclass(frozen=True, slots=True)
class Plan:
    """The commands that bring zwave-js to what we want, and what we saw.

    ``unprovision`` are DSKs of our entries (run first), ``provision`` the
    entries to add or replace, ``foreign`` the entries not ours, ``conflicts``
    the identities (masked DSKs) we want but do not provision.
    """

    provision: tuple[Provision, ...] = ()
    unprovision: tuple[Dsk, ...] = ()
    foreign: tuple[ProvisionedEntry, ...] = ()
    conflicts: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when there is no command to send."""
        return not self.provision and not self.unprovision


def _differs(desired: DesiredProvision, entry: ProvisionedEntry) -> bool:
    return (
        desired.security_classes != entry.security_classes
        or desired.active != entry.active
        or desired.name != entry.name
        or desired.location != entry.location
        or desired.protocol != entry.protocol
        or (
            desired.requested_security_classes is not None
            and desired.requested_security_classes != entry.requested_security_classes
        )
    )


def _identity(dsk: Dsk) -> bytes:
    return dsk.data[2:]


def _adoptable(item: DesiredProvision, held: list[ProvisionedEntry]) -> bool:
    """Whether the one foreign entry of this identity has the wanted DSK."""
    return len(held) == 1 and held[0].dsk == item.dsk


def plan(
    desired: Iterable[DesiredProvision],
    reported: Iterable[ProvisionedEntry],
    owner: str,
    adopt: Collection[str] = (),
) -> Plan:
    """Plan the commands that make zwave-js hold ``desired`` for ``owner``;
    ``adopt`` are identities (masked DSKs) of foreign entries to take over."""
    wanted: dict[bytes, list[DesiredProvision]] = {}
    for item in desired:
        bucket = wanted.setdefault(_identity(item.dsk), [])
        if item not in bucket:
            bucket.append(item)
    ours: dict[bytes, list[ProvisionedEntry]] = {}
    theirs: dict[bytes, list[ProvisionedEntry]] = {}
    for entry in reported:
        if entry.owned_by(owner):
            ours.setdefault(_identity(entry.dsk), []).append(entry)
        else:
            theirs.setdefault(_identity(entry.dsk), []).append(entry)

    provision: list[Provision] = []
    unprovision: list[Dsk] = []
    conflicts: list[str] = []
    for identity in sorted(wanted.keys() | ours.keys()):
        items = wanted.get(identity, [])
        entries = sorted(ours.get(identity, []), key=lambda entry: entry.dsk.data)
        held = theirs.get(identity, [])
        if len(items) > 1 or (items and held and not _adoptable(items[0], held)):
            conflicts.append(items[0].dsk.masked)
            continue
        if not items:
            unprovision.extend(entry.dsk for entry in entries)
            continue
        item = items[0]
        if held and item.id in adopt and not entries:
            provision.append(Provision(item, False, held[0].extra, adopted=True))
            del theirs[identity]
            continue
        if held:
            conflicts.append(item.dsk.masked)
            continue
        same = [entry for entry in entries if entry.dsk == item.dsk]
        unprovision.extend(entry.dsk for entry in entries if entry.dsk != item.dsk)
        if not same:
            provision.append(Provision(item, new=True))
        elif _differs(item, same[0]):
            provision.append(Provision(item, new=False, keep=same[0].extra))
    foreign = sorted(
        (entry for group in theirs.values() for entry in group),
        key=lambda entry: (_identity(entry.dsk), entry.dsk.data),
    )
    return Plan(
        provision=tuple(provision),
        unprovision=tuple(unprovision),
        foreign=tuple(foreign),
        conflicts=tuple(conflicts),
    )
