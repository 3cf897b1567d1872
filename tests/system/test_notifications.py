"""Notifications on a real private session bus, with a real notification server on it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from stakewatch.core.delivery.policy import Notification
from stakewatch.core.platform.links import open_link
from stakewatch.notify.freedesktop import FreedesktopNotifier, NotificationsUnavailable


def wait_for_lines(path: Path, count: int, timeout: float = 10) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and len(path.read_text().splitlines()) >= count:
            break
        time.sleep(0.05)
    return path.read_text().splitlines() if path.exists() else []


def test_notify_is_sent_with_spec_types_and_link_actions(notification_server):
    clicked: list[Notification] = []
    notifier = FreedesktopNotifier(clicked.append)
    try:
        note = Notification("Statement by Minoru Kiuchi", "城内実大臣記者会見\nCabinet Office",
                            "https://example.org/kaiken-1", alert_ids=(1,), urgency="critical")
        assert notifier.show(note)
        (call,) = notification_server.wait_for_calls(1)
    finally:
        notifier.close()
    assert call["signature"] == "susssasa{sv}i"
    assert call["app"] == "Stakewatch" and call["replaces_id"] == 0
    assert call["summary"] == "Statement by Minoru Kiuchi"
    assert call["body"] == "城内実大臣記者会見\nCabinet Office"
    assert call["actions"] == ["default", "Open", "open", "Open"]
    assert call["hints"]["urgency"] == 2
    assert call["icon"].startswith("file://") and call["icon"].endswith("stakewatch.png")
    assert call["hints"]["category"] == "x-stakewatch.alert"  # not an instant message


def test_a_failing_source_notice_offers_to_show_that_source(notification_server):
    clicked: list[Notification] = []
    notifier = FreedesktopNotifier(clicked.append)
    try:
        notifier.show(Notification("Source failing: Cabinet Office", "server answered 503", None,
                                   opens_inbox=True, urgency="low", kind="health", source="Cabinet Office"))
        (call,) = notification_server.wait_for_calls(1)
        notification_server.invoke(call["id"], "default")
        deadline = time.monotonic() + 5
        while not clicked and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        notifier.close()
    assert call["actions"] == ["default", "Show source"] and call["hints"]["category"] == "network.error"
    assert [n.source for n in clicked] == ["Cabinet Office"]


def test_clicking_opens_exactly_that_link(notification_server, opened_links: Path):
    notifier = FreedesktopNotifier(lambda n: open_link(n.url or ""))
    try:
        notifier.show(Notification("A", "first", "https://example.org/one"))
        notifier.show(Notification("B", "second", "https://example.org/two?x=1&y=2"))
        calls = notification_server.wait_for_calls(2)
        notification_server.invoke(calls[1]["id"], "default")
        notification_server.invoke(calls[0]["id"], "open")
        assert wait_for_lines(opened_links, 2) == ["https://example.org/two?x=1&y=2",
                                                   "https://example.org/one"]
    finally:
        notifier.close()


def test_signals_from_anyone_but_the_server_are_ignored(notification_server, session_bus: str):
    from jeepney import DBusAddress, HeaderFields, new_signal
    from jeepney.io.blocking import open_dbus_connection

    clicked: list[Notification] = []
    notifier = FreedesktopNotifier(clicked.append)
    try:
        notifier.show(Notification("A", "x", "https://example.org/a"))
        (call,) = notification_server.wait_for_calls(1)
        impostor = open_dbus_connection(session_bus)
        forged = new_signal(DBusAddress("/org/freedesktop/Notifications",
                                        interface="org.freedesktop.Notifications"),
                            "ActionInvoked", "us", (call["id"], "default"))
        forged.header.fields[HeaderFields.destination] = call["sender"]
        impostor.send(forged)
        time.sleep(0.5)
        impostor.close()
        assert clicked == []
        notification_server.invoke(call["id"])
        deadline = time.monotonic() + 5
        while not clicked and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [n.url for n in clicked] == ["https://example.org/a"]
    finally:
        notifier.close()


def test_markup_servers_get_escaped_text(session_bus: str):
    from desktopbus import NotificationServer

    server = NotificationServer(session_bus, markup=True)
    notifier = FreedesktopNotifier(lambda n: None)
    try:
        notifier.show(Notification("T", '<a href="file:///etc/passwd">x</a> & <b>', None))
        (call,) = server.wait_for_calls(1)
    finally:
        notifier.close()
        server.stop()
    assert call["body"] == '&lt;a href="file:///etc/passwd"&gt;x&lt;/a&gt; &amp; &lt;b&gt;'
    assert call["actions"] == ["default", "Open inbox"]


def test_no_server_means_unavailable(session_bus: str):
    with pytest.raises(NotificationsUnavailable):
        FreedesktopNotifier(lambda n: None)


def test_open_link_refuses_everything_but_web_links(opened_links: Path):
    for url in ("file:///etc/passwd", "javascript:alert(1)", "smb://host/share", "", "/etc/passwd"):
        assert open_link(url) is False
    assert open_link("https://example.org/ok") is True
    assert wait_for_lines(opened_links, 1) == ["https://example.org/ok"]


def test_poll_notify_end_to_end_then_click_opens_the_original(notification_server, opened_links: Path,
                                                              world, tmp_path: Path):
    """`stakewatch poll --once --notify` on loopback feeds, then a click on the notification."""
    import json
    import os
    import subprocess
    import sys

    from feedworld import Route, rss

    world.routes["/news.rss"] = Route(rss([
        {"title": "Digital minister Masaaki Taira speaks", "link": world.url("/taira?utm_source=rss"),
         "description": "大臣"}]))
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [
        {"name": "Masaaki Taira", "kind": "official", "priority": True}]}],
        "sources": [{"name": "Agency", "kind": "feed", "url": world.url("/news.rss"),
                     "official_for": ["Masaaki Taira"]}]}))
    data = tmp_path / "data"
    base = [sys.executable, "-m", "stakewatch", "--data-dir", str(data)]
    subprocess.run(base + ["import", str(config)], check=True, capture_output=True, timeout=60)
    result = subprocess.run(base + ["poll", "--once", "--notify"], capture_output=True, text=True,
                            timeout=60, env=os.environ.copy())
    assert "Notifications shown: 1 (through freedesktop)" in result.stdout, result.stdout + result.stderr
    (call,) = notification_server.wait_for_calls(1)
    assert call["summary"] == "Priority \u00b7 Statement by Masaaki Taira"
    again = subprocess.run(base + ["poll", "--once", "--notify", "--force"], capture_output=True,
                           text=True, timeout=60)
    assert "Notifications shown: 0" in again.stdout
    assert len(notification_server.calls()) == 1



def test_watch_notifies_and_a_click_opens_that_alerts_link(notification_server, opened_links: Path,
                                                           world, tmp_path: Path):
    import json
    import os
    import signal
    import subprocess
    import sys

    from feedworld import Route, rss

    world.routes["/wire.rss"] = Route(rss([
        {"title": "OpenAI answers Japan on Sora 2", "link": world.url("/sora?fbclid=zz")},
        {"title": "Weather", "link": world.url("/weather")}]))
    config = tmp_path / "c.json"
    config.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [
        {"name": "Sora 2", "kind": "product"}]}],
        "sources": [{"name": "Wire", "kind": "feed", "url": world.url("/wire.rss")}]}))
    base = [sys.executable, "-m", "stakewatch", "--data-dir", str(tmp_path / "data")]
    subprocess.run(base + ["import", str(config)], check=True, capture_output=True, timeout=60)
    watcher = subprocess.Popen(base + ["watch"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=os.environ.copy())
    try:
        (call,) = notification_server.wait_for_calls(1, timeout=30)
        assert call["summary"] == "Coverage: Sora 2"
        assert call["body"].startswith("OpenAI answers Japan on Sora 2")
        notification_server.invoke(call["id"], "default")
        assert wait_for_lines(opened_links, 1) == [world.url("/sora")]
    finally:
        watcher.send_signal(signal.SIGTERM)
        try:
            watcher.communicate(timeout=20)
        finally:
            watcher.kill()
    assert watcher.returncode == 0


def test_plyer_backend_hands_plain_text_to_the_platform(monkeypatch: pytest.MonkeyPatch):
    """plyer's platform toasts cannot run here; what Stakewatch gives them can be checked."""
    from plyer import notification as plyer_notification

    from stakewatch.notify.plyer_backend import PlyerNotifier

    sent = []
    monkeypatch.setattr(plyer_notification, "notify", lambda **kwargs: sent.append(kwargs))
    notifier = PlyerNotifier()
    assert notifier.available() and not notifier.supports_clicks
    assert notifier.show(Notification("Coverage: Sora 2", "OpenAI ships Sora 2\nWire", "https://example.org/a"))
    icon = sent[0].pop("app_icon")
    assert icon.endswith("stakewatch.png") and Path(icon).exists()
    assert sent == [{"title": "Coverage: Sora 2", "message": "OpenAI ships Sora 2\nWire", "app_name": "Stakewatch",
                     "timeout": 10}]


def test_linux_without_a_server_gets_no_popups_rather_than_errors(session_bus: str):
    from stakewatch.notify import choose_notifier

    notifier = choose_notifier(lambda n: None)
    assert notifier.name == "none" and notifier.show(Notification("t", "b", None)) is False
