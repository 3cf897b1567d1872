"""Screenshots of each window on the demo feeds plus one failing source, into docs/.

Run on a real X server with a window manager, driven by the keyboard (xdotool),
as a user on a 1366x768 laptop at 125 % would see it:

    bash scripts/desktop_shots.sh          # English and Japanese, Xvfb + openbox + dunst

or alone: `xvfb-run -a .venv/bin/python scripts/window_shots.py [--suffix=-ja]`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from stakewatch.core.exchange.transfer import parse_config
from stakewatch.core.platform.demo import DemoServer, demo_config
from stakewatch.core.service.poller import Poller
from stakewatch.core.store.database import open_store
from stakewatch.qt.app import install_translation
from stakewatch.qt.editor import ENTITY
from stakewatch.qt.first_run import FirstRunDialog
from stakewatch.qt.main_window import MainWindow
from stakewatch.qt.settings_dialog import SettingsDialog

DOCS = Path(__file__).resolve().parents[1] / "docs"


def wait(app: QApplication, ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def keys(*names: str) -> None:
    """Real key presses through the X server, as a user types them."""
    if shutil.which("xdotool"):
        for name in names:
            typed = subprocess.Popen(["xdotool", "key", "--clearmodifiers", name])
            while typed.poll() is None:
                QApplication.processEvents()
                time.sleep(0.02)


def screen(app: QApplication, name: str) -> None:
    """The whole screen, window manager's frames included (imagemagick's import, else Qt's grab).

    Taken from inside the event loop: the grab only sees windows whose client is running it.
    """
    def shoot() -> None:
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(DOCS / name)], check=True, timeout=30)
        else:
            QGuiApplication.primaryScreen().grabWindow(0).save(str(DOCS / name))
        loop.quit()

    loop = QEventLoop()
    QTimer.singleShot(900, shoot)
    loop.exec()
    print("wrote", DOCS / name)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    install_translation(app)
    demo = DemoServer().start()
    root = Path(tempfile.mkdtemp(prefix="stakewatch-shots-"))
    fresh = Path(tempfile.mkdtemp(prefix="stakewatch-fresh-"))
    document = demo_config(demo.base)
    document["sources"].append({"name": "Ministry of Examples (moved)", "kind": "feed",
                                "url": "http://127.0.0.1:9/press.rss", "interval_minutes": 15})
    with open_store(root) as store:
        config = parse_config(document)
        store.apply_config(config.watchlists, config.sources)
        Poller(store).run_cycle()
    suffix = args.suffix
    with open_store(fresh) as store:
        welcome = FirstRunDialog(store)
        welcome.show()
        welcome.activateWindow()
        screen(app, f"first-run{suffix}.png")
        welcome.close()

    window = MainWindow(root, lambda url: None, lambda: None)
    window.show()
    window.activateWindow()
    wait(app)
    keys("ctrl+1", "Down", "Down")
    screen(app, f"inbox{suffix}.png")
    window.inbox.search.setText("nothing like this")
    wait(app, 600)
    screen(app, f"inbox-no-hits{suffix}.png")
    window.inbox.reset_filters()
    keys("ctrl+2")
    window.health.select("Ministry of Examples (moved)")
    screen(app, f"source-health{suffix}.png")
    keys("ctrl+3")
    window.editor.select(ENTITY, "Japan AI & IP", "Masaaki Taira")
    window.editor.run_test()
    screen(app, f"watchlist-editor{suffix}.png")
    keys("alt+t")
    screen(app, f"menu-bar{suffix}.png")
    keys("Escape")
    with open_store(root) as store:
        from stakewatch.core import settings

        values = {key: settings.get(store, key) for key in settings.SETTINGS}
    dialog = SettingsDialog(values, False, lambda values, start: None, window, test_notification=lambda: None)
    dialog.show()
    screen(app, f"settings{suffix}.png")
    dialog.close()
    demo.stop()


if __name__ == "__main__":
    main()
