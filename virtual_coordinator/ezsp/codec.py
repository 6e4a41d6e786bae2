"""Table-driven EZSP frame codec built on bellows' own command schemas."""

from __future__ import annotations

import dataclasses
from typing import Any

from bellows.ezsp.v4.commands import COMMANDS as COMMANDS_V4
from bellows.ezsp.v8.commands import COMMANDS as COMMANDS_V8
from bellows.ezsp.v13.commands import COMMANDS as COMMANDS_V13
import bellows.types as t

SUPPORTED_VERSIONS = {8: COMMANDS_V8, 13: COMMANDS_V13}

# Frame control, low byte: bit 7 marks a response, bit 4 an asynchronous callback
FC_RESPONSE = 0x80
FC_CALLBACK_ASYNC = 0x10
# Frame control, high byte: frame format version 1 (EZSP v8 and later)
FC_HIGH_FORMAT_1 = 0x01


@dataclasses.dataclass(frozen=True)
class Request:
    """A decoded EZSP command frame."""

    seq: int
    frame_id: int
    name: str | None
    args: dict[str, Any] | None
    legacy: bool
    raw: bytes
    error: str | None = None


def _serialize(schema: Any, values: dict[str, Any]) -> bytes:
    if isinstance(schema, dict):
        return b"".join(
            (
                tp(values[name]) if not isinstance(values[name], tp) else values[name]
            ).serialize()
            for name, tp in schema.items()
        )
    return schema(**values).serialize()


def _deserialize(schema: Any, data: bytes) -> tuple[dict[str, Any], bytes]:
    if isinstance(schema, dict):
        result, rest = t.deserialize_dict(data, schema)
        return dict(result), rest
    obj, rest = schema.deserialize(data)
    return obj.as_dict(), rest


class EzspCodec:
    """Encode and decode EZSP frames for one protocol version.

    Requests are decoded with the command's ``tx`` schema (what the host
    sends); responses and callbacks are encoded with the ``rx`` schema.
    """

    def __init__(self, version: int = 8) -> None:
        if version not in SUPPORTED_VERSIONS:
            raise ValueError(f"Unsupported EZSP version {version}")
        self.version = version
        self.commands = SUPPORTED_VERSIONS[version]
        self.by_id = {
            cmd_id: name for name, (cmd_id, _tx, _rx) in self.commands.items()
        }
        self.legacy_by_id = {
            cmd_id: name for name, (cmd_id, _tx, _rx) in COMMANDS_V4.items()
        }

    @staticmethod
    def is_extended(data: bytes) -> bool:
        """Frame format: extended (v8+) frames carry format version 1 in byte 2."""
        return len(data) >= 5 and data[2] == FC_HIGH_FORMAT_1

    def decode_request(self, data: bytes) -> Request:
        if self.is_extended(data):
            seq = data[0]
            frame_id = int.from_bytes(data[3:5], "little")
            payload = data[5:]
            name = self.by_id.get(frame_id)
            table = self.commands
            legacy = False
        else:
            if len(data) < 3:
                return Request(
                    data[0] if data else 0, -1, None, None, True, data, "short frame"
                )
            seq, frame_id, payload = data[0], data[2], data[3:]
            name = self.legacy_by_id.get(frame_id)
            table = COMMANDS_V4
            legacy = True
        if name is None:
            return Request(seq, frame_id, None, None, legacy, data, "unknown frame id")
        try:
            args, _rest = _deserialize(table[name][1], payload)
        except Exception as exc:
            return Request(
                seq, frame_id, name, None, legacy, data, f"invalid payload: {exc}"
            )
        return Request(seq, frame_id, name, args, legacy, data)

    def encode(
        self,
        seq: int,
        name: str,
        values: dict[str, Any],
        *,
        legacy: bool = False,
        callback: bool = False,
    ) -> bytes:
        """Encode a response (or, with ``callback``, a callback) frame."""
        table = COMMANDS_V4 if legacy else self.commands
        frame_id, _tx, rx_schema = table[name]
        fc = FC_RESPONSE | (FC_CALLBACK_ASYNC if callback else 0)
        if legacy:
            header = bytes([seq & 0xFF, fc, frame_id])
        else:
            header = bytes([seq & 0xFF, fc, FC_HIGH_FORMAT_1]) + frame_id.to_bytes(
                2, "little"
            )
        return header + _serialize(rx_schema, values)

    def encode_invalid_command(
        self, seq: int, status: t.EzspStatus, *, legacy: bool = False
    ) -> bytes:
        return self.encode(seq, "invalidCommand", {"status": status}, legacy=legacy)

    def encode_host_request(self, seq: int, name: str, **values: Any) -> bytes:
        """Encode a command the way the host sends it (used by tests)."""
        frame_id, tx_schema, _rx = self.commands[name]
        header = bytes([seq & 0xFF, 0x00, FC_HIGH_FORMAT_1]) + frame_id.to_bytes(
            2, "little"
        )
        return header + _serialize(tx_schema, values)

    def decode_response(self, data: bytes) -> tuple[int, str, dict[str, Any]]:
        """Decode a frame the way the host does (used by tests)."""
        seq = data[0]
        frame_id = int.from_bytes(data[3:5], "little")
        name = self.by_id[frame_id]
        values, _rest = _deserialize(self.commands[name][2], data[5:])
        return seq, name, values
