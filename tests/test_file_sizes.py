"""No source file over 400 lines: a module past that size usually holds more than one job
(the architecture notes list how the big ones were split)."""

from __future__ import annotations

from pathlib import Path

import mapper

LIMIT = 400


def test_no_source_file_is_over_400_lines():
    package = Path(mapper.__file__).parent
    too_long = {
        str(path.relative_to(package)): lines
        for path in package.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert not too_long, f"over {LIMIT} lines: {too_long}"
