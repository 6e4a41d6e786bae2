"""Write translations/en.json from strings.json, resolving [%key:...%] references.

Run with ./scripts/run python scripts/translations.py (scripts/lint checks it).
"""

from __future__ import annotations

import json
import pathlib
import re
import sys
from typing import Any

import homeassistant

REPO = pathlib.Path(__file__).resolve().parent.parent
INTEGRATION = REPO / "custom_components" / "provisioning"
REFERENCE = re.compile(r"\[%key:([a-z0-9_:]+)%\]")


def lookup(path: str, own: dict[str, Any], common: dict[str, Any]) -> str:
    parts = path.split("::")
    if parts[:2] == ["component", "provisioning"]:
        node: Any = own
        parts = parts[2:]
    else:
        node = common
    for part in parts:
        node = node[part]
    if not isinstance(node, str):
        raise TypeError(f"{path} is not a string")
    return resolve(node, own, common)


def resolve(value: Any, own: dict[str, Any], common: dict[str, Any]) -> Any:
    if isinstance(value, dict):
        return {key: resolve(item, own, common) for key, item in value.items()}
    if isinstance(value, str):
        return REFERENCE.sub(lambda match: lookup(match[1], own, common), value)
    return value


def build() -> str:
    own = json.loads((INTEGRATION / "strings.json").read_text())
    common = json.loads(
        (pathlib.Path(homeassistant.__file__).parent / "strings.json").read_text()
    )
    return json.dumps(resolve(own, own, common), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    target = INTEGRATION / "translations" / "en.json"
    text = build()
    if "--check" in sys.argv:
        if target.read_text() != text:
            print(f"{target} is out of date: run scripts/translations.py")
            return 1
        return 0
    target.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
