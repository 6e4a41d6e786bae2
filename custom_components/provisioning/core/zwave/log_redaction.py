"""Keep DSK PINs out of the Z-Wave libraries' logs.

zwave-js-server-python logs every WebSocket message it sends and receives at
debug level (``zwave_js_server``), provisioning entries and their full DSKs
included, and with Home Assistant's Z-Wave JS logging at debug it also relays
the driver's own log (``zwave_js_server.server``). A filter on those loggers,
and on Home Assistant's ``zwave_js`` loggers, masks the PIN of every DSK and
of every SmartStart QR code in a record before any handler sees it.

Rules:

- What is masked: a DSK written as eight groups of five digits joined by
  ``-`` (the form zwave-js uses everywhere) loses its first group to
  ``xxxxx``, exactly as ``Dsk.masked`` shows it; a SmartStart QR code (``90``
  followed by at least 50 digits) loses the five digits of its PIN. The rest of
  the record is left as it is, so the log stays useful.
- A record is never dropped, and a malformed logging call is reported by the
  handler as usual, its arguments masked (``core.log_redaction``).
- The filter goes on every logger the libraries use, and on those of their
  children that exist when it is installed.
"""

from __future__ import annotations

import re

from custom_components.provisioning.core.log_redaction import (
    RewritingFilter,
    install_filter,
)

from .dsk import MASK

ZWAVE_LOGGERS = (
    "zwave_js_server",
    "zwave_js_server.server",
    "zwave_js_server.event",
    "zwave_js_server.model.controller",
    "zwave_js_server.model.driver",
    "zwave_js_server.model.node",
    "zwave_js_server.util.node",
    "homeassistant.components.zwave_js",
    "homeassistant.components.zwave_js.api",
    "homeassistant.components.zwave_js.config_flow",
)
_PREFIXES = ("zwave_js_server.", "homeassistant.components.zwave_js.")

# A DSK: eight groups of five digits joined by "-", not part of a longer run.
_DSK = re.compile(r"(?<![0-9-])[0-9]{5}(?=(?:-[0-9]{5}){7}(?![0-9]|-[0-9]))")
# A SmartStart QR code: "90", version, checksum (5), classes (3), then the DSK
# (40 digits) whose first five are the PIN.
_QR = re.compile(r"(?<![0-9])(90[0-9]{10})([0-9]{5})([0-9]{35,})(?![0-9])")


def mask_pins(text: str) -> str:
    """Return text with the PIN of every DSK and SmartStart QR code masked."""
    text = _DSK.sub(MASK, text)
    return _QR.sub(lambda match: f"{match[1]}{MASK}{match[3]}", text)


class DskPinRedactor(RewritingFilter):
    """Mask DSK PINs in the records of the Z-Wave loggers."""

    def rewrite(self, text: str) -> str:
        """Return the text with every PIN masked."""
        return mask_pins(text)


_REDACTOR = DskPinRedactor()


def redact_dsk_pins() -> None:
    """Mask DSK PINs in the Z-Wave libraries' logs from now on."""
    install_filter(_REDACTOR, ZWAVE_LOGGERS, _PREFIXES)
