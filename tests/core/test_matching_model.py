"""Per-alias context, occurrence-level excludes, whole-item vetoes, authors and owned sources."""

from __future__ import annotations

from stakewatch.core.matching.matcher import Matcher
from stakewatch.core.model import Entity, Item, Source, Watchlist, needs_context_by_default

KIUCHI = Entity("Minoru Kiuchi", "official", aliases=("城内実", "Kiuchi"),
                context=("minister", "大臣", "閣僚"), exclude=("Takahide Kiuchi",), veto=("brewery",))
TAIRA = Entity("Masaaki Taira", "official", aliases=("平将明", "Taira"),
               context=("minister", "digital", "大臣"), exclude=("Taira clan",))
SORA = Entity("Sora 2", "product", aliases=("Sora2", "Sora"), context=("OpenAI", "ChatGPT"))


def names(*entities: Entity, text: str) -> list[str]:
    return [m.entity for m in Matcher([Watchlist("W", entities)]).match(text)]


def test_default_context_follows_the_shape_of_the_alias():
    stands_alone = ["城内実", "平将明", "塩崎彰久", "Minoru Kiuchi", "Sam Altman", "OpenAI", "Sora 2", "Sora2",
                    "ＳＯＲＡ２", "オープンAI", "サム・アルトマン", "城内大臣", "ChatGPT"]
    needs = ["Kiuchi", "Taira", "Sora", "SORA", "LDP", "城内", "平氏", "アルトマン", "AI"]
    assert [a for a in stands_alone if needs_context_by_default(a)] == []
    assert [a for a in needs if not needs_context_by_default(a)] == []


def test_a_full_name_stands_alone_while_the_bare_surname_needs_context():
    assert names(KIUCHI, text="城内実氏が会見") == ["Minoru Kiuchi"]
    assert names(KIUCHI, text="Minoru Kiuchi spoke on Friday") == ["Minoru Kiuchi"]
    assert names(KIUCHI, text="Kiuchi spoke on Friday") == []
    assert names(KIUCHI, text="Minister Kiuchi spoke on Friday") == ["Minoru Kiuchi"]


def test_the_user_overrides_the_default_either_way():
    strict = Entity("Minoru Kiuchi", "official", aliases=("城内実",), context=("大臣",),
                    alias_context=(("城内実", True), ("Minoru Kiuchi", True)))
    assert names(strict, text="城内実氏が会見") == []
    assert names(strict, text="城内実大臣が会見") == ["Minoru Kiuchi"]
    loose = Entity("Sora 2", "product", aliases=("Sora",), context=("OpenAI",), alias_context=(("Sora", False),))
    assert names(loose, text="Sora is trending") == ["Sora 2"]


def test_sora2_stands_alone_while_bare_sora_needs_openai_context():
    assert names(SORA, text="Sora2のアニメ風動画") == ["Sora 2"]
    assert names(SORA, text="Sora returns in the new Kingdom Hearts trailer") == []
    assert names(SORA, text="OpenAI's Sora tops the App Store") == ["Sora 2"]


def test_an_exclude_cancels_only_the_occurrence_it_overlaps():
    assert names(TAIRA, text="The Taira clan ruled before the digital age") == []
    assert names(TAIRA, text="Digital minister Taira visited a shrine of the Taira clan") == ["Masaaki Taira"]
    assert names(TAIRA, text="平将明デジタル相が講演、Taira clanの歴史に触れた") == ["Masaaki Taira"]
    found = Matcher([Watchlist("W", (TAIRA,))]).match("Minister Taira on the Taira clan")
    assert found[0].matched == ("Taira",) and found[0].spans == ((9, 14),)


def test_an_exclude_for_mr_taira_phrases_does_not_silence_the_minister():
    """平氏 means both "the Taira clan" and "Mr. Taira": exclude the clan's phrases, not 平氏."""
    taira = Entity("Masaaki Taira", "official", aliases=("平将明", "平氏"), context=("デジタル", "大臣"),
                   exclude=("平氏政権", "平氏一門", "桓武平氏"))
    assert names(taira, text="平将明デジタル相は会見で述べた。平氏は「AIに期待」と語った") == ["Masaaki Taira"]
    assert names(taira, text="平氏は記者団に対し、デジタル庁の方針を説明した") == ["Masaaki Taira"]
    assert names(taira, text="平氏政権と大臣の官職") == []


def test_a_veto_rules_the_whole_item_out_even_with_a_full_name():
    assert names(KIUCHI, text="Minoru Kiuchi toured the Hitachino brewery") == []
    assert names(KIUCHI, text="Takahide Kiuchi, the economist, said the minister of finance erred") == []
    assert names(KIUCHI, text="Takahide Kiuchi criticised minister Minoru Kiuchi") == ["Minoru Kiuchi"]


def test_no_context_words_means_every_alias_stands_alone():
    plain = Entity("Sora 2", "product", aliases=("Sora",))
    assert names(plain, text="Sora is here") == ["Sora 2"]


def test_authors_are_matched_and_use_the_item_text_for_context():
    altman = Entity("Sam Altman", "official", aliases=("Altman",), context=("OpenAI",), exclude=("Jack Altman",))
    matcher = Matcher([Watchlist("W", (altman, SORA))])
    post = Item("1", "https://blog.example/p", "Reflections", "Thoughts on the year.", authors=("Sam Altman",))
    (found,) = matcher.match_item(post)
    assert (found.entity, found.matched, found.spans) == ("Sam Altman", ("Sam Altman",), ())
    bare = Item("2", "", "Notes", "Working at OpenAI", authors=("Altman",))
    assert [m.entity for m in matcher.match_item(bare)] == ["Sam Altman"]
    assert matcher.match_item(Item("3", "", "Notes", "A quiet week", authors=("Altman",))) == []
    assert matcher.match_item(Item("4", "", "Fundraising", "Seed rounds", authors=("Jack Altman",))) == []


def test_every_item_of_a_source_that_belongs_to_an_entity_is_its_statement():
    altman = Entity("Sam Altman", "official", aliases=("Altman",), context=("OpenAI",))
    matcher = Matcher([Watchlist("A", (altman,)), Watchlist("B", (Entity("Sam Altman", "official"), SORA))])
    blog = Source("Sam Altman's blog", "feed", "https://blog.example/posts.atom", extra={"entity": "sam altman"})
    post = Item("1", "https://blog.example/sora", "Sora update #1", "We have been learning quickly.")
    found = matcher.match_item(post, blog)
    assert [(m.watchlist, m.entity) for m in found] == [("A", "Sam Altman"), ("B", "Sam Altman")]
    other = Source("Blog", "feed", "https://blog.example/other.atom")
    assert matcher.match_item(post, other) == []
    assert [m.entity for m in matcher.match_item(post, blog) + matcher.match_item(
        Item("2", "", "Sora 2 is out", "OpenAI's new app"), other)] == ["Sam Altman", "Sam Altman", "Sora 2"]
