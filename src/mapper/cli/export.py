"""``mapper export FILE -o OUT.pdf``: the command line side of the exporters (its options
are in ``cli.export_options``). Loaded when an export runs; reportlab loads with the PDF
export only, and Qt with PNG, SVG and slides only.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mapper.cli.export_options import (
    DEFAULT_DPI,
    DEFAULT_PAGE,
    DEFAULT_TILE_SCALE,
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    FORMATS,
    IMAGES,
    PNG,
    misapplied,
)
from mapper.cli.output import say
from mapper.cli.targets import cannot_write, output_problem


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
