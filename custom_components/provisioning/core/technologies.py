"""The one place that knows every technology: reading ids, codes and entries.

Rules:

- The generic modules hand text to the functions here and get back neutral
  values (``DeviceId``, ``Credential``, ``ProvisioningEntry``); which
  technology a text belongs to is decided here and nowhere else.
- A device's public id tells its technology by its form (``identity``); an
  IEEE address is also accepted in any form ``parse_ieee`` takes.
- A code is a Z-Wave SmartStart QR code when, without white space, it is
  digits only, starts with ``90`` and has at least 52 digits (the shortest
  SmartStart code); such a text is never read as a Zigbee label, so a Z-Wave
  code with a wrong checksum is refused, never taken for something else.
  Everything else is a Zigbee label or code.
- Stored entries of every earlier version are read: an entry without a
  ``technology`` is a Zigbee entry with ``ieee``, ``key_type`` and ``key``.
- Errors are ``InvalidCodeError`` (a ``ValueError``) with a translation key.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
import re
from typing import Any, Final, Protocol

from .credential import Credential
from .entry import EntryStatus, ProvisioningEntry
from .errors import InvalidCodeError
from .identity import DeviceId, Technology, technology_of
from .zigbee.codes import credential_from_storage as zigbee_credential_from_storage
from .zigbee.identity import zigbee_id
from .zigbee.qr import parse_device_code as parse_zigbee_code
from .zwave.credential import (
    FORMAT_DSK,
    FORMAT_SMARTSTART,
    ScannedZWaveCode,
    SmartStartCredential,
)
from .zwave.qr import LEAD_IN, MIN_QR_LENGTH, parse_smartstart_qr
from .zwave.typed import parse_typed_dsk

FIELD_ID: Final = "id"
_WHITE_SPACE: Final = re.compile(r"\s+")
_DIGITS: Final = re.compile(r"[0-9]+", re.ASCII)


class ScannedDevice(Protocol):
    """A device read from a label or typed in, of any technology."""

    @property
    def device(self) -> DeviceId:
        """The device's id on the list."""

    @property
    def credential(self) -> Credential:
        """Its secret and what admitting it needs."""

    @property
    def model(self) -> str | None:
        """A model hint from the label, if any."""

    @property
    def format(self) -> str:
        """The label format it was read from."""


def parse_device_id(text: str) -> DeviceId:
    """Return the id a text names: a public id, or an IEEE in any form."""
    text = text.strip()
    match technology_of(text):
        case Technology.ZWAVE:
            return DeviceId(Technology.ZWAVE, text)
        case Technology.ZIGBEE:
            return zigbee_id(text)
    if text[:5].lower() == "xxxxx":
        raise InvalidCodeError("bad_device_id", {"field": FIELD_ID})
    return zigbee_id(text)  # its own error says what is wrong with the address


def is_zwave_qr_code(text: str) -> bool:
    """Return whether a text is to be read as a Z-Wave SmartStart QR code."""
    code = _WHITE_SPACE.sub("", text)
    return (
        code.startswith(LEAD_IN)
        and len(code) >= MIN_QR_LENGTH
        and _DIGITS.fullmatch(code) is not None
    )


def parse_device_code(
    *,
    qr_code: str | None = None,
    ieee: str | None = None,
    install_code: str | None = None,
    link_key: str | None = None,
    dsk: str | None = None,
    security_classes: Iterable[str] | None = None,
) -> ScannedDevice:
    """Parse the inputs of a service call or form, whatever the technology.

    A QR code alone (Zigbee or Z-Wave); an IEEE address with an install code
    or a link key; or a typed DSK with the security classes to grant (none:
    the device is included without security). Empty strings count as not
    given. An error of one field carries its name in ``field``.
    """
    dsk = dsk.strip() if dsk and dsk.strip() else None
    zigbee_given = any(v and v.strip() for v in (ieee, install_code, link_key))
    if dsk is not None:
        if zigbee_given or (qr_code and qr_code.strip()):
            raise InvalidCodeError("key_ambiguous")
        typed = parse_typed_dsk(dsk, security_classes or ())
        return ScannedZWaveCode(SmartStartCredential.of_typed(typed), FORMAT_DSK)
    if security_classes:
        raise InvalidCodeError("key_ambiguous")
    if qr_code and is_zwave_qr_code(qr_code):
        if zigbee_given:
            raise InvalidCodeError("key_ambiguous")
        code = parse_smartstart_qr(qr_code)
        return ScannedZWaveCode(
            SmartStartCredential.of_qr_code(code), FORMAT_SMARTSTART
        )
    return parse_zigbee_code(
        qr_code=qr_code, ieee=ieee, install_code=install_code, link_key=link_key
    )


def credential_from_storage(data: Mapping[str, Any]) -> Credential:
    """Rebuild a credential from its ``to_storage`` output."""
    kind = data.get("kind")
    if kind == SmartStartCredential.kind:
        return SmartStartCredential.from_storage(data)
    key = data.get("key")
    if not isinstance(kind, str) or not isinstance(key, str):
        raise InvalidCodeError("unknown_format")
    return zigbee_credential_from_storage(kind, key)


def entry_from_storage(data: Mapping[str, Any]) -> ProvisioningEntry:
    """Rebuild an entry from ``ProvisioningEntry.to_storage`` output.

    Entries stored before the list named technologies (``ieee``, ``key_type``,
    ``key``) are read as the Zigbee entries they are.
    """
    if "technology" in data:
        device = parse_device_id(data["id"])
        if device.technology != data["technology"]:
            raise InvalidCodeError("bad_device_id", {"field": FIELD_ID})
        credential = credential_from_storage(data["credential"])
    else:
        device = zigbee_id(data["ieee"])
        credential = credential_from_storage(
            {"kind": data["key_type"], "key": data["key"]}
        )
    if credential.technology is not device.technology:
        raise InvalidCodeError("unknown_format")
    if device.technology is Technology.ZWAVE:
        assert isinstance(credential, SmartStartCredential)
        if credential.device != device:
            raise InvalidCodeError("bad_device_id", {"field": FIELD_ID})
    return ProvisioningEntry(
        device=device,
        credential=credential,
        provider_id=data["provider_id"],
        name=data.get("name"),
        area=data.get("area"),
        manufacturer=data.get("manufacturer"),
        model=data.get("model"),
        status=EntryStatus(data.get("status", EntryStatus.PENDING)),
        status_reason=data.get("status_reason"),
        created_at=datetime.fromisoformat(data["created_at"]),
        updated_at=datetime.fromisoformat(data["updated_at"]),
    )
