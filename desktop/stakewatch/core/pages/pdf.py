"""Text of a PDF release, bounded in pages, characters and time. Any thread; never raises."""

from __future__ import annotations

import io
import logging
import re
import time

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


def pdf_text(body: bytes, max_pages: int = MAX_PAGES, max_chars: int = MAX_CHARS,
             max_seconds: float = MAX_SECONDS) -> str:
    """Plain text of the first pages of `body`; '' when it cannot be read as a PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    started = time.monotonic()
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
            if size >= max_chars or time.monotonic() - started > max_seconds:
                break
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        log.info("unreadable PDF: %r", exc)
        return ""
    return plain(_CJK_GAP.sub("", "\n".join(parts)), max_chars)
