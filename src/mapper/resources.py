"""Where the bundled resources (templates, fonts, schema) live.

In a wheel they are inside the package (``mapper/resources``); in a source checkout or an
editable install they are the repository's top-level ``resources/`` folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _root(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Mapper's {name} folder is missing; reinstall Mapper")


def resources_dir() -> Path:
    return _root("resources")


def icons_dir() -> Path:
    return _root("icons")


def templates_dir() -> Path:
    return resources_dir() / "templates"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def examples_dir() -> Path | None:
    """The examples folder of a source checkout (not shipped in wheels)."""
    candidate = _PACKAGE_DIR.parents[1] / "examples"
    return candidate if candidate.is_dir() else None
