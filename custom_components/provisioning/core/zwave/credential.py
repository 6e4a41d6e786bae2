"""Z-Wave SmartStart devices on the technology-neutral list.

Rules:

- A Z-Wave device's id is its DSK with the PIN masked (``Dsk.masked``,
  ``xxxxx-23456-…``): the seven groups that travel over the air. Two DSKs
  that differ only in the PIN are the same device; stated with different
  PINs, they are a conflict.
- Its credential (``SmartStartCredential``) is the full DSK (the PIN is the
  secret), the security classes to grant, and what the label says: the
  protocols the device supports and its product data. ``public()`` shows the
  DSK masked, never the PIN; ``to_storage()`` holds the full DSK, for
  persistence and for the Z-Wave adapter only.
- A scanned SmartStart QR code grants what the device requests; a typed DSK
  grants the classes the user chose.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final, Literal

from custom_components.provisioning.core.credential import Credential
from custom_components.provisioning.core.errors import ZWaveCodeError
from custom_components.provisioning.core.identity import DeviceId, Technology

from .dsk import Dsk, parse_dsk
from .qr import ProductId, ProductType, Protocol, SmartStartQrCode
from .security import SecurityClass, parse_security_classes
from .typed import TypedDsk

FORMAT_SMARTSTART: Final = "smartstart"
FORMAT_DSK: Final = "dsk"

PROTOCOL_NAMES: Final = {
    Protocol.ZWave: "zwave",
    Protocol.ZWaveLongRange: "zwave_long_range",
}
_PROTOCOLS_BY_NAME: Final = {name: member for member, name in PROTOCOL_NAMES.items()}


def zwave_id(dsk: Dsk) -> DeviceId:
    """Return the list id of a DSK: the DSK with its PIN masked."""
    return DeviceId(Technology.ZWAVE, dsk.masked)


@dataclass(frozen=True, repr=False, slots=True)
class Label:
    """What a SmartStart label says besides the DSK and the classes."""

    manufacturer_id: int
    product_type: int
    product_id: int
    application_version: str
    generic_device_class: int
    specific_device_class: int
    installer_icon_type: int
    max_inclusion_request_interval: int | None = None
    uuid16: str | None = None

    @classmethod
    def of(cls, code: SmartStartQrCode) -> Label:
        """Return what the QR code says."""
        product_id: ProductId = code.product_id
        product_type: ProductType = code.product_type
        return cls(
            manufacturer_id=product_id.manufacturer_id,
            product_type=product_id.product_type,
            product_id=product_id.product_id,
            application_version=product_id.application_version_text,
            generic_device_class=product_type.generic_device_class,
            specific_device_class=product_type.specific_device_class,
            installer_icon_type=product_type.installer_icon_type,
            max_inclusion_request_interval=code.max_inclusion_request_interval,
            uuid16=code.uuid16,
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the label's data, JSON-safe (no secret in it)."""
        return {
            "manufacturer_id": self.manufacturer_id,
            "product_type": self.product_type,
            "product_id": self.product_id,
            "application_version": self.application_version,
            "generic_device_class": self.generic_device_class,
            "specific_device_class": self.specific_device_class,
            "installer_icon_type": self.installer_icon_type,
            "max_inclusion_request_interval": self.max_inclusion_request_interval,
            "uuid16": self.uuid16,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Label:
        """Rebuild from ``as_dict`` output; refuse anything malformed."""
        try:
            ints = {
                key: _uint16(data[key])
                for key in (
                    "manufacturer_id",
                    "product_type",
                    "product_id",
                    "generic_device_class",
                    "specific_device_class",
                    "installer_icon_type",
                )
            }
            interval = data.get("max_inclusion_request_interval")
            uuid16 = data.get("uuid16")
            version = data["application_version"]
        except (KeyError, TypeError) as err:
            raise ZWaveCodeError("zwave_bad_block") from err
        if not isinstance(version, str) or not (
            interval is None or (type(interval) is int and interval >= 0)
        ):
            raise ZWaveCodeError("zwave_bad_block")
        if uuid16 is not None and not isinstance(uuid16, str):
            raise ZWaveCodeError("zwave_bad_block")
        return cls(
            **ints,
            application_version=version,
            max_inclusion_request_interval=interval,
            uuid16=uuid16,
        )

    def __repr__(self) -> str:
        """Return the product data."""
        return (
            f"Label({self.manufacturer_id:#06x}:{self.product_type:#06x}:"
            f"{self.product_id:#06x})"
        )


def _uint16(value: Any) -> int:
    if type(value) is not int or not 0 <= value <= 0xFFFF:
        raise ZWaveCodeError("zwave_bad_block")
    return value


@dataclass(frozen=True, repr=False, slots=True)
class SmartStartCredential:
    """The DSK of a SmartStart device, the classes to grant, and its label."""

    kind: ClassVar[Literal["dsk"]] = "dsk"
    technology: ClassVar[Literal[Technology.ZWAVE]] = Technology.ZWAVE

    dsk: Dsk
    security_classes: frozenset[SecurityClass]
    supported_protocols: frozenset[Protocol] | None = None
    label: Label | None = field(default=None)

    @property
    def device(self) -> DeviceId:
        """The device's id on the list."""
        return zwave_id(self.dsk)

    @property
    def protocol(self) -> Protocol | None:
        """The protocol to include the device with: Long Range only for an
        LR-only device; None (the controller's choice) when the label says
        nothing."""
        if self.supported_protocols is None:
            return None
        if self.supported_protocols == {Protocol.ZWaveLongRange}:
            return Protocol.ZWaveLongRange
        return Protocol.ZWave

    def same_key(self, other: Credential) -> bool:
        """Return whether both have the same DSK, PIN included."""
        return isinstance(other, SmartStartCredential) and self.dsk == other.dsk

    def class_names(self) -> list[str]:
        """The classes to grant, by zwave-js name, in zwave-js's order."""
        return [member.name for member in sorted(self.security_classes)]

    def public(self) -> dict[str, Any]:
        """Return the masked DSK, the classes and the label: no PIN."""
        protocol = self.protocol
        return {
            "dsk": self.dsk.masked,
            "security_classes": self.class_names(),
            "zwave_protocol": None if protocol is None else PROTOCOL_NAMES[protocol],
            "supported_protocols": (
                None
                if self.supported_protocols is None
                else sorted(PROTOCOL_NAMES[p] for p in self.supported_protocols)
            ),
            "label": None if self.label is None else self.label.as_dict(),
        }

    def to_storage(self) -> dict[str, Any]:
        """Return everything, the full DSK included, for persistence only."""
        return self.public() | {"kind": self.kind, "key": self.dsk.reveal()}

    @classmethod
    def from_storage(cls, data: Mapping[str, Any]) -> SmartStartCredential:
        """Rebuild from ``to_storage`` output; raises ZWaveCodeError only."""
        key = data.get("key")
        classes = data.get("security_classes")
        protocols = data.get("supported_protocols")
        label = data.get("label")
        if not isinstance(key, str) or not isinstance(classes, list):
            raise ZWaveCodeError("zwave_dsk_format", {"field": "dsk"})
        if protocols is not None and (
            not isinstance(protocols, list)
            or any(p not in _PROTOCOLS_BY_NAME for p in protocols)
        ):
            raise ZWaveCodeError("zwave_bad_block")
        if label is not None and not isinstance(label, Mapping):
            raise ZWaveCodeError("zwave_bad_block")
        return cls(
            parse_dsk(key),
            parse_security_classes(classes),
            None
            if protocols is None
            else frozenset(_PROTOCOLS_BY_NAME[p] for p in protocols),
            None if label is None else Label.from_dict(label),
        )

    @classmethod
    def of_qr_code(cls, code: SmartStartQrCode) -> SmartStartCredential:
        """The credential a scanned label gives: the classes it requests."""
        return cls(
            code.dsk,
            code.requested_security_classes,
            code.supported_protocols,
            Label.of(code),
        )

    @classmethod
    def of_typed(cls, typed: TypedDsk) -> SmartStartCredential:
        """The credential of a typed DSK and the classes chosen."""
        return cls(typed.dsk, typed.security_classes)

    def __repr__(self) -> str:
        """Return the masked DSK and the classes."""
        return f"SmartStartCredential({self.dsk.masked}, {self.class_names()})"

    __str__ = __repr__


@dataclass(frozen=True, slots=True)
class ScannedZWaveCode:
    """A Z-Wave device as read from its label or typed in."""

    credential: SmartStartCredential
    format: str = field(default=FORMAT_SMARTSTART, compare=False)
    model: str | None = None

    @property
    def device(self) -> DeviceId:
        """The device's id on the list."""
        return self.credential.device


def dsk_of(credential: Credential) -> SmartStartCredential:
    """Return a Z-Wave entry's credential; refuse another technology's."""
    if not isinstance(credential, SmartStartCredential):
        raise TypeError(f"Not a Z-Wave credential: {credential!r}")
    return credential
