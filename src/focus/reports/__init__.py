"""HTML and PDF rendering shared by the analytical modules: pages, tables, SVG charts, PDF.

Everything a report needs is in the page itself: no scripts, no fonts or styles from elsewhere,
charts as inline SVG with a title and a description for screen readers. PDFs are printed from the
same HTML (``write_pdf``).
"""

from __future__ import annotations

from focus.reports.html import Cell, html_table, page
from focus.reports.pdf import PdfUnavailable, html_to_pdf, pdf_engine, write_pdf

__all__ = [
    "Cell",
    "PdfUnavailable",
    "html_table",
    "html_to_pdf",
    "page",
    "pdf_engine",
    "write_pdf",
]
