"""Properties that hold for any data: wider windows never shrink the cohort; evidence stays in
its windows; the SQL date rules agree with the Python ones."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from focus.config.programme import Programme, load_programme
from focus.identify import Session, age_on, months_before, with_setting
from focus.identify.windows import Window, age_sql, date_sql
from focus.lake import Engine
from identify.world import Incident, Person, load_world

AS_OF = date(2025, 6, 30)
PROGRAMME = load_programme("milton-keynes")
CODES = ("10D", "8N", "20A", "34B", "28E")  # knife, violent, sexual, robbery, burglary

days_back = st.integers(min_value=-10, max_value=1000)
incidents = st.builds(
    lambda code, back, knife, role: Incident(
        code, (AS_OF - timedelta(days=back)).isoformat(), knife=knife, role=role
    ),
    st.sampled_from(CODES),
    days_back,
    st.booleans(),
    st.sampled_from(["suspect", "suspect", "victim"]),
)
people = st.lists(
    st.builds(
        lambda index, born, found: Person(f"P{index}", born, tuple(found)),
        st.integers(0, 10_000),
        st.sampled_from(["2008-01-01", "2014-06-30", "1999-06-30", "2000-02-29"]),
        st.lists(incidents, max_size=5),
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda person: person.record_id,
)


SESSION = Session.over(Engine(), PROGRAMME)  # one engine for every example: each loads its world


def cohort(world: list[Person], programme: Programme) -> set[str]:
    load_world(SESSION.engine, world)
    return set(SESSION.cohort(programme, AS_OF))


@settings(max_examples=30, deadline=None)
@given(
    world=people,
    clause=st.sampled_from(["knife", "second"]),
    months=st.integers(1, 30),
    wider=st.integers(1, 12),
)
def test_widening_a_window_never_shrinks_the_cohort(
    world: list[Person], clause: str, months: int, wider: int
) -> None:
    narrow = with_setting(PROGRAMME, f"{clause}.within_months", months)
    wide = with_setting(PROGRAMME, f"{clause}.within_months", months + wider)
    assert cohort(world, narrow) <= cohort(world, wide)


@settings(max_examples=30, deadline=None)
@given(world=people, which=st.integers(0, 100), before=st.integers(1, 400))
def test_an_incident_moved_before_every_window_leaves_the_evidence(
    world: list[Person], which: int, before: int
) -> None:
    everything = [(p, i) for p in world for i in range(len(p.incidents))]
    if not everything:
        return
    person, index = everything[which % len(everything)]
    earliest = months_before(AS_OF, 24)  # the widest window of the programme
    moved = Incident(
        person.incidents[index].code,
        (earliest - timedelta(days=before - 1)).isoformat(),
        knife=person.incidents[index].knife,
        role=person.incidents[index].role,
        ref="MOVED-1",
    )
    incidents = (*person.incidents[:index], moved, *person.incidents[index + 1 :])
    changed = [Person(p.record_id, p.born, incidents) if p is person else p for p in world]
    load_world(SESSION.engine, changed)
    result = SESSION.identify(PROGRAMME, AS_OF, near_misses=True)
    assert all("MOVED-1" not in row["evidence"] for row in result.table.to_pylist())


@settings(max_examples=200, deadline=None)
@given(
    born=st.dates(date(1990, 1, 1), date(2020, 12, 31)),
    as_of=st.dates(date(2000, 1, 1), date(2030, 12, 31)),
    day=st.dates(date(1995, 1, 1), date(2035, 12, 31)),
    months=st.integers(1, 60),
)
def test_the_sql_date_rules_agree_with_python(
    born: date, as_of: date, day: date, months: int
) -> None:
    window = Window.before(as_of, months)
    age, inside = SESSION.engine.rows(
        f"SELECT {age_sql(date_sql(born), as_of)}, {window.sql(date_sql(day))}"
    )[0]
    assert age == age_on(born, as_of)
    assert inside == window.holds(day)
    assert window.after < window.until


@settings(max_examples=30, deadline=None)
@given(world=people, at_least=st.integers(1, 2))
def test_judging_only_the_screened_people_changes_no_row(
    world: list[Person], at_least: int
) -> None:
    # Without near misses, only people whose counts pass every clause's screen are judged; with
    # near misses, everyone with a counted incident is. The cohort rows must be the same.
    programme = with_setting(PROGRAMME, "knife.at_least", at_least)
    load_world(SESSION.engine, world)
    screened = SESSION.identify(programme, AS_OF).table.to_pylist()
    everyone = SESSION.identify(programme, AS_OF, near_misses=True).table.to_pylist()
    assert screened == [row for row in everyone if row["status"] != "near_miss"]
