"""The behaviour model's constants, calibrated once and written beside every area it makes.

Rates are per person-year for a person of average propensity (the mean propensity of the town is
1), so volumes scale linearly with the number of people and the number of years. The calibration
targets, for 100,000 people over three years: about a million police involvements (suspects,
victims, witnesses and the rest), a heavy tail (the top 2% of people account for most violent
suspect involvements), and 150 to 400 people who meet the Milton Keynes criteria on the last day.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Rates:
    """How often things happen, and how likely the branches of each event are."""

    # who offends: a heavy-tailed latent propensity
    chronic_share: float = 0.025
    """Share of people in the high-rate latent class (before age, sex and area)."""
    chronic_multiplier: float = 10.0
    individual_sigma: float = 1.2
    """Spread (log scale) of individual propensity within a class."""
    female_factor: float = 0.22
    """Street offending of women and girls relative to men and boys of the same age."""

    # suspect events per person-year at propensity 1
    violence: float = 0.075
    acquisitive: float = 0.09
    drugs: float = 0.03
    knife_possession: float = 0.022
    """Possession of a blade (10D) found other than by a stop and search, scaled by knife carrying."""
    criminal_damage: float = 0.035
    public_order: float = 0.035
    other: float = 0.02
    domestic_abuse: float = 0.045
    sexual: float = 0.008
    co_offender_share: float = 0.22
    """Share of solo-generated street offences that a peer from the same area joins."""

    # incidents with no identified suspect, per resident-year
    unsolved: float = 0.62

    # knives
    knife_base: float = 0.011
    """Knife carrying of a young person of average propensity (0 to 1 scale)."""

    # groups and rivalries
    people_per_group: int = 4_000
    group_offending_boost: float = 2.0
    """Membership multiplies a member's offending propensity by this."""
    group_knife_boost: float = 1.5
    """... and their knife carrying by this."""
    group_incidents_per_member_year: float = 0.7
    retaliation_chains_per_rivalry_year: float = 2.5
    retaliation_continues: float = 0.6
    retaliation_max_days: int = 42

    # police attention
    searches_per_year: float = 0.022
    """Stop-and-search encounters per person-year at propensity 1 (before the ethnic ratio)."""
    intelligence_per_year: float = 0.05
    missing_per_child_year: float = 0.012

    # who is in the room
    witnesses_per_incident: float = 2.3
    reporting_person_share: float = 0.55
    other_role_share: float = 0.04
    informant_share: float = 0.006

    # geography and life events
    neighbour_share_border: float = 0.2
    neighbour_share_elsewhere: float = 0.03
    custody_per_propensity: float = 0.006
    leaving_share: float = 0.02
    case_management_share: float = 0.075
    """Chance that a young person with repeated violence is under MATAAC, PREVENT or MARAC."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


RATES = Rates()
