"""Session timeout and security headers."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

LAST_SEEN = "focus_last_seen"
TOUCH_EVERY = 30  # seconds: the idle clock is exact to within this

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    )
)
# Django's own admin pages use a few inline styles and scripts.
ADMIN_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "style-src 'self'", "style-src 'self' 'unsafe-inline'"
)


class SessionTimeoutMiddleware:
    """Sign out a user who has made no request for ``FOCUS_SESSION_IDLE_MINUTES``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN)
            idle = settings.FOCUS_SESSION_IDLE_MINUTES * 60
            if last_seen is not None and now - float(last_seen) > idle:
                from focus.web.audit.chain import record

                record(request, "logout", details={"why": "session timed out"})
                logout(request)
                messages.info(
                    request,
                    f"You were signed out after {settings.FOCUS_SESSION_IDLE_MINUTES} minutes "
                    "without activity. Sign in again to carry on.",
                )
                return redirect(f"{settings.LOGIN_URL_PATH}?next={request.path}")
            if last_seen is None or now - float(last_seen) > TOUCH_EVERY:
                request.session[LAST_SEEN] = now  # not every request: a session write costs
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy (no inline script), and no caching of personal data."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        admin = request.path.startswith("/admin/")
        response.headers.setdefault("Content-Security-Policy", ADMIN_CSP if admin else CSP)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        if not request.path.startswith(settings.STATIC_URL):
            response.headers.setdefault("Cache-Control", "no-store")
        return response
