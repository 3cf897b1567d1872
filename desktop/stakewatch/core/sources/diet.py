"""Diet records: the National Diet Library's speech search API (国会会議録検索システム, /api/speech).

Options: `entities` (the entities followed as speakers, by name or alias; every `official` when absent),
`keywords` (optional words searched in any speech), `margin_days` (how far before the last
success each cycle reads again, since minutes appear days or weeks after the sitting; 14 by
default), `pause_seconds` (between requests, 2 by default: the API asks for one request at a
time, a few seconds apart). The first poll reads at least the last 60 days.

A cycle is capped like a feed's: at most `max_items` (500) records new to the source, 40 requests
and two minutes; what was read before a cap, a failed request or a broken answer is kept and the
source's note says where it stopped (the newest records come first, the margin reads the rest again).

A speech whose speaker is a followed entity (the same name once spaces are removed) is that
entity's statement; other watched names in it are coverage. Every item is a record.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..i18n import Message, translate
from ..model import Entity, Item, Source, Watchlist
from ..text import plain
from .base import Collect, FetchFailed, Parsed, ParseError, SourceKind
from .dates import JST
from .feed import web_link

API_URL = "https://kokkai.ndl.go.jp/api/speech"
PAGE_SIZE = 100
MAX_PAGES = 20
MAX_KEYWORDS = 5
MAX_SPEAKERS = 20
FIRST_WINDOW = timedelta(days=60)
DEFAULT_MARGIN_DAYS = 14
DEFAULT_PAUSE = 2.0
SPEECH_LIMIT = 20_000
MAX_REQUESTS = 40
MAX_SECONDS = 120.0
CAPPED = translate("Diet", "read {n} new {n:?record|records} this time, the most one check reads; the rest "
                           "come in the next checks")
STOPPED_EARLY = translate("Diet", "stopped after {n} {n:?record|records} ({reason}); what was read is kept")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_TITLES = ("大臣", "担当相", "長官", "議員", "委員", "総理", "副大臣", "政務官", "相", "氏")
_SPEAKER_MARK = re.compile(r"^\s*○\S{1,30}?[\u3000 ]+")


def squeeze(name: str) -> str:
    """A name with every space removed (the API writes speakers without them)."""
    return "".join(name.split())


def speaker_names(entity: Entity) -> list[str]:
    """The entity's Japanese full-name aliases: the forms the minutes name a speaker by."""
    names: list[str] = []
    # a name written for Chinese or Korean readers (城内实) never names a Diet speaker
    foreign = {text for code, text in entity.names if code.split("-")[0] != "ja"}
    for alias in (a for a in entity.all_aliases if a not in foreign or a in entity.aliases):
        name = squeeze(alias)
        if (_CJK.search(name) and not _LATIN.search(name) and 2 <= len(name) <= 10
                and not name.endswith(_TITLES) and name not in names):
            names.append(name)
    # a bare surname is the start of the full name: it would only bring namesakes
    return [n for n in names if not any(other != n and other.startswith(n) for other in names)]


def followed(source: Source, watchlists: Sequence[Watchlist]) -> dict[str, str]:
    """Speaker name -> entity name, for the entities the source follows."""
    wanted = {squeeze(str(n)).casefold() for n in source.options.get("entities", [])}
    speakers: dict[str, str] = {}
    for watchlist in watchlists:
        for entity in watchlist.entities:
            names = {squeeze(a).casefold() for a in entity.all_aliases}
            chosen = bool(names & wanted) if wanted else entity.kind == "official"
            if chosen:
                for name in speaker_names(entity):
                    speakers.setdefault(name, entity.name)
    return speakers


def window_start(source: Source, last_success: datetime | None, now: datetime) -> datetime:
    """Where this cycle's query starts: the last success less the margin, never later than 60 days
    ago on a first poll."""
    if last_success is None:
        return now - FIRST_WINDOW
    margin = timedelta(days=int(source.options.get("margin_days", DEFAULT_MARGIN_DAYS)))
    return last_success - margin


def query_url(base: str, params: dict[str, str]) -> str:
    parts = urlsplit(base)
    merged = dict(parse_qsl(parts.query))
    merged.update(params)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(merged), ""))


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    return plain(str(value), 500) if isinstance(value, str | int) else ""


def speech_item(record: dict[str, Any], speakers: dict[str, str]) -> Item | None:
    """One speech record as an item, or None when it has no id."""
    speech_id = _text(record, "speechID")
    if not speech_id:
        return None
    speaker = _text(record, "speaker")
    date = _text(record, "date")
    published = None
    try:
        published = datetime.strptime(date, "%Y-%m-%d").replace(hour=12, tzinfo=JST)
    except ValueError:
        published = None
    heading = " ".join(part for part in (_text(record, "nameOfHouse"), _text(record, "nameOfMeeting"),
                                         _text(record, "issue")) if part)
    role = _text(record, "speakerPosition") or _text(record, "speakerGroup") or _text(record, "speakerRole")
    who = f"{speaker}（{role}）" if role else speaker
    title = plain(f"{heading}（{date}）{who}" if date else f"{heading} {who}", 500)
    raw = record.get("speech")
    speech = _SPEAKER_MARK.sub("", raw) if isinstance(raw, str) else ""
    entity = speakers.get(squeeze(speaker))
    return Item(guid=f"kokkai:{speech_id}", url=web_link(record.get("speechURL")) or web_link(record.get("meetingURL")),
                title=title, summary="", content=plain(speech, SPEECH_LIMIT), published=published,
                speaker=speaker, statement_for=(entity,) if entity else (), record=True)


def read_page(body: bytes) -> tuple[list[dict[str, Any]], int | None]:
    """The speech records of one answer and the next start position (None on the last page).

    Raises ParseError with the API's own message when it refused the query."""
    try:
        document = json.loads(body.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError) as exc:
        raise ParseError("not a Diet records answer: the JSON is broken") from exc
    if not isinstance(document, dict):
        raise ParseError("not a Diet records answer: unexpected JSON")
    if "message" in document and "speechRecord" not in document:
        details = document.get("details")
        extra = " ".join(str(d) for d in details) if isinstance(details, list) else ""
        raise ParseError(plain(f"the Diet records search refused the query: {document['message']} {extra}", 500))
    if "numberOfRecords" not in document:
        raise ParseError("not a Diet records answer: no numberOfRecords")
    records = document.get("speechRecord") or []
    if not isinstance(records, list):
        raise ParseError("not a Diet records answer: speechRecord is not a list")
    following = document.get("nextRecordPosition")
    start = document.get("startRecord")
    try:
        next_start = int(following) if following not in (None, "") else None
        if next_start is not None and start is not None and next_start <= int(start):
            next_start = None
    except (TypeError, ValueError):
        next_start = None
    return [r for r in records if isinstance(r, dict)], next_start


def _said(message: str) -> Message | str:
    """A failure's words as an argument of another message: its Message, so it keeps its language."""
    return getattr(message, "message", message)


class DietKind(SourceKind):
    name = "diet"
    statements: ClassVar[bool] = False
    collects: ClassVar[bool] = True

    @classmethod
    def check_options(cls, options: dict[str, Any]) -> str | None:
        for key in ("entities", "keywords"):
            values = options.get(key, [])
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                return f"{key}: must be a list of names or words"
        margin = options.get("margin_days", DEFAULT_MARGIN_DAYS)
        if isinstance(margin, bool) or not isinstance(margin, int) or not 0 <= margin <= 365:
            return "margin_days: must be a number of days from 0 to 365"
        pause = options.get("pause_seconds", DEFAULT_PAUSE)
        if isinstance(pause, bool) or not isinstance(pause, int | float) or not 0 <= pause <= 60:
            return "pause_seconds: must be a number of seconds from 0 to 60"
        return None

    @classmethod
    def queries(cls, source: Source, watchlists: Sequence[Watchlist], start: datetime) -> list[dict[str, str]]:
        """The searches of one cycle: each followed speaker, then each keyword."""
        common = {"from": start.astimezone(JST).strftime("%Y-%m-%d"), "recordPacking": "json",
                  "maximumRecords": str(PAGE_SIZE)}
        searches: list[dict[str, str]] = []
        # one speaker per search: the API would take them space-separated (OR), but a name each keeps
        # every query short and exact
        searches.extend({**common, "speaker": name} for name in list(followed(source, watchlists))[:MAX_SPEAKERS])
        for word in list(source.options.get("keywords", []))[:MAX_KEYWORDS]:
            searches.append({**common, "any": str(word).strip()})
        return searches

    @classmethod
    def request_url(cls, source: Source, watchlists: Sequence[Watchlist] = ()) -> str:
        return source.url or API_URL

    @classmethod
    def collect(cls, source: Source, context: Collect) -> Parsed:
        """The speeches of every search, page by page, within the cycle's caps. A failure with nothing
        read fails the source; after some records it ends the reading, and they are kept."""
        speakers = followed(source, context.watchlists)
        searches = cls.queries(source, context.watchlists, window_start(source, context.last_success, context.now))
        if not searches:
            raise ParseError("no speakers to follow: list entities with a Japanese name, or keywords")
        pause = float(source.options.get("pause_seconds", DEFAULT_PAUSE))
        items: dict[str, Item] = {}
        new = 0
        requests = 0
        ends = time.monotonic() + MAX_SECONDS
        first = True
        for search in searches:
            start: int | None = 1
            for _ in range(MAX_PAGES):
                if start is None:
                    break
                if new >= cls.max_items or requests >= MAX_REQUESTS or time.monotonic() >= ends:
                    return Parsed(items.values(), [CAPPED(n=new)])
                if not first and not context.pause(pause):
                    return Parsed(items.values())
                first = False
                requests += 1
                result = context.fetch(query_url(source.url or API_URL, {**search, "startRecord": str(start)}))
                try:
                    if not result.ok:
                        raise FetchFailed(result)
                    records, start = read_page(result.body)
                except ParseError as exc:
                    if not items:
                        raise
                    return Parsed(items.values(), [STOPPED_EARLY(n=len(items), reason=_said(exc.message))])
                for record in records:
                    item = speech_item(record, speakers)
                    if item is not None and item.guid not in items:
                        items[item.guid] = item
                        new += item.guid not in context.known
        return Parsed(items.values())
