"""Stable, short, readable ids for new entities."""

from __future__ import annotations

import uuid


def new_id(prefix: str) -> str:
    """E.g. ``card-3f9c2a1b``; random, so ids from two machines do not collide."""
    return f"{prefix}-{uuid.uuid4().hex[:10]}"
