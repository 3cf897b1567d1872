"""The briefing and the alert exports: what a user hands on. Store's thread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from ..exchange import exports
from ..exchange.briefing import Briefing as BriefingData
from ..exchange.briefing import build_briefing
from ..i18n import translate
from ..model import UserError
from ..store.database import Store
from .channels import BriefingWriter

TITLE = translate("Cli", "Briefing")
NO_WRITER = translate("Service", "nothing here can draw a PDF (it needs Qt, PySide6)")


class Briefing:
    """The briefing of a period as data, and drawn as a PDF by the injected writer."""

    def __init__(self, store: Store, writer: BriefingWriter | None = None) -> None:
        self._store = store
        self._writer = writer

    def build(self, since: datetime, end: datetime | None = None, watchlists: Sequence[str] | None = None,
              statements_only: bool = False, tags: Sequence[str] = ()) -> BriefingData:
        return build_briefing(self._store, since, end or datetime.now(UTC), watchlists=watchlists,
                              statements_only=statements_only, tags=tags)

    @property
    def can_draw(self) -> bool:
        return self._writer is not None

    def write(self, briefing: BriefingData, path: Path, page: str = "A4") -> int:
        """Draw `briefing` into `path`; the number of pages. Raises UserError without a writer."""
        if self._writer is None:
            raise UserError(TITLE, NO_WRITER)
        return self._writer(briefing, path, page)


class Exports:
    """Alerts as CSV or XLSX."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def alerts(self, path: Path, format: str | None = None, *, since: datetime | None = None,
               watchlist: str | None = None, limit: int | None = None, tags: Sequence[str] = (),
               flagged_only: bool = False, ids: Sequence[int] | None = None) -> int:
        """Write the alerts these filters list, newest first, as CSV or XLSX (by `format` or the file's
        suffix); the number of rows. Raises UserError when the format is unknown or the file cannot be
        written, leaving any earlier file as it was."""
        rows = self._store.iter_export_rows(since=since, watchlist=watchlist, limit=limit, ids=ids, tags=tags,
                                            flagged_only=flagged_only)
        return exports.export_alerts(rows, path, format)
