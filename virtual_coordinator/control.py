"""Control interface: JSON lines over TCP (default 127.0.0.1:6639).

Each request is one JSON object on one line with an ``op`` field; each answer
is one JSON object on one line with ``ok``. Operations: ``plug_in``,
``leave``, ``unplug``, ``status``, ``record``, and the fault injections
``reset`` (the NCP reboots on its own), ``drop`` (the host's connection is
lost) and ``set_policy`` (another client changes the trust-center policy).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import zigpy.types as zt

from .ezsp import VirtualCoordinator
from .network.device import VirtualDevice
from .network.trust_center import policy_names

DEFAULT_CONTROL_PORT = 6639


def coordinator_status(coordinator: VirtualCoordinator) -> dict[str, Any]:
    return {
        "ieee": str(coordinator.ieee),
        "ezsp_version": coordinator.ezsp_version,
        "url": coordinator.url if (coordinator.port or coordinator.pty_path) else None,
        "host_connected": coordinator.connected,
        "network_formed": coordinator.state.formed,
        "network_up": coordinator.stack_up,
        "pan_id": f"0x{coordinator.state.pan_id:04X}",
        "channel": coordinator.state.channel,
        "policy": coordinator.policy,
        "policy_flags": policy_names(coordinator.policy),
        "permit_open": coordinator.permit_open,
        "permit_remaining_s": round(coordinator.trust_center.permit_remaining, 1),
        "transient_keys": [str(k) for k in coordinator.transient_keys],
        "devices": [
            {
                "ieee": str(d.ieee),
                "nwk": f"0x{d.nwk:04X}" if d.nwk is not None else None,
                "joined": d.joined,
                "manufacturer": d.manufacturer,
                "model": d.model,
            }
            for d in coordinator.devices.values()
        ],
    }


def _event_json(event: Any) -> dict[str, Any]:
    return {"time": event.time, "kind": event.kind, **event.details}


class ControlServer:
    def __init__(self, coordinator: VirtualCoordinator) -> None:
        self.coordinator = coordinator
        self._server: asyncio.base_events.Server | None = None
        self.port: int | None = None

    async def start(
        self, host: str = "127.0.0.1", port: int = DEFAULT_CONTROL_PORT
    ) -> int:
        self._server = await asyncio.start_server(self._client, host, port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _client(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        try:
            while line := await reader.readline():
                try:
                    answer = self.handle(json.loads(line))
                except Exception as exc:
                    answer = {"ok": False, "error": str(exc)}
                writer.write((json.dumps(answer, default=str) + "\n").encode())
                await writer.drain()
        finally:
            writer.close()

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        c = self.coordinator
        op = request.get("op")
        if op == "plug_in":
            ieee = request["ieee"]
            device = c.devices.get(zt.EUI64.convert(ieee))
            if device is None or any(
                request.get(k) is not None
                for k in ("install_code", "link_key", "manufacturer", "model")
            ):
                kwargs = {
                    k: request[k]
                    for k in (
                        "install_code",
                        "link_key",
                        "manufacturer",
                        "model",
                        "responsive",
                    )
                    if request.get(k) is not None
                }
                device = VirtualDevice(ieee, **kwargs)
            result = c.power_on(device)
            return {
                "ok": True,
                "joined": result.joined,
                "reason": result.reason,
                "nwk": result.nwk,
                "announced": result.announced,
            }
        if op in ("leave", "unplug"):
            device = c.device(request["ieee"])
            if op == "leave":
                left = c.leave(device)
            else:
                left = device.joined
                c.unplug(device)
            return {"ok": True, "left": left}
        if op == "reset":
            c.reset_ncp()
            return {"ok": True}
        if op == "drop":
            c.drop_connection()
            return {"ok": True}
        if op == "set_policy":
            c.set_policy_directly(int(request["policy"]))
            return {"ok": True, "policy": c.policy}
        if op == "status":
            return {"ok": True, **coordinator_status(c)}
        if op == "record":
            n = int(request.get("n", 50))
            return {"ok": True, "events": [_event_json(e) for e in c.record[-n:]]}
        return {"ok": False, "error": f"unknown op {op!r}"}


async def send_request(
    request: dict[str, Any], host: str = "127.0.0.1", port: int = DEFAULT_CONTROL_PORT
) -> dict[str, Any]:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write((json.dumps(request) + "\n").encode())
        await writer.drain()
        return json.loads(await reader.readline())
    finally:
        writer.close()
        await writer.wait_closed()
