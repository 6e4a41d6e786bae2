"""Entries of the provisioning list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
import json

import pytest

from custom_components.provisioning.core import (
    EntryStatus,
    InstallCode,
    LinkKey,
)
from custom_components.provisioning.core.technologies import entry_from_storage
from custom_components.provisioning.core.zigbee.identity import (
    ieee_of,
    link_key_of,
)

from .conftest import AN1089_CODE, AN1089_KEY, IEEE, T0, make_entry

SECRETS = [AN1089_CODE.hex(), AN1089_KEY.hex()]


def assert_no_secret(text: str) -> None:
    """Neither the code nor the key, in any case, is in text."""
    for secret in SECRETS:
        assert secret.lower() not in text.lower()
        assert secret.upper() not in text


@pytest.mark.parametrize("credential", [InstallCode(AN1089_CODE), LinkKey(AN1089_KEY)])
def test_public_dict_has_no_key(credential: InstallCode | LinkKey) -> None:
    """The public description is JSON-safe and never holds the key."""
    entry = make_entry(credential=credential, name="Lamp", area="kitchen")
    public = entry.as_public_dict()
    assert public == {
        "technology": "zigbee",
        "id": "00:11:22:33:44:55:66:77",
        "key_type": credential.kind,
        "name": "Lamp",
        "area": "kitchen",
        "manufacturer": None,
        "model": None,
        "provider": "local",
        "status": "pending",
        "status_reason": None,
        "created_at": "2026-01-02T03:04:05+00:00",
        "updated_at": "2026-01-02T03:04:05+00:00",
    }
    assert_no_secret(json.dumps(public))
    assert_no_secret(repr(entry))
    assert_no_secret(str(entry))


@pytest.mark.parametrize("credential", [InstallCode(AN1089_CODE), LinkKey(AN1089_KEY)])
def test_storage_round_trip(credential: InstallCode | LinkKey) -> None:
    """Entries round-trip through JSON storage, key included."""
    entry = make_entry(
        credential=credential,
        name="Lamp",
        area="kitchen",
        manufacturer="Acme",
        model="L1",
        status=EntryStatus.REVOKED,
        status_reason="stolen",
    )
    data = json.loads(json.dumps(entry.to_storage()))
    assert data["credential"] == credential.to_storage()
    restored = entry_from_storage(data)
    assert restored == entry
    assert link_key_of(restored) == link_key_of(entry)
    assert bytes(link_key_of(restored)) == AN1089_KEY


def test_from_minimal_storage() -> None:
    """Optional fields may be missing from storage."""
    restored = entry_from_storage(
        {
            "ieee": "00:11:22:33:44:55:66:77",
            "key_type": "link_key",
            "key": AN1089_KEY.hex(),
            "provider_id": "remote",
            "created_at": "2026-01-02T03:04:05+00:00",
            "updated_at": "2026-01-02T03:04:05Z",
        }
    )
    assert restored.status is EntryStatus.PENDING
    assert restored.name is None
    assert ieee_of(restored) == IEEE


def test_with_status() -> None:
    """A status change keeps the creation time and moves the update time."""
    later = T0 + timedelta(minutes=5)
    entry = make_entry().with_status(EntryStatus.FAILED, "timeout", later)
    assert entry.status is EntryStatus.FAILED
    assert entry.status_reason == "timeout"
    assert entry.created_at == T0
    assert entry.updated_at == later


def test_timestamps_normalized_to_utc() -> None:
    """Aware timestamps become UTC; naive ones are refused; statuses coerced."""
    local = datetime(2026, 1, 2, 5, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    entry = make_entry().with_status("joined", None, local)  # type: ignore[arg-type]
    assert entry.updated_at == T0
    assert entry.updated_at.tzinfo is UTC
    assert entry.status is EntryStatus.JOINED
    with pytest.raises(ValueError, match="aware"):
        make_entry().with_status(EntryStatus.JOINED, None, datetime(2026, 1, 1))


def test_status_values() -> None:
    """The statuses have stable string values."""
    assert [s.value for s in EntryStatus] == [
        "pending",
        "admitting",
        "joined",
        "failed",
        "revoked",
    ]
