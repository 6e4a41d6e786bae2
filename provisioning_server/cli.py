"""Command line: ``python -m provisioning_server [--db DB] COMMAND ...``.

Rules:

* ``--db`` is a SQLite file (default) or a ``postgresql://`` URL; every command
  goes through the same :class:`~provisioning_server.store.AsyncStore` code
  as the HTTP API.
* Nothing read from the database or a file reaches the terminal with its
  control characters: ESC sequences, C1 controls and bidirectional overrides
  in names, labels or ids are removed before printing.
* Devices are Zigbee (``ieee``) or Z-Wave (``dsk`` or ``qr_code`` columns);
  a Z-Wave device is named by its masked DSK, and no output shows a PIN.
* Bad input ends with ``error: ...`` (or ``FILE:LINE: ...``) and exit status
  1 (3 when an import rejected lines), never with a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Sequence
import json
import logging
import pathlib
import signal
import sys
from typing import TextIO
import unicodedata

from provisioning_server import __version__
from provisioning_server.store import (
    AsyncStore,
    DeviceStatus,
    ItemsError,
    StoreError,
    open_store,
)
from provisioning_server.validation import (
    CsvLineError,
    ValidationError,
    decode_csv_bytes,
    normalize_device_id,
    parse_devices_csv,
)

DEFAULT_DB = "provisioning.db"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080
DEFAULT_MAX_WAIT = 60
DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_BODY_TIMEOUT = 60.0
DB_HELP = "SQLite database file or postgresql:// URL"


def clean(text: str, *, keep_layout: bool = False) -> str:
    """Remove control and format characters (ESC, C1, bidi overrides)."""
    allowed = "\n\t" if keep_layout else ""
    return "".join(
        char
        for char in text
        if char in allowed or unicodedata.category(char) not in {"Cc", "Cf"}
    )


def _print(text: str, file: TextIO) -> None:
    print(clean(text, keep_layout=True), file=file)


def _seconds(text: str) -> float:
    """A positive number of seconds (argparse type)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 3600")
    return value


def _add_serve_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "--host",
        default=default(DEFAULT_HOST),
        help=f"address to listen on (default {DEFAULT_HOST})",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=default(DEFAULT_PORT),
        help=f"port to listen on (default {DEFAULT_PORT})",
    )
    parser.add_argument(
        "--page-size",
        type=int,
        default=default(1000),
        help="devices per page of GET .../devices (default 1000)",
    )
    parser.add_argument(
        "--max-wait",
        type=int,
        default=default(DEFAULT_MAX_WAIT),
        help=f"longest long poll in seconds (default {DEFAULT_MAX_WAIT})",
    )
    parser.add_argument(
        "--header-timeout",
        type=_seconds,
        default=default(DEFAULT_HEADER_TIMEOUT),
        help="seconds a request's line and headers may take to arrive; slower "
        f"ones answer 408 (default {DEFAULT_HEADER_TIMEOUT:g})",
    )
    parser.add_argument(
        "--body-timeout",
        type=_seconds,
        default=default(DEFAULT_BODY_TIMEOUT),
        help="seconds a request body may take to arrive; slower ones answer 408 "
        f"(default {DEFAULT_BODY_TIMEOUT:g})",
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser."""
    parser = argparse.ArgumentParser(
        prog="python -m provisioning_server",
        description="Reference provisioning server for Device Provisioning hubs.",
    )
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument(
        "--db", default=DEFAULT_DB, help=f"{DB_HELP} (default {DEFAULT_DB})"
    )
    _add_serve_options(parser, defaults=True)
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", default=argparse.SUPPRESS, help=DB_HELP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = commands.add_parser("serve", parents=[db_option], help="run the HTTP API")
    _add_serve_options(serve, defaults=False)

    hub = commands.add_parser("hub", help="manage hubs")
    hub_commands = hub.add_subparsers(dest="hub_command", required=True)
    hub_add = hub_commands.add_parser("add", parents=[db_option], help="create a hub")
    hub_add.add_argument("hub_id", metavar="HUB_ID")
    hub_commands.add_parser("list", parents=[db_option], help="list hubs")

    token = commands.add_parser("token", help="manage a hub's API tokens")
    token_commands = token.add_subparsers(dest="token_command", required=True)
    token_add = token_commands.add_parser(
        "add", parents=[db_option], help="create a token (printed once)"
    )
    token_add.add_argument("hub_id", metavar="HUB_ID")
    token_add.add_argument("--label", help="note to recognise the token by")
    token_list = token_commands.add_parser(
        "list", parents=[db_option], help="list tokens"
    )
    token_list.add_argument("hub_id", metavar="HUB_ID")
    token_remove = token_commands.add_parser(
        "remove", parents=[db_option], help="delete a token"
    )
    token_remove.add_argument("hub_id", metavar="HUB_ID")
    token_remove.add_argument("token_id", metavar="TOKEN_ID", type=int)

    admin = commands.add_parser(
        "admin-token", help="manage tokens of the management API"
    )
    admin_commands = admin.add_subparsers(dest="admin_command", required=True)
    admin_add = admin_commands.add_parser(
        "add", parents=[db_option], help="create an admin token (printed once)"
    )
    admin_add.add_argument("--label", help="note to recognise the token by")
    admin_commands.add_parser("list", parents=[db_option], help="list admin tokens")
    admin_remove = admin_commands.add_parser(
        "remove", parents=[db_option], help="delete an admin token"
    )
    admin_remove.add_argument("token_id", metavar="TOKEN_ID", type=int)

    imp = commands.add_parser(
        "import", parents=[db_option], help="import devices from a CSV file"
    )
    imp.add_argument("hub_id", metavar="HUB_ID")
    imp.add_argument("csv_file", metavar="CSV", type=pathlib.Path)

    revoke = commands.add_parser("revoke", parents=[db_option], help="revoke a device")
    revoke.add_argument("hub_id", metavar="HUB_ID")
    revoke.add_argument(
        "ieee", metavar="DEVICE", help="IEEE address, or masked DSK (xxxxx-...)"
    )

    status = commands.add_parser(
        "status", parents=[db_option], help="show each device's last reported status"
    )
    status.add_argument("hub_id", metavar="HUB_ID")
    status.add_argument("--json", action="store_true", help="print JSON")
    return parser


def format_status(rows: Sequence[DeviceStatus]) -> str:
    """Return a table of devices and their last reported status."""
    zwave = any(row.technology == "zwave" for row in rows)
    header = (
        "DEVICE" if zwave else "IEEE",
        "NAME",
        "AREA",
        "STATE",
        "LAST STATUS",
        "AT",
    )
    lines = [
        tuple(
            clean(cell)
            for cell in (
                row.ieee,
                row.name or "-",
                row.area or "-",
                row.state,
                row.status or "not reported",
                row.at or "-",
            )
        )
        for row in rows
    ]
    widths = [
        max(len(str(cell)) for cell in column)
        for column in zip(header, *lines, strict=False)
    ]
    return "\n".join(
        "  ".join(
            cell.ljust(width) for cell, width in zip(line, widths, strict=True)
        ).rstrip()
        for line in [header, *lines]
    )


def _serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from provisioning_server.api import create_app
    from provisioning_server.api.serving import serving

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )

    async def main() -> None:
        store = await open_store(args.db)
        try:
            app: web.Application = create_app(
                store,
                page_size=args.page_size,
                max_wait=args.max_wait,
                body_timeout=args.body_timeout,
            )
            async with serving(
                app, args.host, args.port, header_timeout=args.header_timeout
            ) as url:
                logging.getLogger(__name__).info("Serving on %s", url)
                stop = asyncio.Event()
                loop = asyncio.get_running_loop()
                for sig in (signal.SIGINT, signal.SIGTERM):
                    loop.add_signal_handler(sig, stop.set)
                await stop.wait()
        finally:
            await store.close()

    asyncio.run(main())
    return 0


async def _hub(args: argparse.Namespace, store: AsyncStore, out: TextIO) -> int:
    if args.hub_command == "add":
        hub = await store.add_hub(args.hub_id)
        _print(f"created hub {hub.hub_id}", out)
    else:
        for hub in await store.list_hubs():
            _print(f"{clean(hub.hub_id)}\trevision {hub.revision}", out)
    return 0


async def _token(
    args: argparse.Namespace, store: AsyncStore, out: TextIO, err: TextIO
) -> int:
    if args.token_command == "add":
        info, token = await store.add_token(args.hub_id, args.label)
        _print(f"token {info.token_id} for hub {info.hub_id} (shown only once):", err)
        _print(token, out)
    elif args.token_command == "list":
        for info in await store.list_tokens(args.hub_id):
            _print(
                f"{info.token_id}\t{info.hint}\t{info.created_at}"
                f"\t{clean(info.label or '')}",
                out,
            )
    elif not await store.remove_token(args.hub_id, args.token_id):
        _print(f"error: no token {args.token_id} for hub {args.hub_id}", err)
        return 1
    else:
        _print(f"removed token {args.token_id}", out)
    return 0


async def _admin_token(
    args: argparse.Namespace, store: AsyncStore, out: TextIO, err: TextIO
) -> int:
    if args.admin_command == "add":
        info, token = await store.add_admin_token(args.label)
        _print(f"admin token {info.token_id} (shown only once):", err)
        _print(token, out)
    elif args.admin_command == "list":
        for info in await store.list_admin_tokens():
            _print(
                f"{info.token_id}\t{info.hint}\t{info.created_at}"
                f"\t{clean(info.label or '')}",
                out,
            )
    elif not await store.remove_admin_token(args.token_id):
        _print(f"error: no admin token {args.token_id}", err)
        return 1
    else:
        _print(f"removed admin token {args.token_id}", out)
    return 0


async def _import(
    args: argparse.Namespace, store: AsyncStore, out: TextIO, err: TextIO
) -> int:
    try:
        data = await asyncio.to_thread(args.csv_file.read_bytes)
    except OSError as exc:
        _print(f"error: cannot read {args.csv_file}: {exc.strerror}", err)
        return 1
    try:
        text = decode_csv_bytes(data)
    except CsvLineError as exc:
        _print(f"{args.csv_file}:{exc.line}: {exc.message}", err)
        return 1
    parsed = parse_devices_csv(text)
    for line, message in parsed.errors:
        _print(f"{args.csv_file}:{line}: {message}", err)
    try:
        result = await store.import_devices(args.hub_id, parsed.devices)
    except ItemsError as exc:
        for index, message in exc.errors:
            _print(f"{args.csv_file}:{parsed.lines[index]}: {message}", err)
        _print("error: nothing was imported", err)
        return 1
    _print(
        f"imported {len(parsed.devices)} devices ({result.added} added,"
        f" {result.updated} updated, {result.unchanged} unchanged),"
        f" {sum(1 for line, _ in parsed.errors if line > 1)} lines rejected;"
        f" revision {result.revision}",
        out,
    )
    return 3 if parsed.errors else 0


async def _run(
    args: argparse.Namespace, store: AsyncStore, out: TextIO, err: TextIO
) -> int:
    command = args.command
    if command == "hub":
        return await _hub(args, store, out)
    if command == "token":
        return await _token(args, store, out, err)
    if command == "admin-token":
        return await _admin_token(args, store, out, err)
    if command == "import":
        return await _import(args, store, out, err)
    if command == "revoke":
        ieee = normalize_device_id(args.ieee)
        if await store.revoke_device(args.hub_id, ieee):
            _print(f"revoked {ieee}", out)
        else:
            _print(f"{ieee} was already revoked", out)
        return 0
    rows = await store.device_status(args.hub_id)
    if args.json:
        _print(json.dumps([row.to_json() for row in rows], indent=2), out)
    else:
        _print(format_status(rows), out)
    return 0


async def _main(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        store = await open_store(args.db)
    except StoreError as exc:
        _print(f"error: {exc}", err)
        return 1
    try:
        return await _run(args, store, out, err)
    except (StoreError, ValidationError) as exc:
        _print(f"error: {exc}", err)
        return 1
    finally:
        await store.close()


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the command line; return the exit status.

    Exit status: 0 success, 1 error, 2 usage error, 3 import finished with rejected lines.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    if (args.command or "serve") == "serve":
        return _serve(args)
    return asyncio.run(_main(args, out, err))
