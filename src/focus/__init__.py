"""Focus: data, case management and evaluation for focused deterrence programmes."""

from __future__ import annotations

__version__ = "0.1.0"
