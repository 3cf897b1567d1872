"""A screenshot of a Diet record in the inbox, into docs/ (the dialogs are scripts/window_shots.py's).

Run under a real X server: `xvfb-run -a .venv/bin/python scripts/diet_shots.py`. The demo feeds
are polled, then speeches shaped like the Diet speech search API's answer are read by the diet
source's own code and stored, so the inbox shows them beside the news.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from stakewatch.core.exchange.transfer import parse_config
from stakewatch.core.matching.ingest import Validators, ingest
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.platform.demo import DemoServer, demo_config
from stakewatch.core.resources import resource
from stakewatch.core.service.poller import Poller
from stakewatch.core.sources.diet import followed, speech_item
from stakewatch.core.store.database import open_store
from stakewatch.qt.main_window import MainWindow

DOCS = Path(__file__).resolve().parents[1] / "docs"


def record(number: int, speaker: str, text: str, date: str, **extra: str) -> dict[str, object]:
    issue = f"121904889X003{date.replace('-', '')}"
    return {"speechID": f"{issue}_{number:03d}", "issueID": issue, "nameOfHouse": "衆議院",
            "nameOfMeeting": "内閣委員会", "issue": "第3号", "date": date, "speechOrder": number,
            "speaker": speaker, "speech": text, "speechURL": f"https://kokkai.ndl.go.jp/txt/{issue}/{number}",
            **extra}


def main() -> None:
    app = QApplication(sys.argv[:1])
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(resource("fonts", "VL-Gothic-Regular.ttf"))))
    if family:
        app.setFont(QFont(family[0], 10))
    demo = DemoServer().start()
    root = Path(tempfile.mkdtemp(prefix="stakewatch-shots-"))
    document = demo_config(demo.base)
    document["sources"].append({"name": "Diet records (国会会議録)", "kind": "diet",
                                "url": "https://kokkai.ndl.go.jp/api/speech", "interval_minutes": 720,
                                "options": {"entities": ["Masaaki Taira", "Akihisa Shiozaki"]}})
    day = (datetime.now(UTC) - timedelta(days=12)).strftime("%Y-%m-%d")
    speeches = [
        record(12, "塩崎彰久", "○塩崎委員　生成ＡＩによる動画と著作権について、平大臣の御見解を伺います。", day,
               speakerGroup="自由民主党・無所属の会"),
        record(13, "平将明", "○平国務大臣　お答えいたします。生成ＡＩの利活用とクリエーターの権利保護の両立に"
               "取り組んでまいります。", day, speakerPosition="国務大臣（デジタル大臣）"),
    ]
    with open_store(root) as store:
        config = parse_config(document)
        store.apply_config(config.watchlists, config.sources)
        Poller(store).run_cycle(sources=[s for s in store.sources() if s.kind != "diet"])
        diet = next(s for s in store.sources() if s.kind == "diet")
        speakers = followed(diet, store.watchlists())
        items = [item for item in (speech_item(r, speakers) for r in speeches) if item is not None]
        now = datetime.now(UTC)
        ingest(store, diet, items, Matcher(store.watchlists()), store.entity_ids(), now,
               Validators(diet.url, None, None), now)
    window = MainWindow(root, lambda url: None, lambda: None)
    window.resize(1180, 720)
    window.show()
    for _ in range(5):
        app.processEvents()
    model = window.inbox.model
    row = next(r for r in range(model.rowCount()) if "record" in str(model.index(r, 1).data()))
    window.inbox.table.selectRow(row)
    window.inbox.table.resizeColumnToContents(1)
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(DOCS / "inbox-diet-record.png"))
    demo.stop()
    print("wrote docs/inbox-diet-record.png")


if __name__ == "__main__":
    main()
