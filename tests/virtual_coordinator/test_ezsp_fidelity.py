"""EZSP fidelity: frames that a second host stack (zigbee-herdsman's ember
driver, used by Zigbee2MQTT) reads more strictly than bellows.

Each test goes through a real bellows host where bellows can send the frame.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
import pathlib

import bellows.types as t
import pytest

from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.ezsp.codec import EzspCodec
from virtual_coordinator.ezsp.host import start_bellows_app


@pytest.fixture
async def app13(
    tmp_path: pathlib.Path, socket_enabled: None
) -> AsyncGenerator[tuple[VirtualCoordinator, object]]:
    coordinator = VirtualCoordinator(
        ezsp_version=13, state_file=tmp_path / "ncp13.json"
    )
    await coordinator.start_tcp("127.0.0.1", 0)
    try:
        app = await start_bellows_app(coordinator)
        try:
            yield coordinator, app
        finally:
            await app.shutdown()
    finally:
        await coordinator.stop()


async def test_version_info_carries_the_version_type(
    app13: tuple[VirtualCoordinator, object],
) -> None:
    _coordinator, app = app13
    status, value = await app._ezsp.getValue(  # type: ignore[attr-defined]
        valueId=t.EzspValueId.VALUE_VERSION_INFO
    )
    assert status == t.EzspStatus.SUCCESS
    # build (2), major, minor, patch, special, type
    assert len(value) == 7
    assert int.from_bytes(value[:2], "little") == 120
    assert tuple(value[2:6]) == (7, 3, 4, 0)
    assert value[6] == 0xAA


async def test_extended_value_endpoint_flags_and_source_route_overhead(
    app13: tuple[VirtualCoordinator, object],
) -> None:
    coordinator, app = app13
    ezsp = app._ezsp  # type: ignore[attr-defined]
    ids = t.EzspExtendedValueId
    status, value = await ezsp.getExtendedValue(
        valueId=ids.EXTENDED_VALUE_ENDPOINT_FLAGS, characteristics=1
    )
    assert status == t.EzspStatus.SUCCESS
    assert value == b"\x01\x00"  # enabled
    status, value = await ezsp.getExtendedValue(
        valueId=ids.EXTENDED_VALUE_ENDPOINT_FLAGS, characteristics=99
    )
    assert status != t.EzspStatus.SUCCESS
    assert len(value) == 2
    status, value = await ezsp.getExtendedValue(
        valueId=ids.EXTENDED_VALUE_GET_SOURCE_ROUTE_OVERHEAD, characteristics=0x1234
    )
    assert status == t.EzspStatus.SUCCESS
    assert len(value) == 1
    status, value = await ezsp.getExtendedValue(
        valueId=ids.EXTENDED_VALUE_MEMORY_USAGE_DATA, characteristics=0
    )
    assert status == t.EzspStatus.ERROR_INVALID_ID
    assert value == b""
    assert coordinator.events("unknown_frame") == []


async def test_add_endpoint_honours_the_cluster_counts(
    app13: tuple[VirtualCoordinator, object],
) -> None:
    coordinator, app = app13
    created = app._created_device_endpoints  # type: ignore[attr-defined]
    assert any(d.output_clusters for d in created)  # the split matters
    assert [
        (e.endpoint_id, e.input_clusters, e.output_clusters)
        for e in coordinator.endpoints
    ] == [(d.endpoint, d.input_clusters, d.output_clusters) for d in created]
    # What zigpy reads back through ZDO Simple_Desc_req to the coordinator
    for descriptor in created:
        endpoint = app._device.endpoints[descriptor.endpoint]  # type: ignore[attr-defined]
        assert sorted(endpoint.in_clusters) == sorted(descriptor.input_clusters)
        assert sorted(endpoint.out_clusters) == sorted(descriptor.output_clusters)


def test_add_endpoint_with_inconsistent_counts_is_refused() -> None:
    coordinator = VirtualCoordinator(ezsp_version=13)
    codec = EzspCodec(13)
    frame = codec.encode_host_request(
        7,
        "addEndpoint",
        endpoint=1,
        profileId=0x0104,
        deviceId=0x0005,
        deviceVersion=1,
        inputClusterCount=3,
        outputClusterCount=0,
        inputClusterList=[0x0000, 0x0006],
        outputClusterList=[],
    )
    response = coordinator._dispatch(codec.decode_request(frame))
    _seq, name, values = codec.decode_response(response)
    assert name == "addEndpoint"
    assert values["status"] == t.EzspStatus.ERROR_INVALID_VALUE
    assert coordinator.endpoints == []
