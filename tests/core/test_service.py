"""The application service: one cycle, its reactions, schedule, pause and seeding."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from feedworld import Route, WorldServer, rss
from stakewatch.core import service as service_module
from stakewatch.core.model import Entity, Source, Watchlist
from stakewatch.core.service import MAX_WAIT, MIN_WAIT, Service, next_wait, show_notifications
from stakewatch.core.store.database import Store

NOW = datetime.now(UTC)


def _configure(store: Store, world: WorldServer) -> None:
    world.routes["/feed"] = Route(rss([{"title": "OpenAI ships Sora 2 to more countries", "link": world.url("/s"),
                                        "pubDate": NOW.strftime("%a, %d %b %Y %H:%M:%S GMT")}]))
    world.routes["/broken"] = Route(b"", status=500)
    store.apply_config([Watchlist("W", (Entity("Sora 2", "product"),))],
                       [Source("Feed", "feed", world.url("/feed")), Source("Broken", "feed", world.url("/broken"))])


def test_a_cycle_decides_notifications_and_calls_every_reaction(store: Store, world: WorldServer, caplog):
    _configure(store, world)
    seen: list[object] = []
    shown: list[object] = []

    def broken(service: Service, result: object) -> None:
        raise RuntimeError("a reaction went wrong")

    service = Service(store, reactions=[broken, show_notifications(lambda n: shown.append(n) or True),
                                        lambda service, result: seen.append(result)])
    with caplog.at_level(logging.ERROR, logger="stakewatch.service"):
        result = service.poll()
    assert len(result.new_alerts) == 1 and seen == [result]
    assert [(n.kind, n.alert_ids) for n in shown] == [("alert", tuple(result.new_alerts)), ("health", ())]
    assert result.snapshot.failing == ["Broken"] and result.snapshot.latest[0].entity == "Sora 2"
    assert "a reaction went wrong" in caplog.text and "Traceback" in caplog.text
    again = service.poll(force=True)
    assert again.new_alerts == [] and again.notifications == []


def test_reactions_given_when_opening_run_for_that_service(store: Store, world: WorldServer):
    _configure(store, world)
    calls: list[int] = []
    with Service.open(store.path.parent, reactions=[lambda service, result: calls.append(len(result.new_alerts))]) \
            as service:
        service.poll()
    Service(store).poll(force=True)
    assert calls == [1]


def test_the_pipeline_runs_its_steps_in_the_stated_order(store: Store, world: WorldServer, monkeypatch):
    _configure(store, world)
    cycle = service_module.cycle
    ran: list[str] = []
    steps = {"archive_pages": "archive pages", "decide_and_queue": "decide and queue",
             "notices": "health and page notices", "popups": "popups", "wake_courier": "wake the courier",
             "prune_and_feeds": "prune and feeds"}
    for function, step in steps.items():
        real = getattr(cycle, function)
        monkeypatch.setattr(cycle, function, lambda *args, _real=real, _step=step, **kw: (ran.append(_step),
                                                                                          _real(*args, **kw))[1])
    service = Service(store)
    real_ingest = service.poller.ingest
    monkeypatch.setattr(service.poller, "ingest", lambda *a, **kw: (ran.append("ingest"), real_ingest(*a, **kw))[1])
    service.poll()
    assert tuple(ran) == cycle.STEPS == ("ingest", "archive pages", "decide and queue", "health and page notices",
                                         "popups", "wake the courier", "prune and feeds")


def test_next_wait_is_clamped_between_five_and_sixty_seconds():
    assert next_wait(None, NOW) == MAX_WAIT
    assert next_wait(NOW - timedelta(hours=1), NOW) == MIN_WAIT
    assert next_wait(NOW + timedelta(seconds=20), NOW) == timedelta(seconds=20)
    assert next_wait(NOW + timedelta(hours=2), NOW) == MAX_WAIT


def test_a_pause_is_read_back_by_a_new_service(store: Store):
    Service(store).pause(NOW + timedelta(hours=1))
    assert Service(store).paused_until() == NOW + timedelta(hours=1)
    assert Service(store).snapshot().paused_until == NOW + timedelta(hours=1)
    Service(store).pause(None)
    assert Service(store).paused_until() is None


def test_seeding_only_fills_an_empty_store(store: Store):
    assert Service(store).seed_default() is True
    assert Service(store).seed_default() is False
    assert store.sources()
