"""The `stakewatch` command: the command-line door, which hands the tray app over to the GUI door.

The one module that knows both doors, so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def run_gui(root: Path, demo: bool, borrowed: bool) -> int:
    """The tray app on the data folder `root` (main thread)."""
    from .qt.app import run_app

    return run_app(root, demo=demo, borrowed=borrowed)


def main(argv: Sequence[str] | None = None) -> int:
    from .cli.main import main as cli_main

    return cli_main(argv, gui=run_gui)
