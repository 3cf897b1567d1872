"""What Stakewatch ships and under which licences: read from the installed packages' metadata.

The parts are the installed `stakewatch` distribution's runtime requirements
(`importlib.metadata`), each with its version and licence from its own
metadata, then what those bring in, then the parts no package names: Python,
the bundled font and the name readings. A requirement for another platform, or
one only an optional extra wants, is not shipped and not listed. Any thread.
"""

from __future__ import annotations

import importlib.metadata as metadata
import os
import platform
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import Message, translate

DISTRIBUTION = "stakewatch"
NOT_STATED = translate("About", "not stated in its metadata")
QT_NOTE = translate("About", "Qt is linked dynamically: its libraries can be replaced.")
FONT_NOTE = translate("About", "Japanese in briefing PDFs; the licences' text: {file}")
NAMES_NOTE = translate("About", "Name readings derived from JMnedict and KANJIDIC2, the property of the Electronic "
                                "Dictionary Research and Development Group, used in conformance with the Group's "
                                "licence (https://www.edrdg.org/edrdg/licence.html).")
NAMES_PART = translate("About", "Name readings (JMnedict, KANJIDIC2)")
FONT_PART = translate("About", "VL Gothic font")


@dataclass(frozen=True)
class Part:
    """One shipped part: its name, version, licence (as its metadata says) and our own words about it."""

    name: str
    version: str
    licence: str | Message
    note: Message | str = ""
    direct: bool = True
    """Required by Stakewatch itself (else brought in by a part that is)."""


_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_TOKEN = re.compile(r"\s*(\(|\)|===|==|!=|~=|<=|>=|<|>|not\s+in\b|in\b|and\b|or\b|'[^']*'|\"[^\"]*\"|[A-Za-z_.]+)")


def _compare(op: str, left: str, right: str) -> bool:
    """One marker comparison: as versions where both sides are versions, else as text."""
    if op == "in":
        return left in right
    if op == "not in":
        return left not in right
    a: tuple[int, ...] | str = left
    b: tuple[int, ...] | str = right
    versions = (_version(left), _version(right))
    if versions[0] is not None and versions[1] is not None:
        a, b = versions[0], versions[1]
    if op in ("==", "==="):
        return a == b
    if op == "!=":
        return a != b
    if isinstance(a, str) or isinstance(b, str):
        return False
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "~=": a >= b}.get(op, False)


def environment() -> dict[str, str]:
    """The values PEP 508 markers ask about, for this interpreter and system; no extra is chosen."""
    return {"sys_platform": sys.platform, "platform_system": platform.system(), "os_name": os.name,
            "platform_machine": platform.machine(), "python_version": ".".join(platform.python_version_tuple()[:2]),
            "python_full_version": platform.python_version(), "implementation_name": sys.implementation.name,
            "platform_python_implementation": platform.python_implementation(),
            "platform_release": platform.release(), "extra": ""}


def _version(text: str) -> tuple[int, ...] | None:
    found = re.match(r"\d+(?:\.\d+)*", text)
    return tuple(int(n) for n in found.group().split(".")) if found else None


def marker_holds(marker: str, env: dict[str, str]) -> bool:
    """Whether a PEP 508 environment marker holds in `env` (`extra` compares against no extra chosen)."""
    tokens: list[str] = [str(t).strip() for t in _TOKEN.findall(marker)]
    position = 0

    def peek() -> str:
        return tokens[position] if position < len(tokens) else ""

    def take() -> str:
        nonlocal position
        position += 1
        return tokens[position - 1]

    def value(token: str) -> str:
        return token[1:-1] if token[:1] in "'\"" else str(env.get(token, ""))

    def atom() -> bool:
        if peek() == "(":
            take()
            result = either()
            take()
            return result
        left, op, right = value(take()), re.sub(r"\s+", " ", take()), value(take())
        return _compare(op, left, right)

    def both() -> bool:
        result = atom()
        while peek() == "and":
            take()
            result = atom() and result
        return result

    def either() -> bool:
        result = both()
        while peek() == "or":
            take()
            result = both() or result
        return result

    return either()


def runtime_requirements(distribution: str = DISTRIBUTION, env: dict[str, str] | None = None) -> list[str]:
    """The names of what `distribution` needs to run here: its requirements without an extra, whose
    markers hold on this platform. Empty when the distribution's metadata is not installed."""
    try:
        requires = metadata.requires(distribution) or []
    except metadata.PackageNotFoundError:
        return []
    chosen = env or environment()
    names = []
    for line in requires:
        requirement, _, marker = line.partition(";")
        found = _NAME.match(requirement)
        if found and (not marker.strip() or marker_holds(marker, chosen)):
            names.append(found.group(1))
    return names


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    values = meta.get_all(key) or []
    return str(values[0]).strip() if values else ""


def licence_of(meta: metadata.PackageMetadata) -> str | Message:
    """A distribution's licence: its SPDX expression, else a short License field, else its classifiers."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License")
    if field and "\n" not in field and len(field) <= 80:
        return field
    classifiers = [str(c).split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if str(c).startswith("License ::")]
    return ", ".join(classifiers) if classifiers else NOT_STATED


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def installed_parts(distribution: str = DISTRIBUTION) -> list[Part]:
    """Each runtime requirement of `distribution` with its version and licence, then what they bring in
    (each once, by name)."""
    env = environment()
    seen: set[str] = {_key(distribution)}
    parts: list[Part] = []

    def visit(names: Iterable[str], direct: bool) -> list[str]:
        found = []
        for name in names:
            if _key(name) in seen:
                continue
            seen.add(_key(name))
            try:
                dist = metadata.distribution(name)
            except metadata.PackageNotFoundError:
                continue
            meta = dist.metadata
            parts.append(Part(name, dist.version, licence_of(meta), direct=direct))
            found.append(name)
        return found

    level = visit(runtime_requirements(distribution, env), True)
    while level:
        level = visit([n for name in level for n in runtime_requirements(name, env)], False)
    direct = sorted((p for p in parts if p.direct), key=lambda p: _key(p.name))
    brought = sorted((p for p in parts if not p.direct), key=lambda p: _key(p.name))
    return direct + brought


def bundled_parts(font_licence: str, qt_version: str) -> list[Part]:
    """The parts no package names: Qt's libraries, Python itself, the bundled font, the name readings."""
    return [Part("Qt", qt_version, "LGPL-3.0-only", QT_NOTE),
            Part("Python", platform.python_version(), "PSF-2.0"),
            Part(str(FONT_PART), "", "BSD-3-Clause, M+ FONTS, Sazanami", FONT_NOTE(file=font_licence)),
            Part(str(NAMES_PART), "", "CC-BY-SA-4.0", NAMES_NOTE)]
