"""``./scripts/develop --z2m``: Zigbee2MQTT and Mosquitto on the virtual
coordinator, as a newcomer starts them (the parts before Home Assistant)."""

from __future__ import annotations

import json
import pathlib

import pytest

from scripts import develop_z2m
from scripts.develop import Children, free_ports, parse_args, start_coordinator

pytestmark = pytest.mark.timeout(240)


def test_options_and_files(tmp_path: pathlib.Path) -> None:
    """``--z2m`` with ``--radio-type znp`` means ``adapter: zstack``; the
    configuration Zigbee2MQTT rewrites is kept; MQTT is configured once."""
    args = parse_args(["--z2m", "--radio-type", "znp"])
    assert args.z2m
    assert develop_z2m.adapter_for(args.radio_type) == "zstack"
    assert develop_z2m.adapter_for("ezsp") == "ember"
    assert develop_z2m.coordinator_args("znp") == []
    assert develop_z2m.coordinator_args("ezsp") == ["--ezsp-version", "13"]
    assert not parse_args([]).z2m

    data = tmp_path / "zigbee2mqtt"
    config = develop_z2m.write_z2m_config(data, 7000, "tcp://127.0.0.1:6638", "zstack")
    text = config.read_text()
    assert "adapter: zstack" in text
    assert "mqtt://127.0.0.1:7000" in text
    assert "homeassistant: {enabled: true}" in text
    config.write_text(text + "# written by Zigbee2MQTT\n")
    develop_z2m.write_z2m_config(data, 7001, "tcp://127.0.0.1:6638", "ember")
    assert config.read_text().endswith("# written by Zigbee2MQTT\n")

    storage = tmp_path / ".storage" / "core.config_entries"
    storage.parent.mkdir()
    storage.write_text(
        json.dumps(
            {
                "version": 1,
                "minor_version": 5,
                "key": "core.config_entries",
                "data": {"entries": [{"domain": "other", "data": {}}]},
            }
        )
    )
    develop_z2m.seed_mqtt_entry(tmp_path, 7000)
    develop_z2m.seed_mqtt_entry(tmp_path, 7002)
    entries = json.loads(storage.read_text())["data"]["entries"]
    assert [e["domain"] for e in entries] == ["other", "mqtt"]
    assert entries[1]["data"] == {"broker": "127.0.0.1", "port": 7000}


@pytest.mark.parametrize(
    ("radio_type", "coordinator_type"), [("znp", "ZStack3x0"), ("ezsp", "EmberZNet")]
)
def test_zigbee2mqtt_on_the_virtual_coordinator(
    tmp_path: pathlib.Path, socket_enabled: None, radio_type: str, coordinator_type: str
) -> None:
    """The stack ``--z2m --radio-type znp`` (or ``ezsp``) starts: Zigbee2MQTT forms a
    network on that personality and Home Assistant gets the broker's MQTT entry."""
    zigbee = free_ports(3)
    config = tmp_path / "config"
    config.mkdir()
    with Children() as children:
        start_coordinator(
            children,
            zigbee,
            config / "virtual.json",
            radio_type=radio_type,
            extra_args=develop_z2m.coordinator_args(radio_type),
        )
        port = develop_z2m.start_z2m_stack(
            children,
            config,
            coordinator_port=zigbee,
            radio_type=radio_type,
            progress=lambda _text: None,
        )
        log = (config / "zigbee2mqtt" / "console.log").read_text()
        assert f'"type":"{coordinator_type}"' in log
    assert port == zigbee + 2
    entries = json.loads((config / ".storage" / "core.config_entries").read_text())
    assert [e["data"] for e in entries["data"]["entries"]] == [
        {"broker": "127.0.0.1", "port": port}
    ]
    state = json.loads((config / "virtual.json").read_text())
    assert state.get("radio", "ezsp") == radio_type
