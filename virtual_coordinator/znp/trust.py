"""The shared trust-center model as a Z-Stack coordinator runs it.

Install-code keys live in the persistent APS key table (they survive a reset
and never expire); ``BdbJoinUsesInstallCodeKey`` is a RAM flag that maps onto
the install-code bit of the model's policy, and a reset clears it. There is
no wildcard entry on Z-Stack. One key can be removed on its own
(``ZDO.RemoveLinkKey``).
"""

from __future__ import annotations

import math

import zigpy.types as zt

from virtual_coordinator.network.trust_center import (
    ALLOW_JOINS,
    JOINS_USE_INSTALL_CODE_KEY,
    TransientKey,
    TrustCenter,
)

DEFAULT_APS_KEY_TABLE_CAPACITY = 16


class ZStackTrustCenter(TrustCenter):
    """Joins are allowed; the install-code flag decides which keys count."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("key_timeout_s", math.inf)
        kwargs.setdefault("key_table_capacity", DEFAULT_APS_KEY_TABLE_CAPACITY)
        kwargs["wildcard_key_counts"] = False
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.policy = ALLOW_JOINS

    @property
    def install_code_only(self) -> bool:
        return bool(self.policy & JOINS_USE_INSTALL_CODE_KEY)

    def set_install_code_only(self, enabled: bool, *, source: str = "host") -> None:
        policy = ALLOW_JOINS | (JOINS_USE_INSTALL_CODE_KEY if enabled else 0)
        self.set_policy(policy, source=source)

    def remove_key(self, ieee: zt.EUI64) -> bool:
        """Remove one device's key from the APS key table."""
        entry = self._keys.pop(zt.EUI64(ieee), None)
        if entry is None:
            return False
        self.log("key_removed", ieee=str(entry.ieee))
        return True

    def restore_key(self, ieee: zt.EUI64, key: zt.KeyData) -> None:
        """Put a key read back from the state file into the table, unlogged."""
        self._keys[zt.EUI64(ieee)] = TransientKey(
            ieee=zt.EUI64(ieee),
            key=zt.KeyData(key),
            added_at=self.clock(),
            expires_at=math.inf,
        )

    def reboot(self) -> None:
        """A reset closes the permit and clears the flag; the key table stays."""
        self._permit_until = None
        if self.policy != ALLOW_JOINS:
            self.set_policy(ALLOW_JOINS, source="reset")
