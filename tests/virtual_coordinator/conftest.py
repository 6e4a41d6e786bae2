"""Fixtures for the virtual coordinator tests.

The root conftest should register ``virtual_coordinator.pytest_plugin``; until
then the fixtures are imported here.
"""

from virtual_coordinator.pytest_plugin import *  # noqa: F403
