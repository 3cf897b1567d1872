"""Credentials for sources, kept in the system keyring only.

The one place a secret is read or written. A source refers to its secret by
name (`options.credential`); the database, exports and messages never hold
the secret itself. Where only an insecure backend exists (keyring's fail
backend, or a plaintext file), storing is refused with a message. Any thread.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
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

SERVICE = "Stakewatch"
AUTH_KINDS = ("bearer", "basic", "header")
SHORTEST_REDACTED = 4
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


def redact(text: str, known: tuple[str, ...] = ()) -> str:
    """`text` with credentials blanked: secrets seen by this process or given in `known`,
    auth headers, key=value pairs and user names or passwords in URLs. Any thread."""
    with _known_lock:
        secrets = set(_known)
    secrets |= {form for secret in known if secret
                for form in (secret, secret.strip()) if len(form) >= SHORTEST_REDACTED}
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, "[secret]")
    text = _PATTERNS[0].sub(lambda m: m.group(1) + (m.group(2) or "") + "[secret]", text)
    text = _PATTERNS[1].sub(lambda m: m.group(1) + "[secret]", text)
    return _USERINFO.sub(lambda m: m.group(1) + "[secret]@", text)


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


def store_secret(name: str, secret: str) -> None:
    """Keep `secret` under `name`. Raises UserError, never writing it anywhere unsafe."""
    if not name.strip():
        raise UserError(TITLE, NEEDS_CREDENTIAL_NAME)
    problem = backend_problem()
    if problem:
        raise UserError(TITLE, NOT_STORED(problem=problem))
    remember(secret)
    try:
        keyring.set_password(SERVICE, name, secret)
    except keyring.errors.KeyringError as exc:
        raise UserError(TITLE, REFUSED(name=name, why=in_words(exc))) from exc


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


def load_secret(name: str) -> str | None:
    """The secret stored under `name`, or None. Never raises."""
    try:
        secret = keyring.get_password(SERVICE, name)
    except Exception:  # a locked or missing keyring reads as no secret
        log.warning("the keyring could not be read", exc_info=True)
        return None
    if secret is not None:
        remember(secret)
    return secret


def delete_secret(name: str) -> None:
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


def request_auth(options: dict[str, Any]) -> tuple[dict[str, str], tuple[str, str] | None, str | None]:
    """(headers, basic auth, problem) for a source's credential; the secret only in the return value."""
    name = options.get("credential")
    if not name:
        return {}, None, None
    secret = load_secret(str(name))
    if secret is None:
        return {}, None, f"the credential {name!r} is not in the keyring"
    auth = options.get("auth", "bearer")
    if auth == "basic":
        return {}, (str(options.get("username", "")), secret), None
    if auth == "header":
        return {str(options["header"]): secret}, None, None
    return {"Authorization": f"Bearer {secret}"}, None, None
