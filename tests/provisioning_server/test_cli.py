"""Command line of the reference provisioning server."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import pathlib
import signal
import socket
import sqlite3
import sys

import aiohttp
from hypothesis import given, settings, strategies as st
import pytest

from provisioning_server import cli
from provisioning_server.store import Store, StoreError
from provisioning_server.validation import (
    CsvLineError,
    ValidationError,
    crc16_x25,
    decode_csv_bytes,
    normalize_install_code,
    parse_devices_csv,
    parse_rfc3339,
)

from .helpers import HUB, make_ieee, make_install_code, make_link_key


def run(db: pathlib.Path, *argv: str) -> tuple[int, str, str]:
    """Run the command line; return exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", str(db), *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: pathlib.Path) -> pathlib.Path:
    """Database with one hub."""
    path = tmp_path / "cli.db"
    assert run(path, "hub", "add", HUB)[0] == 0
    return path


def test_hubs(db: pathlib.Path) -> None:
    """Hubs are created once and listed."""
    code, _, err = run(db, "hub", "add", HUB)
    assert code == 1
    assert "already exists" in err
    code, _, err = run(db, "hub", "add", "bad/hub")
    assert code == 1
    assert "hub id" in err
    assert run(db, "hub", "add", "building-7")[0] == 0
    code, out, _ = run(db, "hub", "list")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == [HUB, "building-7"]


def test_tokens(db: pathlib.Path) -> None:
    """A token is printed once and only its hash is stored."""
    code, out, err = run(db, "token", "add", HUB, "--label", "BMS")
    assert code == 0
    token = out.strip()
    assert token.startswith("pvs_")
    assert "shown only once" in err
    code, out, _ = run(db, "token", "list", HUB)
    assert code == 0
    assert token not in out
    assert "BMS" in out
    token_id = out.split("\t")[0]
    raw = pathlib.Path(db).read_bytes() + (
        pathlib.Path(f"{db}-wal").read_bytes()
        if pathlib.Path(f"{db}-wal").exists()
        else b""
    )
    assert token.encode() not in raw
    with contextlib.closing(sqlite3.connect(db)) as conn:
        stored = conn.execute("SELECT token_hash FROM tokens").fetchall()
    assert all(token not in row[0] for row in stored)
    store = Store(db)
    try:
        assert store.authenticate(token) == HUB
        assert store.authenticate(token + "x") is None
    finally:
        store.close()
    assert run(db, "token", "remove", HUB, token_id)[0] == 0
    code, _, err = run(db, "token", "remove", HUB, token_id)
    assert code == 1
    assert "no token" in err
    code, _, err = run(db, "token", "add", "unknown-hub")
    assert code == 1
    assert "unknown hub" in err


def write_csv(tmp_path: pathlib.Path, lines: list[str]) -> pathlib.Path:
    """Write a device CSV."""
    path = tmp_path / "devices.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_keeps_valid_lines(db: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """Invalid lines are reported by number; valid lines are imported."""
    code_0 = make_install_code(0)
    spaced = " ".join(code_0[i : i + 4] for i in range(0, len(code_0), 4))
    bad_crc = make_install_code(1)[:-1] + (
        "0" if make_install_code(1)[-1] != "0" else "1"
    )
    csv_file = write_csv(
        tmp_path,
        [
            "ieee,install_code,link_key,name,area,manufacturer,model",
            f"{make_ieee(0)},{spaced},,Meter 0,Plant room,Acme,EM-300",
            f"{make_ieee(1).replace(':', '').upper()},,{make_link_key(1)},Meter 1,,,",
            "not-an-ieee,,00112233445566778899aabbccddeeff,,,,",
            f"{make_ieee(3)},{bad_crc},,Bad CRC,,,",
            f"{make_ieee(4)},XYZ,,Bad hex,,,",
            f"{make_ieee(5)},,,No key,,,",
            f"{make_ieee(6)},{make_install_code(6)},{make_link_key(6)},Both,,,",
            f"{make_ieee(7)},,0011,Short key,,,",
            f"{make_ieee(8)},00112233,,Short code,,,",
            f"{make_ieee(0)},,{make_link_key(9)},Duplicate,,,",
            f"{make_ieee(10)},,{make_link_key(10)},{'x' * 300},,,",
            f"{make_ieee(11)},,{make_link_key(11)},a,b,c,d,e",
            ",,,,,,",
        ],
    )
    code, out, err = run(db, "import", HUB, str(csv_file))
    assert code == 3
    assert (
        "imported 2 devices (2 added, 0 updated, 0 unchanged), 10 lines rejected" in out
    )
    lines = {int(line.split(":")[1]) for line in err.splitlines()}
    assert lines == {4, 5, 6, 7, 8, 9, 10, 11, 12, 13}
    assert "CRC" in err
    assert "duplicate IEEE" in err
    # Secrets never appear in error output.
    assert bad_crc not in err
    assert make_link_key(6) not in err
    store = Store(db)
    try:
        rows = store.device_status(HUB)
        _, devices, _ = store.list_devices(HUB, after=None, limit=10)
    finally:
        store.close()
    assert [row.ieee for row in rows] == [make_ieee(0), make_ieee(1)]
    assert devices[0].install_code == code_0
    assert devices[0].area == "Plant room"
    assert devices[1].link_key == make_link_key(1)
    # Importing the same file again changes nothing.
    code, out, _ = run(db, "import", HUB, str(csv_file))
    assert "0 added, 0 updated, 2 unchanged" in out


def test_import_clean_file(db: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """A clean file imports with status 0, whatever the column order."""
    csv_file = write_csv(
        tmp_path,
        [
            "name, IEEE, link_key",
            f"Meter, {make_ieee(1)}, {make_link_key(1)}",
        ],
    )
    code, out, err = run(db, "import", HUB, str(csv_file))
    assert (code, err) == (0, "")
    assert "1 added" in out


def test_import_errors(db: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """Missing files, missing header and unknown columns are reported."""
    code, _, err = run(db, "import", HUB, str(tmp_path / "missing.csv"))
    assert code == 1
    assert "cannot read" in err
    csv_file = write_csv(tmp_path, ["name,area", "a,b"])
    code, _, err = run(db, "import", HUB, str(csv_file))
    assert code == 3
    assert "header" in err
    csv_file = write_csv(
        tmp_path, ["ieee,link_key,colour", f"{make_ieee(1)},{make_link_key(1)},red"]
    )
    code, out, err = run(db, "import", HUB, str(csv_file))
    assert code == 3
    assert "unknown columns: colour" in err
    assert "1 added" in out
    code, _, err = run(db, "import", "nope", str(csv_file))
    assert code == 1
    assert "unknown hub" in err


def test_revoke_and_status(db: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """Status shows each device's state and last reported status."""
    csv_file = write_csv(
        tmp_path,
        [
            "ieee,link_key,name,area",
            f"{make_ieee(1)},{make_link_key(1)},Meter 1,Plant room",
            f"{make_ieee(2)},{make_link_key(2)},,",
            f"{make_ieee(3)},{make_link_key(3)},Meter 3,",
        ],
    )
    assert run(db, "import", HUB, str(csv_file))[0] == 0
    store = Store(db)
    try:
        revision = store.get_hub(HUB).revision  # type: ignore[union-attr]
    finally:
        store.close()
    code, out, _ = run(db, "revoke", HUB, make_ieee(3).upper())
    assert (code, out.strip()) == (0, f"revoked {make_ieee(3)}")
    code, out, _ = run(db, "revoke", HUB, make_ieee(3))
    assert "already revoked" in out
    code, _, err = run(db, "revoke", HUB, make_ieee(9))
    assert code == 1
    assert "not provisioned" in err
    code, _, err = run(db, "revoke", HUB, "nonsense")
    assert code == 1
    assert "IEEE" in err

    from provisioning_server.validation import event_from_json

    store = Store(db)
    try:
        assert store.get_hub(HUB).revision == revision + 1  # type: ignore[union-attr]
        store.record_events(
            HUB,
            [
                event_from_json(
                    {
                        "event_id": "3b241101-e2bb-4255-8caf-4136c566a962",
                        "ieee": make_ieee(1),
                        "status": "joined",
                        "at": "2026-11-25T18:30:00Z",
                    }
                ),
                event_from_json(
                    {
                        "event_id": "8f14e45f-ceea-467a-9575-5f3d7c3d1e2b",
                        "ieee": make_ieee(2),
                        "status": "pending",
                        "at": "2026-11-25T18:31:00Z",
                    }
                ),
            ],
        )
    finally:
        store.close()
    code, out, _ = run(db, "status", HUB)
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["IEEE", "NAME", "AREA", "STATE", "LAST", "STATUS", "AT"]
    assert rows[0].split() == [
        make_ieee(1),
        "Meter",
        "1",
        "Plant",
        "room",
        "active",
        "joined",
        "2026-11-25T18:30:00Z",
    ]
    assert rows[1].split() == [
        make_ieee(2),
        "-",
        "-",
        "active",
        "pending",
        "2026-11-25T18:31:00Z",
    ]
    assert rows[2].split() == [
        make_ieee(3),
        "Meter",
        "3",
        "-",
        "revoked",
        "not",
        "reported",
        "-",
    ]
    code, out, _ = run(db, "status", HUB, "--json")
    data = json.loads(out)
    assert data[0] == {
        "ieee": make_ieee(1),
        "name": "Meter 1",
        "area": "Plant room",
        "state": "active",
        "status": "joined",
        "at": "2026-11-25T18:30:00Z",
    }
    assert data[2]["status"] is None


def test_parser_defaults_to_serve(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    """Without a command the server is started with the given options."""
    args = cli.build_parser().parse_args(["--db", "x.db", "--port", "9000"])
    assert (args.command, args.db, args.host, args.port) == (
        None,
        "x.db",
        "127.0.0.1",
        9000,
    )
    args = cli.build_parser().parse_args(["serve", "--db", "y.db", "--host", "0.0.0.0"])
    assert (args.command, args.db, args.host, args.port) == (
        "serve",
        "y.db",
        "0.0.0.0",
        8080,
    )

    calls: list[argparse.Namespace] = []

    def fake_serve(args: argparse.Namespace) -> int:
        calls.append(args)
        return 0

    monkeypatch.setattr(cli, "_serve", fake_serve)
    assert cli.main(["--db", str(tmp_path / "s.db"), "--port", "0"]) == 0
    assert (calls[0].host, calls[0].port, calls[0].max_wait) == ("127.0.0.1", 0, 60)


def test_install_code_validation() -> None:
    """CRC-16/X.25 matches zigpy and the Zigbee specification's example."""
    assert normalize_install_code("83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5") == (
        "83FED3407A939723A5C639B26916D505C3B5"
    )
    assert crc16_x25(bytes.fromhex("83FED3407A939723A5C639B26916D505")) == 0xB5C3
    for size in (6, 8, 12, 16):
        code = bytes(range(size))
        full = code + crc16_x25(code).to_bytes(2, "little")
        assert normalize_install_code(full.hex()) == full.hex().upper()
    with pytest.raises(ValidationError, match="6, 8, 12 or 16"):
        normalize_install_code("00" * 9)
    with pytest.raises(ValidationError, match="hexadecimal"):
        normalize_install_code("0")


def test_rfc3339() -> None:
    """Times need a date, a time and an offset."""
    assert parse_rfc3339("2026-11-25t18:30:00z").utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert parse_rfc3339("2026-11-25T18:30:00.123+01:00").microsecond == 123000
    for bad in ("2026-11-25", "2026-11-25T18:30:00", "2026-13-25T18:30:00Z"):
        with pytest.raises(ValidationError):
            parse_rfc3339(bad)


def test_csv_too_many_fields() -> None:
    """Extra fields on a line are an error of that line."""
    result = parse_devices_csv(f"ieee,link_key\n{make_ieee(1)},{make_link_key(1)},x\n")
    assert result.devices == []
    assert result.errors == [(2, "too many fields")]


def test_store_errors(tmp_path: pathlib.Path) -> None:
    """Operations on unknown hubs fail clearly."""
    store = Store(tmp_path / "s.db")
    try:
        with pytest.raises(StoreError):
            store.list_devices("nope", after=None, limit=1)
        with pytest.raises(StoreError):
            store.record_events("nope", [])
        with pytest.raises(StoreError):
            store.list_tokens("nope")
    finally:
        store.close()


def test_install_code_check_without_zigpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without zigpy the CRC is checked by the server itself."""
    monkeypatch.setitem(sys.modules, "zigpy.util", None)
    good = make_install_code(7)
    assert normalize_install_code(good) == good
    bad = good[:-2] + ("00" if good[-2:] != "00" else "11")
    with pytest.raises(ValidationError, match="CRC"):
        normalize_install_code(bad)


def run_url(db: str, *argv: str) -> tuple[int, str, str]:
    """Run the command line against a ``--db`` value; status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", db, *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_commands_on_backend(db_url: str, tmp_path: pathlib.Path) -> None:
    """Every command works the same on SQLite and on PostgreSQL."""
    assert run_url(db_url, "hub", "add", HUB)[0] == 0
    assert run_url(db_url, "hub", "list")[1].startswith(f"{HUB}\trevision 1")
    code, token, err = run_url(db_url, "token", "add", HUB, "--label", "BMS")
    assert (code, token[:4]) == (0, "pvs_")
    assert "shown only once" in err
    code, admin, err = run_url(db_url, "admin-token", "add", "--label", "ERP")
    assert (code, admin[:4]) == (0, "pva_")
    code, out, _ = run_url(db_url, "admin-token", "list")
    assert out.split("\t")[0] == "1"
    assert "ERP" in out
    assert admin.strip() not in out
    assert run_url(db_url, "admin-token", "remove", "1")[0] == 0
    code, _, err = run_url(db_url, "admin-token", "remove", "1")
    assert (code, err.strip()) == (1, "error: no admin token 1")
    csv_file = tmp_path / "devices.csv"
    csv_file.write_text(
        f"ieee,link_key,name\n{make_ieee(1)},{make_link_key(1)},One\n"
        f"{make_ieee(2)},{make_link_key(2)},Two\n",
        encoding="utf-8",
    )
    code, out, _ = run_url(db_url, "import", HUB, str(csv_file))
    assert (code, out.strip()) == (
        0,
        "imported 2 devices (2 added, 0 updated, 0 unchanged), 0 lines rejected;"
        " revision 2",
    )
    assert run_url(db_url, "revoke", HUB, make_ieee(2))[1].strip() == (
        f"revoked {make_ieee(2)}"
    )
    code, out, _ = run_url(db_url, "status", HUB, "--json")
    assert [row["state"] for row in json.loads(out)] == ["active", "revoked"]
    code, _, err = run_url(db_url, "status", "nope")
    assert (code, err.strip()) == (1, "error: unknown hub nope")


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_csv_input_never_raises(data: bytes) -> None:
    """Any bytes give either text or a line error, and any text a parse result."""
    try:
        text = decode_csv_bytes(data)
    except CsvLineError as err:
        line = err.line
    else:
        line = 1
        result = parse_devices_csv(text)
        assert all(number >= 1 for number, _ in result.errors)
    assert 1 <= line <= data.count(b"\n") + 1


async def test_serve_answers_and_stops_on_sigterm(db_url: str) -> None:
    """``serve`` answers on its port and exits cleanly on SIGTERM."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "provisioning_server",
        "--db",
        db_url,
        "serve",
        "--port",
        str(port),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        async with aiohttp.ClientSession() as session, asyncio.timeout(30):
            while True:
                try:
                    async with session.get(
                        f"http://127.0.0.1:{port}/healthz"
                    ) as response:
                        assert (await response.json())["status"] == "ok"
                        break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.05)
    finally:
        process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(30):
            _, err = await process.communicate()
    assert process.returncode == 0, err
    assert b"Traceback" not in err
