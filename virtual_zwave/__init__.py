"""A virtual Z-Wave controller for development and tests.

zwave-js's own mock controller (``@zwave-js/testing``) runs in Node.js behind a
TCP serial port on 127.0.0.1, and a real ``@zwave-js/server`` drives it, so a
real zwave-js driver and its WebSocket API are what a client talks to.

Rules:
- Everything listens on 127.0.0.1 only; nothing is advertised over mDNS.
- The Node.js packages are pinned by ``node/package.json`` and
  ``node/package-lock.json`` and installed with ``npm ci`` into the cache.
- A virtual device's DSK is its own S2 public key (first 16 bytes); its label
  (SmartStart QR text and DSK) is printed from that key, except for the
  ``wrong_label`` variant, whose label differs from its key on purpose (same
  PIN and NWI home ID, another second group).
- The network keys of a run are random and never printed.
"""
