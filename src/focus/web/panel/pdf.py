"""Printing a page to PDF with headless chromium (Debian's package), when it is installed."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path


class PdfError(Exception):
    """No browser to print with, or it failed."""


CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)


def html_to_pdf(html: str, chromium: str, timeout: int = 60) -> bytes:
    if not chromium or not Path(chromium).exists():
        raise PdfError("No chromium is installed to print PDFs; print the page instead.")
    with tempfile.TemporaryDirectory(prefix="focus-pdf-") as folder:
        page, output = Path(folder) / "page.html", Path(folder) / "page.pdf"
        page.write_text(html, encoding="utf-8")
        try:
            subprocess.run(  # noqa: S603 - a fixed browser path and fixed flags
                [
                    chromium,
                    *CHROMIUM_FLAGS,
                    f"--user-data-dir={folder}/profile",
                    f"--print-to-pdf={output}",
                    page.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise PdfError(f"Chromium could not print the minutes: {error}") from error
        if not output.exists():
            raise PdfError("Chromium did not write the PDF.")
        return output.read_bytes()
