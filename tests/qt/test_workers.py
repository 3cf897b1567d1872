"""The background-task helper: its parent owns it, it keeps each task until the task reports."""

from __future__ import annotations

import logging
import threading

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QObject  # noqa: E402

from stakewatch.core.model import UserError  # noqa: E402
from stakewatch.qt.workers import Task, Tasks  # noqa: E402


def test_tasks_are_kept_until_they_report_and_failures_are_told_apart(qtbot, caplog):
    parent = QObject()
    tasks = Tasks(parent)
    assert tasks.parent() is parent and tasks.pool.parent() is tasks
    release = threading.Event()
    results: list[object] = []
    problems: list[str] = []
    slow = tasks.start(Task(lambda: release.wait(10) and "done"), results.append, problems.append)
    assert slow in tasks.running
    release.set()
    qtbot.waitUntil(lambda: results == ["done"], timeout=5_000)
    assert slow not in tasks.running

    def refused() -> None:
        raise UserError("Import", "the file is not UTF-8 text")

    def broken() -> None:
        raise KeyError("surprise")

    with caplog.at_level(logging.ERROR, logger="stakewatch.tasks"):
        tasks.start(Task(refused), results.append, lambda m: problems.append(str(m)))
        qtbot.waitUntil(lambda: len(problems) == 1, timeout=5_000)
        tasks.start(Task(broken), results.append, lambda m: problems.append(str(m)))
        qtbot.waitUntil(lambda: len(problems) == 2, timeout=5_000)
    assert problems[0] == "the file is not UTF-8 text"
    assert problems[1].startswith("unexpected error: KeyError")
    assert "Traceback" in caplog.text and "surprise" in caplog.text
    assert tasks.wait(5_000) and not tasks.running
