"""Tests for the Device Provisioning integration."""
