"""The error of bad input, shared by every validating module.

Rules:

* :class:`ValidationError` is the only exception bad input raises; its
  message never repeats a token, install code, key or DSK.
"""

from __future__ import annotations


class ValidationError(ValueError):
    """A value does not have the expected form; the message holds no secrets."""
