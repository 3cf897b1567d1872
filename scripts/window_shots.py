"""Screenshots of each window on the demo feeds plus one failing source, into docs/.

Run under a real X server: `xvfb-run -a .venv/bin/python scripts/window_shots.py`.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from stakewatch.core.demo import DemoServer, demo_config
from stakewatch.core.poller import Poller
from stakewatch.core.store import open_store
from stakewatch.core.transfer import parse_config
from stakewatch.qt.editor import ENTITY
from stakewatch.qt.main_window import MainWindow

DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> None:
    app = QApplication(sys.argv[:1])
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
    window.grab().save(str(DOCS / "inbox.png"))
    window.tabs.setCurrentIndex(1)
    window.health.select("Ministry of Examples (moved)")
    app.processEvents()
    window.grab().save(str(DOCS / "source-health.png"))
    window.tabs.setCurrentIndex(2)
    window.editor.select(ENTITY, "Japan AI & IP", "Masaaki Taira")
    window.editor.run_test()
    app.processEvents()
    window.grab().save(str(DOCS / "watchlist-editor.png"))
    demo.stop()
    print("wrote docs/inbox.png, docs/source-health.png, docs/watchlist-editor.png")


if __name__ == "__main__":
    main()
