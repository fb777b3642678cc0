"""The PDF export, drawn with reportlab from the shared layout (no Qt).

``render`` builds the document; the other modules draw its parts: the map (``map_painter``
with ``cards``, ``flows``, ``emotion``), its pages (``map_pages``, ``tiles``,
``title_block``, ``legend``) and the report (``report``, ``persona_pages``,
``touchpoints``, ``priorities``), on fast primitives (``draw``, ``ops``).
"""

from mapper.export.pdf.render import PdfResult, export_pdf, render_pdf

__all__ = ["PdfResult", "export_pdf", "render_pdf"]
