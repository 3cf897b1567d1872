"""The first run: the example watchlist, an empty start, or the user's own file.

The app asks; the terminal doors (`poll --once`, `watch`) take the app's
default, the example watchlist, and say so. Once a choice is made it is
remembered, so "start empty" stays empty. Runs on the thread that owns the Store.
"""

from __future__ import annotations

from pathlib import Path

from ..exchange.transfer import Config, import_file, read_config_file
from ..i18n import translate
from ..resources import resource
from ..store.database import Store

FIRST_RUN_DONE = "first_run.done"
EXAMPLE_NAME = "Japan AI & IP"
LOADED_EXAMPLE = translate("FirstRun", "Loaded the example watchlist ({name}): {sources} sources to poll. "
                                       "Import your own with `stakewatch import FILE`.")


def needs_choice(store: Store) -> bool:
    """True on a data folder where nothing was set up and no first-run choice was made yet."""
    return store.is_empty() and not store.setting(FIRST_RUN_DONE, False)


def _done(store: Store) -> None:
    with store.transaction() as conn:
        store.set_setting(FIRST_RUN_DONE, True, conn)


def load_example(store: Store) -> Config:
    """Load the bundled example watchlist (Japan AI & IP) and its sources."""
    config = read_config_file(resource("default-watchlist.json"))
    store.apply_config(config.watchlists, config.sources)
    _done(store)
    return config


def start_empty(store: Store) -> None:
    """Remember that the user chose to start with nothing."""
    _done(store)


def start_from_file(store: Store, path: Path) -> Config:
    """Import the user's own file as the start. Raises Refused/UserError; then nothing is stored."""
    config = import_file(store, path)
    _done(store)
    return config


def default_choice(store: Store) -> Config | None:
    """What the terminal doors do on a fresh folder: the app's default, the example. None if not fresh."""
    if not needs_choice(store):
        return None
    return load_example(store)
