"""Test support: the environment a test run of the web application needs, set before Django starts.

``FOCUS_TEST_DATABASE_URL`` switches the test database to PostgreSQL (``make test`` runs the web
tests once on SQLite and once on PostgreSQL); by default it is SQLite in memory.
"""

from __future__ import annotations

import os
import tempfile

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def configure_for_tests() -> None:
    """Point Django at the Focus settings, a throwaway FOCUS_HOME and the chosen test database,
    and start Django (so that test modules can import models)."""
    if os.environ.get("FOCUS_WEB_TESTS_CONFIGURED"):
        return
    os.environ["FOCUS_WEB_TESTS_CONFIGURED"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "focus.web.settings")
    os.environ["FOCUS_HOME"] = tempfile.mkdtemp(prefix="focus-web-tests-")
    os.environ.setdefault("FOCUS_SECRET_KEY", "tests-only-not-secret-" + "x" * 40)
    os.environ.setdefault("FOCUS_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
    test_url = os.environ.get("FOCUS_TEST_DATABASE_URL")
    if test_url:
        os.environ["FOCUS_DATABASE_URL"] = test_url
    else:
        os.environ.pop("FOCUS_DATABASE_URL", None)
    import django

    django.setup()
