"""The package's layers: one network model, two front-ends that point down to it."""

from __future__ import annotations

import ast
import pathlib

import pytest

import virtual_coordinator

PACKAGE = pathlib.Path(virtual_coordinator.__file__).parent


def imported_modules(path: pathlib.Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.add(".".join([*base, node.module or ""]).rstrip("."))
            else:
                found.add(node.module or "")
    return found


def modules_of(subpackage: str) -> list[pathlib.Path]:
    return sorted((PACKAGE / subpackage).glob("*.py"))


@pytest.mark.parametrize("path", modules_of("network"), ids=lambda p: p.name)
def test_network_model_is_radio_independent(path: pathlib.Path) -> None:
    for module in imported_modules(path):
        root = module.split(".")[0]
        assert root not in ("bellows", "zigpy_znp", "homeassistant"), module
        if root == "virtual_coordinator":
            assert module.startswith("virtual_coordinator.network"), module


@pytest.mark.parametrize(
    ("front_end", "other"), [("ezsp", "znp"), ("znp", "ezsp")], ids=["ezsp", "znp"]
)
def test_front_ends_do_not_import_each_other(front_end: str, other: str) -> None:
    for path in modules_of(front_end):
        for module in imported_modules(path):
            assert not module.startswith(f"virtual_coordinator.{other}"), (
                path.name,
                module,
            )
            assert module not in ("virtual_coordinator", ""), (path.name, module)


def test_no_module_is_long() -> None:
    lengths = {
        str(path.relative_to(PACKAGE)): len(path.read_text().splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert max(lengths.values()) <= 600, lengths


def test_public_api() -> None:
    from virtual_coordinator.ezsp.coordinator import VirtualCoordinator as Ezsp
    from virtual_coordinator.network.joins import DeviceNetwork
    from virtual_coordinator.znp import ZnpCoordinator

    names = {
        "DEFAULT_PORT",
        "Endpoint",
        "Event",
        "JoinResult",
        "Record",
        "TrustCenter",
        "VirtualCoordinator",
        "VirtualDevice",
    }
    assert set(virtual_coordinator.__all__) == names
    assert all(hasattr(virtual_coordinator, name) for name in names)
    assert virtual_coordinator.DEFAULT_PORT == 6638
    assert virtual_coordinator.VirtualCoordinator is Ezsp
    assert issubclass(Ezsp, DeviceNetwork)
    assert issubclass(ZnpCoordinator, DeviceNetwork)
