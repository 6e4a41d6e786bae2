"""Start Home Assistant again from a stopped instance's storage, as after a restart.

Rules: the new instance reads the same config folder (config entries, the
provisioning list, the registries), loads this repository's integration, and
sets ZHA up with the tests' zigpy configuration, then this integration; the
caller checks what survived and stops it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from homeassistant import config_entries, loader
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import async_test_home_assistant

from custom_components.provisioning.const import DOMAIN
from virtual_coordinator.pytest_plugin import TEST_ZIGPY_CONFIG


@asynccontextmanager
async def restarted(hass: HomeAssistant) -> AsyncIterator[HomeAssistant]:
    """Home Assistant started again from hass's storage, ZHA and DOMAIN set up."""
    async with async_test_home_assistant(config_dir=hass.config.config_dir) as again:
        again.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        again.config_entries = config_entries.ConfigEntries(again, {})
        await again.config_entries.async_initialize()
        assert await async_setup_component(
            again, "zha", {"zha": {"zigpy_config": TEST_ZIGPY_CONFIG}}
        )
        assert await async_setup_component(again, DOMAIN, {})
        await again.async_block_till_done()
        yield again
