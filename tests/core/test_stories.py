from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stakewatch.core.ingest import story_keys
from stakewatch.core.model import Item
from stakewatch.core.stories import canonical_url, similar_titles, strip_tracking, title_tokens


def test_canonical_url_normalises_what_does_not_change_the_page():
    same = [
        "https://www.Example.org/news/1?utm_source=x&utm_medium=rss",
        "http://example.org:80/news/1/",
        "HTTPS://EXAMPLE.ORG:443/news/1#comments",
        "https://example.org/news/1?fbclid=abc&gclid=def",
        "https://example.org/news/1/index.html",
    ]
    assert len({canonical_url(u) for u in same}) == 1
    assert canonical_url("https://example.org/news/1?id=2") != canonical_url("https://example.org/news/1?id=3")
    assert canonical_url("https://example.org:8443/a") == "https://example.org:8443/a"
    assert canonical_url("https://example.org/a?b=2&a=1") == canonical_url("https://example.org/a?a=1&b=2")
    assert canonical_url("") == ""
    assert canonical_url("mailto:x@example.org") == "mailto:x@example.org"


def test_strip_tracking_keeps_everything_else():
    assert strip_tracking("http://Example.org/a?id=1&utm_source=x#top") == "http://Example.org/a?id=1#top"
    assert strip_tracking("http://example.org/a") == "http://example.org/a"


def near(a: str, b: str) -> bool:
    return similar_titles(title_tokens(a), title_tokens(b), a, b)


def test_numbers_must_match_in_order():
    assert not near("Minister Kiuchi briefing 1-12", "Minister Kiuchi briefing 12-1")
    assert near("Minister Kiuchi briefing 1-12 (Reuters)", "Minister Kiuchi briefing 1-12")


def test_near_duplicate_titles():
    a = title_tokens("Japan asks OpenAI to respect anime copyrights in Sora 2")
    assert similar_titles(a, title_tokens("Japan asks OpenAI to respect anime copyrights in Sora 2 - Reuters"))
    assert not similar_titles(a, title_tokens("Japan asks Google to respect anime copyrights"))
    assert not similar_titles(title_tokens("Press conference by Minister Taira (October 10, 2025)"),
                              title_tokens("Press conference by Minister Taira (October 14, 2025)"))
    assert similar_titles(title_tokens("城内実大臣、OpenAIに要請"), title_tokens("城内実大臣、OpenAIに要請 (共同)"))
    assert not similar_titles(title_tokens("Update"), title_tokens("Update 2"))


def test_bare_guids_are_not_story_keys_but_links_are():
    assert story_keys(Item("42", "", "t")) == []
    keys = story_keys(Item("https://www.example.org/a?utm_source=x", "http://example.org/a", "t"))
    assert keys == ["url:https://example.org/a"]
    assert story_keys(Item("tag:example.org,2025:1", "", "t")) == ["guid:tag:example.org,2025:1"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_canonical_url_never_raises_and_is_idempotent(url):
    once = canonical_url(url)
    assert canonical_url(once) == once
