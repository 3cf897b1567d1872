"""Each watchlist as an Atom feed file in the data folder, for the team's other tools.

`feeds/<watchlist>.atom` holds the latest stories of the watchlist (one entry
per story, linking to the original), rewritten after every poll cycle when the
`export.atom_feeds` setting is on. Runs on the thread that owns the Store.
Entries carry feed text as text: the XML writer escapes it, nothing is markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from ... import __version__
from ..delivery.policy import safe_link
from ..i18n import translate
from ..model import Alert
from ..platform.atomic import write_atomically
from ..store.database import Store
from ..store.story_rows import story_rows
from ..text import xml_safe
from .briefing import LIST

ATOM = "http://www.w3.org/2005/Atom"
FOLDER = "feeds"
ENTRIES = 100
STATEMENT = translate("FeedOut", "statement")
COVERAGE = translate("FeedOut", "coverage")
ENTITY_KIND = translate("FeedOut", "{entity}: {kind}")
SOURCES = translate("FeedOut", "Sources: {sources}")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_name(watchlist: str) -> str:
    """A file name for a watchlist on every platform ('Japan AI & IP' -> 'Japan AI & IP.atom')."""
    name = _UNSAFE.sub("-", watchlist).strip(" .-") or "watchlist"
    return name[:100] + ".atom"


def atom_document(watchlist: str, alerts: list[Alert], now: datetime, self_url: str | None = None) -> bytes:
    """The Atom XML (RFC 4287) of one watchlist's latest stories; summaries in the user's language.
    `self_url` is where the file lives, for its rel="self" link."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = xml_safe(f"Stakewatch: {watchlist}")
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"urn:stakewatch:watchlist:{quote(watchlist, safe='')}"
    if self_url:
        ET.SubElement(feed, f"{{{ATOM}}}link", href=self_url, rel="self", type="application/atom+xml")
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "Stakewatch"
    rows = story_rows(alerts)[:ENTRIES]
    updated = max((r.found for r in rows), default=now)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated.astimezone(UTC).isoformat()
    ET.SubElement(feed, f"{{{ATOM}}}generator", version=__version__).text = "Stakewatch"
    kinds = {"statement": STATEMENT.render(), "coverage": COVERAGE.render()}
    for row in rows:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = xml_safe(row.title)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:stakewatch:story:{row.story}"
        link = safe_link(row.url)
        if link:
            ET.SubElement(entry, f"{{{ATOM}}}link", href=xml_safe(link), rel="alternate")
        ET.SubElement(entry, f"{{{ATOM}}}published").text = row.published.astimezone(UTC).isoformat()
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = row.found.astimezone(UTC).isoformat()
        for name in row.entities:
            kind = kinds.get(row.kinds[name], row.kinds[name])
            ET.SubElement(entry, f"{{{ATOM}}}category", term=xml_safe(name),
                          label=xml_safe(f"{row.label(name)} ({kind})"))
        lines = [ENTITY_KIND(entity=row.label(name), kind=kinds.get(row.kinds[name], row.kinds[name])).render()
                 for name in row.entities]
        lines.append(SOURCES(sources=LIST.render().join(row.sources)).render())
        text = xml_safe("\n".join(lines))
        ET.SubElement(entry, f"{{{ATOM}}}summary", type="text").text = text
        if not link:
            ET.SubElement(entry, f"{{{ATOM}}}content", type="text").text = f"{xml_safe(row.title)}\n{text}"
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


def write_feeds(store: Store, root: Path, now: datetime | None = None) -> list[Path]:
    """Rewrite every watchlist's feed file; the files written. Raises OSError on a disk failure."""
    now = now or datetime.now(UTC)
    folder = root / FOLDER
    folder.mkdir(exist_ok=True)
    written: list[Path] = []
    for watchlist in store.watchlists():
        alerts = store.alerts(watchlist=watchlist.name, limit=ENTRIES * 5)
        target = folder / file_name(watchlist.name)
        write_atomically(target, atom_document(watchlist.name, alerts, now, target.resolve().as_uri()))
        written.append(target)
    return written
