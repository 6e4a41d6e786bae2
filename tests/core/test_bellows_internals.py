"""Fail loudly when bellows changes what the integration reaches inside it.

Each test names one internal ``core/zigbee/bellows_internals.py`` relies on. Another
module that reaches into bellows' private attributes fails the last test.
"""

from __future__ import annotations

import ast
import inspect
import pathlib

from bellows.ash import AshProtocol, DataFrame, Reserved
from bellows.ezsp import EZSP
from bellows.ezsp.protocol import ProtocolHandler
from bellows.zigbee.application import ControllerApplication
import pytest

from custom_components.provisioning.core.zigbee import bellows_internals
from custom_components.provisioning.core.zigbee.bellows_internals import (
    ash_payloads,
    ezsp_of,
    hook_command,
    protocol_of,
    startup_tc_policy,
    unhook_command,
)

COMPONENT = pathlib.Path(bellows_internals.__file__).parent.parent


def test_application_holds_its_ezsp_object() -> None:
    """``ControllerApplication._ezsp`` is the EZSP object, None before connecting."""
    assert "self._ezsp = None" in inspect.getsource(ControllerApplication.__init__)


def test_ezsp_holds_a_protocol_object_that_answers_commands() -> None:
    """``EZSP._protocol`` exists, and EZSP forwards frame names to it."""
    assert "self._protocol" in inspect.getsource(EZSP)
    assert "self._protocol" in inspect.getsource(EZSP.__getattr__)


def test_every_frame_goes_through_the_protocol_command() -> None:
    """``ProtocolHandler.command(name, *args, **kwargs)`` sends each frame."""
    parameters = inspect.signature(ProtocolHandler.command).parameters
    assert list(parameters)[:2] == ["self", "name"]
    assert "self.command" in inspect.getsource(ProtocolHandler.__getattr__)
    assert list(
        inspect.signature(ProtocolHandler.add_transient_link_key).parameters
    ) == ["self", "ieee", "key"]


def test_the_protocol_keeps_its_startup_tc_policy() -> None:
    """``ProtocolHandler.tc_policy`` is set when the network starts."""
    assert "self.tc_policy" in inspect.getsource(ProtocolHandler)


@pytest.mark.parametrize("version", [8, 13])
def test_frames_the_window_sends_exist(version: int) -> None:
    """The frames the guarded window sends by name exist in both EZSP versions."""
    commands = EZSP._BY_VERSION[version].COMMANDS
    for name in (
        "getPolicy",
        "setPolicy",
        "clearTransientLinkKeys",
        "getConfigurationValue",
        "permitJoining",
    ):
        assert name in commands, (version, name)


def test_accessors_on_stand_ins() -> None:
    """The accessors read what bellows keeps, and cope with a disconnection."""

    class Protocol:
        tc_policy = 0x0B

        async def command(self, name: str) -> str:
            return name

    class Ezsp:
        _protocol = Protocol()

    class Application:
        _ezsp: Ezsp | None = Ezsp()

    application = Application()
    assert ezsp_of(application) is application._ezsp
    protocol = protocol_of(application)
    assert isinstance(protocol, Protocol)
    assert startup_tc_policy(protocol) == 0x0B

    async def hook(name: str) -> str:
        return f"hooked {name}"

    hook_command(protocol, hook)
    assert protocol.command is hook
    unhook_command(protocol, hook)
    assert protocol.command.__func__ is Protocol.command  # type: ignore[attr-defined]
    application._ezsp = None
    assert protocol_of(application) is None


def test_ash_payloads_decode_a_real_frame() -> None:
    """A data frame stuffed by bellows' own ASH code decodes to its EZSP payload."""
    payload = bytes([0x01, 0x00, 0x7E, 0x11, 0x7D, 0x13, 0x18, 0x1A]) + bytes(16)
    frame = DataFrame(frm_num=2, re_tx=False, ack_num=5, ezsp_frame=payload)
    wire = AshProtocol._stuff_bytes(frame.to_bytes()) + bytes([Reserved.FLAG])
    assert list(ash_payloads(wire.hex())) == [payload]
    assert list(ash_payloads("not hex")) == []


def test_no_other_module_reaches_into_bellows() -> None:
    """Private bellows names appear in ``bellows_internals`` only."""
    private = {"_ezsp", "_protocol", "_unstuff_bytes", "tc_policy"}
    offenders = []
    for path in COMPONENT.rglob("*.py"):
        if path.name == "bellows_internals.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in private:
                offenders.append(f"{path.relative_to(COMPONENT)}:{node.lineno}")
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                ("bellows.ash", "bellows.ezsp")
            ):
                offenders.append(f"{path.relative_to(COMPONENT)}:{node.lineno}")
    assert offenders == []
