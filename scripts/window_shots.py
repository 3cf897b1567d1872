"""Screenshots of each window on the demo feeds plus one failing source, into docs/.

Run under a real X server: `xvfb-run -a .venv/bin/python scripts/window_shots.py`.
`--lang ja` takes the Japanese set (inbox-ja.png, ..., tray-menu-ja.png, briefing-ja-N.png).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication

from stakewatch.core import settings
from stakewatch.core.briefing import build_briefing
from stakewatch.core.demo import DemoServer, demo_config
from stakewatch.core.i18n import set_language
from stakewatch.core.poller import Poller
from stakewatch.core.service import Service
from stakewatch.core.store import open_store
from stakewatch.core.transfer import parse_config
from stakewatch.notify.base import NullNotifier
from stakewatch.qt.app import Controller, install_translation, use_qt_locale
from stakewatch.qt.briefing_dialog import BriefingDialog
from stakewatch.qt.briefing_pdf import write_briefing
from stakewatch.qt.editor import ENTITY
from stakewatch.qt.errors import ErrorDialog
from stakewatch.qt.main_window import MainWindow
from stakewatch.qt.settings_dialog import SettingsDialog

DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    lang = parser.parse_args().lang
    suffix = "" if lang == "en" else f"-{lang}"
    set_language(lang)
    app = QApplication(sys.argv[:1])
    install_translation(app, lang)
    use_qt_locale(lang)
    demo = DemoServer().start()
    root = Path(tempfile.mkdtemp(prefix="stakewatch-shots-"))
    document = demo_config(demo.base)
    document["sources"].append({"name": "Ministry of Examples (moved)", "kind": "feed",
                                "url": "http://127.0.0.1:9/press.rss", "interval_minutes": 15})
    with open_store(root) as store:
        config = parse_config(document)
        store.apply_config(config.watchlists, config.sources)
        Poller(store).run_cycle()
    window = MainWindow(root, lambda url: None, lambda: None)
    window.resize(1180, 720)
    window.show()
    window.inbox.table.selectRow(2)
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(DOCS / f"inbox{suffix}.png"))
    window.tabs.setCurrentIndex(1)
    window.health.select("Ministry of Examples (moved)")
    app.processEvents()
    window.grab().save(str(DOCS / f"source-health{suffix}.png"))
    window.tabs.setCurrentIndex(2)
    window.editor.select(ENTITY, "Japan AI & IP", "Masaaki Taira")
    window.editor.run_test()
    app.processEvents()
    window.grab().save(str(DOCS / f"watchlist-editor{suffix}.png"))
    written = [f"inbox{suffix}.png", f"source-health{suffix}.png", f"watchlist-editor{suffix}.png"]
    if lang != "en":
        written += tray_menu(app, root, suffix) + dialogs(app, root, suffix) + briefing_pages(root, suffix)
    demo.stop()
    print("wrote " + ", ".join(f"docs/{name}" for name in written))


def tray_menu(app: QApplication, root: Path, suffix: str) -> list[str]:
    """The tray's menu as it opens after a poll (the X server here has no tray to click)."""
    controller = Controller(root, notifier=NullNotifier())
    with open_store(root) as store:
        service = Service(store)
        service.pause(datetime.now(UTC) + timedelta(hours=1))
        controller._restored(service.snapshot())
    controller.unseen = 3
    controller._set_state()
    controller.menu.popup(QPoint(20, 20))
    for _ in range(10):
        app.processEvents()
    controller.menu.grab().save(str(DOCS / f"tray-menu{suffix}.png"))
    controller.menu.hide()
    return [f"tray-menu{suffix}.png"]


def dialogs(app: QApplication, root: Path, suffix: str) -> list[str]:
    """The settings, briefing and error dialogs (About shows where its font licence lies, so it is left out)."""
    with open_store(root) as store:
        values = {key: settings.get(store, key) for key in settings.SETTINGS}
        names = [w.name for w in store.watchlists()]
    report = ("Traceback (most recent call last):\n  File \"stakewatch/qt/actions.py\", line 112, in copied\n"
              "    QApplication.clipboard().setText(text)\nRuntimeError: example failure for the screenshot\n")
    shots = {"settings": SettingsDialog(values, False, lambda *_: None),
             "briefing-dialog": BriefingDialog(names, lambda _request: None),
             "error": ErrorDialog(report, lambda: "")}
    written = []
    for name, dialog in shots.items():
        dialog.show()
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(DOCS / f"{name}{suffix}.png"))
        dialog.close()
        written.append(f"{name}{suffix}.png")
    return written


def briefing_pages(root: Path, suffix: str) -> list[str]:
    pdf = root / "briefing.pdf"
    with open_store(root) as store:
        end = datetime.now(UTC)
        briefing = build_briefing(store, end - timedelta(days=7), end)
    pages = write_briefing(briefing, pdf, "A4")
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(DOCS / f"briefing{suffix}")], check=True)
    return [f"briefing{suffix}-{n}.png" for n in range(1, pages + 1)]


if __name__ == "__main__":
    main()
