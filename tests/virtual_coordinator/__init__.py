"""Tests for the virtual Zigbee coordinator."""
