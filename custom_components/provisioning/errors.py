"""Turn domain and radio errors into translated Home Assistant errors, in one place."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from zigpy.exceptions import ZigbeeException

from .const import DOMAIN
from .core import ProvisioningError
from .core.radio import RadioLostError

# bellows raises RuntimeError once its connection to the radio is closed; the
# adapters raise RadioLostError when there is no connection at all.
RADIO_ERRORS = (ZigbeeException, TimeoutError, OSError, RuntimeError, RadioLostError)


def translate_error(err: ProvisioningError) -> ServiceValidationError:
    """Return the translated service error for a provisioning error."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=err.translation_key,
        translation_placeholders=dict(err.placeholders),
    )


@contextmanager
def radio_errors() -> Iterator[None]:
    """Raise radio failures as a translated error."""
    try:
        yield
    except ProvisioningError as err:
        # e.g. a radio that cannot admit a device by its key
        raise translate_error(err) from err
    except RADIO_ERRORS as err:
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="radio_error",
            translation_placeholders={"error": type(err).__name__},
        ) from err
