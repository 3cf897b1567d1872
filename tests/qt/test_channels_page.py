"""The Channels tab over a real store, a real Secret Service and a loopback receiver."""

from __future__ import annotations

from pathlib import Path

from receivers import JsonReceiver, free_port, keyring_in_process

from stakewatch.core.model import Entity, Watchlist
from stakewatch.core.store import channels as store_channels
from stakewatch.core.store.database import Store
from stakewatch.qt.channels import ChannelDialog, ChannelsView


def test_add_test_and_remove_a_channel(qtbot, tmp_path, store: Store, data_dir: Path, monkeypatch):
    store.apply_config([Watchlist("Japan AI & IP", (Entity("Sora 2", "product"),))], [])
    receiver = JsonReceiver(credentials="bot:pw").start()
    try:
        with keyring_in_process(tmp_path / "keyring"):
            view = ChannelsView(data_dir, store)
            qtbot.addWidget(view)

            def filled(dialog: ChannelDialog) -> int:
                dialog.name.setText("team")
                dialog.url.setText(receiver.url("/team", "bot", "pw"))
                dialog.watchlists.item(0).setCheckState(dialog.watchlists.item(0).checkState().Checked)
                dialog.only.setCurrentIndex(1)
                return ChannelDialog.DialogCode.Accepted.value

            monkeypatch.setattr(ChannelDialog, "exec", filled)
            view.add_channel()
            qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=15_000)
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
    view = HealthView(store, lambda: None)
    qtbot.addWidget(view)
    rows = [[view.table.item(r, c).text() for c in range(view.table.columnCount())]
            for r in range(view.table.rowCount())]
    assert rows == [["Channel: team", "failing", "\u2014", "", str(UNREACHABLE()), ""]]
    view.table.selectRow(0)
    assert view.current() is None and not view.retry_button.isEnabled()
