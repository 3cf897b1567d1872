"""Alerts in the formats an office uses: CSV (UTF-8 with a BOM, so Excel reads Japanese) and XLSX.

One row per alert. Files are written next to their target and moved into place
only when complete, so a failed export never leaves half a file where a good
one was. Any thread; raises UserError with a sentence for the user.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..delivery.policy import safe_link
from ..i18n import Message, translate
from ..model import ExportRow, UserError
from ..platform.atomic import is_special, new_file_mode, real_target
from ..platform.os_words import os_reason

FORMATS = ("csv", "xlsx")
TITLE = translate("Export", "Alert export")
NO_FOLDER = translate("Export", "the folder {folder} does not exist")
CANNOT_WRITE = translate("Export", "cannot write {path}: {reason}")
UNKNOWN_FORMAT = translate("Export", "unknown format {format!r}: use csv or xlsx")
FORMAT_CLASH = translate("Export", "{name} ends in .{suffix}, but {format} was asked for: "
                                   "give the file a .{format} name")
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
)
XLSX_LINK_LIMIT = 65_530


def _cell_text(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


UNIX_EPOCH_SERIAL = 25_569.0
SECONDS_PER_DAY = 86_400
FLAG_MARK = "\u2691"


def excel_serials(published: float) -> tuple[float, float]:
    """A moment as the typed date cells Excel stores (days since 1899-12-30): in UTC, and on the local clock."""
    utc = published / SECONDS_PER_DAY + UNIX_EPOCH_SERIAL
    return utc, utc + time.localtime(published).tm_gmtoff / SECONDS_PER_DAY


def kind_labels() -> dict[str, str]:
    """The kinds in the user's language, rendered once per export."""
    return {"statement": str(STATEMENT), "coverage": str(COVERAGE)}


def row_values(row: ExportRow, kinds: dict[str, str]) -> dict[str, Any]:
    """The cells of one alert, by column key, as text and numbers."""
    return {
        "published": datetime.fromtimestamp(row.published, UTC).isoformat(),
        "local": time.strftime("%Y-%m-%d %H:%M", time.localtime(row.published)),
        "kind": kinds.get(row.kind, row.kind),
        "entity": row.entity,
        "watchlist": row.watchlist,
        "title": row.title,
        "link": row.url,
        "sources": row.sources,
        "matched": row.matched,
        "tags": row.tags,
        "note": row.note,
        "flagged": FLAG_MARK if row.flagged else "",
        "id": row.id,
    }


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a sheet's million cells are built: they are all kept to the end,
    and each full collection would walk them again (a tenth of an export's time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _kept_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return new_file_mode()


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside `path`, moved over it when the block ends without an error. Through a
    symbolic link the link's target is replaced (the link stays); a target that is not a regular file
    (a FIFO, /dev/stdout) gets the finished file's bytes written into it instead."""
    if not path.parent.is_dir():
        raise UserError(TITLE, NO_FOLDER(folder=str(path.parent)))
    target = real_target(path)
    special = is_special(target)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                        dir=None if special else target.parent)
        os.close(handle)
        if not special:
            os.chmod(name, _kept_mode(target))
    except OSError as exc:
        raise UserError(TITLE, CANNOT_WRITE(path=str(path), reason=os_reason(exc))) from exc
    temporary = Path(name)
    try:
        yield temporary
        if special:
            with temporary.open("rb") as finished, open(target, "wb") as out:
                shutil.copyfileobj(finished, out)
            temporary.unlink()
        else:
            os.replace(temporary, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise UserError(TITLE, CANNOT_WRITE(path=str(path), reason=os_reason(exc))) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_csv(rows: Iterable[ExportRow], path: Path) -> int:
    """CSV with a header row, UTF-8 with a BOM; the number of alert rows."""
    count = 0
    with _replacing(path) as temporary, open(temporary, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([str(label) for _key, label, _width in COLUMNS])
        kinds = kind_labels()
        for row in rows:
            values = row_values(row, kinds)
            writer.writerow([_cell_text(str(values[key])) for key, _label, _width in COLUMNS])
            count += 1
    return count


def write_xlsx(rows: Iterable[ExportRow], path: Path) -> int:
    """One sheet: typed dates, clickable links, a frozen header, column widths; the number of rows.

    The rows are read in full before the sheet is built: XlsxWriter holds every cell until it closes
    anyway, and reading first is faster than interleaving the read with the cells (benchmarks/)."""
    try:
        import xlsxwriter  # type: ignore[import-untyped]
    except ImportError as exc:
        raise UserError(TITLE, XLSX_MISSING(reason=str(exc))) from exc
    rows = list(rows)
    count = 0
    with _replacing(path) as temporary:
        book = xlsxwriter.Workbook(str(temporary), {"strings_to_formulas": False, "strings_to_urls": False,
                                                    "strings_to_numbers": False})
        sheet = book.add_worksheet("Stakewatch")
        header = book.add_format({"bold": True, "bg_color": "#E8EEF7", "border": 1})
        stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        iso = book.add_format({"num_format": 'yyyy-mm-dd"T"hh:mm:ss"Z"'})
        link = book.add_format({"font_color": "blue", "underline": 1})
        for column, (_key, label, width) in enumerate(COLUMNS):
            sheet.set_column(column, column, width)
            sheet.write_string(0, column, str(label), header)
        sheet.freeze_panes(1, 0)
        column_of = {key: column for column, (key, _label, _width) in enumerate(COLUMNS)}
        position = ExportRow._fields.index
        text_columns = [(column_of[key], position(key))
                        for key in ("entity", "watchlist", "title", "sources", "matched", "tags", "note")]
        write_string, write_number, write_url = sheet.write_string, sheet.write_number, sheet.write_url
        kinds = kind_labels()
        for count, row in enumerate(rows, start=1):
            utc, local = excel_serials(row.published)
            write_number(count, column_of["published"], utc, iso)
            write_number(count, column_of["local"], local, stamp)
            write_string(count, column_of["kind"], kinds.get(row.kind, row.kind))
            for column, index in text_columns:
                if row[index]:
                    write_string(count, column, row[index])
            url = row.url
            if count <= XLSX_LINK_LIMIT and len(url) < 2000 and safe_link(url):
                write_url(count, column_of["link"], url, link, string=url)
            elif url:
                write_string(count, column_of["link"], url)
            if row.flagged:
                write_string(count, column_of["flagged"], FLAG_MARK)
            write_number(count, column_of["id"], row.id)
        if count:
            sheet.autofilter(0, 0, count, len(COLUMNS) - 1)
        try:
            book.close()
        except Exception as exc:  # xlsxwriter wraps OSError in its own exceptions
            raise OSError(str(exc)) from exc
    return count


WRITERS: dict[str, Callable[[Iterable[ExportRow], Path], int]] = {"csv": write_csv, "xlsx": write_xlsx}


def export_alerts(rows: Iterable[ExportRow], path: Path, format: str | None = None) -> int:
    """Write alerts as CSV or XLSX (chosen by `format` or the file's suffix); the row count."""
    suffix = path.suffix.lstrip(".").lower()
    chosen = (format or suffix).lower()
    writer = WRITERS.get(chosen)
    if writer is None:
        raise UserError(TITLE, UNKNOWN_FORMAT(format=chosen))
    if suffix in WRITERS and suffix != chosen:
        raise UserError(TITLE, FORMAT_CLASH(name=path.name, suffix=suffix, format=chosen))
    with _collector_paused():
        return writer(rows, path)
