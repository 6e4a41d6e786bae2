"""Fixtures of the Z-Wave code tests."""

from __future__ import annotations

import pytest

from .zwavejs import ZwaveJs, install_zwave_js_core


@pytest.fixture(scope="session")
def zwave_js() -> ZwaveJs:
    """zwave-js's own parsers (``@zwave-js/core``, installed once)."""
    return ZwaveJs(install_zwave_js_core())
