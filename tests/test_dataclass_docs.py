"""Every dataclass of the editor's core says what it is in a docstring of its own: without
one, ``dataclass`` writes one from the class's signature while the module loads (about
0.07 ms a class, paid before a map's first frame)."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import pytest

PACKAGES = ["model", "fileformat", "layout", "canvas", "edits", "commands"]
MODULES = ["mapper.document", "mapper.saving", "mapper.templates"]


def _modules() -> list[str]:
    names = list(MODULES)
    for package in PACKAGES:
        found = importlib.import_module(f"mapper.{package}")
        names += [m.name for m in pkgutil.iter_modules(found.__path__, f"{found.__name__}.")]
    return names


@pytest.mark.parametrize("name", _modules())
def test_dataclasses_have_their_own_docstrings(name):
    module = importlib.import_module(name)
    made_up = [
        key
        for key, value in vars(module).items()
        if isinstance(value, type)
        and dataclasses.is_dataclass(value)
        and value.__module__ == name
        and (value.__doc__ or "").startswith(f"{value.__name__}(")
    ]
    assert made_up == []
