"""Screenshots of each window and dialog on the demo feeds plus one failing source, into docs/,
and the first pages of a briefing made from the same data.

Run on a real X server with a window manager, driven by the keyboard (xdotool),
as a user on a 1366x768 laptop at 125 % would see it:

    bash scripts/desktop_shots.sh          # English and Japanese, Xvfb + openbox + dunst

or alone: `xvfb-run -a .venv/bin/python scripts/window_shots.py [--suffix=-ja]`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from stakewatch import pdf
from stakewatch.core import DemoServer, Service
from stakewatch.core.i18n import language
from stakewatch.core.model import UserError
from stakewatch.qt.about import AboutDialog
from stakewatch.qt.annotate import NoteDialog
from stakewatch.qt.app import install_translation, use_qt_locale
from stakewatch.qt.briefing_dialog import BriefingDialog
from stakewatch.qt.channels import ChannelDialog
from stakewatch.qt.editor import ENTITY
from stakewatch.qt.errors import ErrorDialog
from stakewatch.qt.first_run import FirstRunDialog
from stakewatch.qt.fit import tell
from stakewatch.qt.main_window import MainWindow
from stakewatch.qt.settings_dialog import SettingsDialog
from stakewatch.qt.suggest_dialog import SuggestAliasesDialog

DOCS = Path(__file__).resolve().parents[1] / "docs"
NOTE = {"en": "Ask the ministry whether the guidance covers video apps.\nCompare with the 2024 statement.",
        "ja": "動画アプリも指針の対象か、省庁に確認する。\n2024年の発言と比べる。"}


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


def refused_file(folder: Path) -> Path:
    """A watchlist file with the mistakes people make: addresses that are not web addresses, no name."""
    bad = folder / "colleagues-watchlist.json"
    bad.write_text(json.dumps({"version": 1, "watchlists": [{"name": "Ministries", "entities": [
        {"name": "", "kind": "official"}, {"name": "Kiuchi", "kind": "minister"}]}], "sources": [
        {"name": f"Ministry feed {n}", "kind": "feed", "url": f"ftp://ministry.example.jp/{n}.rss"}
        for n in range(9)] + [{"name": "Press page", "kind": "page", "url": "https://example.jp/press"}]}),
        encoding="utf-8")
    return bad


def refusal(path: Path) -> str:
    """What Stakewatch says about `path` (it refuses it)."""
    with Service.open(Path(tempfile.mkdtemp(prefix="stakewatch-refused-"))) as service:
        try:
            service.first_run.start_from_file(path)
        except UserError as exc:
            return exc.message
    return ""


def a_traceback() -> str:
    """A real report, with each file named without the folders it lives in on this machine."""
    try:
        json.loads('{"version": 1, "watchlists": [')
    except ValueError as exc:
        frames = [traceback.FrameSummary(Path(f.filename).name, f.lineno, f.name, line=f.line)
                  for f in traceback.extract_tb(exc.__traceback__)]
        return "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames)) + \
            "".join(traceback.format_exception_only(type(exc), exc))
    return ""


def show(app: QApplication, dialog: QWidget, name: str) -> None:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    screen(app, name)
    dialog.close()


def briefing_pages(root: Path, suffix: str, pages: int = 3) -> None:
    """The briefing of the last week on the same data, its first pages as images."""
    drawn = Path(tempfile.mkdtemp(prefix="stakewatch-briefing-")) / "briefing.pdf"
    with Service.open(root, writer=pdf.write) as service:
        end = datetime.now(UTC)
        service.briefing.write(service.briefing.build(end - timedelta(days=7), end), drawn)
    prefix = DOCS / f"briefing{suffix}"
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", str(pages), str(drawn), str(prefix)], check=True)
    for number in range(1, pages + 1):
        made = DOCS / f"briefing{suffix}-{number:0{len(str(pages))}d}.png"
        if made.exists():
            made.rename(DOCS / f"briefing{suffix}-{number}.png")
        print("wrote", DOCS / f"briefing{suffix}-{number}.png")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    install_translation(app)
    use_qt_locale(language())
    demo = DemoServer().start()
    root = Path(tempfile.mkdtemp(prefix="stakewatch-shots-"))
    fresh = Path(tempfile.mkdtemp(prefix="stakewatch-fresh-"))
    moved = Path(tempfile.mkdtemp(prefix="stakewatch-moved-")) / "moved.json"
    moved.write_text(json.dumps({"version": 1, "watchlists": [], "sources": [
        {"name": "Ministry of Examples (moved)", "kind": "feed", "url": "http://127.0.0.1:9/press.rss",
         "interval_minutes": 15}]}), encoding="utf-8")
    with Service.open(root) as service:
        service.load_demo(demo.base)
        service.import_file(moved)
        service.poll(notify=False)
        flagged = service.inbox.alerts()[0]
        service.notes.set_flag([flagged.id], True)
        service.notes.set_note([flagged.id], NOTE[language()])
        service.notes.add_tags([flagged.id], ["follow-up"])
        texts = service.watchlists.recent_texts()
        watchlists = service.watchlists.names()
    suffix = args.suffix
    with Service.open(fresh) as service:
        welcome = FirstRunDialog(service)
        welcome.show()
        welcome.activateWindow()
        screen(app, f"first-run{suffix}.png")
        welcome.choose("import", str(refused_file(Path(tempfile.mkdtemp(prefix="stakewatch-file-")))))
        screen(app, f"first-run-problems{suffix}.png")
        welcome.close()

    window = MainWindow(root, lambda url: None, lambda: None)
    window.show()
    window.activateWindow()
    wait(app)
    keys("ctrl+1", "Down", "Down")
    screen(app, f"inbox{suffix}.png")
    show(app, NoteDialog(NOTE[language()], window), f"note{suffix}.png")
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
    window.editor.select(ENTITY, "Japan AI & IP", "Minoru Kiuchi")
    suggestions = SuggestAliasesDialog("城内実", texts, parent=window,
                                       existing=window.editor.entity_form.aliases.toPlainText().split("\n"))
    suggestions.show()
    for _ in range(200):
        app.processEvents()
        if suggestions.table.rowCount():
            break
        time.sleep(0.02)
    show(app, suggestions, f"suggest-aliases{suffix}.png")
    keys("alt+t")
    screen(app, f"menu-bar{suffix}.png")
    keys("Escape")
    keys("ctrl+4")
    adding = ChannelDialog(watchlists, window)
    adding.name.setText("policy-team")
    adding.url.setText("mailtos://alerts:app-password@smtp.example.jp:587?to=policy@example.jp")
    adding.digest.setText("daily 08:00")
    show(app, adding, f"channel-add{suffix}.png")
    with Service.open(root) as service:
        values = service.settings.values()
    dialog = SettingsDialog(values, False, lambda values, start: None, window, test_notification=lambda: None)
    show(app, dialog, f"settings{suffix}.png")
    show(app, BriefingDialog(watchlists, lambda request: None, window), f"briefing-dialog{suffix}.png")
    show(app, AboutDialog(window), f"about{suffix}.png")
    show(app, ErrorDialog(a_traceback(), lambda: ""), f"error{suffix}.png")
    refused = refusal(refused_file(Path(tempfile.mkdtemp(prefix="stakewatch-file-"))))
    show(app, tell(window, QCoreApplication.translate("Actions", "Import refused"), refused),
         f"import-refused{suffix}.png")
    demo.stop()
    briefing_pages(root, suffix)


if __name__ == "__main__":
    main()
