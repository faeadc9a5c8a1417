"""Single sign-on by OpenID Connect, when configured. Pure: no Django import.

Forces and councils mostly use Microsoft Entra ID. Setting the tenant is enough for Entra::

    FOCUS_OIDC_CLIENT_ID=...            the application (client) id
    FOCUS_OIDC_CLIENT_SECRET=...        its secret
    FOCUS_OIDC_ENTRA_TENANT=...         the directory (tenant) id

For another provider, give the endpoints instead of the tenant::

    FOCUS_OIDC_AUTHORIZATION_ENDPOINT, FOCUS_OIDC_TOKEN_ENDPOINT,
    FOCUS_OIDC_USER_ENDPOINT, FOCUS_OIDC_JWKS_ENDPOINT

Without ``FOCUS_OIDC_CLIENT_ID`` single sign-on is off. Users are never created by sign-on: an
administrator creates each account (role and agency) and the provider's e-mail claim finds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from focus.errors import ConfigurationError

ENTRA = "https://login.microsoftonline.com/{tenant}"
ENDPOINTS = ("AUTHORIZATION", "TOKEN", "USER", "JWKS")


def oidc_enabled(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("FOCUS_OIDC_CLIENT_ID"))


def oidc_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """The ``mozilla-django-oidc`` settings for the environment ({} when sign-on is off)."""
    if not oidc_enabled(environ):
        return {}
    secret = environ.get("FOCUS_OIDC_CLIENT_SECRET", "")
    if not secret:
        raise ConfigurationError(
            "FOCUS_OIDC_CLIENT_ID is set but FOCUS_OIDC_CLIENT_SECRET is not; give both, or "
            "neither to turn single sign-on off."
        )
    tenant = environ.get("FOCUS_OIDC_ENTRA_TENANT", "")
    if tenant:
        base = ENTRA.format(tenant=tenant)
        endpoints = {
            "AUTHORIZATION": f"{base}/oauth2/v2.0/authorize",
            "TOKEN": f"{base}/oauth2/v2.0/token",
            "USER": "https://graph.microsoft.com/oidc/userinfo",
            "JWKS": f"{base}/discovery/v2.0/keys",
        }
    else:
        endpoints = {name: environ.get(f"FOCUS_OIDC_{name}_ENDPOINT", "") for name in ENDPOINTS}
        missing = [f"FOCUS_OIDC_{name}_ENDPOINT" for name, url in endpoints.items() if not url]
        if missing:
            raise ConfigurationError(
                "Single sign-on needs FOCUS_OIDC_ENTRA_TENANT (Microsoft Entra ID) or every "
                f"endpoint; missing: {', '.join(missing)}."
            )
    return {
        "OIDC_RP_CLIENT_ID": environ["FOCUS_OIDC_CLIENT_ID"],
        "OIDC_RP_CLIENT_SECRET": secret,
        "OIDC_RP_SIGN_ALGO": environ.get("FOCUS_OIDC_SIGN_ALGO", "RS256"),
        "OIDC_RP_SCOPES": "openid email profile",
        "OIDC_OP_AUTHORIZATION_ENDPOINT": endpoints["AUTHORIZATION"],
        "OIDC_OP_TOKEN_ENDPOINT": endpoints["TOKEN"],
        "OIDC_OP_USER_ENDPOINT": endpoints["USER"],
        "OIDC_OP_JWKS_ENDPOINT": endpoints["JWKS"],
        "OIDC_CREATE_USER": False,
        "OIDC_STORE_ID_TOKEN": False,
        "OIDC_USE_NONCE": True,
        "OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS": 15 * 60,
    }
