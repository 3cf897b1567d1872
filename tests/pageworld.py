"""Statement pages in the shapes real government and newsroom sites use, written for these tests.

Each builder returns the whole page as text; `chrome` varies what sits around
the article (the date stamp, a view counter, menus, a ranking sidebar) without
touching the statement itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


@dataclass
class Chrome:
    updated: str = "2025年10月7日"
    views: int = 1204
    menu: tuple[str, ...] = ("政策", "ニュース", "組織情報", "採用情報")
    ranking: tuple[str, ...] = ("マイナンバーカードの健康保険証利用について", "ガバメントクラウドの概要")
    banner: str = "本日の記者会見はオンラインで配信しています"
    extra: dict[str, str] = field(default_factory=dict)


MINISTER_PARAGRAPHS = (
    "本日は、生成AIによる動画作成サービスと著作物の取扱いについて申し上げます。",
    "我が国のアニメや漫画は、かけがえのない財産であり、権利者の皆様の懸念は政府としても重く受け止めております。",
    "事業者に対しては、権利者からの申出に速やかに対応する仕組みを整えるよう、文書で要請いたしました。",
)
QA = (
    "(問)海外の事業者への要請に、法的な拘束力はあるのでしょうか。",
    "(答)現時点では要請であり、事業者の対応を注視しながら、必要に応じて更なる対応を検討してまいります。",
)


def agency_press_page(title: str = "平大臣記者会見(令和7年10月7日)",
                      paragraphs: tuple[str, ...] = MINISTER_PARAGRAPHS, qa: tuple[str, ...] = QA,
                      chrome: Chrome | None = None, charset: str = "utf-8") -> str:
    """A ministry's press-conference summary: skip link, header menu, breadcrumb, the article with
    'last updated', speech summary and Q&A, a related-links sidebar with a counter, a footer."""
    chrome = chrome or Chrome()
    menu = "".join(f'<li><a href="/{n}">{escape(item)}</a></li>' for n, item in enumerate(chrome.menu))
    ranking = "".join(f'<li><a href="/r/{n}">{escape(item)}</a></li>' for n, item in enumerate(chrome.ranking))
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    answers = "".join(f"<p>{escape(p)}</p>" for p in qa)
    return f"""<!DOCTYPE html>
<html lang="ja"><head><meta charset="{charset}"><meta name="viewport" content="width=device-width">
<title>{escape(title)} | デジタル庁</title>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "speech"}});</script>
<style>.skip{{position:absolute;left:-999px}}</style></head>
<body>
<a class="skip" href="#main">本文へ移動</a>
<div class="notice-banner">{escape(chrome.banner)}</div>
<header class="site-header"><a class="logo" href="/">デジタル庁</a>
<nav class="global-nav" aria-label="グローバルナビゲーション"><ul>{menu}</ul></nav>
<form role="search" action="/search"><label>サイト内検索<input name="q"></label><button>検索</button></form>
<ul class="lang"><li><a href="/en/">English</a></li><li><a href="/easy/">やさしい日本語</a></li></ul>
</header>
<nav class="breadcrumb" aria-label="現在位置"><ol><li><a href="/">ホーム</a></li>
<li><a href="/speech/">大臣等会見</a></li><li>{escape(title)}</li></ol></nav>
<main id="main"><article class="speech">
<h1>{escape(title)}</h1>
<p class="update-date">最終更新日:{escape(chrome.updated)}</p>
<h2>平デジタル大臣記者会見要旨</h2>
<p>(令和7年10月7日(火)10時30分から10時52分まで 於:デジタル庁20階会見室及びオンライン)</p>
<h3>1. 発言要旨</h3>
{body}
<h3>2. 質疑応答</h3>
{answers}
<div class="share"><a href="https://x.com/intent/post">ポスト</a><a href="#">Facebookでシェア</a></div>
</article></main>
<aside class="side"><h2>よく見られているページ</h2><ol>{ranking}</ol>
<p class="counter">このページの閲覧数:{chrome.views:,}</p></aside>
<footer class="site-footer"><ul><li><a href="/privacy">プライバシーポリシー</a></li>
<li><a href="/copyright">著作権・リンクについて</a></li><li><a href="/accessibility">ウェブアクセシビリティ方針</a></li>
<li><a href="/sitemap">サイトマップ</a></li></ul>
<address>〒102-0094 東京都千代田区紀尾井町1番3号 東京ガーデンテラス紀尾井町19階、20階</address>
<p class="copyright">&copy; Digital Agency, Government of Japan</p></footer>
</body></html>"""


CAO_SECOND = ("クリエイターの創作意欲を損なうことのないよう、内閣府知的財産戦略推進事務局を中心に、"
              "関係省庁と連携して事業者への働きかけを続けてまいります。")


def cabinet_office_page(charset: str = "shift_jis", updated: str = "令和7年10月10日") -> str:
    """An older-style Cabinet Office minister page: table layout, meta charset in Shift_JIS or EUC-JP,
    a left menu, a 'page top' link and a footer with the address."""
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html lang="ja"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>城内内閣府特命担当大臣記者会見要旨 令和7年10月10日 - 内閣府</title></head>
<body>
<div id="header"><a href="/"><img src="/img/logo.gif" alt="内閣府"></a>
<ul id="gnavi"><li><a href="/about/">内閣府の概要</a></li><li><a href="/minister/">大臣・副大臣・政務官</a></li>
<li><a href="/press/">報道発表</a></li><li><a href="/others/">その他</a></li></ul></div>
<table width="100%"><tr>
<td id="leftmenu" valign="top"><ul><li><a href="/minister/kaiken/">記者会見</a></li>
<li><a href="/minister/profile/">プロフィール</a></li></ul></td>
<td id="contents" valign="top">
<h1>城内内閣府特命担当大臣記者会見要旨 令和7年10月10日</h1>
<p>(令和7年10月10日(金) 9:15~9:31  於:中央合同庁舎8号館1階S101会見室)</p>
<h2>1.発言要旨</h2>
<p>知的財産戦略を担当する大臣として、生成AIと著作権の関係について一言申し上げます。</p>
<p>{CAO_SECOND}</p>
<p>あわせて、権利者向けの相談窓口の周知を強化いたします。</p>
<h2>2.質疑応答</h2>
<p>(問)事業者からの回答はいつ頃を見込んでいるのでしょうか。</p>
<p>(答)先方からは、速やかに検討するとの連絡を受けております。</p>
<p class="date">更新日:{updated}</p>
</td></tr></table>
<p class="pagetop"><a href="#header">ページの先頭へ</a></p>
<div id="footer"><p>内閣府 法人番号2000012010019</p>
<p>〒100-8914 東京都千代田区永田町1-6-1 電話番号 03-5253-2111(大代表)</p></div>
</body></html>"""


def newsroom_page(paragraphs: tuple[str, ...] | None = None, views: str = "2.4K views",
                  updated: str = "October 8, 2025") -> str:
    """An English corporate or wire newsroom article: cookie banner, mega menu, byline, share bar,
    'related stories' and 'most read' rails, newsletter box and footer."""
    paragraphs = paragraphs or (
        "Japan's Digital Minister Masaaki Taira said on Tuesday that the government had asked the "
        "company to respond quickly to rights holders who object to their works appearing in generated videos.",
        "Taira told reporters that anime and manga were irreplaceable national treasures and that the request "
        "had been made in writing through the Cabinet Office's intellectual property headquarters.",
        "The company said it was reviewing the request and would share more details with the government.",
    )
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Japan asks AI video app maker to respect anime copyrights | Example Wire</title>
<meta property="og:type" content="article"></head><body>
<div id="cookie-consent">We use cookies to improve your experience. <button>Accept all</button></div>
<header><a href="/" class="brand">Example Wire</a><nav><ul><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/technology">Technology</a></li>
<li><a href="/markets">Markets</a></li>
</ul></nav><a href="/subscribe">Subscribe</a><a href="/login">Sign in</a></header>
<main><article>
<h1>Japan asks AI video app maker to respect anime copyrights</h1>
<div class="byline">By Staff Reporter · <time>Updated {escape(updated)}</time> ·
<span class="views">{escape(views)}</span></div>
<div class="share"><a href="#">Share on X</a><a href="#">Share on LinkedIn</a><a href="#">Copy link</a></div>
{body}
<div class="tags"><a href="/tag/japan">Japan</a><a href="/tag/ai">Artificial intelligence</a></div>
</article>
<section class="related"><h2>Related stories</h2><ul><li><a href="/a/1">Chip exports climb for a third month</a></li>
<li><a href="/a/2">Bank of Japan holds rates steady</a></li></ul></section></main>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a/3">Yen slides against the dollar</a></li>
<li><a href="/a/4">Typhoon disrupts flights in Okinawa</a></li></ol></aside>
<div class="newsletter"><h2>Get the morning briefing</h2><form><input type="email"><button>Sign up</button></form></div>
<footer><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li>
<li><a href="/terms">Terms</a></li>
</ul><p>&copy; 2025 Example Wire. All rights reserved.</p></footer>
</body></html>"""


def home_page() -> str:
    return """<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>デジタル庁</title></head><body>
<header><nav><a href="/policies">政策</a><a href="/news">ニュース</a></nav></header>
<main><h1>デジタル庁</h1><p>誰一人取り残されない、人に優しいデジタル化を。</p>
<ul><li><a href="/news/1">お知らせ一覧</a></li></ul></main><footer>&copy; Digital Agency</footer></body></html>"""
