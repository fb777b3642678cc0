"""Properties of wrapping and eliding with the bundled font's metrics."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from layout_maps import TEXT

from mapper.layout.text import BOLD, ELLIPSIS, REGULAR, elide, font, text_width, wrap

SIZES = st.sampled_from([7.0, 9.0, 12.0, 14.0, 20.0])
EPS = 0.01


def _widths(size: float) -> st.SearchStrategy[float]:
    # at least two em wide: the widest glyph of DejaVu Sans is 1.74 em
    return st.floats(2 * size, 800, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(TEXT, SIZES, st.data(), st.integers(0, 5), st.booleans())
def test_wrapped_lines_fit_and_keep_the_words(text, size, data, max_lines, bold) -> None:
    width = data.draw(_widths(size))
    lines, elided = wrap(text, width, size, max_lines, bold)
    assert lines, "always at least one (maybe empty) line"
    for line in lines:
        assert text_width(line, size, bold) <= width + EPS, (line, width)
    if max_lines:
        assert len(lines) <= max_lines
    if not elided:
        # nothing lost: the same characters in the same order, only white space changed
        assert "".join("".join(lines).split()) == "".join(text.split())
    else:
        assert lines[-1].endswith(ELLIPSIS)
        assert max_lines and len(lines) == max_lines


@settings(max_examples=200, deadline=None)
@given(TEXT, SIZES, st.data())
def test_more_room_never_needs_more_lines(text, size, data) -> None:
    narrow = data.draw(_widths(size))
    wide = narrow + data.draw(st.floats(0, 400, allow_nan=False))
    assert len(wrap(text, wide, size)[0]) <= len(wrap(text, narrow, size)[0])


@settings(max_examples=200, deadline=None)
@given(TEXT, SIZES, st.data(), st.booleans())
def test_elide_fits_and_only_cuts_when_needed(text, size, data, bold) -> None:
    width = data.draw(_widths(size))
    short = elide(text, width, size, bold)
    assert text_width(short, size, bold) <= width + EPS
    if text_width(text, size, bold) <= width:
        assert short == text
    else:
        assert short.endswith(ELLIPSIS)
        assert text.startswith(short[: -len(ELLIPSIS)].rstrip())


def test_explicit_line_breaks_are_kept() -> None:
    assert wrap("one\ntwo", 500, 12)[0] == ("one", "two")


def test_a_word_longer_than_the_line_is_split() -> None:
    lines, elided = wrap("x" * 200, 60, 12)
    assert len(lines) > 1 and not elided
    assert "".join(lines) == "x" * 200


def test_elide_in_a_box_narrower_than_one_letter_and_the_ellipsis() -> None:
    short = elide("WWWWW", 14.0, 7.0, bold=True)
    assert short == ELLIPSIS
    assert text_width(short, 7.0, bold=True) <= 14.0


def test_no_room_at_all_still_ends() -> None:
    """A box of zero or negative width (a window not laid out yet, huge text in a small
    one) gets a letter a line instead of looping for ever."""
    for width in (0.0, -40.0):
        lines, _ = wrap("Pickup shelf chaos", width, 12, max_lines=2)
        assert len(lines) == 2
        assert wrap("ab", width, 12)[0] == ("a", "b")


@given(st.text(max_size=60) | TEXT, SIZES, st.booleans())
def test_a_width_is_the_advances_summed_in_order(text, size, bold) -> None:
    # what a line measures, exactly as each character's advance adds up (the ASCII table
    # and the per-character lookups give the same floats)
    metrics = font(BOLD if bold else REGULAR)
    expected = 0
    for ch in text:
        expected += metrics.advance(ch)
    assert metrics.width(text, size) == expected * size / 1000.0
    assert text_width(text, size, bold) == metrics.width(text, size)
