"""The window reads through a connection that refuses writes: every write of a view runs as a task,
on a connection of its own, and is done when the action returns."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from test_inbox import stock

from stakewatch.core import Service, StorageError
from stakewatch.core.store.database import Store
from stakewatch.qt.annotate import Annotations
from stakewatch.qt.editor import ENTITY, EditorView
from stakewatch.qt.health import HealthView
from stakewatch.qt.inbox import InboxView


@pytest.fixture
def reader(store: Store) -> Iterator[Service]:
    stock(store)
    service = Service.open(store.path.parent, read_only=True)
    yield service
    service.close()


def test_a_read_only_service_refuses_a_write(reader: Service):
    with pytest.raises((StorageError, sqlite3.OperationalError)):
        reader.inbox.mark_read([1], True)


def test_inbox_marks_mutes_and_undo_are_tasks(qtbot, reader: Service, store: Store):
    view = InboxView(reader, lambda url: None)
    qtbot.addWidget(view)
    view.show()
    view.table.selectAll()
    view.set_read(True)
    assert all(a.read for a in store.alerts())
    view.undo()
    assert not any(a.read for a in store.alerts())
    view.mark_all_read()
    assert all(a.read for a in store.alerts())
    view.table.clearSelection()
    view.table.selectRow(0)
    row = view.model.row_at(0)
    assert row is not None
    view.toggle_mute()
    assert reader.inbox.entity_muted(row.watchlist, row.entity)
    view.undo()
    assert not reader.inbox.entity_muted(row.watchlist, row.entity)


def test_notes_flags_retries_and_the_editor_write_through_tasks(qtbot, reader: Service, store: Store):
    ids = [a.id for a in store.alerts()]
    holder = InboxView(reader, lambda url: None)
    qtbot.addWidget(holder)
    notes = Annotations(reader, lambda: ids[:1], holder)
    notes.set_flag(True)
    assert store.alerts(ids=ids[:1])[0].flagged

    health = HealthView(reader, lambda: None)
    qtbot.addWidget(health)
    health.table.selectRow(0)
    enabled = health.current().enabled  # type: ignore[union-attr]
    health.toggle_current()
    assert store.sources()[0].enabled is not enabled
    health.retry_all()

    editor = EditorView(reader)
    qtbot.addWidget(editor)
    editor.show()
    before = len(store.alerts())
    editor.select(ENTITY, "Japan AI & IP", "Minoru Kiuchi")
    editor.delete_selected()
    assert len(store.alerts()) < before
    editor.undo_delete()
    assert len(store.alerts()) == before
    editor._test_timer.stop()
    editor.close()


def test_a_gui_thread_notifier_is_shown_on_the_gui_thread_from_the_cycles_thread(qtbot):
    import threading

    from stakewatch.core import Notification
    from stakewatch.qt.app import GuiThreadShow

    class Balloon:
        name = "tray"
        supports_clicks = True
        gui_thread_only = True

        def __init__(self) -> None:
            self.threads: list[str] = []

        def show(self, note: Notification) -> bool:
            self.threads.append(threading.current_thread().name)
            return True

        def close(self) -> None:
            pass

    balloon = Balloon()
    shows = GuiThreadShow(balloon)  # type: ignore[arg-type]
    accepted: list[bool] = []
    worker = threading.Thread(target=lambda: accepted.append(shows.show(Notification("t", "b", None))),
                              name="cycle")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(balloon.threads), timeout=5_000)
    assert accepted == [True] and balloon.threads == [threading.main_thread().name]
