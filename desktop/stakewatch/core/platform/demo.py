"""The bundled demo world: feeds about the default watchlist, rendered for a base URL.

Pure functions, any thread.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, Any

from ..i18n import language, translate
from ..resources import resource

DEMO_FEEDS: dict[str, tuple[str, str]] = {
    "cabinet-office.rdf": ("Cabinet Office (demo)", "application/rdf+xml"),
    "digital-agency.xml": ("Digital Agency (demo)", "application/rss+xml"),
    "openai-news.atom": ("OpenAI News (demo)", "application/atom+xml"),
    "wire.json": ("World Wire (demo)", "application/feed+json"),
    "aggregator.xml": ("Aggregator (demo)", "application/rss+xml"),
}
OFFICIAL_FOR: dict[str, list[str]] = {
    "cabinet-office.rdf": ["Minoru Kiuchi"],
    "digital-agency.xml": ["Masaaki Taira"],
    "openai-news.atom": ["OpenAI", "Sora 2", "Sam Altman"],
}
_PLACEHOLDER = re.compile(r"\{(rfc822|iso):(-?\d+)\}")


def render_feed(name: str, base: str, now: datetime | None = None) -> bytes:
    """A demo feed with its links pointing at `base` and its dates relative to `now`."""
    if name not in DEMO_FEEDS:
        raise KeyError(name)
    now = now or datetime.now(UTC)
    text = resource("demo", name).read_text(encoding="utf-8").replace("{base}", base.rstrip("/"))

    def moment(match: re.Match[str]) -> str:
        when = now + timedelta(minutes=int(match.group(2)))
        return format_datetime(when, usegmt=True) if match.group(1) == "rfc822" else \
            when.isoformat(timespec="seconds").replace("+00:00", "Z")

    return _PLACEHOLDER.sub(moment, text).encode("utf-8")


def demo_config(base: str) -> dict[str, Any]:
    """The default watchlist with the demo feeds (served under `base`) as its sources."""
    document: dict[str, Any] = json.loads(
        resource("default-watchlist.json").read_text(encoding="utf-8"))
    document["sources"] = [
        {"name": title, "kind": "feed", "url": f"{base.rstrip('/')}/feeds/{name}",
         "interval_minutes": 1, "official_for": OFFICIAL_FOR.get(name, [])}
        for name, (title, _type) in DEMO_FEEDS.items()
    ]
    return document


STAND_IN_TITLE = translate("Demo", "Stakewatch demo")
STAND_IN_TEXT = translate("Demo", "This page stands in for the original article in Stakewatch's demo. The alerts "
                                  "you saw came from feeds served by Stakewatch itself on this computer.")


def stand_in_page(path: str) -> str:
    """The page an alert's link opens in the demo, in the user's language."""
    title = html.escape(path.strip("/").replace("/", " \u203a ") or STAND_IN_TITLE.render())
    return (f"<!DOCTYPE html><html lang='{language()}'><head><meta charset='utf-8'><title>{title}</title>"
            f"</head><body><h1>{title}</h1><p>{html.escape(STAND_IN_TEXT.render())}</p></body></html>")


class _DemoHandler(BaseHTTPRequestHandler):
    server: DemoServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = self.path.split("?")[0]
        name = path.removeprefix("/feeds/")
        if name in DEMO_FEEDS:
            body = render_feed(name, self.server.base, self.server.started)
            content_type = DEMO_FEEDS[name][1]
        else:
            body = stand_in_page(path).encode()
            content_type = "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


DEMO_PORT = 47_831


class DemoServer(ThreadingHTTPServer):
    """Serves the demo feeds and stand-in article pages on 127.0.0.1. Runs its own thread.

    It takes the same port each time when it is free, so the links of alerts
    kept from an earlier demo command still open.
    """

    daemon_threads = True

    def __init__(self, port: int = DEMO_PORT) -> None:
        try:
            super().__init__(("127.0.0.1", port), _DemoHandler)
        except OSError:
            super().__init__(("127.0.0.1", 0), _DemoHandler)
        self.started = datetime.now(UTC)
        self._thread = threading.Thread(target=self.serve_forever, name="stakewatch-demo", daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> DemoServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class DemoLock:
    """An exclusive lock on the demo folder, held while one process uses it. Any thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None

    def acquire(self) -> bool:
        """True if this process now holds the lock; False if another process uses the folder."""
        handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._file = handle
        return True

    @property
    def held(self) -> bool:
        return self._file is not None

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def claim_demo_dir(root: Path) -> tuple[Path, DemoLock | None]:
    """The demo's data folder under `root`, so the user's own data is never touched.

    Returns the folder and the lock this process now holds on it, or None as
    the lock when another Stakewatch uses the folder. The folder keeps what
    earlier demo runs and commands stored (notes, tags, flags, read marks,
    channels, pause); only `reset_demo_dir` empties it.
    """
    root.mkdir(parents=True, exist_ok=True)
    folder = root / "demo"
    lock = DemoLock(root / "demo.lock")
    if not lock.acquire():
        return folder, None
    folder.mkdir(parents=True, exist_ok=True)
    return folder, lock


def reset_demo_dir(folder: Path, lock: DemoLock, forget: Callable[[Path], None] | None = None) -> None:
    """Empty the demo folder (the caller holds its `lock`, and no store is open on it): the next
    start fills it again as on the first one. `forget(folder)` first forgets what the folder keeps
    outside it (its keyring entries: service.diagnostics.forget_keyring_entries)."""
    if not lock.held:
        raise RuntimeError("the demo folder is not held by this process")
    if forget is not None:
        forget(folder)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)


DEMO_BASE = "demo.base"
RESET_DEMO = 75  # the demo app's exit code after "Reset demo": the command line empties and restarts it
REOPEN_WINDOW = "STAKEWATCH_DEMO_REOPEN_WINDOW"
"""Set in the environment of the demo restarted by "Reset demo": it opens its window, as the user left it."""
