"""The integration's structure, checked on its sources.

* ``core/`` imports nothing from Home Assistant, so the domain logic runs and
  is tested without it.
* No import circle between the modules of any of the house's packages (the
  integration, the virtual coordinator, the provisioning server), counting
  imports inside functions and under ``TYPE_CHECKING`` too: layers only point
  down.
* Runtime modules never import the config flow.
* No source file reaches 1,000 lines.

Each checker returns what it found, and the negative tests at the end show
that each one catches a bad example.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
import pathlib

REPO = pathlib.Path(__file__).parent.parent
PACKAGE = "custom_components.provisioning"
COMPONENT = REPO / "custom_components" / "provisioning"
# Every package of the house, with the least number of modules it has, so a
# moved folder cannot make the check read nothing.
PACKAGES = {
    PACKAGE: (COMPONENT, 40),
    "virtual_coordinator": (REPO / "virtual_coordinator", 30),
    "provisioning_server": (REPO / "provisioning_server", 5),
    "virtual_zwave": (REPO / "virtual_zwave", 2),
}
MAX_LINES = 1000
SOURCE_DIRS = (
    "custom_components",
    "virtual_coordinator",
    "virtual_zwave",
    "provisioning_server",
    "scripts",
    "tests",
    "frontend/src",
    "frontend/test",
)
SOURCE_SUFFIXES = {".py", ".ts"}
# Modules Home Assistant loads by name, that nothing else may import.
FLOW_MODULES = {f"{PACKAGE}.config_flow"}


def module_name(path: pathlib.Path, root: pathlib.Path, package: str) -> str:
    """Return the dotted name of a module file under a package directory."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([package, *parts])


def imported_modules(
    source: str, name: str, *, is_package: bool, known: Iterable[str]
) -> set[str]:
    """Return the modules of ``known`` that a module's source imports, anywhere."""
    known = set(known)
    found: set[str] = set()
    tree = ast.parse(source)
    base = name.split(".") if is_package else name.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parent = base[: len(base) - node.level + 1]
                module = ".".join([*parent, *filter(None, [node.module])])
            else:
                module = node.module or ""
            for alias in node.names:
                # ``from pkg import sub`` imports the submodule; any other name
                # comes from the package itself
                submodule = f"{module}.{alias.name}"
                found.add(submodule if submodule in known else module)
    return {module for module in found if module in known and module != name}


def import_graph(root: pathlib.Path, package: str) -> dict[str, set[str]]:
    """Return each module of a package with the package's modules it imports."""
    files = {module_name(path, root, package): path for path in root.rglob("*.py")}
    return {
        name: imported_modules(
            path.read_text(encoding="utf-8"),
            name,
            is_package=path.name == "__init__.py",
            known=files,
        )
        for name, path in files.items()
    }


def import_circles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def home_assistant_imports(directory: pathlib.Path, root: pathlib.Path) -> list[str]:
    """Return ``file:line`` of every Home Assistant import under a directory."""
    found = []
    for path in sorted(directory.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            if any(name.split(".")[0] == "homeassistant" for name in names):
                found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def flow_importers(graph: Mapping[str, set[str]], flows: set[str]) -> list[str]:
    """Return the modules that import a config-flow module."""
    return sorted(
        name for name, targets in graph.items() if name not in flows and targets & flows
    )


def long_files(paths: Iterable[pathlib.Path], root: pathlib.Path) -> list[str]:
    """Return the files of ``MAX_LINES`` lines or more, with their length."""
    found = []
    for path in paths:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines >= MAX_LINES:
            found.append(f"{path.relative_to(root)}: {lines}")
    return found


def source_files() -> list[pathlib.Path]:
    """Return the project's own source files."""
    return sorted(
        path
        for directory in SOURCE_DIRS
        for path in (REPO / directory).rglob("*")
        if path.suffix in SOURCE_SUFFIXES
        and "node_modules" not in path.parts
        and path.is_file()
    )


def test_core_imports_nothing_from_home_assistant() -> None:
    """The domain logic in ``core/`` runs without Home Assistant."""
    assert home_assistant_imports(COMPONENT / "core", REPO) == []


def test_no_import_circles() -> None:
    """Layers only point down, even through local and TYPE_CHECKING imports."""
    for package, (root, least) in PACKAGES.items():
        graph = import_graph(root, package)
        assert len(graph) > least, package  # the whole package was read
        assert import_circles(graph) == [], package


def test_runtime_code_does_not_import_the_config_flow() -> None:
    """Formats and helpers live in their own modules, not in the flow."""
    assert flow_importers(import_graph(COMPONENT, PACKAGE), FLOW_MODULES) == []


def test_no_source_file_reaches_a_thousand_lines() -> None:
    """Files stay named for one job."""
    files = source_files()
    assert any(path.suffix == ".ts" for path in files)
    assert long_files(files, REPO) == []


def test_checkers_catch_bad_examples(tmp_path: pathlib.Path) -> None:
    """Each checker reports what it is there to find."""
    package = tmp_path / "pkg"
    (package / "core").mkdir(parents=True)
    (package / "__init__.py").write_text("from .a import A\n")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from .b import B\nA = 1\n"
    )
    (package / "b.py").write_text("def f():\n    from . import a\n")
    (package / "c.py").write_text("from .config_flow import Flow\n")
    (package / "config_flow.py").write_text("Flow = 1\n")
    (package / "core" / "__init__.py").write_text("")
    (package / "core" / "x.py").write_text(
        "from .. import c\nimport homeassistant.core\n"
    )
    graph = import_graph(package, "pkg")
    assert graph["pkg"] == {"pkg.a"}
    assert graph["pkg.core.x"] == {"pkg.c"}
    assert import_circles(graph) == [["pkg.a", "pkg.b"]]
    assert import_circles({"x": {"y"}, "y": set()}) == []
    assert flow_importers(graph, {"pkg.config_flow"}) == ["pkg.c"]
    long = tmp_path / "long.py"
    long.write_text("x = 1\n" * MAX_LINES)
    short = tmp_path / "short.py"
    short.write_text("x = 1\n" * (MAX_LINES - 1))
    assert long_files([long, short], tmp_path) == [f"long.py: {MAX_LINES}"]
    assert home_assistant_imports(package / "core", tmp_path) == ["pkg/core/x.py:2"]


GENERIC_CORE = {
    f"{PACKAGE}.core.{name}"
    for name in (
        "identity",
        "credential",
        "entry",
        "provider",
        "service",
        "status",
        "local",
        "remote",
        "csv_io",
        "admission",
        "admission_clock",
        "radio",
        "limits",
        "errors",
        "listeners",
    )
}
TECHNOLOGY_PACKAGES = (f"{PACKAGE}.core.zigbee", f"{PACKAGE}.core.zwave")
RADIO_LIBRARIES = ("zigpy", "bellows", "zigpy_znp", "zwave_js_server")
SEAMS = {
    f"{PACKAGE}.core.technologies": "reads text into any technology's values",
    f"{PACKAGE}.core.remote_client": "keys a Z-Wave device of the API by its masked DSK",
}


def _third_party_imports(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_generic_core_knows_no_technology() -> None:
    """The list's generic modules know devices only by their DeviceId.

    They import no radio library and nothing of ``core.zigbee`` or
    ``core.zwave``; ``core.technologies`` is the one seam that reads text into
    either (and the API client keys Z-Wave devices by their masked DSK).
    """
    graph = import_graph(COMPONENT, PACKAGE)
    for module in sorted(GENERIC_CORE):
        assert module in graph, module
        technology = [
            imported
            for imported in graph[module]
            if imported.startswith(TECHNOLOGY_PACKAGES)
            and module not in SEAMS
            and not imported.startswith(f"{PACKAGE}.core.technologies")
        ]
        path = COMPONENT / pathlib.Path(*module.split(".")[2:]).with_suffix(".py")
        libraries = _third_party_imports(path) & set(RADIO_LIBRARIES)
        assert (technology, libraries) == ([], set()), module
    # Only the seams reach into a technology package from the generic side.
    reaching = {
        module
        for module, imported in graph.items()
        if module.startswith(f"{PACKAGE}.core.")
        and not module.startswith(TECHNOLOGY_PACKAGES)
        and any(i.startswith(TECHNOLOGY_PACKAGES) for i in imported)
    }
    assert reaching <= set(SEAMS) | {f"{PACKAGE}.core", f"{PACKAGE}.core.remote"}


def test_technologies_do_not_know_each_other() -> None:
    """Zigbee and Z-Wave sit side by side: neither imports the other, and
    neither imports the modules above it (the service, admission, the seams)."""
    graph = import_graph(COMPONENT, PACKAGE)
    above = {
        f"{PACKAGE}.core.{name}"
        for name in ("service", "admission", "technologies", "remote", "status")
    }
    for module, imported in graph.items():
        for own, other in (TECHNOLOGY_PACKAGES, TECHNOLOGY_PACKAGES[::-1]):
            if module.startswith(own):
                assert not any(i.startswith(other) for i in imported), module
                assert not imported & above, module
