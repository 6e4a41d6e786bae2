"""ASH framing between bellows' host-side AshProtocol and the emulator's NCP side."""
# ruff: noqa: ASYNC110, RUF059

from __future__ import annotations

import asyncio
from unittest.mock import MagicMock

from bellows.ash import (
    PSEUDO_RANDOM_DATA_SEQUENCE,
    AckFrame,
    AshProtocol,
    DataFrame,
    NakFrame,
    Reserved,
    RStackFrame,
    RstFrame,
)
import bellows.types as t
from hypothesis import given, strategies as st

from virtual_coordinator.ezsp.ash import (
    AshNcpProtocol,
    encode_frame,
    stuff_bytes,
    unstuff_bytes,
)


class PipeTransport(asyncio.Transport):
    """Delivers writes to a peer protocol on the next loop iteration."""

    def __init__(self) -> None:
        super().__init__()
        self.peer: asyncio.Protocol | None = None
        self.closed = False
        self.written: list[bytes] = []
        self.corrupt: int = 0  # corrupt the next N writes that carry DATA frames

    def write(self, data: bytes) -> None:
        self.written.append(bytes(data))
        if self.corrupt and len(data) > 6:
            self.corrupt -= 1
            data = data[:3] + bytes([data[3] ^ 0x01]) + data[4:]
        assert self.peer is not None
        asyncio.get_running_loop().call_soon(self.peer.data_received, bytes(data))

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True


def make_pair():
    received: list[bytes] = []
    resets: list[int] = []
    ncp = AshNcpProtocol(received.append, lambda: resets.append(1), ack_timeout=0.2)
    host_ezsp = MagicMock()
    host = AshProtocol(host_ezsp)
    to_ncp, to_host = PipeTransport(), PipeTransport()
    to_ncp.peer, to_host.peer = ncp, host
    host.connection_made(to_ncp)
    ncp.connection_made(to_host)
    return host, ncp, host_ezsp, received, resets, to_ncp, to_host


async def _until(condition, timeout: float = 5) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0)


def test_stuffing_round_trip_escapes_reserved_bytes() -> None:
    data = bytes([0x7E, 0x7D, 0x11, 0x13, 0x18, 0x1A, 0x00, 0x42])
    stuffed = stuff_bytes(data)
    for reserved in (0x7E, 0x11, 0x13, 0x18, 0x1A):
        assert reserved not in stuffed
    assert stuffed[:2] == bytes([0x7D, 0x5E])
    assert unstuff_bytes(stuffed) == data


@given(st.binary(max_size=200))
def test_stuffing_round_trip_property(data: bytes) -> None:
    assert bytes(unstuff_bytes(stuff_bytes(data))) == data


def test_crc_and_randomisation() -> None:
    frame = DataFrame(frm_num=3, re_tx=False, ack_num=5, ezsp_frame=b"\x00\x00\x00\x02")
    raw = frame.to_bytes()
    # Control byte, then randomised payload, then CRC-CCITT (0xFFFF), big-endian
    assert raw[0] == 0x35
    assert raw[1:5] == bytes(
        a ^ b
        for a, b in zip(b"\x00\x00\x00\x02", PSEUDO_RANDOM_DATA_SEQUENCE, strict=False)
    )
    assert PSEUDO_RANDOM_DATA_SEQUENCE[:3] == bytes([0x42, 0x21, 0xA8])
    import binascii

    assert raw[-2:] == binascii.crc_hqx(raw[:-2], 0xFFFF).to_bytes(2, "big")
    assert DataFrame.from_bytes(raw) == frame
    # The RST frame used by every host: C0 38 BC
    assert RstFrame().to_bytes() == bytes([0xC0, 0x38, 0xBC])
    assert encode_frame(RstFrame()) == bytes([0xC0, 0x38, 0xBC, 0x7E])


async def test_rst_is_answered_with_rstack_version_2() -> None:
    host, ncp, host_ezsp, received, resets, *_ = make_pair()
    host.send_reset()
    await _until(lambda: host_ezsp.reset_received.called)
    host_ezsp.reset_received.assert_called_once_with(t.NcpResetCode.RESET_SOFTWARE)
    assert resets == [1]


async def test_data_exchange_both_directions() -> None:
    host, ncp, host_ezsp, received, *_ = make_pair()
    for i in range(10):  # wraps the 3-bit frame numbers
        await host.send_data(bytes([i, 0x7E, 0x7D, 0x11]))
    assert received == [bytes([i, 0x7E, 0x7D, 0x11]) for i in range(10)]
    for i in range(10):
        ncp.send_data(bytes([0x80 + i, 0x1A]))
    await _until(lambda: host_ezsp.data_received.call_count == 10 and ncp.idle)
    assert [c.args[0] for c in host_ezsp.data_received.call_args_list] == [
        bytes([0x80 + i, 0x1A]) for i in range(10)
    ]


async def test_corrupted_host_frame_is_nakked_and_retransmitted() -> None:
    host, ncp, host_ezsp, received, resets, to_ncp, to_host = make_pair()
    to_ncp.corrupt = 1
    await host.send_data(b"\x01\x02\x03")
    assert received == [b"\x01\x02\x03"]
    assert ncp.stats["parse_errors"] == 1
    assert ncp.stats["naks_sent"] == 1


async def test_ncp_retransmits_after_nak() -> None:
    host, ncp, host_ezsp, received, resets, to_ncp, to_host = make_pair()
    ncp.corrupt_next_data_frames = 1  # bad CRC: bellows answers with a NAK
    ncp.send_data(b"\xaa\xbb")
    await _until(lambda: host_ezsp.data_received.called and ncp.idle)
    host_ezsp.data_received.assert_called_once_with(b"\xaa\xbb")
    assert ncp.stats["naks_received"] == 1
    assert ncp.stats["retransmissions"] == 1


async def test_ncp_retransmits_after_ack_timeout() -> None:
    host, ncp, host_ezsp, received, resets, to_ncp, to_host = make_pair()
    # Lose the first copy entirely
    original = to_host.write
    dropped = []

    def lossy(data: bytes) -> None:
        if not dropped:
            dropped.append(data)
            return
        original(data)

    to_host.write = lossy  # type: ignore[method-assign]
    ncp.send_data(b"\x10\x20")
    await _until(lambda: host_ezsp.data_received.called and ncp.idle)
    assert ncp.stats["retransmissions"] == 1
    host_ezsp.data_received.assert_called_once_with(b"\x10\x20")


async def test_out_of_sequence_and_duplicate_frames() -> None:
    received: list[bytes] = []
    ncp = AshNcpProtocol(received.append)
    transport = PipeTransport()
    sink = MagicMock()
    transport.peer = sink
    ncp.connection_made(transport)
    ncp.data_received(
        encode_frame(DataFrame(frm_num=0, re_tx=False, ack_num=0, ezsp_frame=b"a"))
    )
    # A retransmission of frame 0 is acknowledged again, not delivered twice
    ncp.data_received(
        encode_frame(DataFrame(frm_num=0, re_tx=True, ack_num=0, ezsp_frame=b"a"))
    )
    # Frame 2 skips frame 1: NAK
    ncp.data_received(
        encode_frame(DataFrame(frm_num=2, re_tx=False, ack_num=0, ezsp_frame=b"c"))
    )
    assert received == [b"a"]
    written = [
        bytes(unstuff_bytes(w.rstrip(bytes([Reserved.FLAG]))))
        for w in transport.written
    ]
    assert written[0] == AckFrame(res=0, ncp_ready=0, ack_num=1).to_bytes()
    assert written[1] == AckFrame(res=0, ncp_ready=0, ack_num=1).to_bytes()
    assert written[2] == NakFrame(res=0, ncp_ready=0, ack_num=1).to_bytes()


async def test_cancel_and_substitute_bytes_discard_partial_frames() -> None:
    received: list[bytes] = []
    ncp = AshNcpProtocol(received.append)
    transport = PipeTransport()
    transport.peer = MagicMock()
    ncp.connection_made(transport)
    good = encode_frame(DataFrame(frm_num=0, re_tx=False, ack_num=0, ezsp_frame=b"ok"))
    ncp.data_received(b"\x12\x34" + bytes([Reserved.CANCEL]) + good)
    ncp.data_received(b"\x55" + bytes([Reserved.SUBSTITUTE]) + b"\x66\x7e")
    assert received == [b"ok"]


async def test_reset_while_running() -> None:
    host, ncp, host_ezsp, received, resets, *_ = make_pair()
    await host.send_data(b"\x01")
    ncp.send_data(b"\x02")
    ncp.send_data(b"\x03")
    # The host resets while the NCP still has frames queued
    host.send_reset()
    await _until(lambda: host_ezsp.reset_received.called)
    assert ncp.idle  # queued frames are dropped by the reset
    await host.send_data(b"\x04")  # numbering restarts at 0 on both sides
    assert received[-1] == b"\x04"
    ncp.send_data(b"\x05")
    await _until(
        lambda: ncp.idle and host_ezsp.data_received.call_args.args[0] == b"\x05"
    )


async def test_unsolicited_rstack() -> None:
    host, ncp, host_ezsp, *_ = make_pair()
    ncp.send_rstack()
    await _until(lambda: host_ezsp.reset_received.called)
    host_ezsp.reset_received.assert_called_once_with(t.NcpResetCode.RESET_POWER_ON)
    assert (
        RStackFrame.from_bytes(
            RStackFrame(version=2, reset_code=t.NcpResetCode.RESET_POWER_ON).to_bytes()
        ).version
        == 2
    )
