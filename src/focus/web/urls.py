"""The URLs of the web application: one include per app."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

admin.site.site_header = "Focus administration"
admin.site.site_title = "Focus administration"

urlpatterns = [
    path("", include("focus.web.common.urls")),
    path("accounts/", include("focus.web.accounts.urls")),
    path("people/", include("focus.web.people.urls")),
    path("panel/", include("focus.web.panel.urls")),
    path("audit/", include("focus.web.audit.urls")),
    path("publish/", include("focus.web.publishing.urls")),
    path("governance/", include("focus.web.governance.urls")),
    path("admin/", admin.site.urls),
]

if settings.OIDC_ENABLED:
    from mozilla_django_oidc import views as oidc_views

    urlpatterns += [
        path(
            "oidc/authenticate/",
            login_not_required(oidc_views.OIDCAuthenticationRequestView.as_view()),
            name="oidc_authentication_init",
        ),
        path(
            "oidc/callback/",
            login_not_required(oidc_views.OIDCAuthenticationCallbackView.as_view()),
            name="oidc_authentication_callback",
        ),
    ]
