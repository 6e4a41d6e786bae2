"""What every storage backend offers, and the records it returns.

Rules:

* Every backend (SQLite, PostgreSQL) implements :class:`AsyncStore`; the HTTP
  API and the command line use only this interface, so both run the same code
  on either backend.
* Tokens are random; only their SHA-256 hash is stored. Hub tokens and admin
  tokens live in separate tables: one never authenticates as the other.
* Every change of a hub's device list increments its ``revision`` (and so the
  ETag), in the same transaction as the change. Unchanged re-imports do not.
* Bulk changes are all or nothing: a :class:`ItemsError` names every bad item
  and nothing is written.
* A backend reports revision changes made by *any* writer (this process,
  another process, another server instance) through :meth:`AsyncStore.watch`.
* Every backend maps rows and records with the helpers below (``HUB_COLUMNS``,
  ``DEVICE_COLUMNS``, ``hub_from_row``, ``device_values``, ``event_row``,
  ``status_row``...), so that both store and return the same values.
* A device row's ``ieee`` is the device's id: the IEEE address, or for a
  Z-Wave device (``technology`` ``zwave``) the masked DSK, which sorts after
  every IEEE address. Its full DSK is in ``dsk``. A Z-Wave device whose masked
  DSK a hub already lists with another full DSK (another PIN) is refused
  (:class:`ItemsError`); events and statuses use the same id.
* Schema versions: 1 is API 1.1's schema (no version recorded), 2 adds the
  Z-Wave columns (``SCHEMA_VERSION``). Opening a database migrates it in
  place, keeping every row; a database of a newer version is refused.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
import hashlib
import hmac
import json
from typing import Any

from provisioning_server.validation import DeviceRecord, EventRecord, parse_rfc3339

TOKEN_PREFIX = "pvs_"
ADMIN_TOKEN_PREFIX = "pva_"

# Called with the id of a hub whose revision changed.
ChangeCallback = Callable[[str], None]


class StoreError(Exception):
    """A request to the store cannot be carried out."""


class UnknownHubError(StoreError):
    """The hub does not exist."""


class ItemsError(StoreError):
    """Some items of a bulk request are not acceptable; nothing was changed."""

    def __init__(self, errors: Sequence[tuple[int, str]]) -> None:
        """Keep the (index, message) pairs."""
        super().__init__("; ".join(f"item {index}: {msg}" for index, msg in errors))
        self.errors = list(errors)


def hash_token(token: str) -> str:
    """Return the stored form of a token (tokens are random, so SHA-256 suffices)."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_hint(token: str) -> str:
    """Return the first characters of a token, to recognise it by."""
    return token[: len(TOKEN_PREFIX) + 4] + "..."


def now_text() -> str:
    """Return the current time as RFC 3339 (UTC, seconds)."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


SCHEMA_VERSION = 2
HUB_COLUMNS = "hub_id, revision, etag_salt, created_at"
VALUE_COLUMNS = (
    "install_code, link_key, name, area, manufacturer, model, state, technology,"
    " dsk, security_classes, zwave_protocol, manufacturer_id, product_type,"
    " product_id"
)
DEVICE_COLUMNS = "ieee, " + VALUE_COLUMNS
# Columns that API 1.2 adds: (table, column, SQL type and default).
ADDED_COLUMNS = (
    ("devices", "technology", "TEXT NOT NULL DEFAULT 'zigbee'"),
    ("devices", "dsk", "TEXT"),
    ("devices", "security_classes", "TEXT"),
    ("devices", "zwave_protocol", "TEXT"),
    ("devices", "manufacturer_id", "INTEGER"),
    ("devices", "product_type", "INTEGER"),
    ("devices", "product_id", "INTEGER"),
    ("events", "technology", "TEXT NOT NULL DEFAULT 'zigbee'"),
    ("events", "node_id", "INTEGER"),
    ("device_status", "node_id", "INTEGER"),
)


def hub_from_row(row: Any) -> HubInfo:
    """Return the hub of a row with the ``HUB_COLUMNS``."""
    return HubInfo(
        hub_id=row["hub_id"],
        revision=int(row["revision"]),
        etag_salt=row["etag_salt"],
        created_at=row["created_at"],
    )


def device_from_row(row: Any) -> DeviceRecord:
    """Return the device of a row with the ``DEVICE_COLUMNS``."""
    return DeviceRecord(**dict(row))


def device_values(device: DeviceRecord) -> tuple[str | int | None, ...]:
    """Return what an import stores of ``device`` (``VALUE_COLUMNS``)."""
    return (
        device.install_code,
        device.link_key,
        device.name,
        device.area,
        device.manufacturer,
        device.model,
        "active",
        device.technology,
        device.dsk,
        device.security_classes,
        device.zwave_protocol,
        device.manufacturer_id,
        device.product_type,
        device.product_id,
    )


def dsk_conflict(index: int, device: DeviceRecord) -> tuple[int, str]:
    """Return the ``ItemsError`` item of a DSK whose PIN differs from the listed
    one; the message names the masked DSK only."""
    return (
        index,
        f"device {device.ieee} is already listed with another DSK (same last"
        " seven groups, another PIN); revoke or correct it first",
    )


def dsk_differs(device: DeviceRecord, technology: Any, old_dsk: Any) -> bool:
    """Whether ``device`` is a Z-Wave device listed with another full DSK.

    Compares in constant time.
    """
    if device.technology != "zwave" or technology != "zwave":
        return False
    return not hmac.compare_digest(
        str(old_dsk or "").encode(), (device.dsk or "").encode()
    )


def not_provisioned(index: int, ieee: str) -> tuple[int, str]:
    """Return the ``ItemsError`` item of a device the hub does not list."""
    return (index, f"device {ieee} is not provisioned")


def event_row(hub_id: str, event: EventRecord, received: str) -> tuple[Any, ...]:
    """Return the ``events`` row of an event: hub, id, ieee, status, at, details,
    received, technology, node_id."""
    return (
        hub_id,
        event.event_id.lower(),
        event.ieee,
        event.status,
        event.at,
        None if event.details is None else json.dumps(event.details),
        received,
        event.technology,
        event.node_id,
    )


def status_row(hub_id: str, event: EventRecord) -> tuple[Any, ...]:
    """Return the ``device_status`` row an event sets: hub, ieee, status, at,
    at_epoch, node_id."""
    return (
        hub_id,
        event.ieee,
        event.status,
        event.at,
        parse_rfc3339(event.at).timestamp(),
        event.node_id,
    )


@dataclass(frozen=True, slots=True)
class HubInfo:
    """A hub and the revision of its device list."""

    hub_id: str
    revision: int
    etag_salt: str
    created_at: str

    @property
    def etag(self) -> str:
        """Strong entity tag of the hub's device list."""
        return f'"{self.etag_salt}-{self.revision}"'


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A token's metadata; the token itself is never stored."""

    token_id: int
    hub_id: str
    hint: str
    label: str | None
    created_at: str


@dataclass(frozen=True, slots=True)
class AdminTokenInfo:
    """An admin token's metadata; the token itself is never stored."""

    token_id: int
    hint: str
    label: str | None
    created_at: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import changed."""

    added: int
    updated: int
    unchanged: int
    revision: int


@dataclass(frozen=True, slots=True)
class RevokeResult:
    """What a bulk revocation changed."""

    revoked: int
    unchanged: int
    revision: int


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    """A device with its last reported status."""

    ieee: str
    name: str | None
    area: str | None
    state: str
    status: str | None
    at: str | None
    technology: str = "zigbee"
    node_id: int | None = None

    def to_json(self) -> dict[str, str | int | None]:
        """The device as the management API and the CLI's ``--json`` show it:
        a Z-Wave device by its (masked) DSK, with its node id."""
        if self.technology == "zwave":
            return {
                "technology": "zwave",
                "dsk": self.ieee,
                "name": self.name,
                "area": self.area,
                "state": self.state,
                "status": self.status,
                "at": self.at,
                "node_id": self.node_id,
            }
        return {
            "ieee": self.ieee,
            "name": self.name,
            "area": self.area,
            "state": self.state,
            "status": self.status,
            "at": self.at,
        }


class AsyncStore(ABC):
    """All persistent state of the server, used from the event loop."""

    @abstractmethod
    async def close(self) -> None:
        """Release the backend's connections."""

    # Hubs

    @abstractmethod
    async def add_hub(self, hub_id: str) -> HubInfo:
        """Create a hub; StoreError when it exists."""

    @abstractmethod
    async def get_hub(self, hub_id: str) -> HubInfo | None:
        """Return a hub (one indexed row; no device is read), or None."""

    @abstractmethod
    async def list_hubs(self) -> list[HubInfo]:
        """Return all hubs ordered by id."""

    # Hub tokens

    @abstractmethod
    async def add_token(
        self, hub_id: str, label: str | None = None
    ) -> tuple[TokenInfo, str]:
        """Create a hub token; the token is returned only here."""

    @abstractmethod
    async def list_tokens(self, hub_id: str) -> list[TokenInfo]:
        """Return the metadata of a hub's tokens."""

    @abstractmethod
    async def remove_token(self, hub_id: str, token_id: int) -> bool:
        """Delete a hub token; True when it existed."""

    @abstractmethod
    async def authenticate(self, token: str) -> str | None:
        """Return the hub a hub token belongs to, or None."""

    # Admin tokens

    @abstractmethod
    async def add_admin_token(
        self, label: str | None = None
    ) -> tuple[AdminTokenInfo, str]:
        """Create an admin token; the token is returned only here."""

    @abstractmethod
    async def list_admin_tokens(self) -> list[AdminTokenInfo]:
        """Return the metadata of all admin tokens."""

    @abstractmethod
    async def remove_admin_token(self, token_id: int) -> bool:
        """Delete an admin token; True when it existed."""

    @abstractmethod
    async def authenticate_admin(self, token: str) -> int | None:
        """Return the id of an admin token, or None."""

    # Devices

    @abstractmethod
    async def import_devices(
        self, hub_id: str, devices: Sequence[DeviceRecord]
    ) -> ImportResult:
        """Add or update devices in one transaction (re-activating revoked ones)."""

    @abstractmethod
    async def revoke_devices(self, hub_id: str, ieees: Sequence[str]) -> RevokeResult:
        """Revoke devices in one transaction; ItemsError when one is not listed."""

    async def revoke_device(self, hub_id: str, ieee: str) -> bool:
        """Revoke one device; True when its state changed."""
        try:
            result = await self.revoke_devices(hub_id, [ieee])
        except ItemsError:
            raise StoreError(
                f"device {ieee} is not provisioned on hub {hub_id}"
            ) from None
        return result.revoked == 1

    @abstractmethod
    async def get_device(self, hub_id: str, ieee: str) -> DeviceRecord | None:
        """Return one device, or None."""

    @abstractmethod
    async def list_devices(
        self,
        hub_id: str,
        *,
        after: str | None,
        limit: int,
        technologies: Sequence[str] | None = None,
    ) -> tuple[HubInfo, list[DeviceRecord], bool]:
        """Return one page of devices ordered by id and whether more follow.

        ``technologies``: only devices of these (None: all).
        """

    # Events

    @abstractmethod
    async def record_events(
        self, hub_id: str, events: Sequence[EventRecord]
    ) -> list[str]:
        """Store events once each; return the ids of all events given."""

    @abstractmethod
    async def count_events(self, hub_id: str) -> int:
        """Return how many distinct events a hub has reported."""

    @abstractmethod
    async def device_status(self, hub_id: str) -> list[DeviceStatus]:
        """Return every provisioned device with its last reported status."""

    # Change notification

    @abstractmethod
    async def watch(
        self, on_change: ChangeCallback, active: Callable[[], bool]
    ) -> Callable[[], Awaitable[None]]:
        """Call ``on_change(hub_id)`` when a revision changes; return a stopper.

        Changes by other processes are noticed within a second. ``active``
        tells whether anyone is waiting; a backend may look less often when not.
        """
