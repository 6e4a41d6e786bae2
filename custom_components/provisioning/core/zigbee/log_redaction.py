"""Keep the link keys loaded into a radio out of the radio libraries' debug logs.

bellows logs each EZSP command with its arguments, and each ASH frame with its
EZSP payload, at debug level; both carry the link key a join window loads.
zigpy-znp logs each MT request (``zigpy_znp.api``), and at its TRACE level
every raw UART chunk and parsed frame (``zigpy_znp.uart``) as bytes literals;
its NVRAM and security helpers log the APS key table they read. A filter on
all those loggers replaces every form of a loaded key with a marker.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
import re

from custom_components.provisioning.core.log_redaction import (
    RewritingFilter,
    install_filter,
)

from .bellows_internals import ash_payloads

REDACTED = "**REDACTED**"

RADIO_LOGGERS = (
    "bellows.ash",
    "bellows.ezsp.protocol",
    "bellows.zigbee.application",
    "zigpy.application",
    "zigpy_deconz.api",
    "zigpy_znp.api",
    "zigpy_znp.uart",
    "zigpy_znp.nvram",
    "zigpy_znp.znp.security",
    "zigpy_znp.zigbee.application",
    "zigpy_xbee.api",
    "zigpy_zigate.api",
)

_ASH_DATA = re.compile(r"^(?:Sending|Received) data ")
_HEX_KEY = re.compile(
    r"(?<![0-9A-Fa-f])(?:[0-9A-Fa-f]{32}|(?:[0-9A-Fa-f]{2}[: ]){15}[0-9A-Fa-f]{2})"
    r"(?![0-9A-Fa-f])"
)
_BYTES_LITERAL = re.compile(r"b'(?:[^'\\]|\\.)*'" + r'|b"(?:[^"\\]|\\.)*"')


class LinkKeyRedactor(RewritingFilter):
    """Replace loaded link keys in radio log records, whatever form they take."""

    def __init__(self) -> None:
        """Initialize with no keys."""
        super().__init__()
        self._keys: set[bytes] = set()

    def add(self, keys: Iterable[bytes]) -> None:
        """Start redacting these keys."""
        self._keys.update(keys)

    def active(self) -> bool:
        """Return whether a key is loaded yet."""
        return bool(self._keys)

    def rewrite(self, text: str) -> str:
        """Return the text with every form of a loaded key replaced."""
        if _ASH_DATA.match(text):
            return self._redact_wire_dump(text)
        return self._redact_text(text)

    def _redact_text(self, text: str) -> str:
        text = _HEX_KEY.sub(self._redact_hex, text)
        return _BYTES_LITERAL.sub(self._redact_bytes, text)

    def _redact_hex(self, match: re.Match[str]) -> str:
        key = bytes.fromhex(match[0].replace(":", "").replace(" ", ""))
        return REDACTED if key in self._keys else match[0]

    def _redact_bytes(self, match: re.Match[str]) -> str:
        try:
            data = ast.literal_eval(match[0])
        except SyntaxError, ValueError:
            return match[0]
        redacted = data
        for key in self._keys:
            if key in redacted:
                redacted = redacted.replace(key, REDACTED.encode())
        return match[0] if redacted is data else repr(redacted)

    def _redact_wire_dump(self, message: str) -> str:
        head, _, hex_data = message.rpartition(" ")
        for payload in ash_payloads(hex_data):
            if any(key in payload for key in self._keys):
                return f"{head.split()[0]} data {REDACTED}"
        return message


_REDACTOR = LinkKeyRedactor()


def redact_link_keys(keys: Iterable[bytes]) -> None:
    """Keep these keys out of the radio libraries' logs from now on."""
    _REDACTOR.add(keys)
    install_filter(_REDACTOR, RADIO_LOGGERS)
