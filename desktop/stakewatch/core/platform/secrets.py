"""Secrets in the system keyring only: source credentials and channel URLs, per data folder.

The one place a secret is read or written. A source refers to its secret by
name (`options.credential`), a channel's URL is kept under the channel's name;
the database, exports and messages never hold the secret itself. Each data
folder has its own entries (a `Vault`: the folder's scope, a random id kept in
its database), and source credentials and channel URLs live apart, so two
folders with a channel `hook` never share it and no source can name a
channel's URL. An entry written before entries were scoped (service
"Stakewatch", no kind) is taken over, once, by the folder that used it, the
first time it is read. Where only an insecure backend exists (keyring's fail
backend, or a plaintext file), storing is refused with a message. Any thread.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

import keyring
import keyring.errors

from ..i18n import Text, field_problem, translate
from ..model import UserError

log = logging.getLogger("stakewatch.secrets")

TITLE = translate("Credentials", "Credentials")
NEEDS_NAME = translate("Credentials", "must be the name of a secret in the keyring")
ONE_OF = translate("Credentials", "must be one of {kinds}")
NEEDS_USER = translate("Credentials", "basic authentication needs a user name")
NEEDS_HEADER = translate("Credentials", "name the header that carries the key, e.g. X-Api-Key")
NOT_IN_SOURCE = translate("Credentials", "secrets belong in the keyring, not in the source")
NO_KEYRING_OPENED = translate("Credentials", "no keyring could be opened ({error})")
NO_KEYRING = translate("Credentials",
                       "no system keyring is available (no Secret Service, Keychain or Credential Manager)")
UNPROTECTED = translate("Credentials", "the only keyring available stores secrets unprotected ({backend})")
NEEDS_CREDENTIAL_NAME = translate("Credentials", "the credential needs a name")
NOT_STORED = translate("Credentials", "{problem}; the secret was not stored")
NOT_IN_KEYRING = translate("Credentials", "the credential {name!r} is not in the keyring")

SERVICE = "Stakewatch"
"""The service of the entries written before they were scoped (one namespace for everything)."""
SOURCE, CHANNEL = "source", "channel"
KINDS = (SOURCE, CHANNEL)
AUTH_KINDS = ("bearer", "basic", "header")
SHORTEST_REDACTED = 4
RUN = 12
"""Any run of this many characters of a known secret is blanked too (a secret cut or echoed in part)."""
_known: set[str] = set()
_known_lock = threading.Lock()
_PATTERNS = (
    re.compile(r"(?i)(authorization\s*[:=]\s*)(bearer\s+|basic\s+)?[^\s,;'\"]+"),
    re.compile(r"(?i)((?:api[_-]?key|token|password|secret|access_token)\s*[=:]\s*)[^\s&,;'\"]+"),
)
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^\s/?#@\"'<>]+@")


def remember(secret: str) -> None:
    """Note a secret this process has seen, so that `redact` blanks it everywhere. Any thread."""
    with _known_lock:
        for form in (secret, secret.strip()):
            if len(form) >= SHORTEST_REDACTED:
                _known.add(form)


def _lower(text: str) -> str:
    """`text` in lower case, one character for one (so positions still match the original)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def _blank_secrets(text: str, secrets: set[str]) -> str:
    """Every known secret blanked whatever its case, and every run of RUN characters of one (a secret
    echoed cut, or inside other text)."""
    if not secrets or not text:
        return text
    folded = _lower(text)
    marked = bytearray(len(text))
    for secret in secrets:
        needle = _lower(secret)
        start = folded.find(needle)
        while start >= 0:
            marked[start:start + len(needle)] = b"\x01" * len(needle)
            start = folded.find(needle, start + 1)
    # runs of a whole address (a channel's URL) would blank its public host wherever it is named: its
    # secret parts (password, tokens) are known on their own
    runs = {window for secret in secrets if len(secret) >= RUN and "://" not in secret
            for lowered in [_lower(secret)] for i in range(len(lowered) - RUN + 1)
            for window in [lowered[i:i + RUN]] if window.strip()}
    if runs:
        for i in range(len(folded) - RUN + 1):
            if folded[i:i + RUN] in runs:
                marked[i:i + RUN] = b"\x01" * RUN
    if not any(marked):
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        if marked[index]:
            while index < len(text) and marked[index]:
                index += 1
            out.append("[secret]")
        else:
            out.append(text[index])
            index += 1
    return "".join(out)


def redact(text: str, known: tuple[str, ...] = ()) -> str:
    """`text` with credentials blanked: secrets seen by this process or given in `known` (in any case,
    and any run of 12 of their characters), auth headers, key=value pairs and user names or passwords
    in URLs. Any thread."""
    with _known_lock:
        secrets = set(_known)
    secrets |= {form for secret in known if secret
                for form in (secret, secret.strip()) if len(form) >= SHORTEST_REDACTED}
    # the shapes first (a user name and password in an address, auth headers), then what is known
    text = _USERINFO.sub(lambda m: m.group(1) + "[secret]@", text)
    text = _PATTERNS[0].sub(lambda m: m.group(1) + (m.group(2) or "") + "[secret]", text)
    text = _PATTERNS[1].sub(lambda m: m.group(1) + "[secret]", text)
    return _blank_secrets(text, secrets)


def backend_problem() -> str | None:
    """None when secrets can be kept safely, else why not."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # keyring's discovery raises whatever a backend raises
        return Text(NO_KEYRING_OPENED(error=str(exc)))
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if "fail" in name.lower() or "null" in name.lower():
        return Text(NO_KEYRING)
    if "plaintext" in name.lower() or "keyrings.alt" in name.lower() or getattr(backend, "priority", 1) < 1:
        return Text(UNPROTECTED(backend=type(backend).__name__))
    return None


REFUSED = translate("Credentials", "the system keyring did not store {name!r}: {why}")
LOCKED = translate("Credentials", "it is locked, and its password prompt was closed or refused")
NOT_OPENED = translate("Credentials", "it could not be opened (its password prompt may have been closed, "
                                      "or no keyring service is running)")
NOT_ACCEPTED = translate("Credentials", "it did not accept the secret")
OTHER = translate("Credentials", "it answered with an error ({detail})")
WAITING = translate("Credentials", "Waiting for your keyring\u2026 it may be asking for its password in "
                                   "another window.")


def in_words(exc: BaseException) -> Any:
    """Why the keyring refused, as a sentence a person understands."""
    kind = type(exc).__name__
    if isinstance(exc, keyring.errors.KeyringLocked) or "Locked" in kind or "Dismissed" in kind:
        return LOCKED()
    if isinstance(exc, keyring.errors.InitError):
        return NOT_OPENED()
    if isinstance(exc, keyring.errors.PasswordSetError):
        return NOT_ACCEPTED()
    return OTHER(detail=str(exc)[:120] or kind)


def _get(service: str, name: str) -> str | None:
    try:
        return keyring.get_password(service, name)
    except Exception:  # a locked or missing keyring reads as no secret
        log.warning("the keyring could not be read", exc_info=True)
        return None


_taking_over = threading.Lock()


@dataclass(frozen=True)
class Vault:
    """The keyring entries of one data folder: `scope` names them (a random id kept in the folder's
    database); `legacy` lists the (kind, name) the folder used before entries were scoped, each taken
    over from the old unscoped entry the first time it is read. Any thread."""

    scope: str
    legacy: frozenset[tuple[str, str]] = frozenset()

    def service(self, kind: str) -> str:
        if kind not in KINDS:
            raise ValueError(kind)
        return f"Stakewatch {kind} {self.scope}"

    def store(self, kind: str, name: str, secret: str) -> None:
        """Keep `secret` under `name`. Raises UserError, never writing it anywhere unsafe."""
        if not name.strip():
            raise UserError(TITLE, NEEDS_CREDENTIAL_NAME)
        problem = backend_problem()
        if problem:
            raise UserError(TITLE, NOT_STORED(problem=problem))
        remember(secret)
        try:
            keyring.set_password(self.service(kind), name, secret)
        except keyring.errors.KeyringError as exc:
            raise UserError(TITLE, REFUSED(name=name, why=in_words(exc))) from exc

    def load(self, kind: str, name: str) -> str | None:
        """The secret stored under `name`, or None. Never raises."""
        secret = _get(self.service(kind), name)
        if secret is None and (kind, name) in self.legacy:
            secret = self._take_over(kind, name)
        if secret is not None:
            remember(secret)
        return secret

    def _take_over(self, kind: str, name: str) -> str | None:
        """Move the unscoped entry this folder used before into its own namespace."""
        with _taking_over:
            secret = _get(self.service(kind), name)
            if secret is not None:
                return secret
            secret = _get(SERVICE, name)
            if secret is None:
                return None
            try:
                keyring.set_password(self.service(kind), name, secret)
            except Exception:  # still usable this time; taken over on a later read
                log.warning("an unscoped keyring entry could not be moved", exc_info=True)
                return secret
            with contextlib.suppress(Exception):
                keyring.delete_password(SERVICE, name)
            log.info("keyring entry %r moved into this data folder's %s entries", name, kind)
            return secret

    def state(self, kind: str, name: str) -> str:
        """"present" (the folder's own entry), "unscoped" (one it used before entries were scoped, to be
        taken over on first use) or "missing". Never raises."""
        if _get(self.service(kind), name) is not None:
            return "present"
        if (kind, name) in self.legacy and _get(SERVICE, name) is not None:
            return "unscoped"
        return "missing"

    def delete(self, kind: str, name: str) -> None:
        """Forget the folder's secret under `name` (an unscoped one it used before too). Never raises
        for an entry that is not there."""
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(self.service(kind), name)
        if (kind, name) in self.legacy:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(SERVICE, name)


def check_auth_options(options: dict[str, Any]) -> str | None:
    """None when a source's credential options make sense, else '<key>: <reason>'."""
    if "credential" not in options:
        return None
    if not isinstance(options["credential"], str) or not options["credential"].strip():
        return field_problem("credential", NEEDS_NAME)
    auth = options.get("auth", "bearer")
    if auth not in AUTH_KINDS:
        return field_problem("auth", ONE_OF(kinds=", ".join(AUTH_KINDS)))
    if auth == "basic" and not isinstance(options.get("username"), str):
        return field_problem("username", NEEDS_USER)
    if auth == "header" and not isinstance(options.get("header"), str):
        return field_problem("header", NEEDS_HEADER)
    if "secret" in options or "password" in options or "token" in options:
        return field_problem("credential", NOT_IN_SOURCE)
    return None


def request_auth(options: dict[str, Any], vault: Vault) -> tuple[dict[str, str], tuple[str, str] | None,
                                                                str | None]:
    """(headers, basic auth, problem) for a source's credential; the secret only in the return value."""
    name = options.get("credential")
    if not name:
        return {}, None, None
    secret = vault.load(SOURCE, str(name))
    if secret is None:
        return {}, None, Text(NOT_IN_KEYRING(name=str(name)))
    auth = options.get("auth", "bearer")
    if auth == "basic":
        return {}, (str(options.get("username", "")), secret), None
    if auth == "header":
        return {str(options["header"]): secret}, None, None
    return {"Authorization": f"Bearer {secret}"}, None, None
