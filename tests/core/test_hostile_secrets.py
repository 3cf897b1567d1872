"""Secrets that leave by side doors: a credential never follows a listing page's links to another
origin, and a secret echoed back changed (another case, cut short) is still blanked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from receivers import keyring_in_process
from recorder import Answer, RecordingServer

from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.platform.secrets import redact
from stakewatch.core.service.poller import Poller, shown_error
from stakewatch.core.store import credentials
from stakewatch.core.store.database import Store

TOKEN = "Pdf-Tok-9Qa7Zk3Lm2Xv"
WATCHLIST = Watchlist("W", (Entity("Minoru Kiuchi", "official", aliases=("城内実",)),))


@pytest.fixture
def keyring_on_bus(tmp_path: Path) -> Iterator[None]:
    with keyring_in_process(tmp_path / "keyring"):
        yield


def test_a_credential_goes_to_the_listing_origin_only_never_to_linked_pdfs_elsewhere(store: Store,
                                                                                  keyring_on_bus: None):
    home, elsewhere = RecordingServer().start(), RecordingServer().start()
    try:
        listing = (f'<html><body><ul><li><a href="/release/own.pdf">城内実 談話</a></li>'
                   f'<li><a href="{elsewhere.url("/release/other.pdf")}">城内実 資料</a></li>'
                   f'<li><a href="http://localhost:{home.port}/release/alias.pdf">城内実 別名</a></li>'
                   f'</ul></body></html>').encode()
        home.answers["/kaiken/"] = Answer(200, listing, {"Content-Type": "text/html; charset=utf-8"})
        for server, path in ((home, "/release/own.pdf"), (elsewhere, "/release/other.pdf"),
                             (home, "/release/alias.pdf")):
            server.answers[path] = Answer(200, b"%PDF-1.4 not really", {"Content-Type": "application/pdf"})
        store.apply_config([WATCHLIST], [Source("CAO", "page", home.url("/kaiken/"),
                                                official_for=("Minoru Kiuchi",),
                                                options={"item": "a", "follow_pdf": True, "credential": "cao"})])
        credentials.save_source_secret(store, "cao", TOKEN)
        report = Poller(store).run_cycle()
        assert report.outcomes[0].ok, report.outcomes[0].error
        seen: dict[str, dict[str, str]] = {}
        for path, headers in home.seen:  # the first request of each (the statement archive asks later)
            seen.setdefault(path, headers)
        assert seen["/kaiken/"].get("authorization") == f"Bearer {TOKEN}"
        assert seen["/release/own.pdf"].get("authorization") == f"Bearer {TOKEN}"
        assert "authorization" not in seen["/release/alias.pdf"]  # another host name: another origin
        assert elsewhere.seen and elsewhere.seen[0][0] == "/release/other.pdf"
        assert not any("authorization" in headers for _path, headers in elsewhere.seen), elsewhere.seen
    finally:
        home.stop()
        elsewhere.stop()


SECRET = "Sk-Live-7F3a9C0e51d24B8e"


@pytest.mark.parametrize("echoed", [
    SECRET.lower(), SECRET.upper(), SECRET[:12], SECRET[-12:], SECRET[5:19].swapcase(),
    f"token was {SECRET[2:16]}... rejected",
])
def test_a_secret_echoed_back_changed_is_still_blanked(echoed: str):
    cleaned = redact(f"server said: {echoed}", known=(SECRET,))
    assert "[secret]" in cleaned
    folded = cleaned.lower()
    assert not any(SECRET.lower()[i:i + 12] in folded for i in range(len(SECRET) - 11)), cleaned
    assert shown_error(f"401: {echoed}", (SECRET,)) is not None
    assert SECRET.lower()[:12] not in (shown_error(f"401: {echoed}", (SECRET,)) or "").lower()


def test_short_runs_and_other_words_are_left_alone():
    assert redact("the status was 'Sk-Live-7F3' and fine", known=(SECRET,)) == "the status was 'Sk-Live-7F3' and fine"
    assert redact("nothing here", known=("abcd",)) == "nothing here"
    assert redact("ABCD and abcd", known=("abcd",)) == "[secret] and [secret]"


def test_a_known_address_does_not_blank_its_host_elsewhere_nor_hide_a_user_part():
    channel = "json://bot:pw-9f8e7d6c5b4a@127.0.0.1:34259/hook"
    text = redact("fetching http://alice:pw-zz9-secret@127.0.0.1:34259/locked.rss failed",
                  known=(channel, "pw-9f8e7d6c5b4a"))
    assert text == "fetching http://[secret]@127.0.0.1:34259/locked.rss failed", text
    assert "pw-9f8e7d6c5b4a" not in redact(f"sent to {channel}", known=(channel,))
    slack = "slack://T0AAAAAAA/B0BBBBBBB/cccccccccccccccccccccccc/#policy"
    assert redact(f"sent to {slack.upper()}", known=(slack,)) == "sent to [secret]"
