"""Radio-independent domain of device provisioning.

Nothing here imports Home Assistant.
"""

from __future__ import annotations

from .zigbee.codes import (
    Credential,
    InstallCode,
    LinkKey,
    crc16_x25,
    credential_from_storage,
    parse_ieee,
    parse_install_code,
    parse_link_key,
)
from .entry import EntryStatus, ProvisioningEntry
from .errors import (
    DuplicateEntryError,
    EntryNotFoundError,
    InvalidCodeError,
    ProvisioningError,
)
from .local import LOCAL_PROVIDER_ID, LocalProvider
from .provider import Provider, StatusReport
from .zigbee.qr import ScannedCode, parse_device_code, parse_qr_code
from .radio import RadioAdapter, WindowResult
from .service import Conflict, ProvisioningService
from .status import HubStatus

__all__ = [
    "LOCAL_PROVIDER_ID",
    "Conflict",
    "Credential",
    "DuplicateEntryError",
    "EntryNotFoundError",
    "EntryStatus",
    "HubStatus",
    "InstallCode",
    "InvalidCodeError",
    "LinkKey",
    "LocalProvider",
    "Provider",
    "ProvisioningEntry",
    "ProvisioningError",
    "ProvisioningService",
    "RadioAdapter",
    "ScannedCode",
    "StatusReport",
    "WindowResult",
    "crc16_x25",
    "credential_from_storage",
    "parse_device_code",
    "parse_ieee",
    "parse_install_code",
    "parse_link_key",
    "parse_qr_code",
]
