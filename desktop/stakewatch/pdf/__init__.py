"""The briefing drawn as a PDF with Qt (QPdfWriter, QPainter): an adapter a door injects into the
service once (`Service.open(root, writer=pdf.write)`), never a door itself. Imports the core's
public API only; Qt is imported on first use."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core import Briefing
    from ..core import BriefingWriter as BriefingWriter


def prepare() -> None:
    """Make the QGuiApplication drawing needs, now (main thread). Raises ImportError without Qt."""
    from .briefing import ensure_gui_application

    ensure_gui_application()


def available() -> bool:
    """`prepare`, and whether it worked."""
    try:
        prepare()
    except ImportError:
        return False
    return True


def write(briefing: Briefing, path: Path, page: str = "A4") -> int:
    """Draw `briefing` into `path` (whole or not at all); the number of pages. Raises UserError, and
    ImportError without Qt."""
    from .briefing import ensure_gui_application, write_briefing

    ensure_gui_application()
    return write_briefing(briefing, path, page)


def importable() -> bool:
    """Whether Qt can be imported here at all (nothing is imported)."""
    from importlib.util import find_spec

    return find_spec("PySide6") is not None
