"""Credentials for sources, kept in the system keyring only.

The one place a secret is read or written. A source refers to its secret by
name (`options.credential`); the database, exports and messages never hold
the secret itself. Where only an insecure backend exists (keyring's fail
backend, or a plaintext file), storing is refused with a message. Any thread.
"""

from __future__ import annotations

import contextlib
from typing import Any

import keyring
import keyring.errors

from .i18n import translate
from .model import UserError

SERVICE = "Stakewatch"
AUTH_KINDS = ("bearer", "basic", "header")


def backend_problem() -> str | None:
    """None when secrets can be kept safely, else why not."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # keyring's discovery raises whatever a backend raises
        return f"no keyring could be opened ({exc})"
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if "fail" in name.lower() or "null" in name.lower():
        return "no system keyring is available (no Secret Service, Keychain or Credential Manager)"
    if "plaintext" in name.lower() or "keyrings.alt" in name.lower() or getattr(backend, "priority", 1) < 1:
        return f"the only keyring available stores secrets unprotected ({type(backend).__name__})"
    return None


def store_secret(name: str, secret: str) -> None:
    """Keep `secret` under `name`. Raises UserError, never writing it anywhere unsafe."""
    if not name.strip():
        raise UserError("Credentials", "the credential needs a name")
    problem = backend_problem()
    if problem:
        raise UserError("Credentials", f"{problem}; the secret was not stored")
    try:
        keyring.set_password(SERVICE, name, secret)
    except keyring.errors.KeyringError as exc:
        raise UserError("Credentials", REFUSED(name=name, why=in_words(exc))) from exc


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
        return keyring.get_password(SERVICE, name)
    except Exception:  # a locked or missing keyring reads as no secret
        return None


def delete_secret(name: str) -> None:
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(SERVICE, name)


def check_auth_options(options: dict[str, Any]) -> str | None:
    """None when a source's credential options make sense, else '<key>: <reason>'."""
    if "credential" not in options:
        return None
    if not isinstance(options["credential"], str) or not options["credential"].strip():
        return "credential: must be the name of a secret in the keyring"
    auth = options.get("auth", "bearer")
    if auth not in AUTH_KINDS:
        return f"auth: must be one of {', '.join(AUTH_KINDS)}"
    if auth == "basic" and not isinstance(options.get("username"), str):
        return "username: basic authentication needs a user name"
    if auth == "header" and not isinstance(options.get("header"), str):
        return "header: name the header that carries the key, e.g. X-Api-Key"
    if "secret" in options or "password" in options or "token" in options:
        return "credential: secrets belong in the keyring, not in the source"
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
