"""Settings as a user changes them, and the first-run choice. Store's thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import settings as registry
from ..exchange.transfer import Config
from ..store.database import Store
from . import first_run


class Settings:
    """The validated user settings of `core.settings.SETTINGS`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str) -> Any:
        return registry.get(self._store, key)

    def put(self, key: str, text: str) -> Any:
        """Validate and store one setting; its value. Raises UserError naming the setting."""
        return registry.put(self._store, key, text)

    def values(self) -> dict[str, Any]:
        return {key: registry.get(self._store, key) for key in registry.SETTINGS}

    def put_all(self, values: dict[str, str]) -> None:
        for key, text in values.items():
            registry.put(self._store, key, text)


class FirstRun:
    """The first-run choice: the example watchlist, an empty start, or the user's own file."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def needs_choice(self) -> bool:
        return first_run.needs_choice(self._store)

    def load_example(self) -> Config:
        return first_run.load_example(self._store)

    def start_empty(self) -> None:
        first_run.start_empty(self._store)

    def start_from_file(self, path: Path) -> Config:
        return first_run.start_from_file(self._store, path)

    def default_choice(self) -> Config | None:
        """The terminal doors' default on a fresh folder (the example watchlist); None when chosen before."""
        return first_run.default_choice(self._store)
