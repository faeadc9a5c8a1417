"""Prepare people records for comparison: the SQL that standardises names, dates and identifiers.

The builder returns SQL text over the lake's ``people`` view and a ``linkage_nicknames`` relation;
the engine runs it. Every record becomes one row keyed by ``unique_id`` (``source/record_id``).
"""

from __future__ import annotations

NICKNAMES_RELATION = "linkage_nicknames"

PREPARED_COLUMNS = (
    "unique_id",
    "source",
    "record_id",
    "forename",
    "surname",
    "forename_initial",
    "forename_aliases",
    "dob",
    "dob_text",
    "dob_year",
    "dob_month",
    "dob_day",
    "sex",
    "postcode",
    "postcode_sector",
    "postcode_district",
    "address",
    "pnc_id",
    "nhs_number",
    "upn",
)


def _name(column: str) -> str:
    """Lower case, letters only (O'Brien and OBrien agree), empty as NULL."""
    return f"NULLIF(regexp_replace(lower(trim({column})), '[^a-z]', '', 'g'), '')"


def _code(column: str) -> str:
    """An identifier or postcode: upper case, no spaces, empty as NULL."""
    return f"NULLIF(regexp_replace(upper(trim({column})), '\\s', '', 'g'), '')"


def prepared_people_sql(people: str = "people", nicknames: str = NICKNAMES_RELATION) -> str:
    """One standardised row per current people record of every source."""
    postcode = _code("postcode")
    return f"""
WITH base AS (
    SELECT
        source || '/' || record_id AS unique_id,
        source,
        record_id,
        {_name("forename")} AS forename,
        {_name("surname")} AS surname,
        date_of_birth AS dob,
        CASE WHEN sex IN ('female', 'male') THEN sex END AS sex,
        CASE WHEN {postcode} IS NOT NULL
             THEN left({postcode}, length({postcode}) - 3) || ' ' || right({postcode}, 3) END
            AS postcode,
        NULLIF(trim(regexp_replace(lower(address), '[^a-z0-9]+', ' ', 'g')), '') AS address,
        {_code("pnc_id")} AS pnc_id,
        {_code("nhs_number")} AS nhs_number,
        {_code("upn")} AS upn
    FROM {people}
)
SELECT
    base.unique_id,
    base.source,
    base.record_id,
    base.forename,
    base.surname,
    left(base.forename, 1) AS forename_initial,
    CASE WHEN base.forename IS NOT NULL
         THEN list_sort(list_distinct(list_concat([base.forename], coalesce(n.aliases, []))))
    END AS forename_aliases,
    base.dob,
    strftime(base.dob, '%Y-%m-%d') AS dob_text,
    year(base.dob) AS dob_year,
    month(base.dob) AS dob_month,
    day(base.dob) AS dob_day,
    base.sex,
    base.postcode,
    left(base.postcode, length(base.postcode) - 2) AS postcode_sector,
    split_part(base.postcode, ' ', 1) AS postcode_district,
    base.address,
    base.pnc_id,
    base.nhs_number,
    base.upn
FROM base
LEFT JOIN {nicknames} AS n ON n.name = base.forename
ORDER BY base.unique_id
"""
