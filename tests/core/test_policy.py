"""The notification policy, with a clock passed in."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from stakewatch.core.delivery.policy import PolicyConfig, PolicyState, decide, health_notifications, in_quiet_hours
from stakewatch.core.model import Alert, SourceHealth

NOON = datetime(2025, 10, 10, 12, 0, tzinfo=UTC)
CONFIG = PolicyConfig(timezone=UTC)
_ids = iter(range(1, 100_000))


def alert(entity: str, story: int, kind: str = "coverage", priority: bool = False,
          age: timedelta = timedelta(minutes=5), title: str = "A headline",
          url: str = "https://example.org/a", watchlist: str = "W") -> Alert:
    return Alert(id=next(_ids), entity=entity, watchlist=watchlist, kind=kind, title=title, url=url,
                 source="Wire", sources=("Wire",), published=NOON - age, found=NOON, matched=(entity,),
                 snippet="", story=story, priority=priority)


def run(new, queued=(), notified=frozenset(), muted=frozenset(), state=None, config=CONFIG, now=NOON):
    return decide(list(new), list(queued), set(notified), set(muted), state or PolicyState(), config, now)


def test_one_alert_one_notification_that_opens_the_original():
    (note,) = run([alert("Minoru Kiuchi", 1)]).notifications
    assert note.title == "Coverage: Minoru Kiuchi"
    assert note.body.startswith("A headline") and "Wire" in note.body
    assert note.url == "https://example.org/a" and not note.opens_inbox


def test_three_or_more_in_one_cycle_become_one_digest():
    alerts = [alert("Minoru Kiuchi", 1, title="Kiuchi on AI and copyright"),
              alert("Minoru Kiuchi", 2, title="城内実大臣が会見"), alert("Sora 2", 3, title="Sora 2 in Japan"),
              alert("Sora 2", 4, title="Sora 2 rightsholders"), alert("Sora 2", 5, title="Sora 2 opt-in")]
    decision = run(alerts)
    (note,) = decision.notifications
    assert note.title == "5 new: Minoru Kiuchi (2), Sora 2 (3)"
    assert "\u2022 Kiuchi on AI and copyright" in note.body  # a count never reads as part of "Sora 2"
    assert note.body.count("\u2022 ") == 3 and "+2 more" in note.body  # the digest names the first titles
    assert note.opens_inbox and note.url is None
    assert sorted(decision.delivered) == sorted(a.id for a in alerts)


def test_one_story_names_every_entity_once():
    alerts = [alert("OpenAI", 7), alert("Sora 2", 7), alert("Minoru Kiuchi", 7, kind="statement")]
    (note,) = run(alerts).notifications
    assert note.title == "Statement by Minoru Kiuchi (also OpenAI, Sora 2)"


def test_priority_and_statements_say_so_and_come_first():
    decision = run([alert("Sora 2", 1), alert("Masaaki Taira", 2, kind="statement", priority=True)])
    first, second = decision.notifications
    assert first.title == "Priority \u00b7 Statement by Masaaki Taira" and first.urgency == "critical"
    assert second.title == "Coverage: Sora 2"


def test_backlog_fills_the_inbox_silently():
    old = alert("OpenAI", 1, age=timedelta(days=3))
    decision = run([old])
    assert decision.notifications == [] and decision.silent == [old.id]


def test_never_the_same_story_twice():
    decision = run([alert("OpenAI", 9)], notified={9})
    assert decision.notifications == []


def test_mute_entity_and_watchlist():
    decision = run([alert("OpenAI", 1), alert("Sora 2", 2, watchlist="Other")],
                   muted={("W", "OpenAI"), ("Other", "*")})
    assert decision.notifications == [] and len(decision.silent) == 2


def test_quiet_hours_queue_then_one_digest_when_they_end():
    config = PolicyConfig(quiet_start=time(22), quiet_end=time(7), timezone=UTC)
    night = datetime(2025, 10, 10, 23, 30, tzinfo=UTC)
    first, second = alert("OpenAI", 1), alert("Sora 2", 2)
    decision = run([first, second], config=config, now=night)
    assert decision.notifications == [] and set(decision.state.queued) == {first.id, second.id}
    urgent = alert("Masaaki Taira", 3, priority=True)
    decision = run([urgent], queued=[first, second], state=decision.state, config=config,
                   now=night + timedelta(hours=1))
    assert [n.title for n in decision.notifications] == ["Priority \u00b7 Coverage: Masaaki Taira"]
    morning = datetime(2025, 10, 11, 7, 5, tzinfo=UTC)
    decision = run([], queued=[first, second], state=decision.state, config=config, now=morning)
    (digest,) = decision.notifications
    assert digest.title == "2 new: OpenAI (1), Sora 2 (1)" and digest.opens_inbox
    assert decision.state.queued == ()


def test_quiet_hours_across_midnight_and_same_day():
    overnight = PolicyConfig(quiet_start=time(22), quiet_end=time(7), timezone=UTC)
    assert in_quiet_hours(datetime(2025, 1, 1, 23, tzinfo=UTC), overnight)
    assert in_quiet_hours(datetime(2025, 1, 1, 6, 59, tzinfo=UTC), overnight)
    assert not in_quiet_hours(datetime(2025, 1, 1, 7, tzinfo=UTC), overnight)
    lunch = PolicyConfig(quiet_start=time(12), quiet_end=time(13), timezone=UTC)
    assert in_quiet_hours(NOON, lunch) and not in_quiet_hours(NOON + timedelta(hours=1), lunch)


def test_pause_holds_everything_until_it_ends():
    state = PolicyState(paused_until=NOON + timedelta(hours=1))
    urgent = alert("Masaaki Taira", 1, priority=True)
    decision = run([urgent], state=state)
    assert decision.notifications == [] and decision.state.queued == (urgent.id,)
    later = run([], queued=[urgent], state=decision.state, now=NOON + timedelta(hours=2))
    assert len(later.notifications) == 1 and later.state.paused_until is None


def test_a_burst_of_200_is_one_popup_and_the_rate_limit_holds():
    burst = [alert("Sora 2", 1000 + i) for i in range(200)]
    decision = run(burst)
    assert len(decision.notifications) == 1 and decision.notifications[0].title.startswith("200 new")
    state = PolicyState()
    shown = []
    known: dict[int, Alert] = {}
    for minute in range(11):
        fresh = alert("OpenAI", 5000 + minute)
        known[fresh.id] = fresh
        decision = run([fresh], queued=[known[i] for i in state.queued], state=state,
                       now=NOON + timedelta(minutes=minute))
        state = decision.state
        shown += decision.notifications
        if minute == 9:
            assert len(shown) == 6 and len(state.queued) == 4
    assert [n.title for n in shown[6:]] == ["5 new: OpenAI (5)"]
    assert decision.state.queued == ()


def test_rate_limit_turns_the_overflow_into_a_digest_and_priority_breaks_through():
    state = PolicyState(recent=tuple(NOON - timedelta(minutes=1) for _ in range(5)))
    decision = run([alert("OpenAI", 1), alert("Sora 2", 2)], state=state)
    assert len(decision.notifications) == 1 and decision.notifications[0].opens_inbox
    full = PolicyState(recent=tuple(NOON - timedelta(minutes=1) for _ in range(6)))
    decision = run([alert("OpenAI", 3), alert("Masaaki Taira", 4, priority=True)], state=full)
    assert [n.title for n in decision.notifications] == ["Priority · Coverage: Masaaki Taira"]
    assert len(decision.state.queued) == 1


def test_hostile_titles_are_neutralised_and_bad_links_never_offered():
    (note,) = run([alert("OpenAI", 1, title="<img src=x onerror=alert(1)>\x1b[31m\u202eevil\n" + "x" * 5000,
                         url="javascript:alert(1)")]).notifications
    assert note.url is None
    assert "\x1b" not in note.body and "\u202e" not in note.body and len(note.body) <= 300
    (note,) = run([alert("OpenAI", 2, url="file:///etc/passwd")]).notifications
    assert note.url is None


def test_state_round_trips_through_json():
    state = PolicyState(queued=(1, 2), recent=(NOON,), paused_until=NOON)
    assert PolicyState.from_json(state.to_json()) == state
    assert PolicyState.from_json({"queued": ["x"]}) == PolicyState()


def health(name: str, status: str, error: str | None = None) -> SourceHealth:
    return SourceHealth(name=name, kind="feed", url="https://example.org", enabled=True, status=status,
                        last_success=None, last_attempt=None, last_error=error, consecutive_failures=0,
                        next_check=None, retry_after=None, items=0, newest_item=None)


def test_a_source_that_turns_bad_is_announced_once_and_again_on_recovery():
    before = {"Cabinet": "ok", "Wire": "ok"}
    notes = health_notifications(before, [health("Cabinet", "failing", "server answered 500"),
                                          health("Wire", "ok")])
    assert [(n.title, n.body, n.urgency) for n in notes] == [
        ("Source failing: Cabinet", "server answered 500", "low")]
    still = health_notifications({"Cabinet": "failing"}, [health("Cabinet", "backing off", "x")])
    assert still == []
    back = health_notifications({"Cabinet": "backing off"}, [health("Cabinet", "ok")])
    assert [n.title for n in back] == ["Source back: Cabinet"]
    many = health_notifications({"A": "ok", "B": "new"}, [health("A", "failing"), health("B", "failing")])
    assert [n.title for n in many] == ["2 sources failing"]


def test_when_every_source_fails_the_same_way_the_notice_says_offline():
    from dataclasses import replace
    from datetime import UTC, datetime

    def down(name: str, host: str) -> SourceHealth:
        return replace(health(name, "failing", f"could not find the server {host} (name lookup failed)"),
                       url=f"https://{host}/feed", last_attempt=datetime.now(UTC))

    before = {"Cabinet": "ok", "Wire": "ok", "Agency": "ok"}
    notes = health_notifications(before, [down("Cabinet", "www.kantei.go.jp"), down("Wire", "wire.example"),
                                          down("Agency", "www.digital.go.jp")])
    assert [n.title for n in notes] == ["This computer seems to be offline"]
    assert notes[0].body.startswith("Every source failed the same way")  # the title says it is offline
    assert "Cabinet" not in notes[0].body
    mixed = health_notifications(before, [down("Cabinet", "www.kantei.go.jp"), down("Wire", "wire.example"),
                                          replace(health("Agency", "ok"), last_attempt=datetime.now(UTC))])
    assert [n.title for n in mixed] == ["2 sources failing"]
    # a source fetched for the first time (after the others, or on Retry all) while offline: said already
    later = {"Cabinet": "failing", "Wire": "backing off", "Agency": "new"}
    assert health_notifications(later, [down("Cabinet", "www.kantei.go.jp"), down("Wire", "wire.example"),
                                        down("Agency", "www.digital.go.jp")]) == []
    first_start = {"Cabinet": "new", "Wire": "new", "Agency": "new"}  # offline from the very start: said
    assert [n.title for n in health_notifications(first_start, [
        down("Cabinet", "www.kantei.go.jp"), down("Wire", "wire.example"), down("Agency", "www.digital.go.jp")
    ])] == ["This computer seems to be offline"]


def test_notifications_speak_japanese_in_their_own_words_and_keep_names():
    from stakewatch.core.i18n import use_language

    with use_language("ja"):
        (story,) = run([alert("Sora 2", 1, title="OpenAI brings Sora 2 to Japan")]).notifications
        statement, coverage = run([alert("Minoru Kiuchi", 2, kind="statement", priority=True),
                                   alert("OpenAI", 3)]).notifications
        (digest,) = run([alert("Minoru Kiuchi", 4), alert("Sora 2", 5), alert("Sora 2", 6,
                                                                                 kind="statement")]).notifications
        (failing,) = health_notifications({"Cabinet": "ok"}, [health("Cabinet", "failing", "server answered 500")])
    assert story.title == "Sora 2 に関する報道" and story.body.startswith("OpenAI brings Sora 2 to Japan")
    assert statement.title == "【重要】Minoru Kiuchi の発言" and coverage.title == "OpenAI に関する報道"
    assert digest.title == "新着 3 件 — Sora 2（2 件）、Minoru Kiuchi（1 件）"
    assert digest.body == "\u2022 A headline\n発言 1 件、報道 2 件"  # the titles, then the counts
    assert failing.title == "情報源で障害: Cabinet"


def test_the_offline_notice_gives_the_shared_reason_in_the_users_language():
    from dataclasses import replace
    from datetime import UTC, datetime

    from stakewatch.core.fetching.errors import NAME_LOOKUP_FAILED
    from stakewatch.core.i18n import Text, use_language

    def down(name: str, host: str) -> SourceHealth:
        return replace(health(name, "failing", Text(NAME_LOOKUP_FAILED(host=host))),
                       url=f"https://{host}/feed", last_attempt=datetime.now(UTC))

    with use_language("ja"):
        notes = health_notifications({"Cabinet": "ok", "Wire": "ok"},
                                     [down("Cabinet", "www.kantei.go.jp"), down("Wire", "wire.example")])
        reason = NAME_LOOKUP_FAILED(host="\u2026").render()
    assert len(notes) == 1 and reason in notes[0].body and reason != NAME_LOOKUP_FAILED(host="\u2026").render("en")
    assert "name lookup failed" not in notes[0].body and "kantei" not in notes[0].body
