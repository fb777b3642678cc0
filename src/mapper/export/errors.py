"""What the exporters raise when they cannot do the job."""

from __future__ import annotations


class ExportError(Exception):
    """An export that could not be written; the message is meant for the user."""
