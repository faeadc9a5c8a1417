"""Authentication backends: passwords (refusing locked and role-less accounts) and single sign-on."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend


class LockoutBackend(ModelBackend):
    """Django's password backend, except that a locked account cannot sign in."""

    def user_can_authenticate(self, user: Any) -> bool:
        return bool(super().user_can_authenticate(user) and user.role and not user.is_locked())


try:
    from mozilla_django_oidc.auth import OIDCAuthenticationBackend
except ImportError:  # pragma: no cover - the package is installed with the web application
    OIDCAuthenticationBackend = object


class EntraBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """Sign-on by OIDC (Microsoft Entra ID): the e-mail claim finds an account made by an admin."""

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        from focus.web.accounts.models import User

        email = str(claims.get("email") or claims.get("preferred_username") or "").strip()
        if not email:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True).exclude(role="")

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return bool(claims.get("email") or claims.get("preferred_username"))

    def create_user(self, claims: dict[str, Any]) -> None:  # noqa: ARG002
        return None  # accounts are made by administrators, with a role and an agency

    def update_user(self, user: Any, claims: dict[str, Any]) -> Any:  # noqa: ARG002
        return user
