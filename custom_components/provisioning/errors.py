"""Turn domain errors into translated Home Assistant errors, in one place."""

from __future__ import annotations

from homeassistant.exceptions import ServiceValidationError

from .const import DOMAIN
from .core import ProvisioningError


def translate_error(err: ProvisioningError) -> ServiceValidationError:
    """Return the translated service error for a provisioning error."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=err.translation_key,
        translation_placeholders=dict(err.placeholders),
    )
