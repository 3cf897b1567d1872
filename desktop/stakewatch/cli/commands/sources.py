"""`stakewatch sources` (every source's health) and `stakewatch credential NAME` (its secret)."""

from __future__ import annotations

import argparse
import json
import sys

from ...core import KEYRING_WAITING, Service, redact
from ...core.i18n import translate
from ...core.model import UserError
from ..arguments import help_text
from ..tables import format_sources

CREDENTIALS_TITLE = translate("Cli", "Credentials")
DELETED_SECRET = translate("Cli", "Deleted the credential '{name}' from the keyring.")
STORED_SECRET = translate("Cli", "Stored the credential '{name}' in the keyring.")
NO_SECRET = translate("Cli", "no secret given on standard input")
SECRET_PROMPT = translate("Cli", "Secret for {name}: ")
CREDENTIAL_HELP = translate("CliHelp", "keep a source's key or password in the keyring (read from stdin)")


def cmd_sources(service: Service, args: argparse.Namespace) -> int:
    if args.json:
        health = service.sources.scheduled_health()
        print(redact(json.dumps([h.to_json() for h in health], ensure_ascii=False, indent=2)))
    else:
        print(format_sources(service.sources.health()))
    return 0


def cmd_credential(service: Service, args: argparse.Namespace) -> int:
    """Store (from standard input, never the command line) or delete a source's secret."""
    if args.delete:
        service.sources.delete_secret(args.name)
        print(DELETED_SECRET(name=args.name))
        return 0
    if sys.stdin.isatty():
        import getpass

        secret = getpass.getpass(str(SECRET_PROMPT(name=args.name)))
    else:
        secret = sys.stdin.readline().rstrip("\r\n")
    if not secret:
        raise UserError(CREDENTIALS_TITLE, NO_SECRET)
    print(KEYRING_WAITING, file=sys.stderr, flush=True)
    service.sources.save_secret(args.name, secret)
    print(STORED_SECRET(name=args.name))
    return 0


def register_sources(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("sources", help=help_text(translate("CliHelp", "show every source's health")))
    sub.add_argument("--json", action="store_true")
    sub.set_defaults(run=cmd_sources)


def register_credential(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sub = commands.add_parser("credential", help=help_text(CREDENTIAL_HELP))
    sub.add_argument("name")
    sub.add_argument("--delete", action="store_true")
    sub.set_defaults(run=cmd_credential)
