"""Sign-in, second factor, and the administrator's account forms."""

from __future__ import annotations

from typing import Any, ClassVar, cast

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.http import HttpRequest

from focus.web.accounts.models import User
from focus.web.accounts.roles import Role
from focus.web.accounts.security import find_user, register_failure, register_success
from focus.web.governance.models import Agency

LOCKED = (
    "This account is locked after too many failed attempts. Try again later, or ask an "
    "administrator to unlock it."
)
WRONG = "The username or password is not right. Check them and try again."


class SignInForm(forms.Form):
    username = forms.CharField(
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        self.request = request
        self.user: User | None = None
        self.locked_now = False
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        username, password = data.get("username", ""), data.get("password", "")
        if not username or not password:
            return data
        known = find_user(username)
        if known is not None and known.is_locked():
            raise forms.ValidationError(LOCKED, code="locked")
        user = authenticate(
            self.request, username=known.username if known else username, password=password
        )
        if user is None:
            if known is not None:
                self.locked_now = register_failure(known)
                if self.locked_now:
                    raise forms.ValidationError(LOCKED, code="locked")
            raise forms.ValidationError(WRONG, code="invalid_login")
        register_success(user)
        self.user = user
        return data


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*"}
        ),
    )


class UserCreateForm(forms.ModelForm):  # type: ignore[type-arg]
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 12 characters; three random words work well.",
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = ("username", "first_name", "last_name", "email", "job_title", "role", "agency")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email", "role", "agency"):
            self.fields[name].required = True
        agency = cast("forms.ModelChoiceField[Agency]", self.fields["agency"])
        agency.queryset = Agency.objects.order_by("name")
        cast("forms.ChoiceField", self.fields["role"]).choices = [
            ("", "Choose a role"),
            *Role.choices,
        ]

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip()
        others = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("Another account already uses this e-mail address.")
        return email

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords are not the same.")
        elif first:
            candidate = User(
                username=data.get("username", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
                email=data.get("email", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data

    def save(self, commit: bool = True) -> User:
        user: User = super().save(commit=False)
        user.set_password(self.cleaned_data["password1"])
        if commit:
            user.save()
        return user


class UserChangeForm(forms.ModelForm):  # type: ignore[type-arg]
    unlock = forms.BooleanField(required=False, label="Unlock the account")
    reset_totp = forms.BooleanField(required=False, label="Remove their second factor")

    class Meta:
        model = User
        fields = ("first_name", "last_name", "email", "job_title", "role", "agency", "is_active")
        labels: ClassVar[dict[str, Any]] = {"is_active": "Account is active"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name", "email", "role", "agency"):
            self.fields[name].required = True

    clean_email = UserCreateForm.clean_email
