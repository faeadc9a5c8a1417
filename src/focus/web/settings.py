"""Django settings for the Focus web application, all read from the environment.

=============================  ======================================================================
``FOCUS_HOME``                 where the case database (SQLite, by default) and the secret key live
``FOCUS_DATABASE_URL``         ``postgresql://...`` to use PostgreSQL (see ``focus.web.database``)
``FOCUS_SECRET_KEY``           the signing key; otherwise ``FOCUS_HOME/secret_key`` (made once)
``FOCUS_ALLOWED_HOSTS``        comma-separated host names the server answers (default: localhost)
``FOCUS_HTTPS``                ``1`` behind TLS: secure cookies and HSTS
``FOCUS_DEBUG``                ``1`` only on a developer's machine
``FOCUS_SESSION_IDLE_MINUTES`` signed out after this long without a request (default 30)
``FOCUS_LOCKOUT_ATTEMPTS``     failed sign-ins before an account is locked (default 5)
``FOCUS_LOCKOUT_MINUTES``      how long the lock lasts (default 15)
``FOCUS_TRUST_PROXY``          ``1`` to take the client address from ``X-Forwarded-For``
``FOCUS_PDF_ENGINE``           how minutes are printed to PDF: ``weasyprint`` or ``chromium``
``FOCUS_CHROMIUM``             the browser that prints them (default: ``chromium`` on the PATH)
``FOCUS_OIDC_*``               single sign-on (see ``focus.web.oidc``)
=============================  ======================================================================
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from focus.config import settings as focus_settings
from focus.web.database import database_config
from focus.web.oidc import oidc_enabled, oidc_settings


def _flag(name: str, default: str = "0") -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


def _secret_key(home: Path) -> str:
    given = os.environ.get("FOCUS_SECRET_KEY")
    if given:
        return given
    path = home / "secret_key"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


FOCUS = focus_settings()
WEB_DIR = Path(__file__).resolve().parent

SECRET_KEY = _secret_key(FOCUS.home)
DEBUG = _flag("FOCUS_DEBUG")
ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("FOCUS_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("FOCUS_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

OIDC_ENABLED = oidc_enabled(os.environ)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "focus.web.common",
    "focus.web.accounts",
    "focus.web.governance",
    "focus.web.audit",
    "focus.web.people",
    "focus.web.publishing",
    "focus.web.panel",
]
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "focus.web.common.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "focus.web.common.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "focus.web.urls"
WSGI_APPLICATION = "focus.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "focus.web.common.context.focus",
            ],
        },
    },
]

DATABASES = {"default": database_config(FOCUS.database_url)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["focus.web.accounts.backends.LockoutBackend"]
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("focus.web.accounts.backends.EntraBackend")
    globals().update(oidc_settings(os.environ))
    LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "focus.web.accounts.passwords.VarietyValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_URL_PATH = "/accounts/login/"
LOGIN_REDIRECT_URL = "common:home"
LOGOUT_REDIRECT_URL = "accounts:login"

FOCUS_SESSION_IDLE_MINUTES = int(os.environ.get("FOCUS_SESSION_IDLE_MINUTES", "30"))
FOCUS_LOCKOUT_ATTEMPTS = int(os.environ.get("FOCUS_LOCKOUT_ATTEMPTS", "5"))
FOCUS_LOCKOUT_MINUTES = int(os.environ.get("FOCUS_LOCKOUT_MINUTES", "15"))
FOCUS_TRUST_PROXY = _flag("FOCUS_TRUST_PROXY")
FOCUS_REVIEW_MONTHS = 3
FOCUS_PAGE_SIZE = 50

SESSION_COOKIE_AGE = 12 * 60 * 60  # an absolute limit of one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "focus_session"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "focus.web.common.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if _flag("FOCUS_HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"

STATIC_URL = "/static/"
STATIC_ROOT = FOCUS.home / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise looks there first
STATICFILES_DIRS = [WEB_DIR / "static"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("FOCUS_LOG_LEVEL", "WARNING")},
}
