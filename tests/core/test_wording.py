"""Help text wrapped by display width: wide characters take two columns, lines break between them."""

from __future__ import annotations

import argparse

import pytest

from stakewatch.cli import wording
from stakewatch.core.i18n import use_language

TEXTS = ["データの保存先（既定: $STAKEWATCH_HOME またはユーザーのデータフォルダー）。"
         "長い説明文は端末の幅で折り返します。",
         "アラートを Slack・Teams・メール・LINE・Webhook に送る（Apprise）",
         "plain English help that wraps at spaces like textwrap does, with a verylongwordthatcannotbreak" * 2]


@pytest.mark.parametrize("columns", [20, 33, 54, 78])
@pytest.mark.parametrize("text", TEXTS)
def test_lines_fit_and_keep_every_character(text: str, columns: int):
    lines = wording.wrap(text, columns)
    assert all(wording.width(line) <= columns for line in lines), lines
    assert "".join("".join(lines).split()) == "".join(text.split())
    assert not any(line[:1] in "、。）」" for line in lines), lines
    assert not any(line[-1:] in "（「" for line in lines), lines


def test_wide_characters_count_twice():
    assert wording.width("使い方") == 6 and wording.width("usage") == 5
    assert wording.wrap("あいうえお", 4) == ["あい", "うえ", "お"]


def test_argparse_speaks_through_the_catalogue():
    wording.install()
    with use_language("ja"):
        assert argparse._("usage: ") == "使い方: "  # type: ignore[attr-defined]
        assert argparse._("%(prog)s: error: %(message)s\n").endswith("エラー: %(message)s\n")  # type: ignore[attr-defined]
        assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == "値を %s 個指定してください"  # type: ignore[attr-defined]
        assert argparse._("something argparse may add later") == "something argparse may add later"  # type: ignore[attr-defined]
    with use_language("en"):
        assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
