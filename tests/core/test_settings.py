from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from feedworld import Route, WorldServer, rss
from stakewatch.core import settings
from stakewatch.core.model import Source, UserError
from stakewatch.core.service.poller import Poller
from stakewatch.core.store.database import Store, open_store


def test_defaults_are_the_documented_limits(store: Store):
    config = settings.poll_config(store)
    assert (config.host_spacing, config.total) == (10.0, 16)
    assert (config.fetch.connect_timeout, config.fetch.read_timeout, config.fetch.deadline) == (5, 10, 20)
    assert config.fetch.max_body == 10 * 1024 * 1024 and config.fetch.system_proxy


def test_invalid_values_are_refused_by_name(store: Store):
    with pytest.raises(UserError, match="poll.total must be a whole number from 1 to 64"):
        settings.put(store, "poll.total", "0")
    with pytest.raises(UserError, match="fetch.proxy must be"):
        settings.put(store, "fetch.proxy", "file:///etc/passwd")
    with pytest.raises(UserError, match="unknown setting"):
        settings.put(store, "poll.turbo", "1")
    assert settings.get(store, "poll.total") == 16


def test_settings_change_the_poll(world: WorldServer, data_dir: Path):
    assert run_cli(data_dir, "settings", "fetch.max_body_mib", "1").code == 0
    assert run_cli(data_dir, "settings", "poll.host_spacing", "1").out.strip() == "poll.host_spacing = 1"
    listing = run_cli(data_dir, "settings").out
    assert "fetch.max_body_mib" in listing and "poll.host_spacing" in listing
    world.routes["/big"] = Route(rss([{"title": "x" * 100, "link": "http://x/1"}] * 20000))
    with open_store(data_dir) as store:
        store.apply_config([], [Source("Big", "feed", world.url("/big"))])
        report = Poller(store, settings.poll_config(store)).run_cycle()
    assert report.failures[0].error == "response larger than 1 MiB"


def test_proxy_setting_routes_requests_through_the_proxy(world: WorldServer, data_dir: Path):
    """The world server plays the proxy: a proxied request arrives with the full URL as its path."""
    world.routes["http://feeds.example.invalid/news.xml"] = Route(rss([{"title": "via proxy",
                                                                        "link": "http://x/1"}]))
    run_cli(data_dir, "settings", "fetch.proxy", world.base)
    with open_store(data_dir) as store:
        store.apply_config([], [Source("Far", "feed", "http://feeds.example.invalid/news.xml")])
        report = Poller(store, settings.poll_config(store)).run_cycle()
    assert report.outcomes[0].ok and report.outcomes[0].new_items == 1
