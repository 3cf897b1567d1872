"""The tray controller and its windows, driven with pytest-qt (offscreen)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from feedworld import Route, WorldServer, rss
from stakewatch.core import settings
from stakewatch.core.delivery import dispatch
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.platform import autostart
from stakewatch.core.store.database import open_store
from stakewatch.notify.base import NullNotifier

pytest.importorskip("PySide6")

from stakewatch.core.store import inbox  # noqa: E402
from stakewatch.qt.app import Controller  # noqa: E402
from stakewatch.qt.icons import STATES, state_pixmap  # noqa: E402
from stakewatch.qt.settings_dialog import SettingsDialog  # noqa: E402

NOW = datetime.now(UTC)


class RecordingNotifier(NullNotifier):
    name = "recording"

    def __init__(self) -> None:
        self.shown = []

    def show(self, notification) -> bool:
        self.shown.append(notification)
        return True


def configure(root: Path, world: WorldServer, hostile: bool = False) -> None:
    title = '<img src=x onerror=alert(1)> Sora 2 &amp; "friends"' if hostile else "OpenAI ships Sora 2"
    world.routes["/feed"] = Route(rss([
        {"title": title.replace("<", "&lt;").replace(">", "&gt;") if hostile else title,
         "link": world.url("/story"), "pubDate": NOW.strftime("%a, %d %b %Y %H:%M:%S GMT")}]))
    world.routes["/broken"] = Route(b"", status=500)
    with open_store(root) as store:
        store.apply_config([Watchlist("W", (Entity("Sora 2", "product"),))],
                           [Source("Feed", "feed", world.url("/feed")), Source("Broken", "feed", world.url("/broken"))])
        # both on one loopback host: unspaced, one cycle takes both (spacing has its own tests)
        settings.put(store, "poll.host_spacing", "0")


@pytest.fixture
def controller(qtbot, data_dir: Path, world: WorldServer):
    configure(data_dir, world)
    ctl = Controller(data_dir, notifier=RecordingNotifier())
    yield ctl
    ctl.scheduler.stop()
    ctl.tasks.pool.waitForDone(20_000)
    if ctl.window is not None:
        ctl.window.close()


def test_poll_runs_in_a_worker_and_fills_menu_badge_and_notifications(qtbot, controller, opened_links: Path):
    controller.start()
    assert controller.scheduler.in_flight and controller.state == "polling"
    assert controller.poll() is False  # never twice at once
    qtbot.waitUntil(lambda: not controller.scheduler.in_flight, timeout=20_000)
    qtbot.waitUntil(lambda: controller.unseen == 1, timeout=5_000)  # the badge is the unread count
    assert controller.state == "alerts"
    texts = [a.text() for a in controller.menu.actions()]
    assert "Sora 2: OpenAI ships Sora 2" in texts  # one entry per story
    assert "Source health (1 failing)" in texts
    assert [(n.title, n.urgency) for n in controller.notifier.shown] == [
        ("Coverage: Sora 2", "normal"), ("Source failing: Broken", "low")]
    action = next(a for a in controller.menu.actions() if a.text().startswith("Sora 2:"))
    action.trigger()
    qtbot.waitUntil(lambda: opened_links.exists(), timeout=5_000)
    assert opened_links.read_text().split() == [controller.snapshot.latest[0].url]
    # opening the original from the tray marked it read: the badge goes, the failing corner stays
    qtbot.waitUntil(lambda: controller.unseen == 0 and controller.state == "failing", timeout=5_000)


def test_refresh_while_polling_runs_once_more_afterwards(qtbot, controller, world: WorldServer):
    controller.start()
    controller.poll(force=True)
    assert controller.scheduler.pending_force
    qtbot.waitUntil(lambda: world.hits["/feed"] >= 2 and not controller.scheduler.in_flight, timeout=20_000)
    assert not controller.scheduler.pending_force


def test_no_tray_opens_the_main_window_with_a_note(qtbot, controller):
    assert controller.has_tray is False  # offscreen has no tray
    controller.start()
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    assert "no system tray" in controller.window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not controller.scheduler.in_flight, timeout=20_000)
    qtbot.waitUntil(lambda: controller.window.inbox.model.rowCount() == 1, timeout=20_000)
    assert controller.window.health.table.rowCount() == 2


def test_hostile_title_is_literal_text_everywhere(qtbot, data_dir: Path, world: WorldServer):
    configure(data_dir, world, hostile=True)
    ctl = Controller(data_dir, notifier=RecordingNotifier())
    ctl.start()
    qtbot.waitUntil(lambda: not ctl.scheduler.in_flight, timeout=20_000)
    ctl.tasks.pool.waitForDone(20_000)
    stored = ctl.snapshot.latest[0].title
    assert "<img" not in stored and "onerror" not in stored  # markup never survives into storage
    qtbot.waitUntil(lambda: ctl.window is not None and ctl.window.inbox.model.rowCount() == 1, timeout=10_000)
    inbox_view = ctl.window.inbox
    assert inbox_view.model.index(0, 3).data() == stored
    assert inbox_view.detail_title.text() == stored
    assert inbox_view.detail_title.textFormat() == inbox_view.detail_title.textFormat().PlainText
    assert all("<" not in n.title + n.body for n in ctl.notifier.shown)
    menu_text = next(a.text() for a in ctl.menu.actions() if a.text().startswith("Sora 2:"))
    assert "&&" in menu_text  # an ampersand is shown, not taken as a shortcut marker
    ctl.scheduler.stop()
    ctl.window.close()


def test_pause_is_stored_and_shown(qtbot, controller, data_dir: Path):
    controller.pause(timedelta(hours=1))
    assert controller.state == "paused"
    controller.tasks.pool.waitForDone(10_000)
    with open_store(data_dir) as store:
        paused = dispatch.load_state(store).paused_until
    assert paused is not None and paused > datetime.now(UTC) + timedelta(minutes=59)
    controller.pause(timedelta(0))
    assert controller.state != "paused"


def test_a_pause_survives_a_restart(qtbot, controller, data_dir: Path):
    controller.pause(timedelta(hours=1))
    controller.tasks.pool.waitForDone(10_000)
    controller.scheduler.stop()
    again = Controller(data_dir, notifier=RecordingNotifier())
    again.start()
    try:
        qtbot.waitUntil(lambda: again.paused_until is not None and not again.scheduler.in_flight, timeout=20_000)
        assert again.state == "paused"
        pause_menu = next(a.menu() for a in again.menu.actions() if a.menu() is not None)
        resume = next(a for a in pause_menu.actions() if a.text() == "Resume")
        assert resume.isEnabled()
        assert again.snapshot.paused_until is not None
    finally:
        again.scheduler.stop()
        again.tasks.pool.waitForDone(20_000)


def test_a_failed_poll_stays_in_the_tooltip_and_the_window_until_a_poll_succeeds(qtbot, controller):
    controller.start()
    qtbot.waitUntil(lambda: not controller.scheduler.in_flight, timeout=20_000)
    controller.scheduler.failed.emit("the database is locked")
    assert "the database is locked" in controller.tray.toolTip()
    controller._set_state()
    assert "the database is locked" in controller.tray.toolTip()
    controller.open_window()
    assert "the database is locked" in controller.window.statusBar().currentMessage()
    controller.poll(force=True)
    qtbot.waitUntil(lambda: not controller.scheduler.in_flight, timeout=20_000)
    assert "the database is locked" not in controller.tray.toolTip()
    assert "the database is locked" not in controller.window.statusBar().currentMessage()
    controller.window.close()


def test_window_geometry_is_kept_per_data_dir(tmp_path: Path):
    from stakewatch.qt.main_window import geometry_key

    assert geometry_key(tmp_path / "a") != geometry_key(tmp_path / "b")
    assert geometry_key(tmp_path / "a") == geometry_key(tmp_path / "a" / ".." / "a")


def test_each_state_has_its_own_icon(qtbot):
    images = {state: state_pixmap(state, 3).toImage() for state in STATES}
    assert len({img.cacheKey() for img in images.values()}) == len(STATES)
    assert all(images["idle"] != images[s] for s in STATES if s != "idle")


def test_settings_dialog_is_built_from_the_registry_with_spin_boxes_and_words(qtbot):
    from PySide6.QtWidgets import QSpinBox

    from stakewatch.core import settings

    saved, tested = [], []
    dialog = SettingsDialog({"alerts.quiet_hours": ""}, False, lambda values, start: saved.append((values, start)),
                            test_notification=lambda: tested.append(True))
    qtbot.addWidget(dialog)
    assert set(dialog.fields) == set(settings.SETTINGS)  # every setting, retention included
    for key, setting in settings.SETTINGS.items():
        if setting.low is not None:
            assert isinstance(dialog.fields[key], QSpinBox) and dialog.fields[key].maximum() == setting.high
    assert dialog.labels["fetch.connect_timeout"] == "Give up connecting after"
    assert "timeout" not in " ".join(dialog.labels.values()).lower()
    proxy = dialog.fields["fetch.proxy"]
    proxy.choice.setCurrentIndex(2)
    assert "type the proxy's address" in dialog.error.text()  # "this proxy" with none typed is not "system"
    proxy.address.setText("ftp://proxy.example.org")
    save = dialog.buttons.buttons()[0]
    assert not save.isEnabled() and dialog.error.text().startswith("Proxy: must be system, none")
    proxy.address.setText("http://proxy.example.org:8080")
    quiet = dialog.fields["alerts.quiet_hours"]
    quiet.on.setChecked(True)
    dialog.fields["items.retention_days"].setValue(30)
    dialog.autostart.setChecked(True)
    assert save.isEnabled()
    dialog.test_button.click()
    assert tested == [True]
    dialog._accept()
    values, start = saved[0]
    assert values["alerts.quiet_hours"] == "22:00-07:00" and values["items.retention_days"] == "30"
    assert values["fetch.proxy"] == "http://proxy.example.org:8080" and start is True


def test_start_at_login_writes_an_xdg_autostart_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert not autostart.is_enabled()
    autostart.enable()
    entry = (tmp_path / "autostart" / "stakewatch.desktop").read_text()
    assert "Exec=" in entry and "stakewatch" in entry and autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()


def test_clock_jump_after_sleep_triggers_a_poll(qtbot, controller):
    controller.start()
    qtbot.waitUntil(lambda: not controller.scheduler.in_flight, timeout=20_000)
    controller.scheduler._wall -= 3600  # as if the machine had slept an hour
    controller.scheduler.check_clock()
    assert controller.scheduler.in_flight
    qtbot.waitUntil(lambda: not controller.scheduler.in_flight, timeout=20_000)
    controller.scheduler.check_clock()
    assert not controller.scheduler.in_flight


def test_tray_message_backend_opens_what_it_announced(qtbot, controller, opened_links: Path):
    """The Windows backend, driven offscreen: the balloon click itself cannot happen here."""
    from stakewatch.core.delivery.policy import Notification
    from stakewatch.qt.app import TrayNotifier

    clicked = []
    notifier = TrayNotifier(controller.tray, clicked.append)
    note = Notification("Statement by Masaaki Taira", "text", "https://example.org/x")
    assert notifier.show(note)
    controller.tray.messageClicked.emit()
    assert clicked == [note]
    controller._notification_clicked(note)
    qtbot.waitUntil(opened_links.exists, timeout=5_000)
    assert opened_links.read_text().split() == ["https://example.org/x"]
    controller._notification_clicked(Notification("3 new", "", None, opens_inbox=True))
    assert controller.window is not None and controller.window.isVisible()


def test_import_from_the_tray_and_a_bad_file_changes_nothing(qtbot, controller, tmp_path: Path, data_dir: Path):
    good = tmp_path / "more.json"
    good.write_text(json.dumps({"version": 1, "watchlists": [{"name": "Extra", "entities": [
        {"name": "Akihisa Shiozaki", "kind": "official", "aliases": ["塩崎彰久"]}]}]}), encoding="utf-8")
    controller.actions.import_watchlists(str(good))
    qtbot.waitUntil(lambda: controller.last_message.startswith("Imported 1 watchlist"), timeout=10_000)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": 1, "sources": [{"name": "X", "url": "file:///etc/passwd"}]}))
    controller.actions.import_watchlists(str(bad))
    qtbot.waitUntil(lambda: "sources[0].url" in controller.last_message, timeout=10_000)
    assert controller.actions.message_box is not None and controller.actions.message_box.isVisible()
    assert controller.actions.message_box.textFormat() == controller.actions.message_box.textFormat().PlainText
    controller.tasks.pool.waitForDone(20_000)
    with open_store(data_dir) as store:
        assert [w.name for w in store.watchlists()] == ["W", "Extra"]
        assert "X" not in [s.name for s in store.sources()]
    out = tmp_path / "out.json"
    controller.actions.export_watchlists(str(out))
    qtbot.waitUntil(out.exists, timeout=10_000)
    assert [w["name"] for w in json.loads(out.read_text(encoding="utf-8"))["watchlists"]] == ["W", "Extra"]


def test_export_briefing_from_the_tray(qtbot, controller, tmp_path: Path):
    import subprocess

    from stakewatch.qt.briefing_dialog import BriefingDialog

    controller.start()
    qtbot.waitUntil(lambda: not controller.scheduler.in_flight, timeout=20_000)
    submitted = []
    dialog = BriefingDialog(["W"], submitted.append)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "tray-briefing"))
    dialog.watchlist.setCurrentIndex(1)
    dialog.open_when_done.setChecked(False)
    dialog._accept()
    (request,) = submitted
    assert request.path.name == "tray-briefing.pdf" and request.watchlist == "W"
    controller.actions.write_briefing(request)
    qtbot.waitUntil(lambda: controller.last_message.startswith("Briefing saved"), timeout=30_000)
    text = subprocess.run(["pdftotext", str(request.path), "-"], capture_output=True, text=True).stdout
    assert "OpenAI ships Sora 2" in text and "Sora 2" in text


def test_clicking_the_icon_while_sources_fail_opens_source_health(qtbot, controller):
    from PySide6.QtWidgets import QSystemTrayIcon

    controller.start()
    qtbot.waitUntil(lambda: not controller.scheduler.in_flight, timeout=20_000)
    with open_store(controller.root) as store:
        inbox.mark_read(store, [a.id for a in store.alerts()])
    controller._menu_opened()
    qtbot.waitUntil(lambda: controller.state == "failing", timeout=5_000)
    controller._activated(QSystemTrayIcon.ActivationReason.Trigger)
    assert controller.window.tabs.currentIndex() == 1


def test_about_names_the_version_and_the_licences(qtbot, controller):
    from stakewatch import __version__

    controller.actions.open_about()
    text = controller.actions.about.text.toPlainText()
    assert f"Stakewatch {__version__}" in text
    for part in ("PySide6-Essentials", "LGPL-3.0", "VL Gothic font", "BSD-3-Clause", "feedparser", "apprise"):
        assert part in text
    assert "About Stakewatch" in [a.text() for a in controller.menu.actions()]
    controller.actions.about.close()


def test_an_entity_imported_from_the_tray_finds_the_stored_items_silently(qtbot, controller, tmp_path: Path,
                                                                         data_dir: Path):
    controller.poll(scheduled=True)
    controller.tasks.pool.waitForDone(20_000)
    qtbot.waitUntil(lambda: bool(controller.notifier.shown), timeout=10_000)
    shown = len(controller.notifier.shown)
    more = tmp_path / "more.json"
    more.write_text(json.dumps({"version": 1, "watchlists": [{"name": "W", "entities": [
        {"name": "OpenAI", "kind": "company"}]}]}), encoding="utf-8")
    controller.actions.import_watchlists(str(more))
    qtbot.waitUntil(lambda: "1 stored item matched" in controller.last_message, timeout=10_000)
    controller.tasks.pool.waitForDone(20_000)
    with open_store(data_dir) as store:
        [openai] = [a for a in store.alerts() if a.entity == "OpenAI"]
        assert openai.backfilled and openai.title == "OpenAI ships Sora 2"
    assert len(controller.notifier.shown) == shown


def test_the_demo_offers_reset_demo_and_asks_first(qtbot, data_dir: Path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from stakewatch.core.platform.demo import RESET_DEMO

    plain = Controller(data_dir, notifier=RecordingNotifier())
    assert not any(a.text().startswith("Reset demo") for a in plain.menu.actions())
    demo = Controller(data_dir, demo=True, notifier=RecordingNotifier())
    reset = next(a for a in demo.menu.actions() if a.text() == "Reset demo\u2026")
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: codes.append(code)))
    asked: list[str] = []

    def answer(button: str) -> None:
        """Press `button` in the question once it is up (the modal box of the moment)."""
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lambda: answer(button))
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text().replace("&", "") == button).click()

    QTimer.singleShot(0, lambda: answer("Cancel"))
    reset.trigger()
    assert asked and "Empty the demo" in asked[0]
    assert not demo.quitting and codes == []
    QTimer.singleShot(0, lambda: answer("Reset demo"))
    reset.trigger()
    assert demo.quitting
    qtbot.waitUntil(lambda: codes == [RESET_DEMO], timeout=15_000)
    plain.scheduler.stop()


def test_the_demo_restarted_by_reset_demo_opens_its_window_again(qtbot, data_dir: Path, monkeypatch):
    import importlib
    import os

    from stakewatch.core.platform.demo import REOPEN_WINDOW

    cli_main = importlib.import_module("stakewatch.cli.main")

    monkeypatch.delenv(REOPEN_WINDOW, raising=False)
    execs: list[bool] = []

    def execv(_path: str, _argv: list[str]) -> None:
        execs.append(os.environ.get(REOPEN_WINDOW) == "1")

    monkeypatch.setattr(cli_main.os, "execv", execv)
    cli_main.restart_demo()
    assert execs == [True]
    for reopened in (True, False):
        demo = Controller(data_dir, demo=True, notifier=RecordingNotifier())
        demo.has_tray = True  # as on a desktop with a tray, where a plain start shows only the tray
        demo.start()
        assert (demo.window is not None and demo.window.isVisible()) is reopened
        assert REOPEN_WINDOW not in os.environ  # said once; a later start shows only the tray
        demo.scheduler.stop()
        demo.tasks.pool.waitForDone(20_000)
        if demo.window is not None:
            demo.window.close()


def test_closing_the_welcome_without_a_choice_says_how_to_start(qtbot, data_dir: Path):
    ctl = Controller(data_dir, notifier=RecordingNotifier())
    ctl.welcome_skipped()
    assert "Import watchlists" in ctl.last_message and "welcome" in ctl.last_message
    ctl.scheduler.stop()


def test_a_quit_asked_before_the_event_loop_runs_still_ends_it(qtbot, data_dir: Path):
    """SIGTERM handled between the start line and app.exec(): the loop that starts next ends at once with
    the asked code, rather than running on as if the signal never came."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    ctl = Controller(data_dir, notifier=RecordingNotifier())
    ctl.quit(3)  # no event loop is running here
    QTimer.singleShot(10_000, lambda: QApplication.exit(99))  # what the loop would have waited for
    assert QApplication.instance().exec() == 3
    ctl.scheduler.stop()
