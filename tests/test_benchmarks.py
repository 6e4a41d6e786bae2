"""Every benchmark module of scripts/bench imports and offers run()."""

from __future__ import annotations

import importlib
import inspect

import pytest

from benchmarks.__main__ import discover


@pytest.mark.parametrize("name", discover())
def test_benchmark_module_imports(name: str) -> None:
    """A module that no longer imports would only fail when someone runs the bench."""
    module = importlib.import_module(f"benchmarks.{name}")
    assert inspect.iscoroutinefunction(module.run)
