"""zwave-js's own QR code and DSK parsers, run in Node for the differential tests.

- ``@zwave-js/core`` is installed with ``npm ci`` from the committed
  ``node/package.json`` and ``node/package-lock.json``, once, into
  ``.cache/zwave-js-core/<version>-<digest>/`` (a file lock keeps parallel runs
  from installing twice), with ``node/parse.mjs`` beside it.
- One Node process reads a whole batch of inputs (JSON on stdin) and answers
  them all (JSON on stdout), so thousands of codes take well under a second.
"""

from __future__ import annotations

import json
import pathlib
import subprocess
from typing import Any

from tests.npm_cache import npm_ci

HERE = pathlib.Path(__file__).resolve().parent / "node"
ZWAVE_JS_VERSION = "15.29.0"
FILES = ("package.json", "package-lock.json", "parse.mjs")


def install_zwave_js_core() -> pathlib.Path:
    """Install the pinned ``@zwave-js/core`` once; return the batch script."""
    target = npm_ci("zwave-js-core", ZWAVE_JS_VERSION, [HERE / name for name in FILES])
    return target / "parse.mjs"


class ZwaveJs:
    """Runs batches through zwave-js's ``parseQRCodeString`` and DSK parser."""

    def __init__(self, script: pathlib.Path) -> None:
        self.script = script

    def run(self, items: list[dict[str, str]]) -> list[dict[str, Any]]:
        """Answer each ``{"qr": text}`` or ``{"dsk": text}`` in one Node call."""
        result = subprocess.run(
            ["node", str(self.script)],
            input=json.dumps(items),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode:
            raise RuntimeError(f"node failed: {result.stderr[-2000:]}")
        answers: list[dict[str, Any]] = json.loads(result.stdout)
        assert len(answers) == len(items)
        return answers

    def parse_qr(self, texts: list[str]) -> list[dict[str, Any]]:
        """zwave-js's answers for QR code texts."""
        return self.run([{"qr": text} for text in texts])

    def parse_dsk(self, texts: list[str]) -> list[dict[str, Any]]:
        """zwave-js's answers for DSK texts (``isValidDSK``, ``dskFromString``)."""
        return self.run([{"dsk": text} for text in texts])
