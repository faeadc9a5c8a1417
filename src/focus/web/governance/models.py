"""Agencies, data-sharing agreements, and the base of every piece of personal data.

Every piece of personal data carries the agency it came from and the agreement that lets it be
shown beyond that agency. Data with no agreement stays within its own agency.
"""

from __future__ import annotations

from datetime import date

from django.db import models

from focus.web.common.models import Stamped
from focus.web.governance.kinds import Kind


class AgencyKind(models.TextChoices):
    POLICE = "police", "Police"
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children's social care"
    YOUTH_JUSTICE = "youth_justice", "Youth justice"
    EDUCATION = "education", "Education"
    HEALTH = "health", "Health"
    VOLUNTARY_SECTOR = "voluntary_sector", "Voluntary sector"


class Agency(models.Model):
    """A partner organisation: a force, a council's children's services, a school trust..."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=40, choices=AgencyKind.choices)

    class Meta:
        ordering = ("name",)
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class Agreement(Stamped):
    """A data-sharing agreement: data of these kinds from this agency may be shown to those."""

    code = models.SlugField(max_length=60, unique=True)
    title = models.CharField(max_length=200)
    from_agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agreements_given",
        help_text="Empty for records that programme partners make in Focus itself.",
    )
    kinds = models.JSONField(default=list, help_text="The kinds of data it covers.")
    shared_with = models.ManyToManyField(Agency, related_name="agreements_received", blank=True)
    lawful_basis = models.TextField(blank=True)
    document = models.CharField(max_length=300, blank=True, help_text="Where the signed copy is.")
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ("title",)

    def __str__(self) -> str:
        return self.title

    def in_force(self, on: date) -> bool:
        return (
            self.is_active and self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)
        )

    def covers(self, kind: str) -> bool:
        return kind in self.kinds

    def kind_labels(self) -> list[str]:
        return [Kind(kind).label for kind in self.kinds if kind in Kind.values]


class SharedData(models.Model):
    """The base of personal data: the person, the agency it came from, the agreement."""

    KIND: str = ""  # for models that hold one kind only

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    agreement = models.ForeignKey(
        Agreement, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        abstract = True

    @property
    def data_kind(self) -> str:
        return str(getattr(self, "kind", "") or self.KIND)
