"""The Notifier protocol and the choice of backend."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Protocol

from ..core.delivery.policy import Notification

ClickHandler = Callable[[Notification], None]


class Notifier(Protocol):
    """Shows notifications. `show` may be called from any thread and never raises.

    `on_click` is called (on a backend thread) when the user activates a
    notification; backends that cannot report clicks never call it.
    """

    name: str
    supports_clicks: bool

    def show(self, notification: Notification) -> bool: ...

    def close(self) -> None: ...


class NullNotifier:
    """Used when nothing can show notifications: the inbox still fills."""

    name = "none"
    supports_clicks = False

    def show(self, notification: Notification) -> bool:
        return False

    def close(self) -> None:
        pass


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
