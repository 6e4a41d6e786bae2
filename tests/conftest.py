"""Shared fixtures for the test suite."""

from __future__ import annotations

from collections.abc import Generator
import pathlib

# Import the repository's custom_components before Home Assistant's loader can
# import the (empty) one from the test harness' config folder.
import custom_components  # noqa: F401
import pytest

REPO = pathlib.Path(__file__).parent.parent


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str) -> str:
    """Keep Home Assistant's files out of site-packages."""
    return hass_tmp_config_dir


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    enable_custom_integrations: None,
) -> Generator[None]:
    """Let Home Assistant load this repository's integration."""
    yield
