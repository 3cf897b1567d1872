"""The Channels tab over a real store, a real Secret Service and a loopback receiver."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from receivers import JsonReceiver, free_port, keyring_in_process

from stakewatch.core import Service
from stakewatch.core.model import Entity, Watchlist
from stakewatch.core.store import channels as store_channels
from stakewatch.core.store.database import Store
from stakewatch.qt.channels import ChannelDialog, ChannelsView


def test_add_test_and_remove_a_channel(qtbot, tmp_path, store: Store, data_dir: Path, monkeypatch):
    store.apply_config([Watchlist("Japan AI & IP", (Entity("Sora 2", "product"),))], [])
    receiver = JsonReceiver(credentials="bot:pw").start()
    try:
        with keyring_in_process(tmp_path / "keyring"):
            view = ChannelsView(Service(store))
            qtbot.addWidget(view)
            view.show()
            assert view.empty_hint.isVisible() and "Add channel" in view.empty_hint.text()

            def filled(dialog: ChannelDialog) -> int:
                dialog.name.setText("team")
                dialog.url.setText(receiver.url("/team", "bot", "pw"))
                dialog.watchlists.item(0).setCheckState(dialog.watchlists.item(0).checkState().Checked)
                dialog.only.setCurrentIndex(1)
                dialog.accept()
                return dialog.result()

            monkeypatch.setattr(ChannelDialog, "exec", filled)
            view.add_channel()
            qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=15_000)
            assert not view.empty_hint.isVisible()
            assert view.table.item(0, 0).text() == "team" and view.table.item(0, 1).text() == "Japan AI & IP"
            row = store_channels.find(store, "team")
            assert row is not None and row.channel.only == "statements"
            view.table.selectRow(0)
            view.test_current()
            qtbot.waitUntil(lambda: len(receiver.on("/team")) == 1, timeout=15_000)
            qtbot.waitUntil(lambda: view.table.item(0, 3).text() == "ok", timeout=15_000)
            shown = " ".join(view.table.item(0, c).text() for c in range(view.table.columnCount()))
            assert "bot:pw" not in shown and str(receiver.port) not in shown
            view.remove_current()
            qtbot.waitUntil(lambda: view.table.rowCount() == 0, timeout=15_000)
            view.wait()
    finally:
        receiver.stop()


def test_the_dialog_keeps_a_mistake_on_screen(qtbot):
    dialog = ChannelDialog(["W"])
    qtbot.addWidget(dialog)
    dialog.name.setText("team")
    dialog.url.setText("nonsense://hello")
    dialog.accept()
    assert "Apprise does not recognise" in dialog.error.text() and dialog.result() == 0
    dialog.url.setText(f"json://127.0.0.1:{free_port()}/x")
    dialog.digest.setText("every day at eight")
    dialog.accept()
    assert "not a digest time" in dialog.error.text()
    dialog.digest.setText("weekly mon 08:00")
    dialog.accept()
    assert dialog.result() == ChannelDialog.DialogCode.Accepted.value
    assert dialog.values()["digest"] == "weekly mon 08:00" and dialog.values()["watchlists"] == []


def test_a_failing_channel_shows_in_source_health(qtbot, store: Store):
    from datetime import UTC, datetime

    from stakewatch.core.delivery.channels import UNREACHABLE, Channel
    from stakewatch.qt.health import HealthView

    store_channels.add_channel(store, Channel("team"), datetime.now(UTC))
    store_channels.add_channel(store, Channel("fine"), datetime.now(UTC))
    store_channels.record_error(store, "team", UNREACHABLE().dumps(), datetime.now(UTC))
    view = HealthView(Service(store), lambda: None)
    qtbot.addWidget(view)
    rows = [[view.table.item(r, c).text() for c in range(view.table.columnCount())]
            for r in range(view.table.rowCount())]
    assert rows == [["Channel: team", "failing", "\u2014", "", str(UNREACHABLE()), "", "", "", ""]]
    view.table.selectRow(0)
    assert view.current() is None and not view.retry_button.isEnabled()


def test_a_keyring_that_fails_keeps_what_was_typed(qtbot, tmp_path, store: Store, data_dir: Path, monkeypatch):
    import keyring.core
    from keyring.backends import fail

    store.apply_config([Watchlist("Japan AI & IP", (Entity("Sora 2", "product"),))], [])
    view = ChannelsView(Service(store))
    qtbot.addWidget(view)
    url = f"json://127.0.0.1:{free_port()}/team"
    opened: list[ChannelDialog] = []

    def typed(dialog: ChannelDialog) -> int:
        opened.append(dialog)
        dialog.name.setText("team")
        dialog.url.setText(url)
        dialog.digest.setText("daily 08:00")
        dialog.accept()
        return 0

    monkeypatch.setattr(ChannelDialog, "exec", typed)
    previous = keyring.core._keyring_backend
    keyring.core.set_keyring(fail.Keyring())
    try:
        view.add_channel()
        dialog = opened[0]
        qtbot.waitUntil(lambda: dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled(), timeout=15_000)
        view.wait()
    finally:
        keyring.core._keyring_backend = previous
    assert "keyring" in dialog.error.text().lower() and dialog.result() == 0  # said in the dialog, still open
    assert (dialog.name.text(), dialog.url.text(), dialog.digest.text()) == ("team", url, "daily 08:00")
    assert store_channels.find(store, "team") is None and view.table.rowCount() == 0
    with keyring_in_process(tmp_path / "keyring"):
        dialog.accept()  # the same values, once the keyring answers
        qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=15_000)
        view.wait()
    assert dialog.result() == ChannelDialog.DialogCode.Accepted.value


def test_the_url_can_be_shown_and_the_hints_are_whole(qtbot):
    dialog = ChannelDialog(["W"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url.setText("json://example.org/secret-token")
    assert dialog.url.echoMode() == dialog.url.EchoMode.Password
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3_000)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # its mnemonic
    qtbot.waitUntil(lambda: dialog.url.echoMode() == dialog.url.EchoMode.Normal, timeout=3_000)
    assert dialog.url.displayText().endswith("token")
    dialog.show_url.setChecked(False)
    assert dialog.url.displayText() != dialog.url.text()
    for hint in (dialog.url_hint, dialog.digest_hint):
        assert hint.isVisible() and hint.wordWrap()
        assert hint.height() >= hint.heightForWidth(hint.width()), hint.text()  # nothing cut
    assert "mailtos://" in dialog.url_hint.text() and "weekly mon 08:00" in dialog.digest_hint.text()


def test_the_dialog_says_its_own_words_and_points_at_the_faulty_field(qtbot):
    from stakewatch.core.delivery.channels import EMPTY_URL

    dialog = ChannelDialog(["W"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name
    assert dialog.url.width() == dialog.name.width()
    dialog.accept()
    assert dialog.error.text() == "Enter a name for the channel." and dialog.focusWidget() is dialog.name
    dialog.name.setText("team")
    dialog.accept()
    assert dialog.error.text() == "Enter the channel's Apprise URL."
    assert str(EMPTY_URL) not in dialog.error.text() and dialog.focusWidget() is dialog.url
    dialog.url.setText(f"json://127.0.0.1:{free_port()}/x")
    dialog.digest.setText("every day at eight")
    dialog.name.setFocus()
    dialog.accept()
    assert "not a digest time" in dialog.error.text() and dialog.focusWidget() is dialog.digest
    assert dialog.result() == 0
