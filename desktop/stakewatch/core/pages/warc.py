"""Evidence export: each archived statement page as a WARC response record (warcio).

One gzip-compressed WARC file per month in the data folder's `warc/`
directory, appended to, so an archive can be handed over or replayed with any
WARC tool. Runs on the thread that owns the Store; raises OSError when the
file cannot be written.
"""

from __future__ import annotations

import io
import threading
from http import HTTPStatus
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from .statement import PageSnapshot

_lock = threading.Lock()


def warc_path(directory: Path, snap: PageSnapshot) -> Path:
    return directory / f"stakewatch-{snap.fetched:%Y-%m}.warc.gz"


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
    with _lock, path.open("ab") as output:
        writer = WARCWriter(output, gzip=True)
        record = writer.create_warc_record(
            snap.final_url, "response", payload=io.BytesIO(snap.html), http_headers=http_headers,
            warc_headers_dict={"WARC-Date": snap.fetched.strftime("%Y-%m-%dT%H:%M:%SZ"),
                               "Stakewatch-Main-Text-SHA256": snap.sha256})
        writer.write_record(record)
    return path
