"""Signing in: passwords, lockout, the session timeout, the second factor, and account management."""

from __future__ import annotations

import time
from typing import Any

import pyotp
import pytest
from django.test import Client

from focus.web.accounts.test.factories import PASSWORD
from focus.web.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def sign_in(client: Client, username: str, password: str = PASSWORD) -> Any:
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_a_user_signs_in_and_the_event_is_audited(client: Client, make_user: Any) -> None:
    user = make_user("panel_chair")
    response = sign_in(client, user.username)
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(username=user.username, action="login").exists()


def test_pages_need_a_signed_in_user(client: Client) -> None:
    response = client.get("/people/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_wrong_password_is_refused_and_keeps_the_username(client: Client, make_user: Any) -> None:
    user = make_user("analyst")
    response = sign_in(client, user.username, "not-the-password")
    assert response.status_code == 200
    assert "is not right" in response.content.decode()
    assert f'value="{user.username}"' in response.content.decode()
    assert AuditEvent.objects.filter(username=user.username, action="login_failed").exists()


def test_the_account_locks_after_five_failures(client: Client, make_user: Any) -> None:
    user = make_user("analyst")
    for _ in range(5):
        sign_in(client, user.username, "wrong-wrong-wrong")
    user.refresh_from_db()
    assert user.is_locked()
    response = sign_in(client, user.username)  # even the right password
    assert "locked" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    assert AuditEvent.objects.filter(username=user.username, action="locked").exists()


def test_an_administrator_unlocks_an_account(
    make_user: Any, client_of: Any, client: Client
) -> None:
    user = make_user("analyst")
    for _ in range(5):
        sign_in(client, user.username, "wrong-wrong-wrong")
    admin = client_of(make_user("administrator"))
    form = {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "agency": user.agency_id,
        "is_active": "on",
        "unlock": "on",
    }
    assert admin.post(f"/accounts/users/{user.pk}/", form).status_code == 302
    assert sign_in(Client(), user.username).status_code == 302


def test_the_session_ends_after_the_idle_time(make_user: Any, settings: Any) -> None:
    client = Client()
    user = make_user("panel_member")
    sign_in(client, user.username)
    assert client.get("/").status_code == 200
    session = client.session
    session["focus_last_seen"] = time.time() - (settings.FOCUS_SESSION_IDLE_MINUTES * 60 + 5)
    session.save()
    response = client.get("/people/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.get("/").status_code == 302  # signed out for good


def test_the_second_factor_is_set_up_and_then_asked_for(make_user: Any) -> None:
    client = Client()
    user = make_user("police_lead")
    sign_in(client, user.username)
    page = client.get("/accounts/second-factor/")
    assert page.status_code == 200
    secret = client.session["focus_totp_setup"]
    assert "<svg" in page.content.decode()
    wrong = client.post("/accounts/second-factor/", {"code": "000000"})
    assert "not right" in wrong.content.decode()
    assert (
        client.post("/accounts/second-factor/", {"code": pyotp.TOTP(secret).now()}).status_code
        == 302
    )
    user.refresh_from_db()
    assert user.totp_enabled

    fresh = Client()
    response = sign_in(fresh, user.username)
    assert response["Location"].startswith("/accounts/verify/")
    assert fresh.get("/").status_code == 302  # not signed in until the code is given
    code = pyotp.TOTP(secret).at(time.time() + 30)  # the next step: the first one was used
    assert fresh.post("/accounts/verify/", {"code": code}).status_code == 302
    assert fresh.get("/").status_code == 200


def test_a_code_cannot_be_used_twice(make_user: Any) -> None:
    from focus.web.accounts import totp

    user = make_user("police_lead", totp_secret=pyotp.random_base32(), totp_enabled=True)
    code = pyotp.TOTP(user.totp_secret).now()
    assert totp.verify(user, code)
    assert not totp.verify(user, code)


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short-one", "too short"),
        ("password1234", "too common"),
        ("839201948372", "entirely numeric"),
        ("abababababab", "too few characters"),
    ],
)
def test_weak_passwords_are_refused_and_the_form_keeps_what_was_typed(
    make_user: Any, client_of: Any, password: str, problem: str
) -> None:
    admin = client_of(make_user("administrator"))
    form = {
        "username": "newperson",
        "first_name": "Nia",
        "last_name": "Okafor",
        "email": "nia@example.org",
        "job_title": "Caseworker",
        "role": "caseworker",
        "agency": admin.session and 1,
        "password1": password,
        "password2": password,
    }
    from focus.web.governance.models import Agency

    form["agency"] = Agency.objects.get(code="youth_justice").pk
    response = admin.post("/accounts/users/new/", form)
    text = response.content.decode()
    assert response.status_code == 200
    assert problem in text
    assert 'value="Okafor"' in text
    assert 'value="nia@example.org"' in text
    assert password not in text  # passwords are never echoed back


def test_an_administrator_creates_a_user(make_user: Any, client_of: Any) -> None:
    from focus.web.accounts.models import User
    from focus.web.governance.models import Agency

    admin = client_of(make_user("administrator"))
    form = {
        "username": "nokafor",
        "first_name": "Nia",
        "last_name": "Okafor",
        "email": "nia@example.org",
        "role": "caseworker",
        "agency": Agency.objects.get(code="youth_justice").pk,
        "password1": "lantern-orchard-pebble",
        "password2": "lantern-orchard-pebble",
    }
    assert admin.post("/accounts/users/new/", form).status_code == 302
    created = User.objects.get(username="nokafor")
    assert created.role == "caseworker"
    assert created.agency.code == "youth_justice"
    assert not created.is_staff
    assert AuditEvent.objects.filter(action="create", record="user:nokafor").exists()


@pytest.mark.parametrize("role", ["analyst", "panel_chair", "caseworker", "dpo"])
def test_only_administrators_manage_users(make_user: Any, client_of: Any, role: str) -> None:
    assert client_of(make_user(role)).get("/accounts/users/").status_code == 403


def test_sign_on_finds_the_account_by_email_and_never_creates_one(make_user: Any) -> None:
    from focus.web.accounts.backends import EntraBackend

    user = make_user("caseworker", email="Jo.Bloggs@council.gov.uk")
    backend = EntraBackend.__new__(EntraBackend)
    assert list(backend.filter_users_by_claims({"email": "jo.bloggs@council.gov.uk"})) == [user]
    assert not backend.filter_users_by_claims({"email": "someone@else.org"}).exists()
    assert backend.create_user({"email": "someone@else.org"}) is None


def test_an_open_redirect_after_sign_in_is_refused(client: Client, make_user: Any) -> None:
    user = make_user("analyst")
    response = client.post(
        "/accounts/login/?next=https://evil.example/",
        {"username": user.username, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"
