"""One list, two technologies: ids, credentials, codes and stored entries."""

from __future__ import annotations

from datetime import UTC, datetime
import json
import pickle

import pytest

from custom_components.provisioning.core import (
    DeviceId,
    EntryStatus,
    InvalidCodeError,
    LocalProvider,
    ProvisioningEntry,
    ProvisioningService,
    Technology,
)
from custom_components.provisioning.core.errors import ZWaveCodeError
from custom_components.provisioning.core.identity import technology_of
from custom_components.provisioning.core.provider import StatusReport
from custom_components.provisioning.core.technologies import (
    credential_from_storage,
    entry_from_storage,
    is_zwave_qr_code,
    parse_device_code,
    parse_device_id,
)
from custom_components.provisioning.core.zigbee.identity import (
    ZigbeeId,
    as_zigbee_id,
    ieee_of,
    zigbee_id,
)
from custom_components.provisioning.core.zwave.credential import (
    Label,
    ScannedZWaveCode,
    SmartStartCredential,
    dsk_of,
)
from tests.core.zwave.test_qr import EXAMPLE, EXAMPLE_DSK

T0 = datetime(2026, 12, 5, tzinfo=UTC)
PIN = EXAMPLE_DSK[:5]
MASKED = "xxxxx" + EXAMPLE_DSK[5:]
OTHER_PIN_DSK = "00001" + EXAMPLE_DSK[5:]
IEEE = "00:11:22:33:44:55:66:77"
CODE = "83FED3407A939723A5C639B26916D505C3B5"


def zwave_entry(dsk: str = EXAMPLE_DSK, provider: str = "local") -> ProvisioningEntry:
    scanned = parse_device_code(dsk=dsk, security_classes=["S2_Authenticated"])
    return ProvisioningEntry(
        device=scanned.device,
        credential=scanned.credential,
        provider_id=provider,
        name="Porch",
        created_at=T0,
        updated_at=T0,
    )


def test_ids_tell_their_technology_by_their_form() -> None:
    """An IEEE address and a masked DSK never look alike."""
    assert technology_of(IEEE) is Technology.ZIGBEE
    assert technology_of(MASKED) is Technology.ZWAVE
    assert technology_of(EXAMPLE_DSK) is None  # a full DSK is no id
    assert technology_of("00:11") is None
    assert parse_device_id(MASKED) == DeviceId(Technology.ZWAVE, MASKED)
    assert parse_device_id("0x0011223344556677") == zigbee_id(IEEE)
    with pytest.raises(InvalidCodeError) as err:
        parse_device_id("xxxxx-1")
    assert err.value.translation_key == "bad_device_id"
    with pytest.raises(InvalidCodeError) as err:
        parse_device_id("zz")
    assert err.value.translation_key == "not_hex"


def test_device_ids_compare_hash_and_copy_by_technology_and_text() -> None:
    """A Zigbee id finds the plain id of the same text, and survives a copy."""
    plain = DeviceId(Technology.ZIGBEE, IEEE)
    rich = zigbee_id(IEEE)
    assert rich == plain
    assert hash(rich) == hash(plain)
    assert {plain: 1}[rich] == 1
    assert DeviceId(Technology.ZWAVE, IEEE) != plain
    assert plain != IEEE  # never equal to a bare text
    assert sorted([DeviceId(Technology.ZWAVE, MASKED), rich]) == [
        rich,
        DeviceId(Technology.ZWAVE, MASKED),
    ]
    again = pickle.loads(pickle.dumps(rich))
    assert isinstance(again, ZigbeeId)
    assert str(again.ieee) == IEEE
    assert as_zigbee_id(plain).ieee == rich.ieee
    with pytest.raises(TypeError):
        as_zigbee_id(DeviceId(Technology.ZWAVE, MASKED))
    with pytest.raises(AttributeError):
        plain.text = "x"  # type: ignore[misc]
    assert repr(plain) == f"DeviceId(zigbee, {IEEE})"


def test_a_zwave_qr_code_reads_as_a_zwave_device() -> None:
    """The QR text gives the DSK, the requested classes and the label."""
    assert is_zwave_qr_code(EXAMPLE)
    assert not is_zwave_qr_code("90" + "1" * 40)  # too short for SmartStart
    scanned = parse_device_code(qr_code=EXAMPLE)
    assert isinstance(scanned, ScannedZWaveCode)
    assert scanned.device == DeviceId(Technology.ZWAVE, MASKED)
    credential = dsk_of(scanned.credential)
    assert credential.dsk.reveal() == EXAMPLE_DSK
    assert credential.class_names() == ["S2_Unauthenticated", "S2_Authenticated"]
    assert credential.label is not None
    assert credential.label.manufacturer_id == 65520
    public = credential.public()
    assert public["dsk"] == MASKED
    assert PIN not in json.dumps(public)
    assert PIN not in repr(credential) + repr(scanned)


def test_a_zwave_code_with_a_wrong_checksum_is_never_read_as_zigbee() -> None:
    """A damaged Z-Wave code is refused as one; nothing else is guessed."""
    damaged = EXAMPLE[:-1] + ("1" if EXAMPLE[-1] != "1" else "2")
    with pytest.raises(ZWaveCodeError) as err:
        parse_device_code(qr_code=damaged)
    assert err.value.translation_key == "zwave_bad_checksum"


@pytest.mark.parametrize(
    "fields",
    [
        {"dsk": EXAMPLE_DSK, "ieee": IEEE},
        {"dsk": EXAMPLE_DSK, "qr_code": EXAMPLE},
        {"qr_code": EXAMPLE, "install_code": CODE},
        {"ieee": IEEE, "install_code": CODE, "security_classes": ["S0_Legacy"]},
    ],
)
def test_mixed_inputs_are_ambiguous(fields: dict[str, object]) -> None:
    """Inputs of two technologies at once are refused."""
    with pytest.raises(InvalidCodeError) as err:
        parse_device_code(**fields)  # type: ignore[arg-type]
    assert err.value.translation_key == "key_ambiguous"


def test_typed_dsk_grants_the_classes_chosen() -> None:
    """A typed DSK with no class is included without security."""
    scanned = parse_device_code(dsk=EXAMPLE_DSK, security_classes=[])
    assert dsk_of(scanned.credential).security_classes == frozenset()
    with pytest.raises(ZWaveCodeError):
        parse_device_code(dsk=EXAMPLE_DSK, security_classes=["S3"])


def test_zwave_entries_round_trip_through_storage_and_hide_the_pin() -> None:
    """Storage keeps the full DSK; the public description never has the PIN."""
    scanned = parse_device_code(qr_code=EXAMPLE)
    entry = ProvisioningEntry(
        device=scanned.device,
        credential=scanned.credential,
        provider_id="local",
        created_at=T0,
        updated_at=T0,
    )
    public = entry.as_public_dict()
    assert public["technology"] == "zwave"
    assert public["id"] == MASKED
    assert public["key_type"] == "dsk"
    assert PIN not in json.dumps(public)
    stored = json.loads(json.dumps(entry.to_storage()))
    assert stored["credential"]["key"] == EXAMPLE_DSK
    again = entry_from_storage(stored)
    assert again == entry
    assert dsk_of(again.credential).label == dsk_of(entry.credential).label
    # a stored id that is not the credential's device is refused
    stored["id"] = "xxxxx" + OTHER_PIN_DSK[5:].replace("3", "4", 1)
    with pytest.raises(InvalidCodeError):
        entry_from_storage(stored)
    with pytest.raises(ZWaveCodeError):
        credential_from_storage({"kind": "dsk", "key": "1-2", "security_classes": []})
    with pytest.raises(ZWaveCodeError):
        Label.from_dict({"manufacturer_id": -1})


async def test_two_pins_for_one_device_are_a_conflict() -> None:
    """Same last seven groups, different PIN: the device is left out."""
    local, other = LocalProvider(), LocalProvider(provider_id="other", precedence=5)
    service = ProvisioningService(now=lambda: T0)
    service.add_provider(local)
    service.add_provider(other)
    local.add(zwave_entry())
    other.add(zwave_entry(OTHER_PIN_DSK, provider="other"))
    device = DeviceId(Technology.ZWAVE, MASKED)
    assert service.get(device) is None
    [conflict] = service.conflicts()
    assert conflict.device == device
    other.remove(device)
    assert service.get(device) is not None


def test_zwave_reports_carry_the_masked_dsk() -> None:
    """A Z-Wave report names the device by its masked DSK, and its node."""
    report = StatusReport.create(
        DeviceId(Technology.ZWAVE, MASKED), EntryStatus.JOINED, T0
    )
    data = report.as_json()
    assert data["technology"] == "zwave"
    assert data["dsk"] == MASKED
    assert "ieee" not in data
    zigbee = StatusReport.create(zigbee_id(IEEE), EntryStatus.JOINED, T0).as_json()
    assert zigbee["ieee"] == IEEE
    assert "technology" not in zigbee
    assert ieee_of(zigbee_id(IEEE)) == zigbee_id(IEEE).ieee


def test_zwave_protocol_follows_the_label() -> None:
    """Long Range only when the device supports nothing else."""
    assert SmartStartCredential.of_qr_code.__doc__
    scanned = parse_device_code(dsk=EXAMPLE_DSK, security_classes=[])
    assert dsk_of(scanned.credential).protocol is None


GOOD_LABEL = {
    "manufacturer_id": 1,
    "product_type": 2,
    "product_id": 3,
    "application_version": "1.2",
    "generic_device_class": 16,
    "specific_device_class": 1,
    "installer_icon_type": 0x1000,
    "max_inclusion_request_interval": None,
    "uuid16": None,
}


@pytest.mark.parametrize(
    "label",
    [
        {"manufacturer_id": 1},
        GOOD_LABEL | {"manufacturer_id": 70000},
        GOOD_LABEL | {"product_id": True},
        GOOD_LABEL | {"application_version": 1},
        GOOD_LABEL | {"max_inclusion_request_interval": -1},
        GOOD_LABEL | {"uuid16": 5},
    ],
)
def test_a_stored_label_that_is_malformed_is_refused(label: dict[str, object]) -> None:
    """Stored label data is checked field by field; nothing else escapes."""
    with pytest.raises(ZWaveCodeError):
        Label.from_dict(label)


@pytest.mark.parametrize(
    "stored",
    [
        {"kind": "dsk", "key": EXAMPLE_DSK, "security_classes": "S0_Legacy"},
        {"kind": "dsk", "key": 5, "security_classes": []},
        {
            "kind": "dsk",
            "key": EXAMPLE_DSK,
            "security_classes": [],
            "supported_protocols": ["zigbee"],
        },
        {"kind": "dsk", "key": EXAMPLE_DSK, "security_classes": [], "label": "x"},
        {"kind": 7, "key": "00"},
    ],
)
def test_a_stored_credential_that_is_malformed_is_refused(
    stored: dict[str, object],
) -> None:
    """A malformed stored credential is refused with a code error."""
    with pytest.raises(InvalidCodeError):
        credential_from_storage(stored)


def test_label_protocols_and_storage_round_trip() -> None:
    """Long Range only for an LR-only device; every part survives storage."""
    base = dsk_of(parse_device_code(qr_code=EXAMPLE).credential)
    from custom_components.provisioning.core.zwave.qr import Protocol

    long_range = SmartStartCredential(
        base.dsk,
        base.security_classes,
        frozenset({Protocol.ZWaveLongRange}),
        Label.from_dict(GOOD_LABEL | {"uuid16": "ab" * 16}),
    )
    assert long_range.protocol is Protocol.ZWaveLongRange
    assert long_range.public()["zwave_protocol"] == "zwave_long_range"
    both = SmartStartCredential(
        base.dsk, base.security_classes, frozenset(Protocol), None
    )
    assert both.protocol is Protocol.ZWave
    again = credential_from_storage(json.loads(json.dumps(long_range.to_storage())))
    assert again == long_range
    assert repr(long_range.label) == "Label(0x0001:0x0002:0x0003)"
    assert not long_range.same_key(zigbee_credential())
    with pytest.raises(TypeError):
        dsk_of(zigbee_credential())


def zigbee_credential() -> object:
    return parse_device_code(ieee=IEEE, install_code=CODE).credential


def test_stored_entries_must_agree_with_their_technology() -> None:
    """An id of one technology with a credential of the other is refused."""
    zigbee = parse_device_code(ieee=IEEE, install_code=CODE)
    entry = ProvisioningEntry(
        device=zigbee.device,
        credential=zigbee.credential,
        provider_id="local",
        created_at=T0,
        updated_at=T0,
    )
    stored = entry.to_storage()
    with pytest.raises(InvalidCodeError):
        entry_from_storage(stored | {"technology": "zwave"})
    with pytest.raises(InvalidCodeError):
        entry_from_storage(stored | {"id": MASKED, "technology": "zwave"})
