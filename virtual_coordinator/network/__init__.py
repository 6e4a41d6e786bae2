"""The radio-independent network model both front-ends (``ezsp``, ``znp``) run.

Layers point down only: the front-ends import this package; nothing here
imports a front-end or a host stack (zigpy's types and ZCL/ZDO schemas only).

- ``record``: the record of events and waiting on it.
- ``trust_center``: policy, transient keys, permit window, join decisions.
- ``device``: virtual devices and their answers to ZDO and ZCL (the interview).
- ``joins``: power on, join, rejoin, leave, unplug, applied to the network.
- ``persistence``: state files (atomic writes, the coordinator IEEE).
"""
