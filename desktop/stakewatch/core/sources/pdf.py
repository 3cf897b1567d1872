"""Text of a PDF release, bounded in pages, characters and time. Any thread; never raises.

pypdf runs in a child process (worker.py) with a hard deadline: a small PDF can cost minutes of
CPU inside one page, where no check between pages would notice, and only a process can be stopped
there. The child is killed at the deadline, or at once when the cycle is cancelled (quitting).
"""

from __future__ import annotations

import io
import logging
import re
import threading

from ..platform import worker
from ..text import plain

MAX_PAGES = 30
MAX_CHARS = 20_000
MAX_SECONDS = 10.0
log = logging.getLogger("stakewatch.pdf")
_CJK = "\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60"
# extraction puts spaces where Japanese has none: between text runs and at line ends
_CJK_GAP = re.compile(f"(?<=[{_CJK}])[ \n]+(?=\\S)|(?<=\\S)[ \n]+(?=[{_CJK}])")


def is_pdf(body: bytes, content_type: str = "") -> bool:
    return body[:1024].lstrip().startswith(b"%PDF-") or "application/pdf" in content_type.lower()


def extract_text(body: bytes, max_pages: int = MAX_PAGES, max_chars: int = MAX_CHARS) -> str:
    """Plain text of the first pages of `body`, in this process (the worker child calls it); '' when
    it cannot be read as a PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    parts: list[str] = []
    size = 0
    try:
        reader = PdfReader(io.BytesIO(body), strict=False)
        if reader.is_encrypted:
            return ""
        for page in reader.pages[:max_pages]:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= max_chars:
                break
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        log.info("unreadable PDF: %r", exc)
        return ""
    return plain(_CJK_GAP.sub("", "\n".join(parts)), max_chars)


def extract_from_stdin(data: bytes, arguments: tuple[str, ...]) -> bytes:
    """The worker child's job: `arguments` are the page and character limits."""
    max_pages, max_chars = (int(a) for a in arguments) if len(arguments) == 2 else (MAX_PAGES, MAX_CHARS)
    return extract_text(data, max_pages, max_chars).encode("utf-8")


def pdf_text(body: bytes, max_pages: int = MAX_PAGES, max_chars: int = MAX_CHARS,
             max_seconds: float = MAX_SECONDS, stop: threading.Event | None = None) -> str:
    """Plain text of the first pages of `body`, read by a child process that is killed after
    `max_seconds` or when `stop` is set; '' when it cannot be read in time or at all."""
    try:
        output = worker.run("pdf", body, max_seconds, stop, (str(max_pages), str(max_chars)))
    except worker.WorkerFailed as exc:
        log.info("PDF text not read: %s", exc.reason)
        return ""
    except OSError as exc:  # no process could be started
        log.warning("PDF worker could not start: %s", exc)
        return ""
    return plain(output.decode("utf-8", "replace"), max_chars)
