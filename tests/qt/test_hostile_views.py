"""Server text in the source health view is shown as plain text, never as markup."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QTextDocument

from stakewatch.core import Service
from stakewatch.core.model import Source
from stakewatch.core.store.database import Store
from stakewatch.qt.health import HealthView

NOW = datetime.now(UTC)
MARKUP = "<b>bold</b> <img src='http://evil.invalid/x.png'> <a href='file:///etc/passwd'>x</a>"


def test_health_tooltip_shows_server_text_literally(qtbot, store: Store):
    store.apply_config([], [Source("Wire", "feed", "http://127.0.0.1:9/feed")])
    store.record_failure(store.sources()[0].id, MARKUP + " \x1b[31m", NOW, NOW + timedelta(hours=1),
                         NOW + timedelta(hours=1), None)
    view = HealthView(Service(store), lambda: None)
    qtbot.addWidget(view)
    tip = view.table.item(0, 4).toolTip()
    document = QTextDocument()
    document.setHtml(tip)
    shown = document.toPlainText()
    assert "<b>bold</b>" in shown and "<img src=" in shown and "file:///etc/passwd" in shown
    assert "\x1b" not in shown and "\x1b" not in view.table.item(0, 4).text()


def test_instance_socket_lives_in_a_private_folder_and_answers_its_user(qtbot, tmp_path, monkeypatch):
    import os
    import stat

    from PySide6.QtNetwork import QLocalSocket

    from stakewatch.qt import single

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(single.tempfile, "gettempdir", lambda: str(tmp_path))
    name = single.server_name(tmp_path / "data")
    folder = tmp_path / f"stakewatch-{os.getuid()}"
    assert os.path.dirname(name) == str(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    server = single.InstanceServer(tmp_path / "data")
    assert server.server.isListening() and server.server.fullServerName() == name
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(2000)
    assert single.same_user(int(client.socketDescriptor()))
    with qtbot.waitSignal(server.raise_requested, timeout=3000):
        client.write(b"show\n")
        client.flush()
    server.server.close()


def test_a_socket_folder_that_is_a_link_is_refused(tmp_path, monkeypatch):
    import os

    import pytest

    from stakewatch.qt import single

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(single.tempfile, "gettempdir", lambda: str(tmp_path))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (tmp_path / f"stakewatch-{os.getuid()}").symlink_to(elsewhere)
    with pytest.raises(single.UnsafeRuntimeDir):
        single.server_name(tmp_path / "data")
    assert not single.ask_running_instance(tmp_path / "data")


def test_quit_returns_at_once_and_cancels_the_cycle(qtbot, data_dir, world, monkeypatch):
    from feedworld import Route
    from stakewatch.core import settings
    from stakewatch.core.model import Entity, Watchlist
    from stakewatch.core.store.database import open_store
    from stakewatch.notify.base import NullNotifier
    from stakewatch.qt import app as app_module

    world.routes["/hang"] = Route(behaviour="hang")
    with open_store(data_dir) as store:
        store.apply_config([Watchlist("W", (Entity("Kiuchi"),))],
                           [Source("Hang", "feed", world.url("/hang"))])
        settings.put(store, "fetch.read_timeout", "120")
        settings.put(store, "fetch.deadline", "300")
    quits: list[bool] = []
    monkeypatch.setattr(app_module.QApplication, "exit", staticmethod(lambda code=0: quits.append(code == 0)))
    controller = app_module.Controller(data_dir, notifier=NullNotifier())
    controller.start()
    qtbot.waitUntil(lambda: world.hits["/hang"] == 1, timeout=10_000)
    controller.quit()
    assert controller.scheduler.cancelled.is_set() and quits == []  # the worker is still ending: quit did not wait
    qtbot.waitUntil(lambda: quits == [True], timeout=10_000)
    assert controller.tasks.pool.activeThreadCount() == 0


def test_a_socket_folder_open_to_others_is_refused_with_a_message(tmp_path, monkeypatch):
    import os

    import pytest

    from stakewatch.qt import single

    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(single.tempfile, "gettempdir", lambda: str(tmp_path))
    squatted = tmp_path / f"stakewatch-{os.getuid()}"
    squatted.mkdir()
    squatted.chmod(0o777)
    with pytest.raises(single.UnsafeRuntimeDir) as refused:
        single.server_name(tmp_path / "data")
    assert "open to other users (mode 777)" in str(refused.value) and str(squatted) in str(refused.value)
    assert "Remove it" in str(single.runtime_problem())
    assert oct(squatted.stat().st_mode)[-3:] == "777"  # left as found: not ours to change


def test_a_socket_folder_of_another_user_is_refused_with_a_message(tmp_path, monkeypatch):
    import os

    import pytest

    from stakewatch.qt import single

    if os.getuid() != 0:
        pytest.skip("making a folder owned by another user needs root")
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(single.tempfile, "gettempdir", lambda: str(tmp_path))
    squatted = tmp_path / f"stakewatch-{os.getuid()}"
    squatted.mkdir(mode=0o700)
    os.chown(squatted, 65534, 65534)
    with pytest.raises(single.UnsafeRuntimeDir) as refused:
        single.server_name(tmp_path / "data")
    assert "owned by another user (uid 65534)" in str(refused.value)
