"""Opening links from alerts: only absolute http(s) links, handed to the desktop's opener.

Any thread. Never raises: returns False when the link was refused or no opener ran.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from .policy import safe_link


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
