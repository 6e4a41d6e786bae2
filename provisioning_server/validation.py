"""Validation of devices (Zigbee and Z-Wave), events and CSV imports.

Rules:

* A device's ``ieee`` is its id: the IEEE address of a Zigbee device, the
  masked DSK (``xxxxx-NNNNN-...``) of a Z-Wave device (``technology``
  ``zwave``, codes read by :mod:`provisioning_server.zwave`). A row or object
  with ``dsk`` or ``qr_code`` is Z-Wave; with ``ieee``, Zigbee.

* Error messages never repeat install codes, keys or DSKs, and never raise
  anything but :class:`ValidationError` for bad input (no ``csv.Error``,
  ``UnicodeDecodeError``, ``RecursionError`` or ``TypeError`` escapes).
* CSV problems are reported by line; JSON problems by item index.
* Names, areas, manufacturers and models are trimmed, at most
  ``MAX_TEXT_LENGTH`` characters, and hold no control characters (Unicode
  category Cc: NUL, ESC, CR, LF, tab, C1) and no bidirectional controls
  (``BIDI_CONTROLS``, which can reorder what a label shows): the hub applies
  the same rule to what it receives.
* An event's ``at`` may not lie more than ``MAX_CLOCK_SKEW`` in the future
  (it would pin the device's status), and times are 00:00:00-23:59:59.
"""

from __future__ import annotations

from collections.abc import Iterable
import csv
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
import io
import json
import re
from typing import Any
import unicodedata

from provisioning_server.errors import ValidationError
from provisioning_server.zwave import (
    is_masked_dsk,
    parse_masked_dsk,
    zwave_device,
)

__all__ = [
    "BIDI_CONTROLS",
    "CSV_COLUMNS",
    "DEVICE_STATES",
    "EVENT_STATUSES",
    "HEX_RE",
    "HEX_SEPARATORS",
    "HUB_ID_RE",
    "IEEE_RE",
    "INSTALL_CODE_LENGTHS",
    "JSON_FIELDS",
    "LINK_KEY_LENGTH",
    "MAX_CLOCK_SKEW",
    "MAX_DETAILS_LENGTH",
    "MAX_NODE_ID",
    "MAX_TEXT_LENGTH",
    "RFC3339_RE",
    "TECHNOLOGIES",
    "UUID_RE",
    "ZIGBEE_FIELDS",
    "ZWAVE_FIELDS",
    "CsvLineError",
    "CsvParseResult",
    "DeviceRecord",
    "EventRecord",
    "ValidationError",
    "crc16_x25",
    "decode_csv_bytes",
    "device_from_json",
    "device_from_row",
    "event_from_json",
    "normalize_device_id",
    "normalize_ieee",
    "normalize_install_code",
    "normalize_link_key",
    "parse_devices_csv",
    "parse_rfc3339",
    "validate_hub_id",
    "zwave_from_row",
]

IEEE_RE = re.compile(r"^[0-9a-fA-F]{2}([:-]?[0-9a-fA-F]{2}){7}$")
HEX_SEPARATORS = re.compile(r"[\s:-]")
HEX_RE = re.compile(r"^[0-9a-fA-F]*$")
UUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
RFC3339_RE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"(\.[0-9]+)?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
HUB_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9:._~-]{0,127}$")

# Install codes are 6, 8, 12 or 16 bytes followed by a 2-byte CRC.
INSTALL_CODE_LENGTHS = (8, 10, 14, 18)
LINK_KEY_LENGTH = 16
MAX_TEXT_LENGTH = 255
MAX_CLOCK_SKEW = timedelta(minutes=5)
# Characters with the Unicode Bidi_Control property: ALM, LRM, RLM, the
# embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and the isolates.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

DEVICE_STATES = ("active", "revoked")
EVENT_STATUSES = ("joined", "failed", "removed", "admitting", "pending")
TECHNOLOGIES = ("zigbee", "zwave")
CSV_COLUMNS = (
    "ieee",
    "install_code",
    "link_key",
    "name",
    "area",
    "manufacturer",
    "model",
    "technology",
    "dsk",
    "security_classes",
    "qr_code",
)
JSON_FIELDS = (*CSV_COLUMNS, "zwave_protocol")
ZIGBEE_FIELDS = ("ieee", "install_code", "link_key")
ZWAVE_FIELDS = ("dsk", "security_classes", "qr_code", "zwave_protocol")


def normalize_ieee(value: str) -> str:
    """Return an IEEE address as ``aa:bb:cc:dd:ee:ff:00:11``."""
    text = value
    if not IEEE_RE.fullmatch(text):
        raise ValidationError(
            "IEEE address must be 8 bytes of hex, e.g. 00:12:4b:00:01:02:03:04"
        )
    digits = re.sub(r"[:-]", "", text).lower()
    return ":".join(digits[i : i + 2] for i in range(0, 16, 2))


def normalize_device_id(text: str) -> str:
    """Return a device id: an IEEE address, or a masked DSK (Z-Wave).

    A full DSK is refused (its PIN is not an id).
    """
    if is_masked_dsk(text) or len(text.strip()) >= 40:
        return parse_masked_dsk(text)
    return normalize_ieee(text)


def validate_hub_id(value: str) -> str:
    """Return the hub id if it is acceptable to the server."""
    if not HUB_ID_RE.fullmatch(value):
        raise ValidationError(
            "hub id must be 1-128 characters of letters, digits and ':._~-'"
        )
    return value


def _hex_bytes(value: str, what: str) -> bytes:
    text = HEX_SEPARATORS.sub("", value)
    if not text or not HEX_RE.fullmatch(text) or len(text) % 2:
        raise ValidationError(f"{what} must be hexadecimal")
    return bytes.fromhex(text)


def crc16_x25(data: bytes) -> int:
    """CRC-16/X.25 as used by Zigbee install codes."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc ^ 0xFFFF


def _check_install_code_crc(code: bytes) -> None:
    try:
        from zigpy.util import convert_install_code
    except ImportError:  # zigpy is optional
        expected = crc16_x25(code[:-2]).to_bytes(2, "little")
        if expected != code[-2:]:
            raise ValidationError("install code CRC does not match") from None
        return
    try:
        convert_install_code(code)
    except ValueError:
        # zigpy's message repeats the code; keep secrets out of messages.
        raise ValidationError("install code CRC does not match") from None


def normalize_install_code(value: str) -> str:
    """Return an install code (with its CRC) as upper-case hex, CRC checked."""
    code = _hex_bytes(value, "install code")
    if len(code) not in INSTALL_CODE_LENGTHS:
        raise ValidationError(
            "install code must be 6, 8, 12 or 16 bytes plus a 2-byte CRC"
        )
    _check_install_code_crc(code)
    return code.hex().upper()


def normalize_link_key(value: str) -> str:
    """Return a 16-byte link key as upper-case hex."""
    key = _hex_bytes(value, "link key")
    if len(key) != LINK_KEY_LENGTH:
        raise ValidationError("link key must be 16 bytes of hex")
    return key.hex().upper()


def _optional_text(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(f"{what} is longer than {MAX_TEXT_LENGTH} characters")
    for char in text:
        if unicodedata.category(char) == "Cc":
            raise ValidationError(
                f"{what} contains a control character (U+{ord(char):04X})"
            )
        if char in BIDI_CONTROLS:
            raise ValidationError(
                f"{what} contains a bidirectional control character (U+{ord(char):04X})"
            )
    return text


@dataclass(slots=True)
class DeviceRecord:
    """A provisioned device as stored by the server.

    ``ieee`` is the device's id: for Z-Wave the masked DSK. ``dsk`` (full, a
    secret), ``security_classes`` (names separated by spaces),
    ``zwave_protocol`` and the product ids belong to Z-Wave devices.
    """

    ieee: str
    install_code: str | None = field(default=None, repr=False)
    link_key: str | None = field(default=None, repr=False)
    name: str | None = None
    area: str | None = None
    manufacturer: str | None = None
    model: str | None = None
    state: str = "active"
    technology: str = "zigbee"
    dsk: str | None = field(default=None, repr=False)
    security_classes: str | None = None
    zwave_protocol: str | None = None
    manufacturer_id: int | None = None
    product_type: int | None = None
    product_id: int | None = None

    @property
    def class_names(self) -> list[str]:
        """The Z-Wave security classes as a list of names."""
        return (self.security_classes or "").split()


def _cell(row: dict[str, Any], key: str) -> Any:
    value = row.get(key)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _technology(row: dict[str, Any]) -> str:
    technology = _cell(row, "technology")
    if technology is not None:
        if not isinstance(technology, str) or technology.lower() not in TECHNOLOGIES:
            raise ValidationError(
                f"technology must be one of {', '.join(TECHNOLOGIES)}"
            )
        technology = technology.lower()
    zwave = any(_cell(row, key) is not None for key in ("dsk", "qr_code"))
    zigbee = any(_cell(row, key) is not None for key in ZIGBEE_FIELDS)
    if zwave and zigbee:
        raise ValidationError("give either ieee (Zigbee) or dsk/qr_code (Z-Wave)")
    if technology is None:
        return "zwave" if zwave else "zigbee"
    if technology == "zwave" and zigbee:
        raise ValidationError("ieee, install_code and link_key are Zigbee fields")
    if technology == "zigbee" and zwave:
        raise ValidationError("dsk and qr_code are Z-Wave fields")
    return str(technology)


def _with_texts(device: DeviceRecord, row: dict[str, Any]) -> DeviceRecord:
    """Set the device's name, area, manufacturer and model from ``row``."""
    device.name = _optional_text(row.get("name"), "name")
    device.area = _optional_text(row.get("area"), "area")
    device.manufacturer = _optional_text(row.get("manufacturer"), "manufacturer")
    device.model = _optional_text(row.get("model"), "model")
    return device


def zwave_from_row(row: dict[str, Any]) -> DeviceRecord:
    """Validate a Z-Wave row (``qr_code`` or ``dsk`` + ``security_classes``)."""
    for key in ZIGBEE_FIELDS:
        if _cell(row, key) is not None:
            raise ValidationError(f"{key} is a Zigbee field")
    device = zwave_device(
        qr_code=_cell(row, "qr_code"),
        dsk=_cell(row, "dsk"),
        security_classes=row.get("security_classes")
        if isinstance(row.get("security_classes"), list)
        else _cell(row, "security_classes"),
        zwave_protocol=_cell(row, "zwave_protocol"),
    )
    product = device.product
    record = DeviceRecord(
        ieee=device.masked,
        technology="zwave",
        dsk=device.dsk,
        security_classes=" ".join(device.security_classes),
        zwave_protocol=device.zwave_protocol,
        manufacturer_id=None if product is None else product.manufacturer_id,
        product_type=None if product is None else product.product_type,
        product_id=None if product is None else product.product_id,
    )
    return _with_texts(record, row)


def device_from_row(row: dict[str, Any]) -> DeviceRecord:
    """Validate one CSV row (or mapping) and return a device record."""
    if _technology(row) == "zwave":
        return zwave_from_row(row)
    for key in ZWAVE_FIELDS:
        if _cell(row, key) is not None:
            raise ValidationError(f"{key} is a Z-Wave field")
    ieee = normalize_ieee((row.get("ieee") or "").strip())
    code_text = (row.get("install_code") or "").strip()
    key_text = (row.get("link_key") or "").strip()
    if code_text and key_text:
        raise ValidationError("give either install_code or link_key, not both")
    if not code_text and not key_text:
        raise ValidationError("install_code or link_key is required")
    record = DeviceRecord(
        ieee=ieee,
        install_code=normalize_install_code(code_text) if code_text else None,
        link_key=normalize_link_key(key_text) if key_text else None,
    )
    return _with_texts(record, row)


def device_from_json(value: Any) -> DeviceRecord:
    """Validate one device of a JSON request body (the CSV columns as keys)."""
    if not isinstance(value, dict):
        raise ValidationError("device must be an object")
    unknown = sorted(str(key) for key in value if key not in JSON_FIELDS)
    if unknown:
        raise ValidationError(f"unknown fields: {', '.join(unknown)[:200]}")
    for key, item in value.items():
        if key == "security_classes":
            if item is not None and not isinstance(item, list):
                raise ValidationError("security_classes must be a list of names")
            continue
        if item is not None and not isinstance(item, str):
            raise ValidationError(f"{key} must be a string")
    return device_from_row(value)


def decode_csv_bytes(data: bytes) -> str:
    """Decode a CSV file as UTF-8 (with or without BOM); report the bad line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise CsvLineError(line, "file is not UTF-8 text") from None


class CsvLineError(ValidationError):
    """A CSV file cannot be read at all past one line."""

    def __init__(self, line: int, message: str) -> None:
        """Keep the line number."""
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


@dataclass(slots=True)
class CsvParseResult:
    """Valid devices of a CSV file and the errors of the rejected lines."""

    devices: list[DeviceRecord]
    errors: list[tuple[int, str]]
    lines: list[int] = field(default_factory=list)
    """The line of each device."""


def parse_devices_csv(text: str | Iterable[str]) -> CsvParseResult:
    """Parse a device CSV; keep valid lines and report invalid ones by line."""
    stream = io.StringIO(text) if isinstance(text, str) else text
    reader = csv.DictReader(stream, skipinitialspace=True)
    devices: list[DeviceRecord] = []
    errors: list[tuple[int, str]] = []
    lines: list[int] = []
    try:
        names = reader.fieldnames or []
    except csv.Error as err:
        return CsvParseResult([], [(1, _csv_error_message(err))])
    fields = [(name or "").strip().lower() for name in names]
    if not {"ieee", "dsk", "qr_code"} & set(fields):
        return CsvParseResult(
            [], [(1, "header must name the columns, at least ieee, dsk or qr_code")]
        )
    reader.fieldnames = fields
    unknown = [name for name in fields if name and name not in CSV_COLUMNS]
    if unknown:
        errors.append((1, f"ignoring unknown columns: {', '.join(unknown)}"))
    seen: dict[str, int] = {}
    rows = iter(reader)
    while True:
        start = reader.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            break
        except csv.Error as err:
            errors.append((start, _csv_error_message(err)))
            continue
        line = reader.line_num
        if not any((value or "").strip() for key, value in row.items() if key):
            continue
        if None in row:
            errors.append((line, "too many fields"))
            continue
        try:
            device = device_from_row(row)
        except ValidationError as err:
            errors.append((line, str(err)))
            continue
        if device.ieee in seen:
            what = "DSK" if device.technology == "zwave" else "IEEE"
            errors.append(
                (
                    line,
                    f"duplicate {what} {device.ieee} (first on line {seen[device.ieee]})",
                )
            )
            continue
        seen[device.ieee] = line
        devices.append(device)
        lines.append(line)
    return CsvParseResult(devices, errors, lines)


def _csv_error_message(err: csv.Error) -> str:
    if "field larger than field limit" in str(err):
        return f"a field is longer than {csv.field_size_limit()} characters"
    return "line is not valid CSV"


def parse_rfc3339(value: str) -> datetime:
    """Parse an RFC 3339 date-time with a time zone offset."""
    if not isinstance(value, str) or not RFC3339_RE.fullmatch(value):
        raise ValidationError("at must be an RFC 3339 date-time with offset")
    try:
        text = re.sub(r"(\.[0-9]{6})[0-9]+", r"\1", value.upper())
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValidationError("at must be an RFC 3339 date-time") from None
    return moment


@dataclass(slots=True)
class EventRecord:
    """A validated hub event; ``ieee`` is the device id (masked DSK for Z-Wave)."""

    event_id: str
    ieee: str
    status: str
    at: str
    details: Any = None
    technology: str = "zigbee"
    node_id: int | None = None


MAX_NODE_ID = 4000


MAX_DETAILS_LENGTH = 4096


def _check_details(details: Any) -> None:
    if details is not None and not isinstance(details, str | dict):
        raise ValidationError("details must be a string or an object")
    if isinstance(details, str):
        if len(details) > MAX_DETAILS_LENGTH:
            raise ValidationError("details is too long")
        return
    try:
        encoded = json.dumps(details)
    except RecursionError, ValueError, TypeError:
        raise ValidationError("details is nested too deeply") from None
    if len(encoded) > MAX_DETAILS_LENGTH:
        raise ValidationError("details is too long")


def event_from_json(value: Any, *, now: datetime | None = None) -> EventRecord:
    """Validate one event of a ``POST .../events`` body.

    ``at`` may lie at most ``MAX_CLOCK_SKEW`` after ``now`` (default: the clock).
    """
    if not isinstance(value, dict):
        raise ValidationError("event must be an object")
    technology = value.get("technology", "zigbee")
    if technology not in TECHNOLOGIES:
        raise ValidationError(f"technology must be one of {', '.join(TECHNOLOGIES)}")
    allowed = {"event_id", "status", "at", "details", "technology"}
    allowed |= {"dsk", "node_id"} if technology == "zwave" else {"ieee"}
    unknown = set(value) - allowed
    if unknown:
        raise ValidationError(f"unknown fields: {', '.join(sorted(unknown))}")
    event_id = value.get("event_id")
    if not isinstance(event_id, str) or not UUID_RE.fullmatch(event_id):
        raise ValidationError("event_id must be a UUID string")
    node_id = value.get("node_id")
    if node_id is not None and (
        not isinstance(node_id, int)
        or isinstance(node_id, bool)
        or not 1 <= node_id <= MAX_NODE_ID
    ):
        raise ValidationError(f"node_id must be an integer from 1 to {MAX_NODE_ID}")
    if technology == "zwave":
        dsk = value.get("dsk")
        if not isinstance(dsk, str):
            raise ValidationError("dsk must be a string (the masked DSK)")
        device_id = parse_masked_dsk(dsk)
    else:
        ieee = value.get("ieee")
        if not isinstance(ieee, str):
            raise ValidationError("ieee must be a string")
        device_id = normalize_ieee(ieee)
    status = value.get("status")
    if status not in EVENT_STATUSES:
        raise ValidationError(f"status must be one of {', '.join(EVENT_STATUSES)}")
    at = value.get("at")
    if not isinstance(at, str):
        raise ValidationError("at must be an RFC 3339 date-time")
    moment = parse_rfc3339(at)
    if moment > (now or datetime.now(UTC)) + MAX_CLOCK_SKEW:
        raise ValidationError("at lies in the future")
    details = value.get("details")
    _check_details(details)
    return EventRecord(
        event_id=event_id,
        ieee=device_id,
        status=status,
        at=at,
        details=details,
        technology=technology,
        node_id=node_id,
    )
