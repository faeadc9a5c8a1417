"""The analyst's page of identification runs, with a button to publish each."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from focus.config import settings as focus_settings
from focus.errors import FocusError
from focus.identify.runs import RunStore
from focus.lake import Lake
from focus.web.publishing.models import Publication
from focus.web.publishing.permissions import may_publish
from focus.web.publishing.service import publish_run


def _store() -> tuple[Lake, RunStore]:
    home = focus_settings()
    return Lake(home.lake_dir), RunStore(home.home / "runs")


def runs(request: HttpRequest) -> HttpResponse:
    if not may_publish(request.user):
        raise PermissionDenied("Only analysts publish identification runs.")
    _, store = _store()
    published: dict[str, Publication] = {}
    for publication in Publication.objects.all():
        published.setdefault(publication.run_id, publication)
    items = [(run, published.get(run.run_id)) for run in reversed(store.list())]
    return render(request, "publishing/runs.html", {"runs": items})


@require_POST
def publish(request: HttpRequest, run_id: str) -> HttpResponse:
    if not may_publish(request.user):
        raise PermissionDenied("Only analysts publish identification runs.")
    lake, store = _store()
    try:
        result = publish_run(
            run_id, lake=lake, store=store, user=request.user, published_from="web"
        )
    except FocusError as error:
        messages.error(request, str(error))
    else:
        for line in result.lines():
            messages.success(request, line)
    return redirect("publishing:runs")
