"""Provisioning errors."""

from __future__ import annotations

from custom_components.provisioning.core import (
    DuplicateEntryError,
    EntryNotFoundError,
    InvalidCodeError,
    ProvisioningError,
)


def test_messages_and_placeholders() -> None:
    """Errors carry a translation key, placeholders and a readable message."""
    err = EntryNotFoundError("00:11:22:33:44:55:66:77")
    assert isinstance(err, ProvisioningError)
    assert err.translation_key == "entry_not_found"
    assert err.placeholders == {"ieee": "00:11:22:33:44:55:66:77"}
    assert str(err) == (
        "The device is not on the provisioning list (ieee=00:11:22:33:44:55:66:77)"
    )
    assert repr(err) == "EntryNotFoundError('entry_not_found')"
    assert DuplicateEntryError("x").translation_key == "already_provisioned"


def test_invalid_code_is_a_value_error() -> None:
    """Generic validation catching ValueError also catches bad codes."""
    err = InvalidCodeError("bad_crc")
    assert isinstance(err, ValueError)
    assert str(err) == "The install code checksum (CRC) is wrong"
    assert err.placeholders == {}
    assert str(ProvisioningError("custom")) == "custom"
