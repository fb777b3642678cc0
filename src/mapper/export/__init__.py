"""Exports of a journey map: a PDF drawn from the shared layout (pure Python, no Qt).

The names below load on first use, so ``mapper.cli.export`` (imported whenever the
command line builds its parser) does not pull in reportlab for other commands.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mapper.export.errors import ExportError
    from mapper.export.options import PdfOptions
    from mapper.export.pdf.render import PdfResult, export_pdf, render_pdf

_WHERE = {
    "ExportError": "mapper.export.errors",
    "PdfOptions": "mapper.export.options",
    "PdfResult": "mapper.export.pdf.render",
    "export_pdf": "mapper.export.pdf.render",
    "render_pdf": "mapper.export.pdf.render",
}

__all__ = ["ExportError", "PdfOptions", "PdfResult", "export_pdf", "render_pdf"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'mapper.export' has no attribute {name!r}")
