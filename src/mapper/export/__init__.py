"""Exports of a journey map: a PDF drawn from the shared layout (pure Python, no Qt)."""

from mapper.export.errors import ExportError
from mapper.export.options import PdfOptions
from mapper.export.pdf import PdfResult, export_pdf, render_pdf

__all__ = ["ExportError", "PdfOptions", "PdfResult", "export_pdf", "render_pdf"]
