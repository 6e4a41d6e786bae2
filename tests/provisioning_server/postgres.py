"""A throw-away PostgreSQL server for the tests, from the distribution's package.

The server runs as the ``postgres`` user (the tests run as root inside the
userland) with its data in a temporary directory, listens on 127.0.0.1 on a
free port (another one if something takes it before the server binds it),
and is stopped and removed at the end, also when a test fails. Each pytest
worker starts its own server.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
import os
import pathlib
import pwd
import shutil
import socket
import subprocess
import tempfile

PG_ROOT = "/usr/lib/postgresql"


def find_bindir() -> pathlib.Path | None:
    """The newest installed PostgreSQL's binary directory."""
    found = [
        path
        for path in pathlib.Path(PG_ROOT).glob("*/bin")
        if (path / "pg_ctl").exists()
    ]
    found.sort(
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0
    )
    return found[-1] if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(*argv: str, check: bool = True) -> None:
    """Run a PostgreSQL program, as the ``postgres`` user when we are root."""
    user: dict[str, object] = {}
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        user = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    result = subprocess.run(argv, check=False, capture_output=True, **user)  # type: ignore[call-overload]
    if check and result.returncode:
        raise RuntimeError(
            f"{pathlib.Path(argv[0]).name} failed: {result.stderr.decode()[-2000:]}"
        )


@contextmanager
def postgres_server() -> Iterator[str]:
    """Start a server; yield the DSN of its ``postgres`` database."""
    bindir = find_bindir()
    if bindir is None:
        raise RuntimeError(
            f"PostgreSQL is not installed (run ./scripts/setup): no {PG_ROOT}/*/bin"
        )
    folder = pathlib.Path(tempfile.mkdtemp(prefix="provisioning-pg-"))
    data = folder / "data"
    data.mkdir()
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        for path in (folder, data):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    port = _free_port()
    started = False
    try:
        _as_postgres(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        started = True  # stop it even if start-up fails half-way
        for attempt in range(3):
            options = (
                f"-c listen_addresses=127.0.0.1 -p {port} -k {folder}"
                " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                " -c max_connections=200"
            )
            try:
                _as_postgres(
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(folder / "server.log"),
                    "-w",
                    "-t",
                    "60",
                    "start",
                )
                break
            except RuntimeError:
                # another process (a parallel test run) took the port meanwhile
                log = (folder / "server.log").read_text(errors="replace")
                if attempt == 2 or "Address already in use" not in log:
                    raise
                port = _free_port()
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            _as_postgres(
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-m",
                "immediate",
                "stop",
                check=False,
            )
        shutil.rmtree(folder, ignore_errors=True)
