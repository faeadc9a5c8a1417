"""The agreements in force and the role matrix, for the DPO, administrators and anyone curious."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from focus.web.accounts.roles import Role, has_role
from focus.web.governance.kinds import Kind
from focus.web.governance.models import Agreement
from focus.web.governance.permissions import PERSON_SCOPE, ROLE_KINDS

READERS = frozenset({Role.DPO, Role.ADMINISTRATOR})


def agreements(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, READERS):
        raise PermissionDenied("Only the data protection officer and administrators see this.")
    items = Agreement.objects.select_related("from_agency").prefetch_related("shared_with")
    matrix = [
        (
            role.label,
            PERSON_SCOPE[role].value,
            [kind in ROLE_KINDS[role] for kind in Kind],
        )
        for role in Role
    ]
    return render(
        request,
        "governance/agreements.html",
        {"agreements": items, "kinds": list(Kind), "matrix": matrix},
    )
