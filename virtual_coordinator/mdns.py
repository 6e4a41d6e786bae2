"""mDNS advertisement of the virtual coordinator (``_zigbee-coordinator._tcp``).

The service type's name part, ``zigbee-coordinator``, is 18 bytes; RFC 6763
allows 15, and python-zeroconf enforces that unless a service is registered
with ``strict=False``. Home Assistant's ZHA discovers coordinators under this
type (as Home Assistant's own network coordinators announce themselves), so the
advertisement registers it that way. The TXT record says which radio type
(``ezsp`` or ``znp``) the coordinator speaks.
"""

from __future__ import annotations

import socket
from typing import Any

SERVICE_TYPE = "_zigbee-coordinator._tcp.local."


def build_service_info(
    *, port: int, serial_number: str, host: str, radio_type: str = "ezsp"
) -> Any:
    """The zeroconf ServiceInfo: TXT ``radio_type`` and ``serial_number``."""
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
            "radio_type": radio_type,
            "serial_number": serial_number,
            "name": "Virtual Zigbee Coordinator",
            "version": "1.0",
        },
        server=f"virtual-zigbee-{serial_number.lower()}.local.",
    )


class Advertiser:
    """Registers the service on start() and withdraws it on stop()."""

    def __init__(
        self,
        *,
        port: int,
        serial_number: str,
        host: str,
        radio_type: str = "ezsp",
        interfaces: list[str] | None = None,
    ) -> None:
        self.info = build_service_info(
            port=port, serial_number=serial_number, host=host, radio_type=radio_type
        )
        self.interfaces = interfaces  # None: every interface
        self._zeroconf: Any = None

    async def start(self) -> None:
        from zeroconf import InterfaceChoice
        from zeroconf.asyncio import AsyncZeroconf

        self._zeroconf = AsyncZeroconf(
            interfaces=self.interfaces or InterfaceChoice.All
        )
        # The first await registers; the task it returns sends the announcements
        announced = await self._zeroconf.async_register_service(self.info, strict=False)
        await announced

    async def stop(self) -> None:
        if self._zeroconf is None:
            return
        withdrawn = await self._zeroconf.async_unregister_service(self.info)
        await withdrawn
        await self._zeroconf.async_close()
        self._zeroconf = None
