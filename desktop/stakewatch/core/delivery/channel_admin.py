"""Adding, removing and testing channels: the one implementation behind the CLI and the Channels page.

Store's thread; the keyring and (for a test message) the network are used here, so
the GUI calls these from a worker. Raise UserError with a message in words; the URL
never appears in one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from ..i18n import translate
from ..model import UserError
from ..store import channels as store_channels
from ..store.database import Store
from . import channels

EXISTS = translate("Channels", "a channel named {name!r} exists already; remove it first")
NOT_FOUND = translate("Channels", "no channel named {name!r} (there are: {names})")
NO_WATCHLIST = translate("Channels", "no watchlist named {name!r} (there are: {names})")
BAD_ONLY = translate("Channels", "a channel receives everything, only statements or only priority entities")
TEST_FAILED = translate("Channels", "the test message to {name!r} failed: {reason}")


def add(store: Store, name: str, url: str, watchlists: Sequence[str] = (), only: str | None = None,
        health: bool = False, digest: str | None = None, digest_only: bool = False,
        quiet_hours: bool = True) -> channels.Channel:
    """Validate everything, then keep the URL in the keyring and the channel in the database (or neither).
    Reaches no service."""
    name = channels.check_name(name)
    if store_channels.find(store, name):
        raise UserError(channels.TITLE, EXISTS(name=name))
    known = {w.name.casefold(): w.name for w in store.watchlists()}
    for watchlist in watchlists:
        if watchlist.casefold() not in known:
            raise UserError(channels.TITLE, NO_WATCHLIST(name=watchlist, names=", ".join(known.values()) or "-"))
    if only is not None and only not in channels.ONLY:
        raise UserError(channels.TITLE, BAD_ONLY)
    schedule = channels.parse_schedule(digest) if digest else None
    url = channels.check_url(url)
    channel = channels.Channel(name=name, watchlists=tuple(known[w.casefold()] for w in watchlists), only=only,
                               health=health, quiet_hours=quiet_hours, digest=schedule,
                               digest_only=bool(schedule and digest_only))
    channels.save_url(store, name, url)
    try:
        store_channels.add_channel(store, channel, datetime.now(UTC))
    except BaseException:
        channels.delete_url(store, name)
        raise
    return channel


def find_free(store: Store, name: str) -> None:
    """Raise UserError if a channel has this name (checked before asking for the URL)."""
    if store_channels.find(store, name):
        raise UserError(channels.TITLE, EXISTS(name=name))


def find(store: Store, name: str) -> store_channels.ChannelRow:
    row = store_channels.find(store, name)
    if row is None:
        names = ", ".join(r.channel.name for r in store_channels.channel_rows(store)) or "-"
        raise UserError(channels.TITLE, NOT_FOUND(name=name, names=names))
    return row


def remove(store: Store, name: str) -> str:
    """Remove the channel, its queued messages and its URL. The channel's name as stored."""
    row = find(store, name)
    store_channels.remove_channel(store, row.channel.name)
    channels.delete_url(store, row.channel.name)
    return row.channel.name


def test(store: Store, name: str) -> str:
    """Send a test message now; on success the channel's waiting messages are retried at once."""
    row = find(store, name)
    name = row.channel.name
    now = datetime.now(UTC)
    url = channels.load_url(store, name)
    try:
        if url is None:
            raise channels.SendError(channels.NO_URL())
        channels.send(url, channels.notice_payload(str(channels.TEST_TITLE), str(channels.TEST_BODY(name=name))))
    except channels.SendError as exc:
        store_channels.record_error(store, name, exc.reason.dumps(), now)
        raise UserError(channels.TITLE, TEST_FAILED(name=name, reason=exc.reason)) from None
    store_channels.record_success(store, name, now)
    return name
