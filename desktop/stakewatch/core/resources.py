"""Files shipped with Stakewatch: the watchlist, translations, demo feeds, fonts, name tables.

Found with importlib.resources, or beside the package where a bundle keeps them.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_FALLBACKS = (_PACKAGE / "resources", _PACKAGE.parent.parent / "resources")


@cache
def resources_root() -> Path:
    """The `stakewatch.resources` package on disk, found by importlib.resources in a wheel and an editable
    install; without that module (the PyInstaller bundle keeps it as data, a bare checkout on sys.path),
    the folder beside the package or at the top of the checkout."""
    try:
        return Path(str(importlib.resources.files("stakewatch.resources")))
    except ModuleNotFoundError:
        return next((path for path in _FALLBACKS if path.is_dir()), _FALLBACKS[0])


def resource(*parts: str) -> Path:
    """A shipped file (works from source, wheel and bundle). Any thread."""
    return resources_root().joinpath(*parts)
