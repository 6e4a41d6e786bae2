"""mDNS advertisement of the virtual coordinator (``_zigbee-coordinator._tcp``)."""

from __future__ import annotations

import socket
from typing import Any

SERVICE_TYPE = "_zigbee-coordinator._tcp.local."


def build_service_info(*, port: int, serial_number: str, host: str) -> Any:
    """The zeroconf ServiceInfo: TXT ``radio_type=ezsp`` and ``serial_number``."""
    from zeroconf import ServiceInfo

    if host in ("", "0.0.0.0"):
        try:
            host = socket.gethostbyname(socket.gethostname())
        except OSError:
            host = "127.0.0.1"
    name = f"Virtual Zigbee Coordinator {serial_number}"
    return ServiceInfo(
        SERVICE_TYPE,
        f"{name}.{SERVICE_TYPE}",
        addresses=[socket.inet_aton(host)],
        port=port,
        properties={
            "radio_type": "ezsp",
            "serial_number": serial_number,
            "name": "Virtual Zigbee Coordinator",
            "version": "1.0",
        },
        server=f"virtual-zigbee-{serial_number.lower()}.local.",
    )


class Advertiser:
    """Registers the service on start() and withdraws it on stop()."""

    def __init__(self, *, port: int, serial_number: str, host: str) -> None:
        self.info = build_service_info(
            port=port, serial_number=serial_number, host=host
        )
        self._zeroconf: Any = None

    async def start(self) -> None:
        from zeroconf.asyncio import AsyncZeroconf

        self._zeroconf = AsyncZeroconf()
        await self._zeroconf.async_register_service(self.info)

    async def stop(self) -> None:
        if self._zeroconf is None:
            return
        await self._zeroconf.async_unregister_service(self.info)
        await self._zeroconf.async_close()
        self._zeroconf = None
