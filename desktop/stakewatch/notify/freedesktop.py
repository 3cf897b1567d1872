"""Freedesktop notifications over the session bus, with actions, through jeepney.

Notify is sent with the spec's types (replaces_id is `u`), and ActionInvoked is
received on the same connection, accepted only from the current owner of
org.freedesktop.Notifications. Body text is escaped when the server reads markup.
"""

from __future__ import annotations

import contextlib
import html
import logging
import threading
from queue import Empty, Queue
from typing import Any

from jeepney import DBusAddress, HeaderFields, MatchRule, Message, message_bus, new_method_call
from jeepney.io.threading import DBusRouter, Proxy, open_dbus_connection

from ..core import Notification, resource
from ..core.i18n import translate
from .base import ClickHandler

log = logging.getLogger("stakewatch.notify")

BUS_NAME = "org.freedesktop.Notifications"
OBJECT = DBusAddress("/org/freedesktop/Notifications", bus_name=BUS_NAME, interface=BUS_NAME)
URGENCY = {"low": 0, "normal": 1, "critical": 2}
CALL_TIMEOUT = 5.0

OPEN = translate("Notification", "Open")
OPEN_INBOX = translate("Notification", "Open inbox")
SHOW_SOURCE = translate("Notification", "Show source")


# The spec's categories name devices, e-mail, chat and transfers; alerts are none of these, so
# vendor categories ("x-vendor.class") are used, and the spec's own for a network problem.
CATEGORIES = {"alert": "x-stakewatch.alert", "digest": "x-stakewatch.digest", "health": "network.error"}


def icon_uri() -> str:
    """The application icon as a file URI for the notification server ('' if it is missing)."""
    path = resource("icons", "stakewatch.png")
    if not path.exists():
        path = resource("icons", "stakewatch.svg")
    return path.resolve().as_uri() if path.exists() else ""


class NotificationsUnavailable(Exception):
    """No session bus, or no notification server on it."""


class FreedesktopNotifier:
    name = "freedesktop"
    supports_clicks = True

    def __init__(self, on_click: ClickHandler, bus: str = "SESSION") -> None:
        """Connect and check a server is there. Any thread. Raises NotificationsUnavailable."""
        self._on_click = on_click
        self._sent: dict[int, Notification] = {}
        self._lock = threading.Lock()
        try:
            self._router = DBusRouter(open_dbus_connection(bus))
        except Exception as exc:  # no address, refused, auth failure: all mean "not here"
            raise NotificationsUnavailable(str(exc)) from exc
        try:
            bus_proxy = Proxy(message_bus, self._router, timeout=CALL_TIMEOUT)
            rule = MatchRule(type="signal", interface=BUS_NAME, path=OBJECT.object_path)
            bus_proxy.AddMatch(rule)
            self._queue: Queue[Message] = Queue()
            self._filter = self._router.filter(rule, queue=self._queue)
            self.capabilities = set(self._call("GetCapabilities", "", ())[0])
        except Exception as exc:
            self._router.close()
            raise NotificationsUnavailable(str(exc)) from exc
        self._stop = threading.Event()
        self._listener = threading.Thread(target=self._listen, name="stakewatch-notify", daemon=True)
        self._listener.start()

    def _call(self, method: str, signature: str, body: tuple[object, ...]) -> tuple[Any, ...]:
        reply = self._router.send_and_get_reply(new_method_call(OBJECT, method, signature, body),
                                                timeout=CALL_TIMEOUT)
        if reply.header.message_type.name == "error":
            raise NotificationsUnavailable(str(reply.body))
        return tuple(reply.body)

    def _owner(self) -> str | None:
        try:
            reply = Proxy(message_bus, self._router, timeout=CALL_TIMEOUT).GetNameOwner(BUS_NAME)
        except Exception:
            log.warning("the notification server did not say its name", exc_info=True)
            return None
        return str(reply[0])

    def show(self, notification: Notification) -> bool:
        """Send Notify. Any thread; False if the server did not take it."""
        actions: list[str] = ["default", str(OPEN if notification.url else
                                             SHOW_SOURCE if notification.source else OPEN_INBOX)]
        if notification.url:
            actions += ["open", str(OPEN)]
        body = notification.body
        if "body-markup" in self.capabilities:
            body = html.escape(body, quote=False)
        hints = {"urgency": ("y", URGENCY.get(notification.urgency, 1)),
                 "category": ("s", CATEGORIES.get(notification.kind, "x-stakewatch.alert")),
                 "desktop-entry": ("s", "stakewatch")}
        icon = icon_uri()
        if icon:
            hints["image-path"] = ("s", icon)
        try:
            (notification_id,) = self._call(
                "Notify", "susssasa{sv}i",
                ("Stakewatch", 0, icon, notification.title, body, actions, hints, -1))
        except Exception:
            log.warning("a notification could not be sent", exc_info=True)
            return False
        with self._lock:
            self._sent[int(notification_id)] = notification
        return True

    def _listen(self) -> None:
        while not self._stop.is_set():
            try:
                message = self._queue.get(timeout=0.5)
            except Empty:
                continue
            member = message.header.fields.get(HeaderFields.member)
            if member not in ("ActionInvoked", "NotificationClosed"):
                continue
            sender = message.header.fields.get(HeaderFields.sender)
            if sender != self._owner():
                continue
            notification_id = int(message.body[0])
            with self._lock:
                notification = self._sent.get(notification_id)
                if member == "NotificationClosed":
                    self._sent.pop(notification_id, None)
            if member == "ActionInvoked" and notification is not None and \
                    message.body[1] in ("default", "open"):
                with contextlib.suppress(Exception):  # a handler's fault must not stop the listener
                    self._on_click(notification)

    def close(self) -> None:
        self._stop.set()
        self._listener.join(timeout=2)
        try:
            self._filter.close()
            self._router.close()
            self._router.conn.close()
        except Exception:
            log.debug("closing the bus connection failed", exc_info=True)
