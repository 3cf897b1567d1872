"""Channels: where alerts go besides the desktop (Slack, Teams, email, LINE, webhooks) through Apprise.

A channel is a name, an Apprise URL kept in the keyring under that name (never in
the database, exports, logs or output), and what it receives. This module holds
the model, the URL's safekeeping, the messages as plain data (`payload`), their
rendering for a service (plain text or its markdown, feed text escaped) and one
send through Apprise with a reason in words when it fails. Any thread.
"""

from __future__ import annotations

import contextvars
import copy
import functools
import logging
import re
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ..fetching.transport import SocketWatch
from ..i18n import Message, translate
from ..model import Alert, UserError, label_for
from ..model.values import Channel as Channel
from ..platform import logs, secrets
from ..store import credentials
from ..store.database import Store
from .policy import digest_notification, safe_link, story_notification

ONLY = ("statements", "priority")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SCHEDULE = re.compile(r"^\s*(daily|weekly\s+(mon|tue|wed|thu|fri|sat|sun))\s+([01]?\d|2[0-3]):([0-5]\d)\s*$", re.I)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")

TITLE = translate("Channels", "Channels")
NO_URL = translate("Channels", "the channel's Apprise URL was not found in the keyring; add the channel again")
BAD_URL = translate("Channels", "Apprise does not recognise this URL (check the service's URL format)")
EMPTY_URL = translate("Channels", "no Apprise URL given on standard input")
BAD_PORT = translate("Channels", "the port in this URL is not a number from 1 to 65535")
BAD_NAME = translate("Channels", "a channel needs a name of 1 to 60 characters without control characters")
BAD_SCHEDULE = translate("Channels", "{value!r} is not a digest time like 'daily 08:00' or 'weekly mon 08:00'")
RATE_LIMITED = translate("Channels", "the service is limiting how often we may send (HTTP 429); retrying later")
SERVER_FAILED = translate("Channels", "the service had an error (HTTP {code}); retrying later")
REFUSED_AUTH = translate("Channels", "the service refused the credentials in the channel's URL (HTTP {code})")
REFUSED = translate("Channels", "the service refused the message (HTTP {code})")
UNREACHABLE = translate("Channels",
                        "the service could not be reached (connection refused, no network or wrong address)")
TIMED_OUT = translate("Channels", "the service did not answer in time")
NO_ANSWER_IN_TIME = translate("Channels", "the service did not finish answering within {seconds} s (it may have "
                                          "received the message); retrying later")
LOGIN_REFUSED = translate("Channels", "the mail server refused the login (SMTP {code}): check the user name and "
                                      "password in the channel's URL")
MAIL_FAILED = translate("Channels", "the mail server did not accept the message: {detail}")
FAILED = translate("Channels", "the service did not accept the message: {detail}")
NO_DETAIL = translate("Channels", "no reason given")
TEST_TITLE = translate("Channels", "Stakewatch test message")
TEST_BODY = translate("Channels", "This channel ({name}) will receive Stakewatch alerts.")
SCHEDULED_TITLE = translate("Channels", "Stakewatch digest {start} to {end}: {n} {n:?alert|alerts}")
STATEMENT = translate("Channels", "Statement")
PRIORITY = translate("Channels", "Priority")
STATEMENTS = translate("Channels", "Statements")
COVERAGE = translate("Channels", "Coverage")
SOURCES = translate("Channels", "Sources: {names}")
NOTHING = translate("Channels", "Nothing new in this period.")
PDF_NOTE = translate("Channels", "The briefing PDF is attached.")


class SendError(Exception):
    """A send that failed; `reason` is a Message, `retry` False when retrying cannot help."""

    def __init__(self, reason: Message, retry: bool = True) -> None:
        super().__init__(str(reason))
        self.reason = reason
        self.retry = retry


# the URL in the keyring -----------------------------------------------------------------------

def check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 60 or any(ord(c) < 32 for c in name):
        raise UserError(TITLE, BAD_NAME)
    return name


def check_url(url: str) -> str:
    """The URL stripped, if Apprise knows its service; parses only, reaches nothing. Raises UserError."""
    import apprise

    url = url.strip()
    if not url:
        raise UserError(TITLE, EMPTY_URL)
    try:
        port = urlsplit(url).port
    except ValueError:
        port = 0
    if port == 0:
        raise UserError(TITLE, BAD_PORT)
    if apprise.Apprise.instantiate(url) is None:
        raise UserError(TITLE, BAD_URL)
    return url


def url_secrets(url: str) -> tuple[str, ...]:
    """The URL and the parts of it that may show up alone in a log line (password, tokens)."""
    parts = [url, unquote(url)]
    try:
        split = urlsplit(url)
        parts += [split.password or "", unquote(split.password or "")]
        parts += [segment for segment in split.path.split("/") if len(segment) >= 8]
        parts += [value for pair in split.query.split("&") for value in [pair.partition("=")[2]]
                  if len(value) >= 6]
    except ValueError:
        pass
    return tuple(dict.fromkeys(p for p in parts if p))


def save_url(store: Store, name: str, url: str) -> None:
    """Keep the URL in the keyring as the data folder's channel entry under the channel's name (never
    where a source credential could name it). Raises UserError (nothing stored). Store's thread."""
    credentials.save(store, secrets.CHANNEL, name, url)
    logs.remember_secrets(url_secrets(url))


def remember_channel_secrets(store: Store, entries: secrets.Vault | None = None) -> None:
    """Make every channel URL of the folder (and its parts) known to the log redactor. Store's thread."""
    from ..store.channels import channels_of

    vault = entries or credentials.vault(store)
    for _, channel in channels_of(store):
        url = vault.load(secrets.CHANNEL, channel.name)
        if url:
            logs.remember_secrets(url_secrets(url))


def load_url(store: Store, name: str) -> str | None:
    """The channel's URL from the data folder's keyring entries, or None. Store's thread."""
    url = credentials.vault(store).load(secrets.CHANNEL, name)
    if url:
        logs.remember_secrets(url_secrets(url))
    return url


def delete_url(store: Store, name: str) -> None:
    """Forget this folder's URL of the channel; another folder's channel of that name keeps its own."""
    credentials.delete(store, secrets.CHANNEL, name)


def parse_schedule(value: str) -> str:
    """'daily 08:00' or 'weekly mon 08:00', normalised. Raises UserError."""
    match = _SCHEDULE.match(value)
    if not match:
        raise UserError(TITLE, BAD_SCHEDULE(value=value))
    hour, minute = int(match.group(3)), int(match.group(4))
    head = "daily" if match.group(2) is None else f"weekly {match.group(2).lower()}"
    return f"{head} {hour:02d}:{minute:02d}"


def last_slot(schedule: str, now: datetime) -> tuple[datetime, timedelta]:
    """The most recent scheduled moment at or before `now` (local time) and the schedule's period."""
    parts = schedule.split()
    clock = time.fromisoformat(parts[-1])
    local = now.astimezone()
    slot = local.replace(hour=clock.hour, minute=clock.minute, second=0, microsecond=0)
    if parts[0] == "daily":
        return (slot if slot <= local else slot - timedelta(days=1)), timedelta(days=1)
    slot -= timedelta(days=(local.weekday() - WEEKDAYS.index(parts[1])) % 7)
    return (slot if slot <= local else slot - timedelta(days=7)), timedelta(days=7)


# messages as plain data ---------------------------------------------------------------------

def _story(group: Sequence[Alert]) -> dict[str, Any]:
    lead = min(group, key=lambda a: (a.kind != "statement", not a.priority))
    return {"story": lead.story, "title": lead.title, "url": safe_link(lead.url),
            "entities": list(dict.fromkeys(a.entity for a in group)),
            "names": {a.entity: dict(a.entity_names) for a in group if a.entity_names},
            "statement": any(a.kind == "statement" for a in group),
            "priority": any(a.priority for a in group),
            "sources": list(dict.fromkeys(s for a in group for s in a.sources)) or [lead.source],
            "published": lead.published.isoformat()}


def story_payload(group: Sequence[Alert]) -> dict[str, Any]:
    """One story (the alerts of one story, every entity in it)."""
    return {"kind": "story", "title": story_notification(group).title, "stories": [_story(group)]}


def digest_payload(groups: Sequence[Sequence[Alert]], reason: str = "") -> dict[str, Any]:
    """A burst as one message listing every story and link."""
    flat = [a for group in groups for a in group]
    return {"kind": "digest", "title": digest_notification(flat, reason).title,
            "stories": [_story(group) for group in groups]}


def notice_payload(title: str, body: str) -> dict[str, Any]:
    return {"kind": "notice", "title": title, "text": body}


def scheduled_payload(alerts: Sequence[Alert], start: datetime, end: datetime) -> dict[str, Any]:
    """The period's statements and coverage grouped by entity, with links."""
    by_entity: dict[str, list[Alert]] = {}
    for alert in sorted(alerts, key=lambda a: a.published):
        by_entity.setdefault(alert.entity, []).append(alert)
    entities = [{"entity": entity, **({"names": dict(group[0].entity_names)} if group[0].entity_names else {}),
                 "statements": [_story([a]) for a in group if a.kind == "statement"],
                 "coverage": [_story([a]) for a in group if a.kind != "statement"]}
                for entity, group in by_entity.items()]
    first, last = start.astimezone().strftime("%Y-%m-%d"), end.astimezone().strftime("%Y-%m-%d")
    return {"kind": "scheduled", "title": SCHEDULED_TITLE(start=first, end=last, n=len(alerts)).dumps(),
            "entities": entities, "start": start.isoformat(), "end": end.isoformat()}


# rendering -----------------------------------------------------------------------------------

def escape_markdown(text: str, slack: bool = False) -> str:
    """Feed text made inert in markdown: HTML's three specials as entities, markdown's backslashed
    (Slack's mrkdwn knows no backslash escapes: there the entities alone do it)."""
    text = " ".join(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split())
    return text if slack else _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _link(url: str, markdown: bool) -> str:
    return f"<{url.replace('<', '%3C').replace('>', '%3E')}>" if markdown else url


def _text(value: str) -> str:
    from ..i18n import loads, render

    return render(loads(value)) if value.startswith("{") else value


def _label(entity: str, names: Any) -> str:
    """An entity as the reader's language names it (`names`: language -> name, as queued)."""
    pairs = tuple((str(k), str(v)) for k, v in names.items()) if isinstance(names, dict) else ()
    return label_for(entity, pairs)


def render(payload: dict[str, Any], markdown: bool, slack: bool = False) -> tuple[str, str]:
    """(title, body) of a message; body in the service's markdown when `markdown`, else plain text."""

    def esc(text: str) -> str:
        return escape_markdown(text, slack) if markdown else " ".join(text.split())

    title = _text(str(payload.get("title", "")))
    lines: list[str] = []

    def story_lines(story: dict[str, Any], bullet: str) -> None:
        marks = [str(STATEMENT) if story["statement"] else str(COVERAGE)]
        if story["priority"]:
            marks.insert(0, str(PRIORITY))
        head = esc(story["title"])
        if markdown:
            head = f"*{head}*" if slack else f"**{head}**"
        lines.append(f"{bullet}{head}")
        dot = " \u00b7 "
        names = story.get("names") or {}
        labels = [_label(entity, names.get(entity)) for entity in story["entities"]]
        lines.append(f"  {esc(', '.join(labels))}{dot}{dot.join(marks)}")
        if story.get("url"):
            lines.append(f"  {_link(story['url'], markdown)}")
        lines.append("  " + esc(str(SOURCES(names=", ".join(story["sources"])))))

    kind = payload.get("kind")
    if kind == "notice":
        lines.append(esc(_text(str(payload.get("text", "")))))
    elif kind == "scheduled":
        if not payload["entities"]:
            lines.append(str(NOTHING))
        for entity in payload["entities"]:
            name = _label(entity["entity"], entity.get("names"))
            lines.append(("*" + esc(name) + "*") if slack else ("## " if markdown else "") + esc(name))
            for label, key in ((STATEMENTS, "statements"), (COVERAGE, "coverage")):
                if entity[key]:
                    lines.append(("**" + esc(str(label)) + "**") if markdown and not slack else str(label))
                    for story in entity[key]:
                        story_lines(story, "- ")
            lines.append("")
        if payload.get("attached"):
            lines.append(str(PDF_NOTE))
    else:
        stories = payload.get("stories", [])
        for story in stories:
            story_lines(story, "- " if len(stories) > 1 else "")
    if markdown:
        title = escape_markdown(title, slack)
        if not slack:
            lines = [line + "  " if line and not line.startswith("#") else line for line in lines]
    return title, "\n".join(lines).strip()


# sending -------------------------------------------------------------------------------------

_QUIET = re.compile(r" - (?:DEBUG|TRACE|INFO) - ")
_SMTP_AUTH = re.compile(r"\((53[045]),\s*b?['\"]|\b(53[045])[ -]5\.7\.\d")


def _reason(captured: str) -> SendError:
    """Why a send failed, from Apprise's log of it: HTTP statuses and connection errors from its warnings,
    an SMTP login refusal (530, 534, 535) from its debug lines, where Apprise says it."""
    smtp = _SMTP_AUTH.search(captured)
    if smtp:
        return SendError(LOGIN_REFUSED(code=int(smtp.group(1) or smtp.group(2))), retry=False)
    log_text = "\n".join(line for line in captured.splitlines() if not _QUIET.search(line))
    code = re.search(r"error=(\d{3})|error code (\d{3})|\b(\d{3}) (?:error|response)", log_text)
    status = int(next(g for g in code.groups() if g)) if code else None
    if status == 429:
        return SendError(RATE_LIMITED())
    if status is not None and status >= 500:
        return SendError(SERVER_FAILED(code=status))
    if status in (401, 403):
        return SendError(REFUSED_AUTH(code=status), retry=False)
    if status is not None:
        return SendError(REFUSED(code=status))
    lowered = log_text.lower()
    if "timed out" in lowered or "timeout" in lowered:
        return SendError(TIMED_OUT())
    if "connection error" in lowered or "connection refused" in lowered or "could not connect" in lowered:
        return SendError(UNREACHABLE())
    lines = [re.sub(r"^\S+ \S+ - \w+ - ", "", line).strip() for line in log_text.splitlines() if line.strip()]
    detail = logs.redact(lines[-1]) if lines else str(NO_DETAIL)
    if "smtp" in lowered or "email" in lowered:
        return SendError(MAIL_FAILED(detail=detail[:200]))
    return SendError(FAILED(detail=detail[:200]))


@functools.lru_cache(maxsize=16)
def _service(url: str) -> Any:
    import apprise

    return apprise.Apprise.instantiate(url)


SEND_DEADLINE = 30.0
"""A send that has not finished by then is cut (its sockets shut) and counted as failed; shorter than the
outbox's claim lease, so no other process takes a message while one is still sending it."""
CUT_GRACE = 2.0
_WEBHOOKS = ("NotifyJSON", "NotifyForm", "NotifyXML")


def _with_idempotency_key(service: Any, key: str | None) -> Any:
    """The service for one message: a webhook (json://, form://, xml://) gets an Idempotency-Key header,
    the same on every retry of the message, so a receiver that honours it never acts twice."""
    if key is None or type(service).__name__ not in _WEBHOOKS or not isinstance(getattr(service, "headers", None),
                                                                                 dict):
        return service
    one = copy.copy(service)
    one.headers = {**service.headers, "Idempotency-Key": key}
    return one


def _run_with_deadline(job: Callable[[], Any], deadline: float) -> tuple[bool, Any]:
    """(finished, result) of `job` run on a thread of its own; at the deadline every socket it opened (in
    its thread or in worker threads a library started for it) is shut, so it ends."""
    watch = SocketWatch()
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["result"] = watch.run(job)
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=contextvars.copy_context().run, args=(run,), name="stakewatch-send",
                              daemon=True)
    worker.start()
    worker.join(deadline)
    finished = not worker.is_alive()
    if not finished:
        watch.cut()
        worker.join(CUT_GRACE)
    watch.close()
    if finished and "error" in outcome:
        raise outcome["error"]
    return finished, outcome.get("result")


def send(url: str, payload: dict[str, Any], attachment: Path | None = None, deadline: float = SEND_DEADLINE,
         idempotency_key: str | None = None) -> None:
    """Send one message now through Apprise; returns when the service acknowledged, within `deadline`
    seconds in all (a service that drips its answer is cut off). Raises SendError."""
    import apprise

    service = _service(url)
    if service is None:
        raise SendError(BAD_URL(), retry=False)
    formats = service.notify_format
    native = formats[0] if isinstance(formats, (tuple, list)) else formats
    markdown = native in (apprise.NotifyFormat.MARKDOWN, apprise.NotifyFormat.HTML)
    slack = "slack" in str(getattr(service, "service_url", "") or "").lower() or \
        "slack" in type(service).__name__.lower()
    title, body = render({**payload, "attached": attachment is not None}, markdown, slack)
    if native == apprise.NotifyFormat.HTML:
        title = _text(str(payload.get("title", "")))
    attach = None
    if attachment is not None and getattr(service, "attachment_support", False):
        attach = apprise.AppriseAttachment()
        attach.add(str(attachment))
    sender = apprise.Apprise()
    sender.add(_with_idempotency_key(service, idempotency_key))

    def job() -> tuple[bool, str]:
        with apprise.LogCapture(level=logging.DEBUG) as captured:  # type: ignore[no-untyped-call]
            result = sender.notify(body=body, title=title, attach=attach,
                                   body_format=apprise.NotifyFormat.MARKDOWN if markdown else apprise.NotifyFormat.TEXT)
            return bool(result), str(captured.getvalue())

    finished, outcome = _run_with_deadline(job, deadline)
    if not finished:
        raise SendError(NO_ANSWER_IN_TIME(seconds=f"{deadline:g}"))
    result, captured = outcome
    if not result:
        raise _reason(logs.redact(captured, url_secrets(url)))


def takes_attachments(url: str) -> bool:

    service = _service(url)
    return bool(service is not None and getattr(service, "attachment_support", False))
