"""Blocks onto pages: headings stay with what they head, groups stay together, tall blocks are cut
between lines, and a section that carries on says so."""

from __future__ import annotations

from stakewatch.pdf.flow import Block, paginate, slices

ROOM = 100.0


def plan(blocks: list[Block], sizes: list[float], cut=None):  # type: ignore[no-untyped-def]
    pages = paginate(blocks, lambda index: sizes[index], ROOM,
                     cut or (lambda index, first: slices([(n * 10.0, n * 10.0 + 10) for n in range(
                         int(sizes[index] // 10))], sizes[index], ROOM, first)),
                     lambda markup: 12.0)
    return [[(piece.block, piece.markup or None, piece.top, piece.bottom) for piece in page] for page in pages]


def test_a_heading_at_a_pages_foot_goes_over_with_its_entry_and_the_section_says_it_carries_on():
    heading = Block("<h3>Statements</h3>", keep_with_next=True, before=0, after=0)
    entry = Block("entry", continued="<h3>Statements (continued)</h3>", before=0, after=0)
    pages = plan([entry, entry, heading, entry, entry, entry], [40, 40, 10, 30, 40, 40])
    assert [[b for b, *_ in page] for page in pages] == [[0, 1], [2, 3, 4], [-1, 5]]
    assert pages[2][0][1] == "<h3>Statements (continued)</h3>"


def test_a_group_that_fits_a_page_goes_over_whole_and_a_longer_one_breaks_between_its_members():
    alone = Block("x", before=0, after=0)
    member = Block("m", group=1, before=0, after=0)
    other = Block("o", group=2, before=0, after=0)
    pages = plan([alone, member, member, member, other, other, other, other, other], [50, 20, 20, 20,
                                                                                     30, 30, 30, 30, 30])
    assert [[b for b, *_ in page] for page in pages] == [[0], [1, 2, 3, 4], [5, 6, 7], [8]]  # 1 whole, 2 not


def test_a_block_taller_than_a_page_is_cut_between_its_lines_after_the_headings_above_it():
    heading = Block("<h1>Flagged</h1>", keep_with_next=True, before=0, after=0)
    tall = Block("note", before=0, after=0)
    pages = plan([heading, tall], [20, 250])
    assert pages[0][0][0] == 0 and pages[0][1][:1] == (1,)
    cuts = [(top, bottom) for page in pages for block, _m, top, bottom in page if block == 1]
    assert cuts[0][0] == 0 and cuts[-1][1] == 250 and all(b - t <= ROOM for t, b in cuts[1:])
    assert all(a[1] == b[0] and a[1] % 10 == 0 for a, b in zip(cuts, cuts[1:], strict=False))  # between lines
    assert cuts[0][1] <= ROOM - 20  # the first part fits under the heading
