"""Run every benchmark module in this package (or those named on the command line)."""

from __future__ import annotations

import asyncio
import importlib
import pkgutil
import sys
import time

# Home Assistant replaces voluptuous with probatio on import; import it before
# zigpy builds its schemas, as Home Assistant itself does.
import homeassistant.core  # noqa: F401

import benchmarks


def discover() -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.iter_modules(benchmarks.__path__)
        if not m.name.startswith("_")
    )


async def main(names: list[str]) -> int:
    selected = names or discover()
    unknown = set(selected) - set(discover())
    if unknown:
        print(f"Unknown benchmarks: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    for name in selected:
        module = importlib.import_module(f"benchmarks.{name}")
        start = time.perf_counter()
        print(f"== {name}", flush=True)
        for line in await module.run():
            print(f"   {line}", flush=True)
        print(f"   ({time.perf_counter() - start:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
