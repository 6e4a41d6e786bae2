"""Browser tests of the Provisioning panel, in Chromium against a real Home Assistant."""
