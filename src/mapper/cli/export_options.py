"""``mapper export FILE -o OUT.pdf``: its options, and which output each applies to.

Imported whenever the CLI builds its parser, the editor's start (``mapper FILE``) among
them, so it imports nothing of the exporters: the command itself (``cli.export``), the
page sizes and reportlab load only when an export really runs, and Qt never does.
"""

from __future__ import annotations

import argparse

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PDF, PNG, SVG = "PDF", "PNG", "SVG"
FORMATS = {".pdf": PDF, ".png": PNG, ".svg": SVG}
IMAGES = {PNG, SVG}  # drawn by the canvas, with Qt

# Which outputs each option shapes: (flag, dest, formats). Any other use is a usage error,
# so a script never believes it printed a tiled poster when it got a PNG.
OPTIONS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("--page", "page", frozenset({PDF})),
    ("--portrait", "portrait", frozenset({PDF})),
    ("--fit", "fit", frozenset({PDF})),
    ("--tile", "tile", frozenset({PDF})),
    ("--tile-scale", "tile_scale", frozenset({PDF})),
    ("--persona", "persona", frozenset({PDF})),
    ("--no-report", "report", frozenset({PDF})),
    ("--dpi", "dpi", frozenset({PNG})),
    ("--no-title-legend", "title_legend", frozenset({PNG, SVG})),
    ("--invariant", "invariant", frozenset({PDF, PNG, SVG})),  # images always are
    ("--slides", "slides", frozenset({PDF})),
    ("--handout", "handout", frozenset({PDF})),
)
# What shapes the map's own PDF and means nothing for slides (drawn as present mode shows)
NOT_FOR_SLIDES = ("--portrait", "--fit", "--tile", "--tile-scale", "--persona", "--no-report",
                  "--invariant")  # fmt: skip
DEFAULT_PAGE, DEFAULT_TILE_SCALE, DEFAULT_DPI = "A4", 0.75, 192.0
DEFAULTS: dict[str, object] = {"page": DEFAULT_PAGE, "tile_scale": DEFAULT_TILE_SCALE,
                               "dpi": DEFAULT_DPI}  # fmt: skip


# the page sizes ``export.pages.PAGE_SIZES`` knows, named here for --help without loading it
PAGE_NAMES = ("A4", "A3", "Letter", "Tabloid")


def _page(value: str) -> str:
    from mapper.export.pages import PAGE_SIZES  # (an export is under way)

    for name in PAGE_SIZES:
        if name.lower() == value.lower():
            return name
    raise argparse.ArgumentTypeError(
        f"unknown page size {value!r} (choose from {', '.join(PAGE_SIZES)})"
    )


def _scale(value: str) -> float:
    try:
        scale = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.1 <= scale <= 4:
        raise argparse.ArgumentTypeError("the tile scale must be between 0.1 and 4 (or 10%..400%)")
    return scale


def _dpi(value: str) -> float:
    try:
        dpi = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 24 <= dpi <= 1200:
        raise argparse.ArgumentTypeError("the resolution must be 24..1200 dpi")
    return dpi


def add_export_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """The command's parser, its options added (what runs it is the caller's)."""
    p = sub.add_parser(
        "export",
        help="export a map as a PDF (the map, then a report), PNG or SVG",
        description="Export a journey map as a PDF: the map drawn as vectors (fitted on one "
        "page, or tiled over several for printing as a poster), then report pages: "
        "personas, touchpoints stage by stage, pain points and opportunities. With OUT.png "
        "or OUT.svg: the whole map as a picture or a vector drawing. An option that does "
        "not apply to the output's format is a usage error.",
    )
    p.add_argument("file", metavar="FILE", help="the .journey file to export")
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT",
        help="the file to write: .pdf, .png or .svg (PNG and SVG need Qt)",
    )  # fmt: skip
    p.add_argument(
        "--invariant",
        action="store_true",
        default=None,
        help="byte-for-byte reproducible output: no date (or SOURCE_DATE_EPOCH's if "
        "set) and a fixed document id in a PDF (PNG and SVG always are)",
    )
    pdf = p.add_argument_group("PDF only")
    pdf.add_argument(
        "--page",
        type=_page,
        metavar="SIZE",
        help=f"page size: {', '.join(PAGE_NAMES)} (default A4)",
    )
    pdf.add_argument(
        "--portrait", action="store_true", default=None, help="portrait pages (default landscape)"
    )
    fit = pdf.add_mutually_exclusive_group()
    fit.add_argument(
        "--fit",
        action="store_true",
        default=None,
        help="force the whole map onto one page, however small its text prints (by default a map "
        "too big to read on one page gets an overview page and readable detail pages)",
    )
    fit.add_argument(
        "--tile",
        action="store_true",
        default=None,
        help="the map over several pages, with overlap and crop marks, to print and tape together",
    )
    pdf.add_argument(
        "--tile-scale",
        type=_scale,
        metavar="SCALE",
        help="with --tile: points per map pixel, e.g. 0.75 or 75%% (default)",
    )
    pdf.add_argument(
        "--persona",
        metavar="NAME",
        help="whose emotions to show (name or id; default: the map's active persona, or "
        "the first shown one while it is hidden)",
    )
    pdf.add_argument(
        "--no-report",
        dest="report",
        action="store_false",
        default=None,
        help="only the map pages, no report pages",
    )
    slides = p.add_argument_group("Slides (PDF)")
    slides.add_argument(
        "--slides",
        action="store_true",
        default=None,
        help="the presentation instead of the map: every step present mode shows, as a 16:9 "
        "page each, drawn the same way",
    )
    slides.add_argument(
        "--handout",
        action="store_true",
        default=None,
        help="with --slides: three steps a page (A4, or --page) with room for notes",
    )
    png = p.add_argument_group("PNG only")
    png.add_argument(
        "--dpi",
        type=_dpi,
        metavar="DPI",
        help="resolution (96 = the canvas at 100%%; default 192)",
    )
    images = p.add_argument_group("PNG and SVG only")
    images.add_argument(
        "--no-title-legend",
        dest="title_legend",
        action="store_false",
        default=None,
        help="only the map: no title above it and no legend below it",
    )
    return p


def misapplied(args: argparse.Namespace, output: str, fmt: str) -> list[str]:
    """Why options given in ``args`` do not apply to an ``fmt`` output (empty: all do)."""
    problems = []
    for flag, dest, formats in OPTIONS:
        if getattr(args, dest) is not None and fmt not in formats:
            only = " and ".join(f for f in (PDF, PNG, SVG) if f in formats)
            problems.append(f"{flag} applies to {only} output only ({output} is {fmt})")
    if fmt == PDF and args.tile_scale is not None and not args.tile:
        problems.append("--tile-scale applies with --tile only (without it the map fits the page)")
    if fmt == PDF and args.handout and not args.slides:
        problems.append("--handout applies with --slides only")
    if fmt == PDF and args.slides:
        for flag, dest, _ in OPTIONS:
            if flag in NOT_FOR_SLIDES and getattr(args, dest) is not None:
                problems.append(f"{flag} does not apply to --slides")
        if args.page is not None and not args.handout:
            problems.append("--page applies to --handout only (slides are 16:9)")
    return problems
