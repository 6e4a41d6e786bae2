"""Control interface, CLI parsing and mDNS service description."""

from __future__ import annotations

from virtual_coordinator import VirtualCoordinator
from virtual_coordinator.__main__ import _parser
from virtual_coordinator.control import ControlServer, send_request
from virtual_coordinator.mdns import SERVICE_TYPE, build_service_info

IEEE = "00:11:22:33:44:55:66:77"
INSTALL_CODE = "83FED3407A939723A5C639B26916D505C3B5"


async def test_control_plug_in_status_leave(socket_enabled: None) -> None:
    coordinator = VirtualCoordinator()
    coordinator.state.formed = True
    coordinator.stack_up = True
    coordinator.trust_center.permit(60)
    control = ControlServer(coordinator)
    port = await control.start("127.0.0.1", 0)
    try:
        answer = await send_request(
            {"op": "plug_in", "ieee": IEEE, "install_code": INSTALL_CODE, "model": "X"},
            port=port,
        )
        # Default policy admits only the well-known key, not an install-code key
        assert answer == {
            "ok": True,
            "joined": False,
            "reason": "wrong_key",
            "nwk": None,
            "announced": False,
        }
        answer = await send_request(
            {"op": "plug_in", "ieee": "00:00:00:00:00:00:00:01"}, port=port
        )
        assert answer["joined"] is True
        status = await send_request({"op": "status"}, port=port)
        assert status["permit_open"] is True
        assert status["policy_flags"] == ["ALLOW_JOINS", "ALLOW_UNSECURED_REJOINS"]
        assert {d["ieee"] for d in status["devices"]} == {
            IEEE,
            "00:00:00:00:00:00:00:01",
        }
        answer = await send_request(
            {"op": "leave", "ieee": "00:00:00:00:00:00:00:01"}, port=port
        )
        assert answer == {"ok": True, "left": True}
        record = await send_request({"op": "record"}, port=port)
        assert [e["kind"] for e in record["events"]][-3:] == ["join", "join", "leave"]
        assert (await send_request({"op": "nope"}, port=port))["ok"] is False
    finally:
        await control.stop()


def test_cli_parser() -> None:
    args = _parser().parse_args(
        [
            "plug-in",
            "--ieee",
            IEEE,
            "--install-code",
            INSTALL_CODE,
            "--manufacturer",
            "A",
            "--model",
            "B",
        ]
    )
    assert args.install_code == INSTALL_CODE
    args = _parser().parse_args(
        ["serve", "--advertise", "--state", "s.json", "--ezsp-version", "13"]
    )
    assert (args.port, args.ezsp_version, args.advertise) == (6638, 13, True)


def test_mdns_service_info() -> None:
    info = build_service_info(port=6638, serial_number="ABC123", host="127.0.0.1")
    assert info.type == SERVICE_TYPE == "_zigbee-coordinator._tcp.local."
    assert info.port == 6638
    assert info.properties[b"radio_type"] == b"ezsp"
    assert info.properties[b"serial_number"] == b"ABC123"


def test_benchmarks_are_discovered() -> None:
    from benchmarks.__main__ import discover

    assert "ezsp_key_import" in discover()
