"""The panel: meetings, the agenda, decisions and minutes."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_POST

from focus.reports.pdf import PdfUnavailable, html_to_pdf
from focus.web.audit.chain import record as audit
from focus.web.panel import permissions as can
from focus.web.panel.forms import AddCaseForm, DecisionForm, DissentFormSet, MeetingForm
from focus.web.panel.models import Decision, Meeting, Reason
from focus.web.panel.queryset import add_case, agenda, build_agenda, reason_counts
from focus.web.panel.services import DissentEntry, record_decision
from focus.web.people.models import Person
from focus.web.people.queryset import display_name

STYLESHEET = Path(__file__).resolve().parents[1] / "static" / "focus" / "focus.css"


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    if not can.may_see_panel(request.user):
        raise PermissionDenied("Your role does not take part in the panel.")
    return get_object_or_404(Meeting.objects.select_related("chair"), pk=pk)


def meetings(request: HttpRequest) -> HttpResponse:
    if not can.may_see_panel(request.user):
        raise PermissionDenied("Your role does not take part in the panel.")
    today = timezone.localdate()
    context = {
        "upcoming": Meeting.objects.filter(held_on__gte=today)
        .order_by("held_on")
        .select_related("chair"),
        "past": Meeting.objects.filter(held_on__lt=today).select_related("chair")[:24],
        "may_schedule": can.may_schedule(request.user),
    }
    return render(request, "panel/meetings.html", context)


def meeting_new(request: HttpRequest) -> HttpResponse:
    if not can.may_schedule(request.user):
        raise PermissionDenied("Only the panel chair and the programme manager schedule meetings.")
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting.created_by = meeting.modified_by = request.user
        meeting.save()
        form.save_m2m()
        added = build_agenda(meeting, request.user)
        audit(request, "create", record=f"meeting:{meeting.pk}", fields=list(form.changed_data))
        messages.success(request, f"The meeting is scheduled; {added} case(s) are on its agenda.")
        return redirect("panel:agenda", pk=meeting.pk)
    return render(request, "panel/meeting_form.html", {"form": form})


def meeting_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    reason = request.GET.get("reason", "")
    text = request.GET.get("q", "").strip()[:200]
    undecided = request.GET.get("undecided") == "1"
    items = agenda(meeting, request.user, reason, text, undecided)
    page = Paginator(items, settings.FOCUS_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    people = {
        person.pk: person
        for person in Person.objects.filter(pk__in=[item.person_id for item in rows]).with_names(
            request.user
        )
    }
    decisions = {
        decision.person_id: decision
        for decision in Decision.objects.visible_to(request.user).filter(
            meeting=meeting, person_id__in=list(people)
        )
    }
    audit(
        request,
        "search" if text else "view",
        record=f"meeting:{meeting.pk} agenda",
        fields=["identity", "decisions"],
        details={"people": [people[item.person_id].ref for item in rows], "query": text},
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "meeting": meeting,
        "page": page,
        "rows": [
            (
                item,
                people[item.person_id],
                display_name(people[item.person_id]),
                decisions.get(item.person_id),
            )
            for item in rows
        ],
        "counts": reason_counts(meeting, request.user),
        "reasons": Reason.choices,
        "reason": reason,
        "q": text,
        "undecided": undecided,
        "query": query.urlencode(),
        "may_schedule": can.may_schedule(request.user),
        "may_choose": can.may_choose_cases(request.user),
        "may_decide": can.may_decide(request.user),
        "add_form": AddCaseForm(),
    }
    template = (
        "panel/_agenda_table.html" if request.headers.get("HX-Request") else "panel/agenda.html"
    )
    return render(request, template, context)


@require_POST
def refresh(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    if not can.may_schedule(request.user):
        raise PermissionDenied("Only the panel chair and the programme manager change the agenda.")
    added = build_agenda(meeting, request.user)
    audit(request, "change", record=f"meeting:{meeting.pk} agenda", details={"added": added})
    messages.success(request, f"{added} case(s) added to the agenda.")
    return redirect("panel:agenda", pk=meeting.pk)


@require_POST
def choose(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    if not can.may_choose_cases(request.user):
        raise PermissionDenied("Your role does not bring cases to the panel.")
    form = AddCaseForm(request.POST)
    person = None
    if form.is_valid():
        person = (
            Person.objects.visible_to(request.user)
            .filter(ref__iexact=form.cleaned_data["ref"].strip())
            .first()
        )
    if person is None:
        messages.error(request, "No person you may see has that reference.")
    elif add_case(meeting, person, request.user):
        audit(
            request,
            "change",
            person=person,
            record=f"meeting:{meeting.pk} agenda",
            fields=["agenda"],
        )
        messages.success(request, f"{person.ref} is on the agenda for discussion.")
    else:
        messages.info(request, f"{person.ref} is already on the agenda.")
    return redirect("panel:agenda", pk=meeting.pk)


def decide(request: HttpRequest, pk: int, ref: str) -> HttpResponse:
    meeting = _meeting(request, pk)
    if not can.may_decide(request.user):
        raise PermissionDenied("Only panel members and the chair record decisions.")
    person = (
        Person.objects.visible_to(request.user).filter(ref=ref).with_names(request.user).first()
    )
    if person is None or not meeting.items.filter(person=person).exists():
        raise PermissionDenied("This person is not on this meeting's agenda.")
    existing = Decision.objects.filter(meeting=meeting, person=person).first()
    initial = {}
    dissent_initial: list[dict[str, object]] = []
    if existing:
        initial = {
            "outcome": existing.outcome,
            "exclusion_reason": existing.exclusion_reason,
            "note": existing.note,
            "by_protocol": existing.by_protocol,
        }
        dissent_initial = [{"agency": d.agency_id, "note": d.note} for d in existing.dissents.all()]
    form = DecisionForm(request.POST or None, initial=initial)
    dissent = DissentFormSet(
        request.POST or None, initial=dissent_initial or None, prefix="dissent"
    )
    if request.method == "POST":
        valid = form.is_valid() and dissent.is_valid()
        if (
            valid
            and form.cleaned_data["by_protocol"]
            and not can.may_decide_by_protocol(request.user, meeting)
        ):
            form.add_error(
                "by_protocol",
                f"Under the protocol the named chair, {meeting.chair.display_name}, decides: "
                "ask them to record this decision.",
            )
            valid = False
        if valid:
            entries = [
                DissentEntry(row["agency"], row["note"].strip())
                for row in dissent.cleaned_data
                if row and row.get("agency")
            ]
            decision = record_decision(
                request,
                meeting,
                person,
                outcome=form.cleaned_data["outcome"],
                exclusion_reason=form.cleaned_data["exclusion_reason"],
                note=form.cleaned_data["note"].strip(),
                by_protocol=form.cleaned_data["by_protocol"],
                dissents=entries,
            )
            messages.success(request, f"Decision recorded for {person.ref}: {decision.summary}.")
            return redirect("panel:agenda", pk=meeting.pk)
    if request.method == "GET":
        audit(
            request,
            "view",
            person=person,
            record=f"meeting:{meeting.pk} decision form",
            fields=["identity", "decisions"],
        )
    context = {
        "meeting": meeting,
        "person": person,
        "name": display_name(person),
        "form": form,
        "dissent": dissent,
        "is_chair": request.user.pk == meeting.chair_id,
    }
    return render(request, "panel/decide.html", context)


def _minutes_context(request: HttpRequest, meeting: Meeting) -> dict[str, object]:
    items = list(agenda(meeting, request.user))
    people = {
        person.pk: person
        for person in Person.objects.filter(pk__in=[item.person_id for item in items]).with_names(
            request.user
        )
    }
    decisions = {
        decision.person_id: decision
        for decision in Decision.objects.visible_to(request.user)
        .filter(meeting=meeting)
        .select_related("decided_by")
        .prefetch_related("dissents__agency")
    }
    rows = [
        (
            item,
            people[item.person_id],
            display_name(people[item.person_id]),
            decisions.get(item.person_id),
        )
        for item in items
    ]
    return {
        "meeting": meeting,
        "rows": rows,
        "attendees": meeting.attendees.select_related("agency"),
        "printed_on": timezone.localtime(),
        "decided": sum(1 for row in rows if row[3] is not None),
    }


def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    context = _minutes_context(request, meeting)
    audit(
        request,
        "view",
        record=f"meeting:{meeting.pk} minutes",
        fields=["identity", "decisions"],
        details={"people": [row[1].ref for row in context["rows"]]},  # type: ignore[attr-defined]
    )
    return render(request, "panel/minutes.html", context)


def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    context = _minutes_context(request, meeting)
    context["inline_css"] = STYLESHEET.read_text(encoding="utf-8")
    html = render_to_string(
        "panel/minutes.html",
        {**context, "pdf": True, "base_template": "print_base.html"},
        request=request,
    )
    try:
        data = html_to_pdf(html)
    except PdfUnavailable as error:
        messages.error(request, str(error))
        return redirect("panel:minutes", pk=meeting.pk)
    audit(
        request,
        "export",
        record=f"meeting:{meeting.pk} minutes (PDF)",
        fields=["identity", "decisions"],
        details={"people": [row[1].ref for row in context["rows"]]},  # type: ignore[attr-defined]
    )
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="minutes-{meeting.held_on:%Y-%m-%d}.pdf"'
    )
    return response
