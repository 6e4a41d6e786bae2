"""Everything this integration reaches inside bellows beyond its public API.

Rules this module keeps:

- **One place.** bellows offers no public way to guard a join window or to
  decode the ASH frames it logs, so the integration relies on a few of its
  private attributes and helpers. Only this module touches them; the EZSP
  radio adapter and the log filter call the functions below.
- **Fail loudly.** ``tests/core/test_bellows_internals.py`` checks each one
  against the installed bellows, so an upgrade that moves one fails the suite
  with its name instead of silently opening a window to every device.
- **What is relied on:** ``ControllerApplication._ezsp`` (the EZSP object, None
  while disconnected), ``EZSP._protocol`` (replaced on every NCP reset), the
  protocol's ``command`` coroutine (every EZSP frame goes through it) and
  ``tc_policy`` (the trust-center policy bellows sets at start-up), and
  ``AshProtocol._unstuff_bytes`` with ``DataFrame`` for logged ASH frames.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
import contextlib
import re
from typing import Any

from bellows.ash import AshProtocol, DataFrame, ParsingError, Reserved

type Command = Callable[..., Awaitable[Any]]

_FRAME_SEPARATORS = re.compile(
    b"["
    + re.escape(bytes([Reserved.FLAG, Reserved.CANCEL, Reserved.SUBSTITUTE]))
    + b"]"
)


def ezsp_of(application: Any) -> Any:
    """Return bellows' EZSP object of an application, or None while disconnected."""
    return getattr(application, "_ezsp", None)


def protocol_of(application: Any) -> Any:
    """Return the current EZSP protocol object, or None without a connection."""
    ezsp = ezsp_of(application)
    return None if ezsp is None else getattr(ezsp, "_protocol", None)


def startup_tc_policy(protocol: Any) -> int:
    """Return the trust-center policy bellows set when the network started."""
    return int(protocol.tc_policy)


def hook_command(protocol: Any, hook: Command) -> None:
    """Send every EZSP frame of this protocol object through a hook.

    The hook sends a frame by calling the ``command`` it read before.
    """
    protocol.command = hook


def unhook_command(protocol: Any, hook: Command) -> None:
    """Remove a hook ``hook_command`` installed, if it is still the one there."""
    if protocol.__dict__.get("command") == hook:
        del protocol.command


def ash_payloads(hex_data: str) -> Iterable[bytes]:
    """Return the EZSP payloads of the ASH data frames in a logged byte dump."""
    try:
        raw = bytes.fromhex(hex_data)
    except ValueError:
        return
    for chunk in _FRAME_SEPARATORS.split(raw):
        if not chunk or chunk[0] & DataFrame.MASK:
            continue
        with contextlib.suppress(ParsingError, ValueError, AssertionError):
            unstuffed = AshProtocol._unstuff_bytes(chunk)
            yield DataFrame.from_bytes(unstuffed).ezsp_frame
