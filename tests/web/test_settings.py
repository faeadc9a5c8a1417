"""Settings from the environment: the database URL, single sign-on, and the secret key."""

from __future__ import annotations

from pathlib import Path

import pytest

from focus.errors import ConfigurationError
from focus.web.database import database_config
from focus.web.oidc import oidc_settings


def test_sqlite_url_gives_a_file_database_with_immediate_transactions(tmp_path: Path) -> None:
    config = database_config(f"sqlite:///{tmp_path}/case/focus.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == f"{tmp_path}/case/focus.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert (tmp_path / "case").is_dir()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "postgresql://focus:s%40cret@db.example:6543/cases?sslmode=require",
            {
                "NAME": "cases",
                "USER": "focus",
                "PASSWORD": "s@cret",
                "HOST": "db.example",
                "PORT": "6543",
            },
        ),
        ("postgres://postgres@127.0.0.1/test", {"NAME": "test", "USER": "postgres", "PORT": ""}),
    ],
)
def test_postgres_urls(url: str, expected: dict[str, str]) -> None:
    config = database_config(url)
    assert config["ENGINE"] == "django.db.backends.postgresql"
    for key, value in expected.items():
        assert config[key] == value


def test_postgres_options_pass_on() -> None:
    assert database_config("postgresql://u@h/db?sslmode=require")["OPTIONS"] == {
        "sslmode": "require"
    }


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://u:p@h/db", "neither sqlite"),
        ("postgresql://u:secret@h/", "names no database"),
        ("sqlite:///", "names no file"),
    ],
)
def test_bad_urls_say_what_to_do_and_hide_passwords(url: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message) as caught:
        database_config(url)
    assert "secret" not in str(caught.value)


def test_single_sign_on_is_off_without_a_client_id() -> None:
    assert oidc_settings({}) == {}


def test_entra_tenant_gives_every_endpoint() -> None:
    found = oidc_settings(
        {
            "FOCUS_OIDC_CLIENT_ID": "abc",
            "FOCUS_OIDC_CLIENT_SECRET": "s",
            "FOCUS_OIDC_ENTRA_TENANT": "t1",
        }
    )
    assert found["OIDC_OP_AUTHORIZATION_ENDPOINT"] == (
        "https://login.microsoftonline.com/t1/oauth2/v2.0/authorize"
    )
    assert found["OIDC_OP_JWKS_ENDPOINT"].endswith("/t1/discovery/v2.0/keys")
    assert found["OIDC_CREATE_USER"] is False


def test_other_providers_need_every_endpoint() -> None:
    with pytest.raises(ConfigurationError, match="FOCUS_OIDC_TOKEN_ENDPOINT"):
        oidc_settings(
            {
                "FOCUS_OIDC_CLIENT_ID": "abc",
                "FOCUS_OIDC_CLIENT_SECRET": "s",
                "FOCUS_OIDC_AUTHORIZATION_ENDPOINT": "https://idp/auth",
                "FOCUS_OIDC_USER_ENDPOINT": "https://idp/user",
                "FOCUS_OIDC_JWKS_ENDPOINT": "https://idp/jwks",
            }
        )


def test_a_client_id_without_a_secret_is_refused() -> None:
    with pytest.raises(ConfigurationError, match="SECRET"):
        oidc_settings({"FOCUS_OIDC_CLIENT_ID": "abc"})


def test_the_secret_key_is_made_once_and_kept_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from focus.web.settings import _secret_key

    monkeypatch.delenv("FOCUS_SECRET_KEY", raising=False)
    first = _secret_key(tmp_path / "home")
    assert first == _secret_key(tmp_path / "home")
    assert len(first) > 40
    assert (tmp_path / "home" / "secret_key").stat().st_mode & 0o077 == 0
