"""Tests of the radio-independent provisioning domain."""
