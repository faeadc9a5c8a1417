"""The kinds of personal data that Focus holds: what the role matrix and agreements speak of."""

from __future__ import annotations

from django.db import models


class Kind(models.TextChoices):
    IDENTITY = "identity", "Identity"
    ELIGIBILITY = "eligibility", "Eligibility evidence"
    OFFENDING = "offending", "Offending"
    VICTIMISATION = "victimisation", "Victimisation"
    SAFEGUARDING = "safeguarding", "Missing episodes"
    INTELLIGENCE = "intelligence", "Police intelligence"
    MARKERS = "markers", "Markers and deconfliction"
    NETWORK = "network", "Network position"
    PARTNER = "partner", "Partner information"
    BACKGROUND = "background", "Background"
    APPROACH = "approach", "Approach strategy"
    DECISIONS = "decisions", "Panel decisions"


ALL_KINDS = frozenset(Kind)
