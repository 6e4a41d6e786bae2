"""Constants for the Device Provisioning integration."""

from typing import Final

DOMAIN: Final = "provisioning"
