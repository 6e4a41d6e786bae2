"""scripts/: every apt-get call waits for apt's locks instead of failing.

A newcomer's ./scripts/setup failed with "Could not get lock
/var/lib/apt/lists/lock" because another apt was running. Every call goes
through ``apt_get`` in scripts/lib.sh, which passes ``DPkg::Lock::Timeout``
and retries ``apt-get update`` (which waits for no lock) while a lock is held.
The behaviour is checked with the real apt-get on a private lists folder.
"""

from __future__ import annotations

import fcntl
import os
import pathlib
import re
import shutil
import subprocess
import time

import pytest

from tests.packaging.validators import REPO

SCRIPTS = REPO / "scripts"
LIB = SCRIPTS / "lib.sh"
LOCK_TIMEOUT = "-o DPkg::Lock::Timeout="


def shell_scripts() -> list[pathlib.Path]:
    """The shell scripts of scripts/ (scripts/bench is not a set-up script)."""
    return sorted(
        path
        for path in SCRIPTS.iterdir()
        if path.is_file() and path.name != "bench" and path.suffix != ".py"
    )


def apt_get_calls(text: str) -> list[str]:
    """Lines that run apt-get itself (comments and ``command -v`` left out)."""
    return [
        line.strip()
        for line in text.splitlines()
        if re.search(r"(^|[\s;&|(\"])apt-get\s", line)
        and not line.lstrip().startswith("#")
        and "command -v apt-get" not in line
    ]


def test_every_apt_get_call_waits_for_the_lock() -> None:
    scripts = shell_scripts()
    assert LIB in scripts
    calls = {path.name: apt_get_calls(path.read_text()) for path in scripts}
    # apt-get runs in one place, the wrapper, with the lock timeout.
    assert calls.pop("lib.sh") == [
        f'apt-get {LOCK_TIMEOUT}"$timeout" "$@" 2>"$errors" || status=$?'
    ]
    assert {name: found for name, found in calls.items() if found} == {}
    lib = LIB.read_text()
    assert 'timeout="${APT_LOCK_TIMEOUT:-600}"' in lib
    # Host and userland use the wrapper: update and install, three places each.
    assert len(re.findall(r"\bapt_get\b[^\n]*\bupdate\b", lib)) == 3
    assert len(re.findall(r"\bapt_get install\b", lib)) == 3
    assert '"$(declare -f apt_get); apt_get ' in lib


def test_the_checks_see_a_bare_apt_get() -> None:
    assert apt_get_calls("    apt-get -qq update >/dev/null\n") != []
    assert apt_get_calls('in_rootfs /bin/bash -c "apt-get install -y x"') != []
    assert apt_get_calls("    # apt-get update does not wait\n") == []
    assert apt_get_calls("command -v apt-get >/dev/null") == []


def hold_lock(path: pathlib.Path) -> int:
    """Take the lock as apt does (fcntl, whole file); return the descriptor."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o640)
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


@pytest.fixture
def apt_dirs(tmp_path: pathlib.Path) -> list[str]:
    """apt-get options that give it private, empty state: no root, no network."""
    if shutil.which("apt-get") is None:
        pytest.skip("apt-get is not installed here")
    lists = tmp_path / "lists"
    (lists / "partial").mkdir(parents=True)
    (tmp_path / "cache" / "archives" / "partial").mkdir(parents=True)
    (tmp_path / "parts").mkdir()
    (tmp_path / "sources.list").write_text("")
    return [
        f"-o Dir::State::Lists={lists}",
        f"-o Dir::Cache={tmp_path / 'cache'}",
        f"-o Dir::Etc::SourceList={tmp_path / 'sources.list'}",
        f"-o Dir::Etc::SourceParts={tmp_path / 'parts'}",
    ]


def run_apt_get(
    options: list[str], *, timeout: int, **env: str
) -> subprocess.CompletedProcess[str]:
    script = f'source "{LIB}"; apt_get {" ".join(options)} update'
    return subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "APT_LOCK_TIMEOUT": str(timeout), **env},
        check=False,
    )


def test_plain_apt_get_update_fails_on_a_held_lock(
    apt_dirs: list[str], tmp_path: pathlib.Path
) -> None:
    """What the wrapper is for: apt-get update does not wait, even when asked."""
    fd = hold_lock(tmp_path / "lists" / "lock")
    try:
        result = subprocess.run(
            [
                "apt-get",
                "-o",
                "DPkg::Lock::Timeout=600",
                *" ".join(apt_dirs).split(),
                "update",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(fd)
    assert result.returncode != 0
    assert "Could not get lock" in result.stderr


def test_apt_get_update_waits_for_the_lists_lock(
    apt_dirs: list[str], tmp_path: pathlib.Path
) -> None:
    fd = hold_lock(tmp_path / "lists" / "lock")
    proc = subprocess.Popen(
        ["bash", "-c", f'source "{LIB}"; apt_get {" ".join(apt_dirs)} update'],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "APT_LOCK_TIMEOUT": "60", "APT_RETRY_EVERY": "0.2"},
    )
    try:
        assert proc.stderr is not None
        # It says that it waits, and keeps waiting while the lock is held.
        assert "apt is busy" in proc.stderr.readline()
        assert proc.poll() is None
    finally:
        os.close(fd)
        released = time.monotonic()
    _, errors = proc.communicate(timeout=60)
    assert proc.returncode == 0, errors
    assert "Could not get lock" not in errors
    assert time.monotonic() - released < 30


def test_apt_get_gives_up_after_the_timeout(
    apt_dirs: list[str], tmp_path: pathlib.Path
) -> None:
    fd = hold_lock(tmp_path / "lists" / "lock")
    try:
        start = time.monotonic()
        result = run_apt_get(apt_dirs, timeout=2, APT_RETRY_EVERY="0.2")
        elapsed = time.monotonic() - start
    finally:
        os.close(fd)
    assert result.returncode != 0
    assert "Could not get lock" in result.stderr
    assert 1.0 <= elapsed < 30  # bash counts whole seconds


def test_other_apt_errors_fail_at_once(apt_dirs: list[str]) -> None:
    start = time.monotonic()
    result = run_apt_get([*apt_dirs, "--no-such-option"], timeout=600)
    assert result.returncode != 0
    assert "apt is busy" not in result.stderr
    assert time.monotonic() - start < 30
