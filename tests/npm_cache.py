"""Pinned npm packages installed once into the repository's cache.

Rules: a package set is the committed files of one folder (its
``package.json``, ``package-lock.json`` and anything run beside them); it is
installed with ``npm ci`` into ``.cache/<name>/<version>-<digest>/``, keyed by
those files' contents, so a changed lock installs afresh. A file lock keeps
parallel test workers from installing twice, and an install is moved into
place only once complete.
"""

from __future__ import annotations

from collections.abc import Sequence
import fcntl
import hashlib
import pathlib
import shutil
import subprocess

REPO = pathlib.Path(__file__).resolve().parent.parent


def npm_ci(name: str, version: str, files: Sequence[pathlib.Path]) -> pathlib.Path:
    """Install ``files`` with ``npm ci`` once; return the installed folder."""
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    root = REPO / ".cache" / name
    target = root / f"{version}-{digest[:12]}"
    stamp = target / ".installed"
    if stamp.exists():
        return target
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.exists():
            return target
        partial = target.with_name(target.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
        for file in files:
            shutil.copy(file, partial / file.name)
        result = subprocess.run(
            ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=partial,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if result.returncode:
            raise RuntimeError(f"npm ci failed: {result.stderr[-2000:]}")
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
        stamp.touch()
    return target
