"""Channels as a user sets them up (add, test, remove, list) and the courier that sends their outbox.

Store's thread; adding and testing use the keyring and the network, so the GUI calls them from a
worker. Raise UserError in words; a channel's URL never appears in one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from ..delivery import channel_admin, outbox
from ..delivery.channels import Channel
from ..exchange.briefing import Briefing, build_briefing
from ..store import channels as store_channels
from ..store.channels import ChannelRow
from ..store.database import Store

BriefingWriter = Callable[[Briefing, Path, str], int]
"""Draws a briefing into a PDF file (`page` "A4" or "Letter"); the number of pages. Injected by the
door that can draw (Qt); None where nothing can."""


def pdf_renderer(writer: BriefingWriter | None) -> outbox.PdfRenderer | None:
    """The outbox's renderer of a scheduled digest's PDF: the briefing of the period, narrowed like
    its channel, drawn by `writer`."""
    if writer is None:
        return None

    def render(store: Store, start: datetime, end: datetime, scope: dict[str, Any], path: Path) -> None:
        briefing = build_briefing(store, start, end, watchlists=scope.get("watchlists"),
                                  entities=scope.get("entities"), statements_only=bool(scope.get("statements_only")))
        writer(briefing, path, "A4")

    return render


class Channels:
    """The channels of the data folder."""

    def __init__(self, store: Store, writer: BriefingWriter | None = None) -> None:
        self._store = store
        self._writer = writer

    def rows(self) -> list[ChannelRow]:
        return store_channels.channel_rows(self._store)

    def failing(self) -> list[ChannelRow]:
        return [r for r in self.rows() if r.last_error]

    def find_free(self, name: str) -> None:
        """Refuse a name already taken (UserError), before the URL is asked for."""
        channel_admin.find_free(self._store, name)

    def add(self, name: str, url: str, watchlists: Sequence[str] = (), only: str | None = None,
            health: bool = False, digest: str | None = None, digest_only: bool = False,
            quiet_hours: bool = True) -> Channel:
        return channel_admin.add(self._store, name, url, watchlists=watchlists, only=only, health=health,
                                 digest=digest, digest_only=digest_only, quiet_hours=quiet_hours)

    def test(self, name: str) -> str:
        return channel_admin.test(self._store, name)

    def remove(self, name: str) -> str:
        return channel_admin.remove(self._store, name)

    def deliver_now(self) -> outbox.DeliveryReport:
        """Attempt what the outbox holds now, on this thread (`poll --once --notify`)."""
        return outbox.send_due(self._store, render_pdf=pdf_renderer(self._writer))

    def courier(self) -> Courier:
        """A courier for this data folder (not started)."""
        return Courier(self._store.path, self._writer)


class Courier:
    """Sends the outbox on a thread of its own (its own Store) whenever woken and when retries fall
    due. `start` and `stop` from the thread that owns it; `wake` from any thread."""

    def __init__(self, database: Path, writer: BriefingWriter | None = None,
                 config: outbox.OutboxConfig | None = None) -> None:
        self._thread = outbox.Courier(database, pdf_renderer(writer), config)
        self._lock = threading.Lock()
        self.started = False

    def start(self) -> Courier:
        with self._lock:
            if not self.started:
                self._thread.start()
                self.started = True
        return self

    def wake(self) -> None:
        """Look at the outbox now (started on the first wake). Any thread."""
        self.start()._thread.wake()

    def wait_idle(self, timeout: float) -> bool:
        """Block until a pass over the outbox ended after the last `wake` (tests, benchmarks, `watch`)."""
        return self._thread.wait_idle(timeout)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the thread (a send in flight is finished first); a stopped courier is not started again."""
        with self._lock:
            if self.started:
                self._thread.stop(timeout)
