"""The command-line door: `stakewatch` and its subcommands."""

from .main import main

__all__ = ["main"]
