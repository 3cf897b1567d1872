"""Evidence export: each archived statement page as a WARC response record (warcio).

One gzip-compressed WARC file per month in the data folder's `warc/`
directory, appended to, so an archive can be handed over or replayed with any
WARC tool. Each record is built in memory and appended in one write, flushed to
disk; a failed append (a full disk) is cut off again, and the length of the
file's complete records is kept beside it (`.NAME.length`, written atomically),
so a tail left by an append that was interrupted (a crash, a kill) is cut off
before the next one: whatever happens, every record before stays readable.
Runs on the thread that owns the Store; raises OSError when the record cannot
be written.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
from http import HTTPStatus
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from ..platform.atomic import write_atomically
from .statement import PageSnapshot

_lock = threading.Lock()


def warc_path(directory: Path, snap: PageSnapshot) -> Path:
    return directory / f"stakewatch-{snap.fetched:%Y-%m}.warc.gz"


def length_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.length")


def _complete_length(path: Path) -> int | None:
    """The length of the file's complete records, as last recorded; None when unknown (an older file)."""
    try:
        return int(length_path(path).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def append_record(path: Path, data: bytes) -> None:
    """Append one whole record to `path`, or nothing at all. Raises OSError."""
    with path.open("ab") as output:
        size = output.seek(0, os.SEEK_END)
        complete = _complete_length(path)
        if complete is not None and complete < size:
            output.truncate(complete)  # the tail of an append that never finished
            size = complete
        try:
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
            write_atomically(length_path(path), str(size + len(data)).encode("ascii"))
        except OSError:
            with contextlib.suppress(OSError):
                output.truncate(size)
                os.fsync(output.fileno())
            raise


def write_snapshot(directory: Path, snap: PageSnapshot) -> Path:
    """Append `snap` (its raw page as fetched) as a response record; the file written."""
    directory.mkdir(parents=True, exist_ok=True)
    path = warc_path(directory, snap)
    status = snap.status or 200
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    headers = [("Content-Type", snap.content_type or "text/html"), ("Content-Length", str(len(snap.html)))]
    if snap.etag:
        headers.append(("ETag", snap.etag))
    if snap.last_modified:
        headers.append(("Last-Modified", snap.last_modified))
    http_headers = StatusAndHeaders(f"{status} {phrase}".strip(), headers, protocol="HTTP/1.1")
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    record = writer.create_warc_record(
        snap.final_url, "response", payload=io.BytesIO(snap.html), http_headers=http_headers,
        warc_headers_dict={"WARC-Date": snap.fetched.strftime("%Y-%m-%dT%H:%M:%SZ"),
                           "Stakewatch-Main-Text-SHA256": snap.sha256})
    writer.write_record(record)
    with _lock:
        append_record(path, buffer.getvalue())
    return path
