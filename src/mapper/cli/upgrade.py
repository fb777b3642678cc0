"""``mapper upgrade FILE [-o OUT]``: rewrite a map in the current file format."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from mapper.cli.output import say
from mapper.cli.targets import cannot_write, output_problem
from mapper.fileformat import SCHEMA_VERSION, JourneyFileError, load_journey, save_journey
from mapper.fileformat.jsonparse import JsonProblem, parse_json_bytes
from mapper.paths import same_file


def add_upgrade_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "upgrade",
        help="rewrite a map in the current file format",
        description=(
            f"Rewrite FILE in the current file format (format {SCHEMA_VERSION}). Without -o the "
            "file is replaced atomically and the original is kept beside it as "
            "NAME.formatN.journey, which the older Mapper still opens. A file already in the "
            "current format is left as it is."
        ),
    )
    p.add_argument("file", metavar="FILE", help="the .journey file to upgrade")
    p.add_argument("-o", "--output", metavar="OUT", help="write the upgraded map to OUT instead")
    p.set_defaults(run=run_upgrade)


def run_upgrade(args: argparse.Namespace) -> int:
    source = Path(args.file)
    output = Path(args.output) if args.output else None
    if output is not None and output.suffix != ".journey":
        say(f"mapper: {output}: the output should end in .journey", err=True)
        return 2
    if output is not None and same_file(output, source):
        output = None  # in place after all: the original is kept as when -o is absent
    unwritable = output and output_problem(output)
    if unwritable:
        say(f"mapper: {unwritable}", err=True)
        return 1
    try:
        journey = load_journey(source)  # every problem of the file, or a valid map
        version = _declared_version(source)
    except JourneyFileError as exc:
        for line in exc.lines():
            say(line, err=True)
        return 1
    try:
        if output is not None:
            save_journey(journey, output)
            say(f"wrote {output} (format {SCHEMA_VERSION}, from format {version})")
            return 0
        if version == SCHEMA_VERSION:
            say(f"{source}: already in the current format ({SCHEMA_VERSION}); left as it is")
            return 0
        unwritable = output_problem(source)  # a read-only file, or its folder
        if unwritable:
            say(f"mapper: {unwritable}", err=True)
            return 1
        backup = _backup_name(source, version)
        shutil.copy2(source, backup)  # the original as it was, permissions and time too
        save_journey(journey, source)
    except OSError as exc:
        say(f"mapper: {cannot_write(output or source, exc)}", err=True)
        return 1
    say(f"{source}: upgraded from format {version} to {SCHEMA_VERSION}; the original is {backup}")
    return 0


def _declared_version(path: Path) -> int:
    """The file's own ``schema_version`` (the loader has checked it is a known one)."""
    try:
        data = parse_json_bytes(path.read_bytes())
    except JsonProblem as exc:  # changed since it was loaded a moment ago
        raise JourneyFileError(path, [exc.problem]) from None
    return int(data["schema_version"])


def _backup_name(path: Path, version: int) -> Path:
    """``NAME.format1.journey``, or ``NAME.format1-2.journey`` and so on if that is taken."""
    candidate = path.with_name(f"{path.stem}.format{version}.journey")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.format{version}-{number}.journey")
        number += 1
    return candidate
