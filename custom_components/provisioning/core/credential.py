"""What proves a listed device's identity: the technology-neutral interface.

Rules:

- A credential is the secret part of an entry (a Zigbee install code or link
  key, a Z-Wave DSK with its PIN) together with what the technology needs to
  admit the device (the security classes to grant, what the label says).
- ``kind`` names the credential's type (``install_code``, ``link_key``,
  ``dsk``) and ``technology`` the radio it is for.
- ``public()`` is JSON-safe and holds no secret: it is what listings, the panel
  and diagnostics may show. ``to_storage()`` holds the secret, for
  persistence and for a technology's own adapter only.
- ``repr`` and ``str`` never show a secret.
- Two credentials are ``same_key`` only when they would admit the device with
  the same secret (compared in constant time); providers stating different
  secrets for one device make a conflict.
"""

from __future__ import annotations

from typing import Any, Protocol

from .identity import Technology


class Credential(Protocol):
    """The secret of a listed device and what admitting it needs."""

    @property
    def kind(self) -> str:
        """The credential's type: ``install_code``, ``link_key`` or ``dsk``."""

    @property
    def technology(self) -> Technology:
        """The radio technology the credential is for."""

    def same_key(self, other: Credential) -> bool:
        """Return whether both admit the device with the same secret."""

    def public(self) -> dict[str, Any]:
        """Return JSON-safe details without the secret."""

    def to_storage(self) -> dict[str, Any]:
        """Return ``{"kind", "key", …}`` with the secret, for persistence only."""
