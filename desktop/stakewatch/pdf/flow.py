"""A flow of typeset blocks onto pages: nothing printed twice, a heading never last on a page.

Each block is laid out on its own in one reused QTextDocument, so a page shows
whole blocks, each drawn once (a document cut by a clip rectangle leaves the
lines beyond the cut in the PDF's text, and a reader then sees them twice).
Blocks of one group (an entry with its quote or note) share a page where they
fit on one; a heading goes to the next page with what it heads; a section that
carries on onto a new page gets its heading again. A block taller than a page
is cut between its lines, and each page draws only its own lines.
Any thread that may paint on a QPdfWriter (a QGuiApplication must exist).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QTextDocument, QTextLine


@dataclass(frozen=True)
class Block:
    """A piece of the flow, typeset on its own: never split across pages unless taller than one."""

    markup: str
    keep_with_next: bool = False
    """A heading: never the last thing on a page; it moves to the next page with what it heads."""
    group: int = 0
    """Consecutive blocks of one group (not 0) go on one page where the group fits on one."""
    entries: int = 0
    """Alerts it lays out (their sum is checked against the briefing's total)."""
    continued: str = ""
    """What to repeat atop a page where its section carries on: its entity and section, "(continued)"."""
    new_page: bool = False
    drawn: float = 0.0
    """Not typeset but drawn (the chart): its height."""
    before: float = 6.0
    after: float = 2.0
    """Space above and below it (a block is typeset alone, so its margins are not its document's)."""


@dataclass(frozen=True)
class Piece:
    """What one page shows of one block: where (`y` from the content's top) and which slice of it."""

    block: int
    """Index into the flow's blocks, or -1 for a repeated heading (`markup`)."""
    y: float
    top: float = 0.0
    bottom: float | None = None
    """The slice [top, bottom) of a block taller than a page; None for the whole block."""
    markup: str = ""


class Typesetter:
    """One reused document that lays out one block at a time at the page's width."""

    def __init__(self, width: float, font: QFont, style: str) -> None:
        self.document = QTextDocument()
        self.document.setDefaultFont(font)
        self.document.setDefaultStyleSheet(style)
        self.document.setDocumentMargin(0)
        self.width = width
        self._heights: dict[str, float] = {}

    def set(self, markup: str) -> QTextDocument:
        self.document.setHtml(markup)
        self.document.setTextWidth(self.width)
        return self.document

    def height(self, markup: str) -> float:
        cached = self._heights.get(markup)
        if cached is None:
            cached = self._heights[markup] = float(self.set(markup).size().height())
        return cached

    def lines(self, markup: str) -> list[tuple[float, float]]:
        """Where the block's lines lie, top to bottom, as bands (the lines of a table row make one)."""
        spans = [(top, bottom) for _line, _origin, top, bottom in _lines(self.set(markup))]
        bands: list[tuple[float, float]] = []
        for top, bottom in sorted(spans):
            if bands and top < bands[-1][1]:
                bands[-1] = (bands[-1][0], max(bands[-1][1], bottom))
            else:
                bands.append((top, bottom))
        return bands


def _lines(document: QTextDocument) -> list[tuple[QTextLine, QPointF, float, float]]:
    """Every laid-out line of `document`: the line, its layout's origin, its top and bottom."""
    found = []
    layout = document.documentLayout()
    block = document.firstBlock()
    while block.isValid():
        text = block.layout()
        bounds = text.boundingRect()
        corner = layout.blockBoundingRect(block).topLeft()
        origin = QPointF(corner.x() - bounds.left(), corner.y() - bounds.top())
        for number in range(text.lineCount()):
            line = text.lineAt(number)
            found.append((line, origin, origin.y() + line.y(), origin.y() + line.y() + line.height()))
        block = block.next()
    return found


def slices(bands: Sequence[tuple[float, float]], height: float, room: float,
           first: float | None = None) -> list[tuple[float, float]]:
    """A block taller than a page cut between its lines into slices of at most `room` each, the first
    of at most `first` (what is left of the page it starts on); a line taller than that stays whole.
    Together they cover [0, height)."""
    cuts: list[tuple[float, float]] = []
    top = 0.0
    limit = room if first is None else first
    for index in range(1, len(bands)):
        if bands[index][1] - top > limit:
            cut = (bands[index - 1][1] + bands[index][0]) / 2
            if cut > top:
                cuts.append((top, cut))
                top = cut
                limit = room
    cuts.append((top, height))
    return cuts


def paginate(blocks: Sequence[Block], size: Callable[[int], float], room: float,
             cut: Callable[[int, float], list[tuple[float, float]]],
             heading_height: Callable[[str], float]) -> list[list[Piece]]:
    """Blocks onto pages of `room` height: a block stays whole unless taller than a page (then it is
    cut between lines), a group stays on one page where it fits on one, a heading goes with what follows
    it, and a section that carries on onto a new page gets its heading again."""
    pages: list[list[Piece]] = [[]]
    used = 0.0
    last: Block | None = None

    def gap(block: Block) -> float:
        """Space above `block`: none at a page's top."""
        return max(block.before, last.after) if pages[-1] and last is not None else 0.0

    def put(piece: Piece, block: Block, height: float) -> None:
        nonlocal used, last
        pages[-1].append(replace(piece, y=used))
        used += height
        last = block

    def turn(index: int) -> None:
        """Start a page before block `index`, taking along the headings at the foot of this one."""
        nonlocal used, last
        page = pages[-1]
        carried: list[Piece] = []
        while page and page[-1].block >= 0 and blocks[page[-1].block].keep_with_next:
            carried.insert(0, page.pop())
        if not page:  # the page held nothing but headings: they stay, moving them would not help
            page.extend(carried)
            carried = []
        pages.append([])
        used, last = 0.0, None
        if not carried and blocks[index].continued:
            repeated = Block(blocks[index].continued, before=0, after=4)
            put(Piece(-1, 0.0, markup=repeated.markup), repeated, heading_height(repeated.markup))
        for piece in carried:
            used += gap(blocks[piece.block])
            put(piece, blocks[piece.block], size(piece.block))

    def group_size(index: int) -> float:
        """The height of the group that starts at `index`, its inner spaces included."""
        group = blocks[index].group
        total = size(index)
        following = index + 1
        while following < len(blocks) and blocks[following].group == group:
            total += max(blocks[following].before, blocks[following - 1].after) + size(following)
            following += 1
        return total

    for index, block in enumerate(blocks):
        height = size(index)
        if block.new_page and pages[-1]:
            turn(index)
        starts_group = block.group and (index == 0 or blocks[index - 1].group != block.group)
        if starts_group and pages[-1] and used + gap(block) + group_size(index) > room >= group_size(index):
            turn(index)  # the whole group goes onto the next page
        if height > room:  # cut between lines; it starts where it is, after the headings above it
            pieces = cut(index, room - used - gap(block))
            if pages[-1] and pieces[0][1] - pieces[0][0] > room - used - gap(block):
                turn(index)  # not even its first lines fit here
                pieces = cut(index, room - used - gap(block))
            used += gap(block)
            for number, (top, bottom) in enumerate(pieces):
                if number:
                    pages.append([])
                    used, last = 0.0, None
                put(Piece(index, used, top, bottom), block, bottom - top)
            continue
        if pages[-1] and used + gap(block) + height > room:
            turn(index)
        used += gap(block)
        put(Piece(index, used), block, height)
    return [page for page in pages if page] or [[]]


def draw_piece(painter: QPainter, document: QTextDocument, piece: Piece, top: float) -> None:
    """A block's document at `top` on the page, or only the lines of the slice `piece` names (with the
    blocks' backgrounds): a line outside the slice is not drawn, so it is not in the page's text."""
    painter.save()
    painter.translate(0, top - piece.top)
    if piece.bottom is None:
        document.drawContents(painter)
    else:
        bottom = piece.bottom
        block = document.firstBlock()
        layout = document.documentLayout()
        while block.isValid():
            background = block.blockFormat().background()
            if background.style() != Qt.BrushStyle.NoBrush:
                area = layout.blockBoundingRect(block) & QRectF(0, piece.top, document.textWidth(), bottom - piece.top)
                if not area.isEmpty():
                    painter.fillRect(area, background)
            block = block.next()
        for line, origin, line_top, line_bottom in _lines(document):
            if piece.top <= (line_top + line_bottom) / 2 < bottom:
                line.draw(painter, origin)
    painter.restore()
