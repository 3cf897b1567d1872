"""The Notifier protocol and the backend that shows nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..core import Notification

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
