"""The command line with Z-Wave devices: import, revoke, status, no PIN shown."""

from __future__ import annotations

import json
import pathlib

from provisioning_server.store import Store
from provisioning_server.validation import event_from_json

from .helpers import HUB, make_ieee, make_link_key
from .test_cli import run, write_csv
from .test_zwave_api import DSK, MASKED, OTHER_PIN, PIN, QR_MASKED, qr_code


def test_zwave_devices_on_the_command_line(
    tmp_path: pathlib.Path,
) -> None:
    """CSV rows with dsk or qr_code import as Z-Wave; output names masked DSKs."""
    db = tmp_path / "cli.db"
    assert run(db, "hub", "add", HUB)[0] == 0
    csv_file = write_csv(
        tmp_path,
        [
            "ieee,link_key,dsk,security_classes,qr_code,name",
            f"{make_ieee(1)},{make_link_key(1)},,,,Plug",
            f",,{DSK},S2_AccessControl,,Lock",
            f",,,,{qr_code()},Sensor",
            f",,{DSK[:-1]}9,S3,,Bad",
        ],
    )
    code, out, err = run(db, "import", HUB, str(csv_file))
    assert code == 3
    assert "3 added" in out
    assert f"{csv_file}:5: unknown security class" in err
    # Another PIN for a listed device: refused by line, nothing imported.
    conflict = write_csv(
        tmp_path,
        [
            "dsk,security_classes,name",
            f"{OTHER_PIN}{DSK[5:]},S2_AccessControl,Lock",
        ],
    )
    code, out, err = run(db, "import", HUB, str(conflict))
    assert code == 1
    assert f"{conflict}:2: device {MASKED} is already listed" in err
    assert "nothing was imported" in err
    store = Store(db)
    try:
        store.record_events(
            HUB,
            [
                event_from_json(
                    {
                        "event_id": "3b241101-e2bb-4255-8caf-4136c566a962",
                        "technology": "zwave",
                        "dsk": MASKED,
                        "status": "joined",
                        "at": "2026-11-25T18:30:00Z",
                        "node_id": 9,
                    }
                )
            ],
        )
    finally:
        store.close()
    code, out, _ = run(db, "status", HUB)
    header, *rows = out.splitlines()
    assert header.split()[0] == "DEVICE"
    assert [row.split()[0] for row in rows] == [make_ieee(1), MASKED, QR_MASKED]
    code, out, _ = run(db, "status", HUB, "--json")
    assert json.loads(out)[1] == {
        "technology": "zwave",
        "dsk": MASKED,
        "name": "Lock",
        "area": None,
        "state": "active",
        "status": "joined",
        "at": "2026-11-25T18:30:00Z",
        "node_id": 9,
    }
    code, out, err = run(db, "revoke", HUB, MASKED.upper())
    assert (code, out.strip()) == (0, f"revoked {MASKED}")
    code, out, err = run(db, "revoke", HUB, DSK)
    assert code == 1
    assert "PIN" in err
    assert PIN not in out + err
