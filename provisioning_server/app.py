"""Compatibility name of :mod:`provisioning_server.api`."""

from __future__ import annotations

from provisioning_server.api import create_app

__all__ = ["create_app"]
