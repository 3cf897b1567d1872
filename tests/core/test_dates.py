from __future__ import annotations

from datetime import UTC, datetime

from stakewatch.core.sources.dates import parse_date
from stakewatch.core.sources.page import decode_page

NOW = datetime(2025, 10, 12, 3, 0, tzinfo=UTC)  # 12:00 in Japan


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_times_of_day_after_japanese_dates():
    assert parse_date("2025年10月10日 14時30分") == at(2025, 10, 10, 5, 30)
    assert parse_date("令和7年10月7日（火）10:15") == at(2025, 10, 7, 1, 15)
    assert parse_date("令和7年10月7日(火)午後2時") == at(2025, 10, 7, 5)
    assert parse_date("2025年10月7日 午前0時") == at(2025, 10, 6, 15)
    assert parse_date("2025年10月7日 12時半") == at(2025, 10, 7, 3, 30)
    assert parse_date("2025.10.07 18:05更新") == at(2025, 10, 7, 9, 5)
    assert parse_date("2025-10-07T18:05:00+09:00") == at(2025, 10, 7, 9, 5)
    assert parse_date("Oct. 7, 2025 6:05 p.m.", japanese=False) == at(2025, 10, 7, 18, 5)
    assert parse_date("2025年10月14日（火） 3件") == at(2025, 10, 14, 3)


def test_year_less_dates_are_the_latest_not_in_the_future():
    assert parse_date("10月10日", now=NOW) == at(2025, 10, 10, 3)
    assert parse_date("10月10日 14:30", now=NOW) == at(2025, 10, 10, 5, 30)
    assert parse_date("12月24日", now=NOW) == at(2024, 12, 24, 3)
    assert parse_date("10/10(金) 16:09配信", now=NOW) == at(2025, 10, 10, 7, 9)
    assert parse_date("1/2", now=NOW) is None


def test_relative_dates():
    assert parse_date("3時間前", now=NOW) == at(2025, 10, 12, 0)
    assert parse_date("30分前", now=NOW) == at(2025, 10, 12, 2, 30)
    assert parse_date("昨日", now=NOW) == at(2025, 10, 11, 3)
    assert parse_date("昨日 9:05", now=NOW) == at(2025, 10, 11, 0, 5)
    assert parse_date("2 hours ago", now=NOW) == at(2025, 10, 12, 1)
    assert parse_date("an hour ago", now=NOW) == at(2025, 10, 12, 2)
    assert parse_date("Yesterday", now=NOW) == at(2025, 10, 11, 3)
    assert parse_date("someday") is None


def test_undeclared_encodings():
    french = "<p>Communiqué : la société répond déjà à « Sora 2 » — voilà</p>"
    assert decode_page(french.encode("cp1252"), "text/html", "https://www.example.fr/") == french
    japanese = "<p>城内実大臣、OpenAIに要請</p>"
    assert decode_page(japanese.encode("cp932"), "text/html", "https://www.kantei.go.jp/") == japanese
    assert decode_page(japanese.encode("euc_jp"), "text/html", "https://example.org/") == japanese
    assert decode_page("<p>déjà</p>".encode("cp1252"), "text/html; charset=windows-1252") == "<p>déjà</p>"
