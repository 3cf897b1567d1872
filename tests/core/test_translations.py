"""Every message the code can show has a finished Japanese translation, and placeholders survive."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from stakewatch.core.i18n import Message, Text, catalogue, lookup, translate, use_language
from stakewatch.core.when import long_date, relative

ROOT = Path(__file__).resolve().parents[2]
FIELD = re.compile(r"\{(\w+)(:\?)?")


def _script():
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The shipped .ts brought up to date with the code by pyside6-lupdate, in a copy."""
    script = _script()
    copy = tmp_path_factory.mktemp("ts") / "stakewatch_ja.ts"
    shutil.copy(script.TS["ja"], copy)
    script.update(copy)
    return copy


def test_every_extracted_message_has_a_finished_japanese_translation(extracted: Path):
    missing = _script().missing(extracted)
    assert missing == [], "run scripts/i18n.py update, then translate:\n" + "\n".join(
        f"{context}\t{source}" for context, source in missing)


def test_the_check_fails_on_an_unfinished_message(extracted: Path, tmp_path: Path):
    broken = tmp_path / "broken.ts"
    tree = ET.parse(extracted)
    message = next(tree.getroot().iter("message"))
    node = message.find("translation")
    assert node is not None
    node.set("type", "unfinished")
    tree.write(broken, encoding="utf-8")
    assert len(_script().missing(broken)) == 1


def _fields(text: str) -> tuple[set[str], set[str], int]:
    """Named fields shown, named fields used only to choose a plural, and positional fields."""
    found = FIELD.findall(text)
    shown = {name for name, plural in found if not plural and not name.isdigit()}
    plural_only = {name for name, plural in found if plural} - shown
    positional = text.count("{}") + len({name for name, _plural in found if name.isdigit()})
    return shown, plural_only, positional


def test_translations_keep_their_placeholders():
    wrong = []
    for (context, source), text in catalogue("ja").items():
        shown, plural_only, positional = _fields(source)
        used, used_plural, used_positional = _fields(text)
        if not shown <= used | used_plural <= shown | plural_only or positional != used_positional \
                or source.count("%n") != text.count("%n"):
            wrong.append((context, source, text))
    assert wrong == []


def test_a_message_renders_in_the_language_chosen_at_display_time():
    error = Text(translate("Fetch", "could not connect to {host}: connection refused")(host="example.org"))
    assert error == "could not connect to example.org: connection refused"
    stored = Message.from_json(__import__("json").loads(error.dumps()))
    with use_language("ja"):
        assert str(stored) == "example.org に接続できません: 接続を拒否されました"
    assert lookup("Health", "backing off", "ja") == "再試行待ち"


def test_dates_and_relative_times_the_japanese_way():
    from datetime import UTC, date, datetime, timedelta

    assert long_date(date(2025, 10, 10), "ja") == "2025年10月10日"
    assert long_date(date(2025, 10, 10), "en") == "10 October 2025"
    now = datetime(2025, 10, 10, 12, tzinfo=UTC)
    with use_language("ja"):
        assert str(relative(now - timedelta(minutes=5), now)) == "5 分前"
        assert str(relative(now + timedelta(hours=2), now)) == "2 時間後"
    with use_language("en"):
        assert str(relative(now - timedelta(minutes=1), now)) == "1 minute ago"


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "ja_JP.UTF-8", "LC_ALL": "C.UTF-8"}, "ja"),
    ({"LANG": "ja_JP.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
    ({"LANGUAGE": "ja:en", "LANG": "en_US.UTF-8"}, "ja"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
])
def test_the_language_follows_the_locale(monkeypatch, env: dict[str, str], expected: str):
    from stakewatch.core.i18n import system_language

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert system_language() == expected
