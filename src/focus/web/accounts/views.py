"""Signing in and out, the second factor, passwords, and the administrator's account pages."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.http import require_POST

from focus.web.accounts import totp
from focus.web.accounts.forms import CodeForm, SignInForm, UserChangeForm, UserCreateForm
from focus.web.accounts.models import User
from focus.web.accounts.permissions import may_manage_users
from focus.web.accounts.queryset import users
from focus.web.accounts.roles import Role
from focus.web.accounts.security import register_failure, register_success, unlock
from focus.web.audit.chain import record
from focus.web.governance.models import Agency

PENDING = "focus_pending_user"
SETUP_SECRET = "focus_totp_setup"  # noqa: S105 - a session key, not a secret
BACKEND = "focus.web.accounts.backends.LockoutBackend"


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return "/"


def _finish(request: HttpRequest, user: User) -> HttpResponse:
    target = _next(request)
    login(request, user, backend=BACKEND)
    record(request, "login")
    return redirect(target)


@login_not_required
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("common:home")
    form = SignInForm(request, request.POST or None)
    if request.method == "POST":
        if form.is_valid() and form.user is not None:
            if form.user.totp_enabled:
                request.session[PENDING] = form.user.pk
                return redirect(f"/accounts/verify/?{urlencode({'next': _next(request)})}")
            return _finish(request, form.user)
        typed = request.POST.get("username", "")[:150]
        record(request, "locked" if form.locked_now else "login_failed", username=typed)
    return render(
        request,
        "accounts/sign_in.html",
        {"form": form, "next": _next(request), "oidc": _oidc_enabled()},
    )


def _oidc_enabled() -> bool:
    from django.conf import settings

    return bool(settings.OIDC_ENABLED)


@login_not_required
def verify(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING)
    user = User.objects.filter(pk=pending, is_active=True).first() if pending else None
    if user is None:
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if user.is_locked():
            form.add_error(None, "This account is locked. Ask an administrator to unlock it.")
        elif totp.verify(user, form.cleaned_data["code"]):
            del request.session[PENDING]
            register_success(user)
            return _finish(request, user)
        else:
            locked = register_failure(user)
            record(request, "locked" if locked else "login_failed", username=user.username)
            form.add_error("code", "That code is not right, or has been used. Try the next one.")
    return render(request, "accounts/verify.html", {"form": form, "next": _next(request)})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    record(request, "logout")
    logout(request)
    messages.info(request, "You have signed out.")
    return redirect("accounts:login")


def second_factor(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if user.totp_enabled:
        return render(request, "accounts/totp_on.html", {})
    secret = request.session.get(SETUP_SECRET) or totp.new_secret()
    request.session[SETUP_SECRET] = secret
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if totp.code_matches(secret, form.cleaned_data["code"]) is not None:
            user.totp_secret, user.totp_enabled = secret, True
            user.save(update_fields=["totp_secret", "totp_enabled"])
            del request.session[SETUP_SECRET]
            record(request, "change", record=f"user:{user.username}", fields=["second factor"])
            messages.success(request, "Your second factor is on. You will need a code to sign in.")
            return redirect("common:home")
        form.add_error("code", "That code is not right. Check the time on your phone and retry.")
    uri = totp.provisioning_uri(secret, user.username)
    context = {"form": form, "secret": secret, "qr": totp.qr_svg(uri)}
    return render(request, "accounts/totp_setup.html", context)


def change_password(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(cast("User", request.user), request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        record(request, "change", record=f"user:{request.user.username}", fields=["password"])
        messages.success(request, "Your password has been changed.")
        return redirect("common:home")
    return render(request, "accounts/password.html", {"form": form})


def _require_admin(request: HttpRequest) -> None:
    if not may_manage_users(request.user):
        raise PermissionDenied("Only administrators manage accounts.")


def user_list(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    text = request.GET.get("q", "")
    role, agency = request.GET.get("role", ""), request.GET.get("agency", "")
    page = Paginator(users(text, role, agency), 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": text,
        "role": role,
        "agency": agency,
        "roles": Role.choices,
        "agencies": Agency.objects.all(),
    }
    return render(request, "accounts/users.html", context)


def user_create(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        record(request, "create", record=f"user:{user.username}", fields=sorted(form.changed_data))
        messages.success(request, f"The account {user.username} has been created.")
        return redirect("accounts:users")
    return render(request, "accounts/user_form.html", {"form": form, "creating": True})


def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _require_admin(request)
    account = get_object_or_404(User, pk=pk)
    form = UserChangeForm(request.POST or None, instance=account)
    if request.method == "POST" and form.is_valid():
        form.save()
        changed = sorted(form.changed_data)
        if form.cleaned_data.get("unlock"):
            unlock(account)
        if form.cleaned_data.get("reset_totp"):
            User.objects.filter(pk=account.pk).update(
                totp_enabled=False, totp_secret="", totp_last_step=None
            )
        record(request, "change", record=f"user:{account.username}", fields=changed)
        messages.success(request, f"The account {account.username} has been changed.")
        return redirect("accounts:users")
    return render(
        request, "accounts/user_form.html", {"form": form, "creating": False, "account": account}
    )
