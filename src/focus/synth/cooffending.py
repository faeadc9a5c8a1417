"""Group offending: members who offend together, and rivals who take turns to retaliate.

A group's incidents have two to four suspects from the group (robbery, drug supply, carrying
knives together, fights), mostly in or near its territory. That is what a co-offending network
recovers.

Each rivalry starts a few chains a year: members of one group attack members of the other (the
victims are rival members), and with a good chance the other side answers within six weeks, and so
on, each step less likely than the last. Chains are the retaliation that group violence
interventions try to interrupt; ``truth/crimes.csv`` records which incidents belong to which chain.
"""

from __future__ import annotations

import numpy as np

from focus.synth._random import IntArray
from focus.synth.events import SUSPECT, VICTIM, EventLog
from focus.synth.groups import member_activity
from focus.synth.offences import KNIFE_FACTOR, draw_codes
from focus.synth.rates import Rates
from focus.synth.town import Town


def _pick_members(
    rng: np.random.Generator, town: Town, group: int, day: int, count: int
) -> IntArray:
    """Up to ``count`` members of a group, free and old enough on the day."""
    groups = town.groups
    in_group = groups.member_group == group
    members: IntArray = groups.member_person[in_group]
    weights = member_activity(groups)[in_group]
    days = np.full(members.size, day, dtype=np.int64)
    ok = town.availability.free(members, days) & (town.age_on(members, days) >= 10)
    members, weights = members[ok], weights[ok]
    if members.size == 0:
        return members
    size = min(count, members.size)
    chosen: IntArray = np.sort(
        rng.choice(members, size=size, replace=False, p=weights / weights.sum())
    )
    return chosen


def group_offences(rng: np.random.Generator, town: Town, log: EventLog, rates: Rates) -> None:
    """Incidents committed together by two to four members of one group."""
    groups = town.groups
    sizes = np.bincount(groups.member_group, minlength=groups.count)
    days: list[int] = []
    codes: list[int] = []
    areas: list[int] = []
    knives: list[bool] = []
    suspects: list[IntArray] = []
    for group in range(groups.count):
        expected = rates.group_incidents_per_member_year * sizes[group] * town.window.years
        for _ in range(int(rng.poisson(expected))):
            day = int(rng.integers(town.window.start, town.window.until + 1))
            team = _pick_members(
                rng, town, group, day, int(rng.choice([2, 3, 4], p=[0.5, 0.33, 0.17]))
            )
            if team.size < 2:
                continue
            code = int(draw_codes(rng, "group", 1)[0])
            carrying = float(town.propensity.knife[team].max())
            at_home = rng.random() < 0.7
            area = groups.territory[group] if at_home else int(rng.integers(town.areas.count))
            days.append(day)
            codes.append(code)
            areas.append(int(area))
            knives.append(bool(rng.random() < min(0.95, carrying * KNIFE_FACTOR[code])))
            suspects.append(team)
    if not days:
        return
    incident = log.add_incidents(
        "group",
        np.array(days),
        np.array(codes),
        np.array(knives, dtype=np.bool_),
        np.array(areas),
    )
    counts = np.array([team.size for team in suspects])
    log.add_people(np.repeat(incident, counts), np.concatenate(suspects), SUSPECT)


def retaliation(rng: np.random.Generator, town: Town, log: EventLog, rates: Rates) -> None:
    """Chains of violence between rival groups: an attack, an answer within weeks, and so on."""
    groups = town.groups
    chain_number = 0
    rows: dict[str, list[int]] = {"day": [], "code": [], "area": [], "knife": [], "chain": []}
    suspects: list[IntArray] = []
    victims: list[IntArray] = []
    for a, b in zip(groups.rival_a.tolist(), groups.rival_b.tolist(), strict=True):
        expected = rates.retaliation_chains_per_rivalry_year * town.window.years
        for _ in range(int(rng.poisson(expected))):
            attacker, target = (a, b) if rng.random() < 0.5 else (b, a)
            day = int(rng.integers(town.window.start, town.window.until + 1))
            carry_on = 1.0
            while day <= town.window.until and carry_on > 0:
                team = _pick_members(
                    rng, town, attacker, day, int(rng.choice([1, 2, 3], p=[0.45, 0.35, 0.2]))
                )
                hurt = _pick_members(rng, town, target, day, int(rng.choice([1, 2], p=[0.8, 0.2])))
                if team.size == 0 or hurt.size == 0:
                    break
                code = int(draw_codes(rng, "retaliation", 1)[0])
                carrying = float(town.propensity.knife[team].max())
                knife = rng.random() < min(0.95, 0.1 + carrying * KNIFE_FACTOR[code])
                area = (
                    groups.territory[target] if rng.random() < 0.6 else groups.territory[attacker]
                )
                rows["day"].append(day)
                rows["code"].append(code)
                rows["area"].append(int(area))
                rows["knife"].append(int(knife))
                rows["chain"].append(chain_number)
                suspects.append(team)
                victims.append(hurt)
                carry_on *= rates.retaliation_continues
                if rng.random() >= carry_on:
                    break
                day += int(rng.integers(2, rates.retaliation_max_days + 1))
                attacker, target = target, attacker
            chain_number += 1
    if not rows["day"]:
        return
    incident = log.add_incidents(
        "retaliation",
        np.array(rows["day"]),
        np.array(rows["code"]),
        np.array(rows["knife"], dtype=np.bool_),
        np.array(rows["area"]),
        chain=np.array(rows["chain"]),
        victims_given=True,
    )
    log.add_people(
        np.repeat(incident, [team.size for team in suspects]), np.concatenate(suspects), SUSPECT
    )
    log.add_people(
        np.repeat(incident, [hurt.size for hurt in victims]), np.concatenate(victims), VICTIM
    )
