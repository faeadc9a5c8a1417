"""The one filter that scopes personal data: lists, search, counts and exports all go through it."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.db.models import Q

from focus.web.governance.permissions import PersonScope, Scope, scope_of

M = TypeVar("M", bound=models.Model)


def person_filter(scope: Scope, prefix: str = "") -> Q | None:
    """The condition on people for ``scope`` (``None`` when no person is visible)."""
    if scope.people is PersonScope.ALL:
        return Q()
    if scope.people is PersonScope.CASELOAD:
        return Q(
            **{
                f"{prefix}allocations__user_id": scope.user_id,
                f"{prefix}allocations__active": True,
            }
        )
    return None


class SharedDataQuerySet(models.QuerySet[M]):
    """For models built on ``SharedData``: ``visible_to(user)`` applies all three rules."""

    def visible_to(self, user: Any) -> SharedDataQuerySet[M]:
        scope = scope_of(user)
        people = person_filter(scope, "person__")
        kind_field = any(field.name == "kind" for field in self.model._meta.get_fields())
        if people is None or not scope.kinds:
            return self.none()
        if kind_field:
            kinds = Q(kind__in=sorted(scope.kinds))
        elif getattr(self.model, "KIND", "") in scope.kinds:
            kinds = Q()
        else:
            return self.none()
        agency = Q(agreement_id__in=sorted(scope.agreement_ids))
        if scope.agency_id is not None:
            agency |= Q(agency_id=scope.agency_id)
        return self.filter(people & kinds & agency)
