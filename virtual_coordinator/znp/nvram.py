"""Z-Stack 3.30 non-volatile memory: OSAL items, extended tables, persistence.

Rules this module keeps:

- Sizes are those of a CC2652 (aligned structs). An item only exists once it
  has been created, written at its full size; zigpy-znp deletes and re-creates
  an item whose size differs, and a write that does not fit is refused.
- A blank device holds what Z-Stack creates at first boot: its IEEE address,
  the start-up option, the settings zigpy-znp rewrites without creating them,
  an empty APS link key table, ``NWKKEY`` (zeroed until a network is
  formed) and the extended tables at fixed sizes.
- Forming derives the network items (NIB, keys, security material) from what
  the host wrote before commissioning, as Z-Stack does.
- The APS group table (``groups``) belongs to the network: clearing the
  network empties it.
- The whole store round-trips through JSON (hex values), so a network and its
  install-code keys survive a restart of the emulator.
"""

from __future__ import annotations

from typing import Any

import zigpy_znp.const as znp_const
import zigpy_znp.types as t
from zigpy_znp.types.nvids import ExNvIds, OsalNvIds

ALIGN = True
ADDRMGR_ENTRIES = 64
TCLK_ENTRIES = 32
APS_KEY_DATA_ENTRIES = 3
SEC_MATERIAL_ENTRIES = 5

# 1-byte settings zigpy-znp rewrites with create=False: they must exist
SETTINGS: dict[int, int] = {
    OsalNvIds.LOGICAL_TYPE: 0,
    OsalNvIds.CONCENTRATOR_ENABLE: 0,
    OsalNvIds.CONCENTRATOR_DISCOVERY: 10,
    OsalNvIds.CONCENTRATOR_RC: 0,
    OsalNvIds.SRC_RTG_EXPIRY_TIME: 10,
    OsalNvIds.NWK_CHILD_AGE_ENABLE: 1,
    OsalNvIds.BCAST_DELIVERY_TIME: 30,
    OsalNvIds.ZDO_DIRECT_CB: 0,
}


def serialize(value: Any) -> bytes:
    """Serialize a zigpy-znp value the way a CC2652 stores it."""
    if isinstance(value, (t.CStruct, t.BaseListType)):
        return bytes(value.serialize(align=ALIGN))
    return bytes(value.serialize())


def active_key_items(key: bytes, frame_counter: int) -> bytes:
    """``ZCD_NV_NWKKEY``: the active key descriptor and its frame counter.

    24 bytes on a CC2652 (21 packed); zigbee-herdsman reads its length to tell
    aligned from packed structs.
    """
    return serialize(
        t.NwkActiveKeyItems(
            Active=t.NwkKeyDesc(KeySeqNum=0, Key=t.KeyData(key)),
            FrameCounter=frame_counter,
        )
    )


def default_nib() -> t.NIB:
    """The NIB of a coordinator that is on no network."""
    empty = t.NwkKeyDesc(KeySeqNum=0, Key=t.KeyData(bytes(16)))
    return t.NIB(
        SequenceNum=0,
        PassiveAckTimeout=5,
        MaxBroadcastRetries=2,
        MaxChildren=0,
        MaxDepth=20,
        MaxRouters=0,
        dummyNeighborTable=0,
        BroadcastDeliveryTime=30,
        ReportConstantCost=0,
        RouteDiscRetries=0,
        dummyRoutingTable=0,
        SecureAllFrames=1,
        SecurityLevel=5,
        SymLink=1,
        CapabilityFlags=143,
        TransactionPersistenceTime=7,
        nwkProtocolVersion=2,
        RouteDiscoveryTime=5,
        RouteExpiryTime=30,
        nwkDevAddress=0xFFFE,
        nwkLogicalChannel=0,
        nwkCoordAddress=0xFFFE,
        nwkCoordExtAddress=t.EUI64(bytes(8)),
        nwkPanId=0xFFFF,
        nwkState=t.NwkState.NWK_INIT,
        channelList=t.Channels.NO_CHANNELS,
        beaconOrder=15,
        superFrameOrder=15,
        scanDuration=0,
        battLifeExt=0,
        allocatedRouterAddresses=0,
        allocatedEndDeviceAddresses=0,
        nodeDepth=0,
        extendedPANID=t.EUI64(bytes(8)),
        nwkKeyLoaded=t.Bool(False),
        spare1=empty,
        spare2=empty,
        spare3=0,
        spare4=0,
        nwkLinkStatusPeriod=60,
        nwkRouterAgeLimit=3,
        nwkUseMultiCast=t.Bool(False),
        nwkIsConcentrator=t.Bool(True),
        nwkConcentratorDiscoveryTime=120,
        nwkConcentratorRadius=10,
        nwkAllFresh=1,
        nwkManagerAddr=0x0000,
        nwkTotalTransmissions=0,
        nwkUpdateId=0,
    )


class NvStore:
    """OSAL items (``legacy``) and extended table sub-items (``tables``)."""

    def __init__(self) -> None:
        self.legacy: dict[int, bytes] = {}
        self.tables: dict[tuple[int, int], bytes] = {}
        # the APS group table: endpoint -> group ID -> name
        self.groups: dict[int, dict[int, str]] = {}

    # -- construction ----------------------------------------------------------
    @classmethod
    def blank(cls, ieee: t.EUI64) -> NvStore:
        """NVRAM as a freshly flashed CC2652 has it."""
        store = cls()
        store.hardware_ieee = bytes(ieee.serialize())
        store.legacy[OsalNvIds.EXTADDR] = store.hardware_ieee
        store.legacy[OsalNvIds.STARTUP_OPTION] = b"\x00"
        for item, value in SETTINGS.items():
            store.legacy[item] = bytes([value])
        store.legacy[OsalNvIds.APS_LINK_KEY_TABLE] = b"\x00" * 20
        store.clear_network()
        return store

    hardware_ieee: bytes = bytes(8)

    def clear_network(self) -> None:
        """What Z-Stack does on a reset with STARTUP_OPTION ClearState."""
        for item in (
            OsalNvIds.NIB,
            OsalNvIds.BDBNODEISONANETWORK,
            OsalNvIds.NWK_ACTIVE_KEY_INFO,
            OsalNvIds.NWK_ALTERN_KEY_INFO,
        ):
            self.legacy.pop(item, None)
        empty = serialize(t.NwkKeyDesc(KeySeqNum=0, Key=t.KeyData(bytes(16))))
        self.legacy[OsalNvIds.NWK_ACTIVE_KEY_INFO] = empty
        self.legacy[OsalNvIds.NWK_ALTERN_KEY_INFO] = empty
        self.legacy[OsalNvIds.NWKKEY] = active_key_items(bytes(16), 0)
        self.groups.clear()
        self.legacy[OsalNvIds.NIB] = serialize(default_nib())
        addr_empty = serialize(znp_const.EMPTY_ADDR_MGR_ENTRY_ZSTACK3)
        sizes = {
            ExNvIds.ADDRMGR: (ADDRMGR_ENTRIES, addr_empty),
            ExNvIds.TCLK_TABLE: (TCLK_ENTRIES, bytes(20)),
            ExNvIds.APS_KEY_DATA_TABLE: (APS_KEY_DATA_ENTRIES, bytes(24)),
            ExNvIds.NWK_SEC_MATERIAL_TABLE: (SEC_MATERIAL_ENTRIES, bytes(12)),
        }
        for item, (count, empty_value) in sizes.items():
            for sub in range(count):
                self.tables[(item, sub)] = empty_value

    # -- OSAL items --------------------------------------------------------------
    def length(self, item: int) -> int:
        return len(self.legacy.get(item, b""))

    def read(self, item: int, offset: int, size: int = 248) -> bytes | None:
        value = self.legacy.get(item)
        if value is None or offset > len(value):
            return None
        return value[offset : offset + size]

    def write(self, item: int, offset: int, data: bytes) -> bool:
        value = self.legacy.get(item)
        if value is None or offset + len(data) > len(value):
            return False
        self.legacy[item] = value[:offset] + bytes(data) + value[offset + len(data) :]
        return True

    def init(self, item: int, length: int, data: bytes) -> bool:
        """OSALNVItemInit: True when the item was created (``NV_ITEM_UNINIT``)."""
        if item in self.legacy:
            return False
        self.legacy[item] = bytes(data).ljust(length, b"\xff")[:length]
        return True

    def delete(self, item: int) -> bool:
        return self.legacy.pop(item, None) is not None

    # -- extended tables ------------------------------------------------------------
    def table_length(self, item: int, sub: int) -> int:
        if item == ExNvIds.LEGACY:
            return self.length(sub)
        return len(self.tables.get((item, sub), b""))

    def table_read(self, item: int, sub: int, offset: int, size: int) -> bytes | None:
        if item == ExNvIds.LEGACY:
            return self.read(sub, offset, size)
        value = self.tables.get((item, sub))
        return None if value is None else value[offset : offset + size]

    def table_write(self, item: int, sub: int, offset: int, data: bytes) -> bool:
        if item == ExNvIds.LEGACY:
            return self.write(sub, offset, data)
        value = self.tables.get((item, sub))
        if value is None or offset + len(data) > len(value):
            return False
        self.tables[(item, sub)] = (
            value[:offset] + bytes(data) + value[offset + len(data) :]
        )
        return True

    def table_create(self, item: int, sub: int, length: int) -> bool:
        if (item, sub) in self.tables:
            return False
        self.tables[(item, sub)] = bytes(length)
        return True

    def table_delete(self, item: int, sub: int) -> bool:
        return self.tables.pop((item, sub), None) is not None

    # -- typed views ---------------------------------------------------------------
    @property
    def nib(self) -> t.NIB:
        data = self.legacy.get(OsalNvIds.NIB)
        if data is None:
            return default_nib()
        nib, _ = t.NIB.deserialize(data, align=ALIGN)
        return nib

    @nib.setter
    def nib(self, nib: t.NIB) -> None:
        self.legacy[OsalNvIds.NIB] = serialize(nib)

    @property
    def ieee(self) -> t.EUI64:
        data = self.legacy.get(OsalNvIds.EXTADDR, self.hardware_ieee)
        return t.EUI64.deserialize(data)[0]

    @property
    def formed(self) -> bool:
        nib = self.nib
        return (
            nib.nwkLogicalChannel != 0
            and bool(nib.nwkKeyLoaded)
            and self.legacy.get(OsalNvIds.BDBNODEISONANETWORK) == b"\x01"
        )

    def startup_option(self) -> int:
        return self.legacy.get(OsalNvIds.STARTUP_OPTION, b"\x00")[0]

    def form(self, channels: t.Channels | None) -> None:
        """Commission a network from what the host wrote (BDB formation)."""
        legacy = self.legacy
        nib = self.nib
        mask = channels
        if mask is None or mask == t.Channels.NO_CHANNELS:
            mask = t.Channels.deserialize(
                legacy.get(OsalNvIds.CHANLIST, b"\x00\x80\x00\x00")
            )[0]
        nib.channelList = mask
        nib.nwkLogicalChannel = ([*mask, 11])[0]
        epid = legacy.get(OsalNvIds.APS_USE_EXT_PANID) or self.hardware_ieee
        nib.extendedPANID = t.EUI64.deserialize(epid)[0]
        pan = int.from_bytes(legacy.get(OsalNvIds.PANID, b"\xff\xff"), "little")
        if pan in (0xFFFF, 0xFFFE):
            pan = 0x1A62 ^ int.from_bytes(self.hardware_ieee[:2], "little")
        nib.nwkPanId = pan
        nib.nwkKeyLoaded = t.Bool(True)
        nib.nwkDevAddress = 0x0000
        nib.nwkState = t.NwkState.NWK_ROUTER
        self.nib = nib
        key = legacy.get(OsalNvIds.PRECFGKEY) or bytes(range(16))
        active = serialize(t.NwkKeyDesc(KeySeqNum=0, Key=t.KeyData(key)))
        legacy[OsalNvIds.NWK_ACTIVE_KEY_INFO] = active
        legacy[OsalNvIds.NWK_ALTERN_KEY_INFO] = active
        legacy[OsalNvIds.NWKKEY] = active_key_items(key, 2500)
        legacy[OsalNvIds.BDBNODEISONANETWORK] = b"\x01"
        legacy.setdefault(OsalNvIds.TCLK_SEED, bytes(range(16, 32)))
        self.tables[(ExNvIds.NWK_SEC_MATERIAL_TABLE, 0)] = serialize(
            t.NwkSecMaterialDesc(FrameCounter=2500, ExtendedPanID=nib.extendedPANID)
        )
        self.tables[(ExNvIds.NWK_SEC_MATERIAL_TABLE, 1)] = serialize(
            t.NwkSecMaterialDesc(
                FrameCounter=0xFFFFFFFF, ExtendedPanID=t.EUI64(b"\xff" * 8)
            )
        )

    # -- address manager ----------------------------------------------------------
    def remember_device(self, ieee: t.EUI64, nwk: int) -> None:
        """Put a joined device (a child of the coordinator) in the address manager."""
        self.forget_device(ieee)
        empty = serialize(znp_const.EMPTY_ADDR_MGR_ENTRY_ZSTACK3)
        for sub in range(ADDRMGR_ENTRIES):
            if self.tables.get((ExNvIds.ADDRMGR, sub)) == empty:
                self.tables[(ExNvIds.ADDRMGR, sub)] = serialize(
                    t.AddrMgrEntry(
                        type=t.AddrMgrUserType.Assoc | t.AddrMgrUserType.Security,
                        nwkAddr=nwk,
                        extAddr=t.EUI64(ieee),
                    )
                )
                return

    def forget_device(self, ieee: t.EUI64) -> None:
        empty = serialize(znp_const.EMPTY_ADDR_MGR_ENTRY_ZSTACK3)
        ieee_bytes = bytes(t.EUI64(ieee).serialize())
        for sub in range(ADDRMGR_ENTRIES):
            value = self.tables.get((ExNvIds.ADDRMGR, sub))
            if value is not None and value[4:12] == ieee_bytes:
                self.tables[(ExNvIds.ADDRMGR, sub)] = empty

    # -- persistence -----------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "hardware_ieee": self.hardware_ieee.hex(),
            "legacy": {f"{k:04x}": v.hex() for k, v in sorted(self.legacy.items())},
            "tables": {
                f"{item:04x}:{sub:04x}": v.hex()
                for (item, sub), v in sorted(self.tables.items())
            },
            "groups": {
                str(endpoint): {str(group): name for group, name in groups.items()}
                for endpoint, groups in sorted(self.groups.items())
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NvStore:
        store = cls()
        store.hardware_ieee = bytes.fromhex(data["hardware_ieee"])
        store.legacy = {int(k, 16): bytes.fromhex(v) for k, v in data["legacy"].items()}
        for key, value in data["tables"].items():
            item, _, sub = key.partition(":")
            store.tables[(int(item, 16), int(sub, 16))] = bytes.fromhex(value)
        store.groups = {
            int(endpoint): {int(group): name for group, name in groups.items()}
            for endpoint, groups in data.get("groups", {}).items()
        }
        store.legacy.setdefault(OsalNvIds.NWKKEY, active_key_items(bytes(16), 0))
        return store
