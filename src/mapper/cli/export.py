"""``mapper export FILE -o OUT.pdf``: the command line side of the exporters.

Imported whenever the CLI builds its parser, so it imports nothing heavy at module
level: reportlab loads only when an export really runs, and Qt never does.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mapper.cli.output import say
from mapper.cli.targets import cannot_write, output_problem
from mapper.export.pages import PAGE_SIZES

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


def _page(value: str) -> str:
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


def add_export_parser(sub: argparse._SubParsersAction) -> None:
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
        help=f"page size: {', '.join(PAGE_SIZES)} (default A4)",
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
    p.set_defaults(run=run_export)


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


def _fail(message: str, code: int = EXIT_FAILED, prefix: str = "mapper") -> int:
    say(f"{prefix}: {message}", err=True)
    return code


def run_export(args: argparse.Namespace) -> int:
    output = Path(args.output)
    fmt = FORMATS.get(output.suffix.lower())
    if fmt is None:
        shown = f"'{output.suffix}'" if output.suffix else "no extension"
        return _fail(
            f"{output}: unknown export format ({shown}); use OUT.pdf, OUT.png or OUT.svg",
            EXIT_USAGE,
        )
    problems = misapplied(args, args.output, fmt)
    if problems:
        for problem in problems:
            _fail(problem, prefix="mapper export")
        return EXIT_USAGE
    unwritable = output_problem(output)
    if unwritable:
        return _fail(unwritable)

    from mapper.export.errors import ExportError
    from mapper.export.options import PdfOptions
    from mapper.export.pdf.render import render_pdf
    from mapper.fileformat import JourneyFileError, load_journey
    from mapper.fileformat.io import write_atomic

    try:
        journey = load_journey(args.file)
    except JourneyFileError as exc:
        for line in exc.lines():
            say(line, err=True)
        return EXIT_FAILED
    if fmt in IMAGES:
        frame = args.title_legend is not False
        return _export_image(journey, output, fmt, args.dpi or DEFAULT_DPI, frame)
    if args.slides:
        return _export_slides(journey, output, bool(args.handout), args.page or DEFAULT_PAGE)
    persona_id = None
    if args.persona is not None:
        wanted = args.persona.strip().lower()
        matches = [p.id for p in journey.personas if wanted in (p.id.lower(), p.name.lower())]
        if not matches:
            names = ", ".join(p.name for p in journey.personas) or "none"
            return _fail(
                f"{args.file}: no persona {args.persona!r} (personas: {names})", EXIT_USAGE
            )
        persona_id = matches[0]
    options = PdfOptions(
        page=args.page or DEFAULT_PAGE,
        landscape=not args.portrait,
        tile=bool(args.tile),
        fit=bool(args.fit),
        tile_scale=args.tile_scale or DEFAULT_TILE_SCALE,
        report=args.report is not False,
        persona_id=persona_id,
        invariant=bool(args.invariant),
    )
    try:
        result = render_pdf(journey, options)
        write_atomic(output, result.data)
    except ExportError as exc:
        return _fail(f"{output}: {exc}")
    except OSError as exc:
        return _fail(cannot_write(output, exc))
    for warning in result.warnings:
        say(f"mapper: warning: {warning}", err=True)
    pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
    say(f"wrote {output} ({pages})")
    return EXIT_OK


def _export_image(journey, output: Path, fmt: str, dpi: float, title_legend: bool) -> int:
    from mapper.export.errors import ExportError
    from mapper.export.glyphs import missing_glyph_warning
    from mapper.export.image import render_png, render_svg
    from mapper.fileformat.io import write_atomic

    try:
        if fmt == PNG:
            data = render_png(journey, dpi, title_legend)
        else:
            data = render_svg(journey, title_legend)
        write_atomic(output, data)
    except ExportError as exc:
        return _fail(f"{output}: {exc}")
    except OSError as exc:
        return _fail(cannot_write(output, exc))
    glyphs = missing_glyph_warning(journey, embeddable_only=False)  # Qt may use colour fonts
    if glyphs:
        say(f"mapper: warning: {glyphs}", err=True)
    say(f"wrote {output}")
    return EXIT_OK


def _export_slides(journey, output: Path, handout: bool, page: str) -> int:
    from mapper.fileformat.io import write_atomic
    from mapper.present.slides import render_slides

    try:
        data, count = render_slides(journey, handout, page)
        write_atomic(output, data)
    except OSError as exc:
        return _fail(cannot_write(output, exc))
    pages = f"{count} page{'s' if count != 1 else ''}"
    say(f"wrote {output} ({pages})")
    return EXIT_OK
