"""ZWaveCodeError: translated, with the same placeholders as its translations."""

from __future__ import annotations

import json
import string

import pytest

from custom_components.provisioning.core import InvalidCodeError, ProvisioningError
from custom_components.provisioning.core.errors import ZWaveCodeError
from tests.npm_cache import REPO

INTEGRATION = REPO / "custom_components" / "provisioning"
# The placeholders each key is raised with (``field`` is added to all).
PLACEHOLDERS = {
    "zwave_qr_format": set(),
    "zwave_qr_version": {"version"},
    "zwave_s2_only": set(),
    "zwave_bad_checksum": set(),
    "zwave_bad_security_classes": set(),
    "zwave_bad_dsk": {"group"},
    "zwave_dsk_format": set(),
    "zwave_bad_block": {"block"},
    "zwave_truncated": set(),
    "zwave_missing_block": {"block"},
    "zwave_critical_block": {"block"},
    "zwave_unknown_security_class": {"allowed"},
}


def test_every_key_is_known() -> None:
    """The keys above are exactly the error's keys."""
    assert set(ZWaveCodeError.MESSAGES) == set(PLACEHOLDERS)


@pytest.mark.parametrize("name", ["strings.json", "translations/en.json"])
@pytest.mark.parametrize("key", sorted(PLACEHOLDERS))
def test_key_is_translated(name: str, key: str) -> None:
    """strings.json and en.json have each key, with the placeholders it gets."""
    strings = json.loads((INTEGRATION / name).read_text())
    message = strings["exceptions"][key]["message"]
    fields = {field for _, field, _, _ in string.Formatter().parse(message) if field}
    assert fields == PLACEHOLDERS[key]


def test_error_is_an_invalid_code_error() -> None:
    """Caught wherever a bad code is, readable, and repr without details."""
    err = ZWaveCodeError("zwave_bad_dsk", {"group": "2", "field": "dsk"})
    assert isinstance(err, InvalidCodeError)
    assert isinstance(err, ProvisioningError)
    assert isinstance(err, ValueError)
    assert str(err) == "A group of the DSK is over 65535 (group=2, field=dsk)"
    assert repr(err) == "ZWaveCodeError('zwave_bad_dsk')"
    assert str(ZWaveCodeError("zwave_s2_only")) == (
        "The Z-Wave QR code is for S2 only and cannot be used for SmartStart"
    )
