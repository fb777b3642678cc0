"""The subcommands. Each returns an exit code; problems go to stderr, results to stdout."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mapper.cli.output import json_safe, json_text, say, visible, write
from mapper.cli.qt_options import names_a_platform
from mapper.cli.targets import cannot_write, output_problem
from mapper.fileformat import JourneyFileError, load_journey, save_journey
from mapper.templates import DEFAULT_TEMPLATE, available_templates, find_template


def _fail(message: str, code: int = 1) -> int:
    say(f"mapper: {message}", err=True)
    return code


def run_gui(args: argparse.Namespace) -> int:
    qt_options = getattr(args, "qt_options", [])  # e.g. -style Fusion, for Qt itself
    if not has_screen() and not names_a_platform(qt_options):
        return _fail(
            "no screen to show the editor on (DISPLAY is not set); the commands work without "
            "one, e.g. 'mapper export MAP.journey -o MAP.pdf' (see 'mapper --help')"
        )
    from mapper.gcpause import pause_for_start_up

    pause_for_start_up()  # until the first window shows
    from mapper.ui.app import run_app  # Qt is only imported for the editor

    return run_app(args.file, qt_options)


def run_export(args: argparse.Namespace) -> int:
    from mapper.cli.export import run_export as export  # the exporters load to export

    return export(args)


def has_screen() -> bool:
    """Whether Qt can open windows here (Qt itself would abort the process if not)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_new(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix != ".journey":
        return _fail(f"{output}: the output should end in .journey", 2)
    if output.is_file() and not args.force:
        return _fail(f"{output}: already exists (use --force to overwrite)")
    unwritable = output_problem(output)
    if unwritable:
        return _fail(unwritable)
    try:
        template = find_template(DEFAULT_TEMPLATE if args.template is None else args.template)
    except LookupError as exc:
        return _fail(str(exc), 2)
    journey = template.load()
    try:
        save_journey(journey, output)
    except OSError as exc:
        return _fail(cannot_write(output, exc))
    say(f"created {output} from the {template.name!r} template")
    return 0


def run_templates(args: argparse.Namespace) -> int:
    for template in available_templates():
        say(f"{visible(template.name):<20} {template.description}")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        try:
            journey = load_journey(name)
        except JourneyFileError as exc:
            failed += 1
            for line in exc.lines():
                say(line, err=True)
        else:
            say(f"{name}: ok ({journey.card_count()} cards, {journey.flow_count()} flows)")
    return 1 if failed else 0


def run_info(args: argparse.Namespace) -> int:
    try:
        journey = load_journey(args.file)
    except JourneyFileError as exc:
        for line in exc.lines():
            say(line, err=True)
        return 1
    from mapper.cli.summary import format_summary, summarise  # (the editor never needs it)

    summary = summarise(journey)
    if args.json:
        write(json_text(summary) + "\n", sys.stdout)
    else:
        for line in format_summary(summary):
            say(line)
    return 0


def run_schema(args: argparse.Namespace) -> int:
    from mapper.fileformat.jsonschema import schema_text

    write(json_safe(schema_text()), sys.stdout)
    return 0
