"""Reference provisioning server for the Device Provisioning integration.

Suppliers and building-management systems use it to provision hubs centrally:
each hub fetches its list of admitted Zigbee devices over HTTP and reports how
joining went.  The wire contract is documented in ``docs/provisioning-api.yaml``.

The package depends only on aiohttp and the standard library; zigpy is used for
install-code validation when it is installed.
"""

from __future__ import annotations

__version__ = "1.0.0"
