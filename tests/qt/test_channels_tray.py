"""The tray's poll job hands channel messages to the background Courier: delivered, never twice."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from receivers import JsonReceiver, keyring_in_process, wait_until

from feedworld import Route, WorldServer, rss
from stakewatch.core import Courier
from stakewatch.core.delivery.channels import Channel, save_url
from stakewatch.core.exchange.transfer import parse_config
from stakewatch.core.service import Service
from stakewatch.core.store import channels as store_channels
from stakewatch.core.store.database import Store
from stakewatch.qt.workers import poll_job


@pytest.mark.offline
def test_poll_job_delivers_through_the_courier(tmp_path, world: WorldServer, store: Store):
    link = "https://www.kantei.go.jp/jp/104/statement/2025/1010kaiken.html"
    world.routes["/kantei.rss"] = Route(rss([{"title": "城内大臣 記者会見 Sora 2 について", "link": link,
                                              "pubDate": format_datetime(datetime.now(UTC) - timedelta(minutes=3))}]))
    config = parse_config({"version": 1, "watchlists": [{"name": "IP", "entities": [
        {"name": "Minoru Kiuchi", "kind": "official", "aliases": ["城内実", "城内大臣"]}]}],
        "sources": [{"name": "Kantei", "kind": "feed", "url": world.url("/kantei.rss"),
                     "official_for": ["Minoru Kiuchi"]}]})
    store.apply_config(config.watchlists, config.sources)
    receiver = JsonReceiver().start()
    try:
        with keyring_in_process(tmp_path / "keyring"):
            store_channels.add_channel(store, Channel("team"), datetime.now(UTC))
            save_url(store, "team", receiver.url("/team"))
            courier = Courier(store.path)  # the tray's own, shared by the Services of its tasks
            outcome = poll_job(force=True, honour_schedule=False, notifier=None)(Service(store, courier=courier))
            assert len(outcome.new_alerts) == 1
            assert wait_until(lambda: len(receiver.on("/team")) == 1)
            poll_job(force=True, honour_schedule=False, notifier=None)(Service(store, courier=courier))
            courier.wake()
            assert courier.wait_idle(10)
            courier.stop()
    finally:
        receiver.stop()
    (message,) = receiver.on("/team")
    assert link in message["json"]["message"] and "Minoru Kiuchi" in json.dumps(message["json"], ensure_ascii=False)
