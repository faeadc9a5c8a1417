"""The data protection officer's search of the log, and the chain check."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from focus.web.audit import chain
from focus.web.audit.forms import SearchForm
from focus.web.audit.permissions import may_search, may_verify
from focus.web.audit.queryset import search as search_events


def search(request: HttpRequest) -> HttpResponse:
    if not may_search(request.user):
        raise PermissionDenied("Only the data protection officer searches the audit log.")
    form = SearchForm(request.GET or None)
    page = None
    if form.is_bound and form.is_valid() and any(form.cleaned_data.values()):
        events = search_events(**form.cleaned_data)
        page = Paginator(events, 100).get_page(request.GET.get("page"))
        chain.record(
            request,
            "search",
            record="audit log",
            details={k: str(v) for k, v in form.cleaned_data.items() if v},
        )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "audit/search.html", {"form": form, "page": page, "query": query.urlencode()}
    )


def verify(request: HttpRequest) -> HttpResponse:
    if not may_verify(request.user):
        raise PermissionDenied("Only the data protection officer and administrators check the log.")
    result = chain.verify()
    return render(request, "audit/verify.html", {"result": result})
