"""A briefing of many pages read back page by page with poppler: a heading never ends a page, an entry
stays on one page, and no line is printed on two pages (a note taller than a page may break)."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_briefing import cli

from stakewatch.core.matching.ingest import Validators, ingest
from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.model import Entity, Item, Source, Watchlist
from stakewatch.core.store import annotations
from stakewatch.core.store.database import open_store
from stakewatch.core.when import date_time

pytest.importorskip("PySide6")

NOW = datetime.now(UTC)
ENTITIES = (Entity("Minoru Kiuchi", "official"), Entity("Masaaki Taira", "official"), Entity("OpenAI", "company"),
            Entity("Sora 2", "product"), Entity("Sam Altman", "person"))
WORDS = ("the", "ministry", "said", "it", "would", "keep", "talking", "with", "the", "companies", "about", "rights",
         "and", "rules")
NOTE_LINES = 90


def stock(root: Path) -> list[tuple[str, str, str]]:
    """Items each naming one entity, with titles (of one to three lines), summaries and times of their own;
    one alert flagged with a note longer than a page. Returns each one's title token, time and source."""
    written = []
    with open_store(root) as store:
        store.apply_config([Watchlist("Japan AI & IP", ENTITIES)],
                           [Source(f"Source {n}", "feed", f"https://example.org/{n}.xml",
                                   official_for=("Minoru Kiuchi",) if n == 0 else ()) for n in range(4)])
        matcher = Matcher(store.watchlists())
        sources = store.sources()
        for n in range(260):
            entity = ENTITIES[n % len(ENTITIES)]
            source = sources[n % len(sources)]
            words = " ".join(WORDS[:(n * 7) % len(WORDS) + 1] * (1 + n % 4))
            title = f"{entity.name} story number {n} " + " ".join(f"{word}{n}" for word in WORDS[:(n * 5) % 15])
            item = Item(f"g{n}", f"https://example.org/story/{n}", title.strip(),
                        f"Summary {n}: {entity.name} {words}", published=NOW - timedelta(minutes=7 * n + 3))
            ingest(store, source, [item], matcher, store.entity_ids(), NOW, Validators(source.url, None, None), NOW)
            written.append((f"story number {n}", date_time(item.published), source.name))
        first = store.alerts(limit=1)[0]
        annotations.set_flag(store, [first.id], True)
        annotations.set_note(store, [first.id], "\n".join(f"Note line {n} of the long note" for n in
                                                         range(NOTE_LINES)))
    return written


def pages_of(pdf: Path) -> list[list[str]]:
    """Each page's lines of text (header and page number left out), as pdftotext reads that page alone."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    pages = []
    for number in range(1, count + 1):
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        pages.append([line for line in lines if not re.fullmatch(r"Page \d+ of \d+", line)
                      and not line.startswith("Stakewatch briefing \u00b7")])
    return pages


def is_heading(line: str) -> bool:
    return (line in {e.name for e in ENTITIES} | {"Japan AI & IP", "Summary", "Sources failing"}
            or re.fullmatch(r"(Statements \(\d+\)|Coverage \(\d+ stor(y|ies)\)|Flagged \(\d+\))", line) is not None)


def test_headings_stay_with_their_entries_and_no_line_is_on_two_pages(tmp_path: Path):
    data = tmp_path / "data"
    written = stock(data)
    pdf = tmp_path / "long.pdf"
    made = cli(data, "briefing", "--since", "30d", "-o", str(pdf))
    assert made.returncode == 0, made.stderr
    pages = pages_of(pdf)[1:]  # after the cover, which quotes the top stories again
    assert len(pages) >= 15
    orphans = [(number + 2, page[-1]) for number, page in enumerate(pages) if page and is_heading(page[-1])]
    flagged = pages[0][pages[0].index("Flagged (1)") + 1:][:4]  # who, when, title, summary: again in its section
    assert flagged[0].startswith("Minoru Kiuchi") and flagged[2].startswith("Minoru Kiuchi story number 0")
    seen: dict[str, set[int]] = defaultdict(set)
    for number, page in enumerate(pages):
        for line in page:
            if "(continued)" not in line and not is_heading(line):
                seen[line].add(number + 2)
    twice = {line: sorted(numbers) for line, numbers in seen.items() if len(numbers) > 1 and line not in flagged}
    where = {line: min(numbers) for line, numbers in seen.items()}
    split = []
    for token, when, source in written[1:]:  # (the first is flagged: shown twice) its time and source, title
        mine = re.compile(rf"{token}(?![0-9])")  # and the snippet that repeats the title
        shown = {n for line, numbers in seen.items() for n in numbers if mine.search(line)}
        shown |= seen[f"{when} \u00b7 {source}"]
        if len(shown) != 1:
            split.append((token, sorted(shown)))
    assert (orphans, twice, split) == ([], {}, [])  # no heading last on a page, no line twice, no entry split
    note = sorted({where[line] for line in where if "Note line " in line})
    assert len(note) >= 2 and sum("Note line " in line for line in where) == NOTE_LINES  # a note over two pages
    continued = [page[0] for page in pages if page and "(continued)" in page[0]]
    assert continued and all(" \u00b7 " in line for line in continued)  # who and which section carries on
