"""Choosing the agreement that covers a piece of data as it is published or written."""

from __future__ import annotations

from django.utils import timezone

from focus.web.governance.models import Agency, Agreement


class AgreementFinder:
    """The agreement in force for (agency, kind): ``None`` keeps the data within its agency."""

    def __init__(self) -> None:
        today = timezone.localdate()
        self._agreements = [
            agreement
            for agreement in Agreement.objects.select_related("from_agency")
            if agreement.in_force(today)
        ]
        self._cache: dict[tuple[int | None, str], Agreement | None] = {}

    def for_source(self, agency: Agency, kind: str) -> Agreement | None:
        """Data that came from ``agency`` (published from the lake)."""
        key = (agency.pk, kind)
        if key not in self._cache:
            self._cache[key] = next(
                (a for a in self._agreements if a.from_agency_id == agency.pk and a.covers(kind)),
                None,
            )
        return self._cache[key]

    def for_programme(self, kind: str) -> Agreement | None:
        """Data that programme partners write in Focus."""
        key = (None, kind)
        if key not in self._cache:
            self._cache[key] = next(
                (a for a in self._agreements if a.from_agency_id is None and a.covers(kind)),
                None,
            )
        return self._cache[key]
