"""`stakewatch suggest-aliases NAME`: other spellings of a name, with how many stored items each matches."""

from __future__ import annotations

import argparse
import json
import sys

from ...core.i18n import translate
from ...core.matching.aliases import count_matches, suggest, suggest_for
from ...core.store.aliases import recent_texts
from ...core.store.database import Store
from . import help_text

NONE_FOUND = translate("Aliases", "no other spellings known for {name}")
HEADERS = (translate("Aliases", "Candidate"), translate("Aliases", "Kind"), translate("Aliases", "Matches"),
           translate("Aliases", "Needs context"))
YES = translate("Aliases", "yes")


def cmd_suggest_aliases(store: Store, args: argparse.Namespace) -> int:
    wanted = args.name.strip().casefold()
    entity = next((e for w in store.watchlists() for e in w.entities
                   if wanted in {a.casefold() for a in e.all_aliases}), None)
    candidates = count_matches(suggest_for(entity) if entity else suggest(args.name), recent_texts(store))
    if args.json:
        json.dump([c.to_json() for c in candidates], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not candidates:
        print(NONE_FOUND(name=args.name))
        return 0
    from ..main import table

    rows = [(c.text, c.kind_label, str(c.matches or 0), str(YES) if c.needs_context else "") for c in candidates]
    print(table(rows, [str(h) for h in HEADERS], flexible=0))
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("suggest-aliases", help=help_text(translate(
        "CliHelp", "other spellings of a name (romaji readings, katakana, Hangul, Chinese characters, office "
                   "titles)")))
    sub.add_argument("name")
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=cmd_suggest_aliases)
