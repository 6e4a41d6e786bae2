"""Build provisioning.zip, the file HACS installs for a release (``zip_release``).

    python3 scripts/release_zip.py [--version 1.2.0] OUT.zip

Rules:
- The zip holds the contents of custom_components/provisioning at its root
  (manifest.json, __init__.py, frontend/, ...): HACS unpacks it into
  custom_components/provisioning/ itself.
- Caches (__pycache__, *.pyc) and hidden files are left out.
- The same sources give the same bytes: entries are sorted, with a fixed
  time stamp and permissions.
- ``--version`` (a release tag such as ``v1.2.0``; the ``v`` is dropped) is
  written into the zipped manifest.json; the working tree is not changed.
- Only the standard library, and Python 3.12 or newer (the release workflow
  runs it with the runner's Python). Problems end with one ``error:`` line.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys
import zipfile

REPO = pathlib.Path(__file__).resolve().parent.parent
INTEGRATION = REPO / "custom_components" / "provisioning"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
VERSION_RE = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+([.-]?[0-9A-Za-z.]+)?")


def integration_files(root: pathlib.Path = INTEGRATION) -> list[pathlib.Path]:
    """Files to ship, relative to ``root``, sorted."""
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(
            part.startswith(".") or part == "__pycache__" for part in relative.parts
        ):
            continue
        if path.is_file() and path.suffix not in (".pyc", ".pyo"):
            found.append(relative)
    return sorted(found, key=lambda p: p.as_posix())


def release_version(tag: str) -> str:
    """The manifest version of a release tag (``v1.2.0`` -> ``1.2.0``)."""
    version = tag.removeprefix("v")
    if not VERSION_RE.fullmatch(version):
        raise ValueError(f"release tag {tag!r} is not a version like v1.2.0")
    return version


def build(out: pathlib.Path, version: str | None = None) -> list[str]:
    """Write the zip to ``out``; return the names in it."""
    names = []
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for relative in integration_files():
            data = (INTEGRATION / relative).read_bytes()
            if relative.as_posix() == "manifest.json" and version is not None:
                manifest = json.loads(data)
                manifest["version"] = version
                data = (json.dumps(manifest, indent=2) + "\n").encode()
            info = zipfile.ZipInfo(relative.as_posix(), ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data)
            names.append(info.filename)
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path, help="the zip to write")
    parser.add_argument("--version", help="release tag, e.g. v1.2.0")
    args = parser.parse_args(argv)
    try:
        version = None if args.version is None else release_version(args.version)
        names = build(args.out, version)
    except (OSError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if "manifest.json" not in names:
        print(f"error: no manifest.json in {INTEGRATION}", file=sys.stderr)
        return 1
    print(f"{args.out}: {len(names)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
