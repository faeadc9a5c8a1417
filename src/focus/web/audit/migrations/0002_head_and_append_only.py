# ruff: noqa: RUF012, ARG001
"""The chain's head row, and (on PostgreSQL) triggers that refuse UPDATE and DELETE of events.

SQLite keeps the model-level refusal and the hash chain (which detects any change); its test
databases are emptied with DELETE between browser tests, which a trigger would block.
"""

from __future__ import annotations

from django.db import migrations

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION focus_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'The Focus audit log is append-only: events cannot be changed or deleted';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER focus_audit_no_update BEFORE UPDATE ON audit_auditevent
  FOR EACH ROW EXECUTE FUNCTION focus_audit_append_only();
CREATE TRIGGER focus_audit_no_delete BEFORE DELETE ON audit_auditevent
  FOR EACH ROW EXECUTE FUNCTION focus_audit_append_only();
"""
POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS focus_audit_no_update ON audit_auditevent;
DROP TRIGGER IF EXISTS focus_audit_no_delete ON audit_auditevent;
DROP FUNCTION IF EXISTS focus_audit_append_only();
"""


def add_head(apps, schema_editor):  # type: ignore[no-untyped-def]
    head = apps.get_model("audit", "AuditHead")
    head.objects.get_or_create(pk=1, defaults={"sequence": 0, "hash": "0" * 64})


def triggers(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)


def drop_triggers(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [
        migrations.RunPython(add_head, migrations.RunPython.noop),
        migrations.RunPython(triggers, drop_triggers),
    ]
