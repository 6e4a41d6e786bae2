"""Helpers shared by the provisioning server and remote client tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
import pathlib

from aiohttp import web

from provisioning_server.api import create_app
from provisioning_server.api.serving import serving
from provisioning_server.store import AsyncStore, Store
from provisioning_server.validation import DeviceRecord, crc16_x25

HUB = "00:12:4b:00:01:02:03:04"
OTHER_HUB = "00:12:4b:00:0a:0b:0c:0d"
OPENAPI = pathlib.Path(__file__).parents[2] / "docs" / "provisioning-api.yaml"


def make_ieee(number: int, prefix: int = 0x000D6F00) -> str:
    """Return a distinct IEEE address for ``number``."""
    value = (prefix << 32) | number
    digits = f"{value:016x}"
    return ":".join(digits[i : i + 2] for i in range(0, 16, 2))


def make_install_code(number: int) -> str:
    """Return a valid 16-byte install code with CRC for ``number``."""
    code = number.to_bytes(16, "big")
    return (code + crc16_x25(code).to_bytes(2, "little")).hex().upper()


def make_link_key(number: int) -> str:
    """Return a 16-byte link key for ``number``."""
    return (number + 1).to_bytes(16, "little").hex().upper()


def make_devices(count: int) -> list[DeviceRecord]:
    """Return ``count`` devices, alternating install codes and link keys."""
    return [
        DeviceRecord(
            ieee=make_ieee(n),
            install_code=make_install_code(n) if n % 2 == 0 else None,
            link_key=make_link_key(n) if n % 2 else None,
            name=f"Meter {n}",
            area=f"Floor {n % 7}",
            manufacturer="Acme",
            model="EM-300",
        )
        for n in range(count)
    ]


@asynccontextmanager
async def serve_app(app: web.Application) -> AsyncIterator[str]:
    """Serve ``app`` on 127.0.0.1 and yield its base URL."""
    async with serving(app) as url:
        yield url


@asynccontextmanager
async def serve_store(store: Store | AsyncStore, **kwargs: int) -> AsyncIterator[str]:
    """Serve the reference server for ``store`` and yield its base URL."""
    async with serve_app(create_app(store, **kwargs)) as url:
        yield url
