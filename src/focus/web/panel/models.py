"""The multi-agency eligibility panel: meetings, their agendas, decisions and dissent."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from focus.web.common.models import Stamped
from focus.web.governance.kinds import Kind
from focus.web.governance.models import SharedData
from focus.web.governance.queryset import SharedDataQuerySet


class Meeting(Stamped):
    held_on = models.DateField("Date")
    starts_at = models.TimeField("Start time", null=True, blank=True)
    title = models.CharField(max_length=200, default="Eligibility panel")
    location = models.CharField(max_length=200, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="meetings_chaired",
        help_text="The named chair decides when the panel cannot agree.",
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="meetings_attended"
    )

    class Meta:
        ordering = ("-held_on", "-pk")

    def __str__(self) -> str:
        return f"{self.title}, {self.held_on:%d %B %Y}"


class Reason(models.TextChoices):
    NEW = "new", "New case"
    DEFERRED = "deferred", "Deferred at an earlier panel"
    REVIEW = "review", "Review due (over three months)"
    CHOSEN = "chosen", "Chosen for discussion"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    position = models.PositiveIntegerField()
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    added_on = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("position",)
        constraints = (
            models.UniqueConstraint(fields=("meeting", "person"), name="once_per_agenda"),
        )


class Outcome(models.TextChoices):
    INCLUDE = "include", "Include"
    EXCLUDE = "exclude", "Exclude"
    DEFER = "defer", "Defer"


class ExclusionReason(models.TextChoices):
    CUSTODY = "custody", "Unavailable: in or about to enter custody"
    LEFT_AREA = "left_area", "Unavailable: has left the area"
    UNSUITABLE_NOW = "unsuitable_now", "Unsuitable for now (for example, drug needs first)"
    NEEDS_NOT_MET = "needs_not_met", "Has needs that the intervention cannot meet"
    DESISTING = "desisting", "Already desisting"
    OTHER = "other", "Other"


class Decision(SharedData, Stamped):
    """A panel's decision on one person. ``by_protocol``: the panel could not agree, the chair
    decided."""

    KIND = Kind.DECISIONS
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="decisions")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    exclusion_reason = models.CharField(max_length=20, choices=ExclusionReason.choices, blank=True)
    note = models.TextField(blank=True)
    by_protocol = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    objects = SharedDataQuerySet.as_manager()

    class Meta:
        ordering = ("-meeting__held_on", "-pk")
        constraints = (
            models.UniqueConstraint(fields=("meeting", "person"), name="one_decision_per_meeting"),
        )

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.meeting})"

    @property
    def summary(self) -> str:
        text = self.get_outcome_display()
        if self.outcome == Outcome.EXCLUDE and self.exclusion_reason:
            text += f": {self.get_exclusion_reason_display()}"
        return text


class Dissent(models.Model):
    """An agency that did not agree with a decision, and why."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="dissents")
    agency = models.ForeignKey("governance.Agency", on_delete=models.PROTECT, related_name="+")
    note = models.TextField()

    class Meta:
        ordering = ("agency__name",)
