"""What the user chose for a PDF export."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from mapper.export.pages import PAGE_SIZES


@dataclass(frozen=True)
class PdfOptions:
    """Options for :func:`mapper.export.export_pdf`.

    By default the map is fitted on one page when its smallest text still prints at
    ``min_text_size`` or more, else it gets an overview page and readable detail pages.
    ``fit`` forces the one page; ``tile`` prints the map over several pages at
    ``tile_scale`` points per map pixel, as a poster. ``invariant`` makes the output
    byte-for-byte reproducible (no date, or SOURCE_DATE_EPOCH's; a fixed document id) for
    tests, reviews and builds in git.
    """

    page: str = "A4"
    landscape: bool = True
    tile: bool = False
    fit: bool = False  # the whole map on one page even when its text gets too small to read
    report: bool = True
    persona_id: str | None = None  # whose emotions and pain points; default: the active one
    tile_scale: float = 0.75
    overlap: float = 18.0  # points printed twice on neighbouring tiles, for taping
    min_text_size: float = 6.0  # points: the smallest text a default export prints
    invariant: bool = False
    date: dt.date | None = None

    def __post_init__(self) -> None:
        if self.page not in PAGE_SIZES:
            names = ", ".join(PAGE_SIZES)
            raise ValueError(f"unknown page size {self.page!r} (choose from {names})")
        if not 0.1 <= self.tile_scale <= 4:
            raise ValueError(f"tile scale must be 0.1..4, not {self.tile_scale}")
        if not 0 <= self.overlap <= 72:
            raise ValueError(f"tile overlap must be 0..72 points, not {self.overlap}")

    def resolved_date(self) -> dt.date | None:
        """The date printed on the pages; None (no date at all) in invariant mode without
        SOURCE_DATE_EPOCH, rather than a made-up one."""
        if self.date is not None:
            return self.date
        if self.invariant:
            epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
            if epoch.isdigit():
                return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
            return None
        return dt.date.today()
