"""Messages a user reads: a key and arguments, rendered in the user's language when shown.

Write every user-facing string of the core as

    NOT_FOUND = translate("Fetch", "server answered {status} ({phrase})")
    raise FetchError(NOT_FOUND(status=404, phrase="Not Found"))

`translate(context, text)` is what `pyside6-lupdate` extracts into
`resources/translations/stakewatch_<lang>.ts`; calling the result with keyword
arguments gives a `Message` that renders itself with `str()` (or
`render(lang)`) in the chosen language. Arguments may be Messages themselves.
A Message survives storage as JSON (`to_json` / `from_json`), so a stored error
is rendered in whatever language is active when it is read.

Plurals: `{n:?alert|alerts}` renders "alert" when n == 1, else "alerts"
(Japanese translations simply leave the choice out).

The catalogue is read from the `.ts` file itself (pure Python, no Qt), so the
CLI, the core and the Qt shell share one source of translations. Any thread.
"""

from __future__ import annotations

import json
import locale
import os
import string
import threading
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

LANGUAGES: tuple[str, ...] = ("en", "ja")
DEFAULT_LANGUAGE = "en"
_state = threading.local()
_chosen: str | None = None


def _from_locale_name(name: str | None) -> str | None:
    if not name:
        return None
    code = name.split(":")[0].split(".")[0].split("@")[0].replace("-", "_").lower()
    if code in ("c", "posix", ""):
        return None
    base = code.split("_")[0]
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def system_language() -> str:
    """The language the environment asks for: LANGUAGE, LC_ALL, LC_MESSAGES, LANG, then the OS.

    A C or POSIX value names no language, so the next variable is asked (a container's
    LC_ALL=C.UTF-8 does not hide LANG=ja_JP.UTF-8)."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        chosen = _from_locale_name(os.environ.get(variable))
        if chosen:
            return chosen
    try:
        found = locale.getlocale()[0]
    except ValueError:
        found = None
    return _from_locale_name(found) or DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Choose the language for this process (None: follow the system). Any thread."""
    global _chosen
    _chosen = lang if lang in LANGUAGES else None


def language() -> str:
    """The language messages are rendered in now."""
    override = getattr(_state, "lang", None)
    return override or _chosen or system_language()


def translations_path(lang: str) -> Any:
    from .resources import resource

    return resource("translations", f"stakewatch_{lang}.ts")


@cache
def catalogue(lang: str) -> Mapping[tuple[str, str], str]:
    """(context, source) -> finished translation, read from the language's .ts file."""
    if lang == DEFAULT_LANGUAGE:
        return {}
    try:
        root = ET.parse(translations_path(lang)).getroot()
    except (OSError, ET.ParseError):
        return {}
    table: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            node = message.find("translation")
            if source is None or node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [form.text or "" for form in node.iter("numerusform")]
            text = forms[0] if forms else node.text or ""
            if text:
                table[(name, source)] = text
    return table


def lookup(context: str, text: str, lang: str | None = None) -> str:
    """The translation of one source text, or the text itself."""
    lang = lang or language()
    return catalogue(lang).get((context, text), text) if lang != DEFAULT_LANGUAGE else text


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("?"):
            one, _, other = format_spec[1:].partition("|")
            return one if value == 1 else other
        if isinstance(value, Message | Text):
            return format(value.render(self.lang), format_spec)
        return str(super().format_field(value, format_spec))


@dataclass(frozen=True)
class Message:
    """A translatable text and its arguments. Immutable; `str()` renders it in the current language."""

    context: str
    text: str
    args: tuple[tuple[str, Any], ...] = field(default=())

    def __call__(self, **args: Any) -> Message:
        return Message(self.context, self.text, tuple(sorted({**dict(self.args), **args}.items())))

    def render(self, lang: str | None = None) -> str:
        lang = lang or language()
        template = lookup(self.context, self.text, lang)
        if not self.args:
            return template
        values = dict(self.args)
        try:
            return _Formatter(lang).vformat(template, (), values)
        except (KeyError, IndexError, ValueError):
            return _Formatter(DEFAULT_LANGUAGE).vformat(self.text, (), values)

    def __str__(self) -> str:
        return self.render()

    def to_json(self) -> dict[str, Any]:
        return {"context": self.context, "text": self.text,
                "args": {k: v.to_json() if isinstance(v, Message) else v for k, v in self.args}}

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, data: Any) -> Message:
        args = {k: cls.from_json(v) if isinstance(v, dict) and "context" in v and "text" in v else v
                for k, v in dict(data.get("args") or {}).items()}
        return cls(str(data["context"]), str(data["text"]), tuple(sorted(args.items())))


class Text(str):
    """A Message that behaves as its English text (compares, prints, logs) and still renders in any language.

    Results that code compares with plain strings (a fetch error, a parse error)
    carry a Text; `render()` gives the user's language and `dumps()` stores the Message.
    """

    message: Message

    def __new__(cls, message: Message) -> Text:
        text = super().__new__(cls, message.render(DEFAULT_LANGUAGE))
        text.message = message
        return text

    def render(self, lang: str | None = None) -> str:
        return self.message.render(lang)

    def dumps(self) -> str:
        return self.message.dumps()


def translate(context: str, text: str) -> Message:
    """A message key (extracted by pyside6-lupdate); call it with arguments to fill it in."""
    return Message(context, text)


FIELD_PROBLEM = translate("Validation", "{field}: {reason}")


def field_problem(field: str, reason: Message | str) -> Text:
    """'<field>: <reason>', as validators of options report a problem."""
    return Text(FIELD_PROBLEM(field=field, reason=reason))


def split_field_problem(problem: str) -> tuple[str, Message | str]:
    """The field and the reason of a `field_problem` (or of plain 'field: reason' text)."""
    if isinstance(problem, Text) and problem.message.text == FIELD_PROBLEM.text:
        args = dict(problem.message.args)
        return str(args["field"]), args["reason"]
    field, _, reason = problem.partition(":")
    return field, reason.strip()


def loads(stored: str | None) -> Message | str | None:
    """A stored message back: JSON written by `Message.dumps`, or plain text from older versions."""
    if stored is None:
        return None
    if stored.startswith("{"):
        try:
            data = json.loads(stored)
            if isinstance(data, dict) and "context" in data and "text" in data:
                return Message.from_json(data)
        except (ValueError, TypeError):
            pass
    return stored


def render(value: Message | str | None, lang: str | None = None) -> str:
    """Text of a Message, a Text, a plain string or None ('')."""
    if value is None:
        return ""
    if isinstance(value, Message | Text):
        return value.render(lang)
    return value


def text(value: Message | str) -> str:
    """A Message as a Text (plain strings stay as they are)."""
    return Text(value) if isinstance(value, Message) else value


def dumps(value: Message | str | None) -> str | None:
    """What to store for a message: JSON for a Message or Text, plain strings as they are."""
    if isinstance(value, Message | Text):
        return value.dumps()
    return value


def loads_text(stored: str | None) -> str | None:
    """A stored message back as a Text (or the plain string an older version stored)."""
    value = loads(stored)
    return Text(value) if isinstance(value, Message) else value


class use_language:  # noqa: N801 - used as a context manager, like a function
    """Render in `lang` on this thread inside a `with` block (tests, a PDF for another locale)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.previous: str | None = None

    def __enter__(self) -> None:
        self.previous = getattr(_state, "lang", None)
        _state.lang = self.lang

    def __exit__(self, *exc: object) -> None:
        _state.lang = self.previous
