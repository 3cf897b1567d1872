"""The welcome dialog: a refused file's problems one a line, scrollable, and nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

from stakewatch.core.store.database import Store
from stakewatch.qt.first_run import FirstRunDialog


def test_every_problem_of_a_refused_file_has_a_line_and_the_list_scrolls(qtbot, store: Store, tmp_path: Path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"version": 1, "sources": [
        {"name": f"Source {n}", "kind": "feed", "url": f"ftp://example.org/{n}.xml"} for n in range(40)]}))
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.problems.isVisible()
    assert not dialog.choose("import", str(bad))
    assert dialog.error.text() == "40 problems; nothing was imported:"
    lines = dialog.problems.toPlainText().split("\n")
    assert len(lines) == 40 and all(f"sources[{n}].url" in line for n, line in enumerate(lines))
    assert dialog.problems.isVisible() and dialog.problems.verticalScrollBar().maximum() > 0  # scrolls
    bar = dialog.problems.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert "sources[39].url" in dialog.problems.cursorForPosition(
        dialog.problems.viewport().rect().bottomLeft()).block().text()  # the last one can be reached
    assert dialog.height() > dialog.problems.height() and store.is_empty() and dialog.choice == ""


def test_a_single_problem_is_said_in_one_line_and_a_good_file_then_starts(qtbot, store: Store, tmp_path: Path):
    bad = tmp_path / "one.json"
    bad.write_text(json.dumps({"version": 1, "sources": [{"name": "X", "kind": "feed", "url": "file:///etc/x"}]}))
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.choose("import", str(bad))
    assert dialog.error.text().startswith("sources[0].url:") and not dialog.problems.isVisible()
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"version": 1, "watchlists": [{"name": "Mine", "entities": [
        {"name": "OpenAI", "kind": "company"}]}]}))
    assert dialog.choose("import", str(good)) and dialog.choice == "import"
    assert [w.name for w in store.watchlists()] == ["Mine"]


def test_the_dialog_shrinks_back_after_a_shorter_problem(qtbot, store: Store, tmp_path: Path):
    many = tmp_path / "many.json"
    many.write_text(json.dumps({"version": 1, "sources": [
        {"name": f"Source {n}", "kind": "feed", "url": f"ftp://example.org/{n}.xml"} for n in range(40)]}))
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"version": 1, "sources": [{"name": "X", "kind": "feed", "url": "file:///etc/x"}]}))
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    first = dialog.height()
    assert not dialog.choose("import", str(many))
    tall = dialog.height()
    assert tall > first
    assert not dialog.choose("import", str(one))
    assert not dialog.problems.isVisible()
    assert dialog.height() < tall and dialog.height() <= first + 3 * dialog.fontMetrics().lineSpacing()
