"""The admission state machine without Home Assistant: real bellows, virtual NCP, manual time."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable, Coroutine
from typing import Any

import bellows.types as t
import pytest
from zigpy.types import EUI64

from custom_components.provisioning.core import (
    EntryStatus,
    LinkKey,
    LocalProvider,
    ProvisioningService,
)
from custom_components.provisioning.core.admission import (
    AdmissionEvent,
    AdmissionMachine,
    EventKind,
    WindowMode,
)
from custom_components.provisioning.core.admission_clock import LoopScheduler
from custom_components.provisioning.core.radio import RadioLostError
from custom_components.provisioning.core.zigbee.ezsp_radio import (
    INSTALL_CODE_ONLY,
    EzspRadio,
)
from custom_components.provisioning.core.zigbee.identity import zigbee_id
from tests.core.conftest import make_entry
from virtual_coordinator import VirtualCoordinator, VirtualDevice
from virtual_coordinator.ezsp.host import start_bellows_app

WILDCARD = EUI64.convert("FF:FF:FF:FF:FF:FF:FF:FF")


def ieee(index: int) -> EUI64:
    """Return the IEEE of test device index."""
    return EUI64.convert(f"00:11:22:33:44:55:66:{index:02x}")


def key(index: int) -> bytes:
    """Return the link key of test device index."""
    return bytes([index]) * 16


def entry(index: int) -> Any:
    """Return a listed entry with a link key."""
    return make_entry(ieee(index), LinkKey(key(index)))


def device(index: int) -> VirtualDevice:
    """Return the virtual device of entry index."""
    return VirtualDevice(ieee(index), link_key=key(index))


class ManualScheduler:
    """Time that moves only when the test says so; jobs run on the loop."""

    def __init__(self) -> None:
        """Start at 1000 s."""
        self.now = 1000.0
        self._timers: list[list[Any]] = []
        self._jobs = LoopScheduler()

    def monotonic(self) -> float:
        """Return the manual time."""
        return self.now

    def call_later(
        self, delay: float, action: Callable[[], None]
    ) -> Callable[[], None]:
        """Run action once the time has advanced by delay."""
        timer: list[Any] = [self.now + delay, action, True]
        self._timers.append(timer)
        return lambda: timer.__setitem__(2, False)

    def spawn(self, job: Coroutine[Any, Any, None]) -> None:
        """Run a job on the loop."""
        self._jobs.spawn(job)

    async def drain(self) -> None:
        """Wait for every job."""
        await self._jobs.async_drain()

    async def advance(self, seconds: float, step: float = 0.5) -> None:
        """Move time forward in steps, running due timers and their jobs."""
        target = self.now + seconds
        while self.now < target:
            self.now = min(target, self.now + step)
            while due := [t for t in self._timers if t[2] and t[0] <= self.now]:
                for timer in due:
                    self._timers.remove(timer)
                    timer[1]()
                await self.drain()
            self._timers = [t for t in self._timers if t[2]]


@pytest.fixture
async def scheduler() -> ManualScheduler:
    """Return manual time."""
    return ManualScheduler()


@pytest.fixture
async def ncp(
    socket_enabled: None, scheduler: ManualScheduler
) -> AsyncGenerator[VirtualCoordinator]:
    """A virtual NCP whose keys expire on the manual clock (after 6 s)."""
    coordinator = VirtualCoordinator(key_timeout_s=6, clock=scheduler.monotonic)
    await coordinator.start_tcp("127.0.0.1", 0)
    yield coordinator
    await coordinator.stop()


@pytest.fixture
async def app(ncp: VirtualCoordinator) -> AsyncGenerator[Any]:
    """A real bellows application, past its start-up permit restore."""
    application = await start_bellows_app(ncp)
    yield application
    await ncp.wait_idle()
    await application.shutdown()


class Setup:
    """A machine on a local list."""

    def __init__(self, app: Any, scheduler: ManualScheduler, **options: Any) -> None:
        """Build the list, the radio and the machine."""
        self.local = LocalProvider()
        self.service = ProvisioningService()
        self.service.add_provider(self.local)
        self.radio = EzspRadio(app, clock=scheduler.monotonic)
        self.machine = AdmissionMachine(self.service, self.radio, scheduler, **options)
        self.events: list[AdmissionEvent] = []
        self.machine.add_listener(self.events.append)
        self.service.add_listener(self.machine.list_changed)

    def status(self, index: int) -> EntryStatus:
        """Return the status of entry index."""
        found = self.service.get(zigbee_id(ieee(index)))
        assert found is not None
        return found.status

    def kinds(self) -> list[EventKind]:
        """Return the kinds of events heard."""
        return [event.kind for event in self.events]


@pytest.fixture
def setup(app: Any, scheduler: ManualScheduler) -> Setup:
    """A machine with entries 1 and 2 listed."""
    made = Setup(app, scheduler, interview_timeout=30)
    made.local.set_entries([entry(1), entry(2)])
    return made


async def test_window_closes_once_every_loaded_device_joined(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler
) -> None:
    """Two keys loaded, two joins: the window closes without waiting for its end."""
    result = await setup.machine.async_start(600)
    assert set(result.loaded) == {zigbee_id(ieee(1)), zigbee_id(ieee(2))}
    assert setup.machine.window is not None
    assert setup.machine.window.mode is WindowMode.MANUAL
    assert setup.machine.remaining() == 600
    assert setup.status(1) is EntryStatus.ADMITTING
    assert ncp.policy == INSTALL_CODE_ONLY

    assert ncp.power_on(device(1)).joined
    await setup.machine.async_device_joined(zigbee_id(ieee(1)))
    await scheduler.drain()
    assert setup.machine.window_open
    assert ncp.power_on(device(2)).joined
    await setup.machine.async_device_joined(zigbee_id(ieee(2)))
    await scheduler.drain()
    assert not setup.machine.window_open
    assert ncp.transient_keys == []
    assert not ncp.permit_open
    # the interviews go on: entry 1 finishes, entry 2 never does
    await setup.machine.async_device_initialized(zigbee_id(ieee(1)))
    assert setup.status(1) is EntryStatus.JOINED
    assert EventKind.INSTALLED in setup.kinds()
    await scheduler.advance(31)
    assert setup.status(2) is EntryStatus.FAILED


async def test_manual_window_ends_on_time(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler
) -> None:
    """At its end the window closes, keys cleared and entries pending again."""
    await setup.machine.async_start(10)
    await scheduler.advance(9)
    assert setup.machine.window_open
    await scheduler.advance(2)
    assert not setup.machine.window_open
    assert setup.status(1) is EntryStatus.PENDING
    assert ncp.transient_keys == []
    assert ncp.policy != INSTALL_CODE_ONLY


async def test_keys_outlive_the_ncp_lifetime(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler
) -> None:
    """With a 6 s key lifetime, a device plugged in 13 s into the window joins."""
    await setup.machine.async_start(60)
    assert setup.radio.key_lifetime_s == 6
    await scheduler.advance(13)
    assert not ncp.events("key_expired")
    assert {ieee(1), ieee(2)} <= set(ncp.transient_keys)
    assert not ncp.power_on(VirtualDevice("00:00:00:00:00:00:0d:01")).joined
    assert ncp.power_on(device(1)).joined
    # the NCP's lifetime is read, never changed
    assert ncp.config[int(t.EzspConfigId.CONFIG_TRANSIENT_KEY_TIMEOUT_S)] == 6
    assert ncp.trust_center.key_timeout_s == 6
    await setup.machine.async_stop()


async def test_policy_changed_behind_the_guard_is_restored(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler
) -> None:
    """Another client sets the policy on the NCP: within a second it is install-code-only again."""
    await setup.machine.async_start(60)
    ncp.set_policy_directly(0x03)
    await scheduler.advance(1)
    assert ncp.policy == INSTALL_CODE_ONLY
    assert not ncp.power_on(VirtualDevice("00:00:00:00:00:00:0d:02")).joined
    restored = [e for e in setup.events if e.kind is EventKind.POLICY_RESTORED]
    assert [e.policy for e in restored] == [0x03]
    await setup.machine.async_stop()


async def test_continuous_admission_follows_the_list(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler
) -> None:
    """Keys are loaded as entries arrive and unloaded as they join; nothing pending closes."""
    await setup.machine.async_set_continuous(True)
    await scheduler.drain()
    window = setup.machine.window
    assert window is not None
    assert window.mode is WindowMode.CONTINUOUS
    assert window.ends_at is None
    assert setup.machine.remaining() is None
    assert set(ncp.transient_keys) == {ieee(1), ieee(2)}

    setup.local.add(entry(3))
    await scheduler.drain()
    assert set(ncp.transient_keys) == {ieee(1), ieee(2), ieee(3)}
    assert setup.status(3) is EntryStatus.ADMITTING

    setup.local.remove(zigbee_id(ieee(2)))
    await scheduler.drain()
    assert set(ncp.transient_keys) == {ieee(1), ieee(3)}

    # the permit is renewed before its 254 s end, keys before their 6 s
    await scheduler.advance(300, step=1)
    assert ncp.permit_open
    assert not ncp.events("key_expired")

    for index in (1, 3):
        assert ncp.power_on(device(index)).joined
        await setup.machine.async_device_joined(zigbee_id(ieee(index)))
        await scheduler.drain()
    assert ieee(1) not in ncp.transient_keys
    for index in (1, 3):
        await setup.machine.async_device_initialized(zigbee_id(ieee(index)))
    await scheduler.drain()
    assert not setup.machine.window_open
    assert not ncp.permit_open
    assert ncp.policy != INSTALL_CODE_ONLY

    setup.local.add(entry(4))
    await scheduler.drain()
    assert setup.machine.window_open
    assert ncp.transient_keys == [ieee(4)]

    await setup.machine.async_set_continuous(False)
    await scheduler.drain()
    assert not setup.machine.window_open


async def test_reset_radio_is_set_up_again(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler, app: Any
) -> None:
    """bellows resets the NCP under the window: keys, policy, permit and guard come back."""
    await setup.machine.async_start(60)
    old = app._ezsp._protocol
    await app._reset()
    await app._ensure_network_running()
    assert app._ezsp._protocol is not old
    assert ncp.transient_keys == []
    await scheduler.advance(1)
    assert ncp.policy == INSTALL_CODE_ONLY
    assert set(ncp.transient_keys) == {ieee(1), ieee(2)}
    assert ncp.permit_open
    # the guard is on the new protocol object: a plain permit stays install-code-only
    await app.permit(5)
    assert WILDCARD not in ncp.transient_keys
    assert not ncp.power_on(VirtualDevice("00:00:00:00:00:00:0d:03")).joined
    assert ncp.power_on(device(1)).joined
    await setup.machine.async_stop()


async def test_lost_radio_closes_the_window(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler, app: Any
) -> None:
    """Without a connection the window cannot be held: it closes and says why."""
    await setup.machine.async_start(60)
    await ncp.wait_idle()
    await app.disconnect()
    await scheduler.advance(1)
    assert not setup.machine.window_open
    assert setup.machine.closed_reason == "radio_lost"
    [lost] = [e for e in setup.events if e.kind is EventKind.WINDOW_LOST]
    assert lost.mode is WindowMode.MANUAL
    assert lost.remaining == 59.5  # what the window had left, to open it again
    assert setup.status(1) is EntryStatus.PENDING


async def test_guard_removes_unlisted_device(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler, app: Any
) -> None:
    """An unlisted device is removed with the guard on and left alone with it off."""
    await app.permit(30)
    stranger = VirtualDevice("00:00:00:00:00:00:0d:04")
    assert ncp.power_on(stranger).joined
    await ncp.wait_until(lambda: stranger.ieee in app.devices)
    await setup.machine.async_device_joined(zigbee_id(stranger.ieee))
    await ncp.wait_until(lambda: not stranger.joined)
    assert EventKind.UNPROVISIONED_REMOVED in setup.kinds()

    setup.machine.set_guard(False)
    assert setup.radio.guard_foreign_permits is False
    allowed = VirtualDevice("00:00:00:00:00:00:0d:05")
    assert ncp.power_on(allowed).joined
    await setup.machine.async_device_joined(zigbee_id(allowed.ieee))
    assert allowed.joined
    # zigpy interviews both devices; let it finish
    await ncp.wait_until(
        lambda: not [t for t in asyncio.all_tasks() if t.get_name() == "initialize"],
        timeout=30,
    )


async def test_begin_clears_leftovers(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler, app: Any
) -> None:
    """An earlier run's keys and install-code-only policy are gone after begin."""
    await app._ezsp.add_transient_link_key(ieee(9), key(9))
    ncp.set_policy_directly(INSTALL_CODE_ONLY)
    await setup.machine.async_begin(None, None)
    await scheduler.drain()
    assert ncp.transient_keys == []
    assert ncp.policy != INSTALL_CODE_ONLY
    assert not setup.machine.window_open


async def test_begin_reopens_a_lost_manual_window(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler
) -> None:
    """A window a lost connection interrupted opens again for the time it had left."""
    await setup.machine.async_begin(WindowMode.MANUAL, 42)
    assert setup.machine.window_open
    assert setup.machine.remaining() == 42
    assert ncp.policy == INSTALL_CODE_ONLY
    await setup.machine.async_shutdown()
    assert not setup.machine.window_open
    await asyncio.sleep(0)


async def test_manual_window_unloads_removed_entries(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler
) -> None:
    """An entry removed during a manual window loses its key; the others keep theirs."""
    await setup.machine.async_start(60)
    setup.local.remove(zigbee_id(ieee(1)))
    await scheduler.drain()
    assert ncp.transient_keys == [ieee(2)]
    assert setup.machine.window is not None
    assert setup.machine.window.outstanding == {zigbee_id(ieee(2))}
    # an entry added to a manual window waits for the next one
    setup.local.add(entry(3))
    await scheduler.drain()
    assert ncp.transient_keys == [ieee(2)]
    await setup.machine.async_stop()


async def test_stop_turns_continuous_admission_off(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler
) -> None:
    """Stopping by hand ends continuous admission too, or the window would reopen."""
    await setup.machine.async_set_continuous(True)
    await scheduler.drain()
    assert setup.machine.window_open
    await setup.machine.async_stop()
    await scheduler.drain()
    assert not setup.machine.continuous
    assert not setup.machine.window_open
    assert not ncp.permit_open


async def test_joins_interviews_and_removals(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler, app: Any
) -> None:
    """Joins are tracked once; unlisted devices are removed; a removed device is pending again."""
    await setup.machine.async_start(60)
    assert ncp.power_on(device(1)).joined
    await setup.machine.async_device_joined(zigbee_id(ieee(1)))
    await setup.machine.async_device_joined(
        zigbee_id(ieee(1))
    )  # bellows may report it twice
    assert list(setup.machine.interviews) == [zigbee_id(ieee(1))]
    await setup.machine.async_device_initialized(zigbee_id(ieee(1)))
    await setup.machine.async_device_initialized(zigbee_id(ieee(1)))
    assert setup.status(1) is EntryStatus.JOINED
    assert zigbee_id(ieee(1)) in setup.machine.baseline
    await setup.machine.async_device_joined(
        zigbee_id(ieee(1))
    )  # a rejoin changes nothing
    assert setup.status(1) is EntryStatus.JOINED

    # an unlisted device that zigpy never saw: removal fails, and is reported
    await setup.machine.async_device_initialized(zigbee_id(ieee(9)))
    assert setup.kinds().count(EventKind.UNPROVISIONED_REMOVED) == 1

    await setup.machine.async_device_removed(zigbee_id(ieee(1)))
    assert setup.status(1) is EntryStatus.PENDING
    assert ieee(1) not in setup.machine.baseline
    await setup.machine.async_device_removed(zigbee_id(ieee(9)))  # not listed: nothing
    await setup.machine.async_stop()
    await ncp.wait_until(
        lambda: not [t for t in asyncio.all_tasks() if t.get_name() == "initialize"],
        timeout=30,
    )


async def test_radio_gone_at_begin_and_during_continuous_admission(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler, app: Any
) -> None:
    """Without a radio, nothing opens: listeners hear why, and nothing is left running."""
    await ncp.wait_idle()
    await app.disconnect()
    with pytest.raises(RadioLostError):
        await setup.machine.async_start(30)
    assert not setup.machine.window_open
    await setup.machine.async_begin(WindowMode.MANUAL, 30)
    assert not setup.machine.window_open
    assert setup.machine.closed_reason == "radio_lost"
    assert EventKind.WINDOW_LOST in setup.kinds()
    await setup.machine.async_set_continuous(True)
    await scheduler.drain()
    assert not setup.machine.window_open
    await setup.machine.async_shutdown(radio_gone=True)
    setup.local.add(entry(3))
    await scheduler.drain()
    assert not setup.machine.window_open


async def test_begin_after_the_window_ran_out(
    setup: Setup, ncp: VirtualCoordinator, scheduler: ManualScheduler
) -> None:
    """A lost manual window whose time ran out while the radio was away stays closed, and says so."""
    await setup.machine.async_begin(WindowMode.MANUAL, 0)
    assert not setup.machine.window_open
    assert setup.machine.closed_reason == "radio_lost"
    assert not ncp.permit_open
