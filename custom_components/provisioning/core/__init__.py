"""The domain of device provisioning, free of Home Assistant.

The generic modules (``identity``, ``credential``, ``entry``, ``provider``,
``service``, ``status``, ``local``, ``remote``, ``csv_io``, ``admission``,
``radio``, ``log_redaction``) know devices only by ``DeviceId``; ``core.zigbee`` and
``core.zwave`` hold each technology, and ``technologies`` is the one module
that reads text into either. Nothing here imports Home Assistant.
"""

from __future__ import annotations

from .credential import Credential
from .entry import EntryStatus, ProvisioningEntry
from .errors import (
    DuplicateEntryError,
    EntryNotFoundError,
    InvalidCodeError,
    ProvisioningError,
)
from .identity import DeviceId, Technology
from .local import LOCAL_PROVIDER_ID, LocalProvider
from .provider import Provider, StatusReport
from .radio import RadioAdapter, WindowResult
from .service import Conflict, ProvisioningService
from .status import HubStatus
from .technologies import (
    ScannedDevice,
    credential_from_storage,
    entry_from_storage,
    parse_device_code,
    parse_device_id,
)
from .zigbee.codes import (
    InstallCode,
    LinkKey,
    crc16_x25,
    parse_ieee,
    parse_install_code,
    parse_link_key,
)
from .zigbee.identity import ZigbeeId, ieee_of, link_key_of, zigbee_id
from .zigbee.qr import ScannedCode, parse_qr_code

__all__ = [
    "LOCAL_PROVIDER_ID",
    "Conflict",
    "Credential",
    "DeviceId",
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
    "ScannedDevice",
    "StatusReport",
    "Technology",
    "WindowResult",
    "ZigbeeId",
    "crc16_x25",
    "credential_from_storage",
    "entry_from_storage",
    "ieee_of",
    "link_key_of",
    "parse_device_code",
    "parse_device_id",
    "parse_ieee",
    "parse_install_code",
    "parse_link_key",
    "parse_qr_code",
    "zigbee_id",
]
