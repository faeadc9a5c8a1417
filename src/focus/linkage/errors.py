"""The errors of linkage: ``FocusError`` subclasses whose messages say what to do next::

FocusError
└── LinkageError            a linkage run, its settings, the review decisions or the truth file
    └── SparkUnavailable    ``--engine spark`` was asked for, but Spark cannot start here
"""

from __future__ import annotations

from focus.errors import FocusError


class LinkageError(FocusError):
    """Linkage could not run, or was given something it cannot use."""


class SparkUnavailable(LinkageError):  # noqa: N818 - reads as what the analyst meets
    """The Spark engine was asked for but pyspark or Java is missing."""
