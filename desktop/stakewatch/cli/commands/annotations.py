"""`stakewatch note|tag|flag ALERT_ID ...`: what analysts add to alerts (and, with --story, to a story)."""

from __future__ import annotations

import argparse

from ...core import Service
from ...core.i18n import translate
from ..arguments import help_text

NOTE_SET = translate("Annotations", "Note saved on {n} {n:?alert|alerts}.")
NOTE_CLEARED = translate("Annotations", "Note cleared on {n} {n:?alert|alerts}.")
TAGGED = translate("Annotations", "Tagged {n} {n:?alert|alerts}: {tags}.")
UNTAGGED = translate("Annotations", "Removed {tags} from {n} {n:?alert|alerts}.")
NOT_TAGGED = translate("Annotations", "None of {n:?that alert|those alerts} had {tags}; nothing changed.")
FLAGGED = translate("Annotations", "Flagged {n} {n:?alert|alerts} for the briefing.")
UNFLAGGED = translate("Annotations", "Flag removed from {n} {n:?alert|alerts}.")


def _targets(service: Service, args: argparse.Namespace) -> list[int]:
    return service.notes.story_alert_ids(args.id) if args.story else [args.id]


def cmd_note(service: Service, args: argparse.Namespace) -> int:
    ids = _targets(service, args)
    text = " ".join(args.text)
    service.notes.set_note(ids, text)
    print((NOTE_SET if text.strip() else NOTE_CLEARED)(n=len(ids)))
    return 0


def cmd_tag(service: Service, args: argparse.Namespace) -> int:
    ids = _targets(service, args)
    if args.remove:
        removed = service.notes.remove_tags(ids, args.tags)
        if removed:
            print(UNTAGGED(n=len(ids), tags=", ".join(removed)))
        else:
            print(NOT_TAGGED(n=len(ids), tags=", ".join(service.notes.clean_tags(args.tags))))
    else:
        added = service.notes.add_tags(ids, args.tags)
        print(TAGGED(n=len(ids), tags=", ".join(added)))
    return 0


def cmd_flag(service: Service, args: argparse.Namespace) -> int:
    ids = _targets(service, args)
    service.notes.set_flag(ids, not args.off)
    print((UNFLAGGED if args.off else FLAGGED)(n=len(ids)))
    return 0


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    story_help = help_text(translate(
        "CliHelp", "the id is a story's (stakewatch stories): apply to each of its alerts"))

    sub = commands.add_parser("note", help=help_text(translate(
        "CliHelp", "write a note on an alert (an empty text clears it)")))
    sub.add_argument("id", type=int, metavar="ALERT_ID")
    sub.add_argument("text", nargs="*", metavar="TEXT")
    sub.add_argument("--story", action="store_true", help=story_help)
    sub.set_defaults(run=cmd_note)

    sub = commands.add_parser("tag", help=help_text(translate(
        "CliHelp", "add tags to an alert (--remove takes them off)")))
    sub.add_argument("id", type=int, metavar="ALERT_ID")
    sub.add_argument("tags", nargs="+", metavar="TAG")
    sub.add_argument("--remove", action="store_true")
    sub.add_argument("--story", action="store_true", help=story_help)
    sub.set_defaults(run=cmd_tag)

    sub = commands.add_parser("flag", help=help_text(translate(
        "CliHelp", "flag an alert for the briefing's Flagged section (--off unflags)")))
    sub.add_argument("id", type=int, metavar="ALERT_ID")
    sub.add_argument("--off", action="store_true")
    sub.add_argument("--story", action="store_true", help=story_help)
    sub.set_defaults(run=cmd_flag)
