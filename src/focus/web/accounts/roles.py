"""The roles of Focus users. What each may see is in ``governance.permissions``."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    ANALYST = "analyst", "Analyst"
    PANEL_MEMBER = "panel_member", "Panel member"
    PANEL_CHAIR = "panel_chair", "Panel chair"
    CASEWORKER = "caseworker", "Caseworker"
    POLICE_LEAD = "police_lead", "Police lead"
    PROGRAMME_MANAGER = "programme_manager", "Programme manager"
    DPO = "dpo", "Data protection officer"
    ADMINISTRATOR = "administrator", "Administrator"


def has_role(user: object, roles: frozenset[Role] | set[Role]) -> bool:
    """Whether ``user`` is signed in, active, and holds one of ``roles``."""
    return bool(
        getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and getattr(user, "role", None) in roles
    )
