"""Every feed nobody here wrote goes through our feed path without harm."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CORPUS, corpus_missing
from stakewatch.core.model import Source
from stakewatch.core.sources import ParseError
from stakewatch.core.sources.feed import FeedKind

if corpus_missing():
    pytest.skip(str(corpus_missing()), allow_module_level=True)

FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in (".xml", ".json"))
MARKUP = re.compile(r"<\s*/?\s*(script|style|iframe|img|a|object|embed|svg|meta|link|b|i|p|div|span)\b"
                    r"|\bon[a-z]+\s*=\s*['\"]|javascript:|vbscript:", re.IGNORECASE)
SOURCE = Source("corpus", "feed", "http://127.0.0.1/feed")


def test_corpus_is_there():
    assert len(FILES) > 2000, f"expected the shared feed corpus at {CORPUS}"


@pytest.mark.parametrize("group", sorted({p.relative_to(CORPUS).parts[0] for p in FILES}))
def test_every_file_parses_without_error_or_markup(group: str):
    seen = parsed = 0
    for path in FILES:
        if path.relative_to(CORPUS).parts[0] != group:
            continue
        seen += 1
        try:
            items = FeedKind.parse(SOURCE, path.read_bytes(), "", "http://127.0.0.1/feed")
        except ParseError as exc:
            assert exc.message.startswith("not a feed"), path
            continue
        parsed += 1
        for item in items:
            for text in (item.title, item.summary, item.content):
                assert not MARKUP.search(text), (path, text[:200])
                assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text), path
            assert item.url == "" or item.url.lower().startswith(("http://", "https://")), path
            assert item.guid
    assert seen and parsed >= seen * 0.9


def test_sanitize_files_lose_their_scripts():
    sanitize = [p for p in FILES if "sanitize" in p.parts]
    assert len(sanitize) > 100
    leaked = []
    for path in sanitize:
        try:
            items = FeedKind.parse(SOURCE, path.read_bytes(), "", "http://127.0.0.1/feed")
        except ParseError:
            continue
        for item in items:
            if re.search(r"<script|alert\(|onclick|onerror|expression\(", item.text, re.I) and \
                    "<" in item.text:
                leaked.append(path.name)
    assert leaked == []


def test_json_feed_versions_and_fields():
    body = Path(CORPUS / "json" / "example.json").read_bytes()
    items = FeedKind.parse(SOURCE, body, "application/feed+json", "http://127.0.0.1/")
    assert items and all(i.title for i in items)
