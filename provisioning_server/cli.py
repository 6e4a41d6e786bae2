"""Command line: ``python -m provisioning_server [--db FILE] COMMAND ...``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
import json
import logging
import pathlib
import sys
from typing import TextIO

from provisioning_server import __version__
from provisioning_server.store import DeviceStatus, Store, StoreError
from provisioning_server.validation import (
    ValidationError,
    normalize_ieee,
    parse_devices_csv,
)

DEFAULT_DB = "provisioning.db"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080


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


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser."""
    parser = argparse.ArgumentParser(
        prog="python -m provisioning_server",
        description="Reference provisioning server for Device Provisioning hubs.",
    )
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument(
        "--db", default=DEFAULT_DB, help=f"SQLite database file (default {DEFAULT_DB})"
    )
    _add_serve_options(parser, defaults=True)
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", default=argparse.SUPPRESS, help="SQLite database")
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

    imp = commands.add_parser(
        "import", parents=[db_option], help="import devices from a CSV file"
    )
    imp.add_argument("hub_id", metavar="HUB_ID")
    imp.add_argument("csv_file", metavar="CSV", type=pathlib.Path)

    revoke = commands.add_parser("revoke", parents=[db_option], help="revoke a device")
    revoke.add_argument("hub_id", metavar="HUB_ID")
    revoke.add_argument("ieee", metavar="IEEE")

    status = commands.add_parser(
        "status", parents=[db_option], help="show each device's last reported status"
    )
    status.add_argument("hub_id", metavar="HUB_ID")
    status.add_argument("--json", action="store_true", help="print JSON")
    return parser


def format_status(rows: Sequence[DeviceStatus]) -> str:
    """Return a table of devices and their last reported status."""
    header = ("IEEE", "NAME", "AREA", "STATE", "LAST STATUS", "AT")
    lines = [
        (
            row.ieee,
            row.name or "-",
            row.area or "-",
            row.state,
            row.status or "not reported",
            row.at or "-",
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


def _serve(args: argparse.Namespace, store: Store) -> int:
    from aiohttp import web

    from provisioning_server.app import create_app

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    web.run_app(
        create_app(store, page_size=args.page_size),
        host=args.host,
        port=args.port,
        access_log_format='%a "%r" %s %b %Tf',
    )
    return 0


def _run(args: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    command = args.command or "serve"
    if command == "serve":
        return _serve(args, store)
    if command == "hub":
        if args.hub_command == "add":
            hub = store.add_hub(args.hub_id)
            print(f"created hub {hub.hub_id}", file=out)
        else:
            for hub in store.list_hubs():
                print(f"{hub.hub_id}\trevision {hub.revision}", file=out)
        return 0
    if command == "token":
        if args.token_command == "add":
            info, token = store.add_token(args.hub_id, args.label)
            print(
                f"token {info.token_id} for hub {info.hub_id} (shown only once):",
                file=err,
            )
            print(token, file=out)
        elif args.token_command == "list":
            for info in store.list_tokens(args.hub_id):
                print(
                    f"{info.token_id}\t{info.hint}\t{info.created_at}\t{info.label or ''}",
                    file=out,
                )
        else:
            if not store.remove_token(args.hub_id, args.token_id):
                print(
                    f"error: no token {args.token_id} for hub {args.hub_id}", file=err
                )
                return 1
            print(f"removed token {args.token_id}", file=out)
        return 0
    if command == "import":
        try:
            text = args.csv_file.read_text(encoding="utf-8-sig")
        except OSError as exc:
            print(f"error: cannot read {args.csv_file}: {exc.strerror}", file=err)
            return 1
        parsed = parse_devices_csv(text)
        for line, message in parsed.errors:
            print(f"{args.csv_file}:{line}: {message}", file=err)
        result = store.import_devices(args.hub_id, parsed.devices)
        print(
            f"imported {len(parsed.devices)} devices ({result.added} added,"
            f" {result.updated} updated, {result.unchanged} unchanged),"
            f" {sum(1 for line, _ in parsed.errors if line > 1)} lines rejected;"
            f" revision {result.revision}",
            file=out,
        )
        return 3 if parsed.errors else 0
    if command == "revoke":
        ieee = normalize_ieee(args.ieee)
        if store.revoke_device(args.hub_id, ieee):
            print(f"revoked {ieee}", file=out)
        else:
            print(f"{ieee} was already revoked", file=out)
        return 0
    rows = store.device_status(args.hub_id)
    if args.json:
        print(json.dumps([_status_dict(row) for row in rows], indent=2), file=out)
    else:
        print(format_status(rows), file=out)
    return 0


def _status_dict(row: DeviceStatus) -> dict[str, str | None]:
    return {
        "ieee": row.ieee,
        "name": row.name,
        "area": row.area,
        "state": row.state,
        "status": row.status,
        "at": row.at,
    }


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
    store = Store(args.db)
    try:
        return _run(args, store, out, err)
    except (StoreError, ValidationError) as exc:
        print(f"error: {exc}", file=err)
        return 1
    finally:
        store.close()
