"""Identity constants of the virtual NCP (EmberZNet versions, tokens)."""

from __future__ import annotations

import bellows.types as t

STACK_VERSIONS = {8: 0x6A70, 13: 0x7340}
VERSION_INFO = {8: (6, 10, 7, 0, 180), 13: (7, 3, 4, 0, 120)}
VERSION_TYPE_GA = 0xAA  # EmberVersionType: general availability
MFG_STRING = b"Virtual EmberZNet"
MFG_BOARD_NAME = b"virtual-coordinator"
SILABS_MANUFACTURER_CODE = 0x1049
HASHED_TCLK = int(t.EmberInitialSecurityBitmask.TRUST_CENTER_USES_HASHED_LINK_KEY)
