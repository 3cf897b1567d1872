"""The schedule's rules on a fake clock: rhythms learned from publication times, nights and
weekends slower, floors from the feed and the server, release bursts, spacing per host."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from zoneinfo import ZoneInfo

import pytest

from stakewatch.core.fetching.floors import feed_hints, header_floor
from stakewatch.core.fetching.hosts import HostGate
from stakewatch.core.fetching.rhythm import (
    describe,
    fastest_for,
    learn,
    parse_releases,
    plan_next,
    source_zone,
)
from stakewatch.core.i18n import use_language

TOKYO = ZoneInfo("Asia/Tokyo")
MONDAY_10_JST = datetime(2026, 11, 16, 10, 0, tzinfo=TOKYO).astimezone(UTC)


def office_hours_history(now: datetime, per_day: int = 8, days: int = 28) -> list[datetime]:
    """A ministry's feed: `per_day` items spread over 09:00-18:00 JST on weekdays, nothing else."""
    moments = []
    for back in range(1, days + 1):
        day = (now.astimezone(TOKYO) - timedelta(days=back)).date()
        if day.weekday() >= 5:
            continue
        for n in range(per_day):
            minutes = 9 * 60 + n * (9 * 60 // per_day) + 7
            moments.append(datetime(day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=TOKYO))
    return [m.astimezone(UTC) for m in moments]


def at_jst(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=TOKYO).astimezone(UTC)


def test_a_busy_office_hours_feed_is_checked_every_two_minutes_in_office_hours():
    rhythm = learn(office_hours_history(MONDAY_10_JST), MONDAY_10_JST, "Asia/Tokyo")
    assert rhythm.interval(MONDAY_10_JST) == timedelta(minutes=2)
    plan = plan_next(MONDAY_10_JST, fixed=None, rhythm=rhythm)
    assert plan.reason == "rhythm" and plan.at == MONDAY_10_JST + timedelta(minutes=2)


def test_nights_and_weekends_of_an_office_hours_feed_slow_down():
    history = office_hours_history(MONDAY_10_JST)
    night = at_jst(17, 3)  # Tuesday 03:00 JST
    saturday = at_jst(21, 11)
    rhythm = learn(history, night, "Asia/Tokyo")
    assert rhythm.interval(night) == timedelta(minutes=60)
    assert rhythm.interval(saturday) == timedelta(minutes=60)
    assert rhythm.interval(at_jst(17, 11)) == timedelta(minutes=2)


def test_the_night_ends_in_time_for_the_first_busy_hour():
    rhythm = learn(office_hours_history(MONDAY_10_JST), at_jst(17, 8, 30), "Asia/Tokyo")
    plan = plan_next(at_jst(17, 8, 30), fixed=None, rhythm=rhythm)
    # at 08:30 the hour is quiet (an hour's wait), but 09:00 is busy: checked by then
    assert plan.at <= at_jst(17, 9, 0)


def test_the_same_times_read_in_another_zone_make_another_rhythm():
    history = office_hours_history(MONDAY_10_JST)
    assert learn(history, MONDAY_10_JST, "Asia/Tokyo").interval(MONDAY_10_JST) == timedelta(minutes=2)
    in_new_york = learn(history, MONDAY_10_JST, "America/New_York")
    assert in_new_york.interval(MONDAY_10_JST) < timedelta(minutes=3)  # the moment is the same moment
    assert in_new_york.weekday != learn(history, MONDAY_10_JST, "Asia/Tokyo").weekday


def test_a_weekly_feed_is_checked_no_more_than_every_thirty_minutes():
    weekly = [MONDAY_10_JST - timedelta(days=7 * n, minutes=5) for n in range(4)]
    rhythm = learn(weekly, MONDAY_10_JST, "Asia/Tokyo")
    for hour in range(0, 24 * 7, 5):
        assert rhythm.interval(MONDAY_10_JST + timedelta(hours=hour)) >= timedelta(minutes=30)


def test_a_feed_with_no_dated_items_waits_an_hour_and_says_it_is_learning():
    rhythm = learn([], MONDAY_10_JST, "UTC")
    assert rhythm.interval(MONDAY_10_JST) == timedelta(minutes=60)
    with use_language("en"):
        assert str(describe(None, rhythm)) == "learning: checked every 60 min until it has published"


def test_a_burst_of_items_at_night_keeps_the_pace_while_it_lasts():
    night = at_jst(17, 2)
    history = office_hours_history(MONDAY_10_JST) + [night - timedelta(minutes=m) for m in (5, 25, 45, 70)]
    assert learn(history, night, "Asia/Tokyo").interval(night) == timedelta(minutes=2)


def test_a_new_item_brings_a_follow_up_check_soon_after():
    weekly = [MONDAY_10_JST - timedelta(days=7 * n, minutes=5) for n in range(4)]
    rhythm = learn(weekly, MONDAY_10_JST, "Asia/Tokyo")
    plan = plan_next(MONDAY_10_JST, fixed=None, rhythm=rhythm, fresh_new=True)
    assert plan.reason == "follow-up" and plan.at == MONDAY_10_JST + timedelta(minutes=2)


def test_an_explicit_interval_still_fixes_the_interval():
    plan = plan_next(MONDAY_10_JST, fixed=timedelta(minutes=15), rhythm=None)
    assert (plan.at, plan.reason) == (MONDAY_10_JST + timedelta(minutes=15), "fixed")
    with use_language("en"):
        assert str(describe(timedelta(minutes=15), None)) == "every 15 min (fixed)"


def test_the_rhythm_in_words_in_both_languages():
    rhythm = learn(office_hours_history(MONDAY_10_JST), MONDAY_10_JST, "Asia/Tokyo")
    with use_language("en"):
        text = str(describe(None, rhythm, today=MONDAY_10_JST.date()))
    assert text == "every 2 min from 09:00 to 18:00 on weekdays (Asia/Tokyo), every hour otherwise"
    with use_language("ja"):
        japanese = str(describe(None, rhythm, today=MONDAY_10_JST.date()))
    assert japanese == "平日の09:00〜18:00（Asia/Tokyo）は2分ごと、それ以外は1時間ごと"


def test_a_news_search_is_never_asked_more_often_than_every_thirty_minutes():
    rhythm = learn(office_hours_history(MONDAY_10_JST, per_day=40), MONDAY_10_JST, "Asia/Tokyo")
    feed = plan_next(MONDAY_10_JST, fixed=None, rhythm=rhythm, fresh_new=True, fastest=fastest_for("feed"))
    search = plan_next(MONDAY_10_JST, fixed=None, rhythm=rhythm, fresh_new=True, fastest=fastest_for("search"))
    assert feed.at == MONDAY_10_JST + timedelta(minutes=2)
    assert (search.at, search.reason) == (MONDAY_10_JST + timedelta(minutes=30), "floor")
    with use_language("en"):
        words = str(describe(None, rhythm, today=MONDAY_10_JST.date(), fastest=fastest_for("search")))
    assert "2 min" not in words and "30 min" in words


# floors ------------------------------------------------------------------------------------------

def test_cache_control_max_age_is_a_floor():
    now = MONDAY_10_JST
    assert header_floor({"cache-control": "public, max-age=600"}, now) == timedelta(seconds=600)
    assert header_floor({"cache-control": "no-cache, max-age=600"}, now) is None
    rhythm = learn(office_hours_history(now), now, "Asia/Tokyo")
    plan = plan_next(now, fixed=None, rhythm=rhythm, floor=now + timedelta(seconds=600))
    assert (plan.at, plan.reason) == (now + timedelta(seconds=600), "floor")


def test_expires_counts_from_the_servers_own_date():
    now = MONDAY_10_JST
    server_clock = now - timedelta(hours=3)  # a server whose clock is three hours behind
    headers = {"expires": format_datetime(server_clock + timedelta(minutes=20), usegmt=True),
               "date": format_datetime(server_clock, usegmt=True)}
    assert header_floor(headers, now) == timedelta(minutes=20)


def test_retry_after_is_a_floor_in_seconds_or_as_a_date():
    now = MONDAY_10_JST
    assert header_floor({"retry-after": "120"}, now) == timedelta(seconds=120)
    assert header_floor({"retry-after": format_datetime(now + timedelta(minutes=7), usegmt=True)},
                        now) == timedelta(minutes=7)
    assert header_floor({"retry-after": "999999999"}, now) == timedelta(days=1)


def test_ttl_and_syndication_periods_are_floors_and_hubs_are_noticed():
    rss = (b'<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
           b'<title>t</title><ttl>45</ttl><atom:link rel="hub" href="https://hub.example.org/"/>'
           b"<item><title>x</title><ttl>1</ttl></item></channel></rss>")
    assert feed_hints(rss).floor_minutes == 45 and feed_hints(rss).hub == "https://hub.example.org/"
    sy = (b'<rdf:RDF xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel>'
          b"<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency></channel>"
          b"<item><title>x</title></item></rdf:RDF>")
    assert feed_hints(sy).floor_minutes == 30 and feed_hints(sy).hub is None
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom">'
            b'<link href="https://pubsubhubbub.appspot.com/" rel="hub"/></feed>')
    assert feed_hints(atom).hub == "https://pubsubhubbub.appspot.com/"


# releases ----------------------------------------------------------------------------------------

GAZETTE = {"times": ["08:30"], "tz": "Asia/Tokyo", "days": "weekdays"}


def test_a_release_burst_checks_every_fifteen_seconds_from_a_minute_before():
    releases, problem = parse_releases(GAZETTE)
    assert problem is None and releases is not None
    rhythm = learn([], at_jst(17, 8, 0), "Asia/Tokyo")  # an hour's wait by its rhythm
    before = plan_next(at_jst(17, 8, 0), fixed=None, rhythm=rhythm, releases=releases)
    assert (before.at, before.reason) == (at_jst(17, 8, 29), "release")
    during = plan_next(at_jst(17, 8, 29), fixed=None, rhythm=rhythm, releases=releases)
    assert (during.at, during.reason) == (at_jst(17, 8, 29) + timedelta(seconds=15), "burst")
    late = plan_next(at_jst(17, 8, 39), fixed=None, rhythm=rhythm, releases=releases)
    assert late.reason == "burst"


def test_the_burst_stops_as_soon_as_something_new_arrived():
    releases, _ = parse_releases(GAZETTE)
    rhythm = learn(office_hours_history(MONDAY_10_JST), at_jst(17, 8, 31), "Asia/Tokyo")
    after = plan_next(at_jst(17, 8, 31), fixed=None, rhythm=rhythm, releases=releases,
                      last_new=at_jst(17, 8, 30) + timedelta(seconds=20))
    assert after.reason == "rhythm"
    # something new from before the window does not stop it
    still = plan_next(at_jst(17, 8, 31), fixed=None, rhythm=rhythm, releases=releases, last_new=at_jst(17, 8, 0))
    assert still.reason == "burst"


def test_no_burst_on_a_day_without_releases():
    releases, _ = parse_releases({**GAZETTE, "days": ["mon", "thu"]})
    rhythm = learn(office_hours_history(MONDAY_10_JST), at_jst(17, 8, 30), "Asia/Tokyo")
    assert plan_next(at_jst(17, 8, 30), fixed=None, rhythm=rhythm, releases=releases).reason != "burst"
    assert plan_next(at_jst(19, 8, 30), fixed=None, rhythm=rhythm, releases=releases).reason == "burst"


def test_a_floor_outranks_a_burst():
    releases, _ = parse_releases(GAZETTE)
    rhythm = learn([], at_jst(17, 8, 30), "Asia/Tokyo")
    plan = plan_next(at_jst(17, 8, 30), fixed=None, rhythm=rhythm, releases=releases,
                     floor=at_jst(17, 8, 35))
    assert (plan.at, plan.reason) == (at_jst(17, 8, 35), "floor")


@pytest.mark.parametrize(("value", "words"), [
    ({"times": ["8:75"]}, "'8:75' is not a time of day like 08:30"),
    ({"times": ["08:30"], "tz": "Asia/Tokio"}, "'Asia/Tokio' is not a time zone like Asia/Tokyo"),
    ({"times": ["08:30"], "days": ["mon", "funday"]}, "'funday' is not daily, weekdays or a list of days"),
    ({"times": []}, "needs a list of times"),
    ("08:30", "must be an object"),
])
def test_bad_releases_are_refused_in_words(value: object, words: str):
    releases, problem = parse_releases(value)
    assert releases is None and problem is not None
    with use_language("en"):
        assert words in str(problem)
    with use_language("ja"):
        assert str(problem) != str(problem.render("en"))


def test_japanese_sites_and_searches_read_their_hours_in_tokyo():
    assert source_zone("https://www.kantei.go.jp/index-jnews.rdf", {}) == "Asia/Tokyo"
    assert source_zone("https://news.google.com/rss/search?q=x&hl=ja&gl=JP&ceid=JP:ja", {}) == "Asia/Tokyo"
    assert source_zone("https://openai.com/news/rss.xml", {}) == "UTC"
    assert source_zone("https://openai.com/news/rss.xml", {"tz": "America/Los_Angeles"}) == "America/Los_Angeles"


# hosts -------------------------------------------------------------------------------------------

class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0
        self.lock = threading.Lock()

    def time(self) -> float:
        with self.lock:
            return self.now

    def sleep(self, seconds: float) -> bool:
        with self.lock:
            self.now += seconds
        return True


def test_requests_to_one_host_are_spaced_and_other_hosts_do_not_wait():
    clock = FakeClock()
    gate = HostGate(10.0, clock.time, clock.sleep)
    for url in ("http://a.test/1", "http://a.test/2", "http://b.test/1", "http://a.test/3"):
        with gate.slot(url):
            pass
    started = gate.drain()
    a = [at for host, at in started if host == "a.test"]
    assert [round(later - earlier, 6) for earlier, later in zip(a, a[1:], strict=False)] == [10.0, 10.0]
    b = next(at for host, at in started if host == "b.test")
    assert b == a[1]  # b.test went out at once, between two a.test requests


def test_one_request_in_flight_per_host():
    gate = HostGate(0.0)
    inside = 0
    most = 0
    lock = threading.Lock()

    def fetch() -> None:
        nonlocal inside, most
        with gate.slot("http://a.test/feed"):
            with lock:
                inside += 1
                most = max(most, inside)
            threading.Event().wait(0.02)
            with lock:
                inside -= 1

    threads = [threading.Thread(target=fetch) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 1 and len(gate.drain()) == 6
