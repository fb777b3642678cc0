"""Entry point: ``mapper [FILE]`` starts the editor, ``mapper COMMAND ...`` does a job."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from mapper import __version__
from mapper.cli.errors import report_unexpected
from mapper.cli.output import StreamError, flush_stdout, say, visible, visible_lines, write
from mapper.cli.qt_options import QtOptionError, split_qt_options
from mapper.gcpause import end_start_up_pause, pause_for_start_up

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with a one-line hint on usage errors (its default too), and
    shows the arguments it quotes (an unknown option, a bad value) with control
    characters escaped, like everything else the command prints."""

    def error(self, message: str) -> NoReturn:
        super().error(visible(message))

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            write(visible_lines(message), file or sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    # the commands load the file format, the model and the layout: see main()
    from mapper.cli import commands
    from mapper.cli.upgrade import add_upgrade_parser

    parser = _Parser(
        prog="mapper",
        description="Mapper: an offline editor for customer journey maps. "
        "Run 'mapper' or 'mapper FILE' to open the editor.",
        epilog="Run 'mapper COMMAND --help' for a command's options. Exit status: 0 when it "
        "worked, 1 when it failed (each problem on stderr), 2 for a usage error.",
    )
    parser.add_argument("--version", action="version", version=f"mapper {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("open", help="open the editor (the default: 'mapper [FILE]')")
    p.add_argument("file", nargs="?", metavar="FILE", help="the .journey file to open")
    p.set_defaults(run=commands.run_gui)

    p = sub.add_parser("new", help="create a map from a template")
    p.add_argument("output", metavar="OUTPUT", help="the .journey file to write")
    p.add_argument(
        "--template", metavar="NAME",
        help=f"one of 'mapper templates' (default {commands.DEFAULT_TEMPLATE})",
    )  # fmt: skip
    p.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    p.set_defaults(run=commands.run_new)

    p = sub.add_parser("templates", help="list the templates, one a line")
    p.set_defaults(run=commands.run_templates)

    p = sub.add_parser("validate", help="check .journey files; exit 1 if any is invalid")
    p.add_argument("files", nargs="+", metavar="FILE", help="the .journey files to check")
    p.set_defaults(run=commands.run_validate)

    p = sub.add_parser("info", help="summarise a map")
    p.add_argument("file", metavar="FILE", help="the .journey file to summarise")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(run=commands.run_info)

    p = sub.add_parser("schema", help="print the JSON Schema of .journey files")
    p.set_defaults(run=commands.run_schema)

    add_upgrade_parser(sub)

    from mapper.cli.export_options import add_export_parser  # (the exporters load to export)

    add_export_parser(sub).set_defaults(run=commands.run_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        flush_stdout()
    except BrokenPipeError:  # the reader went away (``mapper info MAP | head -1``)
        _discard_stdout()
        return EXIT_FAILED
    except StreamError as exc:  # stdout closed or full: one line, if stderr can take it
        with contextlib.suppress(StreamError, OSError):
            say(f"mapper: {exc}", err=True)
        if exc.on_stdout:
            _discard_stdout()
        return EXIT_FAILED
    return code


def _discard_stdout() -> None:
    """Point standard output at the null device, so that Python's flush at exit finds
    nothing to complain about (what Python's documentation advises for a broken pipe)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # what the parser loads lives on: the collector waits, until the editor's first window
    # shows (see mapper.gcpause), or right after parsing for any other command
    pause_for_start_up()
    parser = build_parser()
    subcommands = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    try:
        qt_options, args_list = _editor_options(parser, args_list, subcommands)
        if not args_list or (args_list[0] not in subcommands and not args_list[0].startswith("-")):
            _check_not_a_misspelt_command(parser, args_list, subcommands)
            args_list.insert(0, "open")
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # --help, --version, usage errors
        end_start_up_pause()
        return int(exc.code or 0)
    args.qt_options = qt_options
    if args.command != "open":
        end_start_up_pause()
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        return 130
    except (BrokenPipeError, StreamError):
        raise  # see main()
    except Exception as exc:
        report_unexpected(exc)
        return EXIT_FAILED


def _check_not_a_misspelt_command(
    parser: argparse.ArgumentParser, args: list[str], commands: set[str]
) -> None:
    """``mapper exprot MAP -o MAP.pdf`` is a usage error that names the command meant, not
    the editor asked to open a file 'exprot' ('unrecognized arguments: MAP -o MAP.pdf')."""
    if not args or os.path.lexists(args[0]) or "." in args[0] or os.sep in args[0]:
        return
    import difflib

    close = difflib.get_close_matches(args[0], sorted(commands - {"open"}), n=1, cutoff=0.7)
    if close:
        parser.error(f"no command or file {args[0]!r} (did you mean '{close[0]}'?)")


def _editor_options(
    parser: argparse.ArgumentParser, args: list[str], commands: set[str]
) -> tuple[list[str], list[str]]:
    """Qt's own options (``mapper -style Fusion FILE``) set aside for the editor's window;
    the other commands show none, and keep their command lines as they are. A Qt option
    without its value is a usage error, as the parser says any."""
    if args and args[0] in commands and args[0] != "open":
        return [], args
    try:
        return split_qt_options(args)
    except QtOptionError as exc:
        parser.error(str(exc))


if __name__ == "__main__":
    raise SystemExit(main())
