"""The suite's own guard: nothing reaches past loopback."""

from __future__ import annotations

import socket

import pytest

import conftest


def test_a_lookup_past_loopback_is_refused_and_noted():
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("kokkai.ndl.go.jp", 443)
    assert conftest._PAST_LOOPBACK == ["looked up 'kokkai.ndl.go.jp'"]
    conftest._PAST_LOOPBACK.clear()


def test_a_connection_past_loopback_is_refused_and_noted():
    with socket.socket() as sock, pytest.raises(OSError):
        sock.connect(("192.0.2.1", 80))
    assert conftest._PAST_LOOPBACK == ["connected to '192.0.2.1'"]
    conftest._PAST_LOOPBACK.clear()


def test_loopback_and_example_names_pass():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=2):
            pass
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("feeds.example", 80)
    assert conftest._PAST_LOOPBACK == []
