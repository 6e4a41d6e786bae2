"""Command line: ``python -m virtual_coordinator serve|plug-in|leave|unplug|status|record``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import signal
import sys
from typing import Any

from .control import DEFAULT_CONTROL_PORT, ControlServer, send_request
from .ezsp import DEFAULT_PORT, VirtualCoordinator


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m virtual_coordinator", description=__doc__
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the virtual coordinator")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT)
    serve.add_argument(
        "--pty", action="store_true", help="serve on a pseudo-terminal instead of TCP"
    )
    serve.add_argument("--advertise", action="store_true", help="advertise over mDNS")
    serve.add_argument("--state", help="JSON file keeping the network across restarts")
    serve.add_argument("--ezsp-version", type=int, choices=(8, 13), default=8)
    serve.add_argument(
        "--radio",
        choices=("ezsp", "znp"),
        default="ezsp",
        help="ezsp: Silicon Labs EmberZNet; znp: TI Z-Stack 3.30 (MT)",
    )
    serve.add_argument("--control-host", default="127.0.0.1")
    serve.add_argument("--control-port", type=int, default=DEFAULT_CONTROL_PORT)
    serve.add_argument(
        "--key-timeout", type=float, default=300, help="transient key lifetime, seconds"
    )
    serve.add_argument(
        "--key-capacity", type=int, default=16, help="transient key table size"
    )
    serve.add_argument(
        "--no-wildcard-key",
        action="store_true",
        help="the wildcard well-known transient key does not admit devices under install-code-only policy",
    )
    serve.add_argument("--wrong-key", choices=("deny", "join_silent"), default="deny")
    serve.add_argument(
        "--rstack-on-connect",
        action="store_true",
        help="send RSTACK when a TCP host connects (as zigbeed does)",
    )
    serve.add_argument("-v", "--verbose", action="store_true")

    def control_args(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--control",
            default=f"127.0.0.1:{DEFAULT_CONTROL_PORT}",
            help="host:port of the control interface",
        )
        p.add_argument(
            "--control-port",
            type=int,
            help="port of the control interface on --control's host "
            "(the one `serve --control-port` chose)",
        )

    plug = sub.add_parser(
        "plug-in", help="power a virtual device on (it tries to join)"
    )
    plug.add_argument("--ieee", required=True)
    key = plug.add_mutually_exclusive_group()
    key.add_argument("--install-code")
    key.add_argument("--link-key")
    plug.add_argument("--manufacturer")
    plug.add_argument("--model")
    plug.add_argument(
        "--unresponsive",
        action="store_true",
        help="joins but never answers its interview",
    )
    control_args(plug)
    for name, text in (
        ("leave", "the device leaves the network"),
        ("unplug", "the device leaves and is forgotten"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--ieee", required=True)
        control_args(p)
    status = sub.add_parser(
        "status", help="show policy, keys, permit state and devices"
    )
    control_args(status)
    record = sub.add_parser("record", help="show the last events of the record")
    record.add_argument("-n", type=int, default=50)
    control_args(record)
    return parser


async def _serve(args: argparse.Namespace) -> None:
    coordinator: Any
    if args.radio == "znp":
        from .znp import ZnpCoordinator

        coordinator = ZnpCoordinator(
            state_file=args.state,
            key_table_capacity=args.key_capacity,
            wrong_key=args.wrong_key,
        )
        label = "Z-Stack 3.30, radio type znp"
    else:
        coordinator = VirtualCoordinator(
            ezsp_version=args.ezsp_version,
            state_file=args.state,
            key_timeout_s=args.key_timeout,
            key_table_capacity=args.key_capacity,
            wildcard_key_counts=not args.no_wildcard_key,
            wrong_key=args.wrong_key,
            rstack_on_connect=args.rstack_on_connect,
        )
        label = f"EZSP v{args.ezsp_version}"
    if args.pty:
        path = await coordinator.start_pty()
        print(f"Virtual coordinator on {path} ({label})", flush=True)
    else:
        host, port = await coordinator.start_tcp(args.host, args.port)
        print(
            f"Virtual coordinator on socket://{host}:{port} ({label})",
            flush=True,
        )
        if args.advertise:
            await coordinator.advertise()
            print(
                f"Advertised over mDNS, serial number {coordinator.serial_number}",
                flush=True,
            )
    control = ControlServer(coordinator)
    cport = await control.start(args.control_host, args.control_port)
    print(f"Control interface on {args.control_host}:{cport}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await control.stop()
    await coordinator.stop()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
        asyncio.run(_serve(args))
        return 0
    host, _, port = args.control.rpartition(":")
    if args.control_port is not None:
        port = str(args.control_port)
    request: dict[str, Any] = {"op": args.command.replace("-", "_")}
    if args.command == "plug-in":
        request.update(
            ieee=args.ieee,
            install_code=args.install_code,
            link_key=args.link_key,
            manufacturer=args.manufacturer,
            model=args.model,
            responsive=False if args.unresponsive else None,
        )
    elif args.command in ("leave", "unplug"):
        request["ieee"] = args.ieee
    elif args.command == "record":
        request["n"] = args.n
    answer = asyncio.run(send_request(request, host or "127.0.0.1", int(port)))
    print(json.dumps(answer, indent=2))
    return 0 if answer.get("ok") else 1


if __name__ == "__main__":
    sys.exit(main())
