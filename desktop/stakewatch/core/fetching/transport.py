"""The socket side of fetching: connections that report their sockets, so that a whole-request
deadline or an abort can cut every read, and the decoders and checks that work on raw reads.

Used by fetch.py (the watched list is per thread) and by channel sends (SocketWatch); any thread.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import socket
import sys
import threading
import zlib
from collections.abc import Callable
from typing import Any

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

watched = threading.local()


def _watch(sock: socket.socket | None) -> None:
    """Remember a socket the current fetch reads from, so the deadline can cut it."""
    sockets = getattr(watched, "sockets", None)
    if sockets is not None and sock is not None:
        sockets.append(sock)


class _WatchedHTTPConnection(HTTPConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        super().request(*args, **kwargs)
        _watch(self.sock)


class _WatchedHTTPSConnection(HTTPSConnection):
    def request(self, *args: Any, **kwargs: Any) -> None:
        super().request(*args, **kwargs)
        _watch(self.sock)


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class DeadlineAdapter(HTTPAdapter):
    """An adapter whose connections report their sockets, for the whole-request deadline."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        manager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
        return manager


def cut(sockets: list[socket.socket]) -> None:
    """The deadline passed: end every read of this fetch, even a server dripping its headers."""
    for sock in sockets:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class DeflateDecoder:
    """'deflate' is zlib-wrapped by the standard, raw deflate by some servers: accept both."""

    def __init__(self) -> None:
        self._inner: Any = None
        self._pending = b""

    def decompress(self, data: bytes, max_length: int) -> bytes:
        if self._inner is None:
            self._pending += data
            if len(self._pending) < 2:
                return b""
            first, second = self._pending[0], self._pending[1]
            wrapped = first & 0x0F == 8 and (first << 8 | second) % 31 == 0
            self._inner = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
            data, self._pending = self._pending, b""
        return bytes(self._inner.decompress(data, max_length))

    @property
    def unconsumed_tail(self) -> bytes:
        return bytes(self._inner.unconsumed_tail) if self._inner is not None else b""

    @property
    def eof(self) -> bool:
        return bool(self._inner is not None and self._inner.eof)

    def flush(self) -> bytes:
        return bytes(self._inner.flush()) if self._inner is not None else b""


def set_read_timeout(raw: Any, seconds: float) -> None:
    """Cut the next socket read at the deadline (urllib3 keeps its socket on `_connection`)."""
    sock = getattr(getattr(raw, "_connection", None), "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.settimeout(max(0.05, seconds))


# sockets a piece of work opens, wherever it runs: a context variable (copied into the worker threads
# of libraries that submit with a copy of the caller's context) and an audit hook on socket.connect
_opened: contextvars.ContextVar[list[socket.socket] | None] = contextvars.ContextVar("stakewatch_opened",
                                                                                     default=None)
_hook_lock = threading.Lock()
_hooked = False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "socket.connect":
        return
    sockets = _opened.get()
    if sockets is None:
        return
    with contextlib.suppress(Exception):  # an audit hook must never break a connection
        # a duplicate of the descriptor reaches the same connection even after TLS takes the socket over
        sockets.append(socket.socket(fileno=os.dup(args[0].fileno())))


class SocketWatch:
    """Every socket connected by the work run through `run` (its own thread and the worker threads a
    library starts with a copy of its context), so that `cut` can end them all at a deadline. Any thread."""

    def __init__(self) -> None:
        global _hooked
        with _hook_lock:
            if not _hooked:
                sys.addaudithook(_audit)
                _hooked = True
        self.sockets: list[socket.socket] = []

    def run(self, job: Callable[[], Any]) -> Any:
        _opened.set(self.sockets)
        return job()

    def cut(self) -> None:
        cut(list(self.sockets))

    def close(self) -> None:
        for sock in list(self.sockets):
            with contextlib.suppress(OSError):
                sock.close()
        self.sockets.clear()
