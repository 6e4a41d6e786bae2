"""The local provider."""

from __future__ import annotations

import pytest
from zigpy.types import EUI64

from custom_components.provisioning.core import (
    LOCAL_PROVIDER_ID,
    DuplicateEntryError,
    EntryNotFoundError,
    LocalProvider,
)
from custom_components.provisioning.core.zigbee.identity import zigbee_id

from .conftest import IEEE, make_entry

OTHER = EUI64.convert("00:11:22:33:44:55:66:88")


def test_defaults() -> None:
    """The local provider wins over all others and reports nothing."""
    provider = LocalProvider()
    assert LocalProvider.provider_id == provider.provider_id == LOCAL_PROVIDER_ID
    assert provider.precedence == 0
    assert provider.reports_status is False
    assert provider.title == "Local"
    assert dict(provider.entries()) == {}
    custom = LocalProvider(provider_id="bench", title="Bench", precedence=5)
    assert (custom.provider_id, custom.title, custom.precedence) == (
        "bench",
        "Bench",
        5,
    )


def test_add_update_remove_notify() -> None:
    """Each change notifies listeners."""
    provider = LocalProvider()
    calls: list[None] = []
    unsubscribe = provider.add_listener(lambda: calls.append(None))

    entry = make_entry()
    provider.add(entry)
    assert provider.entries() == {zigbee_id(IEEE): entry}
    with pytest.raises(DuplicateEntryError) as exc_info:
        provider.add(entry)
    assert exc_info.value.translation_key == "already_provisioned"
    assert exc_info.value.placeholders == {"ieee": "00:11:22:33:44:55:66:77"}

    renamed = make_entry(name="Lamp")
    provider.update(renamed)
    assert provider.entries()[zigbee_id(IEEE)].name == "Lamp"
    with pytest.raises(EntryNotFoundError):
        provider.update(make_entry(OTHER))

    provider.remove(zigbee_id(IEEE))
    with pytest.raises(EntryNotFoundError) as not_found:
        provider.remove(zigbee_id(IEEE))
    assert not_found.value.translation_key == "entry_not_found"
    assert len(calls) == 3

    unsubscribe()
    unsubscribe()
    provider.add(entry)
    assert len(calls) == 3


def test_set_entries() -> None:
    """Replacing all entries notifies only on a real change."""
    provider = LocalProvider()
    calls: list[None] = []
    provider.add_listener(lambda: calls.append(None))
    entries = [make_entry(), make_entry(OTHER)]
    provider.set_entries(entries)
    provider.set_entries(entries)
    assert len(calls) == 1
    assert set(provider.entries()) == {zigbee_id(IEEE), zigbee_id(OTHER)}
    with pytest.raises(DuplicateEntryError):
        provider.set_entries([make_entry(), make_entry()])
    assert set(provider.entries()) == {zigbee_id(IEEE), zigbee_id(OTHER)}


def test_entries_are_read_only() -> None:
    """Callers cannot change the provider's entries behind its back."""
    provider = LocalProvider()
    with pytest.raises(TypeError):
        provider.entries()[IEEE] = make_entry()  # type: ignore[index]


def test_failing_listener_does_not_stop_others(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """One failing listener is logged; the others still run."""
    provider = LocalProvider()
    calls: list[None] = []

    def fail() -> None:
        raise RuntimeError("boom")

    provider.add_listener(fail)
    provider.add_listener(lambda: calls.append(None))
    provider.add(make_entry())
    assert calls == [None]
    assert "Error in a listener of provider local" in caplog.text
