"""The audit log is not in the Django admin: it is read on the audit pages, which are audited."""

from __future__ import annotations
