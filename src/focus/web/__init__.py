"""The Focus web application: a Django project with one app per concept.

::

    common/       the home page, the layout, middleware (session timeout, security headers)
    accounts/     users, roles, agencies of users, passwords, lockout, TOTP, single sign-on
    governance/   agencies, data-sharing agreements, and what each role may see (the matrix)
    audit/        the append-only, hash-chained log of every view and change of personal data
    people/       the people published for the panel, their records and their files
    publishing/   an identification run into the case database (its candidates only)
    panel/        meetings, agendas, decisions, dissent and minutes

The analytical core never imports Django; this package calls the core. ``setup()`` makes Django
ready for code outside a request (the CLI, the demo, benchmarks).
"""

from __future__ import annotations

import os

SETTINGS_MODULE = "focus.web.settings"

__all__ = ["SETTINGS_MODULE", "setup"]


def setup() -> None:
    """Configure Django with the Focus settings (reads ``FOCUS_HOME`` and ``FOCUS_DATABASE_URL``)."""
    import django
    from django.conf import settings

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    if not settings.configured or not _apps_ready():
        django.setup()


def _apps_ready() -> bool:
    from django.apps import apps

    return apps.ready
