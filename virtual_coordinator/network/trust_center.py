"""Trust-center model: policy, transient link keys, permit window, join decisions.

Radio-independent: both personalities run it (the Z-Stack one through
``znp.trust``). Rules: a decision is taken only while the permit is open;
keys expire after ``key_timeout_s`` and never leave the model except as IEEE
addresses in the record; a full table refuses a new key and loses nothing.
The policy bits are EmberZNet's trust-center decision bitmask
(``EzspDecisionBitmask``), which the Z-Stack personality maps its flag onto.
"""

from __future__ import annotations

from collections.abc import Callable
import dataclasses
import enum
import time
from typing import Any, Literal

import zigpy.types as zt

from .record import Event, Record

WELL_KNOWN_KEY = zt.KeyData(b"ZigBeeAlliance09")
WILDCARD_IEEE = zt.EUI64.convert("FF:FF:FF:FF:FF:FF:FF:FF")


class JoinPolicy(enum.IntFlag):
    """Trust-center policy bits, as EmberZNet's ``EzspDecisionBitmask``."""

    ALLOW_JOINS = 0x01
    ALLOW_UNSECURED_REJOINS = 0x02
    SEND_KEY_IN_CLEAR = 0x04
    IGNORE_UNSECURED_REJOINS = 0x08
    JOINS_USE_INSTALL_CODE_KEY = 0x10
    DEFER_JOINS = 0x20


ALLOW_JOINS = int(JoinPolicy.ALLOW_JOINS)
ALLOW_UNSECURED_REJOINS = int(JoinPolicy.ALLOW_UNSECURED_REJOINS)
JOINS_USE_INSTALL_CODE_KEY = int(JoinPolicy.JOINS_USE_INSTALL_CODE_KEY)

DEFAULT_TC_POLICY = ALLOW_JOINS | ALLOW_UNSECURED_REJOINS
DEFAULT_KEY_TIMEOUT_S = 300
DEFAULT_KEY_TABLE_CAPACITY = 16

WrongKeyMode = Literal["deny", "join_silent"]


@dataclasses.dataclass
class TransientKey:
    ieee: zt.EUI64
    key: zt.KeyData
    added_at: float
    expires_at: float


@dataclasses.dataclass(frozen=True)
class JoinDecision:
    admitted: bool  # the trust center sends the network key
    reason: str
    matched: str | None = None  # "ieee", "wildcard", "well_known" or None


def policy_names(policy: int) -> list[str]:
    return [str(m.name) for m in JoinPolicy if m and policy & m]


class TrustCenter:
    """The security side of the emulated NCP."""

    def __init__(
        self,
        record: Record,
        *,
        key_timeout_s: float = DEFAULT_KEY_TIMEOUT_S,
        key_table_capacity: int = DEFAULT_KEY_TABLE_CAPACITY,
        wildcard_key_counts: bool = True,
        wrong_key: WrongKeyMode = "deny",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if wrong_key not in ("deny", "join_silent"):
            raise ValueError(
                f"wrong_key must be 'deny' or 'join_silent': {wrong_key!r}"
            )
        self.record = record
        self.key_timeout_s = key_timeout_s
        self.key_table_capacity = key_table_capacity
        self.wildcard_key_counts = wildcard_key_counts
        self.wrong_key: WrongKeyMode = wrong_key
        self.clock = clock
        self.policy = DEFAULT_TC_POLICY
        self._keys: dict[zt.EUI64, TransientKey] = {}
        self._permit_until: float | None = None  # None: closed; inf: forever

    # -- record ------------------------------------------------------------
    def log(self, kind: str, **details: Any) -> Event:
        return self.record.log(kind, **details)

    # -- policy --------------------------------------------------------------
    def set_policy(self, decision: int, *, source: str = "host") -> None:
        self.policy = int(decision)
        self.log(
            "policy",
            policy="TRUST_CENTER_POLICY",
            decision=self.policy,
            flags=policy_names(self.policy),
            source=source,
        )

    # -- transient keys --------------------------------------------------------
    def expire_keys(self) -> None:
        now = self.clock()
        for ieee, entry in list(self._keys.items()):
            if entry.expires_at <= now:
                del self._keys[ieee]
                self.log("key_expired", ieee=str(ieee))

    def add_transient_key(self, ieee: zt.EUI64, key: zt.KeyData) -> bool:
        """Add or replace a transient key. False when the table is full."""
        self.expire_keys()
        ieee = zt.EUI64(ieee)
        if ieee not in self._keys and len(self._keys) >= self.key_table_capacity:
            self.log("key_rejected", ieee=str(ieee), reason="table_full")
            return False
        now = self.clock()
        self._keys[ieee] = TransientKey(
            ieee=ieee,
            key=zt.KeyData(key),
            added_at=now,
            expires_at=now + self.key_timeout_s,
        )
        self.log(
            "key_added",
            ieee=str(ieee),
            wildcard=ieee == WILDCARD_IEEE,
            well_known=zt.KeyData(key) == WELL_KNOWN_KEY,
            expires_in=self.key_timeout_s,
        )
        return True

    def clear_transient_keys(self, *, source: str = "host") -> None:
        cleared = [str(k) for k in self._keys]
        self._keys.clear()
        self.log("keys_cleared", ieees=cleared, source=source)

    def transient_key(self, ieee: zt.EUI64) -> TransientKey | None:
        self.expire_keys()
        return self._keys.get(zt.EUI64(ieee))

    def transient_keys(self) -> list[TransientKey]:
        self.expire_keys()
        return list(self._keys.values())

    @property
    def transient_key_ieees(self) -> list[zt.EUI64]:
        return [k.ieee for k in self.transient_keys()]

    # -- permit window --------------------------------------------------------
    def permit(self, duration: int, *, source: str = "host") -> None:
        duration = int(duration)
        if duration == 0:
            self._permit_until = None
        elif duration == 0xFF:
            self._permit_until = float("inf")
        else:
            self._permit_until = self.clock() + duration
        self.log("permit", duration=duration, open=duration > 0, source=source)

    @property
    def permit_open(self) -> bool:
        if self._permit_until is None:
            return False
        if self.clock() >= self._permit_until:
            self._permit_until = None
            self.log("permit", duration=0, open=False, source="timeout")
            return False
        return True

    @property
    def permit_remaining(self) -> float:
        if not self.permit_open:
            return 0.0
        assert self._permit_until is not None
        return self._permit_until - self.clock()

    # -- join decision ---------------------------------------------------------
    def _matching_entry(self, ieee: zt.EUI64, key: zt.KeyData) -> str | None:
        entry = self._keys.get(ieee)
        if entry is not None and entry.key == key:
            return "ieee"
        wildcard = self._keys.get(WILDCARD_IEEE)
        if self.wildcard_key_counts and wildcard is not None and wildcard.key == key:
            return "wildcard"
        return None

    def decide(self, ieee: zt.EUI64, key: zt.KeyData) -> JoinDecision:
        """Decide whether a device that uses ``key`` as its link key may join."""
        self.expire_keys()
        ieee = zt.EUI64(ieee)
        key = zt.KeyData(key)
        if not self.permit_open:
            return JoinDecision(False, "permit_closed")
        if not self.policy & ALLOW_JOINS:
            return JoinDecision(False, "joins_not_allowed")
        matched = self._matching_entry(ieee, key)
        if self.policy & JOINS_USE_INSTALL_CODE_KEY:
            if matched is not None:
                return JoinDecision(True, f"transient_key_{matched}", matched)
            if ieee in self._keys or key != WELL_KNOWN_KEY:
                return JoinDecision(False, "wrong_key")
            return JoinDecision(False, "no_transient_key")
        # ALLOW_JOINS without the install-code requirement
        if key == WELL_KNOWN_KEY:
            return JoinDecision(True, "well_known_key", "well_known")
        if matched is not None:
            return JoinDecision(True, f"transient_key_{matched}", matched)
        return JoinDecision(False, "wrong_key")

    # -- reboot ----------------------------------------------------------------
    def reboot(self) -> None:
        """RAM state is lost when the NCP resets."""
        if self._keys:
            self.clear_transient_keys(source="reset")
        self._permit_until = None
        if self.policy != DEFAULT_TC_POLICY:
            self.set_policy(DEFAULT_TC_POLICY, source="reset")
