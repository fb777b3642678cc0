"""Counting the emotion curves' segments worked out while something runs (a curve works its
points and segments out when first painted or asked: an edit alone works out none)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import mapper.layout.emotion as emotion
import mapper.layout.geometry as geometry


@contextmanager
def segments_worked_out(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """While inside: how many segments each piece of a curve worked out held, in order."""
    worked: list[int] = []
    real = geometry.smooth_segments

    def counted(points: Any, indices: Any, tension: float = 1.0) -> Any:
        made = real(points, indices, tension)
        worked.append(len(made))
        return made

    with monkeypatch.context() as patched:
        patched.setattr(geometry, "smooth_segments", counted)
        patched.setattr(emotion, "smooth_segments", counted, raising=False)
        yield worked
