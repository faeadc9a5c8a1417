"""Printing an HTML report to PDF, offline, with whichever engine this machine has.

Engines, tried in this order (``FOCUS_PDF_ENGINE`` chooses one):

- ``weasyprint`` (PyPI): pure Python over the Pango text library, which Debian and Ubuntu images
  usually have (``apt-get install libpango-1.0-0 libpangoft2-1.0-0`` where they do not).
- ``chromium`` (``apt-get install chromium``): the browser printing the page, headless. Its path can
  be given in ``FOCUS_CHROMIUM``.

Neither fetches anything: reports carry their styles and charts inline.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from focus.errors import FocusError

ENGINES = ("weasyprint", "chromium")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_SECONDS = 180


class PdfUnavailable(FocusError):  # noqa: N818 - reads as what the analyst meets
    """No PDF engine works on this machine."""


def _chromium() -> str | None:
    chosen = os.environ.get("FOCUS_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).exists() else None
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def _weasyprint_works() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: Pango is missing
        return False
    return True


def pdf_engine() -> str | None:
    """The engine that ``write_pdf`` would use here, or ``None``."""
    wanted = os.environ.get("FOCUS_PDF_ENGINE")
    if wanted and wanted not in ENGINES:
        raise PdfUnavailable(f"FOCUS_PDF_ENGINE is {wanted!r}; use weasyprint or chromium.")
    order = (wanted,) if wanted else ENGINES
    for engine in order:
        if engine == "weasyprint" and _weasyprint_works():
            return engine
        if engine == "chromium" and _chromium() is not None:
            return engine
    return None


def _with_weasyprint(html_path: Path, pdf_path: Path) -> None:
    import weasyprint

    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)  # unsupported CSS is not the reader's problem
    try:
        weasyprint.HTML(filename=str(html_path)).write_pdf(str(pdf_path))
    finally:
        logger.setLevel(level)


OFFLINE_CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""Chromium without a sandbox (containers), a GPU, or any call home (also for browser tests)."""


def _with_chromium(html_path: Path, pdf_path: Path) -> None:
    binary = _chromium()
    if binary is None:  # pragma: no cover - pdf_engine checked
        raise PdfUnavailable("Chromium was not found.")
    # a profile of its own: a web server's user may have no writable home for the browser
    with tempfile.TemporaryDirectory(prefix="focus-chromium-") as profile:
        command = [
            binary,
            "--headless",
            *OFFLINE_CHROMIUM_FLAGS,
            "--no-pdf-header-footer",
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf_path}",
            html_path.resolve().as_uri(),
        ]
        try:
            completed = subprocess.run(  # noqa: S603 - a fixed command on a local file
                command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise PdfUnavailable(f"Chromium could not print {html_path.name}: {error}") from error
    if completed.returncode != 0 or not pdf_path.exists():
        raise PdfUnavailable(
            f"Chromium could not print {html_path.name} (exit {completed.returncode}): "
            f"{completed.stderr.decode(errors='replace')[-400:]}"
        )


def write_pdf(html_path: Path, pdf_path: Path, engine: str | None = None) -> str:
    """Print ``html_path`` to ``pdf_path``; returns the engine used."""
    chosen = engine or pdf_engine()
    if chosen is None:
        raise PdfUnavailable(
            "No PDF engine is available: install weasyprint (pip install weasyprint; it needs "
            "the Pango library) or Chromium (apt-get install chromium); meanwhile, open the "
            "page in a browser and print it from there."
        )
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    if chosen == "weasyprint":
        _with_weasyprint(html_path, pdf_path)
    elif chosen == "chromium":
        _with_chromium(html_path, pdf_path)
    else:
        raise PdfUnavailable(f"{chosen!r} is not a PDF engine; use weasyprint or chromium.")
    return chosen


def html_to_pdf(html: str, engine: str | None = None) -> bytes:
    """The PDF of a page given as HTML text (which carries its own styles)."""
    with tempfile.TemporaryDirectory(prefix="focus-pdf-") as folder:
        page, output = Path(folder) / "page.html", Path(folder) / "page.pdf"
        page.write_text(html, encoding="utf-8")
        write_pdf(page, output, engine)
        return output.read_bytes()
