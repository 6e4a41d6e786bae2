"""Remove a device from a zigpy network, its interview included.

zigpy tells its listeners that a device joined before it schedules the
device's interview, so a device removed right away (the guard does) is
interviewed anyway; zigpy forgets the device only once its leave request is
answered or timed out, and it never stops the interview of a device it forgot.
On a radio that retries each request, such an interview would talk to a
device that is gone for a minute or more, delaying every other request.

Rules:

- The device is removed by zigpy (``ControllerApplication.remove``), as ZHA
  removes one: leave request, listeners told, device forgotten.
- Once zigpy forgot that device object, its interview is cancelled
  (``Device.cancel_initialization``). A device that comes back is a new
  object, and its interview is left alone.
- The watch is a task of the zigpy application, so it ends with it, and it
  gives up after ``FORGET_LIMIT_S`` (zigpy's leave request waits 30 s at most).
"""

from __future__ import annotations

import asyncio

from zigpy.application import ControllerApplication
from zigpy.device import Device
from zigpy.types import EUI64

FORGET_POLL_S = 0.25
FORGET_LIMIT_S = 60.0


async def remove_device(application: ControllerApplication, ieee: EUI64) -> None:
    """Ask a device to leave, forget it, and stop its interview once forgotten."""
    device = application.devices.get(ieee)
    await application.remove(ieee)
    if isinstance(device, Device):
        application.create_task(
            _cancel_interview_once_forgotten(application, device),
            f"provisioning-removed-{ieee}",
        )


async def _cancel_interview_once_forgotten(
    application: ControllerApplication, device: Device
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + FORGET_LIMIT_S
    while application.devices.get(device.ieee) is device:
        if loop.time() >= deadline:
            return
        await asyncio.sleep(FORGET_POLL_S)
    device.cancel_initialization()
