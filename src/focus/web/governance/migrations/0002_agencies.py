# ruff: noqa: RUF012, ARG001
"""The six kinds of agency that take part in a focused deterrence programme."""

from __future__ import annotations

from django.db import migrations

AGENCIES = (
    ("police", "Police", "police"),
    ("childrens_social_care", "Children's social care", "childrens_social_care"),
    ("youth_justice", "Youth justice service", "youth_justice"),
    ("education", "Education", "education"),
    ("health", "Health", "health"),
    ("voluntary_sector", "Voluntary sector", "voluntary_sector"),
)


def add_agencies(apps, schema_editor):  # type: ignore[no-untyped-def]
    agency = apps.get_model("governance", "Agency")
    for code, name, kind in AGENCIES:
        agency.objects.get_or_create(code=code, defaults={"name": name, "kind": kind})


class Migration(migrations.Migration):
    dependencies = [("governance", "0001_initial")]
    operations = [migrations.RunPython(add_agencies, migrations.RunPython.noop)]
