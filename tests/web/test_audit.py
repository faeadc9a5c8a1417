"""The audit log: a hash chain that verifies, and that shows any change, insertion or removal."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from focus.web.audit.chain import GENESIS, record, verify
from focus.web.audit.models import AppendOnlyError, AuditEvent, AuditHead

pytestmark = pytest.mark.django_db


def _events(count: int) -> list[AuditEvent]:
    return [
        record(None, "view", record=f"person file {number}", fields=["identity"], username="tester")
        for number in range(count)
    ]


def _raw(sql: str, parameters: list[Any]) -> None:
    """Change the table as someone with database access would (past the triggers on PostgreSQL)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER USER")
        cursor.execute(sql, parameters)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER USER")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def test_each_event_carries_the_hash_of_the_one_before() -> None:
    events = _events(3)
    assert events[0].previous_hash == GENESIS
    assert events[1].previous_hash == events[0].hash
    assert events[2].previous_hash == events[1].hash
    assert [event.sequence for event in events] == [1, 2, 3]
    head = AuditHead.objects.get(pk=1)
    assert (head.sequence, head.hash) == (3, events[2].hash)


def test_an_intact_chain_verifies() -> None:
    _events(5)
    result = verify()
    assert result.ok, result.problems
    assert result.checked == 5


def test_an_empty_log_verifies() -> None:
    assert verify().ok


@pytest.mark.parametrize(
    ("column", "value"),
    [("username", "someone_else"), ("reason", "a better reason"), ("person_ref", "FD-AAAAAAAA")],
)
def test_a_changed_event_is_detected(column: str, value: str) -> None:
    events = _events(4)
    _raw(f"UPDATE audit_auditevent SET {column} = %s WHERE sequence = %s", [value, 2])
    result = verify()
    assert not result.ok
    assert "event 2 has been changed" in " ".join(result.problems)
    assert events  # the others still check


def test_a_removed_event_is_detected() -> None:
    _events(4)
    _raw("DELETE FROM audit_auditevent WHERE sequence = %s", [2])
    problems = " ".join(verify().problems)
    assert "events 2 to 2 are missing" in problems
    assert "event 3 does not follow" in problems


def test_removing_the_last_events_is_detected() -> None:
    _events(4)
    _raw("DELETE FROM audit_auditevent WHERE sequence >= %s", [3])
    assert "removed" in " ".join(verify().problems)


def test_a_rewritten_chain_is_detected_by_the_head() -> None:
    """Even recomputing every hash after a change does not hide it: the head no longer matches."""
    from focus.web.audit.chain import HASHED, event_hash

    _events(3)
    _raw("UPDATE audit_auditevent SET username = %s WHERE sequence = %s", ["forger", 3])
    row = AuditEvent.objects.filter(sequence=3).values("hash", *HASHED).get()
    _raw("UPDATE audit_auditevent SET hash = %s WHERE sequence = %s", [event_hash(row), 3])
    assert not verify().ok


def test_events_cannot_be_changed_or_deleted_through_the_model() -> None:
    event = _events(1)[0]
    event.username = "forger"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="triggers are PostgreSQL's")
def test_postgresql_refuses_update_and_delete() -> None:
    from django.db import DatabaseError, transaction

    _events(1)
    for sql in ("UPDATE audit_auditevent SET username = 'x'", "DELETE FROM audit_auditevent"):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)


@pytest.mark.django_db(transaction=True)
def test_writers_in_parallel_keep_one_chain() -> None:
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for _ in range(10):
                record(None, "view", record="parallel", username="thread")
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memory"):
        pytest.skip("an in-memory SQLite database is one connection; PostgreSQL runs this")
    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    result = verify()
    assert result.ok, result.problems
    assert result.checked == 40


def test_the_dpo_searches_by_person_and_by_user(make_user: Any, client_of: Any) -> None:
    from focus.web.people.test.factories import person

    somebody = person()
    viewer = make_user("panel_chair")
    record(None, "view", person=somebody, record="person file", user=viewer)
    record(None, "view", record="elsewhere", username="other")
    dpo = client_of(make_user("dpo"))
    by_person = dpo.get("/audit/", {"person": somebody.ref}).content.decode()
    assert viewer.username in by_person
    assert "elsewhere" not in by_person
    by_user = dpo.get("/audit/", {"user": "other"}).content.decode()
    assert "elsewhere" in by_user
    assert somebody.ref not in by_user
    assert AuditEvent.objects.filter(action="search", record="audit log").count() == 2


@pytest.mark.parametrize("role", ["analyst", "panel_chair", "caseworker", "administrator"])
def test_only_the_dpo_searches_the_log(make_user: Any, client_of: Any, role: str) -> None:
    assert client_of(make_user(role)).get("/audit/", {"user": "x"}).status_code == 403


def test_the_check_page_reports_tampering(make_user: Any, client_of: Any) -> None:
    _events(2)
    dpo = client_of(make_user("dpo"))
    assert "are intact" in dpo.get("/audit/verify/").content.decode()
    _raw("UPDATE audit_auditevent SET reason = %s WHERE sequence = %s", ["x", 1])
    assert "tampered" in dpo.get("/audit/verify/").content.decode()
