"""Alerts in the formats an office uses: CSV (UTF-8 with a BOM, so Excel reads Japanese) and XLSX.

One row per alert. Files are written next to their target and moved into place
only when complete, so a failed export never leaves half a file where a good
one was. Any thread; raises UserError with a sentence for the user.
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from .i18n import Message, translate
from .model import Alert, UserError
from .policy import safe_link

FORMATS = ("csv", "xlsx")
TITLE = translate("Export", "Export")
NO_FOLDER = translate("Export", "the folder {folder} does not exist")
CANNOT_WRITE = translate("Export", "cannot write {path}: {reason}")
UNKNOWN_FORMAT = translate("Export", "unknown format {format!r}: use csv or xlsx")
XLSX_MISSING = translate("Export", "XLSX export needs the XlsxWriter package ({reason})")
STATEMENT = translate("Export", "statement")
COVERAGE = translate("Export", "coverage")

COLUMNS: tuple[tuple[str, Message, int], ...] = (
    ("published", translate("Export", "Published (UTC, ISO 8601)"), 26),
    ("local", translate("Export", "Published (local time)"), 18),
    ("kind", translate("Export", "Kind"), 10),
    ("entity", translate("Export", "Entity"), 20),
    ("watchlist", translate("Export", "Watchlist"), 18),
    ("title", translate("Export", "Title"), 60),
    ("link", translate("Export", "Link"), 40),
    ("sources", translate("Export", "Sources"), 28),
    ("matched", translate("Export", "Matched words"), 20),
    ("tags", translate("Export", "Tags"), 16),
    ("note", translate("Export", "Note"), 40),
    ("flagged", translate("Export", "Flagged"), 8),
    ("id", translate("Export", "Alert"), 8),
    ("story", translate("Export", "Story"), 8),
)
XLSX_LINK_LIMIT = 65_530


def _cell_text(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


EXCEL_EPOCH = datetime(1899, 12, 30)
UNIX_EPOCH_SERIAL = 25_569.0
FLAG_MARK = "\u2691"


def excel_serial(moment: datetime) -> float:
    """A date-time as Excel stores it (days since 1899-12-30, wall-clock time): a typed date cell."""
    return (moment.replace(tzinfo=None) - EXCEL_EPOCH).total_seconds() / 86_400


def kind_labels() -> dict[str, str]:
    """The kinds in the user's language, rendered once per export."""
    return {"statement": str(STATEMENT), "coverage": str(COVERAGE)}


def row_values(alert: Alert, kinds: dict[str, str] | None = None) -> dict[str, Any]:
    local = alert.published.astimezone()
    kinds = kinds or kind_labels()
    return {
        "published": alert.published.isoformat(),
        "local": local.strftime("%Y-%m-%d %H:%M"),
        "kind": kinds.get(alert.kind, str(alert.kind)),
        "entity": alert.entity,
        "watchlist": alert.watchlist,
        "title": alert.title,
        "link": alert.url,
        "sources": "; ".join(alert.sources or (alert.source,)),
        "matched": "; ".join(alert.matched),
        "tags": ", ".join(alert.tags),
        "note": alert.note,
        "flagged": FLAG_MARK if alert.flagged else "",
        "id": alert.id,
        "story": alert.story,
    }


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside `path`, moved over it when the block ends without an error."""
    folder = path.parent
    if not folder.is_dir():
        raise UserError(TITLE, NO_FOLDER(folder=str(folder)))
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        os.close(handle)
    except OSError as exc:
        raise UserError(TITLE, CANNOT_WRITE(path=str(path), reason=exc.strerror or str(exc))) from exc
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise UserError(TITLE, CANNOT_WRITE(path=str(path), reason=exc.strerror or str(exc))) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_csv(alerts: Iterable[Alert], path: Path) -> int:
    """CSV with a header row, UTF-8 with a BOM; the number of alert rows."""
    count = 0
    with _replacing(path) as temporary, open(temporary, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([str(label) for _key, label, _width in COLUMNS])
        kinds = kind_labels()
        for alert in alerts:
            values = row_values(alert, kinds)
            writer.writerow([_cell_text(str(values[key])) for key, _label, _width in COLUMNS])
            count += 1
    return count


def write_xlsx(alerts: Iterable[Alert], path: Path) -> int:
    """One sheet: typed dates, clickable links, a frozen header, column widths; the number of rows."""
    try:
        import xlsxwriter  # type: ignore[import-untyped]
    except ImportError as exc:
        raise UserError(TITLE, XLSX_MISSING(reason=str(exc))) from exc
    count = 0
    with _replacing(path) as temporary:
        book = xlsxwriter.Workbook(str(temporary), {"strings_to_formulas": False, "strings_to_urls": False,
                                                    "strings_to_numbers": False})
        sheet = book.add_worksheet("Stakewatch")
        header = book.add_format({"bold": True, "bg_color": "#E8EEF7", "border": 1})
        stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        link = book.add_format({"font_color": "blue", "underline": 1})
        for column, (_key, label, width) in enumerate(COLUMNS):
            sheet.set_column(column, column, width)
            sheet.write_string(0, column, str(label), header)
        sheet.freeze_panes(1, 0)
        column_of = {key: column for column, (key, _label, _width) in enumerate(COLUMNS)}
        text_columns = [(column_of[key], key) for key in ("entity", "watchlist", "title", "note")]
        write_string, write_number, write_url = sheet.write_string, sheet.write_number, sheet.write_url
        kinds = kind_labels()
        for count, alert in enumerate(alerts, start=1):
            published = alert.published
            write_number(count, column_of["published"], published.timestamp() / 86_400 + UNIX_EPOCH_SERIAL, stamp)
            write_number(count, column_of["local"], excel_serial(published.astimezone()), stamp)
            write_string(count, column_of["kind"], kinds.get(alert.kind, str(alert.kind)))
            for column, key in text_columns:
                value = getattr(alert, key)
                if value:
                    write_string(count, column, value)
            url = alert.url
            if count <= XLSX_LINK_LIMIT and len(url) < 2000 and safe_link(url):
                write_url(count, column_of["link"], url, link, string=url)
            elif url:
                write_string(count, column_of["link"], url)
            sources = "; ".join(alert.sources or (alert.source,))
            if sources:
                write_string(count, column_of["sources"], sources)
            if alert.matched:
                write_string(count, column_of["matched"], "; ".join(alert.matched))
            if alert.tags:
                write_string(count, column_of["tags"], ", ".join(alert.tags))
            if alert.flagged:
                write_string(count, column_of["flagged"], FLAG_MARK)
            write_number(count, column_of["id"], alert.id)
            write_number(count, column_of["story"], alert.story)
        if count:
            sheet.autofilter(0, 0, count, len(COLUMNS) - 1)
        try:
            book.close()
        except Exception as exc:  # xlsxwriter wraps OSError in its own exceptions
            raise OSError(str(exc)) from exc
    return count


WRITERS: dict[str, Callable[[Iterable[Alert], Path], int]] = {"csv": write_csv, "xlsx": write_xlsx}


def export_alerts(alerts: Iterable[Alert], path: Path, format: str | None = None) -> int:
    """Write alerts as CSV or XLSX (chosen by `format` or the file's suffix); the row count."""
    chosen = (format or path.suffix.lstrip(".")).lower()
    writer = WRITERS.get(chosen)
    if writer is None:
        raise UserError(TITLE, UNKNOWN_FORMAT(format=chosen))
    return writer(alerts, path)
