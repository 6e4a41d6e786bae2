"""Rewrite secrets out of other libraries' log records, whatever the radio.

Each technology knows what its secrets look like in its libraries' logs (a
link key in an EZSP dump, a DSK in a Z-Wave JS message); this module holds
what they share: a filter that rewrites a record and the installer that puts
it on the libraries' loggers.

Rules:

- A record is never dropped. Its text is rewritten once the arguments are
  merged in, and only when something was masked, so the other records keep
  their arguments for the handlers.
- A malformed logging call (arguments that do not fit the message) is left for
  the handler to report, as logging does, with its arguments rewritten.
- A filter applies to the records of its own logger only (Python does not pass
  filters down to child loggers), so it goes on every logger named, and on
  each existing logger under one of the given prefixes.
"""

from __future__ import annotations

from collections.abc import Iterable
import logging


class RewritingFilter(logging.Filter):
    """A log filter that rewrites a record's text with ``rewrite``."""

    def active(self) -> bool:
        """Return whether there is anything to rewrite yet."""
        return True

    def rewrite(self, text: str) -> str:
        """Return the text with its secrets masked."""
        raise NotImplementedError

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record if it shows a secret; never drop it."""
        if not self.active():
            return True
        try:
            message = record.getMessage()
        except TypeError, ValueError:
            if isinstance(record.args, tuple):
                record.args = tuple(self.rewrite(str(arg)) for arg in record.args)
            return True
        rewritten = self.rewrite(message)
        if rewritten != message:
            record.msg = rewritten
            record.args = ()
        return True


def install_filter(
    log_filter: logging.Filter,
    names: Iterable[str],
    prefixes: tuple[str, ...] = (),
) -> None:
    """Put the filter, once, on the named loggers and the existing ones under prefixes."""
    existing = (
        [
            name
            for name in list(logging.Logger.manager.loggerDict)
            if name.startswith(prefixes)
        ]
        if prefixes
        else []
    )
    for name in (*names, *existing):
        logger = logging.getLogger(name)
        if log_filter not in logger.filters:
            logger.addFilter(log_filter)
