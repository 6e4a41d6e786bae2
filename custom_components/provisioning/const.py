"""Constants for the Device Provisioning integration."""

from __future__ import annotations

import logging
from typing import Final

LOGGER = logging.getLogger(__package__)

DOMAIN: Final = "provisioning"
ZHA_DOMAIN: Final = "zha"
MQTT_DOMAIN: Final = "mqtt"
ZWAVE_JS_DOMAIN: Final = "zwave_js"

CONF_ZHA_ENTRY_ID: Final = "zha_entry_id"
CONF_COORDINATOR_IEEE: Final = "coordinator_ieee"
CONF_NETWORK: Final = "network"
"""Which network the entry binds to: ``NETWORK_ZHA`` or ``NETWORK_ZIGBEE2MQTT``."""
NETWORK_ZHA: Final = "zha"
NETWORK_ZIGBEE2MQTT: Final = "zigbee2mqtt"
NETWORK_ZWAVE_JS: Final = "zwave_js"
CONF_ZWAVE_ENTRY_ID: Final = "zwave_entry_id"
CONF_HOME_ID: Final = "home_id"
CONF_BASE_TOPIC: Final = "base_topic"

SUBENTRY_DEVICE: Final = "device"

# Device subentry data
CONF_IEEE: Final = "ieee"
CONF_ID: Final = "id"
CONF_TECHNOLOGY: Final = "technology"
CONF_DSK: Final = "dsk"
CONF_SECURITY_CLASSES: Final = "security_classes"
CONF_QR_CODE: Final = "qr_code"
CONF_INSTALL_CODE: Final = "install_code"
CONF_LINK_KEY: Final = "link_key"
CONF_CREDENTIAL: Final = "credential"
CONF_KIND: Final = "kind"
CONF_KEY: Final = "key"
CONF_NAME: Final = "name"
CONF_AREA_ID: Final = "area_id"
CONF_MANUFACTURER: Final = "manufacturer"
CONF_MODEL: Final = "model"

ATTR_CONFIG_ENTRY_ID: Final = "config_entry_id"
ATTR_DURATION: Final = "duration"

SERVICE_ADD_DEVICE: Final = "add_device"
SERVICE_REMOVE_DEVICE: Final = "remove_device"
SERVICE_LIST_DEVICES: Final = "list_devices"

STORAGE_VERSION: Final = 1

EVENT_DEVICE_JOINED: Final = "provisioning_device_joined"
EVENT_UNPROVISIONED_DEVICE_REMOVED: Final = "provisioning_unprovisioned_device_removed"

SERVICE_START_PAIRING: Final = "start_pairing"
SERVICE_STOP_PAIRING: Final = "stop_pairing"
DEFAULT_PAIRING_DURATION: Final = 180

SUBENTRY_PROVIDER: Final = "provider"
CONF_URL: Final = "url"
CONF_TOKEN: Final = "token"
CONF_HUB_ID: Final = "hub_id"
CONF_POLL_INTERVAL: Final = "poll_interval"
CONF_VERIFY_SSL: Final = "verify_ssl"
DEFAULT_POLL_INTERVAL: Final = 300
SERVICE_IMPORT_DEVICES: Final = "import_devices"
SERVICE_EXPORT_DEVICES: Final = "export_devices"
SERVICE_SYNC: Final = "sync"
ATTR_SERVER: Final = "server"
