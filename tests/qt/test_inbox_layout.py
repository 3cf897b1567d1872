"""The inbox's story list gets the room on a 1366x768 laptop at 125 %, and its splitter behaves."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from test_inbox import stock

from stakewatch.core.platform.links import open_link
from stakewatch.core.store.database import Store
from stakewatch.qt.inbox import InboxView

# 1366x768 at 125 %: 1093x614 logical pixels; the main window's tab page gets about this much
PAGE_SIZE = (1060, 520)


@pytest.fixture
def settings_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "config"
    for form in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(form, QSettings.Scope.UserScope, str(folder))
    QSettings("Stakewatch", "Stakewatch").remove("inbox")
    return folder


def _open(qtbot, store: Store) -> InboxView:
    view = InboxView(store, open_link, by_story=True)
    qtbot.addWidget(view)
    view.resize(*PAGE_SIZE)
    view.show()
    qtbot.waitExposed(view)
    return view


def _inside(widget: QWidget, pane: QWidget) -> bool:
    """Shown whole inside the pane."""
    top_left = widget.mapTo(pane, widget.rect().topLeft())
    return widget.isVisible() and widget.height() > 0 and pane.rect().contains(top_left) and \
        top_left.y() + widget.height() <= pane.height()


def test_the_list_gets_most_of_the_height_and_the_pane_never_vanishes(qtbot, store: Store, settings_folder: Path,
                                                                      opened_links: Path):
    stock(store, extra=30)
    view = _open(qtbot, store)
    splitter = view.splitter
    list_height, pane_height = splitter.sizes()
    assert list_height > 0.55 * (list_height + pane_height)
    assert list_height >= 8 * view.stories.sizeHintForRow(0)

    splitter.moveSplitter(list_height - 100, 1)  # a 100 px drag moves it by 100 px
    assert splitter.sizes()[0] == list_height - 100
    splitter.moveSplitter(list_height, 1)
    assert splitter.sizes()[0] == list_height

    splitter.moveSplitter(sum(splitter.sizes()), 1)  # dragged to the bottom: the pane stays
    qtbot.wait(20)
    assert splitter.sizes()[1] >= view.pane.minimumSizeHint().height() > 0
    for part in (view.detail_title, view.open_button, view.read_button, view.mute_button):
        assert _inside(part, view.pane), part
    splitter.moveSplitter(0, 1)  # dragged to the top: the list keeps some rows
    assert splitter.sizes()[0] >= 6 * view.fontMetrics().lineSpacing()
    splitter.moveSplitter(list_height, 1)  # and back: the header and buttons are all there
    qtbot.wait(20)
    for part in (view.detail_title, view.detail_meta, view.open_button, view.read_button):
        assert _inside(part, view.pane), part


def test_the_split_is_remembered(qtbot, store: Store, settings_folder: Path, opened_links: Path):
    stock(store, extra=5)
    first = _open(qtbot, store)
    chosen = first.splitter.sizes()[0] - 60
    first.splitter.moveSplitter(chosen, 1)
    assert first.splitter.sizes()[0] == chosen
    first.close()
    second = _open(qtbot, store)
    assert second.splitter.sizes()[0] == chosen


def test_the_layout_stays_put_as_the_selection_moves(qtbot, store: Store, settings_folder: Path,
                                                     opened_links: Path):
    stock(store, extra=8)
    view = _open(qtbot, store)
    model = view.story_model
    seen: set[tuple[object, ...]] = set()
    for row in range(min(model.rowCount(), 6)):
        view.stories.setCurrentIndex(model.index(row, 0))
        qtbot.wait(30)
        seen.add((tuple(view.splitter.sizes()), view.detail_title.geometry().getRect(),
                  view.open_button.mapTo(view, view.open_button.rect().topLeft()).toTuple()))
    assert len(seen) == 1, seen
