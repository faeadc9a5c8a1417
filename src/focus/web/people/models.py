"""The people published for the panel, and everything known about each, with its agency.

``Record`` holds what publishing copied from the lake (identity, eligibility evidence, offending,
victimisation, missing episodes, intelligence, markers, network position, partner information):
one table, so one filter scopes lists, search, counts and exports alike. What people write in
Focus (background, approach strategy, deconfliction flags) has a model each.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models

from focus.web.common.models import Stamped
from focus.web.governance.kinds import Kind
from focus.web.governance.models import SharedData
from focus.web.governance.queryset import SharedDataQuerySet
from focus.web.people.queryset import PersonQuerySet

REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: refs are read aloud


def new_ref() -> str:
    """A reference that cannot be guessed from another: FD- and eight random characters."""
    return "FD-" + "".join(secrets.choice(REF_ALPHABET) for _ in range(8))


class Status(models.TextChoices):
    NEW = "new", "New"
    INCLUDED = "included", "Included"
    EXCLUDED = "excluded", "Excluded"
    DEFERRED = "deferred", "Deferred"


class Person(models.Model):
    """A candidate published from an identification run. ``person_id`` is the lake's id."""

    person_id = models.CharField(max_length=200, unique=True)
    ref = models.CharField(max_length=12, unique=True, default=new_ref, editable=False)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    last_decision_on = models.DateField(null=True, blank=True, db_index=True)
    first_published_on = models.DateTimeField(auto_now_add=True)
    run_id = models.CharField(max_length=60, help_text="The run that last published them.")

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ("ref",)
        verbose_name_plural = "people"
        indexes = (models.Index(fields=("status", "last_decision_on")),)

    def __str__(self) -> str:
        return self.ref


class Record(SharedData):
    """One piece of data from the lake about a person (see the module docs)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="records")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    source = models.CharField(max_length=63)
    reference = models.CharField(max_length=200)
    occurred_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    title = models.CharField(max_length=300)
    details = models.JSONField(default=dict, blank=True)
    search_text = models.TextField(blank=True)
    run_id = models.CharField(max_length=60)

    objects = SharedDataQuerySet.as_manager()

    class Meta:
        ordering = ("-occurred_on", "kind", "pk")
        constraints = (
            models.UniqueConstraint(
                fields=("person", "kind", "source", "reference", "title"), name="one_record"
            ),
        )
        indexes = (
            models.Index(fields=("person", "kind")),
            models.Index(fields=("kind", "agency")),
        )

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class Topic(models.TextChoices):
    FAMILY = "family", "Family"
    SCHOOL = "school", "School or work"
    INTERESTS = "interests", "Interests"
    NEEDS = "needs", "Needs"
    PEERS = "peers", "Friends and peers"
    OTHER = "other", "Other"


class Background(SharedData, Stamped):
    """What panel members and caseworkers know of the person's life (Implementation I)."""

    KIND = Kind.BACKGROUND
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="background")
    topic = models.CharField(max_length=20, choices=Topic.choices)
    text = models.TextField()

    objects = SharedDataQuerySet.as_manager()

    class Meta:
        ordering = ("topic", "-created_on")


class ApproachStrategy(SharedData, Stamped):
    """How to approach the person (Implementation IV): one per person, kept up to date."""

    KIND = Kind.APPROACH
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="approach")
    when_where = models.TextField("When and where to find them", blank=True)
    risks_to_person = models.TextField("Safeguarding risks to them", blank=True)
    risks_to_family = models.TextField("Safeguarding risks to their family", blank=True)
    risks_to_team = models.TextField("Risks to the team", blank=True)
    listening_factors = models.TextField(
        "What will affect whether they listen and engage", blank=True
    )
    who_approaches = models.TextField("Who should approach them, and how", blank=True)

    objects = SharedDataQuerySet.as_manager()


class FlagKind(models.TextChoices):
    INTERVENTION = "intervention", "Other intervention"
    OPERATION = "operation", "Police operation"
    OTHER = "other", "Other"


class DeconflictionFlag(SharedData, Stamped):
    """Other work with the person that the programme must not cut across, and whom to call."""

    KIND = Kind.MARKERS
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="flags")
    flag_kind = models.CharField("Kind", max_length=20, choices=FlagKind.choices)
    description = models.TextField()
    contact_name = models.CharField("Who to contact", max_length=200)
    contact_details = models.CharField("How to contact them", max_length=300)
    is_active = models.BooleanField(default=True)

    objects = SharedDataQuerySet.as_manager()

    class Meta:
        ordering = ("-is_active", "-created_on")


class Allocation(models.Model):
    """A caseworker's caseload: the people they work with."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="allocations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="caseload"
    )
    active = models.BooleanField(default=True)
    allocated_on = models.DateTimeField(auto_now_add=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = (models.UniqueConstraint(fields=("person", "user"), name="one_allocation"),)
