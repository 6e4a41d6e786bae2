"""The suite's stop of Home Assistant's executor (``tests/conftest.py``)."""

from __future__ import annotations

import threading

from homeassistant.util.executor import InterruptibleThreadPoolExecutor

from tests.conftest import stop_executor


def _idle_executor(threads: int) -> InterruptibleThreadPoolExecutor:
    executor = InterruptibleThreadPoolExecutor(max_workers=threads)
    release = threading.Barrier(threads + 1)
    for _ in range(threads):
        executor.submit(release.wait)
    release.wait()  # every thread started and busy at once, then idle
    return executor


def test_idle_threads_stop_when_the_wake_up_token_was_lost() -> None:
    """A thread killed while it passed the one wake-up token on left the idle
    threads asleep (the harness' stop, in CI): the standard library's stop
    leaves them so, and ``stop_executor`` wakes them and they are gone."""
    executor = _idle_executor(8)
    executor._shutdown = True
    executor._work_queue.put(None)  # type: ignore[arg-type]
    executor._work_queue.get()  # the token, lost
    threads = list(executor._threads)
    for thread in threads:
        thread.join(0.2)
    assert all(thread.is_alive() for thread in threads)
    assert stop_executor(executor, 30) == []
    assert not any(thread.is_alive() for thread in threads)
