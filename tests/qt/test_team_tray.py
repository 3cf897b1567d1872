"""The tray on a team server: "Team server…" in the settings attaches the folder, and the doorbell
thread rings when the team's server stores an alert (a real PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from languages import LANGUAGES, in_language
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QLineEdit

from stakewatch.core.store.attachment import SERVER_FILE, attached_server
from stakewatch.qt.settings_dialog import SettingsDialog
from stakewatch.qt.team import TeamBell, ask_team_server, team_server_dialog


def test_the_settings_offer_the_team_server(qtbot):
    asked: list[bool] = []
    dialog = SettingsDialog({}, False, lambda values, start: None, team_server=lambda: asked.append(True))
    qtbot.addWidget(dialog)
    assert dialog.team_button.isEnabled()
    dialog.team_button.click()
    assert asked == [True]
    plain = SettingsDialog({}, False, lambda values, start: None)
    qtbot.addWidget(plain)
    assert not plain.team_button.isEnabled()


def test_attaching_and_detaching_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("STAKEWATCH_SERVER", raising=False)
    answers = iter([("postgresql://hanako@db.example.org/team", True), ("not an address", True), ("", False),
                    ("", False), ("", True)])
    labels: list[str] = []

    def answer(dialog: QInputDialog) -> int:
        labels.append(dialog.labelText())
        text, ok = next(answers)
        dialog.setTextValue(text)
        return (QDialog.DialogCode.Accepted if ok else QDialog.DialogCode.Rejected).value

    monkeypatch.setattr(QInputDialog, "exec", answer)
    assert ask_team_server(None, tmp_path) == "postgresql://hanako@db.example.org/team"
    assert attached_server(tmp_path) == "postgresql://hanako@db.example.org/team"
    assert ask_team_server(None, tmp_path) is None  # refused, asked again, then cancelled: it stays attached
    assert "not an address" not in labels[1] and "\u201cnot an address\u201d" in labels[2]  # says why
    assert ask_team_server(None, tmp_path) is None  # cancelled
    assert attached_server(tmp_path) == "postgresql://hanako@db.example.org/team"
    assert ask_team_server(None, tmp_path) == ""  # emptied: the folder polls on its own again
    assert attached_server(tmp_path) is None and not (tmp_path / SERVER_FILE).exists()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_team_server_question_fits_a_laptop_at_125_percent(qtbot, lang: str, monkeypatch: pytest.MonkeyPatch):
    """Its long explanation wraps: the field, OK and Cancel stay on a 1366x768 screen at 125 %."""
    from stakewatch.qt import fit

    room = QSize(round(1366 / 1.25) - 16, round(768 / 1.25) - 40)
    monkeypatch.setattr(fit, "free_area", lambda _widget: room)
    with in_language(lang):
        dialog = team_server_dialog(None, "")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), dialog.size()
        buttons = dialog.findChild(QDialogButtonBox)
        for widget in [*buttons.buttons(), dialog.findChild(QLineEdit)]:
            assert dialog.rect().contains(QRect(widget.mapTo(dialog, QPoint(0, 0)), widget.size())), widget


def test_settings_on_an_unreachable_team_server_offer_to_change_its_address(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The settings live in the team database: when its server cannot be reached they cannot be read, and
    "Team server…" (in the settings) was out of reach too. Settings… now offers the address instead."""
    import socket

    from PySide6.QtWidgets import QMessageBox

    from stakewatch.core import Service
    from stakewatch.qt.actions import Actions
    from stakewatch.qt.workers import Home, Tasks

    monkeypatch.delenv("STAKEWATCH_SERVER", raising=False)
    Service.open(tmp_path).close()
    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    from stakewatch.core import attach_server

    attach_server(tmp_path, f"postgresql://desk@127.0.0.1:{port}/team")
    asked: list[str] = []

    def answer_yes(box: QMessageBox) -> int:
        asked.append(box.text())
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.click()
        return QMessageBox.StandardButton.Yes.value

    def empty_the_address(dialog: QInputDialog) -> int:
        dialog.setTextValue("")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QMessageBox, "exec", answer_yes)
    monkeypatch.setattr(QInputDialog, "exec", empty_the_address)
    tasks = Tasks(home=Home(tmp_path))
    actions = Actions(tasks)
    changed: list[str] = []
    problems: list[str] = []
    actions.team_changed.connect(changed.append)
    actions.problem.connect(problems.append)
    actions.open_settings()
    qtbot.waitUntil(lambda: changed == [""], timeout=10_000)
    assert problems and f"127.0.0.1:{port}" in problems[0]
    assert len(asked) == 1 and "team server" in asked[0]
    assert attached_server(tmp_path) is None
    tasks.wait()


def test_emptying_an_unreachable_address_clears_what_it_caused(qtbot, data_dir: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    """Once the folder polls on its own again, the tray's tooltip and the window's status line no longer
    say that the team server it left cannot be reached."""
    import socket

    from PySide6.QtWidgets import QMessageBox

    from stakewatch.core import Service, attach_server
    from stakewatch.notify.base import NullNotifier
    from stakewatch.qt.app import Controller

    monkeypatch.delenv("STAKEWATCH_SERVER", raising=False)
    Service.open(data_dir).close()
    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    attach_server(data_dir, f"postgresql://desk@127.0.0.1:{port}/team")

    def empty_the_address(dialog: QInputDialog) -> int:
        dialog.setTextValue("")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    monkeypatch.setattr(QInputDialog, "exec", empty_the_address)
    ctl = Controller(data_dir, notifier=NullNotifier())
    try:
        ctl.actions.open_settings()
        qtbot.waitUntil(lambda: attached_server(data_dir) is None, timeout=10_000)
        qtbot.waitUntil(lambda: not ctl.tasks.running, timeout=10_000)
        assert not [p for p in ctl.problems.values() if f":{port}" in p], ctl.problems
        assert f":{port}" not in ctl.tray.toolTip()
    finally:
        ctl.scheduler.stop()
        ctl.tasks.pool.waitForDone(20_000)


def test_the_window_follows_the_folder_to_its_own_database_when_the_address_is_emptied(
        qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    """The window read what the desk kept of a team server that cannot be reached; once the address is
    emptied it reads the folder's own database, without being closed and opened again by hand."""
    import socket

    from stakewatch.core import Service, attach_server
    from stakewatch.notify.base import NullNotifier
    from stakewatch.qt.app import Controller

    monkeypatch.delenv("STAKEWATCH_SERVER", raising=False)
    Service.open(data_dir).close()
    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    attach_server(data_dir, f"postgresql://desk@127.0.0.1:{port}/team")
    ctl = Controller(data_dir, notifier=NullNotifier())
    try:
        ctl.open_window(tab=1)
        assert ctl.window is not None and ctl.window.service.database.name == "team-cache.db"
        attach_server(data_dir, None)  # what "Team server…" does when the address is emptied
        ctl.actions.team_changed.emit("")
        window = ctl.window
        assert window is not None and window.isVisible() and window.tabs.currentIndex() == 1
        assert window.service.database == data_dir / "stakewatch.db"
    finally:
        ctl.scheduler.stop()
        ctl.tasks.pool.waitForDone(20_000)
        if ctl.window is not None:
            ctl.window.close()


def test_the_window_reads_the_team_database_again_once_its_server_answers(
        qtbot, data_dir: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch):
    """Opened on what the desk kept while the team server did not answer, the window reads the team's
    database again when the doorbell says the server is back, without being reopened by hand."""
    from stakewatch.core import attach_server
    from stakewatch.core.store.attachment import reachable
    from stakewatch.core.store.database import Store
    from stakewatch.notify.base import NullNotifier
    from stakewatch.qt.app import Controller

    monkeypatch.delenv("STAKEWATCH_SERVER", raising=False)
    attach_server(data_dir, pg_url)
    Store(data_dir / "team-cache.db", local=True).close()  # what the desk kept when it last read the team
    reachable(pg_url, False)  # the doorbell found the server away
    ctl = Controller(data_dir, notifier=NullNotifier())
    try:
        ctl.open_window(tab=2)
        assert ctl.window is not None and ctl.window.kept
        assert ctl.window.service.database.name == "team-cache.db"
        reachable(pg_url, True)  # what the doorbell does when the server answers again, then it says so
        ctl._team_online(True)
        window = ctl.window
        assert window is not None and not window.kept and window.isVisible() and window.tabs.currentIndex() == 2
        assert window.service.shared  # the team's database, not the copy
    finally:
        reachable(pg_url, True)
        ctl.scheduler.stop()
        ctl.tasks.pool.waitForDone(20_000)
        if ctl.window is not None:
            ctl.window.close()
        attach_server(data_dir, None)


def test_the_doorbell_rings_in_the_tray_when_an_alert_is_stored(qtbot, pg_url: str):
    bell = TeamBell(pg_url)
    rungs: list[bool] = []
    bell.rung.connect(lambda: rungs.append(True))
    with qtbot.waitSignal(bell.online, timeout=20_000) as online:
        bell.start()
    assert online.args == [True]
    try:
        qtbot.waitUntil(lambda: len(rungs) == 1, timeout=10_000)  # on connecting: catch up with what came before
        with psycopg.connect(pg_url) as conn:
            conn.execute("INSERT INTO watchlists(name) VALUES ('W')")
            conn.execute("INSERT INTO entities(watchlist_id, name, kind) SELECT id, 'OpenAI', 'company' "
                         "FROM watchlists")
            story = conn.execute("INSERT INTO stories(title, tokens, published, created) "
                                 "VALUES ('s', '[]', 0, 0) RETURNING id").fetchone()[0]
            conn.execute("INSERT INTO alerts(entity_id, story_id, kind, title, url, published, found, matched, "
                         "snippet) SELECT id, %s, 'coverage', 'OpenAI news', '', 0, 0, '[]', '' FROM entities",
                         (story,))
        qtbot.waitUntil(lambda: len(rungs) == 2, timeout=20_000)  # the alert's NOTIFY
    finally:
        bell.stop()


def test_an_attached_tray_polls_nothing_and_notifies_what_the_server_stores(qtbot, data_dir: Path, pg_url: str,
                                                                           world, monkeypatch: pytest.MonkeyPatch):
    from feedworld import Route, rss
    from stakewatch.core.model import Entity, Source, Watchlist
    from stakewatch.core.service import Service
    from stakewatch.core.store.attachment import attach
    from stakewatch.core.store.database import Store
    from stakewatch.notify.base import NullNotifier
    from stakewatch.qt.app import Controller

    class Recording(NullNotifier):
        name = "recording"

        def __init__(self) -> None:
            self.shown: list[object] = []

        def show(self, notification) -> bool:  # type: ignore[no-untyped-def]
            self.shown.append(notification)
            return True

    monkeypatch.delenv("STAKEWATCH_SERVER", raising=False)
    world.routes["/feed"] = Route(rss([{"title": "OpenAI ships a model", "link": "http://127.0.0.1/a", "guid": "a"}]))
    server_folder = data_dir.parent / "server"
    server_folder.mkdir()
    with Store(server_folder / "stakewatch.db", pg_url) as server:
        server.apply_config([Watchlist("AI", (Entity("OpenAI", "company"),))],
                            [Source("Feed", "feed", world.url("/feed"))])
    attach(data_dir, pg_url)
    notifier = Recording()
    ctl = Controller(data_dir, notifier=notifier)
    ctl.start()
    try:
        assert ctl.team_bell is not None
        qtbot.waitUntil(lambda: not ctl.scheduler.in_flight, timeout=20_000)
        assert world.hits["/feed"] == 0  # the desk polls nothing itself
        with Store(server_folder / "stakewatch.db", pg_url) as server:
            server.serving = True
            Service(server).poll()  # the team's poller stores an alert; the doorbell wakes the tray
        assert world.hits["/feed"] == 1
        qtbot.waitUntil(lambda: any("OpenAI ships a model" in n.title + n.body  # type: ignore[attr-defined]
                                    for n in notifier.shown), timeout=20_000)
        qtbot.waitUntil(lambda: not ctl.scheduler.in_flight, timeout=20_000)
        assert ctl.snapshot.latest and ctl.snapshot.latest[0].title == "OpenAI ships a model"
    finally:
        if ctl.team_bell is not None:
            ctl.team_bell.stop()
        ctl.scheduler.stop()
        ctl.tasks.pool.waitForDone(20_000)
        attach(data_dir, None)
