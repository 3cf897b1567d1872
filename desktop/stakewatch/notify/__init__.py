"""Notifier backends behind one small Protocol, chosen from what the platform offers.

An adapter of the doors (never a door itself): it imports the core's public API only.
"""

from __future__ import annotations

import sys

from .base import ClickHandler, Notifier, NullNotifier

__all__ = ["ClickHandler", "Notifier", "choose_notifier"]


def choose_notifier(on_click: ClickHandler, headless: bool = False) -> Notifier:
    """The best backend here: freedesktop over D-Bus on Linux, plyer elsewhere, else none.

    The Qt tray backend (Windows) is chosen by the GUI itself, which owns the tray icon.
    """
    if sys.platform.startswith("linux"):
        from .freedesktop import FreedesktopNotifier, NotificationsUnavailable

        try:
            return FreedesktopNotifier(on_click)
        except NotificationsUnavailable:
            # plyer on Linux goes through the same bus (notify-send): with no server there, nothing can show
            return NullNotifier()
    from .plyer_backend import PlyerNotifier

    plyer = PlyerNotifier()
    return plyer if plyer.available() else NullNotifier()
