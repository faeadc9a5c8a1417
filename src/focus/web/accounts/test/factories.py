"""Users for tests and benchmarks."""

from __future__ import annotations

import itertools
from typing import Any

from focus.web.accounts.models import User
from focus.web.governance.models import Agency

PASSWORD = "violet-harbour-kettle-41"  # noqa: S105 - tests only
_numbers = itertools.count(1)


def user(
    role: str = "panel_chair",
    agency: str = "police",
    username: str | None = None,
    password: str = PASSWORD,
    **values: Any,
) -> User:
    number = next(_numbers)
    name = username or f"{role}{number}"
    account = User(
        username=name,
        role=role,
        agency=Agency.objects.get(code=agency),
        email=values.pop("email", f"{name}@example.org"),
        first_name=values.pop("first_name", role.replace("_", " ").title()),
        last_name=values.pop("last_name", f"Tester{number}"),
        **values,
    )
    account.set_password(password)
    account.save()
    return account
