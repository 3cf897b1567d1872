"""A data folder's secrets as a whole: keeping and forgetting them (the keyring and the folder's list
together), what diagnostics say about them, and the check that a watchlist file binds none of them.

A file shared by someone else may name any credential: importing it must not hand a secret this
folder already keeps (another source's key) to the file's own address. Store's thread; the keyring
may ask for its password, so the GUI calls these from a worker.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from ..fetching.addresses import origin
from ..i18n import translate
from ..model import Source, UserError
from ..model.values import SEVERAL, Refused
from ..platform.secrets import CHANNEL, SOURCE, Vault
from . import keyring as store_keyring
from .database import Store

ALREADY_KEPT = translate("Import", "the credential {name!r} is already in this data folder's keyring: a file "
                                   "cannot give it to a source (its secret would be sent to {host}); name a new "
                                   "credential and store its secret with: stakewatch credential NAME")
KIND_NAMES = {SOURCE: "source credential", CHANNEL: "channel URL"}
STATES = {"present": "in the keyring", "unscoped": "kept from before entries were scoped; moved here on first use",
          "missing": "not in the keyring"}


def vault(store: Store) -> Vault:
    """The folder's keyring entries. A data folder copied from another that is still in use gets its own
    scope the first time, with a copy of each entry, so that the two never share (or remove) one."""
    copied_from = store_keyring.claim_home(store)
    folder = store_keyring.vault(store)
    if copied_from is not None:
        original = Vault(copied_from, folder.legacy)
        for kind, name, _legacy in store_keyring.entries(store):
            secret = original.load(kind, name)
            if secret is not None:
                with contextlib.suppress(UserError):
                    folder.store(kind, name, secret)
    return folder


def save(store: Store, kind: str, name: str, secret: str) -> None:
    """Keep `secret` in the keyring as this folder's entry, and note that the folder owns it.
    Raises UserError (nothing stored)."""
    vault(store).store(kind, name, secret)
    store_keyring.register(store, kind, name)


def save_source_secret(store: Store, name: str, secret: str) -> None:
    """A source credential: `save` of kind source."""
    save(store, SOURCE, name, secret)


def delete(store: Store, kind: str, name: str) -> None:
    """Forget this folder's entry (another folder's entry of the same name stays)."""
    vault(store).delete(kind, name)
    store_keyring.unregister(store, kind, name)


def report(store: Store) -> list[str]:
    """Diagnostics: the keyring entries this folder owns, by kind and name, and whether each is there."""
    kept = store_keyring.entries(store)
    folder = vault(store)
    lines = [f"Keyring entries of this folder (scope {folder.scope}): {len(kept)}"]
    for kind, name, _legacy in kept:
        state = STATES.get(folder.state(kind, name), "missing")
        lines.append(f"  {KIND_NAMES.get(kind, kind)} {name!r}: {state}")
    return lines


def check_import(store: Store, sources: Sequence[Source]) -> None:
    """Refuse a file whose sources name a credential this folder already keeps, unless the source is one
    the folder already has with that credential at the same origin (re-importing one's own export).
    A credential another source of the folder names (stored or not yet) counts as kept."""
    existing = {s.name.casefold(): s for s in store.sources()}
    problems: list[Refused] = []
    for index, source in enumerate(sources):
        name = source.options.get("credential")
        if not isinstance(name, str) or not name:
            continue
        before = existing.get(source.name.casefold())
        if before is not None and before.options.get("credential") == name and origin(before.url) == origin(source.url):
            continue
        named_elsewhere = any(s.options.get("credential") == name for key, s in existing.items()
                              if key != source.name.casefold())
        if named_elsewhere or store_keyring.registered(store, SOURCE, name) or \
                (before is not None and before.options.get("credential") == name):
            host = origin(source.url)[1] or source.url[:80]
            problems.append(Refused(f"sources[{index}].options.credential", ALREADY_KEPT(name=name, host=host)))
    if len(problems) == 1:
        raise problems[0]
    if problems:
        lines = "\n".join(f"  {problem.message}" for problem in problems)
        raise Refused("", f"{SEVERAL(n=len(problems))}\n{lines}", problems)
