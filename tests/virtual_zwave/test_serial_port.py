"""The virtual controller's TCP serial port on its own, with a raw host: the
byte stream is split into control bytes and whole frames however it arrives."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
import pathlib

import pytest

from virtual_zwave.runner import VirtualZWave, async_control_request

ACK = b"\x06"
GET_CONTROLLER_ID = bytes.fromhex("01030020dc")


@pytest.fixture
def controller(tmp_path: pathlib.Path) -> Iterator[VirtualZWave]:
    zwave = VirtualZWave(tmp_path)
    zwave.start(server=False)
    try:
        yield zwave
    finally:
        zwave.stop()


async def _response(reader: asyncio.StreamReader) -> bytes:
    """The ACK for our frame, then the response frame."""
    assert await reader.readexactly(1) == ACK
    head = await reader.readexactly(2)
    assert head[0] == 0x01
    frame = head + await reader.readexactly(head[1])
    checksum = 0xFF
    for byte in frame[1:-1]:
        checksum ^= byte
    assert frame[-1] == checksum
    return frame


async def test_frames_split_and_glued_are_answered(controller: VirtualZWave) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", controller.serial_port)
    try:
        async with asyncio.timeout(20):
            # One frame in two TCP chunks.
            writer.write(GET_CONTROLLER_ID[:2])
            await writer.drain()
            await asyncio.sleep(0.05)  # a chunk boundary, not a wait for a result
            writer.write(GET_CONTROLLER_ID[2:])
            await writer.drain()
            first = await _response(reader)
            # Our ACK and the next frame in one chunk.
            writer.write(ACK + GET_CONTROLLER_ID)
            await writer.drain()
            second = await _response(reader)
        assert first[2:4] == bytes([0x01, 0x20])  # response to GetControllerId
        assert first == second
        status = await async_control_request(
            "127.0.0.1", controller.control_port, {"op": "status"}
        )
        assert status["home_id"] == first[4:8].hex()
        assert status["host_connected"] is True
    finally:
        writer.close()
        await writer.wait_closed()
