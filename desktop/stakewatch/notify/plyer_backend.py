"""plyer: the portable fallback. It cannot report clicks."""

from __future__ import annotations

import logging
import warnings

from ..core import Notification, resource

log = logging.getLogger("stakewatch.notify")


class PlyerNotifier:
    name = "plyer"
    supports_clicks = False

    def available(self) -> bool:
        try:
            from plyer import notification  # noqa: F401
        except Exception:
            return False
        return True

    def show(self, notification: Notification) -> bool:
        try:
            from plyer import notification as plyer_notification

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # plyer warns on every call when dbus-python is missing
                plyer_notification.notify(title=notification.title, message=notification.body,
                                          app_name="Stakewatch", app_icon=str(resource("icons", "stakewatch.png")),
                                          timeout=10)
        except Exception:  # plyer raises whatever its platform layer raises
            log.warning("plyer could not show a notification", exc_info=True)
            return False
        return True

    def close(self) -> None:
        pass
