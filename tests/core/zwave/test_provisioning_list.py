"""The Z-Wave provisioning list's plan: commands between what we want and
what zwave-js holds, ownership, conflicts, and no command when nothing changed."""

from __future__ import annotations

from typing import Any

from hypothesis import given, strategies as st
import pytest

from custom_components.provisioning.core.zwave import Dsk, Protocol, SecurityClass
from custom_components.provisioning.core.zwave.provisioning_list import (
    OWNER_PROPERTY,
    DesiredProvision,
    MalformedEntryError,
    Plan,
    Provision,
    ProvisionedEntry,
    owner_marker,
    parse_reported,
    parse_reported_list,
    plan,
)

OWNER = "list-1"
S2 = frozenset({SecurityClass.S2_Authenticated, SecurityClass.S2_Unauthenticated})


def dsk(n: int, pin: int = 12345) -> Dsk:
    """A DSK whose identity (last seven groups) is given by ``n``."""
    return Dsk.from_groups([pin, 1, 2, 3, 4, 5, n // 65536, n % 65536])


def apply(
    reported: dict[str, dict[str, Any]], result: Plan, owner: str = OWNER
) -> dict[str, dict[str, Any]]:
    """What zwave-js's list holds after the plan's commands (its rules: keyed
    by the DSK text; provisioning replaces the whole entry)."""
    after = dict(reported)
    for item in result.unprovision:
        after.pop(item.reveal(), None)
    for command in result.provision:
        entry = command.to_zwave_js(owner)
        after[entry["dsk"]] = entry
    return after


def read(entries: dict[str, dict[str, Any]]) -> list[ProvisionedEntry]:
    return [parse_reported(entry) for entry in entries.values()]


def test_new_entry_is_provisioned_with_our_marker() -> None:
    want = DesiredProvision(dsk(1), S2, name="Lamp", location="Hall")
    result = plan([want], [], OWNER)
    assert result.provision == (Provision(want, new=True),)
    assert result.unprovision == ()
    entry = result.provision[0].to_zwave_js(OWNER)
    assert entry == {
        "dsk": dsk(1).reveal(),
        "securityClasses": [0, 1],
        "status": 0,
        OWNER_PROPERTY: "owned-by:list-1",
        "name": "Lamp",
        "location": "Hall",
    }


def test_nothing_changed_plans_nothing() -> None:
    wants = [
        DesiredProvision(dsk(1), S2),
        DesiredProvision(
            dsk(2),
            frozenset(),
            active=False,
            name="n",
            location="l",
            protocol=Protocol.ZWaveLongRange,
            requested_security_classes=S2,
        ),
    ]
    held = apply({}, plan(wants, [], OWNER))
    # zwave-js adds nodeId once included; other owners' entries are reported too.
    held[dsk(1).reveal()]["nodeId"] = 7
    foreign = {"dsk": dsk(3).reveal(), "securityClasses": [1], "device_id": "abc"}
    held[foreign["dsk"]] = foreign
    result = plan(wants, read(held), OWNER)
    assert result.empty
    assert result.conflicts == ()
    assert [e.id for e in result.foreign] == [dsk(3).masked]
    assert result.foreign[0].extra == {"device_id": "abc"}


@pytest.mark.parametrize(
    "change",
    [
        {"security_classes": frozenset({SecurityClass.S2_AccessControl})},
        {"active": False},
        {"name": "New"},
        {"location": "Kitchen"},
        {"name": None},
        {"protocol": Protocol.ZWave},
        {"requested_security_classes": frozenset({SecurityClass.S0_Legacy})},
    ],
)
def test_a_change_is_provisioned_again(change: dict[str, Any]) -> None:
    before = DesiredProvision(dsk(1), S2, name="Old", location="Hall")
    held = apply({}, plan([before], [], OWNER))
    after = DesiredProvision(**{**_fields(before), **change})
    result = plan([after], read(held), OWNER)
    assert result.provision == (Provision(after, new=False),)
    assert result.unprovision == ()
    assert plan([after], read(apply(held, result)), OWNER).empty


def _fields(item: DesiredProvision) -> dict[str, Any]:
    return {name: getattr(item, name) for name in DesiredProvision.__slots__}


def test_ours_no_longer_wanted_is_unprovisioned_foreign_never() -> None:
    held = apply({}, plan([DesiredProvision(dsk(1), S2)], [], OWNER))
    held[dsk(2).reveal()] = {"dsk": dsk(2).reveal(), "securityClasses": [0]}
    held[dsk(3).reveal()] = {
        "dsk": dsk(3).reveal(),
        "securityClasses": [0],
        OWNER_PROPERTY: owner_marker("another-list"),
    }
    result = plan([], read(held), OWNER)
    assert result.unprovision == (dsk(1),)
    assert result.provision == ()
    assert {e.id for e in result.foreign} == {dsk(2).masked, dsk(3).masked}


def test_foreign_entry_with_the_wanted_identity_is_a_conflict() -> None:
    foreign = {"dsk": dsk(1, pin=999).reveal(), "securityClasses": [1]}
    for wanted_pin in (999, 12345):
        result = plan(
            [DesiredProvision(dsk(1, pin=wanted_pin), S2)], read({"x": foreign}), OWNER
        )
        assert result.empty
        assert result.conflicts == (dsk(1).masked,)


def test_foreign_entry_is_adopted_with_its_extra_properties() -> None:
    foreign = {
        "dsk": dsk(1).reveal(),
        "securityClasses": [1],
        "device_id": "ha-device",
        "name": "Theirs",
    }
    want = DesiredProvision(dsk(1), S2, name="Ours")
    result = plan([want], read({"x": foreign}), OWNER, adopt={want.id})
    assert result.provision == (
        Provision(want, new=False, keep={"device_id": "ha-device"}, adopted=True),
    )
    assert result.foreign == ()
    entry = result.provision[0].to_zwave_js(OWNER)
    assert entry["device_id"] == "ha-device"
    assert entry["name"] == "Ours"
    assert entry[OWNER_PROPERTY] == owner_marker(OWNER)
    held = apply({foreign["dsk"]: foreign}, result)
    assert plan([want], read(held), OWNER).empty
    # A change later keeps the property too.
    renamed = DesiredProvision(dsk(1), S2, name="Renamed")
    (change,) = plan([renamed], read(held), OWNER).provision
    assert change.to_zwave_js(OWNER)["device_id"] == "ha-device"
    # Another PIN is never adopted; nor is an identity not named in adopt.
    other_pin = DesiredProvision(dsk(1, pin=7), S2)
    result = plan([other_pin], read({"x": foreign}), OWNER, adopt={want.id})
    assert result.empty
    assert result.conflicts == (want.id,)
    assert plan([want], read({"x": foreign}), OWNER, adopt={"x"}).conflicts == (
        want.id,
    )


def test_two_wanted_entries_with_one_identity_are_a_conflict() -> None:
    held = apply({}, plan([DesiredProvision(dsk(1), S2)], [], OWNER))
    for other in (
        DesiredProvision(dsk(1, pin=1), S2),
        DesiredProvision(dsk(1), S2, name="other"),
    ):
        result = plan([DesiredProvision(dsk(1), S2), other], read(held), OWNER)
        assert result.empty  # ours stays as it is
        assert result.conflicts == (dsk(1).masked,)
    # The same wanted entry twice is no conflict.
    same = DesiredProvision(dsk(1), S2)
    assert plan([same, same], read(held), OWNER) == Plan()


def test_a_new_pin_replaces_our_entry() -> None:
    held = apply({}, plan([DesiredProvision(dsk(1, pin=1), S2)], [], OWNER))
    want = DesiredProvision(dsk(1, pin=2), S2)
    result = plan([want], read(held), OWNER)
    assert result.unprovision == (dsk(1, pin=1),)
    assert result.provision == (Provision(want, new=True),)


def test_reprs_never_show_the_pin() -> None:
    secret = dsk(1, pin=54321)
    want = DesiredProvision(secret, S2, name="x")
    result = plan([want], [], OWNER)
    reported = parse_reported(result.provision[0].to_zwave_js(OWNER) | {"nodeId": 3})
    for shown in (repr(want), repr(result), repr(reported), str(result)):
        assert "54321" not in shown
        assert secret.masked in shown


def test_reported_entries_are_read_as_zwave_js_writes_them() -> None:
    entry = parse_reported(
        {
            "dsk": dsk(1).reveal(),
            "securityClasses": [7, 2],
            "requestedSecurityClasses": [1],
            "status": 1,
            "protocol": 1,
            "nodeId": 12,
            "name": "n",
            "location": "l",
            OWNER_PROPERTY: owner_marker(OWNER),
            "device_id": "dev",
        }
    )
    assert entry == ProvisionedEntry(
        dsk=dsk(1),
        security_classes=frozenset(
            {SecurityClass.S0_Legacy, SecurityClass.S2_AccessControl}
        ),
        active=False,
        node_id=12,
        name="n",
        location="l",
        protocol=Protocol.ZWaveLongRange,
        requested_security_classes=frozenset({SecurityClass.S2_Authenticated}),
        owner=owner_marker(OWNER),
    )
    assert entry.extra == {"device_id": "dev"}
    assert entry.owned_by(OWNER)
    assert not entry.owned_by("list")


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {"dsk": "12345", "securityClasses": []},
        {"dsk": 5, "securityClasses": []},
        {"dsk": dsk(1).reveal()},
        {"dsk": dsk(1).reveal(), "securityClasses": [3]},
        {"dsk": dsk(1).reveal(), "securityClasses": [], "protocol": 9},
    ],
)
def test_unreadable_entries_are_skipped(bad: dict[str, Any]) -> None:
    with pytest.raises(MalformedEntryError) as caught:
        parse_reported(bad)
    assert "12345" not in str(caught.value)
    good = {"dsk": dsk(2).reveal(), "securityClasses": []}
    entries, skipped = parse_reported_list([bad, good])
    assert skipped == 1
    assert [e.dsk for e in entries] == [dsk(2)]


# Property-style: any wanted list, any mix of reported entries.
CLASSES = st.frozensets(st.sampled_from(SecurityClass))
TEXT = st.none() | st.sampled_from(["a", "b"])
WANTED = st.builds(
    DesiredProvision,
    dsk=st.builds(dsk, st.integers(0, 6), st.sampled_from([1, 2])),
    security_classes=CLASSES,
    active=st.booleans(),
    name=TEXT,
    location=TEXT,
    protocol=st.none() | st.sampled_from(Protocol),
    requested_security_classes=st.none() | CLASSES,
)
OWNERS = st.sampled_from([OWNER, "other"])


@st.composite
def held_lists(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    held: dict[str, dict[str, Any]] = {}
    for item in draw(st.lists(WANTED, max_size=6)):
        entry = Provision(item, new=True).to_zwave_js(draw(OWNERS))
        if draw(st.booleans()):
            del entry[OWNER_PROPERTY]  # provisioned by someone else
        if draw(st.booleans()):
            entry["nodeId"] = draw(st.integers(2, 232))
        if draw(st.booleans()):
            entry["device_id"] = draw(st.sampled_from(["d1", "d2"]))
        held[entry["dsk"]] = entry
    return held


@given(st.lists(WANTED, max_size=6), held_lists(), st.data())
def test_plan_reaches_what_is_wanted_and_leaves_foreign_alone(
    wanted: list[DesiredProvision], held: dict[str, dict[str, Any]], data: st.DataObject
) -> None:
    adopt = data.draw(st.sets(st.sampled_from([w.id for w in wanted] or ["-"])))
    result = plan(wanted, read(held), OWNER, adopt)
    after = apply(held, result)
    adopted = {p.desired.dsk.reveal() for p in result.provision if p.adopted}
    foreign_before = {k: v for k, v in held.items() if not _ours(v)}
    foreign_after = {k: v for k, v in after.items() if not _ours(v)}
    assert {k: v for k, v in foreign_before.items() if k not in adopted} == (
        foreign_after
    )
    assert {parse_reported(held[k]).id for k in adopted} <= adopt
    touched = {d.reveal() for d in result.unprovision} | {
        p.desired.dsk.reveal() for p in result.provision
    }
    assert touched & foreign_before.keys() == adopted
    for key in adopted:  # the extra properties stay
        assert parse_reported(after[key]).extra == parse_reported(held[key]).extra
    # Everything wanted and not in conflict is held as wanted, nothing else of ours.
    settled = [w for w in wanted if w.dsk.masked not in result.conflicts]
    ours_after = {k for k, v in after.items() if _ours(v)}
    conflicting_ours = {
        k for k in ours_after if parse_reported(after[k]).id in result.conflicts
    }
    assert ours_after - conflicting_ours == {w.dsk.reveal() for w in settled}
    # A second run (a restart with nothing changed) plans nothing.
    again = plan(wanted, read(after), OWNER)
    assert again.empty
    assert again.conflicts == result.conflicts


def _ours(entry: dict[str, Any]) -> bool:
    return entry.get(OWNER_PROPERTY) == owner_marker(OWNER)


@given(st.lists(WANTED, max_size=6), held_lists(), st.randoms())
def test_plan_does_not_depend_on_order(
    wanted: list[DesiredProvision], held: dict[str, dict[str, Any]], rnd: Any
) -> None:
    reported = read(held)
    shuffled_wanted, shuffled_reported = list(wanted), list(reported)
    rnd.shuffle(shuffled_wanted)
    rnd.shuffle(shuffled_reported)
    assert plan(wanted, reported, OWNER) == plan(
        shuffled_wanted, shuffled_reported, OWNER
    )
