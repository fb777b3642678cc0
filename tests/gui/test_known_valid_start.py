"""A map Mapper opened or saved before reaches its first frame without pydantic's model
machinery or the file schema: they load only for a file never seen, or changed since."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_start_up_imports import FIRST_FRAME

import mapper

SCHEMA = "mapper.fileformat.schema"


def _first_frame(path: Path, tmp_path: Path) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(mapper.__file__).parents[1]),
           "MAPPER_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    command = [sys.executable, "-c", FIRST_FRAME, str(path), str(tmp_path / "settings")]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_a_map_opened_before_starts_without_the_schema(tmp_path):
    path = tmp_path / "coffee.journey"
    example = Path(__file__).parents[2] / "examples" / "coffee-chain.journey"
    path.write_bytes(example.read_bytes())
    assert SCHEMA in _first_frame(path, tmp_path)  # never seen: validated
    assert SCHEMA not in _first_frame(path, tmp_path)  # known valid
    path.write_bytes(path.read_bytes().replace(b'"title": "', b'"title": "~', 1))
    assert SCHEMA in _first_frame(path, tmp_path)  # changed by someone else: validated again
    assert SCHEMA not in _first_frame(path, tmp_path)
