"""The files the commands write (``new``, ``upgrade -o``, ``export -o``): why one cannot be
written, checked before any work is done, and said the same way by every command."""

from __future__ import annotations

import os
from pathlib import Path

from mapper.cli.output import reason


def output_problem(output: Path) -> str | None:
    """Why ``output`` cannot be written (``OUT: cannot write: ...``), or None."""
    try:
        return _problem(output)
    except OSError as exc:  # a folder on the way this user may not look into, ...
        return cannot_write(output, exc)


def cannot_write(output: Path, exc: OSError) -> str:
    """The message for a write of ``output`` that failed with ``exc``."""
    return f"{output}: cannot write: {reason(exc)}"


def _problem(output: Path) -> str | None:
    folder = output.parent if str(output.parent) else Path(".")
    if output.is_dir():
        return f"{output}: cannot write: it is a folder"
    if not folder.is_dir():
        return f"{output}: cannot write: the folder {folder} does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{output}: cannot write: permission denied"
    from mapper.fileformat.atomic import ReadOnlyFile, is_read_only

    if is_read_only(output):
        return cannot_write(output, ReadOnlyFile(output))
    return None
