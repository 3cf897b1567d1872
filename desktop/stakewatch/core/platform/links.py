"""Opening links from alerts: only absolute http(s) links, handed to the desktop's opener.

Any thread. Never raises: returns False when the link was refused or no opener ran.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys


def safe_link(url: str) -> str | None:
    """The link if it may be opened (absolute http or https), else None."""
    url = url.strip()
    return url if url.lower().startswith(("http://", "https://")) and " " not in url else None


def open_link(url: str) -> bool:
    """Open `url` in the user's browser if it is an http(s) link."""
    link = safe_link(url)
    if link is None:
        return False
    try:
        if sys.platform.startswith("win"):
            os.startfile(link)  # type: ignore[attr-defined]  # noqa: S606
            return True
        opener = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
        if opener is None:
            return False
        subprocess.Popen([opener, link], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
        return True
    except OSError:
        return False


_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):(.*)$", re.IGNORECASE)


def complete_address(text: str) -> str:
    """An address as typed, completed as a browser's address bar does.

    "www.digital.go.jp/rss/news.xml" becomes "https://www.digital.go.jp/rss/news.xml";
    "//example.org/feed" becomes "https://example.org/feed"; anything with a
    scheme, with spaces or without a dot in its host is left as typed (and
    validation says what is wrong with it).
    """
    text = text.strip()
    if not text or " " in text:
        return text
    if text.startswith("//"):
        return "https:" + text
    scheme = _SCHEME.match(text)
    if scheme and not re.match(r"^\d+(/|$|\?)", scheme.group(2)):
        return text
    host = re.split(r"[/?#:]", text, maxsplit=1)[0]
    if "." not in host.strip(".") and host.lower() != "localhost":
        return text
    return "https://" + text
