"""Diffs of archived statement pages: a small edit and a page rewritten from top to bottom (64 KiB of
Japanese and English text), with the bounded diff (lines first, words within a budget) against the
former one that compared every word of both texts (the peer, run once: it is quadratic).

    python benchmarks/bench_diff.py [--kib 64]
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import write_section  # noqa: E402

from stakewatch.core.pages.diffs import render_diff, tokens, word_diff  # noqa: E402

WORDS = ["大臣", "記者会見", "生成AI", "著作権", "事業者", "対応", "デジタル庁", "要請", "検討", "minister",
         "statement", "policy", "agency", "copyright", "Sora", "2", "は", "を", "に", "の", "、", "。"]


def page(kib: int, seed: int) -> str:
    rng = random.Random(seed)
    lines: list[str] = []
    while sum(len(line.encode()) + 1 for line in lines) < kib * 1024:
        lines.append("".join(rng.choice(WORDS) + rng.choice(("", " ")) for _ in range(rng.randint(10, 30))))
    return "\n".join(lines)


def former(old: str, new: str) -> list[tuple[str, str]]:
    """The former word diff: every word of one text against every word of the other."""
    before, after = tokens(old), tokens(new)
    runs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append((" ", "".join(before[i1:i2])))
            continue
        if tag in ("replace", "delete"):
            runs.append(("-", "".join(before[i1:i2])))
        if tag in ("replace", "insert"):
            runs.append(("+", "".join(after[j1:j2])))
    return runs


def timed(function: object, *args: object) -> float:
    started = time.process_time()
    function(*args)  # type: ignore[operator]
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kib", type=int, default=64)
    args = parser.parse_args()
    original = page(args.kib, 1)
    lines = original.split("\n")
    edited = "\n".join(lines[:10] + [lines[10] + " 口頭で伝えました。"] + lines[11:])
    rewritten = page(args.kib, 2)
    rows = []
    for name, new in (("one sentence added", edited), ("rewritten from top to bottom", rewritten)):
        terminal = timed(render_diff, original, new)
        window = timed(word_diff, original, new)
        peer = timed(former, original, new)
        rows.append(f"| {name} | **{terminal * 1000:.1f} ms** | **{window * 1000:.1f} ms** | {peer * 1000:,.0f} ms |")
        print(rows[-1], flush=True)
    body = (f"A {args.kib} KiB page of Japanese and English words, {len(lines):,} lines, CPU time.\n\n"
            "| change | `snapshot --diff` (render_diff) | inbox page panel (word_diff) | former word diff (peer) |\n"
            "|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
            "Lines are compared first; only changed blocks within the word budget (4 million word pairs) are "
            "compared word by word, larger ones are shown as lines removed and added. The inbox computes its "
            "diff on a pool thread, never on the GUI thread.")
    write_section("Page diffs", f"python benchmarks/bench_diff.py --kib {args.kib}", body)


if __name__ == "__main__":
    main()
