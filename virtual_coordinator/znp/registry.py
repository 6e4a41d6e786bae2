"""Which handler answers which MT request: ``@handles(c.SYS.Ping)`` on a method."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

HANDLER_ATTR = "_znp_handles"


def handles(*commands: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a method as the handler of these zigpy-znp commands' requests."""

    def mark(method: Callable[..., Any]) -> Callable[..., Any]:
        setattr(method, HANDLER_ATTR, [command.Req for command in commands])
        return method

    return mark


def collect(obj: object) -> dict[int, tuple[Any, Callable[..., Any]]]:
    """Map each request header to its request class and bound handler."""
    table: dict[int, tuple[Any, Callable[..., Any]]] = {}
    for name in dir(type(obj)):
        method = getattr(type(obj), name, None)
        for req_cls in getattr(method, HANDLER_ATTR, ()):
            table[int(req_cls.header)] = (req_cls, getattr(obj, name))
    return table
