"""The six agencies, and a starting set of data-sharing agreements for a focused deterrence panel.

Agencies are made by a migration. The agreements are a starting point for a local information
sharing agreement, not a substitute for one: the demo and the tests load them; a deployment loads
them with ``focus admin agreements --defaults`` and then changes them to match what was signed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from focus.web.governance.kinds import Kind
from focus.web.governance.models import AgencyKind

AGENCIES: tuple[tuple[str, str, AgencyKind], ...] = (
    ("police", "Police", AgencyKind.POLICE),
    ("childrens_social_care", "Children's social care", AgencyKind.CHILDRENS_SOCIAL_CARE),
    ("youth_justice", "Youth justice service", AgencyKind.YOUTH_JUSTICE),
    ("education", "Education", AgencyKind.EDUCATION),
    ("health", "Health", AgencyKind.HEALTH),
    ("voluntary_sector", "Voluntary sector", AgencyKind.VOLUNTARY_SECTOR),
)

STATUTORY = ("police", "childrens_social_care", "youth_justice", "education", "health")
EVERYONE = (*STATUTORY, "voluntary_sector")


@dataclass(frozen=True)
class AgreementDefault:
    code: str
    title: str
    from_agency: str | None
    kinds: tuple[Kind, ...]
    shared_with: tuple[str, ...]
    lawful_basis: str


K = Kind
DEFAULT_AGREEMENTS: tuple[AgreementDefault, ...] = (
    AgreementDefault(
        "police-panel",
        "Police information for the eligibility panel",
        "police",
        (
            K.IDENTITY,
            K.ELIGIBILITY,
            K.OFFENDING,
            K.VICTIMISATION,
            K.SAFEGUARDING,
            K.MARKERS,
            K.NETWORK,
        ),
        EVERYONE,
        "Serious Violence Duty (Police, Crime, Sentencing and Courts Act 2022, s.16); UK GDPR "
        "art. 6(1)(e); DPA 2018 Part 3 for law enforcement processing.",
    ),
    AgreementDefault(
        "police-intelligence",
        "Police intelligence (3x5x2 graded): police only",
        "police",
        (K.INTELLIGENCE,),
        (),
        "Shared beyond the police only case by case, under the handling code.",
    ),
    AgreementDefault(
        "social-care-panel",
        "Children's social care information for the eligibility panel",
        "childrens_social_care",
        (K.IDENTITY, K.PARTNER),
        STATUTORY,
        "Children Act 1989 and 2004; Working Together to Safeguard Children; UK GDPR art. 6(1)(e), "
        "art. 9(2)(g).",
    ),
    AgreementDefault(
        "education-panel",
        "Education information for the eligibility panel",
        "education",
        (K.IDENTITY, K.PARTNER),
        STATUTORY,
        "Serious Violence Duty; UK GDPR art. 6(1)(e).",
    ),
    AgreementDefault(
        "youth-justice-panel",
        "Youth justice information for the eligibility panel",
        "youth_justice",
        (K.IDENTITY, K.PARTNER),
        STATUTORY,
        "Crime and Disorder Act 1998 s.115; UK GDPR art. 6(1)(e).",
    ),
    AgreementDefault(
        "health-panel",
        "Emergency department assault data (Cardiff Model) for the panel",
        "health",
        (K.IDENTITY, K.PARTNER),
        ("police", "childrens_social_care", "youth_justice", "health"),
        "Serious Violence Duty; NHS information sharing to prevent violence (Cardiff Model).",
    ),
    AgreementDefault(
        "programme-record",
        "What programme partners record in Focus",
        None,
        (K.BACKGROUND, K.APPROACH, K.MARKERS, K.DECISIONS),
        EVERYONE,
        "The programme's terms of reference and its data protection impact assessment.",
    ),
)


def ensure_agencies() -> None:
    from focus.web.governance.models import Agency

    for code, name, kind in AGENCIES:
        Agency.objects.get_or_create(code=code, defaults={"name": name, "kind": kind})


def ensure_default_agreements(starts_on: date = date(2024, 1, 1)) -> int:
    """Create the default agreements that are missing; returns how many were made."""
    from focus.web.governance.models import Agency, Agreement

    ensure_agencies()
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    made = 0
    for default in DEFAULT_AGREEMENTS:
        agreement, created = Agreement.objects.get_or_create(
            code=default.code,
            defaults={
                "title": default.title,
                "from_agency": agencies[default.from_agency] if default.from_agency else None,
                "kinds": [str(kind) for kind in default.kinds],
                "lawful_basis": default.lawful_basis,
                "starts_on": starts_on,
            },
        )
        if created:
            agreement.shared_with.set([agencies[code] for code in default.shared_with])
            made += 1
    return made
