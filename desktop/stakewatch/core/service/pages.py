"""Statement pages as a reader sees them: status, archived text, the edit marked, inert evidence.

Store's thread; `view` reads every version and diffs them, so the GUI calls it from a worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..pages import diffs
from ..pages.evidence import inert_html
from ..platform.atomic import write_atomically
from ..store import pages as store_pages
from ..store.database import Store
from ..store.pages import SHOWN, Version, Watch
from ..text import plain_lines


@dataclass(frozen=True)
class PageView:
    """What a window shows of an alert's statement page: plain data only."""

    status: str
    checked: datetime | None
    sha256: str
    final_url: str
    versions: int
    text: str
    diff: tuple[tuple[str, str], ...] | None


class Pages:
    """The archived statement pages of alerts."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def view(self, alert_id: int) -> PageView | None:
        """The page status, latest archived text and (when edited) the word diff first -> latest; None if
        none. The texts are made inert (no control or bidi characters); the diff is bounded."""
        current = store_pages.watch(self._store, alert_id)
        kept = store_pages.versions(self._store, alert_id)
        if current is None or not kept or current.status not in SHOWN:
            return None
        latest = plain_lines(kept[-1].text)
        diff = tuple(diffs.word_diff(plain_lines(kept[0].text), latest)) if len(kept) > 1 else None
        return PageView(status=current.status, checked=current.checked, sha256=kept[-1].sha256,
                        final_url=plain_lines(kept[-1].final_url), versions=len(kept), text=latest, diff=diff)

    def has_alert(self, alert_id: int) -> bool:
        return bool(self._store.alerts(ids=[alert_id]))

    def watch(self, alert_id: int) -> Watch | None:
        return store_pages.watch(self._store, alert_id)

    def versions(self, alert_id: int) -> list[Version]:
        return store_pages.versions(self._store, alert_id)

    def evidence(self, version: Version) -> bytes:
        """The version as fetched, made inert (no scripts, frames or remote loads), as UTF-8 HTML."""
        return inert_html(store_pages.raw_html(self._store, version.id), version.content_type, version.final_url,
                          version.fetched, version.http_status, version.sha256)

    @staticmethod
    def write_evidence(target: Path, evidence: bytes) -> None:
        """Whole or not at all; raises OSError."""
        write_atomically(target, evidence)

    @staticmethod
    def diff_text(old: Version, new: Version, color: bool = False) -> str:
        """The word changes first -> latest for a terminal; the page's text made inert first."""
        return diffs.render_diff(plain_lines(old.text), plain_lines(new.text), color=color)
