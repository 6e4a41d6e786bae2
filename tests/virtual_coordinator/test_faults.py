"""Fault injection of the virtual coordinator against a real bellows host."""

from __future__ import annotations

import asyncio

import bellows.types as t

from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.control import ControlServer
from virtual_coordinator.ezsp.host import start_bellows_app


class Lost:
    """A zigpy listener that records connection losses."""

    def __init__(self) -> None:
        """Start with none."""
        self.errors: list[Exception | None] = []

    def connection_lost(self, exc: Exception | None) -> None:
        """Record one."""
        self.errors.append(exc)


async def test_ncp_reset_loses_ram_state_and_tells_the_host(
    virtual_coordinator: VirtualCoordinator,
) -> None:
    """An NCP reset clears keys, permit and policy; bellows reports the connection lost."""
    ncp = virtual_coordinator
    app = await start_bellows_app(ncp)
    lost = Lost()
    app.add_listener(lost)
    try:
        await app._ezsp.add_transient_link_key(
            VirtualDevice("00:11:22:33:44:55:66:01").ieee, bytes(16)
        )
        await app._ezsp.setPolicy(t.EzspPolicyId.TRUST_CENTER_POLICY, 0x11)
        await ncp.wait_idle()
        ncp.reset_ncp()
        assert ncp.transient_keys == []
        assert ncp.policy == 0x03
        assert not ncp.permit_open
        assert not ncp.power_on(VirtualDevice("00:00:00:00:00:00:0f:01")).joined
        await ncp.wait_until(lambda: bool(lost.errors))
        assert ncp.events("reset")[-1].get("source") == "ncp"
    finally:
        await app.shutdown()


async def test_drop_connection_and_direct_policy(
    virtual_coordinator: VirtualCoordinator,
) -> None:
    """The control interface drops the host and changes the policy behind its back."""
    ncp = virtual_coordinator
    server = ControlServer(ncp)
    port = await server.start("127.0.0.1", 0)
    app = await start_bellows_app(ncp)
    lost = Lost()
    app.add_listener(lost)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b'{"op": "set_policy", "policy": 17}\n')
        assert b'"policy": 17' in await reader.readline()
        status, decision = await app._ezsp.getPolicy(t.EzspPolicyId.TRUST_CENTER_POLICY)
        assert (status, decision) == (t.EzspStatus.SUCCESS, 17)
        [refused] = await app._ezsp.setConfigurationValue(
            configId=t.EzspConfigId.CONFIG_TRANSIENT_KEY_TIMEOUT_S, value=10
        )
        assert refused == t.EzspStatus.ERROR_INVALID_CALL
        await ncp.wait_idle()
        writer.write(b'{"op": "drop"}\n')
        assert b'"ok": true' in await reader.readline()
        await ncp.wait_until(lambda: bool(lost.errors))
        assert not ncp.connected
        writer.write(b'{"op": "reset"}\n')
        assert b'"ok": true' in await reader.readline()
        writer.close()
        await writer.wait_closed()
    finally:
        await app.shutdown()
        await server.stop()
