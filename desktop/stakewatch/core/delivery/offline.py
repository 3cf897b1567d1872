"""Is it the network, not the sources? Decided from the sources' health alone. Pure, any thread.

When every enabled source that was tried failed with the same connection
error (the same words once each host name is set aside), the likely cause is
this computer's connection, and one sentence says so instead of a list of
identical failures. An HTTP answer (404, 500, not a feed) is the source's own
problem and never counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from ..i18n import Message, Text, translate
from ..model import SourceHealth

OFFLINE = translate("Health", "This computer seems to be offline: every source failed the same way "
                              "({error}). Stakewatch tries again on its own when the network is back.")
OFFLINE_DETAIL = translate("Health", "Every source failed the same way ({error}). Stakewatch tries again on its "
                                     "own when the network is back.")
MIN_SOURCES = 2


def _without_host(value: object, host: str) -> object:
    """A message argument with the host name set aside (an inner message's arguments too)."""
    if isinstance(value, Text):
        value = value.message
    if isinstance(value, Message):
        return Message(value.context, value.text,
                       tuple((key, _without_host(arg, host)) for key, arg in value.args))
    return value.replace(host, "\u2026") if isinstance(value, str) else value


def _generic(source: SourceHealth) -> Message | str | None:
    """The source's last error with its host name taken out, or None if it does not name the host.
    A stored message stays a message (its arguments edited), so that it is said in the user's language."""
    host = urlsplit(source.url).hostname or ""
    error = source.last_error or ""
    if not host or host not in error:
        return None
    if isinstance(error, Text):
        generic = _without_host(error.message, host)
        assert isinstance(generic, Message)
        return generic
    return error.replace(host, "\u2026")


def offline_notice(sources: Sequence[SourceHealth], lead: bool = True) -> Message | None:
    """A sentence saying the computer seems offline, or None when the failures differ or some source works.
    `lead=False`: without its first words, for a notification whose title says them."""
    tried = [s for s in sources if s.enabled and s.last_attempt is not None]
    if len(tried) < MIN_SOURCES or any(not s.last_error for s in tried):
        return None
    errors = {_generic(s) for s in tried}
    if len(errors) != 1 or None in errors:
        return None
    return (OFFLINE if lead else OFFLINE_DETAIL)(error=next(iter(errors)))
