"""A PDF that costs minutes of CPU inside one page: its text is read by a child process that is killed
at the hard deadline, and at once when the cycle is cancelled (quitting), never in the app's process."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import pytest
from recorder import Answer, RecordingServer
from slowpdf import MARKER, slow_pdf

from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service.poller import Poller
from stakewatch.core.sources.page import PageKind
from stakewatch.core.sources.pdf import pdf_text
from stakewatch.core.store.database import Store


def _workers() -> list[int]:
    """This process's children that are PDF workers (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("PPid:")), 0)
        if parent == os.getpid() and b"stakewatch.core.platform.worker" in command:
            found.append(int(entry.name))
    return found


def test_a_pdf_costing_minutes_is_cut_at_the_hard_deadline(caplog: pytest.LogCaptureFixture):
    assert MARKER in pdf_text(slow_pdf(200))  # the same kind of file, small: read whole
    expensive = slow_pdf()
    assert len(expensive) < 64 * 1024
    with caplog.at_level(logging.INFO, logger="stakewatch.pdf"):
        assert pdf_text(expensive, max_seconds=1) == ""
    assert any("PDF text not read: deadline" in r.getMessage() for r in caplog.records)
    assert _workers() == []


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="counts child processes through /proc")
def test_quitting_kills_the_pdf_worker_at_once(store: Store, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture):
    monkeypatch.setattr(PageKind, "PDF_SECONDS", 600.0)
    server = RecordingServer().start()
    try:
        listing = b'<html><body><a href="/release.pdf">Sora 2 release</a></body></html>'
        server.answers["/list"] = Answer(200, listing, {"Content-Type": "text/html; charset=utf-8"})
        server.answers["/release.pdf"] = Answer(200, slow_pdf(), {"Content-Type": "application/pdf"})
        store.apply_config([Watchlist("W", (Entity("Sora 2", "product"),))],
                           [Source("Press", "page", server.url("/list"), options={"item": "a", "follow_pdf": True})])
        cancel = threading.Event()
        outcome: list[object] = []
        with caplog.at_level(logging.INFO, logger="stakewatch.pdf"):
            # a Store belongs to its thread: the cycle's thread opens its own
            store_path = store.path
            cycle = threading.Thread(target=lambda: outcome.append(_cycle(store_path, cancel)))
            cycle.start()
            deadline = threading.Event()
            while not _workers() and cycle.is_alive():
                deadline.wait(0.05)
            assert _workers(), "the PDF is being read by a worker process"
            cancel.set()
            cycle.join(120)
        assert not cycle.is_alive()
        assert any("PDF text not read: stopped" in r.getMessage() for r in caplog.records)
        assert _workers() == []
    finally:
        server.stop()


def _cycle(path: Path, cancel: threading.Event) -> object:
    with Store(path) as store:
        return Poller(store).run_cycle(cancel=cancel)
