"""Channels and time: a clock that ran ahead delays nothing once corrected, a receiver that drips its
answer is cut off at the send deadline, a message another process is still sending is never taken,
an SMTP login refusal says so, and a webhook's retries carry one idempotency key.

Real parts: SQLite files, a Secret Service on a private bus, HTTP and SMTP receivers on loopback."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from receivers import DripReceiver, JsonReceiver, SmtpReceiver, keyring_in_process, wait_until
from test_outbox import alert, decide_and_queue

from stakewatch.core.delivery import outbox
from stakewatch.core.delivery.channels import Channel, save_url
from stakewatch.core.store import channels as store_channels
from stakewatch.core.store.database import Store, to_epoch

NOW = datetime(2025, 10, 10, 3, 0, tzinfo=UTC)
YEAR = timedelta(days=365)


@pytest.fixture
def keyring_on_bus(tmp_path) -> Iterator[None]:
    with keyring_in_process(tmp_path / "keyring"):
        yield


@pytest.fixture
def receiver() -> Iterator[JsonReceiver]:
    server = JsonReceiver().start()
    yield server
    server.stop()


def test_a_message_failed_under_a_fast_clock_is_sent_once_the_clock_is_corrected(
        store: Store, receiver: JsonReceiver, keyring_on_bus):
    store_channels.add_channel(store, Channel("team"), NOW + YEAR)
    save_url(store, "team", receiver.url("/team"))
    decide_and_queue(store, [alert(1, 10)], now=NOW + YEAR)
    receiver.script["/team"] = [500]
    assert outbox.send_due(store, NOW + YEAR).failed == 1  # the clock ran a year ahead
    corrected = outbox.send_due(store, NOW)
    assert corrected.sent == 1, corrected
    assert len(receiver.on("/team")) == 1
    assert store_channels.next_due(store) is None


def test_a_message_queued_under_a_fast_clock_is_not_abandoned_and_still_goes(
        store: Store, receiver: JsonReceiver, keyring_on_bus):
    store_channels.add_channel(store, Channel("team"), NOW)
    save_url(store, "team", receiver.url("/team"))
    decide_and_queue(store, [alert(1, 10)], now=NOW + YEAR)
    decide_and_queue(store, [alert(2, 11)], now=NOW + YEAR)
    receiver.script["/team"] = [500]
    assert outbox.send_due(store, NOW).failed == 1
    assert outbox.send_due(store, NOW + timedelta(hours=2)).sent == 2
    assert len(receiver.on("/team")) == 2


def test_the_daily_digest_comes_after_a_clock_that_ran_ahead(store: Store, receiver: JsonReceiver,
                                                             keyring_on_bus):
    store_channels.add_channel(store, Channel("desk", digest="daily 08:00", digest_only=True), NOW)
    save_url(store, "desk", receiver.url("/desk"))
    (row,) = store_channels.channel_rows(store)
    today = datetime.now(UTC).astimezone().replace(hour=8, minute=5, second=0, microsecond=0)
    with store.transaction() as conn:
        store_channels.set_last_digest(conn, row.id, today + YEAR)  # a digest "sent" next year
    report = outbox.send_due(store, today.astimezone(UTC))
    assert report.sent == 1, report
    assert [r["json"]["title"] for r in receiver.on("/desk")][0].startswith("Stakewatch digest")


def test_a_claim_set_by_a_fast_clock_does_not_hold_a_message_forever(store: Store, receiver: JsonReceiver,
                                                                     keyring_on_bus):
    store_channels.add_channel(store, Channel("team"), NOW)
    save_url(store, "team", receiver.url("/team"))
    decide_and_queue(store, [alert(1, 10)])
    parent = os.getppid()  # a process that is alive
    store.conn.execute("UPDATE outbox SET claimed_by = ?, claimed_until = ?", (parent, to_epoch(NOW + YEAR)))
    assert outbox.send_due(store, NOW).sent == 1


def test_a_dripping_receiver_is_cut_off_at_the_send_deadline(store: Store, keyring_on_bus):
    drip = DripReceiver().start()
    try:
        store_channels.add_channel(store, Channel("slow"), NOW)
        save_url(store, "slow", drip.url("/hook"))
        decide_and_queue(store, [alert(1, 10)])
        report = outbox.send_due(store, NOW, outbox.OutboxConfig(send_deadline=timedelta(seconds=5)))
        assert report.failed == 1 and report.sent == 0
        assert "did not finish answering within 5 s" in report.errors["slow"]
        assert drip.requests == ["/hook"]
    finally:
        drip.stop()


SENDER = textwrap.dedent("""
    import sys
    from datetime import timedelta
    from pathlib import Path
    from stakewatch.core.delivery import outbox
    from stakewatch.core.store.database import Store
    with Store(Path(sys.argv[1])) as store:
        report = outbox.send_due(store, config=outbox.OutboxConfig(lease=timedelta(seconds=1),
                                                                    send_deadline=timedelta(seconds=6)))
        print(report.sent, report.failed, flush=True)
""")


def test_another_process_never_takes_a_message_one_is_still_sending(store: Store, keyring_on_bus):
    drip = DripReceiver().start()
    sender = None
    try:
        store_channels.add_channel(store, Channel("slow"), datetime.now(UTC))
        save_url(store, "slow", drip.url("/hook"))
        decide_and_queue(store, [alert(1, 10)], now=datetime.now(UTC))
        sender = subprocess.Popen([sys.executable, "-c", SENDER, str(store.path)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=os.environ.copy())
        assert wait_until(lambda: drip.requests == ["/hook"], timeout=30)
        # the sender's nominal lease (1 s) has run out, but it is still within its send: hands off
        wait_until(lambda: False, timeout=2)
        here = outbox.send_due(store, datetime.now(UTC))
        assert here.sent == 0 and here.failed == 0, here
        out, err = sender.communicate(timeout=60)
        assert out.split() == ["0", "1"], err
        assert drip.requests == ["/hook"]
    finally:
        if sender is not None and sender.poll() is None:
            os.kill(sender.pid, 9)
            sender.wait()
        drip.stop()


def test_an_smtp_login_refusal_says_the_login_was_refused(store: Store, keyring_on_bus):
    smtp = SmtpReceiver().start()
    try:
        store_channels.add_channel(store, Channel("mail"), NOW)
        save_url(store, "mail", f"mailto://{smtp.user}:wrong-password@127.0.0.1:{smtp.port}"
                                "?from=stakewatch@example.jp&to=team@example.jp")
        decide_and_queue(store, [alert(1, 10)])
        report = outbox.send_due(store, NOW)
        assert report.failed == 1
        assert "refused the login (SMTP 535)" in report.errors["mail"], report.errors
        assert "could not be reached" not in report.errors["mail"] and "wrong-password" not in str(report.errors)
    finally:
        smtp.stop()


def test_a_webhook_retry_carries_the_same_idempotency_key(store: Store, receiver: JsonReceiver, keyring_on_bus):
    store_channels.add_channel(store, Channel("team"), NOW)
    save_url(store, "team", receiver.url("/team"))
    decide_and_queue(store, [alert(1, 10)])
    receiver.script["/team"] = [503]
    assert outbox.send_due(store, NOW).failed == 1
    assert outbox.send_due(store, NOW + timedelta(minutes=5)).sent == 1
    decide_and_queue(store, [alert(2, 11)], now=NOW + timedelta(minutes=6))
    assert outbox.send_due(store, NOW + timedelta(minutes=6)).sent == 1
    keys = [attempt["idempotency"] for attempt in receiver.attempts]
    assert len(keys) == 3 and keys[0] and keys[0] == keys[1] != keys[2], keys
