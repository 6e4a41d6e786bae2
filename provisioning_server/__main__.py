"""Run the provisioning server command line: ``python -m provisioning_server``."""

from __future__ import annotations

import sys

from provisioning_server.cli import main

if __name__ == "__main__":
    sys.exit(main())
