"""Fixtures for the virtual coordinator tests come from
``virtual_coordinator.pytest_plugin``, registered in the root conftest."""
