"""The canonical tables: every extract is mapped to one of these before it enters the lake.

This module is the one place that defines each table. ``docs/data-model.md`` is generated from it
(``focus schema docs``) and a test fails when the two disagree.
"""

from __future__ import annotations

from focus.schema._model import Column, ColumnType, DateOrder, Table
from focus.schema.ethnicity import ETHNICITY_VALUES

SCHEMA_VERSION = 1

S, D, I, N, B = (  # noqa: E741 - short aliases keep the table definitions readable
    ColumnType.STRING,
    ColumnType.DATE,
    ColumnType.INTEGER,
    ColumnType.NUMBER,
    ColumnType.BOOLEAN,
)

SEX_VALUES = ("female", "male", "unknown")
ETHNICITY_BASIS_VALUES = ("self_defined", "officer_defined")
ROLE_VALUES = (
    "suspect",
    "offender",
    "arrested",
    "victim",
    "witness",
    "informant",
    "reporting_person",
    "other",
)
MARKER_VALUES = (
    "MARAC",
    "MATAAC",
    "PREVENT",
    "CUSTODY",
    "LEFT_AREA",
    "MAPPA",
    "IOM",
    "CCE_RISK",
    "CSE_RISK",
    "NRM",
    "DECEASED",
)

POSTCODE_PATTERN = r"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}"
LSOA_PATTERN = r"[EW]01[0-9]{6}"


def _ref(name: str, description: str) -> Column:
    return Column(name, S, description, required=True)


def _person_ref(
    description: str = "The source's record of the person (its `people.record_id`).",
) -> Column:
    return Column("record_id", S, description, required=True, personal=True)


def _lsoa(
    name: str = "lsoa_code", description: str = "The LSOA (2021) where it happened."
) -> Column:
    return Column(
        name, S, description, pattern=LSOA_PATTERN, pattern_hint="an LSOA code such as E01000001"
    )


def _ethnicity() -> tuple[Column, Column]:
    return (
        Column(
            "ethnicity",
            S,
            "Ethnicity in the ONS 2021 categories, or a broad group when only that is known.",
            allowed=ETHNICITY_VALUES,
            personal=True,
        ),
        Column(
            "ethnicity_basis",
            S,
            "Whether the person defined their ethnicity or an officer or worker recorded it.",
            allowed=ETHNICITY_BASIS_VALUES,
        ),
    )


PEOPLE = Table(
    name="people",
    description=(
        "One row per person record held by the source. Every source that holds people sends "
        "this table; linkage joins the records of one person across sources."
    ),
    columns=(
        Column(
            "record_id",
            S,
            "The source's own identifier of the record.",
            required=True,
            personal=True,
        ),
        Column("forename", S, "Forename as recorded.", required=True, personal=True),
        Column("surname", S, "Surname as recorded.", required=True, personal=True),
        Column("date_of_birth", D, "Date of birth as recorded.", personal=True),
        Column("sex", S, "Sex as recorded.", allowed=SEX_VALUES),
        *_ethnicity(),
        Column(
            "postcode",
            S,
            "Home postcode.",
            pattern=POSTCODE_PATTERN,
            pattern_hint="a UK postcode in capitals, such as MK9 2HP",
            personal=True,
        ),
        Column("address", S, "Home address (first line and town).", personal=True),
        _lsoa("lsoa_code", "The LSOA (2021) of the home address."),
        Column(
            "pnc_id",
            S,
            "Police National Computer identifier.",
            pattern=r"[0-9]{2,4}/[0-9]{1,7}[A-Z]",
            pattern_hint="a PNC ID such as 09/123456X",
            personal=True,
        ),
        Column(
            "nhs_number",
            S,
            "NHS number.",
            pattern=r"[0-9]{10}",
            pattern_hint="ten digits, no spaces",
            personal=True,
        ),
        Column(
            "upn",
            S,
            "Unique pupil number (education).",
            pattern=r"[A-Z][0-9]{11}[0-9A-Z]",
            pattern_hint="a 13-character UPN such as A123456789012",
            personal=True,
        ),
    ),
    key=("record_id",),
)

INCIDENTS = Table(
    name="incidents",
    description="One row per recorded crime.",
    columns=(
        _ref("crime_ref", "The crime reference number."),
        Column(
            "ho_offence_code",
            S,
            "Home Office offence classification code (such as 8N or 10D).",
            required=True,
            references="offence_code",
        ),
        Column("offence", S, "The offence as the source describes it."),
        Column("committed_on", D, "When the offence was committed (its first date if a range)."),
        Column("recorded_on", D, "When the crime was recorded.", required=True),
        _lsoa(),
        Column("latitude", N, "Latitude (WGS84) of the location.", minimum=49.0, maximum=61.0),
        Column("longitude", N, "Longitude (WGS84) of the location.", minimum=-9.0, maximum=2.5),
        Column(
            "knife_or_sharp_instrument",
            B,
            "Whether a knife or sharp instrument was used or threatened (the Home Office flag).",
            required=True,
        ),
    ),
    key=("crime_ref",),
    rules=(DateOrder("recorded_on", "committed_on"),),
    cluster=("recorded_on",),  # windows of time skip the row groups of other years
)

INVOLVEMENTS = Table(
    name="involvements",
    description="Who was involved in each crime, and how. A person may hold two roles in one crime.",
    columns=(
        _ref("crime_ref", "The crime (its `incidents.crime_ref`)."),
        _person_ref(),
        Column("role", S, "The person's role in the crime.", required=True, allowed=ROLE_VALUES),
    ),
    key=("crime_ref", "record_id", "role"),
    cluster=(
        "role",
    ),  # criteria count suspects (about one involvement in eight) far more than others
)

MARKERS = Table(
    name="markers",
    description=(
        "Flags on a person that matter for selection and deconfliction: other case management "
        "(MARAC, MATAAC, PREVENT, MAPPA, IOM), custody, having left the area, and risks."
    ),
    columns=(
        _person_ref(),
        Column("marker", S, "The marker.", required=True, allowed=MARKER_VALUES),
        Column("start_date", D, "When the marker began.", required=True),
        Column("end_date", D, "When the marker ended; empty while it is active."),
    ),
    key=("record_id", "marker", "start_date"),
    rules=(DateOrder("end_date", "start_date"),),
)

STOP_SEARCHES = Table(
    name="stop_searches",
    description="Stop and search encounters, with the searched person's ethnicity and the outcome.",
    columns=(
        _ref("search_ref", "The search record's reference."),
        Column("record_id", S, "The person searched, when identified.", personal=True),
        Column("searched_on", D, "Date of the search.", required=True),
        Column(
            "legislation",
            S,
            "The power used.",
            required=True,
            allowed=(
                "pace_s1",
                "misuse_of_drugs_act_s23",
                "cjpoa_s60",
                "firearms_act_s47",
                "other",
            ),
        ),
        Column(
            "object_of_search",
            S,
            "What the officer was looking for.",
            required=True,
            allowed=(
                "controlled_drugs",
                "offensive_weapons",
                "stolen_goods",
                "firearms",
                "articles_for_criminal_damage",
                "other",
            ),
        ),
        *_ethnicity(),
        Column(
            "outcome",
            S,
            "The outcome of the search.",
            required=True,
            allowed=(
                "no_further_action",
                "arrest",
                "community_resolution",
                "khat_or_cannabis_warning",
                "penalty_notice",
                "summons",
                "caution",
            ),
        ),
        Column("object_found", B, "Whether the object searched for was found."),
        _lsoa(),
    ),
    key=("search_ref",),
)

INTELLIGENCE = Table(
    name="intelligence",
    description=(
        "Intelligence reports about a person, with their 3x5x2 grading: source evaluation "
        "(1 reliable, 2 untested, 3 not reliable), intelligence assessment (A known directly to "
        "the source ... E suspected to be false) and handling code (P lawful sharing permitted, "
        "C sharing with conditions)."
    ),
    columns=(
        _ref("intel_ref", "The intelligence report's reference."),
        _person_ref(),
        Column("reported_on", D, "When the report was submitted.", required=True),
        Column(
            "source_evaluation",
            S,
            "3x5x2 source evaluation.",
            required=True,
            allowed=("1", "2", "3"),
        ),
        Column(
            "intelligence_assessment",
            S,
            "3x5x2 intelligence assessment.",
            required=True,
            allowed=("A", "B", "C", "D", "E"),
        ),
        Column("handling_code", S, "3x5x2 handling code.", required=True, allowed=("P", "C")),
        Column(
            "topic",
            S,
            "What the report is about.",
            required=True,
            allowed=(
                "weapons",
                "drugs_supply",
                "violence",
                "exploitation",
                "group_association",
                "other",
            ),
        ),
    ),
    key=("intel_ref",),
)

MISSING_EPISODES = Table(
    name="missing_episodes",
    description="Episodes in which a person was reported missing.",
    columns=(
        _ref("episode_ref", "The missing episode's reference."),
        _person_ref(),
        Column("reported_missing_on", D, "When the person was reported missing.", required=True),
        Column("found_on", D, "When the person was found; empty while still missing."),
        Column(
            "risk_level",
            S,
            "Risk assessed at the report.",
            required=True,
            allowed=("high", "medium", "low", "no_apparent_risk"),
        ),
    ),
    key=("episode_ref",),
    rules=(DateOrder("found_on", "reported_missing_on"),),
)

EDUCATION_ATTENDANCE = Table(
    name="education_attendance",
    description="School attendance of a pupil in an academic year.",
    columns=(
        _person_ref(),
        Column(
            "academic_year",
            S,
            "The academic year.",
            required=True,
            pattern=r"[0-9]{4}/[0-9]{2}",
            pattern_hint="written like 2024/25",
        ),
        Column(
            "school_urn",
            S,
            "The school's unique reference number.",
            pattern=r"[0-9]{6}",
            pattern_hint="six digits",
        ),
        Column(
            "sessions_possible",
            I,
            "Sessions the pupil could have attended.",
            required=True,
            minimum=0,
            maximum=400,
        ),
        Column(
            "sessions_missed",
            I,
            "Sessions missed, authorised or not.",
            required=True,
            minimum=0,
            maximum=400,
        ),
    ),
    key=("record_id", "academic_year"),
)

EDUCATION_EXCLUSIONS = Table(
    name="education_exclusions",
    description="Suspensions and permanent exclusions from school.",
    columns=(
        _ref("exclusion_ref", "The exclusion's reference."),
        _person_ref(),
        Column("excluded_on", D, "The first day of the exclusion.", required=True),
        Column(
            "exclusion_type",
            S,
            "Its kind.",
            required=True,
            allowed=("suspension", "permanent_exclusion"),
        ),
        Column("days", N, "Length in school days (suspensions).", minimum=0, maximum=45),
        Column(
            "reason",
            S,
            "The reason given.",
            allowed=(
                "physical_assault_pupil",
                "physical_assault_adult",
                "offensive_weapon",
                "drugs",
                "persistent_disruption",
                "other",
            ),
        ),
    ),
    key=("exclusion_ref",),
)

SOCIAL_CARE = Table(
    name="social_care",
    description="Children's social care episodes: child in need, child protection, looked after.",
    columns=(
        _ref("episode_ref", "The episode's reference."),
        _person_ref(),
        Column(
            "status",
            S,
            "The kind of episode.",
            required=True,
            allowed=("child_in_need", "child_protection", "looked_after"),
        ),
        Column("start_date", D, "When the episode began.", required=True),
        Column("end_date", D, "When it ended; empty while open."),
        Column(
            "category",
            S,
            "Category of need or abuse.",
            allowed=(
                "abuse_or_neglect",
                "family_dysfunction",
                "absent_parenting",
                "socially_unacceptable_behaviour",
                "child_criminal_exploitation",
                "other",
            ),
        ),
    ),
    key=("episode_ref",),
    rules=(DateOrder("end_date", "start_date"),),
)

YOUTH_JUSTICE = Table(
    name="youth_justice",
    description="Outcomes that the youth justice service works with.",
    columns=(
        _ref("yj_ref", "The outcome's reference."),
        _person_ref(),
        Column("outcome_on", D, "When the outcome was given.", required=True),
        Column(
            "outcome",
            S,
            "The disposal.",
            required=True,
            allowed=(
                "community_resolution",
                "youth_caution",
                "youth_conditional_caution",
                "referral_order",
                "youth_rehabilitation_order",
                "detention_and_training_order",
                "custodial_sentence",
            ),
        ),
        Column(
            "ho_offence_code",
            S,
            "Home Office code of the main offence.",
            references="offence_code",
        ),
    ),
    key=("yj_ref",),
)

HEALTH_ATTENDANCES = Table(
    name="health_attendances",
    description="Emergency department attendances for assault (shared under the Cardiff Model).",
    columns=(
        _ref("attendance_ref", "The attendance's reference."),
        _person_ref(),
        Column("attended_on", D, "Date of the attendance.", required=True),
        Column(
            "mechanism",
            S,
            "How the injury was caused.",
            required=True,
            allowed=("sharp_object", "blunt_object", "body_part", "firearm", "other"),
        ),
        _lsoa("assault_lsoa_code", "The LSOA where the patient says the assault happened."),
        Column("admitted", B, "Whether the patient was admitted."),
    ),
    key=("attendance_ref",),
)

TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        PEOPLE,
        INCIDENTS,
        INVOLVEMENTS,
        MARKERS,
        STOP_SEARCHES,
        INTELLIGENCE,
        MISSING_EPISODES,
        EDUCATION_ATTENDANCE,
        EDUCATION_EXCLUSIONS,
        SOCIAL_CARE,
        YOUTH_JUSTICE,
        HEALTH_ATTENDANCES,
    )
}
