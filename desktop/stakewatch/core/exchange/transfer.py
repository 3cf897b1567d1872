"""Watchlist JSON and OPML in and out.

Parsing validates everything before anything is stored; a refusal names the
place (`sources[3].url: ...`). Fields Stakewatch does not know are kept and
written back on export. Pure functions except `import_file`/`export_file`,
which take a Store owned by the calling thread.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from ..model import UserError
from ..platform.atomic import write_atomically
from ..platform.os_words import os_reason
from ..store.database import Store
from .config import (
    _LONG_NUMBER,
    _OWN_EXPORT,
    FORMAT_VERSION,
    MAX_FILE,
    MAX_INTERVAL,
    MAX_OWN_FILE,
    Config,
    config_to_json,
    parse_config,
    parse_entity,
    parse_source,
    parse_watchlist,
)
from .fields import (
    AT_LINE,
    BAD_JSON,
    CANNOT_READ,
    CANNOT_WRITE,
    EXPORT_TITLE,
    IMPORT_TITLE,
    NOT_UTF8,
    TOO_BIG,
    TOO_DEEP,
    TOO_MANY_DIGITS,
    Refused,
    json_reason,
)

__all__ = ["Config", "Refused", "config_to_json", "export_file", "import_file", "parse_config", "parse_entity",
           "parse_source", "parse_watchlist", "read_config_file", "MAX_INTERVAL", "FORMAT_VERSION"]


# files ------------------------------------------------------------------------------------------

def read_config_file(path: Path, known_entities: Sequence[str] = ()) -> Config:
    """Parse a watchlist JSON or OPML file. Raises Refused or UserError; reads nothing else."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            with path.open("rb") as handle:
                own = _OWN_EXPORT.match(handle.read(200)) is not None
            if not own or size > MAX_OWN_FILE:
                limit = MAX_OWN_FILE if own else MAX_FILE
                raise Refused(str(path.name), TOO_BIG(mib=limit // 1024 // 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(IMPORT_TITLE, CANNOT_READ(file=str(path), error=os_reason(exc))) from exc
    head = data.lstrip()[:200].lower()
    if path.suffix.lower() in (".opml", ".xml") or head.startswith((b"<?xml", b"<opml")):
        from .opml import parse_opml

        return parse_opml(data)
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise Refused("", NOT_UTF8) from exc
    except json.JSONDecodeError as exc:
        raise Refused(str(AT_LINE(line=exc.lineno, column=exc.colno)), BAD_JSON(error=json_reason(exc))) from exc
    except RecursionError as exc:
        raise Refused("", TOO_DEEP) from exc
    except ValueError as exc:  # a number too long for Python to convert
        raise Refused(_place_of(data, _LONG_NUMBER), TOO_MANY_DIGITS) from exc
    return parse_config(document, known_entities)


def _place_of(data: bytes, pattern: re.Pattern[bytes]) -> str:
    """'line L column C' of the first match of `pattern` in `data`, or '' if none."""
    found = pattern.search(data)
    if found is None:
        return ""
    before = data[:found.start()]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    return f"line {line} column {column}"


def import_file(store: Store, path: Path) -> Config:
    """Validate then store a file's watchlists and sources in one transaction."""
    from ..store.credentials import check_import

    known = [e.name for w in store.watchlists() for e in w.entities]
    config = read_config_file(path, known)
    check_import(store, config.sources)
    store.apply_config(config.watchlists, config.sources)
    return config


def export_file(store: Store, path: Path) -> None:
    """Write the configuration as watchlist JSON, or as OPML when `path` ends in .opml."""
    if path.suffix.lower() == ".opml":
        from .opml import sources_to_opml

        text = sources_to_opml(store.sources())
    else:
        text = json.dumps(config_to_json(store.watchlists(), store.sources()),
                          ensure_ascii=False, separators=(",", ":")) + "\n"
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as exc:
        raise UserError(EXPORT_TITLE, CANNOT_WRITE(file=str(path), error=os_reason(exc))) from exc
