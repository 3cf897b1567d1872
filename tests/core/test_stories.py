from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stakewatch.core.matching.ingest import story_keys
from stakewatch.core.matching.stories import canonical_url, similar_titles, strip_tracking, title_tokens
from stakewatch.core.model import Item


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


def test_guids_are_story_keys_of_their_own_source_only_and_links_of_every_source():
    assert story_keys(Item("42", "", "t")) == []
    assert story_keys(Item("42", "", "t"), source_id=7) == ["guid:7:42"]
    keys = story_keys(Item("https://www.example.org/a?utm_source=x", "http://example.org/a", "t"), source_id=7)
    assert keys == ["url:https://example.org/a"]
    assert story_keys(Item("tag:example.org,2025:1", "", "t"), source_id=3) == ["guid:3:tag:example.org,2025:1"]
    # a GUID that is an address stands for no link: the link alone is the story's address
    assert story_keys(Item("https://official.example/a", "https://copy.example/b", "t"), source_id=3) == \
        ["url:https://copy.example/b", "guid:3:https://official.example/a"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_canonical_url_never_raises_and_is_idempotent(url):
    once = canonical_url(url)
    assert canonical_url(once) == once


def test_dot_segments_escaped_ampersands_and_more_trackers_are_one_link():
    same = [
        "https://example.org/news/2025/10/a?id=7",
        "https://example.org/news/./2025/x/../10/a?id=7",
        "https://example.org/news/2025/10/a?utm_source=x&amp;id=7",
        "https://example.org/news/2025/10/a?id=7&_hsenc=p2&__hstc=1&hsCtaTracking=a&mc_eid=2&mkt_tok=3",
        "https://example.org/news/2025/10/a?id=7&mtm_campaign=a&pk_kwd=b&s_kwcid=AL!1&ef_id=c",
        "https://example.org/news/2025/10/a?id=7&yclid=YSS.1&ysclid=2&NaPm=ct%3D1&n_media=27758&ldtag_cl=4",
        "https://example.org/news/2025/10/a?id=7&gad_source=1&srsltid=x&_gl=1*abc&_ga=2.1",
    ]
    assert len({canonical_url(u) for u in same}) == 1
    assert strip_tracking("https://example.org/a?x=1&amp;y=2&amp;utm_medium=rss") == "https://example.org/a?x=1&y=2"
    assert canonical_url("https://example.org/a/../../b") == "https://example.org/b"


def test_names_keep_look_alike_headlines_apart():
    assert not near("Minister Kiuchi asks OpenAI to stop Sora 2 infringing anime copyrights",
                    "Minister Taira asks OpenAI to stop Sora 2 infringing anime copyrights")
    assert not near("城内実大臣、動画生成AI「Sora 2」巡りOpenAIに著作権侵害防止を要請",
                    "平将明大臣、動画生成AI「Sora 2」巡りOpenAIに著作権侵害防止を要請")
    assert near("城内実大臣、動画生成AI「Sora 2」巡りOpenAIに著作権侵害防止を要請",
                "城内実大臣、動画生成AI「Sora 2」巡りOpenAIに著作権侵害防止を要請（共同）")
    # a headline in title case says nothing about names
    assert near("Japan Asks OpenAI To Respect Anime Copyrights In Sora 2 Videos",
                "Japan asks OpenAI to respect anime copyrights in Sora 2 videos")


def test_watched_names_in_titles():
    from stakewatch.core.matching.stories import names_in_title, watched_names_differ

    a_title, b_title = "OpenAIに要請 城内大臣", "OpenAIに要請 平大臣"
    a = names_in_title(a_title, {"openai": ("OpenAI",), "minoru kiuchi": ("城内",)})
    b = names_in_title(b_title, {"openai": ("OpenAI",), "masaaki taira": ("平",)})
    assert watched_names_differ(a, a_title, b, b_title)
    assert not watched_names_differ(a, a_title, {"openai": ["openai"]}, "OpenAIに要請 城内大臣 (共同)")


def test_news_search_suffixes():
    from stakewatch.core.matching.stories import is_news_redirect, strip_publisher

    assert strip_publisher("城内実大臣、OpenAIに要請 - 日本経済新聞", "日本経済新聞") == "城内実大臣、OpenAIに要請"
    stripped = strip_publisher("Japan asks OpenAI - for now - Reuters", "", news_search=True)
    assert stripped == "Japan asks OpenAI - for now"
    assert strip_publisher("Japan asks OpenAI - for now", "Reuters") == "Japan asks OpenAI - for now"
    assert strip_publisher("Japan asks OpenAI", "", news_search=False) == "Japan asks OpenAI"
    assert is_news_redirect("https://news.google.com/rss/articles/CBMiX2h0?oc=5")
    assert not is_news_redirect("https://www.nikkei.com/article/DGXZQOUA07/")
