"""Command line: ``python -m virtual_zwave serve|device add|device power|status``.

- ``serve`` starts the virtual controller and a real Z-Wave JS server, prints
  their addresses, and runs until interrupted.
- ``device add`` creates a virtual SmartStart device and prints its label (QR
  text, DSK, PIN); ``--variant`` makes one that fails S2 bootstrapping
  (``s2-fail``), never answers the inclusion (``silent``), or whose label does
  not match its key (``wrong-label``).
- ``device power ID`` powers a device on: it sends SmartStart inclusion
  requests until it is included; ``device off ID`` stops it asking.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import pathlib
import signal
import sys
import tempfile
import threading
from typing import Any

from .label import SmartStartLabel
from .runner import (
    DEFAULT_CONTROL_PORT,
    DEFAULT_SERIAL_PORT,
    DEFAULT_SERVER_PORT,
    ControlError,
    VirtualZWave,
    control_request,
)

VARIANTS = ("normal", "s2-fail", "silent", "wrong-label")


def label_of(device: dict[str, Any]) -> SmartStartLabel:
    """The label printed on a device the control port described."""
    return SmartStartLabel(
        dsk=device["label_dsk"],
        requested_security_classes=tuple(device["requested_security_classes"]),
        generic_device_class=device["generic_device_class"],
        specific_device_class=device["specific_device_class"],
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m virtual_zwave", description=__doc__
    )
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the controller and a Z-Wave JS server")
    serve.add_argument(
        "--port", type=int, default=DEFAULT_SERVER_PORT, help="Z-Wave JS server port"
    )
    serve.add_argument("--serial-port", type=int, default=DEFAULT_SERIAL_PORT)
    serve.add_argument("--control-port", type=int, default=DEFAULT_CONTROL_PORT)
    serve.add_argument(
        "--data",
        help="folder for logs, the driver's cache and the network keys, kept "
        "for the next run (default: a temporary one)",
    )
    serve.add_argument(
        "--home-id",
        type=lambda text: int(text, 16),
        help="the controller's home ID, 8 hex digits (default: a random one)",
    )
    serve.add_argument(
        "--retry-interval",
        type=float,
        default=4.0,
        help="seconds between a device's inclusion requests",
    )

    def control_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--control-port", type=int, default=DEFAULT_CONTROL_PORT)
        p.add_argument("--json", action="store_true", help="print the answer as JSON")

    device = sub.add_parser("device", help="virtual SmartStart devices")
    device_sub = device.add_subparsers(dest="device_command", required=True)
    add = device_sub.add_parser("add", help="create a device and print its label")
    add.add_argument("--variant", choices=VARIANTS, default="normal")
    control_args(add)
    power = device_sub.add_parser("power", help="power a device on")
    power.add_argument("id")
    control_args(power)
    off = device_sub.add_parser("off", help="power a device off (it stops asking)")
    off.add_argument("id")
    control_args(off)

    status = sub.add_parser("status", help="the controller and its devices")
    control_args(status)
    return parser


def _serve(args: argparse.Namespace) -> int:
    with contextlib.ExitStack() as stack:
        if args.data:
            workdir = pathlib.Path(args.data)
        else:
            workdir = pathlib.Path(stack.enter_context(tempfile.TemporaryDirectory()))
        zwave = VirtualZWave(
            workdir,
            server_port=args.port,
            serial_port=args.serial_port,
            control_port=args.control_port,
            retry_interval=args.retry_interval,
            home_id=args.home_id,
        )
        stopping = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stopping.set())
        zwave.start()
        stack.callback(zwave.stop)
        print(f"Z-Wave JS server: {zwave.url}")
        print(f"Virtual controller serial port: {zwave.serial_url}")
        print(f"Control port: 127.0.0.1:{zwave.control_port}")
        print(f"Logs: {workdir}")
        sys.stdout.flush()
        stopping.wait()
    return 0


def _request(args: argparse.Namespace) -> dict[str, Any]:
    if args.command == "status":
        return {"op": "status"}
    if args.device_command == "add":
        return {"op": "add_device", "variant": args.variant.replace("-", "_")}
    if args.device_command == "off":
        return {"op": "power_off", "id": args.id}
    return {"op": "power", "id": args.id}


def _print(args: argparse.Namespace, answer: dict[str, Any]) -> None:
    if args.command == "status":
        print(json.dumps(answer, indent=2))
    elif args.device_command == "add":
        device = answer["device"]
        if args.json:
            print(json.dumps(device | {"qr": label_of(device).qr()}, indent=2))
        else:
            print(f"Device {device['id']} ({device['variant']})")
            print(label_of(device).text())
    elif args.json:
        print(json.dumps(answer, indent=2))
    elif args.device_command == "off":
        print(f"Device {args.id} powered off")
    else:
        heard = (
            "heard" if answer["sent"] else "not heard yet (controller not listening)"
        )
        print(f"Device {args.id} powered on; inclusion request {heard}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    try:
        answer = control_request("127.0.0.1", args.control_port, _request(args))
    except ControlError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(
            f"error: no virtual Z-Wave controller on 127.0.0.1:{args.control_port} ({err})",
            file=sys.stderr,
        )
        return 1
    _print(args, answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
