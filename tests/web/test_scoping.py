"""Agency scoping: every role against every kind of data, in lists, search, counts, exports and
single records; then agencies against agreements; then caseloads.

The expected matrix is written out here, not derived from the code, so that a change to
``governance.permissions.ROLE_KINDS`` has to be made twice: there and here.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest

from focus.web.governance.kinds import Kind
from focus.web.people.test.factories import allocate, identity, person, record

pytestmark = pytest.mark.django_db

KINDS = [kind.value for kind in Kind]
RECORD_KINDS = [
    "identity",
    "eligibility",
    "offending",
    "victimisation",
    "safeguarding",
    "intelligence",
    "markers",
    "network",
    "partner",
]
Y, N = True, False
#             ident elig  offend victim safeg intel marker netw partner backgr approach decisions
EXPECTED = {
    "analyst": (Y, Y, Y, Y, Y, Y, Y, Y, Y, N, N, Y),
    "panel_member": (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    "panel_chair": (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    "caseworker": (Y, Y, Y, Y, Y, N, Y, Y, Y, Y, Y, Y),
    "police_lead": (Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
    "programme_manager": (Y, Y, N, N, N, N, N, N, N, N, N, Y),
    "dpo": (Y, N, N, N, N, N, N, N, N, N, N, N),
    "administrator": (N, N, N, N, N, N, N, N, N, N, N, N),
}
EXPORTERS = {"analyst", "programme_manager", "panel_chair", "police_lead"}


def _mark(kind: str) -> str:
    return f"MARK{kind.upper()}"


def _everything(owner: Any, author: Any) -> dict[str, Any]:
    """One item of every kind, from the police, under no agreement: only the police see them, so
    that the role is the only thing that decides."""
    from focus.web.governance.models import Agency
    from focus.web.panel.models import Decision
    from focus.web.panel.test.factories import meeting
    from focus.web.people.models import ApproachStrategy, Background, DeconflictionFlag

    police = Agency.objects.get(code="police")
    items: dict[str, Any] = {}
    for kind in RECORD_KINDS:
        items[kind] = record(
            owner,
            kind,
            "police",
            title=f"{_mark(kind)} title",
            reference=f"{_mark(kind)}REF",
            shared=False,
        )
    shared = {"person": owner, "agency": police, "agreement": None, "created_by": author}
    Background.objects.create(topic="family", text=_mark("background"), **shared)
    ApproachStrategy.objects.create(when_where=_mark("approach"), **shared)
    DeconflictionFlag.objects.create(
        flag_kind="operation",
        description=_mark("flag"),
        contact_name="DS Patel",
        contact_details="0100",
        **shared,
    )
    Decision.objects.create(
        meeting=meeting(author),
        outcome="defer",
        note=_mark("decisions"),
        decided_by=author,
        **shared,
    )
    return items


def _seen_in_file(html: str) -> dict[str, bool]:
    seen = {kind: _mark(kind) in html for kind in KINDS}
    seen["markers"] = _mark("markers") in html and _mark("flag") in html
    return seen


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_each_role_sees_exactly_its_kinds_everywhere(
    role: str, make_user: Any, client_of: Any
) -> None:
    expected = dict(zip(KINDS, EXPECTED[role], strict=True))
    chair = make_user("panel_chair", "police")
    owner = person()
    items = _everything(owner, chair)
    user = make_user(role, "police")
    if role == "caseworker":
        allocate(owner, user)
    client = client_of(user)

    file_page = client.get(f"/people/{owner.ref}/")
    if role == "administrator":
        assert file_page.status_code == 403
        assert client.get(f"/people/{owner.ref}/records/{items['identity'].pk}/").status_code == 403
        return
    assert file_page.status_code == 200
    assert _seen_in_file(file_page.content.decode()) == expected, "the person file"

    for kind, item in items.items():
        detail = client.get(f"/people/{owner.ref}/records/{item.pk}/")
        assert detail.status_code == (200 if expected[kind] else 403), f"record of kind {kind}"
        search = client.get("/people/records/", {"q": f"{_mark(kind)}REF"})
        assert (f"{_mark(kind)} title" in search.content.decode()) is expected[kind], (
            f"search {kind}"
        )

    from focus.web.people.queryset import kind_counts

    visible_record_kinds = {kind for kind in RECORD_KINDS if expected[kind]}
    assert set(kind_counts(user)) == visible_record_kinds, "counts by kind"
    people_page = client.get("/people/").content.decode()
    assert f'<td class="number">{len(visible_record_kinds)}</td>' in people_page, (
        "count in the list"
    )

    if role in EXPORTERS:
        exported = client.post("/people/export/", {"reason": "Checking the matrix for the DPIA"})
        rows = list(csv.reader(io.StringIO(exported.content.decode())))
        assert rows[1][0] == owner.ref
        assert rows[1][4] == str(len(visible_record_kinds)), "count in the export"
        assert (rows[1][1] == f"{_mark('identity')} title") is expected["identity"]


AGENCY_CASES = [
    # viewer's agency, role, record's agency, kind, seen?
    ("childrens_social_care", "caseworker", "police", "offending", True),
    ("childrens_social_care", "caseworker", "police", "intelligence", False),
    ("childrens_social_care", "panel_member", "police", "intelligence", False),
    ("police", "panel_member", "police", "intelligence", True),
    ("youth_justice", "police_lead", "police", "intelligence", False),
    ("childrens_social_care", "caseworker", "health", "partner", True),
    ("voluntary_sector", "caseworker", "health", "partner", False),
    ("voluntary_sector", "caseworker", "education", "partner", False),
    ("voluntary_sector", "caseworker", "police", "offending", True),
    ("education", "panel_member", "childrens_social_care", "partner", True),
    ("health", "panel_member", "education", "partner", True),
    ("police", "panel_member", "childrens_social_care", "identity", True),
    ("voluntary_sector", "panel_member", "childrens_social_care", "identity", False),
]


@pytest.mark.parametrize(("agency", "role", "source", "kind", "seen"), AGENCY_CASES)
def test_agreements_decide_what_crosses_agencies(
    agency: str, role: str, source: str, kind: str, seen: bool, make_user: Any, client_of: Any
) -> None:
    from focus.web.people.models import Record

    owner = person()
    item = record(owner, kind, source, title="CROSSING title", reference="CROSSINGREF")
    user = make_user(role, agency)
    if role == "caseworker":
        allocate(owner, user)
    client = client_of(user)
    assert Record.objects.visible_to(user).filter(pk=item.pk).exists() is seen
    assert ("CROSSING title" in client.get(f"/people/{owner.ref}/").content.decode()) is seen
    assert client.get(f"/people/{owner.ref}/records/{item.pk}/").status_code == (
        200 if seen else 403
    )
    assert (
        "CROSSING title" in client.get("/people/records/", {"q": "crossingref"}).content.decode()
    ) is seen


@pytest.mark.parametrize("change", ["ended", "suspended", "not_started"])
def test_an_agreement_out_of_force_shares_nothing(change: str, make_user: Any) -> None:
    from django.utils import timezone

    from focus.web.governance.models import Agreement
    from focus.web.people.models import Record

    owner = person()
    item = record(owner, "offending", "police")
    agreement = Agreement.objects.get(code="police-panel")
    today = timezone.localdate()
    if change == "ended":
        agreement.ends_on = today - timedelta(days=1)
    elif change == "suspended":
        agreement.is_active = False
    else:
        agreement.starts_on = today + timedelta(days=1)
    agreement.save()
    viewer = make_user("panel_member", "education")
    assert not Record.objects.visible_to(viewer).filter(pk=item.pk).exists()
    police = make_user("panel_member", "police")
    assert Record.objects.visible_to(police).filter(pk=item.pk).exists()  # its own agency still


def test_a_caseworker_sees_only_their_caseload(make_user: Any, client_of: Any) -> None:
    mine, other = person(), person()
    identity(mine, "Ola", "Mine")
    identity(other, "Ben", "Other")
    record(other, "offending", title="OTHER offence", reference="OTHERREF")
    caseworker = make_user("caseworker", "childrens_social_care")
    allocate(mine, caseworker)
    client = client_of(caseworker)
    listing = client.get("/people/").content.decode()
    assert "Ola Mine" in listing
    assert "Ben Other" not in listing
    assert "1 person" in listing
    assert "Ben Other" not in client.get("/people/", {"q": "ben"}).content.decode()
    assert client.get(f"/people/{other.ref}/").status_code == 403
    assert "OTHER offence" not in client.get("/people/records/", {"q": "otherref"}).content.decode()
    from focus.web.people.queryset import kind_counts

    assert kind_counts(caseworker) == {"identity": 1}


def test_a_reference_that_does_not_exist_is_refused_like_one_that_is_not_yours(
    make_user: Any, client_of: Any
) -> None:
    client = client_of(make_user("caseworker", "childrens_social_care"))
    hidden = person()
    assert (
        client.get("/people/FD-ZZZZZZZZ/").status_code
        == client.get(f"/people/{hidden.ref}/").status_code
        == 403
    )


def test_names_in_lists_come_only_from_identity_records_the_user_may_see(
    make_user: Any, client_of: Any
) -> None:
    owner = person()
    identity(owner, "Shared", "Name", agency="police")
    record(owner, "identity", "health", title="Health Only", search_text="health only")
    viewer = client_of(make_user("panel_member", "voluntary_sector"))
    page = viewer.get("/people/").content.decode()
    assert "Shared Name" in page
    assert "Health Only" not in page
    assert "Health Only" not in viewer.get("/people/", {"q": "health"}).content.decode()
