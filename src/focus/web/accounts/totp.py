"""The optional second factor: time-based one-time passwords (RFC 6238) from an authenticator app."""

from __future__ import annotations

import time

import pyotp

from focus.web.accounts.models import User

ISSUER = "Focus"


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The URI as an inline SVG QR code (empty when segno is not installed: the key is shown)."""
    try:
        import segno
    except ImportError:  # pragma: no cover
        return ""
    svg: str = segno.make(uri, error="m").svg_inline(scale=4, dark="#0b0c0c", light="#ffffff")
    return svg


def code_matches(secret: str, code: str, for_time: float | None = None) -> int | None:
    """The time step that ``code`` is valid for (one step of clock drift allowed), or None."""
    cleaned = "".join(code.split())
    if not (cleaned.isdigit() and len(cleaned) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = time.time() if for_time is None else for_time
    for drift in (0, -1, 1):
        moment = now + drift * totp.interval
        if totp.verify(cleaned, for_time=int(moment), valid_window=0):
            return int(moment // totp.interval)
    return None


def verify(user: User, code: str, for_time: float | None = None) -> bool:
    """Check a code against the user's secret; a code is never accepted twice."""
    if not user.totp_enabled or not user.totp_secret:
        return False
    step = code_matches(user.totp_secret, code, for_time)
    if step is None or (user.totp_last_step is not None and step <= user.totp_last_step):
        return False
    User.objects.filter(pk=user.pk).update(totp_last_step=step)
    user.totp_last_step = step
    return True
