"""`stakewatch suggest-aliases NAME`: other spellings of a name, with how many stored items each matches."""

from __future__ import annotations

import argparse
import json
import sys

from ...core import Service
from ...core.i18n import translate
from ..arguments import help_text
from ..tables import table

NONE_FOUND = translate("Aliases", "no other spellings known for {name}")
HEADERS = (translate("Aliases", "Candidate"), translate("Aliases", "Kind"), translate("Aliases", "Matches"),
           translate("Aliases", "Needs context"))
YES = translate("Aliases", "yes")


def cmd_suggest_aliases(service: Service, args: argparse.Namespace) -> int:
    entity = service.watchlists.entity_with_alias(args.name)
    candidates = service.watchlists.suggest_aliases(args.name, entity)
    if args.json:
        json.dump([c.to_json() for c in candidates], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not candidates:
        print(NONE_FOUND(name=args.name))
        return 0
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
