"""Turning feed text into plain text, and folding text for comparison.

Pure functions, any thread, never raise on any input string.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from html.parser import HTMLParser

log = logging.getLogger("stakewatch.text")

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "object", "svg"})
_BLOCK_TAGS = frozenset(
    {"br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
     "blockquote", "pre", "section", "article", "header", "footer", "ul", "ol", "table", "hr"}
)
# noncharacters (U+FDD0..U+FDEF and the last two code points of every plane) are not text: XML
# refuses U+FFFE and U+FFFF, and nothing legitimate sends any of them
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
                      r"\u2066-\u2069\ufeff\ud800-\udfff" + _NONCHARACTERS + "]")
_LINE_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029"
                           r"\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff" + _NONCHARACTERS + "]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff" + _NONCHARACTERS + "]")
_NOT_TEXT = re.compile("[\ud800-\udfff" + _NONCHARACTERS + "]")
_SPACES = re.compile(r"[ \t\r\n\u00a0\u3000\u2028\u2029]+")
_TAG_LIKE = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>")

# Besides white space, the characters that may separate the parts of a name:
# "Sora 2", "Sora-2", "サム・アルトマン".
DASHES = "-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fb\u00b7\uff65"
WORD_RUN = re.compile(r"[^\s" + re.escape(DASHES) + "]+")


def is_separator(char: str) -> bool:
    return char.isspace() or char in DASHES


def compact(folded: str) -> str:
    """`folded` without separators: the WORD_RUN pieces joined, several times faster."""
    joined = "".join(folded.split())
    for dash in DASHES:
        if dash in joined:
            joined = joined.replace(dash, "")
    return joined


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str, limit: int = 20_000) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, spaces collapsed.

    Text that still looks like a tag after decoding (double-encoded markup) is
    removed too, so what comes out can never be read as markup.
    """
    if not markup:
        return ""
    text = markup
    for _ in range(3):
        if "<" not in text and "&" not in text:
            break
        parser = _TextExtractor()
        try:
            parser.feed(text)
            parser.close()
        except Exception:  # html.parser is lenient, but never let a feed end a cycle
            log.warning("feed markup could not be parsed; tags stripped instead", exc_info=True)
            return plain(_TAG_LIKE.sub(" ", text), limit)
        decoded = "".join(parser.parts)
        if decoded == text:
            break
        text = decoded
        if not _TAG_LIKE.search(text):
            break
    return plain(_TAG_LIKE.sub(" ", text), limit)


def plain(text: str, limit: int = 20_000) -> str:
    """Control, bidi-override and lone surrogate characters removed, whitespace collapsed,
    length capped: text that can always be stored and shown."""
    cleaned = _SPACES.sub(" ", _CONTROL.sub("", text)).strip()
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 1].rstrip() + "\u2026"
    return cleaned


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (C0 controls but tab and line breaks, lone
    surrogates, U+FFFE, U+FFFF and the other noncharacters): what an XML writer may be given."""
    return _NOT_XML.sub("", text)


def not_text(text: str) -> bool:
    """True when `text` holds lone surrogates or noncharacters: parts of an item that are not text."""
    return _NOT_TEXT.search(text) is not None


def plain_lines(text: str) -> str:
    """Many lines safe for a terminal: each line as `plain_line` makes it, line breaks kept."""
    return "\n".join(plain_line(line) for line in text.split("\n"))


def plain_line(text: str) -> str:
    """One line safe for a terminal or a log: every control, bidi and lone surrogate character
    removed (escape sequences lose their ESC), tabs kept, nothing else changed."""
    return _LINE_CONTROL.sub("", text)


def has_control(text: str) -> bool:
    """True when `text` holds a control, bidi or lone surrogate character."""
    return _LINE_CONTROL.search(text.replace("\t", " ")) is not None


def fold(text: str) -> str:
    """NFKC + casefold: the form every comparison happens in."""
    return unicodedata.normalize("NFKC", text).casefold()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """`fold` character by character, with the index in `text` of every folded character.

    Used only to show matches in the original spelling; agrees with `fold`
    except for rare sequences that compose across characters.
    """
    out: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        folded = unicodedata.normalize("NFKC", char).casefold()
        if out and folded and unicodedata.combining(folded[0]):
            composed = unicodedata.normalize("NFC", out[-1] + folded)
            if len(composed) == 1:
                out[-1] = composed
                continue
        for piece in folded:
            out.append(piece)
            index.append(position)
    return "".join(out), index


def is_latin_alnum(char: str) -> bool:
    """A Latin letter or a digit: the characters a Latin alias may not touch."""
    if char.isascii():
        return char.isalnum()
    code = ord(char)
    if char.isdigit():
        return True
    return char.isalpha() and (code < 0x250 or 0x1E00 <= code <= 0x1EFF)


def char_class(char: str) -> str:
    """'latin', 'digit' or 'other': where a name may be split without a separator."""
    if char.isdigit():
        return "digit"
    if is_latin_alnum(char):
        return "latin"
    return "other"
