"""People: the list and search, the person file, single records, what partners add, and export.

Views stay thin: the queries are in ``queryset.py`` and ``files.py``, the rules in
``permissions.py`` and ``governance.permissions``; every view of personal data is audited.
"""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from focus.web.audit.chain import record as audit
from focus.web.common.exports import csv_text
from focus.web.governance.kinds import Kind
from focus.web.governance.permissions import scope_of
from focus.web.governance.queries import AgreementFinder
from focus.web.people.files import person_file
from focus.web.people.forms import (
    AllocateForm,
    ApproachForm,
    BackgroundForm,
    ExportForm,
    FlagForm,
    SearchForm,
)
from focus.web.people.models import (
    Allocation,
    ApproachStrategy,
    Background,
    DeconflictionFlag,
    Person,
    Record,
)
from focus.web.people.permissions import may_allocate, may_export, may_write
from focus.web.people.queryset import PersonQuerySet, display_name, record_counts


def _person(request: HttpRequest, ref: str) -> Person:
    """The person, if the user may see them; otherwise 403 (also for a reference that is unknown)."""
    person: Person | None = Person.objects.visible_to(request.user).filter(ref=ref).first()
    if person is None:
        audit(request, "denied", record=f"person:{ref}")
        raise PermissionDenied("This person is not in your caseload or your panel's cases.")
    return person


def _people(request: HttpRequest) -> tuple[SearchForm, PersonQuerySet]:
    form = SearchForm(request.GET or None)
    people = Person.objects.visible_to(request.user)
    if form.is_valid():
        people = people.search(request.user, form.cleaned_data["q"])
        if form.cleaned_data["status"]:
            people = people.filter(status=form.cleaned_data["status"])
    return form, people


def people_list(request: HttpRequest) -> HttpResponse:
    form, people = _people(request)
    page = Paginator(
        people.with_names(request.user).order_by("status", "ref"), settings.FOCUS_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    counts = record_counts(request.user, rows)
    text = form.cleaned_data.get("q", "") if form.is_valid() else ""
    audit(
        request,
        "search" if text else "view",
        record="people list",
        fields=["identity"],
        details={"people": [person.ref for person in rows], "query": text},
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": [(person, display_name(person), counts.get(person.pk, 0)) for person in rows],
        "query": query.urlencode(),
        "may_export": may_export(request.user),
    }
    template = (
        "people/_people_table.html" if request.headers.get("HX-Request") else "people/list.html"
    )
    return render(request, template, context)


def export(request: HttpRequest) -> HttpResponse:
    if not may_export(request.user):
        raise PermissionDenied("Your role does not export lists of people.")
    form = ExportForm(request.POST or None, initial=request.GET.dict())
    if request.method == "POST" and form.is_valid():
        search = SearchForm({"q": form.cleaned_data["q"], "status": form.cleaned_data["status"]})
        people = Person.objects.visible_to(request.user)
        if search.is_valid():
            people = people.search(request.user, search.cleaned_data["q"])
            if search.cleaned_data["status"]:
                people = people.filter(status=search.cleaned_data["status"])
        rows = list(people.with_names(request.user).order_by("ref"))
        counts = record_counts(request.user, rows)
        audit(
            request,
            "export",
            record="people list (CSV)",
            fields=["identity", "status"],
            reason=form.cleaned_data["reason"],
            details={"people": [person.ref for person in rows]},
        )
        body = csv_text(
            ("reference", "name", "status", "last decision", "records you may see"),
            (
                (
                    person.ref,
                    display_name(person),
                    person.get_status_display(),
                    person.last_decision_on or "",
                    counts.get(person.pk, 0),
                )
                for person in rows
            ),
        )
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="focus-people-{stamp}.csv"'
        return response
    return render(request, "people/export.html", {"form": form})


def file(request: HttpRequest, ref: str) -> HttpResponse:
    person = _person(request, ref)
    found = person_file(person, request.user)
    audit(
        request,
        "view",
        person=person,
        record="person file",
        fields=found.fields_shown,
        details={"records": found.record_ids},
    )
    meeting = request.GET.get("meeting", "")
    return render(
        request,
        "people/file.html",
        {"file": found, "person": person, "meeting": meeting if meeting.isdigit() else ""},
    )


def record_detail(request: HttpRequest, ref: str, pk: int) -> HttpResponse:
    person = _person(request, ref)
    item = get_object_or_404(
        Record.objects.select_related("agency", "agreement"), person=person, pk=pk
    )
    if not Record.objects.visible_to(request.user).filter(pk=item.pk).exists():
        audit(request, "denied", person=person, record=f"record:{item.pk}")
        raise PermissionDenied("This record is not shared with your role or your agency.")
    audit(
        request,
        "view",
        person=person,
        record=f"record:{item.pk}",
        fields=[item.kind, *sorted(item.details)],
    )
    return render(request, "people/record.html", {"person": person, "item": item})


def records(request: HttpRequest) -> HttpResponse:
    """Search every record the user may see, across people (by reference, name or words)."""
    scope = scope_of(request.user)
    text = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind", "")
    found = Record.objects.visible_to(request.user).select_related("person", "agency")
    if text:
        found = found.filter(search_text__contains=text.lower())
    if kind in Kind.values:
        found = found.filter(kind=kind)
    page = Paginator(found.order_by("-occurred_on", "pk"), settings.FOCUS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    audit(
        request,
        "search" if text else "view",
        record="records",
        fields=[kind] if kind else [],
        details={"query": text, "records": [item.pk for item in page.object_list]},
    )
    kinds = [(value, label) for value, label in Kind.choices if value in scope.kinds]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/records.html",
        {"page": page, "q": text, "kind": kind, "kinds": kinds, "query": query.urlencode()},
    )


def _stamp(item: object, request: HttpRequest, person: Person, kind: str) -> None:
    finder = AgreementFinder()
    item.person = person  # type: ignore[attr-defined]
    item.agency = request.user.agency  # type: ignore[attr-defined,union-attr]
    item.agreement = finder.for_programme(kind)  # type: ignore[attr-defined]
    item.created_by = request.user  # type: ignore[attr-defined]
    item.modified_by = request.user  # type: ignore[attr-defined]


def add_background(request: HttpRequest, ref: str) -> HttpResponse:
    person = _person(request, ref)
    if not may_write(request.user, Kind.BACKGROUND):
        raise PermissionDenied("Your role does not add background information.")
    form = BackgroundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item: Background = form.save(commit=False)
        _stamp(item, request, person, Kind.BACKGROUND)
        with transaction.atomic():
            item.save()
            audit(
                request,
                "create",
                person=person,
                record=f"background:{item.pk}",
                fields=["topic", "text"],
            )
        messages.success(request, "The background information has been added.")
        return redirect(f"/people/{person.ref}/#background")
    return render(
        request,
        "people/form.html",
        {"form": form, "person": person, "title": "Add background information"},
    )


def edit_approach(request: HttpRequest, ref: str) -> HttpResponse:
    person = _person(request, ref)
    if not may_write(request.user, Kind.APPROACH):
        raise PermissionDenied("Your role does not write approach strategies.")
    existing = ApproachStrategy.objects.filter(person=person).first()
    if (
        existing
        and not ApproachStrategy.objects.visible_to(request.user).filter(pk=existing.pk).exists()
    ):
        raise PermissionDenied("The approach strategy is not shared with your agency.")
    form = ApproachForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        item: ApproachStrategy = form.save(commit=False)
        if existing is None:
            _stamp(item, request, person, Kind.APPROACH)
        item.modified_by = request.user  # type: ignore[assignment]
        with transaction.atomic():
            item.save()
            audit(
                request,
                "create" if existing is None else "change",
                person=person,
                record=f"approach:{item.pk}",
                fields=form.changed_data,
            )
        messages.success(request, "The approach strategy has been saved.")
        return redirect(f"/people/{person.ref}/#approach")
    return render(
        request, "people/form.html", {"form": form, "person": person, "title": "Approach strategy"}
    )


def add_flag(request: HttpRequest, ref: str) -> HttpResponse:
    person = _person(request, ref)
    if not may_write(request.user, Kind.MARKERS):
        raise PermissionDenied("Your role does not add deconfliction flags.")
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item: DeconflictionFlag = form.save(commit=False)
        _stamp(item, request, person, Kind.MARKERS)
        with transaction.atomic():
            item.save()
            audit(
                request, "create", person=person, record=f"flag:{item.pk}", fields=list(form.fields)
            )
        messages.success(request, "The deconfliction flag has been added.")
        return redirect(f"/people/{person.ref}/#markers")
    return render(
        request,
        "people/form.html",
        {"form": form, "person": person, "title": "Add a deconfliction flag"},
    )


def allocate(request: HttpRequest, ref: str) -> HttpResponse:
    person = _person(request, ref)
    if not may_allocate(request.user):
        raise PermissionDenied("Your role does not allocate caseworkers.")
    form = AllocateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        caseworker = form.cleaned_data["caseworker"]
        with transaction.atomic():
            Allocation.objects.update_or_create(
                person=person,
                user=caseworker,
                defaults={"active": True, "allocated_by": cast("Any", request.user)},
            )
            audit(
                request,
                "change",
                person=person,
                record="allocation",
                fields=["caseworker"],
                details={"caseworker": caseworker.username},
            )
        messages.success(
            request, f"{caseworker.display_name} now has this person in their caseload."
        )
        return redirect(f"/people/{person.ref}/")
    return render(
        request,
        "people/form.html",
        {"form": form, "person": person, "title": "Allocate a caseworker"},
    )
