"""The home page, the health check and the error pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from focus.web.governance.kinds import Kind
from focus.web.people.queryset import kind_counts


def home(request: HttpRequest) -> HttpResponse:
    counts = kind_counts(request.user)
    rows = [(kind.label, counts[kind.value]) for kind in Kind if counts.get(kind.value)]
    return render(request, "common/home.html", {"counts": rows})


@login_not_required
def healthz(request: HttpRequest) -> HttpResponse:  # noqa: ARG001
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:  # noqa: ARG001
    return render(request, "403_csrf.html", status=403)
