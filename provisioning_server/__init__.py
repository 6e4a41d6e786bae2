"""Reference provisioning server for the Device Provisioning integration.

Suppliers and building-management systems use it to provision hubs centrally:
each hub fetches its list of admitted Zigbee and Z-Wave SmartStart devices over
HTTP and reports how joining went.  The wire contract is documented in ``docs/provisioning-api.yaml``.

The package depends only on aiohttp and the standard library; asyncpg is needed
for PostgreSQL (``--db postgresql://...``), and zigpy is used for install-code
validation when it is installed.

Modules: ``store`` (the storage interface, SQLite and PostgreSQL backends),
``api`` (the hub endpoints, the management API, long polling, serving),
``validation`` (what the store accepts), ``zwave`` (the server's own reader of
Z-Wave DSKs, security classes and SmartStart QR codes), ``errors`` (the error
of bad input), ``cli`` (the command line).
"""

from __future__ import annotations

__version__ = "1.2.0"
