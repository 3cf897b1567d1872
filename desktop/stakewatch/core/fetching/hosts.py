"""Politeness per host: one request in flight to a host at a time, and a minimum spacing between
the starts of two requests to it. Requests to one host queue and go out spaced, not bunched.

A `HostGate` lives as long as its poller (across cycles); it can be told when each host was last
asked (from the store, so the spacing holds across restarts and between the tray and the CLI).
Thread-safe: fetch workers enter `slot(url)` concurrently.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit


def host_of(url: str) -> str:
    """The host name a request to `url` goes to, lower case ('' when there is none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class HostGate:
    """Spaces requests per host. `clock` is wall-clock seconds; `wait(seconds)` sleeps and returns
    False when the wait was cut short (the cycle is stopping)."""

    def __init__(self, spacing: float, clock: Callable[[], float] = time.time,
                 wait: Callable[[float], bool] | None = None) -> None:
        self.spacing = spacing
        self.clock = clock
        self._wait = wait or (lambda seconds: not threading.Event().wait(seconds))
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._started: list[tuple[str, float]] = []

    def seed(self, last: dict[str, float]) -> None:
        """Hosts' last request starts known from elsewhere (the store)."""
        with self._lock:
            for host, moment in last.items():
                self._last[host] = max(self._last.get(host, 0.0), moment)

    def free_at(self, url: str) -> float:
        """When the next request to `url`'s host may start (wall-clock seconds)."""
        with self._lock:
            return self._last.get(host_of(url), 0.0) + self.spacing

    def slot(self, url: str, stop: Callable[[], bool] | None = None) -> HostSlot:
        """A hold on the host of `url` for one request at a time (reusable: `with slot:` per request)."""
        return HostSlot(self, host_of(url), stop)

    def _enter(self, host: str, stop: Callable[[], bool] | None) -> threading.Lock:
        with self._lock:
            lock = self._hosts.setdefault(host, threading.Lock())
        lock.acquire()
        while True:
            with self._lock:
                remaining = self._last.get(host, 0.0) + self.spacing - self.clock()
            if remaining <= 0 or (stop is not None and stop()) or not self._wait(min(remaining, 1.0)):
                break
        with self._lock:
            now = self.clock()
            self._last[host] = now
            self._started.append((host, now))
        return lock

    def drain(self) -> list[tuple[str, float]]:
        """The (host, start) of every request since the last drain, to be recorded."""
        with self._lock:
            started, self._started = self._started, []
        return started


class HostSlot:
    """One request at a time to a host, spaced from the one before. Not reentrant."""

    def __init__(self, gate: HostGate, host: str, stop: Callable[[], bool] | None) -> None:
        self.gate, self.host, self.stop = gate, host, stop
        self._held: list[threading.Lock] = []

    def __enter__(self) -> None:
        self._held.append(self.gate._enter(self.host, self.stop))

    def __exit__(self, *_exc: object) -> None:
        self._held.pop().release()
